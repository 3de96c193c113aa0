"""The shared sidebar: language, filters and the live count, kept in step with the URL.

The view has one copy in the session: the sidebar's widgets (their session-state keys) and the
selected place (`SS_PLACE`). The URL is its serialization: read into the widgets when their keys
are missing (a session's first run, with notices for what was dropped; `decode_query`), and
written from them once per run, after the page has run (`write_url`, called by the frame), so the
address bar always holds a link to what is on screen. Pages read the view with `current_view()`
and select a place with `select_place()`.

Why not the widgets' own ``bind="query-params"``: measured in the README ("Links and the state
of the view").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import streamlit as st

from soderort import inert
from soderort.facts import count_with_undated
from soderort.filters import FilterState, filter_initiatives, year_span
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
    PAGE_QUERY_KEYS,
    QP_LANGUAGE,
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
    SS_PLACE,
    SS_RESET_FILTERS,
    SS_URL_NOTICES,
    SS_VIEW,
    SS_WIDGETS_WRITTEN,
    Notice,
    ViewState,
    decode_query,
    encode_query,
    normalize_year_range,
)
from ui.query_limit import render_query_limit_notice

# By default Streamlit drops a widget's value when the user switches pages, even for a widget
# that every page draws; the sidebar's values belong to the whole session.
PERSIST = "session"
# A dropped value is quoted in the notice up to this many characters.
NOTICE_VALUE_CHARS = 40
# The notice names this many dropped values and counts the rest: 900 unknown parameters make
# one line, not a wall above the map.
NOTICE_ITEMS_SHOWN = 5


# The filter widgets' keys: one missing from session state is read from the URL (see `_read_url`).
_FILTER_KEYS: tuple[str, ...] = (
    SS_FILTER_COMMITTEES,
    SS_FILTER_LEAD_ONLY,
    SS_FILTER_YEARS,
    SS_FILTER_UNKNOWN_YEARS,
    SS_FILTER_STATUSES,
    SS_FILTER_FOLLOW_UP,
    SS_FILTER_AREAS,
    SS_FILTER_THEMES,
    SS_FILTER_TEXT,
)


# ------------------------------------------------------------------------------ reading state
def current_language() -> str:
    """The chosen language: the switch's value, else the URL's ``lang``, else Swedish."""
    language = st.session_state.get(SS_LANGUAGE)
    if language in LANGUAGES:
        return language
    from_url = str(st.query_params.get(QP_LANGUAGE, "")).strip().lower()
    return from_url if from_url in LANGUAGES else DEFAULT_LANGUAGE


def current_view() -> ViewState:
    """The view the sidebar derived in this run (the default view before it has run)."""
    view = st.session_state.get(SS_VIEW)
    if isinstance(view, ViewState):
        return view
    return ViewState(language=current_language())


def addressed_place(data: PlanData) -> str | None:
    """The chosen place: the sidebar's view's, or the address's (checked) before it has run."""
    view = st.session_state.get(SS_VIEW)
    if isinstance(view, ViewState):
        return view.place
    return decode_query(_query_params(), data)[0].place


def _widget_values(filters: FilterState, data: PlanData) -> dict[str, object]:
    """The filter widgets' session-state values that show the given filters."""
    return {
        SS_FILTER_COMMITTEES: list(filters.committees),
        SS_FILTER_LEAD_ONLY: filters.lead_only,
        SS_FILTER_YEARS: tuple(filters.year_range or year_span(data)),
        SS_FILTER_UNKNOWN_YEARS: filters.include_unknown_years,
        SS_FILTER_STATUSES: list(filters.statuses),
        SS_FILTER_FOLLOW_UP: list(filters.follow_up),
        SS_FILTER_AREAS: list(filters.areas),
        SS_FILTER_THEMES: list(filters.themes),
        SS_FILTER_TEXT: filters.text,
    }


def _write_widget(key: str, value: object) -> None:
    # Writing a widget's value through session state is how code moves a widget (the front end
    # is told). In that run the widget must be drawn without a default, or Streamlit logs a
    # warning about a value set twice; the flag tells `_draw_filters` to leave defaults out.
    st.session_state[key] = value
    st.session_state[SS_WIDGETS_WRITTEN] = True


