"""The view of a run: the address read once, the session's view, and the address written back.

The view has one copy in the session: the sidebar's widgets (their keys, `viewstate.SS_FILTER_*`
and `SS_LANGUAGE`), the selected place (`SS_PLACE`) and the pages' own widgets (the map's
colouring, the presentation's "Då och nu"). The address is its serialization:

- `read_url` reads it, once per run, first thing in the frame (`ui/dashboard/main.py`); all
  else reads that copy. On a session's first run it fills the widgets (`settle_widgets`, with
  notices for what was dropped); a run without the sidebar (the presentation, the first map)
  shows the address's view (`use_address_view`).
- `write_url` writes it, the one writer: the frame calls it before the page is announced (a
  page switch carries the view into the browser's new history entry) and after the page (a place
  the page selected); it sends an update only when the address differs from the view, so a run
  sends one at most, unless a page switch selected a place as well.
- Pages read `current_view()` and `page_state()`, and change the view through `select_place`,
  `take_map_reply` (a map's value: a click selects, a popup link opens a place page) and
  `choose_slide`.
- Map first (`decide_map_first`): decided once per run by the frame, asked by pages with
  `map_first()`.

Why not the widgets' own ``bind="query-params"``: measured in the README ("Links and the state
of the view").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

from soderort.filters import FilterState, year_span
from soderort.followup import FOLLOW_UP_VALUES
from soderort.i18n import DEFAULT_LANGUAGE, LANGUAGES
from soderort.livemap.map_reply import MapReply, read_reply
from soderort.loading import PlanData
from soderort.model import Status
from soderort.page_params import PageState, decode_page, encode_page
from soderort.viewstate import (
    COLOUR_MODES,
    MAP_WIDGET_KEY,
    PLACE_MAP_KEY,
    PLACE_PAGE_PATH,
    PLACE_PAGE_SCRIPT,
    PRESENTATION_MAP_KEY,
    QP_LANGUAGE,
    SS_ADDRESS,
    SS_COLOUR_BY,
    SS_FILTER_AREAS,
    SS_FILTER_COMMITTEES,
    SS_FILTER_FOLLOW_UP,
    SS_FILTER_LEAD_ONLY,
    SS_FILTER_STATUSES,
    SS_FILTER_TEXT,
    SS_FILTER_THEMES,
    SS_FILTER_UNKNOWN_YEARS,
    SS_FILTER_YEARS,
    SS_FILTERS,
    SS_LANGUAGE,
    SS_MAP_DRAWN,
    SS_MAP_FIRST,
    SS_MAP_LAST_CLICK,
    SS_MAP_PLACE_ARRIVED,
    SS_MAP_PLACE_REQUEST,
    SS_PLACE,
    SS_SLIDE_CHOSEN,
    SS_THEN_NOW,
    SS_URL_NOTICES,
    SS_WIDGETS_WRITTEN,
    Notice,
    ViewState,
    decode_query,
    encode_query,
    normalize_year_range,
)

Query = dict[str, list[str]]

# The pages that draw their map before the sidebar on a session's first run (the url_paths of
# the dashboard script's pages: the map is the default page, "").
MAP_FIRST_PATHS = frozenset({"", PLACE_PAGE_PATH, "presentation"})
# The st_folium keys of those pages' maps (under which st_folium keeps the map's last value).
MAP_KEYS = (MAP_WIDGET_KEY, PLACE_MAP_KEY, PRESENTATION_MAP_KEY)

# The filter widgets' keys: one missing from session state is read from the address.
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


# ------------------------------------------------------------------------------- the address
def read_url() -> None:
    """Read the address for this run: the one reader of ``st.query_params``."""
    st.session_state[SS_ADDRESS] = {key: st.query_params.get_all(key) for key in st.query_params}


def _address() -> Query:
    return st.session_state.get(SS_ADDRESS) or {}


def _wanted(data: PlanData) -> Query:
    query = {key: [value] for key, value in encode_query(current_view(), data).items()}
    query.update(encode_page(page_state()))
    return query


def write_url(data: PlanData) -> None:
    """Make the address show the current view and the pages' own state: the one writer.

    Keys the app does not know are dropped (they were reported on reading). Nothing is sent
    when the address already shows the view.
    """
    wanted = _wanted(data)
    st.session_state.pop(SS_SLIDE_CHOSEN, None)
    if _address() == wanted:
        return  # already right: writing would only send the browser a needless update
    # One update for all: each deletion would send the browser the whole address again (a
    # thousand unknown keys took longer than a page may take to open).
    st.query_params.from_dict(
        {key: values if len(values) > 1 else values[0] for key, values in wanted.items()}
    )
    st.session_state[SS_ADDRESS] = wanted


def keep_url_on_page_switch(data: PlanData) -> None:
    """Write the view into the address before the page is announced to the browser.

    A link in the sidebar's menu opens its page without the query. Written before
    `st.navigation`, the view joins the browser's new history entry for that page; written only
    after the page, it made a second entry, and Back led to the same page without its view.
    A session's first run has no view yet: the address is the view then.
    """
    if SS_URL_NOTICES in st.session_state:
        write_url(data)


# ---------------------------------------------------------------------------- reading the view
def current_language() -> str:
    """The chosen language: the switch's value, else the address's ``lang``, else Swedish."""
    language = st.session_state.get(SS_LANGUAGE)
    if language in LANGUAGES:
        return language
    from_url = (_address().get(QP_LANGUAGE) or [""])[0].strip().lower()
    return from_url if from_url in LANGUAGES else DEFAULT_LANGUAGE


def current_view() -> ViewState:
    """The view this run shows: its filters, the selected place and the language."""
    filters = st.session_state.get(SS_FILTERS)
    return ViewState(
        filters=filters if isinstance(filters, FilterState) else FilterState(),
        place=st.session_state.get(SS_PLACE),
        language=current_language(),
    )


def page_state() -> PageState:
    """The pages' own state: their widgets' values (and a slide just chosen), else the address's."""
    state = st.session_state
    page, _ = decode_page(_address())
    colour = state.get(SS_COLOUR_BY, page.colour)
    chosen = state.get(SS_SLIDE_CHOSEN)
    return PageState(
        colour=colour if colour in COLOUR_MODES else page.colour,
        slide=page.slide if chosen is None else (chosen,),
        then_now=bool(state.get(SS_THEN_NOW, page.then_now)),
    )


