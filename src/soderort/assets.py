"""Vendored front-end assets and the basemap tile configuration.

The map needs Leaflet and the leaflet.fullscreen plugin. Their files are kept in the
repository, unmodified from the packages' npm tarballs, in ``static/vendor/`` with their
licences and ``MANIFEST.json`` (each file's sha256, each package's version, tarball and
integrity hash). Streamlit serves that folder at ``/app/static/vendor/...``
(``server.enableStaticServing``), so the app never loads a script or style sheet from a CDN.

This module only knows paths and URLs; it does not import Streamlit. It is also
the one place where the basemap tile URL is defined (see `tile_config`).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import logging
import mimetypes
import os
import re
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

import xyzservices

from soderort import paths

_log = logging.getLogger(__name__)

RESTORE_COMMAND = "git checkout -- static/vendor"
"""The command that puts the vendored files back as committed; shown when any is missing or
changed."""

VENDOR_BASE_URL_ENV = "SODERORT_VENDOR_BASE_URL"
"""Environment variable that overrides `DEFAULT_VENDOR_BASE_URL`.

Needed when Streamlit runs under ``server.baseUrlPath`` (behind a proxy), e.g.
``/soderort/app/static/vendor``.
"""

DEFAULT_VENDOR_BASE_URL = "/app/static/vendor"
"""Where Streamlit's static serving exposes ``static/vendor/``."""

LEAFLET_JS_FILE = "leaflet/leaflet.js"
LEAFLET_CSS_FILE = "leaflet/leaflet.css"
FULLSCREEN_JS_FILE = "leaflet.fullscreen/Control.FullScreen.js"
FULLSCREEN_CSS_FILE = "leaflet.fullscreen/Control.FullScreen.css"
FULLSCREEN_ICON_FILE = "leaflet.fullscreen/icon-fullscreen.svg"
LAYERS_ICON_FILE = "leaflet/images/layers.png"
MANIFEST_FILE = "MANIFEST.json"

REQUIRED_ASSETS: tuple[str, ...] = (
    LEAFLET_JS_FILE,
    LEAFLET_CSS_FILE,
    LAYERS_ICON_FILE,
    "leaflet/images/layers-2x.png",
    "leaflet/images/marker-icon.png",
    "leaflet/images/marker-icon-2x.png",
    "leaflet/images/marker-shadow.png",
    FULLSCREEN_JS_FILE,
    FULLSCREEN_CSS_FILE,
    FULLSCREEN_ICON_FILE,
)
"""Files under ``static/vendor/`` that the map needs at run time."""


def _clean_name(name: str) -> str:
    """Validate a path relative to the vendor folder and return it in POSIX form."""
    pure = PurePosixPath(name.replace("\\", "/"))
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        raise ValueError(f"Not a path inside static/vendor/: {name!r}")
    return pure.as_posix()


def vendor_base_url(environ: Mapping[str, str] | None = None) -> str:
    """Return the URL path under which ``static/vendor/`` is served.

    Parameters
    ----------
    environ : Mapping[str, str], optional
        Environment to read `VENDOR_BASE_URL_ENV` from; defaults to
        ``os.environ``.

    Returns
    -------
    str
        The base URL without a trailing slash, e.g. ``"/app/static/vendor"``.
    """
    env = os.environ if environ is None else environ
    base = env.get(VENDOR_BASE_URL_ENV, "").strip() or DEFAULT_VENDOR_BASE_URL
    return base.rstrip("/")


def asset_url(name: str, base: str | None = None) -> str:
    """Return the URL of a vendored file.

    Parameters
    ----------
    name : str
        Path relative to ``static/vendor/``, e.g. ``"leaflet/leaflet.js"``.
    base : str, optional
        Base URL; defaults to `vendor_base_url`.

    Returns
    -------
    str
        ``base + "/" + name``.
    """
    root = vendor_base_url() if base is None else base.rstrip("/")
    return f"{root}/{_clean_name(name)}"


