"""The geodata build (``python -m tools.build_geodata``): names, checks, reproducibility.

The tests that read the shared geodata-sources folder skip where test_geodata.py's do.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from soderort import paths
from tests.unit.test_geodata import GEOJSON_FILES, SOURCES, needs_sources
from tools.geodata.build import build
from tools.geodata.districts import build_districts
from tools.geodata.names import slugify, swedish_name
from tools.geodata.places import build_places
from tools.geodata.sources import read_points


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("SKÄRHOLMEN", "Skärholmen"),
        ("ENSKEDE GÅRD", "Enskede gård"),
        ("ÖRBY SLOTT", "Örby slott"),
        ("SKARPNÄCKS GÅRD", "Skarpnäcks gård"),
        ("FARSTA STRAND", "Farsta strand"),
        ("GAMLA ENSKEDE", "Gamla Enskede"),
        ("HÄGERSTENSÅSEN", "Hägerstensåsen"),
    ],
)
def test_swedish_name(source: str, expected: str) -> None:
    assert swedish_name(source) == expected


def test_slugify() -> None:
    assert slugify("Enskede-Årsta-Vantör") == "enskede-arsta-vantor"
    assert slugify("Skarpnäcks gård") == "skarpnacks-gard"


@needs_sources
def test_a_point_outside_the_stadsdel_named_for_it_stops_the_build() -> None:
    points = read_points(SOURCES)
    globen = points["globen"]
    points["farsta"] = dataclasses.replace(points["farsta"], lon=globen.lon, lat=globen.lat)
    with pytest.raises(ValueError, match="^farsta is not inside stadsdel FARSTA$"):
        build_places(build_districts(SOURCES), points, SOURCES)


@needs_sources
def test_rebuild_is_byte_identical(tmp_path: Path) -> None:
    sizes = build(SOURCES, tmp_path)
    names = [path.name for path in GEOJSON_FILES] + [paths.GEODATA_SOURCES_FILE.name]
    assert set(sizes) == set(names)
    for name in names:
        assert (tmp_path / name).read_bytes() == (paths.GEODATA_DIR / name).read_bytes(), name
