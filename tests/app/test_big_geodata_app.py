"""A places.geojson as large as the app accepts (20 MB) costs the browser what a small one does.

The file (`benchmarks.big_geodata`) holds the real places with a vertex every few decimetres:
before shapes were simplified on load, the map page sent 19.7 MB on its first draw and on every
filter change. The map's component arguments are captured as the benchmark captures them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import shapely
from shapely.geometry import shape

from benchmarks.apptest import first_draw_and_filter_change
from benchmarks.big_geodata import write_big_places
from soderort import paths, simplify
from soderort.loading import PlanData, load_plan_data

MAP_BYTES_LIMIT = 1_000_000
# A pixel at zoom 15, where a stadsdel fills the screen: a simplified shape never strays so far.
VISIBLE_DEG = simplify.tolerance_deg(load_plan_data().outline, zoom=15)


@pytest.fixture(scope="module")
def big_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_big_places(tmp_path_factory.mktemp("big-geodata"))


@pytest.fixture(scope="module")
def big_plan(big_folder: Path) -> PlanData:
    return load_plan_data(big_folder)


def test_the_file_is_as_large_as_the_app_accepts(big_folder: Path) -> None:
    assert 19_000_000 < (big_folder / paths.PLACES_FILE.name).stat().st_size <= 20_000_000


def test_places_are_the_same_places_each_within_the_tolerance(
    big_folder: Path, big_plan: PlanData
) -> None:
    features = json.loads((big_folder / paths.PLACES_FILE.name).read_text(encoding="utf-8"))
    originals = {f["properties"]["id"]: shape(f["geometry"]) for f in features["features"]}
    places = big_plan.places
    tolerance = places.attrs[simplify.TOLERANCE_ATTR]
    assert list(places.index) == list(originals)
    assert tolerance < VISIBLE_DEG
    for place_id, geometry in places.geometry.items():
        original = originals[place_id]
        assert geometry.is_valid, place_id
        assert geometry.geom_type == original.geom_type, place_id
        # Hausdorff distance: no point of either outline is further than this from the other.
        assert shapely.hausdorff_distance(geometry, original) <= tolerance * 1.000001, place_id
    vertices = int(shapely.get_num_coordinates(places.geometry.values).sum())
    assert vertices <= simplify.MAX_VERTICES
    assert vertices < sum(shapely.get_num_coordinates(g) for g in originals.values()) / 100


def test_real_places_move_less_than_a_pixel_at_the_deepest_zoom(plan_data: PlanData) -> None:
    features = json.loads(paths.PLACES_FILE.read_text(encoding="utf-8"))["features"]
    pixel = simplify.tolerance_deg(plan_data.places)
    assert plan_data.places.attrs[simplify.TOLERANCE_ATTR] == pixel
    for feature in features:
        shown = plan_data.places.loc[feature["properties"]["id"]].geometry
        assert shapely.hausdorff_distance(shown, shape(feature["geometry"])) <= pixel


def test_the_map_sends_under_1_mb_and_keeps_its_base_across_a_filter_change(
    big_folder: Path, big_plan: PlanData
) -> None:
    first, changed = first_draw_and_filter_change(big_folder)
    assert first.map_bytes < MAP_BYTES_LIMIT
    assert changed.map_bytes < MAP_BYTES_LIMIT
    # The filter changed the places drawn, and left the base map byte for byte as it was.
    assert changed.component_args["feature_group"] != first.component_args["feature_group"]
    assert changed.component_args["script"] == first.component_args["script"]
    assert changed.component_args["header"] == first.component_args["header"]
