"""Shapes as fine as the screen can show, made once when a geodata file is loaded.

A browser map draws a shape's vertices only to the pixel, and a data file may hold far more:
the loader accepts GeoJSON up to 20 MB, which as it is would go to every browser on every
draw. So each shape is simplified (Douglas–Peucker, keeping its topology) to `tolerance_deg`,
a pixel at `MAX_ZOOM`, and its coordinates are rounded to `GRID_DEG`; the two together move
no point of a shape's outline by more than that pixel. A layer still over `MAX_VERTICES`
after that (a boundary that wanders on a scale the screen shows) is simplified again from
the original at twice the tolerance, until it fits. The tolerance used is kept on the frame
(`frame.attrs[TOLERANCE_ATTR]`).

Nothing keeps the exact geometry: the file is validated before it is simplified, label points
are stored in the file, and the printed map's finest view (a place with 2.5 km around it on
1,400 pixels) has pixels of about 4 m.
"""

from __future__ import annotations

import math
import time

import geopandas as gpd
import shapely

# The map's deepest zoom without tiles (soderort.mapping.build_base_map); the default tiles
# go to 20, where the same tolerance is four pixels, on shapes that are sketches of a plan.
MAX_ZOOM = 18
# Coordinates are kept to a millionth of a degree: 0.11 m north–south, 0.06 m east–west.
GRID_DEG = 1e-6
# At most this many vertices in one layer; a map's three layers then stay well under 1 MB.
MAX_VERTICES = 12_000
# Doublings of the tolerance tried before a layer is left as the last one made it.
MAX_DOUBLINGS = 16
TOLERANCE_ATTR = "simplified_to_deg"


def tolerance_deg(frame: gpd.GeoDataFrame, zoom: int = MAX_ZOOM) -> float:
    """Return a pixel at `zoom` in degrees, at the frame's latitude furthest from the equator.

    Web Mercator's pixel spans 360 / (256 · 2^zoom) degrees of longitude, and as many metres
    north–south as east–west: cos(latitude) times that in degrees of latitude, the smaller.
    """
    _, south, _, north = frame.total_bounds
    latitude = max(abs(south), abs(north))
    return 360 / (256 * 2**zoom) * math.cos(math.radians(latitude))


def _simplified(geometries: gpd.GeoSeries, tolerance: float) -> gpd.GeoSeries:
    # Rounding moves a point by up to half a grid cell's diagonal: that is taken off the
    # tolerance, so that the outline moves by at most `tolerance` in all.
    shapes = shapely.simplify(
        geometries.values, max(tolerance - GRID_DEG / math.sqrt(2), 0.0), preserve_topology=True
    )
    shapes = shapely.set_precision(shapes, GRID_DEG)
    # A shape smaller than the grid, or one that rounding made invalid, stays as it was.
    keep = shapely.is_empty(shapes) | ~shapely.is_valid(shapes)
    shapes[keep] = geometries.values[keep]
    return gpd.GeoSeries(shapes, index=geometries.index, crs=geometries.crs)


def for_screen(frame: gpd.GeoDataFrame, deadline: float | None = None) -> gpd.GeoDataFrame:
    """Return the frame with its shapes simplified for the screen (see the module's text).

    Raises TimeoutError when the deadline (in `time.thread_time()`) passes before a pass.
    """
    if frame.empty:
        return frame
    tolerance = tolerance_deg(frame)
    original = frame.geometry
    for _ in range(MAX_DOUBLINGS):
        if deadline is not None and time.thread_time() > deadline:
            raise TimeoutError
        shapes = _simplified(original, tolerance)
        if int(shapely.get_num_coordinates(shapes.values).sum()) <= MAX_VERTICES:
            break
        tolerance *= 2
    simplified = frame.set_geometry(shapes)
    simplified.attrs[TOLERANCE_ATTR] = tolerance
    return simplified
