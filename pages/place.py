"""Områden: one page per named place and Hela Söderort, chosen in the URL (?place=) or a list."""

import streamlit as st
from streamlit_folium import st_folium

from soderort import facts, inert, views, viewstate
from soderort.filters import filter_initiatives
from soderort.i18n import initiative_count, t
from soderort.render import map_positions
from soderort.render.timeline_chart import build_timeline_figure, chart_config
from soderort.render.timeline_rows import unknown_time
from ui.cards import field_markdown, render_card_list
from ui.data import get_plan_data
from ui.embedding import render_share_link
from ui.exporting import download_link
from ui.filter_line import render_filter_line
from ui.maps import show_missing_assets, view_map_layers
from ui.view import current_view, end_first_pass, select_place, take_map_reply

COLOUR_MODES = ("theme", "committee")
# As on the timeline page: on a phone the chart keeps this width and scrolls sideways.
CHART_MIN_WIDTH_PX = 720
CHART_CSS = f"""<style>
.st-key-{viewstate.PLACE_CHART_SCROLL_KEY} {{ overflow-x: auto; }}
.st-key-{viewstate.PLACE_CHART_KEY} {{ min-width: {CHART_MIN_WIDTH_PX}px; }}
</style>"""
MAP_HEIGHT = 420
MAP_PADDING_PX = 40
PDF_MIME = "application/pdf"

data = get_plan_data()
view = current_view()
language = view.language
place_options = views.place_ids(data)


def pick_place() -> None:
    select_place(st.session_state[viewstate.SS_PLACE_PICKER], data)


def place_map(place_id: str, initiatives: list) -> None:
    if show_missing_assets(language):
        end_first_pass(map_shown=False)
        return
    layers = view_map_layers(data, initiatives, view)
    layers.places.add_to(layers.base)
    # A small map in a long page: the mouse wheel scrolls the page, not the map (the + and −
    # buttons still zoom).
    layers.base.options["scroll_wheel_zoom"] = False
    # A second fitBounds runs after the base map's frame on all of Söderort and wins. The padding
    # leaves a little of the surroundings in view, so the reader sees where the place lies.
    layers.base.fit_bounds(
        map_positions.place_bounds(data, place_id), padding=(MAP_PADDING_PX, MAP_PADDING_PX)
    )
    returned = st_folium(
        layers.base,
        key=viewstate.PLACE_MAP_KEY,
        returned_objects=[],
        use_container_width=True,
        height=MAP_HEIGHT,
    )
    # On a session's first run the page ends here: the facts and the list come with the sidebar.
    end_first_pass()
    take_map_reply(returned, data, here=place_id)
    st.caption(t("place.map.caption", language))


def geometry_markdown(place_id: str) -> str:
    return "\n".join(
        f"- **{inert.markdown(label)}:** {inert.markdown(value)}"
        for label, value in facts.place_drawing(data, place_id, language)
    )


def place_picker() -> None:
    # The picker shows the selected place, which may come from the URL or a click on the map.
    # Written before the widget is drawn, so the widget is given no default of its own.
    if st.session_state.get(viewstate.SS_PLACE_PICKER) != view.place:
        st.session_state[viewstate.SS_PLACE_PICKER] = view.place
    st.selectbox(
        t("common.place", language),
        options=place_options,
        index=None,
        format_func=lambda place_id: data.place_name(place_id, language),
        placeholder=t("place.picker.placeholder", language),
        key=viewstate.SS_PLACE_PICKER,
        on_change=pick_place,
        width=420,
    )


place = view.place if view.place in place_options else None
if place is None:
    end_first_pass(map_shown=False)
    st.title(t("page.places", language))
    place_picker()
    st.info(t("place.choose", language), icon=":material/location_on:")
else:
    initiatives = filter_initiatives(data, view.filters)
    items = facts.place_initiatives(initiatives, place)
    total = len(facts.place_initiatives(data.initiatives, place))

    # Above the name: a reader steps from place to place without scrolling back to a list.
    place_picker()
    st.title(inert.markdown(data.place_name(place, language)))
    # The verb agrees with the number that match, the noun with the place's total.
    st.markdown(
        t(
            "place.count.one" if len(items) == 1 else "place.count",
            language,
            shown=len(items),
            total=initiative_count(total, language),
        )
    )
    if place == "hela-soderort":
        st.caption(t("place.hela_soderort", language))
    render_filter_line(data, view)

    map_column, facts_column = st.columns([3, 2], gap="large")
    with map_column:
        place_map(place, initiatives)
    with facts_column:
        st.subheader(t("place.geometry.heading", language))
        st.markdown(geometry_markdown(place))
        st.caption(t("place.geometry.language", language))
        # Drawing the map takes seconds, so the sheet is made only when the link is followed.
        download_link(
            t("place.pdf", language),
            "plats.pdf",
            viewstate.ViewState(filters=view.filters, place=place, language=language),
            data,
            key=viewstate.SS_PLACE_PDF,
        )
        st.caption(t("place.pdf.help", language))
        render_share_link(data, view)

    st.header(t("place.initiatives.heading", language, count=len(items)))
    if items:
        render_card_list(data, items, language, expanded=True, history=True)
    else:
        st.warning(t("place.initiatives.none", language))

    if items:
        st.header(t("place.committees.heading", language))
        # st.table renders each cell as Markdown: names and headings from the data are escaped.
        committees = views.committee_table(data, items, language)
        st.table(committees.map(inert.markdown), hide_index=True)

        st.header(t("page.timeline", language))
        chosen = st.session_state.get(viewstate.SS_TIMELINE_COLOUR_BY)
        colour_by = chosen if chosen in COLOUR_MODES else COLOUR_MODES[0]
        unknown = unknown_time(data, items)
        if len(unknown) < len(items):
            st.html(CHART_CSS)
            with st.container(key=viewstate.PLACE_CHART_SCROLL_KEY):
                st.plotly_chart(
                    build_timeline_figure(data, items, colour_by, language),
                    theme=None,
                    width="stretch",
                    key=viewstate.PLACE_CHART_KEY,
                    config=chart_config(language),
                )
        else:
            st.caption(t("place.timeline.none", language))
        if unknown:
            names = "; ".join(f"**{field_markdown(item, 'rubrik', language)}**" for item in unknown)
            st.caption(t("place.timeline.unknown", language, items=names))
