"""The open data under /data/ on a real server, read back by the tools its users use.

GeoJSON and KML through geopandas (GDAL, as QGIS reads them), CSV through `csv`, Atom through
the standard library's XML parser and feedparser (as a feed reader), JSON through `json`. A
filtered address is compared with the dashboard's Table page for the same URL (AppTest), hostile
text from the data is checked in every format, and the HTTP rules (400, 304, HEAD, 405, CORS on
/data/ only) are asked of the server itself.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import shutil
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import parse_qsl

import feedparser
import geopandas as gpd
import pytest
import yaml
from playwright.sync_api import Page

from benchmarks.launch import streamlit_server
from soderort import paths
from soderort.exports import initiatives_table
from soderort.facts import count_by_place
from soderort.filters import filter_initiatives
from soderort.health import HEALTH_PATH
from soderort.loading import load_plan_data
from soderort.public_url import PUBLIC_URL_ENV
from soderort.published import SETTLE_SECONDS
from soderort.render.spreadsheet_cells import FORMULA_STARTS
from soderort.render.spreadsheet_files import to_csv_bytes
from soderort.viewstate import decode_query
from soderort.web.feed import ATOM, FOLLOW_UP_NS
from tests.app.conftest import open_app, st_folium  # noqa: F401  (the table page's AppTest)
from tests.e2e.walk import open_page
from tests.hostile import (
    HOSTILE_BREAKOUT,
    HOSTILE_IMG,
    HOSTILE_QUOTES,
    HOSTILE_RTL,
    HOSTILE_SCRIPT,
    HOSTILE_SQL,
    HOSTILE_TEMPLATE,
    Markup,
    write_hostile_data,
)

pytestmark = pytest.mark.e2e

# A written data file is taken once it has been still this long (soderort.published), and a margin.
SETTLE_S = SETTLE_SECONDS + 1.0

FORMATS = (
    "initiatives.geojson",
    "initiatives.kml",
    "initiatives.csv",
    "initiatives.json",
    "places.geojson",
    "followups.atom",
)
A = f"{{{ATOM}}}"
OWN = f"{{{FOLLOW_UP_NS}}}"


def ask(
    url: str, method: str = "GET", headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    """Status, headers (lower-case names) and body of one request."""
    request = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            status, head, body = answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as err:
        status, head, body = err.code, err.headers, err.read()
    return status, {key.lower(): value for key, value in head.items()}, body


def fetch(url: str) -> bytes:
    status, _headers, body = ask(url)
    assert status == 200, (url, status, body[:300])
    return body


def frame(body: bytes) -> gpd.GeoDataFrame:
    return gpd.read_file(io.BytesIO(body))


def csv_rows(body: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))


# ------------------------------------------------------------------ each format, read back


def test_geojson_has_every_initiative_on_every_place_it_names(server: str) -> None:
    plan = load_plan_data()
    features = frame(fetch(f"{server}/data/initiatives.geojson"))
    assert features.crs.to_epsg() == 4326
    assert features["id"].nunique() == 19
    expected = {(item.id, place) for item in plan.initiatives for place in set(item.places)}
    assert set(zip(features["id"], features["place_id"], strict=True)) == expected
    assert features.geometry.is_valid.all()
    # The same shape as the place's own, and every geometry names its licence.
    row = features[features["place_id"] == "hogdalen"].iloc[0]
    assert row.geometry.equals(plan.places.geometry["hogdalen"])
    assert features["geometry_licence"].str.len().gt(0).all()
    document = json.loads(fetch(f"{server}/data/initiatives.geojson"))
    assert "allmän handling" in document["licence"] and "Söderort 2030" in document["source"]


def test_kml_opens_with_swedish_names_and_every_initiative(server: str) -> None:
    body = fetch(f"{server}/data/initiatives.kml")
    features = frame(body)
    assert features["initiative_id"].nunique() == 19
    assert "Miljöteknik Högdalen – Högdalens industriområde" in set(features["Name"])
    root = ET.fromstring(body)
    kml = "{http://www.opengis.net/kml/2.2}"
    descriptions = [d.text for d in root.iter(f"{kml}description")]
    assert len(descriptions) == len(features)
    assert all("<b>Uppdrag</b>" in text for text in descriptions)


def test_csv_is_the_table_pages_download(server: str) -> None:
    plan = load_plan_data()
    body = fetch(f"{server}/data/initiatives.csv")
    assert body == to_csv_bytes(initiatives_table(plan, plan.initiatives, "sv"))
    rows = csv_rows(body)
    assert rows[0][:3] == ["id", "Rubrik", "Uppdrag"]
    assert len(rows) == 20


def test_json_records_carry_roles_timeline_and_follow_up(server: str) -> None:
    document = json.loads(fetch(f"{server}/data/initiatives.json"))
    assert document["count"] == document["total"] == 19
    records = {record["id"]: record for record in document["initiatives"]}
    stadium = records["soderstaden"]
    assert {c["role"] for c in stadium["committees"]} <= {"lead", "collaborator"}
    assert stadium["follow_up"]["source"]["url"].startswith(("https://", "http://"))
    assert stadium["follow_up"]["source"]["read"]  # the day the source was read, always
    # Where a source was looked for, for every initiative (a list, empty where none is recorded).
    assert all(isinstance(r["follow_up_searched"], list) for r in records.values())
    assert stadium["timeline"]["years"]
    farsta = records["farsta-tyngdpunkt"]
    assert "[osäker läsning" in farsta["rubrik"]  # an uncertain reading, marked as everywhere
    assert farsta["uncertain_readings"][0]["ocr"]


def test_places_have_the_maps_counts_and_how_each_was_drawn(server: str) -> None:
    plan = load_plan_data()
    places = frame(fetch(f"{server}/data/places.geojson?theme=kluster"))
    counts = count_by_place(plan, filter_initiatives(plan, _filters(plan, "theme=kluster")))
    assert dict(zip(places["id"], places["count"], strict=True)) == counts
    assert places["method"].str.len().gt(0).all()
    assert set(places.columns) >= {"licence", "approximate", "radius_m", "name_en"}


def test_the_feed_lists_follow_ups_newest_first_and_narrows_to_a_place(server: str) -> None:
    body = fetch(f"{server}/data/followups.atom")
    root = ET.fromstring(body)
    entries = root.findall(f"{A}entry")
    plan = load_plan_data()
    assert len(entries) == sum(len(v) for v in plan.follow_ups.values())
    parsed = feedparser.parse(body)
    assert not parsed.bozo
    assert parsed.feed.rights and "Söderort 2030" in parsed.feed.subtitle
    assert [e.id for e in parsed.entries] == [e.findtext(f"{A}id") for e in entries]
    happened = [e.findtext(f"{OWN}date") or e.findtext(f"{OWN}read") for e in entries]
    padded = [date + "-00-00"[len(date) - 4 :] for date in happened]
    assert padded == sorted(padded, reverse=True)
    sources = {e.source.url for v in plan.follow_ups.values() for e in v}
    for entry in parsed.entries:
        assert entry.link in sources  # the source's own page
        assert any(tag.scheme.endswith(":status") for tag in entry.tags)
    farsta = ET.fromstring(fetch(f"{server}/data/followups.atom?place=farsta"))
    initiatives = {e.find(f"{OWN}initiative").get("id") for e in farsta.findall(f"{A}entry")}
    assert initiatives == {"farsta-tyngdpunkt"}


# ------------------------------------------------------------ the same as the dashboard's


def _filters(plan, query: str):
    view, notices = decode_query(dict(parse_qsl(query)), plan)
    assert not notices
    return view.filters


@pytest.mark.usefixtures("st_folium")
@pytest.mark.parametrize(
    "query",
    [
        "area=farsta,hogdalen",
        "committee=stockholm-business-region&lead=1",
        "from=2015&to=2020&unknown=0",
        "followup=ingen&theme=arbetsplatser",
        "q=arbetsplatser&lang=en",
    ],
)
def test_a_filtered_address_gives_the_dashboard_tables_initiatives(server: str, query) -> None:
    table = open_app("pages/table.py", dict(parse_qsl(query))).dataframe[0].value
    expected = list(table["id"])
    assert expected, query
    records = json.loads(fetch(f"{server}/data/initiatives.json?{query}"))["initiatives"]
    assert [record["id"] for record in records] == expected
    rows = csv_rows(fetch(f"{server}/data/initiatives.csv?{query}"))
    assert [row[0] for row in rows[1:]] == expected
    features = frame(fetch(f"{server}/data/initiatives.geojson?{query}"))
    assert list(dict.fromkeys(features["id"])) == expected


def test_the_export_page_downloads_the_view_and_shows_its_address(page: Page, server: str) -> None:
    open_page(page, f"{server}/exportera?theme=kluster&lang=en")
    with page.expect_download(timeout=120_000) as info:
        page.get_by_role("button", name="Download GeoPackage").click()
    assert info.value.suggested_filename.endswith(".gpkg")
    downloaded = gpd.read_file(info.value.path())
    plan = load_plan_data()
    expected = {item.id for item in filter_initiatives(plan, _filters(plan, "theme=kluster"))}
    assert set(downloaded["initiative_id"]) == expected
    # The address shown to copy gives the same initiatives, today and later.
    # (The page shows two addresses to copy: the data's, then the embed snippet's.)
    code = page.get_by_test_id("stCode").filter(has_text="/data/")
    address = code.inner_text().strip()
    assert address == f"{server}/data/initiatives.geojson?theme=kluster&lang=en"
    assert set(frame(fetch(address))["id"]) == expected


# ------------------------------------------------------------------------- HTTP's rules


@pytest.mark.parametrize("name", FORMATS)
def test_a_bad_parameter_is_a_400_that_names_it(server: str, name: str) -> None:
    status, headers, body = ask(f"{server}/data/{name}?area=farsta,atlantis&color=red&lang=en")
    assert status == 400
    assert headers["content-type"].startswith("application/json")
    assert headers["access-control-allow-origin"] == "*"
    answer = json.loads(body)
    named = {(p["parameter"], p["value"]) for p in answer["parameters"]}
    assert named == {("area", "atlantis"), ("color", "red")}
    assert "area=atlantis" in answer["error"] and "could not be used" in answer["error"]


@pytest.mark.parametrize("name", FORMATS)
def test_head_etag_and_cors(server: str, name: str) -> None:
    url = f"{server}/data/{name}"
    status, got, body = ask(url)
    assert status == 200 and body
    assert got["access-control-allow-origin"] == "*"
    assert got["etag"] and got["last-modified"]
    assert "max-age" in got["cache-control"]
    assert "filename=" in got["content-disposition"]
    # Licence and source: the Om page, which describes them, for every format (the CSV too).
    assert got["link"] == f'<{server}/om>; rel="license", <{server}/om>; rel="describedby"'
    status, head, empty = ask(url, "HEAD")
    assert (status, empty) == (200, b"")
    for header in ("etag", "last-modified", "content-type", "content-disposition"):
        assert head[header] == got[header], header
    status, again, empty = ask(url, headers={"If-None-Match": got["etag"]})
    assert (status, empty) == (304, b"")
    assert again["etag"] == got["etag"]
    for method in ("POST", "PUT", "DELETE", "OPTIONS", "PATCH"):
        status, headers, _ = ask(url, method)
        assert status == 405, method
        assert set(headers["allow"].replace(" ", "").split(",")) == {"GET", "HEAD"}


def test_cors_is_open_on_data_only(server: str) -> None:
    for path in ("", "app/static/vendor/MANIFEST.json", "_stcore/health"):
        status, headers, _ = ask(f"{server}/{path}", headers={"Origin": "https://other.example"})
        assert status == 200, path
        assert "access-control-allow-origin" not in headers, path


def test_a_new_version_a_broken_file_and_the_published_address(
    start_server: Callable[[dict[str, str]], str], tmp_path: Path
) -> None:
    folder = tmp_path / "geodata"
    shutil.copytree(paths.GEODATA_DIR, folder)
    published = "https://soderort.example.se"
    env = {paths.DATA_DIR_ENV: str(folder), PUBLIC_URL_ENV: published}
    url = start_server(env) + "/data/initiatives.json"
    _, first, _ = ask(url)
    # With a published address, the answers link there, whatever address the reader used.
    assert first["link"].startswith(f"<{published}/om>")
    feed_id = ET.fromstring(fetch(url.replace("initiatives.json", "followups.atom?place=farsta")))
    assert feed_id.findtext(f"{A}id") == f"{published}/data/followups.atom?place=farsta"
    plan_file = folder / paths.ACTION_PLAN_FILE.name
    good = plan_file.read_text(encoding="utf-8")
    # Edited with its old modification time kept, as deploy tools do: a new version all the same.
    kept = plan_file.stat()
    plan_file.write_text(good + "\n# redigerad\n", encoding="utf-8")
    os.utime(plan_file, ns=(kept.st_atime_ns, kept.st_mtime_ns))
    time.sleep(SETTLE_S)
    status, second, body = ask(url, headers={"If-None-Match": first["etag"]})
    assert status == 200 and json.loads(body)["count"] == 19
    assert second["etag"] != first["etag"]
    # A broken file: the last good plan goes on serving, and the health check names the file.
    plan_file.write_text(good.replace("initiatives:", "initiatives: [", 1), encoding="utf-8")
    time.sleep(SETTLE_S)
    status, third, body = ask(url)
    assert status == 200 and json.loads(body)["count"] == 19
    assert third["etag"] == second["etag"]
    health = json.loads(fetch(url.replace("/data/initiatives.json", HEALTH_PATH)))
    assert health["status"] == "degraded"
    assert health["refused"]["files"] == [paths.ACTION_PLAN_FILE.name]
    plan_file.write_text(good, encoding="utf-8")
    time.sleep(SETTLE_S)
    status, fourth, body = ask(url)
    assert status == 200 and json.loads(body)["count"] == 19
    assert fourth["etag"] == first["etag"]


def test_a_plan_never_good_is_a_503_that_names_the_file(
    start_server: Callable[[dict[str, str]], str], tmp_path: Path
) -> None:
    folder = tmp_path / "geodata"
    shutil.copytree(paths.GEODATA_DIR, folder)
    plan_file = folder / paths.ACTION_PLAN_FILE.name
    broken = plan_file.read_text(encoding="utf-8").replace("initiatives:", "initiatives: [", 1)
    plan_file.write_text(broken, encoding="utf-8")
    url = start_server({paths.DATA_DIR_ENV: str(folder)}) + "/data/initiatives.json"
    status, headers, body = ask(url)
    assert status == 503
    assert json.loads(body)["files"] == [paths.ACTION_PLAN_FILE.name]
    assert headers["cache-control"] == "no-store"


# ------------------------------------------------------------------------ hostile text

FOLLOW_UP_TEXT = f"Uppföljning {HOSTILE_SCRIPT} {HOSTILE_IMG} {HOSTILE_TEMPLATE} {HOSTILE_QUOTES}"
SOURCE_TITLE = f"Källa {HOSTILE_BREAKOUT} {HOSTILE_RTL}lla"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory):
    data = write_hostile_data(tmp_path_factory.mktemp("open-data") / "geodata")
    follow_up = data.folder / paths.FOLLOW_UP_FILE.name
    record = yaml.safe_load(follow_up.read_text(encoding="utf-8"))
    # Undated and read today, after the file's own entries: the initiative's latest.
    today = dt.date.today().isoformat()
    entry = {
        "status": "pågår",
        "text": FOLLOW_UP_TEXT,
        "source": {
            "title": SOURCE_TITLE,
            "publisher": HOSTILE_SQL,
            "read": today,
            "url": "https://example.org/a?b=1&c=2",
        },
        "recorded": today,
    }
    blocks = record["follow_ups"]
    block = next((b for b in blocks if b["initiative"] == data.initiative_id), None)
    if block is None:
        blocks.append({"initiative": data.initiative_id, "entries": [entry]})
    else:
        block["entries"].append(entry)
    follow_up.write_text(yaml.safe_dump(record, allow_unicode=True), encoding="utf-8")
    load_plan_data(data.folder)  # valid data: only its texts are hostile
    return data


@pytest.fixture(scope="module")
def hostile_server(hostile) -> Iterator[str]:
    with streamlit_server(env={paths.DATA_DIR_ENV: str(hostile.folder)}) as (url, _pid):
        yield url


def test_hostile_text_is_inert_in_every_format(hostile, hostile_server: str) -> None:
    base = f"{hostile_server}/data"
    texts, place_name = hostile.texts, hostile.place_names["name"]

    # JSON and GeoJSON: the very characters, and no "<" for an HTML parser to act on.
    raw = fetch(f"{base}/initiatives.json")
    assert b"<" not in raw
    record = next(r for r in json.loads(raw)["initiatives"] if r["id"] == hostile.initiative_id)
    for field in ("rubrik", "uppdrag", "uppdragsgivare", "tidplan"):
        assert record[field] == texts[field], field
    assert record["follow_up"]["text"] == FOLLOW_UP_TEXT
    assert record["follow_up"]["source"]["title"] == SOURCE_TITLE
    features = frame(fetch(f"{base}/initiatives.geojson"))
    mine = features[features["id"] == hostile.initiative_id]
    assert set(mine["rubrik"]) == {texts["rubrik"]}
    assert place_name in set(mine["place_name"])
    places = frame(fetch(f"{base}/places.geojson"))
    assert place_name in set(places["name"])

    # KML: XML that parses to the very names; descriptions that are HTML with no markup but ours.
    body = fetch(f"{base}/initiatives.kml")
    kml = "{http://www.opengis.net/kml/2.2}"
    marks = ET.fromstring(body).iter(f"{kml}Placemark")
    placemark = next(p for p in marks if p.findtext(f"{kml}name").startswith("Miljöteknik"))
    assert placemark.findtext(f"{kml}name") == f"{texts['rubrik']} – {place_name}"
    markup = Markup(placemark.findtext(f"{kml}description"))
    markup.assert_harmless()
    assert set(markup.tags) <= {"b", "br"}
    assert texts["uppdrag"] in markup.text
    assert set(frame(body)["Name"]) >= {f"{texts['rubrik']} – {place_name}"}

    # CSV: the Table page's rules (no cell a formula), the very text when read back.
    rows = csv_rows(fetch(f"{base}/initiatives.csv"))
    row = next(r for r in rows if r[0] == hostile.initiative_id)
    assert row[1] == texts["rubrik"]
    for cell in (cell for r in rows for cell in r):
        assert not cell.lstrip(" \"'").startswith(tuple(FORMULA_STARTS)), cell

    # Atom: the standard library and a feed reader read text, never markup.
    body = fetch(f"{base}/followups.atom")
    root = ET.fromstring(body)
    assert {element.tag.split("}")[0] + "}" for element in root.iter()} <= {A[:-1] + "}", OWN}
    entry = next(
        e for e in root.findall(f"{A}entry") if e.findtext(f"{A}summary") == FOLLOW_UP_TEXT
    )
    assert entry.findtext(f"{A}title").startswith(texts["rubrik"])
    assert SOURCE_TITLE in entry.findtext(f"{A}content")
    assert entry.find(f"{A}link[@rel='alternate']").get("href") == "https://example.org/a?b=1&c=2"
    parsed = feedparser.parse(body)
    assert not parsed.bozo
    read = next(e for e in parsed.entries if e.summary.startswith("Uppföljning"))
    # Text constructs: a reader shows them as the very characters, never as HTML.
    assert read.title_detail.type == read.summary_detail.type == "text/plain"
    assert read.summary == FOLLOW_UP_TEXT
    assert read.title.startswith(texts["rubrik"])
