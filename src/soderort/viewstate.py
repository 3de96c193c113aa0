"""The view's state: every session-state key and URL query parameter, and the URL's encoding.

This module is the one place that names the keys the app keeps in ``st.session_state`` and in
the URL, so that two pages never use one key for two things. Add new keys here (in the section
they belong to) rather than as string literals in a page.

The URL holds the view a user can share: the filters, the selected place and the language.
Keys are ASCII, lists are comma-separated, and only values that differ from the default are
written, so the default view has a clean URL. `decode_query` never raises: whatever it cannot use
(a hand-edited or truncated link) is dropped and reported as a `Notice`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from soderort import paths
from soderort.filters import FilterState, year_span
from soderort.followup import FOLLOW_UP_VALUES
from soderort.i18n import DEFAULT_LANGUAGE, LANGUAGES
from soderort.loading import PlanData
from soderort.model import Status

# --------------------------------------------------------------------------- page paths
# Pages that other pages and files link to (st.Page's url_path; Swedish and fixed, so links keep
# working whatever the interface language).
PLACE_PAGE_PATH = "omrade"
# The Om page: it describes the data, its licence and the open data (linked from /data/).
ABOUT_PAGE_PATH = "om"
# The presentation: its frame (no sidebar) is the server's to know from the first paint.
PRESENTATION_PAGE_PATH = "presentation"
# The place page's script (st.Page's source in the dashboard script), for st.switch_page.
PLACE_PAGE_SCRIPT = str(paths.PAGES_DIR / "place.py")

# --------------------------------------------------------------------------- query parameters
# The view (decoded and encoded here).
QP_COMMITTEE = "committee"
QP_LEAD = "lead"
QP_FROM = "from"
QP_TO = "to"
QP_UNKNOWN = "unknown"
QP_STATUS = "status"
QP_FOLLOW_UP = "followup"
QP_AREA = "area"
QP_THEME = "theme"
QP_TEXT = "q"
QP_PLACE = "place"
QP_LANGUAGE = "lang"
# Presentation mode: the slide shown, 1-based (read by livemap.presentation.parse_slide_param).
QP_SLIDE = "slide"
# The presentation's "Då och nu" (the plan beside its follow-up on place slides): "1" when on.
QP_THEN_NOW = "then_now"
# The map's colouring (`COLOUR_MODES`; the default is left out): read by the map page and the
# light map page.
QP_COLOUR = "colour"
COLOUR_MODES: tuple[str, ...] = ("count", "theme", "follow_up")
DEFAULT_COLOUR = "count"

# The parameters that hold filters: the reset button clears exactly these.
FILTER_QUERY_KEYS: tuple[str, ...] = (
    QP_COMMITTEE,
    QP_LEAD,
    QP_FROM,
    QP_TO,
    QP_UNKNOWN,
    QP_STATUS,
    QP_FOLLOW_UP,
    QP_AREA,
    QP_THEME,
    QP_TEXT,
)
# Every parameter that `encode_query` may write, in the order it writes them.
VIEW_QUERY_KEYS: tuple[str, ...] = (QP_PLACE, *FILTER_QUERY_KEYS, QP_LANGUAGE)

# A page's own parameters beside the view (`PageState`: `decode_page`, `encode_page`).
# `decode_query` accepts them without a notice and leaves them alone, as do the light map and
# /data/ (which read the colouring themselves). Add a page's keys here.
PAGE_QUERY_KEYS: tuple[str, ...] = (QP_SLIDE, QP_COLOUR, QP_THEN_NOW)

KNOWN_QUERY_KEYS: frozenset[str] = frozenset((*VIEW_QUERY_KEYS, *PAGE_QUERY_KEYS))

# ------------------------------------------------------------------------------ session state
# Widgets of the sidebar (their keys are also their session-state keys).
SS_LANGUAGE = "language"
SS_FILTER_COMMITTEES = "filter_committees"
SS_FILTER_LEAD_ONLY = "filter_lead_only"
SS_FILTER_YEARS = "filter_years"
SS_FILTER_UNKNOWN_YEARS = "filter_include_unknown_years"
SS_FILTER_STATUSES = "filter_statuses"
SS_FILTER_FOLLOW_UP = "filter_follow_up"
SS_FILTER_AREAS = "filter_areas"
SS_FILTER_THEMES = "filter_themes"
SS_FILTER_TEXT = "filter_text"
SS_RESET_FILTERS = "reset_filters"
FILTER_LINE_KEY = "filter_line"  # the page's line of chosen filters; its buttons' keys begin so

# Not widgets: set by code (ui.view). The view has one copy in the session: the widgets above
# and the place.
SS_PLACE = "selected_place"  # the selected place id, or None: its one key
# The FilterState this run shows, derived once per run from the widgets (or, in a run without
# the sidebar, from the address); never read back as a source (the next run derives it again).
SS_FILTERS = "view_filters"
# The address as this run read it (its query, a list of values per key): read once per run.
SS_ADDRESS = "view_address"
# The slide a presentation button chose, for the next run's address (the button's callback runs
# before the run reads the address).
SS_SLIDE_CHOSEN = "view_slide_chosen"
# Map first, decided once per run by the frame: True while this run draws the map alone.
SS_MAP_FIRST = "view_map_first"
# The Notices from reading the URL; present once the session has read it, emptied when the user
# changes a filter (the link's view is gone, so its notice no longer applies).
SS_URL_NOTICES = "url_notices"
SS_WIDGETS_WRITTEN = "sidebar_widgets_written"  # True in the run after code set a filter widget
# The container of the notice for an address past Streamlit's limits (ui/query_limit.py): it
# takes no room while the notice is hidden (static/first-paint.css).
QUERY_LIMIT_KEY = "soderort_query_limit"

# Map page
SS_COLOUR_BY = "map_colour_by"  # "count" or "theme": how places are coloured
SS_CLEAR_PLACE = "map_clear_place"  # the button that clears the selected place
MAP_WIDGET_KEY = "soderort_map"  # st_folium's key: stable, so the map is not rebuilt on reruns
MAP_BOX_KEY = "soderort_map_box"  # the container round the map: a phone gives it its own height
# The container of the colouring's switch: its room is held from the first paint
# (static/first-paint.css), before the switch itself is drawn.
COLOUR_SWITCH_KEY = "soderort_colour_switch"
SS_MAP_LAST_CLICK = "map_last_click"  # fingerprint of the map click already acted on
SS_MAP_SHOW_ALL = "map_show_all"  # how often "show all places" was clicked: the map reframes
# The list under the map with no place selected: a section per place, open or closed.
MAP_LIST_SECTION_PREFIX = "map_list_"


def map_list_section_key(place_id: str) -> str:
    """Return the state key of a place's section in the list under the map."""
    return MAP_LIST_SECTION_PREFIX + place_id


