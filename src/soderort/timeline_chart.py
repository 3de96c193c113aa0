"""The plan over time: one row per initiative, drawn with Plotly for the "Tidslinje" page.

The chart never shows a year the plan does not state. A bar runs from start to target only when
the plan names both; an initiative with only a start gets a start marker, and when the plan says
the work is under way (pågår, påbörjat) a faded, hatched bar runs on to the plan's horizon 2030,
explained in the legend as "pågår, inget slutår angivet" – a reading of "pågår", not an end year.
An initiative with only a target gets a target marker, milestones get markers of their own.

A stated year covers the whole calendar year ("Utredning under 2010"), so on the x axis the year
Y is the interval [Y − 0.5, Y + 0.5): markers sit on the tick labelled Y, bars cover whole years,
and a date (today, the plan's date) falls at its share of the way through its year.

The figure is self-contained: no map tiles, no fonts or scripts from elsewhere, so Streamlit's
bundled plotly.js renders it as it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import plotly.graph_objects as go

from soderort import inert
from soderort.facts import committee_entries
from soderort.followup import (
    FOLLOW_UP_VALUES,
    follow_up_label,
    format_partial_date,
    source_text,
    status_slug,
)
from soderort.i18n import LANGUAGES, chart_labels, t
from soderort.model import Initiative, Period, Status
from soderort.palette import (
    FAINT_GRID_COLOUR,
    FOLLOW_UP_STATUS_COLOURS,
    MARK_OUTLINE_COLOUR,
    MINOR_GRID_COLOUR,
    NEUTRAL_MARK_COLOUR,
    PLAN_DATE_COLOUR,
    RULE_COLOUR,
    TODAY_COLOUR,
    group_colours,
    theme_colours,
)
from soderort.readings import shown_text

if TYPE_CHECKING:
    from soderort.loading import PlanData

HORIZON_YEAR = 2030
"""The plan's horizon (Söderort 2030): where an open-ended, ongoing initiative is drawn to."""

FIRST_YEAR = 2009
"""The first year on the axis unless an initiative starts earlier."""

MAX_LABEL_CHARS = 38
"""Longer headings are shortened with "…" on the y axis; hover shows them in full."""

ROW_HEIGHT_PX = 44
FONT_SIZE = 15

# The colours are soderort.palette's: a theme has the same hue here as on the map. Neutral grey
# for the symbol legend, whose entries explain shapes, not groups.
_NEUTRAL = NEUTRAL_MARK_COLOUR
_OUTLINE = MARK_OUTLINE_COLOUR
_TODAY_COLOUR = TODAY_COLOUR
_PLAN_DATE_COLOUR = PLAN_DATE_COLOUR

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


def _wrap(text: str, width: int = 60) -> str:
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


def _unique_labels(rows: Sequence[TimelineRow]) -> list[str]:
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


@dataclass(frozen=True)
class _Group:
    key: str
    name: str
    colour: str


def _groups(data: PlanData, colour_by: ColourBy, language: str) -> dict[str, _Group]:
    """Colour groups in a fixed order over the whole plan, so colours stay put while filtering."""
    if colour_by == "theme":
        used = {item.themes[0] for item in data.initiatives}
        keys = [t for t in data.themes if t in used]
        keys += sorted(used - set(keys))
        # By the whole registry, as the map colours them, whatever the filters show.
        colours = theme_colours([*data.themes, *sorted(used - set(data.themes))])

        def name(key: str) -> str:
            return data.theme_name(key, language)

    else:
        used = {lead[0] for item in data.initiatives if (lead := item.lead_committees())}
        keys = [c for c in data.committees if c in used]
        keys += sorted(used - set(keys))
        keys.append("")
        colours = group_colours(keys)

        def name(key: str) -> str:
            if not key:
                return chart_labels(language)["no_lead"]
            return data.committee_name(key)

    # Legend entries are Plotly's small HTML, like tick labels: names from the data are escaped.
    return {key: _Group(key, inert.plotly(name(key)), colours[key]) for key in keys}


def _group_key(row: TimelineRow, colour_by: ColourBy) -> str:
    if colour_by == "theme":
        return row.themes[0] if row.themes else ""
    return row.lead_committee_ids[0] if row.lead_committee_ids else ""


