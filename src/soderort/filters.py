"""Filtering the plan's initiatives: by committee, timeline, status, area, theme and free text.

The rules are the same on every page: OR within one filter (any selected committee), AND between
filters (a committee *and* a year). A filter left at its default does not narrow anything.
"""

from __future__ import annotations

import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from soderort.followup import today_status
from soderort.loading import PlanData
from soderort.memo import per_plan
from soderort.model import TEXT_FIELDS, Initiative, Timeline

# The plan covers 2009–2030 ("Söderort 2030", written in 2010 about work begun in 2009); the
# year slider always offers that span even where no initiative names its ends.
PLAN_FIRST_YEAR = 2009
PLAN_LAST_YEAR = 2030
# Filter results kept per loaded plan: the sidebar and the page filter with the same state in
# one run, and a user going back and forth between a few states finds them again.
RESULTS_KEPT = 32
# Cards in the list under the map: past this the map, the filters and the table serve the reader
# better, and thousands of cards would cost every rerun seconds.
MAP_LIST_CARD_LIMIT = 60


def fold(text: str) -> str:
    """Fold text for matching: case-insensitive and without diacritics.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    str
        The text casefolded, decomposed (NFKD) and stripped of combining marks, so that
        "Skärholmen", "SKARHOLMEN" and "skarholmen" fold to the same string.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # Casefold again: decomposition can expose characters that casefold differently.
    return stripped.casefold()


@dataclass(frozen=True)
class FilterState:
    """The filters a user has chosen; the defaults let every initiative through.

    Parameters
    ----------
    committees : tuple of str
        Committee ids; an initiative matches when it names any of them.
    lead_only : bool
        Count a committee only where it leads the initiative.
    year_range : tuple of (int, int) or None
        Inclusive first and last year; None means no year filter.
    include_unknown_years : bool
        Keep initiatives whose timeline names no year.
    statuses : tuple of str
        `Status` values.
    follow_up : tuple of str
        Values of `soderort.followup.FOLLOW_UP_VALUES`: the status today, or "ingen".
    areas : tuple of str
        Place ids.
    themes : tuple of str
        Theme ids.
    text : str
        Free text; every word must occur somewhere in the initiative.
    """

    committees: tuple[str, ...] = ()
    lead_only: bool = False
    year_range: tuple[int, int] | None = None
    include_unknown_years: bool = True
    statuses: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    text: str = ""
    follow_up: tuple[str, ...] = ()

    def is_default(self) -> bool:
        """Whether the state filters nothing out (every field at its default).

        Returns
        -------
        bool
            True for ``FilterState()``; `lead_only` alone counts as a change because the
            user set it, even though it narrows nothing without a committee.
        """
        return self == FilterState()


@dataclass
class _Derived:
    """What filtering derives from one loaded plan, computed once: the plan never changes."""

    year_span: tuple[int, int] | None = None
    # Initiative id -> (the initiative, its folded search text).
    search: dict[str, tuple[Initiative, str]] = field(default_factory=dict)
    results: OrderedDict[FilterState, tuple[Initiative, ...]] = field(default_factory=OrderedDict)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _derived(data: PlanData) -> _Derived:
    return per_plan(data, "filters", _Derived)


def year_span(data: PlanData) -> tuple[int, int]:
    """Return the years a timeline filter should offer.

    Parameters
    ----------
    data : PlanData
        The loaded plan.

    Returns
    -------
    tuple of (int, int)
        The first and last year that any initiative names, widened to include the plan's own
        span (`PLAN_FIRST_YEAR`–`PLAN_LAST_YEAR`).
    """
    derived = _derived(data)
    if derived.year_span is None:
        years = [year for item in data.initiatives for year in item.timeline.years]
        derived.year_span = (min([PLAN_FIRST_YEAR, *years]), max([PLAN_LAST_YEAR, *years]))
    return derived.year_span


def search_text(initiative: Initiative, data: PlanData) -> str:
    """Return the folded text that free-text search looks in.

    Parameters
    ----------
    initiative : Initiative
        One initiative.
    data : PlanData
        The loaded plan, for the names of places, committees and themes.

    Returns
    -------
    str
        The eight source columns, the notes, and the names of its places (Swedish and English),
        committees and themes, folded with `fold`.
    """
    cache = _derived(data).search
    found = cache.get(initiative.id)
    if found is not None and found[0] is initiative:
        return found[1]
    folded = _search_text(initiative, data)
    cache[initiative.id] = (initiative, folded)
    return folded


def prepare_search(data: PlanData) -> None:
    """Fold every initiative's search text now, so that a user's first search does not wait.

    `search_text` folds each initiative's text once and keeps it; a loader calls this right
    after loading (folding 10,000 initiatives takes a noticeable part of a second).

    Parameters
    ----------
    data : PlanData
        The loaded plan.
    """
    for initiative in data.initiatives:
        search_text(initiative, data)


def _search_text(initiative: Initiative, data: PlanData) -> str:
    parts: list[str] = [getattr(initiative, name) for name in TEXT_FIELDS]
    parts.extend(initiative.notes)
    for place in initiative.places:
        if place in data.places.index:
            parts.append(data.place_name(place, "sv"))
            parts.append(data.place_name(place, "en"))
    for committee_id in initiative.committee_ids():
        committee = data.committees.get(committee_id)
        if committee is not None:
            parts.append(committee.name)
    for theme_id in initiative.themes:
        theme = data.themes.get(theme_id)
        if theme is not None:
            parts.extend((theme.name, theme.name_en))
    # A newline between parts keeps one field's last word from joining the next field's first.
    return fold("\n".join(parts))


def _any_in(values: Iterable[str], selected: Sequence[str]) -> bool:
    return any(value in selected for value in values)


def matches(initiative: Initiative, state: FilterState, data: PlanData) -> bool:
    """Whether an initiative passes every filter.

    Parameters
    ----------
    initiative : Initiative
        The initiative to test.
    state : FilterState
        The chosen filters.
    data : PlanData
        The loaded plan, for names in free-text search.

    Returns
    -------
    bool
        True when the initiative passes each filter: it names a selected committee (as lead
        when `lead_only`), has a year inside `year_range` (or names no year and
        `include_unknown_years` is set), has a selected status (and status today), lies in a
        selected area, has a
        selected theme, and contains every word of `text`. An empty selection passes all.
    """
    return _matches(initiative, state, data, fold(state.text).split())


def _timeline_matches(timeline: Timeline, state: FilterState) -> bool:
    # Either reading of the Tidplan may match: the text's own years (none for an unknown
    # timeline, shown with "include unknown"), or a second reading's years.
    if timeline.is_unknown and state.include_unknown_years:
        return True
    if timeline.is_unknown and timeline.other_reading is None:
        return False
    return state.year_range is None or timeline.overlaps(*state.year_range)


def _matches(initiative: Initiative, state: FilterState, data: PlanData, words: list[str]) -> bool:
    # `matches` with the search words folded once for a whole filtering pass.
    if state.committees:
        named = initiative.lead_committees() if state.lead_only else initiative.committee_ids()
        if not _any_in(named, state.committees):
            return False
    if not _timeline_matches(initiative.timeline, state):
        return False
    timeline = initiative.timeline
    if state.statuses and timeline.status.value not in state.statuses:
        return False
    if state.follow_up and today_status(data, initiative.id) not in state.follow_up:
        return False
    if state.areas and not _any_in(initiative.places, state.areas):
        return False
    if state.themes and not _any_in(initiative.themes, state.themes):
        return False
    if words:
        haystack = search_text(initiative, data)
        if not all(word in haystack for word in words):
            return False
    return True


def filter_initiatives(data: PlanData, state: FilterState) -> list[Initiative]:
    """Return the initiatives that pass the filters, in the source's order.

    Parameters
    ----------
    data : PlanData
        The loaded plan.
    state : FilterState
        The chosen filters.

    Returns
    -------
    list of Initiative
        Every initiative for which `matches` is true (a new list each call).
    """
    derived = _derived(data)
    with derived.lock:
        found = derived.results.get(state)
        if found is not None:
            derived.results.move_to_end(state)
            return list(found)
    words = fold(state.text).split()
    found = tuple(item for item in data.initiatives if _matches(item, state, data, words))
    with derived.lock:
        derived.results[state] = found
        while len(derived.results) > RESULTS_KEPT:
            derived.results.popitem(last=False)
    return list(found)


@dataclass(frozen=True)
class PlaceGroup:
    """One place's part of a capped list: the cards to draw and how many match in all.

    Attributes
    ----------
    place_id : str
        The place.
    shown : list of Initiative
        The initiatives to draw, in the source's order.
    total : int
        How many initiatives on the place match (``len(shown)`` unless the cap cut the group).
    """

    place_id: str
    shown: list[Initiative]
    total: int


@dataclass(frozen=True)
class CappedList:
    """Initiatives grouped by place with at most a set number of cards in all.

    Attributes
    ----------
    groups : list of PlaceGroup
        The places that get cards, in `PlanData.place_order`.
    hidden : list of (str, int)
        Places left without cards once the cap was reached, each with its number of matches.
    shown : int
        Cards drawn, over all groups.
    total : int
        Cards there would be without the cap (an initiative on two places counts twice).
    """

    groups: list[PlaceGroup]
    hidden: list[tuple[str, int]]
    shown: int
    total: int

    @property
    def capped(self) -> bool:
        """Whether the cap left anything out."""
        return self.shown < self.total


def cap_groups(groups: Sequence[tuple[str, list[Initiative]]], limit: int) -> CappedList:
    """Keep at most `limit` cards over all groups, filling places in order.

    A page of thousands of cards takes the browser and the server seconds to draw and nobody reads
    it; past the cap the reader is better served by the map, the filters and the table.

    Parameters
    ----------
    groups : sequence of (str, list of Initiative)
        As returned by `soderort.facts.group_by_place`.
    limit : int
        Most cards in all; at least 1.

    Returns
    -------
    CappedList
        The groups that get cards (the last one possibly cut short) and the places left out.
    """
    if limit < 1:
        raise ValueError(f"limit must be at least 1, got {limit}")
    shown_groups: list[PlaceGroup] = []
    hidden: list[tuple[str, int]] = []
    room = limit
    for place_id, members in groups:
        if room <= 0:
            hidden.append((place_id, len(members)))
            continue
        shown_groups.append(PlaceGroup(place_id, members[:room], len(members)))
        room -= len(shown_groups[-1].shown)
    total = sum(len(members) for _, members in groups)
    return CappedList(shown_groups, hidden, min(limit, total), total)
