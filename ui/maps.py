"""What every page with a live map needs: the vendored assets, the basemap setting, the layers."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from soderort import assets, map_phone, mapping, viewstate
from soderort.i18n import t
from soderort.loading import PlanData
from soderort.model import Initiative
from ui import app_path


def show_missing_assets(language: str) -> bool:
    """Say which vendored files the map lacks and how to install them; True when any are missing."""
    missing = assets.missing_assets()
    if missing:
        st.error(
            t(
                "map.assets_missing",
                language,
                files=", ".join(missing),
                command=assets.SETUP_COMMAND,
            )
        )
    return bool(missing)


def view_map_layers(
    data: PlanData,
    initiatives: Sequence[Initiative],
    view: viewstate.ViewState,
    *,
    colour_by: str = "count",
) -> mapping.MapLayers:
    """Build the map of a view: the configured basemap, and popups that link to the place pages.

    A broken basemap setting is reported and the map drawn without a background. The popups'
    links keep the filters and the language (not the selection: the layer must not change when
    only the selected place does, or an open popup would close) and the app's base path.
    """
    try:
        tiles = assets.tile_config()
    except assets.TileConfigError as problem:
        st.warning(t("map.tiles_invalid", view.language, problem=str(problem)))
        tiles = None
    link_params = viewstate.encode_query(
        viewstate.ViewState(filters=view.filters, language=view.language), data
    )
    layers = mapping.build_map_layers(
        data,
        initiatives,
        language=view.language,
        colour_by=colour_by,
        tiles=tiles,
        place_url=app_path(viewstate.PLACE_PAGE_PATH),
        link_params=link_params,
    )
    map_phone.NarrowMap().add_to(layers.base)
    map_phone.LabelLayout().add_to(layers.base)
    return layers
