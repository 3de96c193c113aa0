"""A valid data folder whose places.geojson is as large as the app accepts (about 20 MB).

The real places, each boundary redrawn with a vertex every few decimetres that wanders a little
(less than `WANDER_M`) off the real line, as a surveyed or traced boundary does: the same places
in the same spots, with a hundred times the detail a screen can show. The other files are the
real ones.
"""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import LineString, Polygon, mapping, shape

from soderort import paths

# Below a pixel at zoom 18 (about 0.3 m here), so a screen shape may drop it.
WANDER_M = 0.12
METRES_PER_DEGREE_LAT = 110_540.0
# The values the loader accepts (soderort.datafiles.MAX_JSON_VALUES) bound the vertices.
TARGET_BYTES = 19_500_000


def _wander(coords: list[tuple[float, float]], spacing_deg: float, lat: float) -> list:
    """Insert points every `spacing_deg` along each segment, moved sideways by a small wave."""
    amplitude = WANDER_M / METRES_PER_DEGREE_LAT
    out: list[tuple[float, float]] = []
    for (x0, y0), (x1, y1) in zip(coords, coords[1:], strict=False):
        out.append((x0, y0))
        # Lengths in degrees of latitude: a degree of longitude is shorter by cos(lat).
        dx, dy = (x1 - x0) * math.cos(math.radians(lat)), y1 - y0
        length = math.hypot(dx, dy)
        steps = int(length / spacing_deg)
        for step in range(1, steps):
            f = step / steps
            offset = amplitude * math.sin(step * 1.7)
            nx, ny = -dy / length, dx / length
            out.append(
                (
                    x0 + f * (x1 - x0) + offset * nx / math.cos(math.radians(lat)),
                    y0 + f * dy + offset * ny,
                )
            )
    out.append(coords[-1])
    return out


def _detailed(geometry: Any, spacing_deg: float) -> Any:
    lat = geometry.centroid.y
    if isinstance(geometry, LineString):
        return LineString(_wander(list(geometry.coords), spacing_deg, lat))
    if isinstance(geometry, Polygon):
        return Polygon(
            _wander(list(geometry.exterior.coords), spacing_deg, lat),
            [_wander(list(ring.coords), spacing_deg, lat) for ring in geometry.interiors],
        )
    return type(geometry)([_detailed(part, spacing_deg) for part in geometry.geoms])


def write_big_places(target: Path, source_dir: Path = paths.GEODATA_DIR) -> Path:
    """Copy the real data folder to `target` with a places.geojson of about 20 MB; return it."""
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    for source in source_dir.iterdir():
        if source.is_file():
            shutil.copyfile(source, target / source.name)
    collection = json.loads((source_dir / paths.PLACES_FILE.name).read_text(encoding="utf-8"))
    shapes = [shape(feature["geometry"]) for feature in collection["features"]]
    perimeter = sum(
        s.length if s.geom_type.endswith("String") else s.boundary.length for s in shapes
    )
    # About 38 bytes a vertex at full precision.
    spacing = perimeter / (TARGET_BYTES / 38) * 0.75
    for feature, geometry in zip(collection["features"], shapes, strict=True):
        detailed = _detailed(geometry, spacing)
        # A wave may cross a sharp corner's other side: such a shape keeps its real line.
        feature["geometry"] = mapping(detailed if shapely.is_valid(detailed) else geometry)
    text = json.dumps(collection, ensure_ascii=False)
    (target / paths.PLACES_FILE.name).write_text(text, encoding="utf-8")
    return target
