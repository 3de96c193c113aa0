"""Checks on the committed geodata/ files built by ``python -m tools.build_geodata``.

The files are read as committed, not rebuilt (test_geodata_build.py rebuilds them).
Checks that need the public sources (points.csv, the SCB municipalities) skip when the shared
geodata-sources folder is neither beside the project nor named by $SODERORT_GEODATA_SOURCES.
"""

from __future__ import annotations

import csv
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import shapely
from pyproj import Transformer
from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry

from soderort import paths
from tools.geodata.names import slugify
from tools.geodata.sources import DEFAULT_SOURCES_DIR

SOURCES = DEFAULT_SOURCES_DIR
SKIP_REASON = (
    f"geodata sources not found at {SOURCES} (the shared folder beside the project is absent "
    "on this machine), so checks against points.csv and the SCB municipalities cannot run"
)
needs_sources = pytest.mark.skipif(not SOURCES.is_dir(), reason=SKIP_REASON)

GEOJSON_FILES = [
    paths.OUTLINE_FILE,
    paths.AREAS_FILE,
    paths.DISTRICTS_FILE,
    paths.PLACES_FILE,
    paths.POINTS_FILE,
]
# Sweden's bounding box in WGS84, a little generous.
SWEDEN = (10.9, 55.3, 24.2, 69.1)
PAYLOAD_BUDGET_BYTES = 250_000

REQUIRED_PLACE_PROPERTIES = {
    "id": str,
    "name": str,
    "name_en": str,
    "kind": str,
    "method": str,
    "source": str,
    "licence": str,
    "approximate": bool,
    "label_lon": float,
    "label_lat": float,
    "anchor_lon": float,
    "anchor_lat": float,
}
KINDS = {"outline", "district", "point_buffer", "district_and_buffer", "corridor", "region"}

# id: (name, kind, approximate, points.csv ids the geometry must contain or pass by)
PLACES: dict[str, tuple[str, str, bool, tuple[str, ...]]] = {
    "hela-soderort": ("Hela Söderort", "outline", False, ()),
    "sodertorn": ("Södertörn", "region", True, ("kungens_kurva",)),
    "telefonplan": ("Telefonplan", "point_buffer", True, ("telefonplan",)),
    "hogdalen": ("Högdalens industriområde", "point_buffer", True, ("hogdalen_industri",)),
    "skrubba": ("Skrubba", "district", False, ("skrubba",)),
    "kungens-kurva-skarholmen": (
        "Kungens kurva/Skärholmen",
        "district_and_buffer",
        True,
        ("kungens_kurva", "skarholmen_centrum"),
    ),
    "globen-norvik": ("Stråket Globen–Norvik", "corridor", True, ("globen", "farsta", "norvik")),
    "farsta": ("Farsta", "district", False, ("farsta",)),
    "soderstaden": ("Söderstaden", "district", True, ("globen", "tele2_arena")),
}
# The Söderort places and the sourced point that must lie inside Söderort for each.
SODERORT_ANCHORS = {
    "telefonplan": "telefonplan",
    "hogdalen": "hogdalen_industri",
    "skrubba": "skrubba",
    "kungens-kurva-skarholmen": "skarholmen_centrum",
    "farsta": "farsta",
    "soderstaden": "globen",
    "globen-norvik": "globen",
}
STOCKHOLM = "0180"
HUDDINGE = "0126"
NYNASHAMN = "0192"
SODERTORN = {
    "0126": "Huddinge",
    "0127": "Botkyrka",
    "0128": "Salem",
    "0136": "Haninge",
    "0138": "Tyresö",
    "0140": "Nykvarn",
    "0181": "Södertälje",
    "0192": "Nynäshamn",
}