# Every page with a map (ui.view.take_map_reply): the popup link's request on its way to the
# place page, and the stamp of the last one that arrived there.
SS_MAP_PLACE_REQUEST = "map_place_request"
SS_MAP_PLACE_ARRIVED = "map_place_arrived"

# Presentation page
SS_SLIDE_PREVIOUS = "presentation_previous"  # the button, shortcut ←
SS_SLIDE_NEXT = "presentation_next"  # the button, shortcut →
SS_SLIDE_PAGE_UP = "presentation_page_up"  # hidden button: a clicker's PageUp
SS_SLIDE_PAGE_DOWN = "presentation_page_down"  # hidden button: a clicker's PageDown
SS_EXIT_PRESENTATION = "presentation_exit"  # the button back to the map
SS_THEN_NOW = "presentation_then_now"  # toggle: the plan beside its follow-up (`QP_THEN_NOW`)
# The presentation's export popover, open or closed: its panel is drawn only while it is open.
SS_PRESENTATION_EXPORT = "presentation_export"
PRESENTATION_MAP_KEY = "presentation_map"  # st_folium's key: stable, so slides pan, not reload
# The place a live map was first drawn with, under "<this prefix><the map's st_folium key>".
SS_MAP_FIRST_PLACE_PREFIX = "map_first_place:"

