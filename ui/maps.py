"""What every page with a live map needs: the vendored assets, the basemap setting and the
layers. What a map sends back is acted on by the view (`ui.view.take_map_reply`)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any, Literal

import streamlit as st

from soderort import assets, inert, viewstate
from soderort.i18n import t
from soderort.livemap import map_view
from soderort.livemap.map_reply import MAP_DRAWN_KEY
from soderort.loading import PlanData
from soderort.model import Initiative
from soderort.render import map_layers, map_scripts
from ui import app_path


class MapDrawn(map_scripts.Behaviour):
    """Tell the page, once per page load, that the first map has been drawn.

    The report is the component's value with `MAP_DRAWN_KEY` set; it starts the run that adds
    the sidebar (see `ui.view`). Every value the map sends after it carries the key too:
    streamlit-folium sends a click's value 250 ms after the click, and that value replaced the
    report. A run started by the click before the report's run had recorded the map as drawn
    (each new value stops the run under way; on a loaded machine the report's run had not got
    that far) took the session for a first pass again: the URL's view, the map only, stopped
    before the click was read, and no sidebar ever came, as the report is sent once. A search
    typed right after the click was lost with it. Later maps in the same page load stay silent,
    so a page switch costs no extra run. Outside Streamlit (the HTML file) there is no one to
    tell.
    """

    file = "map-drawn.js"
    function = "mapDrawn"
    needs = ("component-value.js",)

    def options(self) -> dict[str, Any]:
        """Return the key under which the map says it has been drawn."""
        return {"key": MAP_DRAWN_KEY}


def preload_map_files() -> None:
    """Have the browser fetch the map frame's scripts, styles and icons while the page comes.

    The frame asks for them only once the map's data has arrived and its own script has run,
    Leaflet's scripts one after the other, the styles last: on a phone's network that chain was
    the map's last second. Fetched now, beside the page's own code, they are in the browser's
    cache when the frame asks. (The frame's own script is left out: Streamlit sends a
    component's files with no caching headers, so the frame would fetch it again all the same.)
    """
    scripts = [(map_scripts.script_url(name), "script") for name in map_scripts.SCRIPT_FILES]
    files = inert.script_json([list(file) for file in (*assets.MAP_FRAME_FILES, *scripts)])
    call = f"window.soderort.preloadMapFiles({files});"
    st.html(map_scripts.page_script("preload.js", call), unsafe_allow_javascript=True)


@st.cache_resource(show_spinner=False)
def _changed_at_start() -> list[str]:
    # Checked once per server process: the files do not change while it runs.
    return assets.changed_assets()


def show_missing_assets(language: str) -> bool:
    """Say which vendored files are missing or changed and how to restore them; True if any."""
    missing = assets.missing_assets() + _changed_at_start()
    if missing:
        st.error(
            t(
                "map.assets_missing",
                language,
                files=", ".join(missing),
                command=assets.RESTORE_COMMAND,
            )
        )
    return bool(missing)


def view_map_layers(
    data: PlanData,
    initiatives: Sequence[Initiative],
    view: viewstate.ViewState,
    *,
    colour_by: str = "count",
    place_url: str | None | Literal["app"] = "app",
    report_problems: bool = True,
    frame_serial: int = 0,
    frame_place: bool = True,
    map_key: str | None = None,
) -> map_layers.MapLayers:
    """Build the map of a view: the configured basemap, and popups that link to the place pages.

    Every map of the dashboard draws its layers here (`livemap.map_view.view_map`, which the
    light map page shares), and tells the page when it is drawn. A broken basemap setting is
    reported (unless `report_problems` is False, as for a file made in the background) and the
    map drawn without a background. The popups lead to `place_url`: "app" for the app's own
    place page under its base path, None for no link. A map whose place layer is redrawn apart
    from the map (`map_key`: its st_folium key) keeps the place it was first drawn with: a
    selection made on it changes no layer, so an open popup stays open.
    """
    try:
        tiles = assets.tile_config()
    except assets.TileConfigError as problem:
        if report_problems:
            st.warning(t("map.tiles_invalid", view.language, problem=str(problem)))
        tiles = None
    place = view.place
    if map_key is not None:
        place = _first_drawn_place(map_key, place)
    view = dataclasses.replace(view, place=place)
    layers = map_view.view_map(
        data,
        initiatives,
        view,
        tiles=tiles,
        place_url=app_path(viewstate.PLACE_PAGE_PATH) if place_url == "app" else place_url,
        colour_by=colour_by,
        frame_serial=frame_serial,
        frame_place=frame_place,
    )
    MapDrawn().add_to(layers.base)
    return layers


def _first_drawn_place(map_key: str, place: str | None) -> str | None:
    # st_folium's value is in the session while its map stays on the page, in one frame.
    memo = viewstate.SS_MAP_FIRST_PLACE_PREFIX + map_key
    if map_key not in st.session_state or memo not in st.session_state:
        st.session_state[memo] = place
    return st.session_state[memo]
