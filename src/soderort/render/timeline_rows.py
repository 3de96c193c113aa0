"""The plan over time as rows: what the timeline draws of each initiative, and its texts.

The chart never shows a year the plan does not state. A bar runs from start to target only when
the plan names both; an initiative with only a start gets a start marker, and when the plan says
the work is under way (pågår, påbörjat) a faded, hatched bar runs on to the plan's horizon 2030,
explained in the legend as "pågår, inget slutår angivet" – a reading of "pågår", not an end year.
An initiative with only a target gets a target marker, milestones get markers of their own.

A stated year covers the whole calendar year ("Utredning under 2010"), so on the x axis the year
Y is the interval [Y − 0.5, Y + 0.5): markers sit on the tick labelled Y, bars cover whole years,
and a date (today, the plan's date) falls at its share of the way through its year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from soderort import inert
from soderort.facts import committee_entries
from soderort.i18n import chart_labels
from soderort.model import Initiative, Period, Status
from soderort.readings import shown_text

if TYPE_CHECKING:
    from soderort.loading import PlanData


HORIZON_YEAR = 2030
"""The plan's horizon (Söderort 2030): where an open-ended, ongoing initiative is drawn to."""

FIRST_YEAR = 2009
"""The first year on the axis unless an initiative starts earlier."""

MAX_LABEL_CHARS = 38
"""Longer headings are shortened with "…" on the y axis; hover shows them in full."""


ColourBy = Literal["theme", "committee"]

_OPEN_ENDED_STATUSES = (Status.ONGOING, Status.STARTED)


@dataclass(frozen=True)
class TimelineRow:
    """What the chart shows of one initiative: its stated years and the text around them.

    Attributes
    ----------
    initiative_id : str
        The initiative's id.
    rubrik : str
        The heading, in full.
    start, end : int or None
        The stated start year and target year; None when the plan names none.
    start_period : Period or None
        A span the work began in, where the plan names one ("början av 2000-talet") instead of
        a year.
    milestones : tuple of (int, str)
        Years on the way with what is to be reached then.
    status : Status
        Where the initiative stood when the plan was written.
    tidplan : str
        The Tidplan cell, verbatim.
    themes : tuple of str
        Theme ids, the first one being the one the chart colours by.
    lead_committees : tuple of str
        Names of the bodies that lead the initiative.
    places : tuple of str
        Place ids.
    target_label : str
        What is to be reached in the target year, as the plan words it.
    lead_committee_ids : tuple of str
        Ids of the leading bodies, in the same order as `lead_committees`.
    """

    initiative_id: str
    rubrik: str
    start: int | None
    end: int | None
    start_period: Period | None
    milestones: tuple[tuple[int, str], ...]
    status: Status
    tidplan: str
    themes: tuple[str, ...]
    lead_committees: tuple[str, ...]
    places: tuple[str, ...]
    target_label: str = ""
    lead_committee_ids: tuple[str, ...] = ()

    @property
    def has_time(self) -> bool:
        """Whether the plan names at least one year for the initiative."""
        named = (self.start, self.start_period, self.end)
        return any(value is not None for value in named) or bool(self.milestones)

    @property
    def has_bar(self) -> bool:
        """Whether a bar from start to target can be drawn (both years stated)."""
        return self.start is not None and self.end is not None

    @property
    def is_open_ended(self) -> bool:
        """Whether the work has started, is under way, and has no stated end year."""
        started = self.start is not None or self.start_period is not None
        return started and self.end is None and self.status in _OPEN_ENDED_STATUSES

    @property
    def years(self) -> tuple[int, ...]:
        """Every stated year, ascending."""
        period = self.start_period
        named = [self.start, self.end, *(year for year, _ in self.milestones)]
        named += [period.first, period.last] if period else []
        return tuple(sorted({year for year in named if year is not None}))


def _in_source_order(data: PlanData, initiatives: Iterable[Initiative]) -> list[Initiative]:
    position = {item.id: index for index, item in enumerate(data.initiatives)}
    # Initiatives that are not in the plan (a caller's own) keep their order after the plan's.
    return sorted(initiatives, key=lambda item: position.get(item.id, len(position)))


def timeline_rows(
    data: PlanData, initiatives: Iterable[Initiative], language: str = "sv"
) -> list[TimelineRow]:
    """Read the timeline of each initiative, in the plan's order.

    Parameters
    ----------
    data : PlanData
        The loaded plan, for the order of the initiatives and the committees' names.
    initiatives : iterable of Initiative
        The initiatives to show (typically the filtered ones).
    language : str
        Language of the mark on an uncertain reading in a heading.

    Returns
    -------
    list of TimelineRow
        One per initiative, including those without a stated year (``has_time`` is False).
    """
    rows = []
    for item in _in_source_order(data, initiatives):
        timeline = item.timeline
        lead_ids = tuple(item.lead_committees())
        rows.append(
            TimelineRow(
                initiative_id=item.id,
                rubrik=shown_text(item, "rubrik", language),
                start=timeline.start,
                end=timeline.target,
                start_period=timeline.start_period,
                milestones=tuple((m.year, m.label) for m in timeline.milestones),
                status=timeline.status,
                tidplan=item.tidplan,
                themes=tuple(item.themes),
                lead_committees=tuple(
                    entry.name
                    for entry in committee_entries(data, item)
                    if entry.committee_id in lead_ids
                ),
                places=tuple(item.places),
                target_label=timeline.target_label,
                lead_committee_ids=lead_ids,
            )
        )
    return rows


