"""The map: Söderort's places coloured by their matching initiatives, and the list under it."""

import folium
import streamlit as st
from streamlit_folium import st_folium

from soderort import inert, viewstate
from soderort.facts import count_with_undated, group_by_place
from soderort.filters import MAP_LIST_CARD_LIMIT, cap_groups, filter_initiatives
from soderort.i18n import map_colour_label, t
from soderort.livemap.map_reply import RETURNED_OBJECTS
from soderort.viewstate import COLOUR_MODES, DEFAULT_COLOUR
from ui.cards import render_card_list
from ui.data import get_plan_data
from ui.embedding import render_share_link
from ui.filter_line import render_filter_line
from ui.interface import PHONE_MAX_WIDTH_PX
from ui.maps import show_missing_assets, view_map_layers
from ui.view import (
    current_view,
    end_first_pass,
    map_first,
    page_state,
    select_place,
    take_map_reply,
)

MAP_HEIGHT_PX = 620
# On a phone the map is as high as Söderort needs at the phone's width, with room for its labels
# above and below: at the laptop's height three quarters of it were water and the port's line.
PHONE_MAP_HEIGHT_PX = 420
PHONE_MAP_CSS = f"""<style>
@media (max-width: {PHONE_MAX_WIDTH_PX}px) {{
  .st-key-{viewstate.MAP_BOX_KEY} iframe {{ height: {PHONE_MAP_HEIGHT_PX}px !important; }}
}}
</style>"""
# The colour switch's height (label and buttons): kept free while the switch has not come yet
# (static/first-paint.css holds the same).
COLOUR_SWITCH_ROOM_PX = 60

data = get_plan_data()
view = current_view()
language = view.language

st.title(t("map.title", language))

if show_missing_assets(language):
    end_first_pass(map_shown=False)
    st.stop()

initiatives = filter_initiatives(data, view.filters)

caption, toggle = st.columns([3, 2], vertical_alignment="bottom")
caption.caption(
    inert.markdown(count_with_undated(view.filters, initiatives, len(data.initiatives), language))
    + " · "
    + t("map.caption", language)
)
# The switch's value must outlive a visit to another page, which Streamlit would otherwise drop;
# the last value is also its default, for a page drawn before the front end has sent it back.
# A shared link's colouring (`colour=`) is the default until the session has its own; the
# address keeps the colouring (`ui.view.write_url`), so that a copied link shows it too.
colour_by = page_state().colour
# The switch's code would be loaded before the map could be shown: it comes with the sidebar,
# into room kept for it, so that nothing under it moves, also while Streamlit loads the code that
# draws it (static/first-paint.css holds the keyed container's room).
if map_first():
    # Streamlit draws no empty container: the room is given as the container's height.
    toggle.container(height=COLOUR_SWITCH_ROOM_PX, border=False)
else:
    colour_by = toggle.container(key=viewstate.COLOUR_SWITCH_KEY).segmented_control(
        t("map.colour_by", language),
        options=list(COLOUR_MODES),
        format_func=lambda mode: map_colour_label(mode, language),
        default=colour_by,
        required=True,
        key=viewstate.SS_COLOUR_BY,
        persist_state="session",
    )
    colour_by = colour_by if colour_by in COLOUR_MODES else DEFAULT_COLOUR

render_filter_line(data, view)
if not initiatives:
    st.warning(t("results.no_match", language))

layers = view_map_layers(
    data,
    initiatives,
    view,
    colour_by=colour_by,
    frame_serial=st.session_state.get(viewstate.SS_MAP_SHOW_ALL, 0),
    map_key=viewstate.MAP_WIDGET_KEY,
)
st.html(PHONE_MAP_CSS)
with st.container(key=viewstate.MAP_BOX_KEY):
    returned = st_folium(
        layers.base,
        key=viewstate.MAP_WIDGET_KEY,
        feature_group_to_add=layers.places,
        layer_control=folium.LayerControl(collapsed=True),
        returned_objects=list(RETURNED_OBJECTS),
        use_container_width=True,
        height=MAP_HEIGHT_PX,
    )
# On a session's first run the page ends here: the list comes with the sidebar, once drawn.
end_first_pass()
# A popup's link opens its place page; a click on a place selects it (once per click).
view = take_map_reply(returned, data)

st.caption(t("map.text_alternative", language))
groups = group_by_place(data, initiatives)
if view.place:
    # A click on the map narrows the list to that place, so the reader lands on what they chose.
    groups = [(place, items) for place, items in groups if place == view.place]
    left, right = st.columns([4, 1], vertical_alignment="center")
    place_name = inert.markdown(data.place_name(view.place, language))
    left.markdown(t("map.selected", language, place=place_name))
    if right.button(t("map.show_all", language), key=viewstate.SS_CLEAR_PLACE):
        select_place(None, data)
        st.session_state[viewstate.SS_MAP_SHOW_ALL] = (
            st.session_state.get(viewstate.SS_MAP_SHOW_ALL, 0) + 1
        )
        st.rerun()
    if not groups:
        st.info(t("map.selected_none", language))
card_list = cap_groups(groups, MAP_LIST_CARD_LIMIT)
# One place (chosen on the map, or the only one the filters leave) lists its cards at once. More
# places get a closed section each, whose cards are drawn only while it is open: every rerun (each
# filter change) sends and draws every element on the page again, and the cards of all places were
# most of them (21 cards of six elements each).
one_place = bool(view.place) or len(card_list.groups) == 1
for group in card_list.groups:
    heading = f"{inert.markdown(data.place_name(group.place_id, language))} ({group.total})"
    if one_place:
        section = st.container()
        # A level below the page's title (h1): the cards' own headings come under it.
        section.header(heading)
    else:
        section = st.expander(
            heading, key=viewstate.map_list_section_key(group.place_id), on_change="rerun"
        )
        if not section.open:
            continue
    with section:
        render_card_list(data, group.shown, language)
        if len(group.shown) < group.total:
            st.caption(t("map.group_cut", language, shown=len(group.shown), total=group.total))
if card_list.capped:
    st.info(t("map.list_capped", language, shown=card_list.shown, total=card_list.total))
if card_list.hidden:
    hidden = ", ".join(
        f"{inert.markdown(data.place_name(place_id, language))} ({count})"
        for place_id, count in card_list.hidden
    )
    st.markdown(t("map.list_hidden", language, places=hidden))
render_share_link(data, view, colour_by)
