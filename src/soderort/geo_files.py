"""Loading the GeoJSON files of places and areas: valid, in WGS84, within Sweden."""

from __future__ import annotations

import math
import time
from pathlib import Path
from typing import Any

import geopandas as gpd
from pydantic import BaseModel, ValidationError
from shapely.geometry import shape
from shapely.validation import explain_validity

from soderort import geometry_checks, paths, simplify
from soderort.errors import DataError, Problem
from soderort.model import (
    AreaProperties,
    PlaceProperties,
)
from soderort.parsing import (
    MAX_QUOTED_CHARS,
    parse_json_text,
    quoted,
    read_text,
)
from soderort.record_problems import (
    describe_error,
    duplicate_problems,
    record_label,
    shortened,
)

# Sweden with a margin: a coordinate outside this box is a sign of swapped axes or the wrong CRS.
SWEDEN_BOUNDS = (10.0, 55.0, 25.0, 69.5)
_WGS84_NAMES = ("CRS84", "EPSG::4326", "EPSG:4326")
# A file's shapes are checked and simplified within this much processor time, or the file is
# refused: each shape's cost is bounded by `geometry_checks`, and this bounds a file of many.
# Processor time, not the clock's: a busy server must not refuse a file a quiet one takes (the
# largest file tested, 20 MB of detailed places, takes about 5 s).
MAX_GEOMETRY_SECONDS = 30.0


def _coordinates(geometry_json: Any) -> list[tuple[float, float]]:
    # Walked with a stack, not recursion: a hostile file may nest as deep as the parser allows.
    # `geometry_checks` has already made sure that every coordinate is a number.
    found: list[tuple[float, float]] = []
    pending: list[Any] = [geometry_json.get("coordinates")]
    while pending:
        node = pending.pop()
        if isinstance(node, list) and node and not isinstance(node[0], list):
            found.append((float(node[0]), float(node[1])))
        elif isinstance(node, list):
            pending.extend(node)
    return found


def _geometry_problem(geometry_json: Any, deadline: float) -> tuple[str | None, Any]:
    """Return (what is wrong, shapely geometry) for one feature's geometry member."""
    if geometry_json is None:
        return "geometri saknas (null)", None
    problem = geometry_checks.geometry_problem(geometry_json)
    if problem:
        return problem, None
    coordinates = _coordinates(geometry_json)
    if not coordinates:
        return "geometrin är tom", None
    if any(not (math.isfinite(x) and math.isfinite(y)) for x, y in coordinates):
        return "geometrin har koordinater som inte är tal", None
    if any(abs(x) > 180 or abs(y) > 90 for x, y in coordinates):
        return (
            "koordinaterna ligger utanför WGS84 (lon −180–180, lat −90–90); "
            "är filen i ett annat koordinatsystem, t.ex. SWEREF 99?",
            None,
        )
    west, south, east, north = SWEDEN_BOUNDS
    inside = [west <= x <= east and south <= y <= north for x, y in coordinates]
    swapped = [south <= x <= north and west <= y <= east for x, y in coordinates]
    if not all(inside):
        if all(swapped):
            return "koordinaterna verkar omkastade (lat, lon i stället för lon, lat)", None
        return "geometrin ligger utanför Sverige; kontrollera koordinaterna", None
    outside = next((p for p in coordinates if not geometry_checks.in_region(*p)), None)
    if outside is not None:
        return (
            f"geometrin når utanför kartans område runt Söderort "
            f"({geometry_checks.region_text()}), t.ex. punkten ({outside[0]:g}, {outside[1]:g})",
            None,
        )
    try:
        geometry = shape(geometry_json)
    except Exception as err:  # shapely raises many kinds for malformed GeoJSON
        return f"geometrin går inte att läsa: {shortened(str(err))}", None
    if geometry.is_empty:
        return "geometrin är tom", None
    if time.thread_time() > deadline:
        return _too_slow("kontrollen av geometrierna"), None
    if not geometry.is_valid:
        return f"ogiltig geometri: {explain_validity(geometry)}", None
    return None, geometry


