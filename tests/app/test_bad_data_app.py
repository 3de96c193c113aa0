"""The running app on broken data: a friendly page that names the file and how to check it.

Each case copies geodata/ to a temporary folder, puts one broken file from tests/data/bad/ in
under the name the app reads, points the app at the folder with SODERORT_DATA_DIR and runs
app.py. The page must name the file and the problem, tell how to check the folder, raise
nothing, and show none of the data: no sidebar, no map, no list.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from unittest.mock import MagicMock

import pytest
from streamlit.testing.v1 import AppTest

from soderort import paths
from tests.app.conftest import open_app, unescape

BAD = paths.PROJECT_ROOT / "tests" / "data" / "bad"

# The corpus's prefix -> the file the app reads.
TARGETS = {
    "plan_": paths.ACTION_PLAN_FILE.name,
    "committees_": paths.COMMITTEES_FILE.name,
    "themes_": paths.THEMES_FILE.name,
    "places_": paths.PLACES_FILE.name,
}

# A representative subset per kind of mistake (tests/unit/test_bad_data.py checks every file
# with `validate`). Each with a phrase of the problem the page must show.
CASES = {
    # unreadable text
    "plan_empty.yaml": "filen är tom",
    "plan_latin1.yaml": "inte UTF-8",
    "plan_bom.yaml": "BOM",
    "plan_truncated.yaml": "går inte att läsa som YAML",
    "places_invalid_json.geojson": "inte giltig JSON",
    # structure
    "plan_not_a_mapping.yaml": "ska börja med nyckeln",
    "places_not_featurecollection.geojson": "ingen GeoJSON FeatureCollection",
    "plan_missing_rubrik.yaml": "saknas men krävs",
    "places_missing_name.geojson": "ska vara text",
    # values and references
    "plan_duplicate_id.yaml": "förekommer redan",
    "plan_duplicate_key.yaml": "förekommer två gånger",
    "plan_unknown_place.yaml": "okänd plats 'atlantis'",
    "plan_unknown_committee_id.yaml": "okänd nämnd 'trafiknamnden'",
    "plan_year_20300.yaml": "20300 är för stort",
    "plan_milestone_after_target.yaml": "delmålet 2035 ligger efter målåret",
    "plan_impossible_date.yaml": "inget giltigt datum",
    "committees_duplicate.yaml": "förekommer redan",
    "themes_missing_name.yaml": "saknas men krävs",
    # geometry
    "places_self_intersecting.geojson": "Self-intersection",
    "places_null_geometry.geojson": "geometri saknas",
    "places_empty_geometry.geojson": "geometrin är tom",
    "places_wrong_crs.geojson": "fel koordinatsystem",
    "places_swapped_lat_lon.geojson": "omkastade",
    # hostile
    "plan_alias_bomb.yaml": "ska vara ett heltal",
    "places_deep_nesting.geojson": "för djupt nästlad",
    "places_huge_number.geojson": "fler än 100 siffror",
}


def target_name(bad_name: str) -> str:
    return next(target for prefix, target in TARGETS.items() if bad_name.startswith(prefix))


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of geodata/ that the app reads through SODERORT_DATA_DIR."""
    folder = tmp_path / "data"
    shutil.copytree(paths.GEODATA_DIR, folder)
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(folder))
    return folder


def run_app(language: str = "sv") -> AppTest:
    return open_app(query={"lang": language} if language != "sv" else None)


def assert_error_page(at: AppTest, st_folium: MagicMock, file: str, phrase: str) -> str:
    """The page is the error page, and only that; returns the error's text."""
    assert not at.exception, [e.value for e in at.exception]
    assert [title.value for title in at.title] == ["Datan kunde inte läsas"]
    assert len(at.error) == 1
    text = unescape(at.error[0].value)
    assert f"**{file}**" in text  # the broken file, in bold, first thing on the page
    assert phrase in text
    assert 'python -m soderort validate "$SODERORT_DATA_DIR"' in text
    assert "Traceback" not in text and 'File "' not in text
    # None of the data: no map, no sidebar (filters, count), nothing but the title and the error.
    st_folium.assert_not_called()
    assert not at.sidebar.children
    assert [type(element).__name__ for element in at.main.children.values()] == ["Title", "Error"]
    return text


@pytest.mark.parametrize("bad_name", sorted(CASES))
def test_a_broken_file_gives_the_error_page(data_dir, st_folium, bad_name) -> None:
    file = target_name(bad_name)
    shutil.copyfile(BAD / bad_name, data_dir / file)
    at = run_app()
    assert_error_page(at, st_folium, file, CASES[bad_name])


def test_every_kind_of_file_is_in_the_subset() -> None:
    kinds = {target_name(name) for name in CASES}
    assert kinds == set(TARGETS.values())
    assert set(CASES) <= {path.name for path in BAD.iterdir()}


def test_a_file_of_20_mb_is_refused_unread(data_dir, st_folium) -> None:
    plan = data_dir / paths.ACTION_PLAN_FILE.name
    with plan.open("wb") as handle:
        handle.truncate(20 * 1024 * 1024)
    at = run_app()
    assert_error_page(at, st_folium, plan.name, "större än gränsen")


def test_a_missing_data_folder_is_named(tmp_path, monkeypatch, st_folium) -> None:
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "finns-inte"))
    at = run_app()
    text = assert_error_page(at, st_folium, paths.ACTION_PLAN_FILE.name, "filen finns inte")
    # Every file the app needs is listed, each as missing.
    assert text.count("filen finns inte") == 7
    # The public page names files, never the server's folders.
    assert str(tmp_path) not in text


def test_the_page_follows_the_language(data_dir, st_folium) -> None:
    shutil.copyfile(BAD / "plan_year_20300.yaml", data_dir / "action_plan.yaml")
    at = run_app("en")
    assert not at.exception
    assert [title.value for title in at.title] == ["The data could not be read"]
    text = unescape(at.error[0].value)
    assert "There are errors in **action_plan.yaml**" in text
    assert "environment variable" in text


def test_a_fixed_file_is_picked_up_on_the_next_run(data_dir, st_folium) -> None:
    plan = data_dir / "action_plan.yaml"
    good = plan.read_bytes()
    shutil.copyfile(BAD / "plan_year_20300.yaml", plan)
    at = run_app()
    assert [title.value for title in at.title] == ["Datan kunde inte läsas"]
    plan.write_bytes(good)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error
    st_folium.assert_called()
