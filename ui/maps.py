"""What every page with a live map needs: the vendored assets, the basemap setting, the layers,
and the popups' links to the place pages."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any, Literal

import streamlit as st

from soderort import assets, inert, viewstate
from soderort.i18n import t
from soderort.livemap import map_behaviour, map_view
from soderort.loading import PlanData
from soderort.model import Initiative
from soderort.render import map_layers, map_scripts
from ui import app_path
from ui.sidebar import addressed_place, render_page_notices, select_place

# The pages that draw their map before the sidebar on a session's first run (the url_paths of
# the dashboard script's pages: the map is the default page, "").
MAP_FIRST_PATHS = frozenset({"", viewstate.PLACE_PAGE_PATH, "presentation"})
# The key under which a map's return value says that it has been drawn.
MAP_DRAWN_KEY = "map_drawn"
# The st_folium keys of those pages' maps (under which st_folium keeps the map's last value).
MAP_KEYS = (viewstate.MAP_WIDGET_KEY, viewstate.PLACE_MAP_KEY, viewstate.PRESENTATION_MAP_KEY)


class MapDrawn(map_scripts.Behaviour):
    """Tell the page, once per page load, that the first map has been drawn.

    The report is the component's value with `MAP_DRAWN_KEY` set; it starts the run that adds
    the sidebar (see `map_first_pass`). Every value the map sends after it carries the key too:
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


def _reported(value: object) -> bool:
    return isinstance(value, Mapping) and value.get(MAP_DRAWN_KEY) is True


def map_first_pass() -> bool:
    """True in a session's runs before its first map is drawn, if no run has drawn the sidebar.

    The map's report reaches session state under the map's key (st_folium copies its value
    there before the run). Only a browser can report: a session with none (no request headers,
    as in Streamlit's AppTest) runs every page in full.
    """
    state = st.session_state
    if state.get(viewstate.SS_MAP_DRAWN) or viewstate.SS_URL_NOTICES in state:
        return False
    if any(_reported(state.get(key)) for key in MAP_KEYS):
        state[viewstate.SS_MAP_DRAWN] = True
        return False
    return bool(st.context.headers)


def show_url_view(data: PlanData) -> viewstate.ViewState:
    """Make the URL's view the current one for a run without the sidebar, and return it.

    The sidebar reads the same URL into its widgets in the next run, so the map drawn now and
    the widgets drawn then show one view. What the sidebar puts into the page (the URL's
    notices) is drawn here too, so that the page's elements keep their places.
    """
    query = {key: st.query_params.get_all(key) for key in st.query_params}
    view, notices = viewstate.decode_query(query, data)
    st.session_state[viewstate.SS_VIEW] = view
    st.session_state[viewstate.SS_PLACE] = view.place
    render_page_notices(notices, view.language)
    return view


def end_first_pass(*, map_shown: bool = True) -> None:
    """End a first-pass run after its map, which then reports and starts the full run.

    A page calls this right after drawing its map, or with `map_shown` False when it has no
    map to draw (the full run then follows at once). Outside the first pass it does nothing.
    """
    if not map_first_pass():
        return
    if not map_shown:
        st.session_state[viewstate.SS_MAP_DRAWN] = True
        st.rerun()
    st.stop()


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
    # A session's first run draws the map before the sidebar has read the address.
    place = view.place or addressed_place(data)
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


def follow_place_link(
    returned: Mapping[str, Any] | None, data: PlanData, here: str | None = None
) -> None:
    """Open the place page when a popup's link was clicked in the map `returned` came from.

    The map's frame may not navigate the page (Streamlit sandboxes components), so the link
    reaches the page as the map's value; the switch keeps the filters and the language. The
    value stays with the map, so the page follows it on every run until the request has arrived
    on its place's page (`here`, given by that page): a run that took the switch may be cut
    short by the next rerun, which must take it again, while the same value sent once more
    after the reader went back must not.
    """
    on_its_way = st.session_state.get(viewstate.SS_MAP_PLACE_REQUEST)
    if on_its_way is not None and on_its_way.place == here:
        st.session_state[viewstate.SS_MAP_PLACE_ARRIVED] = on_its_way.stamp
    request = map_behaviour.open_place_request(returned, data)
    if (
        request is None
        or request.place == here
        or request.stamp == st.session_state.get(viewstate.SS_MAP_PLACE_ARRIVED)
    ):
        return
    st.session_state[viewstate.SS_MAP_PLACE_REQUEST] = request
    view = select_place(request.place, data)
    st.switch_page(viewstate.PLACE_PAGE_SCRIPT, query_params=viewstate.encode_query(view, data))