# Export (the page, and the same panel on the presentation page: KEY_PREFIX + one of these)
SS_EXPORT_REPORT = "export_report_pdf"  # download button
SS_EXPORT_PLACE = "export_place"  # selectbox of the place for the one-page PDF
SS_EXPORT_PLACE_PDF = "export_place_pdf"  # download button
SS_EXPORT_HANDOUT_A4 = "export_handout_a4"  # download link
SS_EXPORT_HANDOUT_A3 = "export_handout_a3"  # download link
SS_EXPORT_HTML = "export_map_html"  # download link
# The export page's map data (GeoJSON, KML, GeoPackage): download buttons.
SS_EXPORT_GEOJSON = "export_geojson"
SS_EXPORT_KML = "export_kml"
SS_EXPORT_GPKG = "export_gpkg"
EXPORT_PANEL_PREFIX_PRESENTATION = "presentation_"  # the panel's keys on the presentation page

# Table page
TABLE_KEY = "table_initiatives"  # the st.dataframe
OUTCOME_TABLE_KEY = "table_outcome"  # the plan beside the outcome, under the table
SS_DOWNLOAD_CSV = "table_download_csv"
SS_DOWNLOAD_XLSX = "table_download_xlsx"

# Timeline page (the colour setting is also read by the place page's chart)
SS_TIMELINE_COLOUR_BY = "timeline_colour_by"  # "theme" or "committee"; kept across pages
TIMELINE_CHART_KEY = "timeline_chart"
TIMELINE_SCROLL_KEY = "timeline_scroll"  # the container that scrolls the chart on a phone

# Place page
SS_PLACE_PICKER = "place_picker"  # the selectbox; mirrors SS_PLACE, changing it selects a place
SS_PLACE_PDF = "place_download_pdf"
PLACE_MAP_KEY = "place_map"  # st_folium's key for the place's small, static map
PLACE_CHART_KEY = "place_timeline_chart"
PLACE_CHART_SCROLL_KEY = "place_timeline_scroll"  # scrolls the chart sideways on a phone

# --------------------------------------------------------------------------------- decoding
MAX_VALUE_LENGTH = 500
LIST_SEPARATOR = ","

# Reasons a value was dropped (short codes; i18n has a sentence for each as "reason.<code>").
REASON_UNKNOWN_KEY = "unknown_key"
REASON_UNKNOWN_VALUE = "unknown_value"
REASON_NOT_A_YEAR = "not_a_year"
REASON_OUT_OF_RANGE = "out_of_range"
REASON_FROM_AFTER_TO = "from_after_to"
REASON_TOO_LONG = "too_long"
REASON_REPEATED = "repeated"
REASONS: tuple[str, ...] = (
    REASON_UNKNOWN_KEY,
    REASON_UNKNOWN_VALUE,
    REASON_NOT_A_YEAR,
    REASON_OUT_OF_RANGE,
    REASON_FROM_AFTER_TO,
    REASON_TOO_LONG,
    REASON_REPEATED,
)

_YEAR = re.compile(r"[0-9]{1,4}")


@dataclass(frozen=True)
class Notice:
    """A query parameter value that was dropped, and why.

    Parameters
    ----------
    param : str
        The parameter's key as it stood in the URL.
    value : str
        The value that was dropped (one item of a list).
    reason : str
        One of `REASONS`.
    """

    param: str
    value: str
    reason: str


@dataclass(frozen=True)
class ViewState:
    """What the user is looking at: the filters, the selected place and the language.

    Parameters
    ----------
    filters : FilterState
        The chosen filters.
    place : str or None
        The selected place's id.
    language : str
        ``"sv"`` or ``"en"``.
    """

    filters: FilterState = field(default_factory=FilterState)
    place: str | None = None
    language: str = DEFAULT_LANGUAGE


def normalize_year_range(
    year_range: tuple[int, int] | None, data: PlanData
) -> tuple[int, int] | None:
    """Write a year range that covers the whole `year_span` as None (no year filter).

    Parameters
    ----------
    year_range : tuple of (int, int) or None
        A slider's value.
    data : PlanData
        The loaded plan.

    Returns
    -------
    tuple of (int, int) or None
        None when the range is None or spans every year; else the range as ints.
    """
    if year_range is None:
        return None
    first, last = (int(year) for year in year_range)
    low, high = year_span(data)
    if first <= low and last >= high:
        return None
    return (first, last)


