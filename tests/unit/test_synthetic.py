"""The generated plans the benchmark runs on: complete, valid, seeded, shaped like the real one."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from benchmarks.synthetic import generate_data_folder
from soderort import paths
from soderort.loading import load_plan_data
from soderort.model import TEXT_FIELDS
from soderort.validate import validate_path

N_INITIATIVES = 60


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return generate_data_folder(tmp_path_factory.mktemp("plan"), N_INITIATIVES, seed=7)


def test_the_folder_passes_the_validate_command_and_loads(folder) -> None:
    assert validate_path(folder).startswith(f"OK: {N_INITIATIVES} initiativ, 100 platser")
    data = load_plan_data(folder)
    assert len(data.initiatives) == N_INITIATIVES
    assert len(data.places) == 100
    assert len({item.id for item in data.initiatives}) == N_INITIATIVES


def test_the_real_places_and_registries_are_kept(folder, plan_data) -> None:
    data = load_plan_data(folder)
    assert set(plan_data.places.index) <= set(data.places.index)
    assert data.committees == plan_data.committees
    assert data.themes == plan_data.themes
    assert len(data.districts) == len(plan_data.districts)


def test_every_generated_place_lies_in_soderort(folder, plan_data) -> None:
    data = load_plan_data(folder)
    outline = plan_data.outline.geometry.iloc[0].buffer(0.01)
    generated = data.places.drop(index=list(plan_data.places.index))
    assert all(outline.contains(geometry) for geometry in generated.geometry)


def test_the_same_seed_gives_the_same_files_and_another_seed_others(tmp_path, folder) -> None:
    again = generate_data_folder(tmp_path / "again", N_INITIATIVES, seed=7)
    other = generate_data_folder(tmp_path / "other", N_INITIATIVES, seed=8)
    for name in (paths.ACTION_PLAN_FILE.name, paths.PLACES_FILE.name):
        assert (again / name).read_bytes() == (folder / name).read_bytes()
        assert (other / name).read_bytes() != (folder / name).read_bytes()


def test_texts_are_as_long_as_the_real_plans_texts(folder, plan_data) -> None:
    data = load_plan_data(folder)
    for field in TEXT_FIELDS:
        real = [len(getattr(item, field)) for item in plan_data.initiatives]
        made = [len(getattr(item, field)) for item in data.initiatives]
        # Lengths are drawn from the real ones with ±20 % jitter, cut at a word's end.
        assert max(made) <= max(real) * 1.2 + 40, field
        if min(real) > 0:
            assert min(made) > 0, field
        if max(real) == 0:
            assert max(made) == 0, field


def test_a_few_places_draw_most_initiatives(tmp_path) -> None:
    data = load_plan_data(generate_data_folder(tmp_path, 1000, seed=1))
    counts = Counter(place for item in data.initiatives for place in item.places)
    ranked = sorted(counts.values(), reverse=True)
    assert sum(ranked[:10]) > sum(ranked[-10:]) * 3