def _years_text(row: TimelineRow, labels: Mapping[str, str]) -> str:
    parts = []
    if row.start is not None:
        parts.append(f"{labels['start']} {row.start}")
    if row.start_period is not None:
        parts.append(f"{labels['start']} {_period_text(row.start_period)}")
    parts.extend(f"{labels['milestone']} {year}" for year, _ in row.milestones)
    if row.end is not None:
        parts.append(f"{labels['target']} {row.end}")
    if row.is_open_ended:
        parts.append(labels["hover_open_ended"])
    return ", ".join(parts)


def _period_text(period: Period) -> str:
    return f"{period.label} ({period.first}–{period.last})"


def _hover(row: TimelineRow, data: PlanData, language: str, headline: str = "") -> str:
    """Write the hover text of one row; `headline` names the point under the pointer."""
    labels = chart_labels(language)
    lines = [f"<b>{_wrap(row.rubrik)}</b>"]
    if headline:
        lines.append(inert.plotly(headline))
    # The Tidplan cell verbatim on one line, so that what the plan says is never re-worded.
    tidplan = inert.plotly(row.tidplan) if row.tidplan.strip() else labels["not_stated"]
    lines.append(f"{labels['hover_tidplan']}: <i>{tidplan}</i>")
    lines.append(f"{labels['hover_years']}: {inert.plotly(_years_text(row, labels))}")
    lines.append(f"{labels['hover_status']}: {labels['status_' + row.status.value]}")
    themes = ", ".join(data.theme_name(t, language) for t in row.themes)
    lines.append(f"{labels['hover_themes']}: {inert.plotly(themes)}")
    leads = ", ".join(row.lead_committees) or labels["no_lead"]
    lines.append(f"{labels['hover_lead']}: {_wrap(leads)}")
    places = ", ".join(data.place_name_or_id(p, language) for p in row.places)
    lines.append(f"{labels['hover_places']}: {inert.plotly(places)}")
    return "<br>".join(lines)


class _Points:
    """Collects one kind of mark for one colour group, to become one trace."""

    def __init__(self) -> None:
        self.x: list[float] = []
        self.base: list[float] = []
        self.y: list[str] = []
        self.text: list[str] = []
        self.hover: list[str] = []
        self.customdata: list[tuple[str, str, int | None]] = []

    def add(
        self,
        x: float,
        y: str,
        hover: str,
        data: tuple[str, str, int | None],
        base: float = 0.0,
        text: str = "",
    ) -> None:
        self.x.append(x)
        self.base.append(base)
        self.y.append(y)
        self.hover.append(hover)
        self.customdata.append(data)
        self.text.append(text)


_MARKERS = {
    # kind: (symbol, size); shapes tell the kinds apart without relying on colour.
    "start": ("circle", 15),
    "milestone": ("diamond-tall", 16),
    "target": ("star", 20),
    "open_ended_arrow": ("triangle-right", 16),
}
_BAR_WIDTH = 0.5
_SYMBOL_ENTRY_WIDTH = 250
_NARROW_PLOT_PX = 420
_OPEN_BAR_WIDTH = 0.32
_HOVER_TEMPLATE = "%{hovertext}<extra></extra>"