def unknown_time(data: PlanData, initiatives: Iterable[Initiative]) -> list[Initiative]:
    """List the initiatives for which the plan names no year, in the plan's order.

    Parameters
    ----------
    data : PlanData
        The loaded plan, for the order.
    initiatives : iterable of Initiative
        The initiatives shown.

    Returns
    -------
    list of Initiative
        Those whose ``timeline.is_unknown``; the chart has no row for them.
    """
    return [item for item in _in_source_order(data, initiatives) if item.timeline.is_unknown]


def date_position(day: dt.date) -> float:
    """Place a date on the chart's year axis, where the year Y spans [Y − 0.5, Y + 0.5).

    Parameters
    ----------
    day : datetime.date
        The date.

    Returns
    -------
    float
        The x coordinate.
    """
    days_in_year = dt.date(day.year, 12, 31).timetuple().tm_yday
    day_of_year = day.timetuple().tm_yday
    return day.year - 0.5 + (day_of_year - 0.5) / days_in_year


def shorten(text: str, limit: int = MAX_LABEL_CHARS) -> str:
    """Shorten a heading to at most `limit` characters, at a word boundary, ending in "…".

    Parameters
    ----------
    text : str
        The heading.
    limit : int
        The longest result, the ellipsis included.

    Returns
    -------
    str
        The heading itself when short enough.
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut and text[limit - 1] != " ":
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:–-") + "…"


# A hover box's line, in characters: some 300 px, so that a tapped mark's box fits a phone's
# screen (the chart there is wider than the screen and scrolls).
HOVER_LINE_CHARS = 40


def wrap_text(text: str, width: int = HOVER_LINE_CHARS) -> str:
    """Break a long hover line at spaces; plotly's hover labels do not wrap by themselves."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    lines.append(current)
    return "<br>".join(inert.plotly(line) for line in lines)


def unique_labels(rows: Sequence[TimelineRow]) -> list[str]:
    """Return each row's y-axis label, shortened, made unique where two would coincide."""
    # The y axis is categorical: two rows with the same shortened heading would share one line.
    labels: list[str] = []
    for row in rows:
        label = shorten(row.rubrik)
        candidate, number = label, 2
        while candidate in labels:
            candidate = f"{label} ({number})"
            number += 1
        labels.append(candidate)
    return labels


def _years_text(row: TimelineRow, labels: Mapping[str, str]) -> str:
    parts = []
    if row.start is not None:
        parts.append(f"{labels['start']} {row.start}")
    if row.start_period is not None:
        parts.append(f"{labels['start']} {period_text(row.start_period)}")
    parts.extend(f"{labels['milestone']} {year}" for year, _ in row.milestones)
    if row.end is not None:
        parts.append(f"{labels['target']} {row.end}")
    if row.is_open_ended:
        parts.append(labels["hover_open_ended"])
    return ", ".join(parts)


def period_text(period: Period) -> str:
    """Write a start period with its years, e.g. "början av 2000-talet (2000–2009)"."""
    return f"{period.label} ({period.first}–{period.last})"


def hover_text(row: TimelineRow, data: PlanData, language: str, headline: str = "") -> str:
    """Write the hover text of one row; `headline` names the point under the pointer."""
    labels = chart_labels(language)
    lines = [f"<b>{wrap_text(row.rubrik)}</b>"]
    if headline:
        lines.append(wrap_text(headline))
    # The Tidplan cell verbatim (broken at spaces only), so that what the plan says is never
    # re-worded.
    tidplan = f"<i>{wrap_text(row.tidplan)}</i>" if row.tidplan.strip() else labels["not_stated"]
    lines.append(f"{labels['hover_tidplan']}:<br>{tidplan}")
    lines.append(wrap_text(f"{labels['hover_years']}: {_years_text(row, labels)}"))
    lines.append(f"{labels['hover_status']}: {labels['status_' + row.status.value]}")
    themes = ", ".join(data.theme_name(t, language) for t in row.themes)
    lines.append(wrap_text(f"{labels['hover_themes']}: {themes}"))
    leads = ", ".join(row.lead_committees) or labels["no_lead"]
    lines.append(wrap_text(f"{labels['hover_lead']}: {leads}"))
    places = ", ".join(data.place_name_or_id(p, language) for p in row.places)
    lines.append(wrap_text(f"{labels['hover_places']}: {places}"))
    return "<br>".join(lines)


def follow_up_position(date: str) -> float:
    """Place a follow-up's date ("2013", "2016-06", "2020-11-12") on the year axis.

    A year sits where the plan's years sit (its middle), a month at its middle, a day exactly.
    """
    parts = [int(part) for part in date.split("-")]
    if len(parts) == 1:
        return float(parts[0])
    return date_position(dt.date(parts[0], parts[1], parts[2] if len(parts) == 3 else 15))
