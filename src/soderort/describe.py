"""The filters in words: for the report, the export page, the title slide and the filter line.

The filter line (`removable_filters`) stands on every page that shows the filtered plan. The
lines are plain text (no Markdown): a page escapes them for its medium (`soderort.inert`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from soderort.facts import undated_count
from soderort.filters import FilterState, filter_initiatives
from soderort.followup import FOLLOW_UP_VALUES
from soderort.i18n import follow_up_label, format_date, status_label, t
from soderort.loading import PlanData

# Names in a list are joined like this ("Kulturnämnden, Exploateringsnämnden").
SEPARATOR = ", "


def _status_name(status: str, language: str) -> str:
    try:
        return status_label(status, language)
    except ValueError:
        return status


def _follow_up_name(value: str, language: str) -> str:
    return follow_up_label(value, language) if value in FOLLOW_UP_VALUES else value


def describe_filters(filters: FilterState, data: PlanData, language: str = "sv") -> list[str]:
    """Describe the chosen filters in words, one line per filter that narrows the list.

    Parameters
    ----------
    filters : FilterState
        The filters.
    data : PlanData
        The loaded plan, for the names of committees, places and themes.
    language : str
        ``"sv"`` or ``"en"``; committee names stay as the registry writes them.

    Returns
    -------
    list of str
        In the sidebar's order, e.g. ``["Nämnd: Exploateringsnämnden", "År: 2011–2013",
        "Initiativ utan angivet år är med: 2", "Sökord: hogdalen"]``; empty when nothing is
        filtered. A year range is followed by how many of the shown initiatives state no year,
        when some do.
        "Lead only" is written with the committees it applies to and left out without any (it
        narrows nothing then). An id the data does not know is written as it stands.
    """
    lines: list[str] = []
    if filters.committees:
        names = SEPARATOR.join(data.committee_name(c) for c in filters.committees)
        lines.append(
            t(
                "describe.committee_lead" if filters.lead_only else "describe.committee",
                language,
                values=names,
            )
        )
    if filters.year_range is not None:
        first, last = filters.year_range
        years = str(first) if first == last else f"{first}–{last}"
        lines.append(t("describe.years", language, years=years))
        # The year filter keeps initiatives that state no year: say how many of them are shown.
        undated = undated_count(filters, filter_initiatives(data, filters))
        if undated:
            lines.append(t("describe.undated_kept", language, n=undated))
    if not filters.include_unknown_years:
        lines.append(t("describe.unknown_left_out", language))
    if filters.statuses:
        names = SEPARATOR.join(_status_name(s, language) for s in filters.statuses)
        lines.append(t("describe.status", language, values=names))
    if filters.follow_up:
        names = SEPARATOR.join(_follow_up_name(v, language) for v in filters.follow_up)
        lines.append(t("describe.follow_up", language, values=names))
    if filters.areas:
        names = SEPARATOR.join(data.place_name_or_id(p, language) for p in filters.areas)
        lines.append(t("describe.area", language, values=names))
    if filters.themes:
        names = SEPARATOR.join(data.theme_name(th, language) for th in filters.themes)
        lines.append(t("describe.theme", language, values=names))
    if filters.text.strip():
        lines.append(t("describe.text", language, text=filters.text.strip()))
    return lines


def document_source(data: PlanData, language: str) -> str:
    """Return the line that names the plan: its title, publisher, date (in words) and status."""
    document = data.document
    return t(
        "report.footer_source",
        language,
        title=document.title,
        publisher=document.publisher,
        date=format_date(document.date, language),
        status=document.status,
    )


@dataclass(frozen=True)
class RemovableFilter:
    """One chosen filter value in words, and the filters without it.

    Attributes
    ----------
    label : str
        Plain text, e.g. ``"Nämnd: Exploateringsnämnden"``.
    without : FilterState
        The same filters with this value taken away.
    """

    label: str
    without: FilterState


def removable_filters(
    filters: FilterState, data: PlanData, language: str = "sv"
) -> list[RemovableFilter]:
    """Each value that narrows the view, in the words of `describe_filters`, one a value.

    A committee, status, follow-up status, place or theme is one value each (removing the last
    committee also ends "lead only", which narrows nothing without one); the year range, the
    left-out undated initiatives and the search words are one value each. Empty when nothing
    is filtered.
    """
    removable: list[RemovableFilter] = []

    def each(field: str, label: Callable[[str], str]) -> None:
        values = getattr(filters, field)
        for value in values:
            rest = tuple(v for v in values if v != value)
            without = dataclasses.replace(filters, **{field: rest})
            if field == "committees" and not rest:
                without = dataclasses.replace(without, lead_only=False)
            removable.append(RemovableFilter(label(value), without))

    each(
        "committees",
        lambda c: t(
            "describe.committee_lead" if filters.lead_only else "describe.committee",
            language,
            values=data.committee_name(c),
        ),
    )
    if filters.year_range is not None:
        first, last = filters.year_range
        years = str(first) if first == last else f"{first}–{last}"
        removable.append(
            RemovableFilter(
                t("describe.years", language, years=years),
                dataclasses.replace(filters, year_range=None),
            )
        )
    if not filters.include_unknown_years:
        removable.append(
            RemovableFilter(
                t("describe.unknown_left_out", language),
                dataclasses.replace(filters, include_unknown_years=True),
            )
        )
    each("statuses", lambda v: t("describe.status", language, values=_status_name(v, language)))
    each(
        "follow_up",
        lambda v: t("describe.follow_up", language, values=_follow_up_name(v, language)),
    )
    each(
        "areas",
        lambda v: t("describe.area", language, values=data.place_name_or_id(v, language)),
    )
    each("themes", lambda v: t("describe.theme", language, values=data.theme_name(v, language)))
    if filters.text.strip():
        removable.append(
            RemovableFilter(
                t("describe.text", language, text=filters.text.strip()),
                dataclasses.replace(filters, text=""),
            )
        )
    return removable