LEAFLET_JS = asset_url(LEAFLET_JS_FILE)
LEAFLET_CSS = asset_url(LEAFLET_CSS_FILE)
FULLSCREEN_JS = asset_url(FULLSCREEN_JS_FILE)
FULLSCREEN_CSS = asset_url(FULLSCREEN_CSS_FILE)

MAP_FRAME_FILES: tuple[tuple[str, str], ...] = (
    (LEAFLET_JS, "script"),
    (FULLSCREEN_JS, "script"),
    (LEAFLET_CSS, "style"),
    (FULLSCREEN_CSS, "style"),
    (asset_url(FULLSCREEN_ICON_FILE), "image"),
    (asset_url(LAYERS_ICON_FILE), "image"),
)
"""What a live map's frame fetches before its map is whole, each with its kind of request
(a ``<link rel="preload">``'s ``as``): the scripts and styles that
``render.map_elements.localise_assets`` gives it, and its controls' icons."""


def _vendor_root(vendor_dir: Path | None) -> Path:
    # Tests check a copy of the folder; the app checks its own.
    return paths.VENDOR_DIR if vendor_dir is None else Path(vendor_dir)


def missing_assets(vendor_dir: Path | None = None) -> list[str]:
    """List the required vendored files that are absent from `vendor_dir` (``static/vendor``).

    Returns the names from `REQUIRED_ASSETS` (relative to the folder) that are not regular files
    there; empty when everything is in place.
    """
    root = _vendor_root(vendor_dir)
    return [name for name in REQUIRED_ASSETS if not (root / name).is_file()]


def changed_assets(vendor_dir: Path | None = None) -> list[str]:
    """List the files in `vendor_dir` (``static/vendor``) whose content differs from the manifest.

    Returns the paths (relative to the folder) of listed files whose sha256 is not the
    manifest's, or ``[MANIFEST_FILE]`` when the manifest is missing or unreadable. Missing files
    are left to `missing_assets`.
    """
    root = _vendor_root(vendor_dir)
    try:
        listed = json.loads((root / MANIFEST_FILE).read_text(encoding="utf-8"))["files"]
        expected = {_clean_name(entry["path"]): entry["sha256"] for entry in listed}
    except (OSError, ValueError, KeyError, TypeError):
        return [MANIFEST_FILE]
    changed = []
    for name, digest in expected.items():
        path = root / name
        if path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            changed.append(name)
    return changed


def asset_path(name: str, vendor_dir: Path | None = None) -> Path:
    """Return the filesystem path of a vendored file.

    Parameters
    ----------
    name : str
        Path relative to ``static/vendor/``, e.g. ``"leaflet/leaflet.css"``.
    vendor_dir : Path, optional
        Folder to look in; defaults to ``paths.VENDOR_DIR``.

    Returns
    -------
    Path
        The file's path (it may not exist).

    Raises
    ------
    ValueError
        If `name` is absolute or climbs out of the vendor folder.
    """
    root = _vendor_root(vendor_dir)
    return root.joinpath(*PurePosixPath(_clean_name(name)).parts)


def read_asset_bytes(name: str, vendor_dir: Path | None = None) -> bytes:
    """Read a vendored file's bytes (e.g. an icon to embed as a data URI).

    Parameters
    ----------
    name : str
        Path relative to ``static/vendor/``.
    vendor_dir : Path, optional
        Folder to read from; defaults to ``paths.VENDOR_DIR``.

    Returns
    -------
    bytes
        The file's content.

    Raises
    ------
    FileNotFoundError
        If the file is missing; the message names `RESTORE_COMMAND`.
    ValueError
        If `name` is absolute or climbs out of the vendor folder.
    """
    path = asset_path(name, vendor_dir)
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise FileNotFoundError(
            f"Vendored asset {name!r} is missing ({path}); run `{RESTORE_COMMAND}`."
        ) from exc