def _collect(
    rows: Sequence[TimelineRow],
    labels_y: Sequence[str],
    data: PlanData,
    colour_by: ColourBy,
    language: str,
) -> dict[tuple[str, str], _Points]:
    labels = chart_labels(language)
    marks: dict[tuple[str, str], _Points] = {}

    def points(group: str, kind: str) -> _Points:
        return marks.setdefault((group, kind), _Points())

    horizon_end = HORIZON_YEAR + 0.5
    for row, y in zip(rows, labels_y, strict=True):
        group = _group_key(row, colour_by)
        base_hover = _hover(row, data, language)
        ident = row.initiative_id
        if row.has_bar:
            assert row.start is not None and row.end is not None  # for the type checker
            # A stated year covers the whole year, so the bar runs from the start of the start
            # year to the end of the target year ("Utredning under 2010" is one year long).
            points(group, "period").add(
                x=row.end - row.start + 1.0,
                base=row.start - 0.5,
                y=y,
                hover=base_hover,
                data=(ident, "period", row.start),
            )
        elif row.start is not None or row.start_period is not None:
            if row.start_period is not None:
                # The work began some time in the period: the whole span is drawn, no one year.
                period = row.start_period
                headline = f"{labels['start_period']}: {_period_text(period)}"
                points(group, "start_period").add(
                    x=period.last - period.first + 1.0,
                    base=period.first - 0.5,
                    y=y,
                    hover=_hover(row, data, language, headline),
                    data=(ident, "start_period", period.first),
                )
                open_from = period.last + 0.5
            else:
                assert row.start is not None  # for the type checker
                points(group, "start").add(
                    x=row.start,
                    y=y,
                    hover=_hover(row, data, language, f"{labels['start']}: {row.start}"),
                    data=(ident, "start", row.start),
                )
                open_from = row.start - 0.5
            if row.is_open_ended:
                points(group, "open_ended").add(
                    x=horizon_end - open_from,
                    base=open_from,
                    y=y,
                    hover=base_hover,
                    data=(ident, "open_ended", None),
                )
                points(group, "open_ended_arrow").add(
                    x=horizon_end,
                    y=y,
                    hover=base_hover,
                    data=(ident, "open_ended_arrow", None),
                )
        if row.end is not None and not row.has_bar:
            headline = f"{labels['target']} {row.end}"
            if row.target_label:
                headline += f": {row.target_label}"
            points(group, "target").add(
                x=row.end,
                y=y,
                hover=_hover(row, data, language, headline),
                data=(ident, "target", row.end),
            )
        for year, label in row.milestones:
            # "Delmål 2015: Delmål 82 %" would say it twice.
            word = labels["milestone"]
            headline = f"{year}: {label}" if label.startswith(word) else f"{word} {year}: {label}"
            points(group, "milestone").add(
                x=year,
                y=y,
                hover=_hover(row, data, language, headline),
                data=(ident, "milestone", year),
            )
    return marks


def _faded(colour: str, alpha: float) -> str:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


def _trace(kind: str, points: _Points, group: _Group, legend_name: str) -> go.BaseTraceType:
    common = dict(
        y=points.y,
        hovertext=points.hover,
        hovertemplate=_HOVER_TEMPLATE,
        customdata=points.customdata,
        name=legend_name,
        legendgroup=group.key or "_none",
        showlegend=False,
    )
    if kind == "period":
        return go.Bar(
            x=points.x,
            base=points.base,
            orientation="h",
            width=_BAR_WIDTH,
            marker=dict(color=group.colour, line=dict(color=_OUTLINE, width=1)),
            **common,
        )
    if kind == "start_period":
        return go.Bar(
            x=points.x,
            base=points.base,
            orientation="h",
            width=_BAR_WIDTH,
            marker=dict(
                color=_faded(group.colour, 0.35),
                line=dict(color=group.colour, width=2),
                pattern=dict(shape=".", fgcolor=group.colour, size=6, solidity=0.3),
            ),
            **common,
        )
    if kind == "open_ended":
        return go.Bar(
            x=points.x,
            base=points.base,
            orientation="h",
            width=_OPEN_BAR_WIDTH,
            marker=dict(
                color=_faded(group.colour, 0.22),
                line=dict(color=_faded(group.colour, 0.8), width=1),
                pattern=dict(shape="/", fgcolor=group.colour, size=8, solidity=0.25),
            ),
            **common,
        )
    symbol, size = _MARKERS[kind]
    open_symbol = symbol.endswith("-open")
    return go.Scatter(
        x=points.x,
        mode="markers+text" if any(points.text) else "markers",
        text=points.text,
        # To the right of the marker: at the axis' left edge a centred label would spill over
        # the headings.
        textposition="top right",
        textfont=dict(size=FONT_SIZE - 1, color=_OUTLINE),
        cliponaxis=False,
        marker=dict(
            symbol=symbol,
            size=size,
            color=group.colour,
            opacity=0.7 if kind == "open_ended_arrow" else 1.0,
            # An open symbol is drawn by its line alone, so the line carries the colour.
            line=dict(
                color=group.colour if open_symbol else _OUTLINE, width=3 if open_symbol else 1
            ),
        ),
        **common,
    )


