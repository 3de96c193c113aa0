"""Filtering the plan's initiatives: by committee, timeline, status, area, theme and free text.

The rules are the same on every page: OR within one filter (any selected committee), AND between
filters (a committee *and* a year). A filter left at its default does not narrow anything.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from soderort.loading import PlanData
from soderort.model import TEXT_FIELDS, Initiative

# The plan covers 2009–2030 ("Söderort 2030", written in 2010 about work begun in 2009); the
# year slider always offers that span even where no initiative names its ends.
PLAN_FIRST_YEAR = 2009
PLAN_LAST_YEAR = 2030


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

    def is_default(self) -> bool:
        """Whether the state filters nothing out (every field at its default).

        Returns
        -------
        bool
            True for ``FilterState()``; `lead_only` alone counts as a change because the
            user set it, even though it narrows nothing without a committee.
        """
        return self == FilterState()


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
    years = [year for item in data.initiatives for year in item.timeline.years]
    return (
        min([PLAN_FIRST_YEAR, *years]),
        max([PLAN_LAST_YEAR, *years]),
    )


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
    parts: list[str] = [getattr(initiative, field) for field in TEXT_FIELDS]
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
        `include_unknown_years` is set), has a selected status, lies in a selected area, has a
        selected theme, and contains every word of `text`. An empty selection passes all.
    """
    if state.committees:
        named = initiative.lead_committees() if state.lead_only else initiative.committee_ids()
        if not _any_in(named, state.committees):
            return False
    timeline = initiative.timeline
    if timeline.is_unknown:
        if not state.include_unknown_years:
            return False
    elif state.year_range is not None:
        first, last = state.year_range
        if not any(first <= year <= last for year in timeline.years):
            return False
    if state.statuses and timeline.status.value not in state.statuses:
        return False
    if state.areas and not _any_in(initiative.places, state.areas):
        return False
    if state.themes and not _any_in(initiative.themes, state.themes):
        return False
    words = fold(state.text).split()
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
        Every initiative for which `matches` is true.
    """
    return [item for item in data.initiatives if matches(item, state, data)]


def _all_place_ids(data: PlanData) -> list[str]:
    return list(dict.fromkeys([*data.place_order, *data.places.index]))


def group_by_place(
    data: PlanData, initiatives: Iterable[Initiative], language: str = "sv"
) -> list[tuple[str, list[Initiative]]]:
    """Group initiatives under the places they name.

    Parameters
    ----------
    data : PlanData
        The loaded plan.
    initiatives : iterable of Initiative
        Usually the filtered initiatives.
    language : str
        ``"sv"`` or ``"en"``. The groups are keyed by place id, so the result is the same in
        both; show a group's heading with ``data.place_name(place_id, language)``.

    Returns
    -------
    list of (str, list of Initiative)
        Place id and its initiatives, in `PlanData.place_order`, each group in the source's
        order. An initiative on two places is listed under both; places without any of the given
        initiatives are left out.
    """
    items = list(initiatives)
    groups = []
    for place in data.place_order:
        members = [item for item in items if place in item.places]
        if members:
            groups.append((place, members))
    return groups


def count_by_place(data: PlanData, initiatives: Iterable[Initiative]) -> dict[str, int]:
    """Count the initiatives on each place.

    Parameters
    ----------
    data : PlanData
        The loaded plan.
    initiatives : iterable of Initiative
        Usually the filtered initiatives.

    Returns
    -------
    dict of str to int
        Every place id (in `PlanData.place_order`), with 0 for places without any.
    """
    counts = dict.fromkeys(_all_place_ids(data), 0)
    for item in initiatives:
        for place in item.places:
            counts[place] = counts.get(place, 0) + 1
    return counts