def read_asset_text(name: str, vendor_dir: Path | None = None) -> str:
    """Read a vendored file's text, e.g. to inline it into a standalone HTML export.

    Parameters
    ----------
    name : str
        Path relative to ``static/vendor/``, e.g. `LEAFLET_JS_FILE`.
    vendor_dir : Path, optional
        Folder to read from; defaults to ``paths.VENDOR_DIR``.

    Returns
    -------
    str
        The file decoded as UTF-8.

    Raises
    ------
    FileNotFoundError
        If the file is missing; the message names `RESTORE_COMMAND`.
    ValueError
        If `name` is absolute or climbs out of the vendor folder.

    Notes
    -----
    ``leaflet.css`` refers to ``images/...`` relative to itself; an inlined copy
    needs those URLs rewritten (e.g. to data URIs from `read_asset_bytes`).
    """
    return read_asset_bytes(name, vendor_dir).decode("utf-8")


# --------------------------------------------------------------------------- tiles

TILES_URL_ENV = "SODERORT_TILES_URL"
TILES_ATTRIBUTION_ENV = "SODERORT_TILES_ATTRIBUTION"
TILES_MAX_ZOOM_ENV = "SODERORT_TILES_MAX_ZOOM"
NO_TILES = "none"
"""Value of `TILES_URL_ENV` that turns the basemap off."""

DEFAULT_TILES_PROVIDER = "CartoDB.Positron"
"""The xyzservices provider used when `TILES_URL_ENV` is unset: light and neutral, it keeps the
data in front."""
DEFAULT_TILES_MAX_ZOOM = 20


def inline_css_urls(name: str, vendor_dir: Path | None = None) -> str:
    """Return a vendored style sheet with every relative ``url(...)`` turned into a data URI.

    Parameters
    ----------
    name : str
        Path of the CSS file relative to ``static/vendor/``.
    vendor_dir : Path, optional
        Folder to read from; defaults to ``paths.VENDOR_DIR``.

    Returns
    -------
    str
        The CSS, self-contained, for a standalone HTML file.
    """
    css = read_asset_text(name, vendor_dir)
    folder = PurePosixPath(name).parent

    def embed(match: re.Match[str]) -> str:
        target = match.group(2)
        if target.startswith(("data:", "http:", "https:", "/", "#")):
            return match.group(0)
        mime = mimetypes.guess_type(target)[0] or "application/octet-stream"
        content = read_asset_bytes(str(folder / target), vendor_dir)
        return f'url("data:{mime};base64,{base64.b64encode(content).decode("ascii")}")'

    return re.sub(r"url\((['\"]?)([^'\")]+)\1\)", embed, css)


class TileConfigError(ValueError):
    """The tile settings in the environment are inconsistent."""


@dataclass(frozen=True)
class TileConfig:
    """A raster basemap (XYZ tiles) for Leaflet.

    Attributes
    ----------
    url : str
        Leaflet tile URL template with ``{z}``, ``{x}`` and ``{y}``.
    attribution : str
        HTML attribution shown in the map corner (required by tile licences).
    max_zoom : int
        Highest zoom level the tile server provides.
    subdomains : str
        The letters or digits Leaflet puts for ``{s}`` in the URL.
    """

    url: str
    attribution: str
    max_zoom: int = DEFAULT_TILES_MAX_ZOOM
    subdomains: str = "abc"

    def __post_init__(self) -> None:
        """Check the URL template and the attribution."""
        missing = [key for key in ("{z}", "{x}", "{y}") if key not in self.url]
        if missing:
            raise TileConfigError(
                f"Tile URL {self.url!r} lacks the placeholder(s) {', '.join(missing)}."
            )
        if not self.attribution.strip():
            raise TileConfigError("A tile layer needs an attribution.")
        if not 0 <= self.max_zoom <= 30:
            raise TileConfigError(f"max_zoom {self.max_zoom} is outside 0-30.")


def provider_tiles(name: str) -> TileConfig:
    """Return the basemap of an xyzservices provider.

    Parameters
    ----------
    name : str
        A provider's name, e.g. ``"CartoDB.Positron"`` or ``"OpenStreetMap.Mapnik"`` (matched as
        xyzservices' ``query_name`` does: case and punctuation are ignored).

    Returns
    -------
    TileConfig
        The provider's URL template (``{s}`` and ``{r}`` kept for Leaflet), attribution, highest
        zoom and subdomains.

    Raises
    ------
    TileConfigError
        If xyzservices knows no such provider, or the provider needs an access key (give its
        URL with the key in `TILES_URL_ENV` and the attribution in `TILES_ATTRIBUTION_ENV`).
    """
    return _provider(name)[0]