def _symbol_legend_entries(kinds: set[str], labels: Mapping[str, str]) -> list[go.BaseTraceType]:
    """Grey, data-less traces that explain the shapes in a legend of their own."""
    entries: list[go.BaseTraceType] = []
    common = dict(x=[None], y=[None], legend="legend2", showlegend=True, hoverinfo="skip")
    if "period" in kinds:
        entries.append(
            go.Bar(
                name=labels["period"],
                orientation="h",
                marker=dict(color=_NEUTRAL, line=dict(color=_OUTLINE, width=1)),
                **common,
            )
        )
    if "start_period" in kinds:
        entries.append(
            go.Bar(
                name=labels["start_period"],
                orientation="h",
                marker=dict(
                    color=_faded(_NEUTRAL, 0.35),
                    line=dict(color=_NEUTRAL, width=2),
                    pattern=dict(shape=".", fgcolor=_NEUTRAL, size=6, solidity=0.3),
                ),
                **common,
            )
        )
    if "open_ended" in kinds:
        entries.append(
            go.Bar(
                name=labels["open_ended"],
                orientation="h",
                marker=dict(
                    color=_faded(_NEUTRAL, 0.22),
                    line=dict(color=_faded(_NEUTRAL, 0.8), width=1),
                    pattern=dict(shape="/", fgcolor=_NEUTRAL, size=6, solidity=0.25),
                ),
                **common,
            )
        )
    for kind in ("start", "milestone", "target"):
        if kind not in kinds:
            continue
        symbol, size = _MARKERS[kind]
        open_symbol = symbol.endswith("-open")
        entries.append(
            go.Scatter(
                name=labels[kind],
                mode="markers",
                marker=dict(
                    symbol=symbol,
                    size=size,
                    color=_NEUTRAL,
                    line=dict(
                        color=_NEUTRAL if open_symbol else _OUTLINE, width=3 if open_symbol else 1
                    ),
                ),
                **common,
            )
        )
    return entries


def _legend_height(names: Sequence[str], entry_width: int | None = None) -> int:
    """Estimate a horizontal legend's height in pixels, its title included, on a narrow plot."""
    rows, used = 1, 0.0
    for name in names:
        # About 0.55 em a character, plus the symbol and the gaps around it.
        width = entry_width or 0.55 * FONT_SIZE * len(name) + 50
        if used and used + width > _NARROW_PLOT_PX:
            rows, used = rows + 1, 0.0
        used += width
    return 30 + 27 * rows


def _base_layout(fig: go.Figure, labels: Mapping[str, str]) -> None:
    fig.update_layout(
        template="plotly_white",
        paper_bgcolor="white",
        plot_bgcolor="white",
        font=dict(size=FONT_SIZE, color=MARK_OUTLINE_COLOUR),
        hoverlabel=dict(font=dict(size=FONT_SIZE), bgcolor="white", align="left"),
        hovermode="closest",
        barmode="overlay",
        margin=dict(l=10, r=30, t=20, b=20),
        xaxis=dict(
            title=dict(text=labels["x_title"], font=dict(size=FONT_SIZE)),
            tickfont=dict(size=FONT_SIZE),
            tickmode="linear",
            dtick=5,
            showgrid=True,
            gridcolor=RULE_COLOUR,
            minor=dict(dtick=1, showgrid=True, gridcolor=MINOR_GRID_COLOUR),
            zeroline=False,
            fixedrange=True,
        ),
        yaxis=dict(
            type="category",
            tickfont=dict(size=FONT_SIZE),
            automargin=True,
            showgrid=True,
            gridcolor=FAINT_GRID_COLOUR,
            fixedrange=True,
            ticksuffix="  ",
        ),
        showlegend=True,
    )


