"""What every page with a live map needs: the vendored assets, the basemap setting, the layers,
and the popups' links to the place pages."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

import streamlit as st

from soderort import assets, map_behaviour, map_phone, map_popups, viewstate
from soderort.i18n import t
from soderort.loading import PlanData
from soderort.model import Initiative
from soderort.render import map_layers, map_positions
from ui import app_path
from ui.sidebar import select_place


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
) -> map_layers.MapLayers:
    """Build the map of a view: the configured basemap, and popups that link to the place pages.

    Every map draws its layers here: the map page, the place page, the presentation and the
    standalone HTML file. A broken basemap setting is reported (unless `report_problems` is
    False, as for a file made in the background) and the map drawn without a background. The
    popups' links keep the filters and the language (not the selection: the layer must not
    change when only the selected place does, or an open popup would close) and lead to
    `place_url`: "app" for the app's own place page under its base path, None for no link.
    The map frames and outlines the URL's place when first drawn, and all of Söderort again
    each time `frame_serial` changes (see `map_behaviour.MapFrame`).
    """
    try:
        tiles = assets.tile_config()
    except assets.TileConfigError as problem:
        if report_problems:
            st.warning(t("map.tiles_invalid", view.language, problem=str(problem)))
        tiles = None
    link_params = viewstate.encode_query(
        viewstate.ViewState(filters=view.filters, language=view.language), data
    )
    layers = map_layers.build_map_layers(
        data,
        initiatives,
        language=view.language,
        colour_by=colour_by,
        tiles=tiles,
        place_url=app_path(viewstate.PLACE_PAGE_PATH) if place_url == "app" else place_url,
        link_params=link_params,
    )
    map_behaviour.PlaceLinks().add_to(layers.base)
    map_popups.PopupPlacement().add_to(layers.base)
    map_behaviour.TooltipCleanup().add_to(layers.base)
    map_behaviour.MapFrame(
        map_positions.soderort_bounds(data),
        frame_serial,
        viewstate.QP_PLACE,
        map_layers.FIT_PADDING_PX,
    ).add_to(layers.places)
    map_phone.NarrowMap().add_to(layers.base)
    map_phone.LabelLayout().add_to(layers.base)
    return layers


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
