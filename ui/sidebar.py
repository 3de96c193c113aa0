"""The shared sidebar: the language switch, the filters and the live count. It only draws.

The view's state (what the widgets hold, the selected place, the address) is `ui.view`'s: the
widgets are drawn on the values it settled, and their changes are its.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from soderort import inert
from soderort.facts import count_with_undated
from soderort.filters import filter_initiatives, year_span
from soderort.followup import FOLLOW_UP_VALUES
from soderort.i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGE_NAMES,
    LANGUAGES,
    follow_up_label,
    reason_label,
    status_label,
    t,
)
from soderort.loading import PlanData
from soderort.model import Status
from soderort.viewstate import (
    SS_FILTER_AREAS,
    SS_FILTER_COMMITTEES,
    SS_FILTER_FOLLOW_UP,
    SS_FILTER_LEAD_ONLY,
    SS_FILTER_STATUSES,
    SS_FILTER_TEXT,
    SS_FILTER_THEMES,
    SS_FILTER_UNKNOWN_YEARS,
    SS_FILTER_YEARS,
    SS_LANGUAGE,
    SS_RESET_FILTERS,
    Notice,
    ViewState,
)
from ui import view as view_state
from ui.query_limit import render_query_limit_notice

# By default Streamlit drops a widget's value when the user switches pages, even for a widget
# that every page draws; the sidebar's values belong to the whole session.
PERSIST = "session"
# A dropped value is quoted in the notice up to this many characters.
NOTICE_VALUE_CHARS = 40
# The notice names this many dropped values and counts the rest: 900 unknown parameters make
# one line, not a wall above the map.
NOTICE_ITEMS_SHOWN = 5


def _notice_text(notices: Sequence[Notice], language: str) -> str:
    items = []
    for notice in notices[:NOTICE_ITEMS_SHOWN]:
        value = notice.value
        if len(value) > NOTICE_VALUE_CHARS:
            value = value[:NOTICE_VALUE_CHARS] + "…"
        items.append(
            t(
                "notice.item",
                language,
                param=inert.markdown(notice.param[:NOTICE_VALUE_CHARS]),
                value=inert.markdown(value),
                reason=reason_label(notice.reason, language),
            )
        )
    hidden = len(notices) - NOTICE_ITEMS_SHOWN
    if hidden > 0:
        items.append(t("notice.more", language, count=hidden))
    return t("notice.url_dropped", language, items="; ".join(items))


def _draw_filters(data: PlanData, language: str, written: bool) -> None:
    """Draw the filter widgets.

    Each widget's value lives in session state under its key. It is also given that value as
    its default: when the user switches pages before the front end has registered the widgets,
    Streamlit draws them anew from their defaults, and these keep the view. In a run after code
    wrote the values (`written`), the defaults are left out (see `_write_widget`). A change by
    the user dismisses the notice about the link they opened.
    """
    sidebar = st.sidebar

    def default(key: str, empty: object) -> object:
        return empty if written else st.session_state[key]

    committees = data.committees
    # No "Select all" in the lists (select_all=False): choosing none already means all, and
    # Streamlit writes that option in English whatever the interface language.
    sidebar.multiselect(
        t("common.committee", language),
        options=list(committees),
        format_func=lambda cid: committees[cid].name,
        placeholder=t("sidebar.committee.placeholder", language),
        default=default(SS_FILTER_COMMITTEES, None),
        key=SS_FILTER_COMMITTEES,
        select_all=False,
        persist_state=PERSIST,
        on_change=view_state.dismiss_notices,
    )
    sidebar.toggle(
        t("sidebar.lead_only", language),
        help=t("sidebar.lead_only.help", language),
        value=default(SS_FILTER_LEAD_ONLY, False),
        key=SS_FILTER_LEAD_ONLY,
        persist_state=PERSIST,
        on_change=view_state.dismiss_notices,
    )
    low, high = year_span(data)
    sidebar.slider(
        t("column.tidplan", language),
        min_value=low,
        max_value=high,
        step=1,
        help=t("sidebar.timeline.help", language),
        value=default(SS_FILTER_YEARS, None),
        key=SS_FILTER_YEARS,
        persist_state=PERSIST,
        on_change=view_state.dismiss_notices,
    )
    sidebar.checkbox(
        t("sidebar.include_unknown_years", language),
        value=default(SS_FILTER_UNKNOWN_YEARS, False),
        key=SS_FILTER_UNKNOWN_YEARS,
        persist_state=PERSIST,
        on_change=view_state.dismiss_notices,
    )
    sidebar.multiselect(
        t("common.status", language),
        options=[status.value for status in Status],
        format_func=lambda value: status_label(value, language),
        placeholder=t("common.all", language),
        default=default(SS_FILTER_STATUSES, None),
        key=SS_FILTER_STATUSES,
        select_all=False,
        persist_state=PERSIST,
        on_change=view_state.dismiss_notices,
    )
    sidebar.multiselect(
        t("common.status_today", language),
        options=list(FOLLOW_UP_VALUES),
        format_func=lambda value: follow_up_label(value, language),
        placeholder=t("common.all", language),
        help=t("sidebar.follow_up.help", language),
        default=default(SS_FILTER_FOLLOW_UP, None),
        key=SS_FILTER_FOLLOW_UP,
        persist_state=PERSIST,
        on_change=view_state.dismiss_notices,
    )
    sidebar.multiselect(
        t("common.place", language),
        options=data.place_order,
        format_func=lambda place: data.place_name(place, language),
        placeholder=t("sidebar.area.placeholder", language),
        default=default(SS_FILTER_AREAS, None),
        key=SS_FILTER_AREAS,
        select_all=False,
        persist_state=PERSIST,
        on_change=view_state.dismiss_notices,
    )
    themes = data.themes
    sidebar.multiselect(
        t("common.theme", language),
        options=list(themes),
        format_func=lambda tid: themes[tid].name_en if language == "en" else themes[tid].name,
        placeholder=t("sidebar.theme.placeholder", language),
        default=default(SS_FILTER_THEMES, None),
        key=SS_FILTER_THEMES,
        select_all=False,
        persist_state=PERSIST,
        on_change=view_state.dismiss_notices,
    )
    sidebar.text_input(
        t("sidebar.search", language),
        placeholder=t("sidebar.search.placeholder", language),
        help=t("sidebar.search.help", language),
        value=default(SS_FILTER_TEXT, ""),
        key=SS_FILTER_TEXT,
        persist_state=PERSIST,
        on_change=view_state.dismiss_notices,
    )


def render_sidebar(data: PlanData) -> ViewState:
    """Draw the sidebar on the view `ui.view` settled, and return this run's view.

    Parameters
    ----------
    data : PlanData
        The loaded plan.

    Returns
    -------
    ViewState
        The filters, selected place and language now chosen (`ui.view.current_view`).
    """
    view_state.settle_widgets(data)
    written = view_state.widgets_written()

    sidebar = st.sidebar
    language = sidebar.segmented_control(
        t("sidebar.language", DEFAULT_LANGUAGE),
        options=list(LANGUAGES),
        format_func=LANGUAGE_NAMES.__getitem__,
        default=None if written else st.session_state[SS_LANGUAGE],
        required=True,
        key=SS_LANGUAGE,
        persist_state=PERSIST,
    )
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    sidebar.subheader(t("common.filters", language))
    count_slot = sidebar.empty()
    _draw_filters(data, language, written)

    filters = view_state.use_widget_filters(data)
    shown = filter_initiatives(data, filters)
    count_slot.markdown(
        "**" + count_with_undated(filters, shown, len(data.initiatives), language) + "**"
    )
    sidebar.button(
        t("sidebar.reset", language),
        key=SS_RESET_FILTERS,
        on_click=view_state.reset_filters,
        args=(data,),
        disabled=filters.is_default(),
        icon=":material/restart_alt:",
        width="stretch",
    )

    render_page_notices(view_state.notices(), language)
    return view_state.current_view()


def render_page_notices(notices: Sequence[Notice], language: str) -> None:
    """Draw in the page what `render_sidebar` draws there, for a run without the sidebar.

    The page's elements must come in the same places in both runs: Streamlit mounts a map
    anew when the elements before it change in number.
    """
    if notices:
        st.warning(_notice_text(notices, language), icon=":material/link_off:")
    render_query_limit_notice()