def query_values(raw: object) -> list[str]:
    """Return the values of one query parameter as strings (a repeated key gives several)."""
    if isinstance(raw, str):
        return [raw]
    if isinstance(raw, list | tuple):
        return [str(value) for value in raw]
    return [str(raw)]


class _Decoder:
    """Collects the parsed values and the notices of one `decode_query` call."""

    def __init__(self, data: PlanData) -> None:
        self.data = data
        self.notices: list[Notice] = []
        self.lists: dict[str, tuple[str, ...]] = {}
        self.flags: dict[str, bool] = {}
        self.years: dict[str, int] = {}
        self.text = ""
        self.place: str | None = None
        self.language = DEFAULT_LANGUAGE

    def drop(self, param: str, value: str, reason: str) -> None:
        self.notices.append(Notice(param, value, reason))

    def valid_ids(self, param: str) -> list[str]:
        if param == QP_COMMITTEE:
            return list(self.data.committees)
        if param == QP_STATUS:
            return [status.value for status in Status]
        if param == QP_FOLLOW_UP:
            return list(FOLLOW_UP_VALUES)
        if param == QP_AREA:
            return list(dict.fromkeys([*self.data.place_order, *self.data.places.index]))
        return list(self.data.themes)

    def read_list(self, param: str, value: str) -> None:
        valid = set(self.valid_ids(param))
        chosen: list[str] = []
        for item in value.split(LIST_SEPARATOR):
            item_id = item.strip().lower()
            if not item_id:
                continue  # "a,,b" or a trailing comma: nothing was meant
            if item_id not in valid:
                self.drop(param, item.strip(), REASON_UNKNOWN_VALUE)
            elif item_id in chosen:
                self.drop(param, item.strip(), REASON_REPEATED)
            else:
                chosen.append(item_id)
        if chosen:
            self.lists[param] = tuple(chosen)

    def read_flag(self, param: str, value: str) -> None:
        flag = value.strip()
        if flag in ("0", "1"):
            self.flags[param] = flag == "1"
        elif flag:
            self.drop(param, value, REASON_UNKNOWN_VALUE)

    def read_year(self, param: str, value: str) -> None:
        text = value.strip()
        if not text:
            return
        if not _YEAR.fullmatch(text):
            self.drop(param, value, REASON_NOT_A_YEAR)
            return
        low, high = year_span(self.data)
        year = int(text)
        if not low <= year <= high:
            self.drop(param, value, REASON_OUT_OF_RANGE)
            return
        self.years[param] = year

    def read_choice(self, param: str, value: str) -> None:
        choice = value.strip().lower()
        if not choice:
            return
        if param == QP_PLACE:
            if choice in self.valid_ids(QP_AREA):
                self.place = choice
            else:
                self.drop(param, value, REASON_UNKNOWN_VALUE)
        elif choice in LANGUAGES:
            self.language = choice
        else:
            self.drop(param, value, REASON_UNKNOWN_VALUE)

    def read(self, param: str, value: str) -> None:
        if param in (QP_COMMITTEE, QP_STATUS, QP_FOLLOW_UP, QP_AREA, QP_THEME):
            self.read_list(param, value)
        elif param in (QP_LEAD, QP_UNKNOWN):
            self.read_flag(param, value)
        elif param in (QP_FROM, QP_TO):
            self.read_year(param, value)
        elif param == QP_TEXT:
            self.text = value.strip()
        else:
            self.read_choice(param, value)

    def year_range(self) -> tuple[int, int] | None:
        if not self.years:
            return None
        low, high = year_span(self.data)
        first, last = self.years.get(QP_FROM, low), self.years.get(QP_TO, high)
        if first > last:
            self.drop(QP_FROM, str(first), REASON_FROM_AFTER_TO)
            self.drop(QP_TO, str(last), REASON_FROM_AFTER_TO)
            return None
        return normalize_year_range((first, last), self.data)

    def view(self) -> ViewState:
        filters = FilterState(
            committees=self.lists.get(QP_COMMITTEE, ()),
            lead_only=self.flags.get(QP_LEAD, False),
            year_range=self.year_range(),
            include_unknown_years=self.flags.get(QP_UNKNOWN, True),
            statuses=self.lists.get(QP_STATUS, ()),
            areas=self.lists.get(QP_AREA, ()),
            themes=self.lists.get(QP_THEME, ()),
            text=self.text,
            follow_up=self.lists.get(QP_FOLLOW_UP, ()),
        )
        return ViewState(filters=filters, place=self.place, language=self.language)