def build_timeline_figure(
    data: PlanData,
    initiatives: Iterable[Initiative],
    colour_by: ColourBy = "theme",
    language: str = "sv",
    today: dt.date | None = None,
) -> go.Figure:
    """Draw the initiatives that have a stated time on a time line.

    Parameters
    ----------
    data : PlanData
        The loaded plan: order, themes, committees, places and the plan's date.
    initiatives : iterable of Initiative
        The initiatives to draw; those without a year are left out (see `unknown_time`).
    colour_by : {"theme", "committee"}
        Colour by the first theme or by the first leading body.
    language : {"sv", "en"}
        Language of axis, legend and hover labels (initiative texts stay Swedish).
    today : datetime.date, optional
        Where the "I dag" line goes; the current date when not given.

    Returns
    -------
    plotly.graph_objects.Figure
        One row per initiative with a stated time, in the plan's order from the top.

    Raises
    ------
    ValueError
        For an unknown `colour_by` or `language`.
    """
    if colour_by not in ("theme", "committee"):
        raise ValueError(f"colour_by must be 'theme' or 'committee', not {colour_by!r}")
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    labels = chart_labels(language)
    today = today or dt.date.today()

    rows = [row for row in timeline_rows(data, initiatives, language) if row.has_time]
    y_labels = _unique_labels(rows)
    groups = _groups(data, colour_by, language)
    marks = _collect(rows, y_labels, data, colour_by, language)

    fig = go.Figure()
    _base_layout(fig, labels)

    # Colour legend: one entry per group present; clicking it hides or shows that group's marks.
    present = list(dict.fromkeys(_group_key(row, colour_by) for row in rows))
    ordered = [key for key in groups if key in present]
    for key in ordered:
        group = groups[key]
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                marker=dict(symbol="square", size=16, color=group.colour, line=dict(width=0)),
                name=group.name,
                legendgroup=key or "_none",
                legend="legend",
                showlegend=True,
                hoverinfo="skip",
            )
        )
    # Bars first so that markers are drawn on top of them.
    order = ("period", "start_period", "open_ended", "open_ended_arrow", "start")
    order += ("milestone", "target")
    for kind in order:
        for key in ordered:
            if (key, kind) in marks:
                group = groups[key]
                fig.add_trace(_trace(kind, marks[(key, kind)], group, group.name))

    kinds = {kind for _, kind in marks}
    symbol_entries = _symbol_legend_entries(kinds, labels)
    for entry in symbol_entries:
        fig.add_trace(entry)
    follow_ups = _follow_up_traces(rows, y_labels, data, language)
    for entry in follow_ups:
        fig.add_trace(entry)
    symbol_entries = [*symbol_entries, *follow_ups]
    today_name = f"{labels['today']} ({today.isoformat()})"
    plan_name = f"{labels['plan_date']} ({data.document.date.isoformat()})"

    # The legends sit above and below the rows and wrap at the plot's width, which is not known
    # here; the height makes room for them as they wrap on a narrow page (a plot about 420 px wide
    # beside the headings), so that the rows keep their height there and get a little more air on
    # a wide one. A band above the first row holds the labels of the date lines.
    colour_legend = _legend_height([groups[key].name for key in ordered])
    symbol_names = [entry.name for entry in symbol_entries] + [today_name, plan_name]
    symbol_legend = _legend_height(symbol_names, entry_width=_SYMBOL_ENTRY_WIDTH)
    height = 110 + colour_legend + symbol_legend + ROW_HEIGHT_PX * (max(len(rows), 1) + 1)
    fig.update_layout(height=height)

    years = [year for row in rows for year in row.years]
    first = min([FIRST_YEAR, *years])
    today_x = date_position(today)
    plan_x = date_position(data.document.date)
    x_low = min(first - 0.5, plan_x - 0.5, today_x - 0.5)
    # Room on the right for the arrowheads of the open-ended bars at the end of 2030.
    x_high = max(HORIZON_YEAR + 1.0, today_x + 0.5)
    fig.update_xaxes(range=[x_low, x_high])
    fig.update_yaxes(
        categoryorder="array",
        categoryarray=y_labels,
        # Plotly reads tick labels as its own small HTML (<b>, <a href>, &amp;): headings from
        # the data are escaped so that they show as written.
        tickmode="array",
        tickvals=y_labels,
        ticktext=[inert.plotly(label) for label in y_labels],
        # Reversed so that the plan's first initiative is at the top; -1.3 leaves the label band.
        range=[len(rows) - 0.5, -1.3] if rows else [0.5, -1.3],
        showticklabels=bool(rows),
        showgrid=bool(rows),
    )
    legend_title = labels["legend_theme" if colour_by == "theme" else "legend_committee"]
    fig.update_layout(
        legend=dict(
            title=dict(text=f"<b>{legend_title}</b>", side="top left"),
            orientation="h",
            # From the figure's left edge, not the plot's: the headings leave the plot too little
            # width for long committee names.
            x=0,
            xanchor="left",
            xref="container",
            y=1,
            yanchor="top",
            yref="container",
            font=dict(size=FONT_SIZE),
            itemsizing="constant",
            groupclick="togglegroup",
        ),
        legend2=dict(
            title=dict(text=f"<b>{labels['legend_symbols']}</b>", side="top left"),
            entrywidth=_SYMBOL_ENTRY_WIDTH,
            orientation="h",
            x=0,
            xanchor="left",
            xref="container",
            y=0,
            yanchor="bottom",
            yref="container",
            font=dict(size=FONT_SIZE),
            itemsizing="constant",
            # The entries explain shapes; hiding one would hide nothing and only confuse.
            itemclick=False,
            itemdoubleclick=False,
        ),
    )
    _date_line(fig, today_x, today_name, labels["today"], True)
    _date_line(fig, plan_x, plan_name, labels["plan_date"], False)

    if not rows:
        fig.add_annotation(
            text=labels["empty"],
            x=0.5,
            y=0.5,
            xref="paper",
            yref="paper",
            showarrow=False,
            font=dict(size=FONT_SIZE + 3, color=NEUTRAL_MARK_COLOUR),
        )
    return fig


