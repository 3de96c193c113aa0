"""/data/'s writers on their own: an empty selection is still a file its tools open, and the
records say what the other views say."""

from __future__ import annotations

import datetime as dt
import io
import json
import xml.etree.ElementTree as ET

import feedparser
import geopandas as gpd

from soderort.exports import initiatives_table
from soderort.facts import committee_line, count_by_place
from soderort.followup import latest_summary, today_status
from soderort.web import feed, geo, tables
from soderort.web.records import initiative_record

LINKS = feed.FeedLinks("https://soderort.example.se/data/followups.atom", "https://x.example")


def test_an_empty_selection_is_still_a_file_that_opens(plan_data) -> None:
    document = json.loads(geo.initiatives_geojson(plan_data, [], "sv"))
    assert document["type"] == "FeatureCollection" and document["features"] == []
    assert document["licence"] and document["source"]
    assert ET.fromstring(geo.initiatives_kml(plan_data, [], "sv")) is not None
    assert len(gpd.read_file(io.BytesIO(geo.initiatives_gpkg(plan_data, [], "sv")))) == 0
    atom = feed.followups_atom(plan_data, [], "sv", LINKS, dt.datetime.now(dt.UTC))
    parsed = feedparser.parse(atom)
    assert not parsed.bozo and parsed.entries == []
    assert tables.initiatives_csv(plan_data, [], "sv").decode("utf-8-sig").count("\r\n") == 1
    assert json.loads(tables.initiatives_json(plan_data, [], "sv", ""))["count"] == 0
    places = json.loads(geo.places_geojson(plan_data, [], "sv"))["features"]
    assert {f["properties"]["count"] for f in places} == {0}


def test_records_say_what_the_table_and_facts_say(plan_data) -> None:
    table = initiatives_table(plan_data, plan_data.initiatives, "en").set_index("id")
    for item in plan_data.initiatives:
        record = initiative_record(plan_data, item, "en")
        committees = "; ".join(f"{c['name']} ({c['role_label']})" for c in record["committees"])
        assert (
            committees == committee_line(plan_data, item, "en") == table.at[item.id, "Committees"]
        )
        assert record["status_today"] == today_status(plan_data, item.id)
        status, date, _source = latest_summary(plan_data, item.id, "en")
        assert record["status_today_label"] == status
        if record["follow_up"] is not None:
            assert (record["follow_up"]["date"] or "") == date  # none for an undated entry
        assert record["rubrik"] == table.at[item.id, "Heading"]


def test_places_count_as_the_map_counts(plan_data) -> None:
    places = json.loads(geo.places_geojson(plan_data, plan_data.initiatives, "sv"))["features"]
    counts = count_by_place(plan_data, plan_data.initiatives)
    assert {f["id"]: f["properties"]["count"] for f in places} == counts