AREAS = {
    "enskede-arsta-vantor": "Enskede-Årsta-Vantör",
    "farsta": "Farsta",
    "hagersten-alvsjo": "Hägersten-Älvsjö",
    "skarpnack": "Skarpnäck",
    "skarholmen": "Skärholmen",
}
STADSDELAR = {
    "Enskede-Årsta-Vantör": [
        "Bandhagen",
        "Enskede gård",
        "Enskedefältet",
        "Gamla Enskede",
        "Hagsätra",
        "Högdalen",
        "Johanneshov",
        "Rågsved",
        "Stureby",
        "Årsta",
        "Örby",
        "Östberga",
    ],
    "Farsta": [
        "Fagersjö",
        "Farsta",
        "Farsta strand",
        "Farstanäset",
        "Gubbängen",
        "Hökarängen",
        "Larsboda",
        "Sköndal",
        "Svedmyra",
        "Tallkrogen",
    ],
    "Hägersten-Älvsjö": [
        "Aspudden",
        "Fruängen",
        "Gröndal",
        "Herrängen",
        "Hägersten",
        "Hägerstensåsen",
        "Liljeholmen",
        "Liseberg",
        "Långbro",
        "Långsjö",
        "Midsommarkransen",
        "Mälarhöjden",
        "Solberga",
        "Västberga",
        "Västertorp",
        "Älvsjö",
        "Örby slott",
    ],
    "Skarpnäck": [
        "Bagarmossen",
        "Björkhagen",
        "Enskededalen",
        "Flaten",
        "Hammarbyhöjden",
        "Kärrtorp",
        "Orhem",
        "Skarpnäcks gård",
        "Skrubba",
    ],
    "Skärholmen": ["Bredäng", "Skärholmen", "Sätra", "Vårberg"],
}

_TO_METRIC = Transformer.from_crs("EPSG:4326", "EPSG:3006", always_xy=True)
_TO_WGS84 = Transformer.from_crs("EPSG:3006", "EPSG:4326", always_xy=True)


def metric(geom: BaseGeometry) -> BaseGeometry:
    """The geometry in SWEREF 99 TM, so distances and areas are in metres."""
    return shapely.transform(
        geom, lambda xy: np.column_stack(_TO_METRIC.transform(xy[:, 0], xy[:, 1]))
    )


@cache
def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def features(path: Path) -> dict[str, dict[str, Any]]:
    return {item["properties"]["id"]: item for item in load(path)["features"]}


def geometry(path: Path, feature_id: str) -> BaseGeometry:
    return shape(features(path)[feature_id]["geometry"])


@cache
def sourced_points() -> dict[str, Point]:
    """points.csv by id; the committed points.geojson (rounded to 1 m) when sources are absent."""
    csv_path = SOURCES / "points" / "points.csv"
    if csv_path.is_file():
        with csv_path.open(encoding="utf-8", newline="") as handle:
            return {
                row["id"]: Point(float(row["lon"]), float(row["lat"]))
                for row in csv.DictReader(handle)
            }
    return {
        item["properties"]["csv_id"]: shape(item["geometry"])
        for item in load(paths.POINTS_FILE)["features"]
    }


@cache
def kommuner() -> dict[str, tuple[str, BaseGeometry]]:
    if not SOURCES.is_dir():
        pytest.skip(SKIP_REASON)
    data = json.loads(
        (SOURCES / "sweden-kommuner-scb" / "swe-maps-kommun.geojson").read_text(encoding="utf-8")
    )
    return {
        item["properties"]["KnKod"]: (item["properties"]["KnNamn"], shape(item["geometry"]))
        for item in data["features"]
    }


def positions(node: Any) -> list[list[float]]:
    if node and isinstance(node[0], int | float):
        return [node]
    return [pos for child in node for pos in positions(child)]


def anchor(feature_id: str) -> Point:
    props = features(paths.PLACES_FILE)[feature_id]["properties"]
    return Point(props["anchor_lon"], props["anchor_lat"])


# --- Every file ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", GEOJSON_FILES, ids=lambda p: p.name)
def test_file_is_a_sorted_wgs84_feature_collection(path: Path) -> None:
    data = load(path)
    assert data["type"] == "FeatureCollection"
    assert "crs" not in data  # RFC 7946: WGS84 lon/lat is implied
    ids = [item["properties"]["id"] for item in data["features"]]
    assert ids, "no features"
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    for item in data["features"]:
        assert item["type"] == "Feature"
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", item["properties"]["id"])
        geom = shape(item["geometry"])
        assert not geom.is_empty, item["properties"]["id"]
        assert geom.is_valid, (item["properties"]["id"], shapely.is_valid_reason(geom))
        for lon, lat in positions(item["geometry"]["coordinates"]):
            assert SWEDEN[0] <= lon <= SWEDEN[2] and SWEDEN[1] <= lat <= SWEDEN[3], (lon, lat)
            assert round(lon, 5) == lon and round(lat, 5) == lat


