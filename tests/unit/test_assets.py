"""The vendored front-end files (committed, unmodified, checked against their manifest) and the
tile configuration."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from soderort import assets, paths

RESTORE_HINT = f"static/vendor/ is incomplete; run `{assets.RESTORE_COMMAND}`"
PINNED = {"leaflet": "1.9.4", "leaflet.fullscreen": "3.0.0"}


@pytest.fixture(scope="module")
def manifest() -> dict:
    path = paths.VENDOR_DIR / assets.MANIFEST_FILE
    assert path.is_file(), RESTORE_HINT
    return json.loads(path.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- vendored files


def test_every_required_asset_is_vendored() -> None:
    assert assets.missing_assets() == [], RESTORE_HINT


def test_manifest_pins_the_packages_with_their_npm_tarballs(manifest: dict) -> None:
    assert {name: entry["version"] for name, entry in manifest["packages"].items()} == PINNED
    for name, entry in manifest["packages"].items():
        version = entry["version"]
        assert entry["tarball"] == f"https://registry.npmjs.org/{name}/-/{name}-{version}.tgz"
        assert entry["integrity"].startswith("sha512-"), name


def test_manifest_lists_every_required_asset_and_each_licence(manifest: dict) -> None:
    listed = {entry["path"] for entry in manifest["files"]}
    assert set(assets.REQUIRED_ASSETS) <= listed
    for name in PINNED:
        licence = paths.VENDOR_DIR / name / "LICENSE"
        assert f"{name}/LICENSE" in listed and licence.is_file(), name
    assert "Copyright" in (paths.VENDOR_DIR / "leaflet" / "LICENSE").read_text(encoding="utf-8")


def test_manifest_hashes_match_files(manifest: dict) -> None:
    assert manifest["files"], "MANIFEST.json lists no files"
    for entry in manifest["files"]:
        path = paths.VENDOR_DIR / entry["path"]
        assert path.is_file(), entry["path"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"], entry["path"]
    assert assets.changed_assets() == []


def test_vendor_dir_holds_only_manifest_files(manifest: dict) -> None:
    on_disk = {
        path.relative_to(paths.VENDOR_DIR).as_posix()
        for path in paths.VENDOR_DIR.rglob("*")
        if path.is_file()
    }
    listed = {entry["path"] for entry in manifest["files"]}
    assert on_disk == listed | {assets.MANIFEST_FILE}


def test_vendor_files_are_committed(manifest: dict) -> None:
    if shutil.which("git") is None or not (paths.PROJECT_ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    tracked = subprocess.run(
        ["git", "ls-files", "static/vendor"],
        cwd=paths.PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    listed = {f"static/vendor/{entry['path']}" for entry in manifest["files"]}
    assert set(tracked) == listed | {"static/vendor/MANIFEST.json"}


def _copy_vendor(target: Path) -> Path:
    shutil.copytree(paths.VENDOR_DIR, target)
    return target


def test_changed_assets_names_an_edited_file(tmp_path: Path) -> None:
    vendor = _copy_vendor(tmp_path / "vendor")
    assert assets.changed_assets(vendor) == []
    with (vendor / assets.LEAFLET_JS_FILE).open("a", encoding="utf-8") as handle:
        handle.write("\nfetch('https://evil.example/');\n")
    assert assets.changed_assets(vendor) == [assets.LEAFLET_JS_FILE]


def test_changed_assets_without_a_manifest(tmp_path: Path) -> None:
    vendor = _copy_vendor(tmp_path / "vendor")
    (vendor / assets.MANIFEST_FILE).write_text("{not json", encoding="utf-8")
    assert assets.changed_assets(vendor) == [assets.MANIFEST_FILE]
    (vendor / assets.MANIFEST_FILE).unlink()
    assert assets.changed_assets(vendor) == [assets.MANIFEST_FILE]


def test_leaflet_js_is_the_pinned_version() -> None:
    version = PINNED["leaflet"]
    text = assets.read_asset_text(assets.LEAFLET_JS_FILE)
    assert f'version="{version}"' in text
    assert f"Leaflet {version}" in text


def test_css_references_resolve_to_vendored_files() -> None:
    for css in (assets.LEAFLET_CSS_FILE, assets.FULLSCREEN_CSS_FILE):
        text = assets.read_asset_text(css)
        refs = [
            ref
            for ref in re.findall(r"""url\(\s*['"]?([^'")]+)""", text)
            if not ref.startswith(("#", "data:"))
        ]
        for ref in refs:
            target = assets.asset_path(css).parent / ref
            assert target.is_file(), f"{css} refers to missing {ref}"


# ----------------------------------------------------------------- URLs, reading


def test_default_urls_are_served_from_the_app() -> None:
    assert assets.DEFAULT_VENDOR_BASE_URL == "/app/static/vendor"
    assert assets.vendor_base_url({}) == "/app/static/vendor"
    for url in (assets.LEAFLET_JS, assets.LEAFLET_CSS, assets.FULLSCREEN_JS, assets.FULLSCREEN_CSS):
        assert url.startswith("/") and "://" not in url
    assert assets.asset_url(assets.LEAFLET_JS_FILE, base="/app/static/vendor") == (
        "/app/static/vendor/leaflet/leaflet.js"
    )
    assert assets.asset_url("leaflet.fullscreen/Control.FullScreen.css", base="/x/") == (
        "/x/leaflet.fullscreen/Control.FullScreen.css"
    )


def test_vendor_base_url_from_environment() -> None:
    env = {assets.VENDOR_BASE_URL_ENV: "/soderort/app/static/vendor/"}
    assert assets.vendor_base_url(env) == "/soderort/app/static/vendor"