@functools.cache
def _provider(name: str) -> tuple[TileConfig, tuple[str, ...]]:
    """`provider_tiles`, and the warnings xyzservices gave while building the URL."""
    try:
        provider = xyzservices.providers.query_name(name)
    except ValueError as exc:
        raise TileConfigError(
            f"{TILES_URL_ENV}={name!r} is neither a tile URL nor an xyzservices provider "
            f"(such as {DEFAULT_TILES_PROVIDER})."
        ) from exc
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            url = provider.build_url(fill_subdomain=False, scale_factor="{r}")
        except ValueError as exc:
            raise TileConfigError(
                f"The tile provider {provider.name} needs an access key: put its tile URL with "
                f"your key in {TILES_URL_ENV} and its attribution in {TILES_ATTRIBUTION_ENV}."
            ) from exc
    tiles = TileConfig(
        url=url,
        attribution=provider.html_attribution,
        max_zoom=int(provider.get("max_zoom", DEFAULT_TILES_MAX_ZOOM)),
        subdomains=str(provider.get("subdomains", "abc")),
    )
    return tiles, tuple(f"Tile provider {provider.name}: {w.message}" for w in caught)


@functools.cache
def _log_once(note: str) -> None:
    """Log a provider's warning (CARTO asks for an API key) once per process."""
    _log.warning(note)


DEFAULT_TILES = provider_tiles(DEFAULT_TILES_PROVIDER)
"""The basemap when `TILES_URL_ENV` is unset."""


def tile_config(environ: Mapping[str, str] | None = None) -> TileConfig | None:
    """Read the basemap from the environment.

    Parameters
    ----------
    environ : Mapping[str, str], optional
        Environment to read; defaults to ``os.environ``. The variables are

        ``SODERORT_TILES_URL``
            A tile URL template, or an xyzservices provider's name (e.g.
            ``OpenStreetMap.Mapnik``). Unset or empty gives `DEFAULT_TILES_PROVIDER`;
            ``none`` (any case) gives no basemap at all.
        ``SODERORT_TILES_ATTRIBUTION``
            Attribution HTML. Required with a URL; a provider brings its own.
        ``SODERORT_TILES_MAX_ZOOM``
            Optional integer; the provider's highest zoom (or 20 with a URL) otherwise.

    Returns
    -------
    TileConfig or None
        The basemap, or None when tiles are turned off.

    Raises
    ------
    TileConfigError
        If the provider is unknown or needs a key, a URL has no attribution or lacks
        ``{z}/{x}/{y}``, or the maximum zoom is not an integer in 0-30.
    """
    env = os.environ if environ is None else environ
    setting = env.get(TILES_URL_ENV, "").strip() or DEFAULT_TILES_PROVIDER
    if setting.lower() == NO_TILES:
        return None
    max_zoom = _max_zoom(env.get(TILES_MAX_ZOOM_ENV, ""))
    if "{" not in setting and "://" not in setting:
        tiles, notes = _provider(setting)
        for note in notes:
            _log_once(note)
        return tiles if max_zoom is None else replace(tiles, max_zoom=max_zoom)
    attribution = env.get(TILES_ATTRIBUTION_ENV, "").strip()
    if not attribution:
        raise TileConfigError(
            f"{TILES_URL_ENV} is set but {TILES_ATTRIBUTION_ENV} is empty; "
            "tile providers require an attribution."
        )
    return TileConfig(
        setting, attribution, DEFAULT_TILES_MAX_ZOOM if max_zoom is None else max_zoom
    )


def _max_zoom(raw: str) -> int | None:
    """Parse `TILES_MAX_ZOOM_ENV`; empty means None (the provider's or the default)."""
    raw = raw.strip()
    if not raw:
        return None
    try:
        return int(raw)
    except ValueError as exc:
        raise TileConfigError(f"{TILES_MAX_ZOOM_ENV}={raw!r} is not an integer.") from exc