@pytest.mark.parametrize("path", GEOJSON_FILES, ids=lambda p: p.name)
def test_file_is_plain_readable_utf8(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    assert text.endswith("\n")
    assert "\\u00" not in text, "written with ensure_ascii=True"
    assert all(line == line.rstrip() for line in text.splitlines())


def test_polygon_rings_follow_rfc7946() -> None:
    for path in GEOJSON_FILES:
        for item in load(path)["features"]:
            geom = shape(item["geometry"])
            if geom.geom_type in ("Polygon", "MultiPolygon"):
                assert shapely.orient_polygons(geom, exterior_cw=False).equals_exact(geom, 0)


def test_total_geojson_size_is_within_the_map_budget() -> None:
    total = sum(path.stat().st_size for path in paths.GEODATA_DIR.glob("*.geojson"))
    assert total < PAYLOAD_BUDGET_BYTES, total


def test_sources_md_lists_the_real_output_sizes() -> None:
    text = paths.GEODATA_SOURCES_FILE.read_text(encoding="utf-8")
    for path in GEOJSON_FILES:
        row = re.search(rf"^\| {re.escape(path.name)} \| (\d+) \| (\d+) \|$", text, re.M)
        assert row, path.name
        assert int(row.group(1)) == len(load(path)["features"])
        assert int(row.group(2)) == path.stat().st_size
    for needle in ("d52d2d07e1f008f24b0644f26dc04c777f7cfe19", "CC0", "fc219529dc3f3b2c"):
        assert needle in text


# --- Places ----------------------------------------------------------------------------------


def test_places_are_exactly_the_plan_places() -> None:
    assert set(features(paths.PLACES_FILE)) == set(PLACES)


@pytest.mark.parametrize("place_id", sorted(PLACES))
def test_place_properties(place_id: str) -> None:
    props = features(paths.PLACES_FILE)[place_id]["properties"]
    for key, kind in REQUIRED_PLACE_PROPERTIES.items():
        assert isinstance(props.get(key), kind), key
        if kind is str:
            assert props[key].strip(), key
    name, kind, approximate, _ = PLACES[place_id]
    assert props["name"] == name
    assert props["kind"] == kind and kind in KINDS
    assert props["approximate"] is approximate
    radius = props["radius_m"]
    if kind in ("point_buffer", "district_and_buffer"):
        assert type(radius) is int and 300 <= radius <= 1500
        assert f"{radius} m" in props["method"]
    else:
        assert radius is None
    for lon_key, lat_key in (("label_lon", "label_lat"), ("anchor_lon", "anchor_lat")):
        lon, lat = props[lon_key], props[lat_key]
        assert SWEDEN[0] <= lon <= SWEDEN[2] and SWEDEN[1] <= lat <= SWEDEN[3]


@pytest.mark.parametrize("place_id", sorted(PLACES))
def test_label_point_is_on_the_geometry(place_id: str) -> None:
    props = features(paths.PLACES_FILE)[place_id]["properties"]
    geom = geometry(paths.PLACES_FILE, place_id)
    label = Point(props["label_lon"], props["label_lat"])
    if geom.geom_type == "LineString":
        # On a 34 km segment, straight in lon/lat, the check in metres may differ by a few metres.
        assert metric(geom).distance(metric(label)) < 10
    else:
        assert geom.contains(label)


@pytest.mark.parametrize("place_id", sorted(PLACES))
def test_place_covers_its_sourced_points(place_id: str) -> None:
    geom = metric(geometry(paths.PLACES_FILE, place_id))
    for point_id in PLACES[place_id][3]:
        point = metric(sourced_points()[point_id])
        if geom.geom_type == "LineString":
            assert geom.distance(point) <= 50, point_id
        else:
            assert geom.contains(point), point_id


def test_corridor_is_a_schematic_line_through_sourced_points_only() -> None:
    item = features(paths.PLACES_FILE)["globen-norvik"]
    assert item["geometry"]["type"] == "LineString"
    assert "schematisk linje genom källsatta punkter" in item["properties"]["method"].lower()
    sourced = [metric(point) for point in sourced_points().values()]
    vertices = [metric(Point(pos)) for pos in item["geometry"]["coordinates"]]
    for vertex in vertices:
        assert min(vertex.distance(point) for point in sourced) < 2, vertex
    globen, norvik = (metric(sourced_points()[key]) for key in ("globen", "norvik"))
    assert vertices[0].distance(globen) < 2 and vertices[-1].distance(norvik) < 2


def test_outline_place_is_the_outline_file() -> None:
    place = features(paths.PLACES_FILE)["hela-soderort"]["geometry"]
    assert place == load(paths.OUTLINE_FILE)["features"][0]["geometry"]


@pytest.mark.parametrize("place_id", sorted(SODERORT_ANCHORS))
def test_outline_contains_each_soderort_place_anchor(place_id: str) -> None:
    outline = geometry(paths.OUTLINE_FILE, "hela-soderort")
    assert outline.contains(sourced_points()[SODERORT_ANCHORS[place_id]])
    assert outline.contains(anchor(place_id))


def test_sodertorn_lies_outside_soderort() -> None:
    outline = metric(geometry(paths.OUTLINE_FILE, "hela-soderort"))
    region = metric(geometry(paths.PLACES_FILE, "sodertorn"))
    assert region.intersection(outline).area < 1_000  # shared edge only, up to rounding


def test_points_file_holds_the_points_the_places_use() -> None:
    used = {
        pid
        for item in load(paths.PLACES_FILE)["features"]
        for pid in item["properties"]["point_ids"]
    }
    points = features(paths.POINTS_FILE)
    assert set(points) == used
    for point_id, item in points.items():
        props = item["properties"]
        assert item["geometry"]["type"] == "Point"
        for key in ("name", "source", "csv_id"):
            assert props[key].strip(), (point_id, key)
        assert isinstance(props["note"], str)
        assert props["used_by"] and set(props["used_by"]) <= set(PLACES)
        source = metric(sourced_points()[props["csv_id"]])
        assert metric(shape(item["geometry"])).distance(source) < 2


# --- Municipalities (SCB, generalized: checked with points, not edges) -----------------------


def test_scb_codes_are_the_named_municipalities() -> None:
    for code, name in {**SODERTORN, STOCKHOLM: "Stockholm"}.items():
        assert kommuner()[code][0] == name


@pytest.mark.parametrize("place_id", sorted(SODERORT_ANCHORS))
def test_soderort_places_are_in_stockholm(place_id: str) -> None:
    stockholm = kommuner()[STOCKHOLM][1]
    assert stockholm.contains(anchor(place_id))
    assert stockholm.contains(sourced_points()[SODERORT_ANCHORS[place_id]])


def test_hogdalen_is_the_industrial_area_in_hogdalen_not_fagersjo() -> None:
    place = metric(geometry(paths.PLACES_FILE, "hogdalen"))
    stadsdelar = features(paths.DISTRICTS_FILE)
    hogdalen = metric(shape(stadsdelar["hogdalen"]["geometry"]))
    fagersjo = metric(shape(stadsdelar["fagersjo"]["geometry"]))
    assert place.intersection(hogdalen).area >= 0.9 * place.area
    assert place.intersection(fagersjo).area < 100  # a shared border at most
    # Högdalen's centre (the district point, west of the industrial area) is not part of it;
    # only points.csv has that point (points.geojson holds the points places are drawn from).
    centre = sourced_points().get("hogdalen")
    assert centre is None or not place.contains(metric(centre))
    method = features(paths.PLACES_FILE)["hogdalen"]["properties"]["method"]
    assert "stadsdelen Högdalen" in method and "Fagersjö ingår inte" in method


def _stadsdelar_union(*ids: str):
    stadsdelar = features(paths.DISTRICTS_FILE)
    return shapely.union_all([metric(shape(stadsdelar[i]["geometry"])) for i in ids])


def test_skrubba_is_the_stadsdel_without_scbs_sliver() -> None:
    place = metric(geometry(paths.PLACES_FILE, "skrubba"))
    stadsdel = _stadsdelar_union("skrubba")
    # No land outside the stadsdel: the 0.39 km² north of it that only SCB's generalized
    # boundary puts in Stockholm is left out, and the method text says why.
    assert place.symmetric_difference(stadsdel).area < 100
    method = features(paths.PLACES_FILE)["skrubba"]["properties"]["method"]
    assert "Skrubba ligger i Stockholms kommun" in method
    assert "0,39 km²" in method and "ingår inte" in method
    assert "SCB" in features(paths.PLACES_FILE)["skrubba"]["properties"]["source"]


def test_farsta_is_the_three_stadsdelar_of_the_citys_programme() -> None:
    place = metric(geometry(paths.PLACES_FILE, "farsta"))
    stadsdelar = _stadsdelar_union("farsta", "larsboda", "farsta-strand")
    assert place.symmetric_difference(stadsdelar).area < 100
    props = features(paths.PLACES_FILE)["farsta"]["properties"]
    assert "Farsta, Larsboda och Farsta strand" in props["method"]
    assert "vaxer.stockholm" in props["source"]


def test_soderstaden_is_johanneshov_and_names_the_arena_by_both_names() -> None:
    place = metric(geometry(paths.PLACES_FILE, "soderstaden"))
    assert place.symmetric_difference(_stadsdelar_union("johanneshov")).area < 100
    props = features(paths.PLACES_FILE)["soderstaden"]["properties"]
    for words in ("Globenområdet", "Slakthusområdet", "Gullmarsplan–Nynäsvägen", "3Arena"):
        assert words in props["method"], words
    # The point keeps the name it had when its coordinate was read.
    assert "Tele2 Arena" in props["method"]
    assert features(paths.POINTS_FILE)["tele2-arena"]["properties"]["name"].startswith(
        "Tele2 Arena"
    )


def test_kungens_kurva_part_is_in_huddinge() -> None:
    kungens_kurva = sourced_points()["kungens_kurva"]
    assert kommuner()[HUDDINGE][1].contains(kungens_kurva)
    assert not kommuner()[STOCKHOLM][1].contains(kungens_kurva)
    assert geometry(paths.PLACES_FILE, "kungens-kurva-skarholmen").contains(kungens_kurva)


def test_norvik_end_is_in_or_near_nynashamn() -> None:
    end = Point(features(paths.PLACES_FILE)["globen-norvik"]["geometry"]["coordinates"][-1])
    nynashamn = metric(kommuner()[NYNASHAMN][1])
    assert nynashamn.distance(metric(end)) <= 2_000


def test_sodertorn_is_the_eight_municipalities() -> None:
    region = geometry(paths.PLACES_FILE, "sodertorn")
    props = features(paths.PLACES_FILE)["sodertorn"]["properties"]
    label = Point(props["label_lon"], props["label_lat"])
    assert any(kommuner()[code][1].contains(label) for code in SODERTORN)
    union = shapely.union_all([kommuner()[code][1] for code in SODERTORN])
    # Same extent up to simplification, and nearly the same area (Söderort's overlap cut out).
    assert all(abs(a - b) < 0.02 for a, b in zip(region.bounds, union.bounds, strict=True))
    ratio = metric(region).area / metric(union).area
    assert 0.97 < ratio <= 1.0
    assert not region.contains(kommuner()[STOCKHOLM][1].representative_point())
    for code in SODERTORN:
        assert region.contains(inner_point(kommuner()[code][1])), code


def inner_point(kommun: BaseGeometry) -> Point:
    """A point well inside a municipality, so simplifying its edge cannot move past it."""
    inner = kommun.buffer(-0.01)
    return (inner if not inner.is_empty else kommun).representative_point()


# --- Stadsdelar and stadsdelsområden ---------------------------------------------------------


def test_stadsdelsomraden_are_the_five_areas() -> None:
    areas = features(paths.AREAS_FILE)
    assert {key: item["properties"]["name"] for key, item in areas.items()} == AREAS


def test_stadsdelar_are_soderorts_with_swedish_names() -> None:
    found: dict[str, list[str]] = {}
    for item in load(paths.DISTRICTS_FILE)["features"]:
        props = item["properties"]
        found.setdefault(props["stadsdelsomrade"], []).append(props["name"])
        assert props["id"] == slugify(props["name"])
        assert props["id"].isascii()
    assert {area: sorted(names) for area, names in found.items()} == {
        area: sorted(names) for area, names in STADSDELAR.items()
    }
    names = {name for names in found.values() for name in names}
    assert {"Skärholmen", "Högdalen", "Enskede gård", "Örby slott", "Farsta strand"} <= names


def test_layers_nest() -> None:
    districts = features(paths.DISTRICTS_FILE)
    areas = {
        item["properties"]["name"]: metric(shape(item["geometry"]))
        for item in load(paths.AREAS_FILE)["features"]
    }
    for item in districts.values():
        part = metric(shape(item["geometry"]))
        outside = part.difference(areas[item["properties"]["stadsdelsomrade"]]).area
        assert outside < 1, (item["properties"]["name"], outside)
    outline = metric(geometry(paths.OUTLINE_FILE, "hela-soderort"))
    # Only the filled source gap between Högdalen and Fagersjö (about 0.5 ha) differs.
    assert outline.symmetric_difference(shapely.union_all(list(areas.values()))).area < 10_000
