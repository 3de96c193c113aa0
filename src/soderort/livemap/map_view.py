"""The map of a view, as every live map draws it: the layers and their browser behaviours.

One builder for the dashboard's maps (map page, place page, presentation, the HTML file) and the
light map page (`/karta.html`), so that they show the same colours, labels, legend and popups.
"""

from __future__ import annotations

from collections.abc import Sequence

from soderort import assets, viewstate
from soderort.livemap import map_behaviour, map_phone, popup_placement
from soderort.loading import PlanData
from soderort.model import Initiative
from soderort.render import map_layers, map_positions


def view_map(
    data: PlanData,
    initiatives: Sequence[Initiative],
    view: viewstate.ViewState,
    *,
    tiles: assets.TileConfig | None,
    place_url: str | None,
    colour_by: str = "count",
    frame_serial: int = 0,
    frame_place: bool = True,
) -> map_layers.MapLayers:
    """Build the map of a view with the live maps' behaviours.

    The popups' links keep the filters and the language (not the selection: the layer must not
    change when only the selected place does, or an open popup would close) and lead to
    `place_url` (None: no link). The map frames (unless `frame_place` is False) and outlines the
    view's place when first drawn, and all of Söderort again each time `frame_serial` changes
    (see `map_behaviour.MapFrame`).
    """
    link_params = viewstate.encode_query(
        viewstate.ViewState(filters=view.filters, language=view.language), data
    )
    layers = map_layers.build_map_layers(
        data,
        initiatives,
        language=view.language,
        colour_by=colour_by,
        tiles=tiles,
        place_url=place_url,
        link_params=link_params,
    )
    map_behaviour.PlaceLinks().add_to(layers.base)
    popup_placement.PopupPlacement().add_to(layers.base)
    map_behaviour.TooltipCleanup().add_to(layers.base)
    map_behaviour.FocusInPlace().add_to(layers.base)
    map_behaviour.MapFrame(
        map_positions.soderort_bounds(data),
        frame_serial,
        view.place if view.place in data.places.index else None,
        map_layers.FIT_PADDING_PX,
        frame_place=frame_place,
    ).add_to(layers.places)
    map_phone.NarrowMap().add_to(layers.base)
    map_phone.LabelLayout().add_to(layers.base)
    return layers
