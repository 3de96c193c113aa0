"""What the map page says about its own set-up: a wrong basemap setting, and front-end files that
are missing or differ from their manifest."""

from __future__ import annotations

import shutil
from pathlib import Path
from unittest.mock import MagicMock

import pytest

from soderort import assets, paths
from tests.app.conftest import open_app, unescape
from ui import maps


def drawn_map_html(st_folium: MagicMock) -> str:
    """The base map the page handed to the component on its last run, rendered."""
    return st_folium.call_args.args[0].get_root().render()


def test_an_unknown_tile_provider_is_named_and_the_map_is_drawn_without_tiles(
    st_folium, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(assets.TILES_URL_ENV, "Carto.Positive")
    at = open_app()
    assert len(at.warning) == 1
    warning = unescape(at.warning[0].value)
    assert "Bakgrundskartan är felaktigt inställd" in warning
    assert "SODERORT_TILES_URL='Carto.Positive'" in warning and "xyzservices" in warning
    html = drawn_map_html(st_folium)
    assert "L.tileLayer" not in html and "L.geoJson" in html


def test_a_provider_name_sets_the_tiles(st_folium, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(assets.TILES_URL_ENV, "OpenStreetMap.Mapnik")
    at = open_app()
    assert not at.warning
    html = drawn_map_html(st_folium)
    assert "https://tile.openstreetmap.org/{z}/{x}/{y}.png" in html
    assert "cartocdn" not in html


@pytest.fixture
def vendor_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of static/vendor/ that the app checks instead of the real one."""
    folder = tmp_path / "vendor"
    shutil.copytree(paths.VENDOR_DIR, folder)
    monkeypatch.setattr(paths, "VENDOR_DIR", folder)
    maps._changed_at_start.clear()
    yield folder
    maps._changed_at_start.clear()


@pytest.mark.parametrize("damage", ["edited", "deleted"])
def test_a_changed_or_missing_front_end_file_stops_the_map_with_the_fix(
    st_folium, vendor_copy: Path, damage: str
) -> None:
    leaflet = vendor_copy / assets.LEAFLET_JS_FILE
    if damage == "edited":
        leaflet.write_text(leaflet.read_text(encoding="utf-8") + "\n// changed\n", "utf-8")
    else:
        leaflet.unlink()
    at = open_app()
    assert [e.value for e in at.error] == [
        f"Kartans filer saknas eller är ändrade ({assets.LEAFLET_JS_FILE}). "
        f"Kör `{assets.RESTORE_COMMAND}` i projektets mapp och ladda om."
    ]
    st_folium.assert_not_called()
