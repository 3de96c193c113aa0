"""Geometry helpers: WGS84 ↔ SWEREF 99 TM, polygon parts, finishing for output, label points."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry

# Geometry work is done in SWEREF 99 TM (metres); output is WGS84 lon/lat on a 1e-5° grid (~1 m).
METRIC_CRS = "EPSG:3006"
COORD_DECIMALS = 5
GRID_DEGREES = 10.0**-COORD_DECIMALS

_TO_METRIC = Transformer.from_crs("EPSG:4326", METRIC_CRS, always_xy=True)
_TO_WGS84 = Transformer.from_crs(METRIC_CRS, "EPSG:4326", always_xy=True)


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
    for part in polygon_parts(geom):
        keep = [ring for ring in part.interiors if Polygon(ring).area >= max_area]
        polygons.append(Polygon(part.exterior, keep))
    return from_parts(polygons)


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
    return from_parts([part for part in polygon_parts(geom) if part.area >= min_area])


def polygon_parts(geom: BaseGeometry) -> list[Polygon]:
    """Return the non-empty polygons in a geometry, collections and multi-parts opened."""
    if isinstance(geom, Polygon):
        return [] if geom.is_empty else [geom]
    parts: list[Polygon] = []
    for sub in getattr(geom, "geoms", []):
        parts.extend(polygon_parts(sub))
    return parts


def from_parts(parts: Sequence[Polygon]) -> BaseGeometry:
    """Join polygons into one Polygon or MultiPolygon; no parts is an error."""
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
        geom = from_parts(polygon_parts(geom))
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