def decode_query(
    params: Mapping[str, str | list[str]], data: PlanData
) -> tuple[ViewState, list[Notice]]:
    """Read a view from URL query parameters, dropping whatever cannot be used.

    Parameters
    ----------
    params : Mapping of str to str or list of str
        The query parameters; a list holds the values of a repeated key.
    data : PlanData
        The loaded plan, for the valid ids and the year span.

    Returns
    -------
    ViewState
        The view the parameters describe, with defaults where they say nothing usable.
    list of Notice
        One per dropped value: an unknown key or id, a year that is not a number or lies
        outside `year_span`, a ``from`` after ``to``, a value over `MAX_VALUE_LENGTH`
        characters, or a repeated key (the first value is used). Keys in `PAGE_QUERY_KEYS`
        are neither read nor reported.
    """
    decoder = _Decoder(data)
    for param, raw in params.items():
        values = query_values(raw)
        if not values:
            continue
        if param not in KNOWN_QUERY_KEYS:
            decoder.drop(param, values[0], REASON_UNKNOWN_KEY)
            continue
        if param in PAGE_QUERY_KEYS:
            continue
        for extra in values[1:]:
            decoder.drop(param, extra, REASON_REPEATED)
        value = values[0]
        if len(value) > MAX_VALUE_LENGTH:
            decoder.drop(param, value, REASON_TOO_LONG)
            continue
        decoder.read(param, value)
    view = decoder.view()
    return view, decoder.notices


def encode_query(view: ViewState, data: PlanData) -> dict[str, str]:
    """Write a view as URL query parameters, leaving out every default.

    Parameters
    ----------
    view : ViewState
        The view.
    data : PlanData
        The loaded plan, for the year span.

    Returns
    -------
    dict of str to str
        Keys from `VIEW_QUERY_KEYS` in that order; empty for the default view. A year range
        covering all of `year_span` is written as nothing, and a range's end that equals the
        span's end is left out. ``decode_query(encode_query(v))`` gives back ``v`` for every
        view whose ids are valid, whose text has no surrounding whitespace and whose year range
        lies within the span.
    """
    filters = view.filters
    query: dict[str, str] = {}
    if view.place:
        query[QP_PLACE] = view.place
    if filters.committees:
        query[QP_COMMITTEE] = LIST_SEPARATOR.join(filters.committees)
    if filters.lead_only:
        query[QP_LEAD] = "1"
    year_range = normalize_year_range(filters.year_range, data)
    if year_range is not None:
        low, high = year_span(data)
        first, last = year_range
        if first != low:
            query[QP_FROM] = str(first)
        if last != high:
            query[QP_TO] = str(last)
    if not filters.include_unknown_years:
        query[QP_UNKNOWN] = "0"
    if filters.statuses:
        query[QP_STATUS] = LIST_SEPARATOR.join(filters.statuses)
    if filters.follow_up:
        query[QP_FOLLOW_UP] = LIST_SEPARATOR.join(filters.follow_up)
    if filters.areas:
        query[QP_AREA] = LIST_SEPARATOR.join(filters.areas)
    if filters.themes:
        query[QP_THEME] = LIST_SEPARATOR.join(filters.themes)
    if filters.text.strip():
        query[QP_TEXT] = filters.text.strip()
    if view.language != DEFAULT_LANGUAGE:
        query[QP_LANGUAGE] = view.language
    return query


# Map first (ui.view): True once the session's first map has reported that it is drawn.
SS_MAP_DRAWN = "map_drawn"