def _too_slow(what: str) -> str:
    return (
        f"{what} tog mer än {MAX_GEOMETRY_SECONDS:g} sekunders processortid, gränsen för en fil; "
        "förenkla formerna"
    )


def _label_problem(properties: BaseModel) -> str | None:
    lon, lat = getattr(properties, "label_lon", None), getattr(properties, "label_lat", None)
    if lon is None or lat is None or geometry_checks.in_region(lon, lat):
        return None
    return (
        f"etikettpunkten ({lon:g}, {lat:g}) ligger utanför kartans område runt Söderort "
        f"({geometry_checks.region_text()})"
    )


def _load_features(path: Path, properties_model: type[BaseModel], noun: str) -> gpd.GeoDataFrame:
    name = path.name
    data = parse_json_text(read_text(path), name)
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        kind = quoted(data.get("type")) if isinstance(data, dict) else quoted(data)
        raise DataError([Problem(name, f"filen är ingen GeoJSON FeatureCollection (typ: {kind})")])
    crs = data.get("crs")
    if crs is not None:
        crs_properties = crs.get("properties") if isinstance(crs, dict) else None
        crs_name = crs_properties.get("name") if isinstance(crs_properties, dict) else None
        if not (isinstance(crs_name, str) and crs_name.endswith(_WGS84_NAMES)):
            raise DataError(
                [
                    Problem(
                        name,
                        f"fel koordinatsystem ({quoted(crs_name or crs)}); "
                        "filen ska vara i WGS84 (EPSG:4326)",
                        field="crs",
                    )
                ]
            )
    features = data.get("features")
    if not isinstance(features, list) or not features:
        raise DataError([Problem(name, "filen har inga features", field="features")])

    problems: list[Problem] = []
    records: list[dict[str, Any]] = []
    geometries = []
    deadline = time.thread_time() + MAX_GEOMETRY_SECONDS
    for index, feature in enumerate(features):
        label = record_label(
            [f.get("properties") if isinstance(f, dict) else None for f in features], index, noun
        )
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            problems.append(Problem(name, "är ingen GeoJSON Feature", label, "type"))
            continue
        try:
            properties = properties_model.model_validate(feature.get("properties") or {})
        except ValidationError as err:
            problems.extend(
                Problem(
                    name,
                    describe_error(e),
                    label,
                    "properties." + ".".join(str(p)[:MAX_QUOTED_CHARS] for p in e["loc"]),
                )
                for e in err.errors()
            )
            properties = None
        label_problem = _label_problem(properties) if properties is not None else None
        if label_problem:
            problems.append(Problem(name, label_problem, label, "properties.label_lon"))
        problem, geometry = _geometry_problem(feature.get("geometry"), deadline)
        if problem:
            problems.append(Problem(name, problem, label, "geometry"))
        if properties is not None and geometry is not None:
            records.append(properties.model_dump(mode="json"))
            geometries.append(geometry)
    problems.extend(duplicate_problems((r["id"] for r in records), name, noun))
    if problems:
        raise DataError(problems)
    frame = gpd.GeoDataFrame(records, geometry=geometries, crs="EPSG:4326")
    try:
        return simplify.for_screen(frame.set_index("id", drop=False), deadline=deadline)
    except TimeoutError:
        raise DataError([Problem(name, _too_slow("förenklingen av formerna"))]) from None


def load_places(path: Path = paths.PLACES_FILE) -> gpd.GeoDataFrame:
    """Load the named places of the action plan.

    Parameters
    ----------
    path : Path
        A GeoJSON FeatureCollection in WGS84.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per place, indexed by id, with the properties of `PlaceProperties`.
    """
    return _load_features(path, PlaceProperties, "plats")


def load_areas(path: Path) -> gpd.GeoDataFrame:
    """Load a context layer: Söderort's outline, its stadsdelsområden or its stadsdelar.

    Parameters
    ----------
    path : Path
        A GeoJSON FeatureCollection in WGS84 whose features have an id and a name.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per feature, indexed by id.
    """
    return _load_features(path, AreaProperties, "område")