def _keep_valid(key: str, options: Sequence[str]) -> None:
    # A multiselect refuses a value that is not among its options; drop any (the data may have
    # changed under a long-lived session).
    value = st.session_state.get(key)
    if isinstance(value, list | tuple) and not all(item in options for item in value):
        _write_widget(key, [item for item in value if item in options])


def _ensure_widget_state(data: PlanData) -> None:
    """Drop widget values that no longer fit the data (a long-lived session, edited files)."""
    low, high = year_span(data)
    years = st.session_state.get(SS_FILTER_YEARS)
    if years is not None and not (
        isinstance(years, list | tuple) and len(years) == 2 and low <= years[0] <= years[1] <= high
    ):
        _write_widget(SS_FILTER_YEARS, (low, high))
    _keep_valid(SS_FILTER_COMMITTEES, list(data.committees))
    _keep_valid(SS_FILTER_STATUSES, [status.value for status in Status])
    _keep_valid(SS_FILTER_FOLLOW_UP, list(FOLLOW_UP_VALUES))
    _keep_valid(SS_FILTER_AREAS, data.place_order)
    _keep_valid(SS_FILTER_THEMES, list(data.themes))
    if st.session_state.get(SS_PLACE) not in data.place_order:
        st.session_state[SS_PLACE] = None


# ------------------------------------------------------------------------------------ the URL
def _query_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def _read_url(data: PlanData) -> None:
    """Read the view from the URL into the widgets whose keys are missing.

    On a session's first run that is every key, and what the URL held but could not be used is
    kept as notices. Later, a key is missing only when Streamlit dropped it (a page switched
    before the front end had registered the widgets); the URL, written at the end of every run,
    still holds the view.
    """
    first_run = SS_URL_NOTICES not in st.session_state
    missing = [key for key in (*_FILTER_KEYS, SS_LANGUAGE) if key not in st.session_state]
    if not first_run and not missing:
        return
    view, notices = decode_query(_query_params(), data)
    values = {**_widget_values(view.filters, data), SS_LANGUAGE: view.language}
    for key in missing:
        _write_widget(key, values[key])
    if first_run:
        st.session_state[SS_PLACE] = view.place
        st.session_state[SS_URL_NOTICES] = notices


def write_url(data: PlanData) -> None:
    """Make the URL show the current view: its non-default values, plus any page's own parameters.

    The frame calls this once per run, after the page, so that a place the page selected is in
    the same update. Keys the app does not know are dropped (they were reported on reading).
    """
    current = _query_params()
    wanted: dict[str, list[str]] = {
        key: [value] for key, value in encode_query(current_view(), data).items()
    }
    wanted.update({key: current[key] for key in PAGE_QUERY_KEYS if key in current})
    if current == wanted:
        return  # already right: writing would only send the browser a needless update
    # One update for all: each deletion would send the browser the whole address again (a
    # thousand unknown keys took longer than a page may take to open).
    st.query_params.from_dict(
        {key: values if len(values) > 1 else values[0] for key, values in wanted.items()}
    )


def set_filters(filters: FilterState, data: PlanData) -> None:
    """Show the view with other filters: a button's callback, run before the run that draws it.

    The widgets take the filters (the sidebar's pages read them) and so does the URL (the
    presentation, which has no sidebar, reads its view from it).
    """
    if SS_URL_NOTICES not in st.session_state:
        # Before the sidebar's first run (a map's first pass) the URL's place is not read yet.
        st.session_state[SS_PLACE] = current_view().place
    for key, value in _widget_values(filters, data).items():
        _write_widget(key, value)
    _dismiss_notices()
    st.session_state[SS_VIEW] = dataclasses.replace(current_view(), filters=filters)
    write_url(data)


def keep_url_on_page_switch(data: PlanData) -> None:
    """Write the last run's view into the URL before the page is announced to the browser.

    A link in the sidebar's menu opens its page without the query. Written before
    `st.navigation`, the view joins the browser's new history entry for that page; written only
    after the page, it made a second entry, and Back led to the same page without its view.
    A session's first run has no last view: the URL is the view then.
    """
    if SS_URL_NOTICES in st.session_state:
        write_url(data)


def select_place(place: str | None, data: PlanData) -> ViewState:
    """Select a place (or none) from a page; the URL follows at the end of the run.

    Parameters
    ----------
    place : str or None
        A place id from ``data.places``; an unknown id selects nothing.
    data : PlanData
        The loaded plan.

    Returns
    -------
    ViewState
        The updated view.
    """
    if place not in data.place_order:
        place = None
    st.session_state[SS_PLACE] = place
    view = ViewState(filters=current_view().filters, place=place, language=current_language())
    st.session_state[SS_VIEW] = view
    return view


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


