"""Where the geodata sources are, and reading them: the points, stadsdelar and municipalities."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry

from soderort import paths
from tools.geodata.geometry import to_metric

# The shared, read-only sources sit beside the project; the variable points a worktree elsewhere.
SOURCES_DIR_ENV = "SODERORT_GEODATA_SOURCES"
DEFAULT_SOURCES_DIR = Path(
    os.environ.get(SOURCES_DIR_ENV, "").strip()
    or paths.PROJECT_ROOT.parent / "shared" / "geodata-sources"
)

# Paths relative to the sources folder.
STADSDELAR_DIR = "stockholm-stadsdelar"
STADSDELAR_FILE = f"{STADSDELAR_DIR}/geojson/fullsize/stadsdelar.geo.json"
STADSDEL_MAP_FILE = f"{STADSDELAR_DIR}/stadsdel_to_stadsdelsomrade.csv"
KOMMUNER_DIR = "sweden-kommuner-scb"
KOMMUNER_FILE = f"{KOMMUNER_DIR}/swe-maps-kommun.geojson"
POINTS_DIR = "points"
POINTS_FILE = f"{POINTS_DIR}/points.csv"

# Slivers and overlaps between neighbouring source polygons are up to a few cm wide;
# closing everything narrower than this makes the districts a clean coverage to simplify.
COVERAGE_GAP_WIDTH_M = 1.0


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
