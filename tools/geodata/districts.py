"""Söderort's stadsdelar, stadsdelsområden and outline: simplified as one coverage, dissolved."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from tools.geodata.geometry import fill_small_holes
from tools.geodata.sources import read_stadsdelar

# Söderort is these five stadsdelsområden of the City of Stockholm.
SODERORT_AREAS: tuple[str, ...] = (
    "Enskede-Årsta-Vantör",
    "Farsta",
    "Hägersten-Älvsjö",
    "Skarpnäck",
    "Skärholmen",
)

# Visvalingam-Whyatt tolerance (about the square root of the removed triangles' area).
# 10 m keeps street-block detail at the zoom levels the dashboard uses while keeping
# the district layers to roughly 3 000 vertices.
DISTRICT_TOLERANCE_M = 10.0

# Enclosed holes in the dissolved outline smaller than this are gaps in the source
# (one of about 0.5 ha between Högdalen and Fagersjö), not real enclaves: Stockholm has none.
MAX_FILLED_HOLE_M2 = 10_000.0

OUTLINE_METHOD = (
    "Sammanslagning av stadsdelarna i Söderorts fem stadsdelsområden, förenklad med tolerans "
    f"{DISTRICT_TOLERANCE_M:g} m; små luckor i källan (under {MAX_FILLED_HOLE_M2 / 10_000:g} ha) "
    "är igenfyllda."
)


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
