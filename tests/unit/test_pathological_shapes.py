"""Pathological shapes: each is refused, naming the place and where in it, or drawn.

The corpus is what hung or broke the app: coordinates written as text, a 200,000-vertex spiky
ring (minutes in GEOS's validity check), a GeometryCollection (no bounds for the map), and a
place or label point far from Söderort. `soderort validate` is what a publisher runs and the app
reads the files through the same loaders. Times are measured in docs/reliability.md, not here.
"""

from __future__ import annotations

import math
import random
import shutil
from pathlib import Path

import pytest

from soderort import geo_files, geometry_checks, paths
from tests.unit.test_limits import edit_place, validate

HOGDALEN = [[18.05, 59.255], [18.065, 59.255], [18.065, 59.262], [18.05, 59.262], [18.05, 59.255]]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(paths.GEODATA_DIR, folder)
    return folder


def spiky_ring(vertices: int) -> list[list[float]]:
    """A star around Högdalen: every other vertex pulled in towards its centre."""
    pick = random.Random(1)
    ring = []
    for index in range(vertices):
        angle = 2 * math.pi * index / vertices
        radius = 0.005 if index % 2 == 0 else 0.005 * pick.uniform(0.01, 0.2)
        ring.append([18.058 + 2 * radius * math.cos(angle), 59.258 + radius * math.sin(angle)])
    return [*ring, ring[0]]


def polygon(ring: list[list]) -> dict:
    return {"type": "Polygon", "coordinates": [ring]}


@pytest.mark.parametrize(
    ("position", "text"),
    [(["1e308", "59.24"], "'1e308'"), ([18.06, "59.24"], "'59.24'"), (["2.35", "48.85"], "'2.35'")],
)
def test_a_coordinate_written_as_text_is_refused_with_the_place_and_position(
    data_dir,
    capsys,
    position,
    text,
) -> None:
    ring = [HOGDALEN[0], position, *HOGDALEN[2:]]
    edit_place(data_dir, "hogdalen", geometry=polygon(ring))
    code, output = validate(data_dir, capsys)
    assert code == 1
    assert "hogdalen" in output
    assert f"ring 1, punkt 2: koordinaten {text} är text, inte ett tal" in output


def test_text_in_a_multipolygon_names_the_part(data_dir, capsys) -> None:
    shape = {"type": "MultiPolygon", "coordinates": [[HOGDALEN], [[*HOGDALEN[:3], ["x", 1]]]]}
    edit_place(data_dir, "hogdalen", geometry=shape)
    code, output = validate(data_dir, capsys)
    assert code == 1
    assert "del 2, ring 1, punkt 4: koordinaten 'x' är text" in output


def test_a_200000_vertex_spiky_ring_is_refused_by_its_work(data_dir, capsys) -> None:
    edit_place(data_dir, "hogdalen", geometry=polygon(spiky_ring(200_000)))
    code, output = validate(data_dir, capsys)
    assert code == 1
    assert "plats 'hogdalen'" in output
    assert "ring 1 är för taggig för att kontrolleras inom rimlig tid" in output
    assert "200\u00a0001 punkter" in output


def test_a_ring_over_the_vertex_limit_is_refused_by_its_size(data_dir, capsys, monkeypatch) -> None:
    monkeypatch.setattr(geometry_checks, "MAX_LINE_VERTICES", 4)
    edit_place(data_dir, "hogdalen", geometry=polygon(HOGDALEN))
    code, output = validate(data_dir, capsys)
    assert code == 1
    assert "ring 1 har 5 punkter; gränsen är 4 per ring eller linje" in output


def test_a_spiky_ring_within_the_vertex_limit_is_refused_by_its_work(data_dir, capsys) -> None:
    edit_place(data_dir, "hogdalen", geometry=polygon(spiky_ring(20_000)))
    code, output = validate(data_dir, capsys)
    assert code == 1
    assert "ring 1 är för taggig för att kontrolleras inom rimlig tid" in output
    assert "20\u00a0001 punkter" in output


def test_a_spiky_ring_within_the_budget_is_drawn(data_dir, capsys) -> None:
    edit_place(data_dir, "hogdalen", geometry=polygon(spiky_ring(3_000)))
    code, output = validate(data_dir, capsys)
    assert code == 0, output
    drawn = geo_files.load_places(data_dir / "places.geojson").loc["hogdalen"].geometry
    west, south, east, north = drawn.bounds
    assert (round(west, 3), round(east, 3)) == (18.048, 18.068)
    assert (round(south, 3), round(north, 3)) == (59.253, 59.263)


def test_a_geometry_collection_is_refused_by_type(data_dir, capsys) -> None:
    shape = {"type": "GeometryCollection", "geometries": [polygon(HOGDALEN)]}
    edit_place(data_dir, "hogdalen", geometry=shape)
    code, output = validate(data_dir, capsys)
    assert code == 1
    assert "fält geometry: geometritypen 'GeometryCollection' ritas inte på kartan" in output


def test_a_place_in_sweden_far_from_soderort_is_refused(data_dir, capsys) -> None:
    gothenburg = [[11.96, 57.70], [11.98, 57.70], [11.98, 57.71], [11.96, 57.70]]
    edit_place(data_dir, "hogdalen", geometry=polygon(gothenburg))
    code, output = validate(data_dir, capsys)
    assert code == 1
    assert "geometrin når utanför kartans område runt Söderort" in output
    assert geometry_checks.region_text() in output


def test_a_place_in_paris_is_refused(data_dir, capsys) -> None:
    paris = [[2.35, 48.85], [2.36, 48.85], [2.36, 48.86], [2.35, 48.85]]
    edit_place(data_dir, "hogdalen", geometry=polygon(paris))
    code, output = validate(data_dir, capsys)
    assert code == 1
    assert "geometrin ligger utanför Sverige" in output


def test_a_label_point_far_from_soderort_is_refused(data_dir, capsys) -> None:
    edit_place(data_dir, "farsta", label_lon=2.35, label_lat=48.85)
    code, output = validate(data_dir, capsys)
    assert code == 1
    assert "plats 'farsta'" in output
    assert "etikettpunkten (2.35, 48.85) ligger utanför kartans område runt Söderort" in output


def test_a_file_over_its_time_limit_is_refused_with_the_limit(
    data_dir, capsys, monkeypatch
) -> None:
    monkeypatch.setattr(geo_files, "MAX_GEOMETRY_SECONDS", 0.0)
    code, output = validate(data_dir, capsys)
    assert code == 1
    assert "kontrollen av geometrierna tog mer än 0 sekunders processortid" in output
    assert "gränsen för en fil; förenkla formerna" in output
