"""GeoJSON features of the built districts, places and points, and their collections' text."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from shapely.geometry import Point, mapping
from shapely.geometry.base import BaseGeometry

from tools.geodata.credits import AREAS_SOURCE, LICENCE_STADSDELAR, POINT_LICENCES, public_credit
from tools.geodata.districts import DISTRICT_TOLERANCE_M, Districts
from tools.geodata.geometry import COORD_DECIMALS, finish_geometry, label_point, lonlat
from tools.geodata.names import slugify, swedish_name
from tools.geodata.places import Place
from tools.geodata.sources import SourcePoint


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


def _labelled_feature(properties: dict[str, Any], metric_geom: BaseGeometry) -> dict[str, Any]:
    """Finish a geometry and make a Feature whose properties end with its label point."""
    finished = finish_geometry(metric_geom)
    label_lon, label_lat = lonlat(label_point(finished))
    return feature({**properties, "label_lon": label_lon, "label_lat": label_lat}, finished)


def district_features(districts: Districts) -> tuple[list[dict], list[dict]]:
    """Build the stadsdelar and stadsdelsområden features.

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
    """
    stadsdelar = []
    for name, area, geom in zip(districts.names, districts.areas, districts.geoms, strict=True):
        properties = {
            "id": slugify(name),
            "name": swedish_name(name),
            "stadsdelsomrade": area,
            "stadsdelsomrade_id": slugify(area),
        }
        stadsdelar.append(_labelled_feature(properties, geom))
    ids = [item["properties"]["id"] for item in stadsdelar]
    if len(set(ids)) != len(ids):
        raise ValueError("two stadsdelar got the same id")

    areas = []
    for area, geom in districts.area_geoms.items():
        count = districts.areas.count(area)
        properties = {
            "id": slugify(area),
            "name": area,
            "kind": "stadsdelsomrade",
            "method": f"Sammanslagning av områdets {count} stadsdelar, förenklad med tolerans "
            f"{DISTRICT_TOLERANCE_M:g} m.",
            "source": AREAS_SOURCE,
            "licence": LICENCE_STADSDELAR,
        }
        areas.append(_labelled_feature(properties, geom))
    return stadsdelar, areas


def outline_feature(outline: Place) -> dict[str, Any]:
    """Build soderort.geojson's one Feature from the outline place.

    Parameters
    ----------
    outline : Place
        The place of kind ``outline``, geometry in EPSG:3006.

    Returns
    -------
    dict
        The outline Feature, labelled at its own inner point: drawn alone, the outline has
        no other places' labels to keep clear of.
    """
    properties = {
        "id": outline.id,
        "name": outline.name,
        "kind": outline.kind,
        "method": outline.method,
        "source": outline.source,
        "licence": outline.licence,
        "approximate": outline.approximate,
    }
    return _labelled_feature(properties, outline.geom)


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
