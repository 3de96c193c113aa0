"""The map: Söderort's places coloured by their matching initiatives, and the list under it."""

import folium
import streamlit as st
from streamlit_folium import st_folium

from soderort import assets, mapping, viewstate
from soderort.filters import filter_initiatives, group_by_place
from soderort.i18n import t
from ui.cards import render_card_list
from ui.data import get_plan_data
from ui.sidebar import current_view, select_place

data = get_plan_data()
view = current_view()
language = view.language

st.title(t("map.title", language))
st.caption(t("map.caption", language))

missing = assets.missing_assets()
if missing:
    st.error(
        t("map.assets_missing", language, files=", ".join(missing), command=assets.SETUP_COMMAND)
    )
    st.stop()

initiatives = filter_initiatives(data, view.filters)
if not initiatives:
    st.warning(t("results.no_match", language))

colour_by = st.segmented_control(
    t("map.colour_by", language),
    options=["count", "theme"],
    format_func=lambda mode: t(f"map.colour.{mode}", language),
    default="count",
    required=True,
    key=viewstate.SS_COLOUR_BY,
)
layers = mapping.build_map_layers(
    data,
    initiatives,
    language=language,
    colour_by=colour_by or "count",
    tiles=assets.tile_config(),
)
returned = st_folium(
    layers.base,
    key=viewstate.MAP_WIDGET_KEY,
    feature_group_to_add=layers.places,
    layer_control=folium.LayerControl(collapsed=True),
    returned_objects=["last_active_drawing"],
    use_container_width=True,
    height=620,
)
clicked = mapping.clicked_place(returned, data)
if clicked and clicked != view.place:
    view = select_place(clicked, data)

st.caption(t("map.text_alternative", language))
groups = group_by_place(data, initiatives)
if view.place:
    # A click on the map narrows the list to that place, so the reader lands on what they chose.
    groups = [(place, items) for place, items in groups if place == view.place]
    left, right = st.columns([4, 1], vertical_alignment="center")
    left.markdown(t("map.selected", language, place=data.place_name(view.place, language)))
    if right.button(t("map.show_all", language), key=viewstate.SS_CLEAR_PLACE):
        select_place(None, data)
        st.rerun()
    if not groups:
        st.info(t("map.selected_none", language))
for place_id, place_initiatives in groups:
    st.subheader(f"{data.place_name(place_id, language)} ({len(place_initiatives)})")
    render_card_list(data, place_initiatives, language)
