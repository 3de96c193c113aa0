"""/data/'s query and version: the dashboard's decoder, refused values named, validators."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from urllib.parse import parse_qsl, urlencode

import pytest
from streamlit.runtime.state import query_params as streamlit_query

from soderort import paths
from soderort.viewstate import decode_query
from soderort.web.query import MAX_QUERY_CHARS, MAX_QUERY_FIELDS, QueryError, read_view
from soderort.web.versioning import cache_headers, data_version, not_modified


@pytest.fixture
def data(plan_data):
    return plan_data


def read(query: str, data):
    return read_view(query, parse_qsl(query, keep_blank_values=True), data)


def test_the_limits_are_the_apps():
    assert MAX_QUERY_FIELDS == streamlit_query.CLIENT_STATE_QUERY_STRING_MAX_FIELDS
    assert MAX_QUERY_CHARS == streamlit_query.CLIENT_STATE_QUERY_STRING_MAX_LENGTH


def test_a_dashboard_query_gives_the_dashboards_view(data):
    query = (
        "committee=stockholm-business-region&from=2012&to=2020&area=farsta,hogdalen"
        "&q=arbets&lang=en&slide=3"
    )
    expected, notices = decode_query(dict(parse_qsl(query)), data)
    assert notices == []
    assert read(query, data) == expected


def test_every_unusable_value_is_named(data):
    # "color" is no parameter ("colour", the map's colouring, is one the map page reads itself).
    with pytest.raises(QueryError) as caught:
        read("area=farsta,atlantis&from=1800&color=red&lang=en", data)
    body = caught.value.body()
    named = {(p["parameter"], p["value"], p["reason"]) for p in body["parameters"]}
    assert named == {
        ("area", "atlantis", "unknown_value"),
        ("from", "1800", "out_of_range"),
        ("color", "red", "unknown_key"),
    }
    # In the language the query asks for, every parameter named in the sentence.
    assert "could not be used" in body["error"]
    for parameter in ("area=atlantis", "from=1800", "color=red"):
        assert parameter in body["error"]


def test_a_repeated_key_is_refused_not_half_read(data):
    with pytest.raises(QueryError) as caught:
        read("theme=arbetsplatser&theme=kluster", data)
    assert [p["reason"] for p in caught.value.body()["parameters"]] == ["repeated"]


def test_a_query_past_the_apps_limits_is_refused(data):
    many = urlencode([("q", "x")] * (MAX_QUERY_FIELDS + 1))
    with pytest.raises(QueryError) as caught:
        read(many, data)
    assert caught.value.body()["parameters"][0]["reason"] == "query_too_many"
    with pytest.raises(QueryError) as caught:
        read_view("q=" + "a" * MAX_QUERY_CHARS, [("q", "a")], data)
    assert caught.value.body()["parameters"][0]["reason"] == "query_too_long"


def test_the_version_follows_the_files_contents(tmp_path):
    folder = tmp_path / "geodata"
    shutil.copytree(paths.GEODATA_DIR, folder)
    first = data_version(folder)
    assert data_version(folder) == first  # read twice, the same
    plan = folder / paths.ACTION_PLAN_FILE.name
    # Touched, the same content: the same version, a later Last-Modified.
    later = max(path.stat().st_mtime for path in folder.iterdir()) + 60
    os.utime(plan, (later, later))
    touched = data_version(folder)
    assert touched.tag == first.tag
    assert touched.modified == dt.datetime.fromtimestamp(int(later), tz=dt.UTC)
    # Changed, with its old modification time kept (as deploy tools do): a new version.
    plan.write_text(plan.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    os.utime(plan, (later, later))
    second = data_version(folder)
    assert second.tag != first.tag
    (folder / paths.FOLLOW_UP_FILE.name).unlink()
    assert data_version(folder).tag != second.tag


def test_conditional_requests(tmp_path):
    version = data_version(paths.GEODATA_DIR)
    headers = cache_headers(version)
    assert not_modified({"if-none-match": headers["ETag"]}, version)
    # A compressing proxy weakens the tag; the comparison is weak.
    assert not_modified({"if-none-match": f'"other", W/{headers["ETag"]}'}, version)
    assert not not_modified({"if-none-match": '"other"'}, version)
    assert not_modified({"if-modified-since": headers["Last-Modified"]}, version)
    assert not not_modified({"if-modified-since": "Mon, 01 Jan 2001 00:00:00 GMT"}, version)
    assert not not_modified({"if-modified-since": "not a date"}, version)
    # If-None-Match decides when both are sent.
    both = {"if-none-match": '"other"', "if-modified-since": headers["Last-Modified"]}
    assert not not_modified(both, version)