def notices() -> list[Notice]:
    """What the session's address held but could not be used (until the user changes a filter)."""
    return list(st.session_state.get(SS_URL_NOTICES) or [])


# ---------------------------------------------------------------------------- setting the view
def use_address_view(data: PlanData) -> list[Notice]:
    """Make the address's view this run's, for a run without the sidebar; return its notices.

    The sidebar reads the same address into its widgets in its next run, so the map drawn now
    and the widgets drawn then show one view.
    """
    view, dropped = decode_query(_address(), data)
    st.session_state[SS_FILTERS] = view.filters
    st.session_state[SS_PLACE] = view.place
    return dropped + decode_page(_address())[1]


def widget_values(filters: FilterState, data: PlanData) -> dict[str, object]:
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
    # warning about a value set twice; the flag tells the sidebar to leave defaults out.
    st.session_state[key] = value
    st.session_state[SS_WIDGETS_WRITTEN] = True


def widgets_written() -> bool:
    """Whether code set a filter widget for this run (the sidebar then draws no defaults)."""
    return bool(st.session_state.pop(SS_WIDGETS_WRITTEN, False))


def _keep_valid(key: str, options: Sequence[str]) -> None:
    # A multiselect refuses a value that is not among its options; drop any (the data may have
    # changed under a long-lived session).
    value = st.session_state.get(key)
    if isinstance(value, list | tuple) and not all(item in options for item in value):
        _write_widget(key, [item for item in value if item in options])


def settle_widgets(data: PlanData) -> None:
    """Read the address into the widgets whose keys are missing, and drop values the data lost.

    On a session's first run that is every key, and what the address held but could not be
    used is kept as notices. Later, a key is missing only when Streamlit dropped it (a page
    switched before the front end had registered the widgets); the address, written on every
    run, still holds the view.
    """
    state = st.session_state
    first_run = SS_URL_NOTICES not in state
    missing = [key for key in (*_FILTER_KEYS, SS_LANGUAGE) if key not in state]
    if first_run or missing:
        view, dropped = decode_query(_address(), data)
        values = {**widget_values(view.filters, data), SS_LANGUAGE: view.language}
        for key in missing:
            _write_widget(key, values[key])
        if first_run:
            state[SS_PLACE] = view.place
            state[SS_URL_NOTICES] = dropped + decode_page(_address())[1]
    low, high = year_span(data)
    years = state.get(SS_FILTER_YEARS)
    if years is not None and not (
        isinstance(years, list | tuple) and len(years) == 2 and low <= years[0] <= years[1] <= high
    ):
        _write_widget(SS_FILTER_YEARS, (low, high))
    _keep_valid(SS_FILTER_COMMITTEES, list(data.committees))
    _keep_valid(SS_FILTER_STATUSES, [status.value for status in Status])
    _keep_valid(SS_FILTER_FOLLOW_UP, list(FOLLOW_UP_VALUES))
    _keep_valid(SS_FILTER_AREAS, data.place_order)
    _keep_valid(SS_FILTER_THEMES, list(data.themes))
    if state.get(SS_PLACE) not in data.place_order:
        state[SS_PLACE] = None