@pytest.mark.parametrize("name", ["../secrets.txt", "/etc/passwd", "leaflet/../../x", ""])
def test_asset_names_cannot_leave_vendor_dir(name: str) -> None:
    with pytest.raises(ValueError):
        assets.read_asset_text(name)


def test_read_missing_asset_names_the_restore_command(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=re.escape(assets.RESTORE_COMMAND)):
        assets.read_asset_text(assets.LEAFLET_JS_FILE, vendor_dir=tmp_path)


def test_missing_assets_in_empty_dir(tmp_path: Path) -> None:
    assert assets.missing_assets(tmp_path) == list(assets.REQUIRED_ASSETS)


def test_missing_assets_reports_the_one_absent_file(tmp_path: Path) -> None:
    for name in assets.REQUIRED_ASSETS:
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("x", encoding="utf-8")
    assert assets.missing_assets(tmp_path) == []
    (tmp_path / assets.FULLSCREEN_JS_FILE).unlink()
    assert assets.missing_assets(tmp_path) == [assets.FULLSCREEN_JS_FILE]


# ------------------------------------------------------------------------ tiles


def test_tile_config_default_is_carto_positron_from_xyzservices() -> None:
    config = assets.tile_config({})
    assert config == assets.DEFAULT_TILES
    assert config is not None
    # Leaflet fills {s} from the subdomains and {r} with "@2x" on high-density screens.
    assert config.url == "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png"
    assert config.subdomains == "abcd"
    assert "OpenStreetMap" in config.attribution and "CARTO" in config.attribution
    assert config.max_zoom == 20


def test_tile_config_empty_url_means_default() -> None:
    assert assets.tile_config({assets.TILES_URL_ENV: "  "}) == assets.DEFAULT_TILES


def test_tile_config_custom() -> None:
    env = {
        "SODERORT_TILES_URL": "https://tiles.example.se/{z}/{x}/{y}.png",
        "SODERORT_TILES_ATTRIBUTION": "&copy; Example",
        "SODERORT_TILES_MAX_ZOOM": "18",
    }
    assert assets.tile_config(env) == assets.TileConfig(
        url="https://tiles.example.se/{z}/{x}/{y}.png", attribution="&copy; Example", max_zoom=18
    )


@pytest.mark.parametrize("name", ["OpenStreetMap.Mapnik", "openstreetmap mapnik"])
def test_tile_config_provider_name(name: str) -> None:
    config = assets.tile_config({"SODERORT_TILES_URL": name})
    assert config == assets.TileConfig(
        url="https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        attribution='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> '
        "contributors",
        max_zoom=19,
    )


def test_tile_config_provider_brings_its_attribution_and_takes_a_max_zoom() -> None:
    env = {
        "SODERORT_TILES_URL": "CartoDB.Positron",
        "SODERORT_TILES_ATTRIBUTION": "ignored",
        "SODERORT_TILES_MAX_ZOOM": "17",
    }
    config = assets.tile_config(env)
    assert config is not None
    assert config.attribution == assets.DEFAULT_TILES.attribution
    assert config.max_zoom == 17


def test_tile_config_unknown_provider_is_named() -> None:
    with pytest.raises(assets.TileConfigError, match="'Carto.Positive' is neither a tile URL"):
        assets.tile_config({"SODERORT_TILES_URL": "Carto.Positive"})


def test_tile_config_provider_that_needs_a_key_says_how_to_give_it() -> None:
    with pytest.raises(assets.TileConfigError, match="MapBox needs an access key"):
        assets.tile_config({"SODERORT_TILES_URL": "MapBox"})


@pytest.mark.parametrize("value", ["none", "NONE", " None "])
def test_tile_config_none_turns_tiles_off(value: str) -> None:
    assert assets.tile_config({"SODERORT_TILES_URL": value}) is None


def test_tile_config_custom_url_needs_attribution() -> None:
    with pytest.raises(assets.TileConfigError, match="SODERORT_TILES_ATTRIBUTION"):
        assets.tile_config({"SODERORT_TILES_URL": "https://tiles.example.se/{z}/{x}/{y}.png"})


@pytest.mark.parametrize(
    "env",
    [
        {
            "SODERORT_TILES_URL": "https://tiles.example.se/tile.png",
            "SODERORT_TILES_ATTRIBUTION": "a",
        },
        {"SODERORT_TILES_MAX_ZOOM": "twenty"},
        {"SODERORT_TILES_MAX_ZOOM": "99"},
    ],
)
def test_tile_config_rejects_bad_settings(env: dict[str, str]) -> None:
    with pytest.raises(assets.TileConfigError):
        assets.tile_config(env)


def test_tile_config_reads_os_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SODERORT_TILES_URL", "none")
    assert assets.tile_config() is None
    monkeypatch.delenv("SODERORT_TILES_URL")
    monkeypatch.delenv("SODERORT_TILES_MAX_ZOOM", raising=False)
    assert assets.tile_config() == assets.DEFAULT_TILES


def test_tile_config_is_frozen() -> None:
    with pytest.raises(AttributeError):
        assets.DEFAULT_TILES.url = "x"  # type: ignore[misc]


def test_the_providers_warning_goes_to_the_log_once(caplog: pytest.LogCaptureFixture) -> None:
    assets._log_once.cache_clear()
    with caplog.at_level("WARNING", logger="soderort.assets"):
        assets.tile_config({})
        assets.tile_config({})
    notes = [record.getMessage() for record in caplog.records]
    assert len(notes) == 1 and "CartoDB.Positron" in notes[0] and "API key" in notes[0]