# ------------------------------------------------------------------------------------ widgets
def _reset_filters(data: PlanData) -> None:
    for key, value in _widget_values(FilterState(), data).items():
        _write_widget(key, value)
    _dismiss_notices()


def _dismiss_notices() -> None:
    # The user has moved on from the link they opened; its notice no longer applies.
    st.session_state[SS_URL_NOTICES] = []


def _filters_from_widgets(data: PlanData) -> FilterState:
    state = st.session_state
    years = state[SS_FILTER_YEARS]
    return FilterState(
        committees=tuple(state[SS_FILTER_COMMITTEES]),
        lead_only=bool(state[SS_FILTER_LEAD_ONLY]),
        year_range=normalize_year_range((years[0], years[1]), data),
        include_unknown_years=bool(state[SS_FILTER_UNKNOWN_YEARS]),
        statuses=tuple(state[SS_FILTER_STATUSES]),
        areas=tuple(state[SS_FILTER_AREAS]),
        themes=tuple(state[SS_FILTER_THEMES]),
        text=str(state[SS_FILTER_TEXT]).strip(),
        follow_up=tuple(state[SS_FILTER_FOLLOW_UP]),
    )


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
        on_change=_dismiss_notices,
    )
    sidebar.toggle(
        t("sidebar.lead_only", language),
        help=t("sidebar.lead_only.help", language),
        value=default(SS_FILTER_LEAD_ONLY, False),
        key=SS_FILTER_LEAD_ONLY,
        persist_state=PERSIST,
        on_change=_dismiss_notices,
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
        on_change=_dismiss_notices,
    )
    sidebar.checkbox(
        t("sidebar.include_unknown_years", language),
        value=default(SS_FILTER_UNKNOWN_YEARS, False),
        key=SS_FILTER_UNKNOWN_YEARS,
        persist_state=PERSIST,
        on_change=_dismiss_notices,
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
        on_change=_dismiss_notices,
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
        on_change=_dismiss_notices,
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
        on_change=_dismiss_notices,
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
        on_change=_dismiss_notices,
    )
    sidebar.text_input(
        t("sidebar.search", language),
        placeholder=t("sidebar.search.placeholder", language),
        help=t("sidebar.search.help", language),
        value=default(SS_FILTER_TEXT, ""),
        key=SS_FILTER_TEXT,
        persist_state=PERSIST,
        on_change=_dismiss_notices,
    )


def render_sidebar(data: PlanData) -> ViewState:
    """Draw the sidebar and return the current view, read from the URL on a session's first run.

    Parameters
    ----------
    data : PlanData
        The loaded plan.

    Returns
    -------
    ViewState
        The filters, selected place and language now chosen; also kept for the pages (see
        `current_view`). The frame writes it to the URL after the page (`write_url`).
    """
    _read_url(data)
    _ensure_widget_state(data)
    written = bool(st.session_state.pop(SS_WIDGETS_WRITTEN, False))

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

    filters = _filters_from_widgets(data)
    view = ViewState(filters=filters, place=st.session_state.get(SS_PLACE), language=language)
    shown = filter_initiatives(data, filters)
    count_slot.markdown(
        "**" + count_with_undated(filters, shown, len(data.initiatives), language) + "**"
    )
    sidebar.button(
        t("sidebar.reset", language),
        key=SS_RESET_FILTERS,
        on_click=_reset_filters,
        args=(data,),
        disabled=filters.is_default(),
        icon=":material/restart_alt:",
        width="stretch",
    )

    notices = st.session_state.get(SS_URL_NOTICES) or []
    if notices:
        st.warning(_notice_text(notices, language), icon=":material/link_off:")
    render_query_limit_notice()

    st.session_state[SS_VIEW] = view
    return view


def render_page_notices(notices: Sequence[Notice], language: str) -> None:
    """Draw in the page what `render_sidebar` draws there, for a run without the sidebar.

    The page's elements must come in the same places in both runs: Streamlit mounts a map
    anew when the elements before it change in number.
    """
    if notices:
        st.warning(_notice_text(notices, language), icon=":material/link_off:")
    render_query_limit_notice()
