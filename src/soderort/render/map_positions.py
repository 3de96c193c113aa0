"""Where things sit on the map: the bounds of Söderort and of a place, and each label's point."""

from __future__ import annotations

from shapely.geometry import Point, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel

from soderort.loading import PlanData
from soderort.memo import per_plan

# Share of the frame kept clear at its edges when a label is placed inside it (labels are centred
# on their point and some 200 px wide).
LABEL_INSET = (0.14, 0.07)


def leaflet_bounds(west: float, south: float, east: float, north: float) -> list[list[float]]:
    """Return a box as Leaflet wants it: [[south, west], [north, east]], in plain floats."""
    return [[float(south), float(west)], [float(north), float(east)]]


def soderort_bounds(data: PlanData) -> list[list[float]]:
    """Return Söderort's bounds as Leaflet wants them: [[south, west], [north, east]]."""
    return leaflet_bounds(*data.outline.total_bounds)


def place_bounds(data: PlanData, place_id: str) -> list[list[float]]:
    """Return the bounds of the place `place_id`: [[south, west], [north, east]]."""
    return leaflet_bounds(*data.places.loc[place_id, "geometry"].bounds)


def _label_frame(data: PlanData) -> BaseGeometry:
    """Return where a centred label fits whole in the first view: Söderort's box, inset."""
    west, south, east, north = (float(v) for v in data.outline.total_bounds)
    inset_x = (east - west) * LABEL_INSET[0]
    inset_y = (north - south) * LABEL_INSET[1]
    return box(west + inset_x, south + inset_y, east - inset_x, north - inset_y)


def label_point(data: PlanData, place_id: str) -> tuple[float, float]:
    """Return (lat, lon) for a place's label, inside the map's first view.

    The data's label point is used where it lies in that view. A region reaching far beyond
    Söderort (Södertörn) gets its label in the widest stretch of it that the view shows, clear of
    Söderort; a corridor running out of the view gets its label on the line, where the line
    leaves the view.

    Parameters
    ----------
    data : PlanData
        The loaded data.
    place_id : str
        A place id.

    Returns
    -------
    tuple of float
        Latitude and longitude.
    """
    points = per_plan(data, "label_points", dict)
    if place_id not in points:
        points[place_id] = _find_label_point(data, place_id)
    return points[place_id]


def _find_label_point(data: PlanData, place_id: str) -> tuple[float, float]:
    row = data.places.loc[place_id]
    stored = Point(float(row["label_lon"]), float(row["label_lat"]))
    frame = _label_frame(data)
    if row["kind"] not in ("region", "corridor") or frame.contains(stored):
        return stored.y, stored.x
    geometry = row.geometry
    if row["kind"] == "corridor":
        inside = geometry.intersection(frame)
        if inside.is_empty:
            return stored.y, stored.x
        point = inside.interpolate(inside.project(stored))
        return float(point.y), float(point.x)
    # Keep the label off Söderort itself (its own labels live there) by a few hundred metres.
    visible = geometry.intersection(frame).difference(data.outline.union_all().buffer(0.004))
    parts = [part for part in getattr(visible, "geoms", [visible]) if part.area > 0]
    if not parts:
        return stored.y, stored.x
    point = polylabel(max(parts, key=lambda part: part.area), tolerance=0.0005)
    return float(point.y), float(point.x)