# A follow-up entry's mark: a shape no mark of the plan uses, filled with its status's colour.
FOLLOW_UP_SYMBOL = "hexagon"
FOLLOW_UP_SIZE = 17


def follow_up_position(date: str) -> float:
    """Place a follow-up's date ("2013", "2016-06", "2020-11-12") on the year axis.

    A year sits where the plan's years sit (its middle), a month at its middle, a day exactly.
    """
    parts = [int(part) for part in date.split("-")]
    if len(parts) == 1:
        return float(parts[0])
    return date_position(dt.date(parts[0], parts[1], parts[2] if len(parts) == 3 else 15))


def _follow_up_traces(
    rows: Sequence[TimelineRow], y_labels: Sequence[str], data: PlanData, language: str
) -> list[go.BaseTraceType]:
    """One trace per status today among the rows' follow-up entries, apart from the plan's marks.

    Each entry is a mark at its own date on its initiative's row, coloured by its status; the
    hover gives the status, the date, the entry's text and its source. The traces carry no
    customdata: they are not marks of the plan.
    """
    heading = t("followup.heading", language)
    source_label = t("common.source", language)
    points: dict[str, _Points] = {}
    for row, label in zip(rows, y_labels, strict=True):
        for entry in data.follow_up_entries(row.initiative_id):
            slug = status_slug(entry.status)
            status = follow_up_label(slug, language)
            date = format_partial_date(entry.date, language)
            hover = "<br>".join(
                [
                    f"<b>{_wrap(row.rubrik)}</b>",
                    inert.plotly(f"{heading}: {status} ({date})"),
                    _wrap(entry.text),
                    _wrap(f"{source_label}: {source_text(entry, language).line()}"),
                ]
            )
            points.setdefault(slug, _Points()).add(
                x=follow_up_position(entry.date),
                y=label,
                hover=hover,
                data=(row.initiative_id, "follow_up", int(entry.date[:4])),
            )
    traces: list[go.BaseTraceType] = []
    for slug in FOLLOW_UP_VALUES:
        if slug not in points:
            continue
        found = points[slug]
        traces.append(
            go.Scatter(
                x=found.x,
                y=found.y,
                mode="markers",
                hovertext=found.hover,
                hovertemplate=_HOVER_TEMPLATE,
                name=f"{heading}: {follow_up_label(slug, language)}",
                legend="legend2",
                showlegend=True,
                cliponaxis=False,
                marker=dict(
                    symbol=FOLLOW_UP_SYMBOL,
                    size=FOLLOW_UP_SIZE,
                    color=FOLLOW_UP_STATUS_COLOURS[slug],
                    line=dict(color=_OUTLINE, width=1.5),
                ),
            )
        )
    return traces


def _date_line(fig: go.Figure, x: float, legend_name: str, label: str, is_today: bool) -> None:
    """Draw a vertical date line across the rows, labelled in the band above them."""
    colour = _TODAY_COLOUR if is_today else _PLAN_DATE_COLOUR
    fig.add_shape(
        type="line",
        x0=x,
        x1=x,
        y0=0,
        y1=1,
        xref="x",
        yref="paper",
        line=dict(color=colour, width=2.5, dash="dash" if is_today else "dot"),
        # Today's line above the bars so that it crosses them; the plan's date below the markers,
        # which stand on 2010 right beside it.
        layer="above" if is_today else "below",
        name=legend_name,
        showlegend=True,
        legend="legend2",
    )
    fig.add_annotation(
        x=x,
        y=1,
        xref="x",
        yref="paper",
        yanchor="top",
        # Today's label to the left of its line, the plan date's to the right: they never meet.
        xanchor="right" if is_today else "left",
        xshift=-4 if is_today else 4,
        text=f"<b>{inert.plotly(label)}</b>",
        showarrow=False,
        font=dict(size=FONT_SIZE, color=colour),
        bgcolor="rgba(255,255,255,0.85)",
    )