def use_widget_filters(data: PlanData) -> FilterState:
    """Make the filter widgets' values this run's filters, and return them."""
    state = st.session_state
    years = state[SS_FILTER_YEARS]
    filters = FilterState(
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
    state[SS_FILTERS] = filters
    return filters


def reset_filters(data: PlanData) -> None:
    """Set every filter widget to its default (the reset button's callback)."""
    for key, value in widget_values(FilterState(), data).items():
        _write_widget(key, value)
    dismiss_notices()


def set_filters(filters: FilterState, data: PlanData) -> None:
    """Show the view with other filters: a button's callback, run before the run that draws it.

    The widgets take the filters (the sidebar's pages read them) and so does the address (the
    presentation, which has no sidebar, reads its view from it).
    """
    for key, value in widget_values(filters, data).items():
        _write_widget(key, value)
    dismiss_notices()
    st.session_state[SS_FILTERS] = filters
    write_url(data)


def dismiss_notices() -> None:
    """Forget the address's notices: the user has moved on from the link they opened."""
    st.session_state[SS_URL_NOTICES] = []


def select_place(place: str | None, data: PlanData) -> ViewState:
    """Select a place (or none); the address follows when the frame writes it.

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
    st.session_state[SS_PLACE] = place if place in data.place_order else None
    return current_view()


def choose_slide(value: str) -> None:
    """Show the presentation's slide `value` (``slide=``) from the next run on."""
    st.session_state[SS_SLIDE_CHOSEN] = value


def take_map_reply(
    returned: Mapping[str, object] | None, data: PlanData, here: str | None = None
) -> ViewState:
    """Act on a live map's value: open the place page a popup link asked for, select a click.

    The map's frame may not navigate the page (Streamlit sandboxes components), so a popup's
    link reaches the page as the map's value; the switch keeps the filters and the language.
    The value stays with the map, so the page follows it on every run until the request has
    arrived on its place's page (`here`, given by that page): a run that took the switch may
    be cut short by the next rerun, which must take it again, while the same value sent once
    more after the reader went back must not. A click selects its place once: the component
    returns the last click on every rerun, and "show all places" must not be undone by it.
    """
    reply: MapReply = read_reply(returned, data)
    state = st.session_state
    on_its_way = state.get(SS_MAP_PLACE_REQUEST)
    if on_its_way is not None and on_its_way.place == here:
        state[SS_MAP_PLACE_ARRIVED] = on_its_way.stamp
    request = reply.open_place
    if (
        request is not None
        and request.place != here
        and request.stamp != state.get(SS_MAP_PLACE_ARRIVED)
    ):
        state[SS_MAP_PLACE_REQUEST] = request
        select_place(request.place, data)
        st.switch_page(PLACE_PAGE_SCRIPT, query_params=encode_query(current_view(), data))
    if reply.click != state.get(SS_MAP_LAST_CLICK):
        state[SS_MAP_LAST_CLICK] = reply.click
        if reply.clicked_place:
            select_place(reply.clicked_place, data)
    return current_view()


# ------------------------------------------------------------------------------ map first
def decide_map_first(page_path: str, data: PlanData) -> bool:
    """Decide, once per run, whether this run draws the page's map alone (and return it).

    True in a session's runs of a page with a map before its first map is drawn, if no run has
    drawn the sidebar. The map's report reaches session state under the map's key (st_folium
    copies its value there before the run). Only a browser can report: a session with none (no
    request headers, as in Streamlit's AppTest) runs every page in full.
    """
    state = st.session_state
    first = False
    if page_path in MAP_FIRST_PATHS and not state.get(SS_MAP_DRAWN) and SS_URL_NOTICES not in state:
        if any(read_reply(state.get(key), data).drawn for key in MAP_KEYS):
            state[SS_MAP_DRAWN] = True
        else:
            first = bool(st.context.headers)
    state[SS_MAP_FIRST] = first
    return first


def map_first() -> bool:
    """Whether this run draws the page's map alone (as the frame decided)."""
    return bool(st.session_state.get(SS_MAP_FIRST))


def end_first_pass(*, map_shown: bool = True) -> None:
    """End a first-pass run after its map, which then reports and starts the full run.

    A page calls this right after drawing its map, or with `map_shown` False when it has no
    map to draw (the full run then follows at once). Outside the first pass it does nothing.
    """
    if not map_first():
        return
    if not map_shown:
        st.session_state[SS_MAP_DRAWN] = True
        st.rerun()
    st.stop()
