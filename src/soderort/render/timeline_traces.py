"""The timeline's Plotly traces: colour groups, bars and markers, symbol legend, follow-ups."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import plotly.graph_objects as go

from soderort import inert
from soderort.followup import (
    FOLLOW_UP_VALUES,
    follow_up_label,
    format_partial_date,
    source_text,
    status_slug,
)
from soderort.i18n import chart_labels, t
from soderort.palette import (
    FOLLOW_UP_STATUS_COLOURS,
    MARK_OUTLINE_COLOUR,
    NEUTRAL_MARK_COLOUR,
    group_colours,
    theme_colours,
)

if TYPE_CHECKING:
    from soderort.loading import PlanData
from soderort.render.timeline_rows import (
    HORIZON_YEAR,
    ColourBy,
    TimelineRow,
    follow_up_position,
    hover_text,
    period_text,
    wrap_text,
)

FONT_SIZE = 15

# The colours are soderort.palette's: a theme has the same hue here as on the map. Neutral grey
# for the symbol legend, whose entries explain shapes, not groups.
_NEUTRAL = NEUTRAL_MARK_COLOUR
_OUTLINE = MARK_OUTLINE_COLOUR


@dataclass(frozen=True)
class _Group:
    key: str
    name: str
    colour: str


def colour_groups(data: PlanData, colour_by: ColourBy, language: str) -> dict[str, _Group]:
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


def group_key(row: TimelineRow, colour_by: ColourBy) -> str:
    """Return the colour group of a row: its first theme, or its first lead committee."""
    if colour_by == "theme":
        return row.themes[0] if row.themes else ""
    return row.lead_committee_ids[0] if row.lead_committee_ids else ""


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
SYMBOL_ENTRY_WIDTH = 250
_NARROW_PLOT_PX = 420
_OPEN_BAR_WIDTH = 0.32
_HOVER_TEMPLATE = "%{hovertext}<extra></extra>"


def collect_points(
    rows: Sequence[TimelineRow],
    labels_y: Sequence[str],
    data: PlanData,
    colour_by: ColourBy,
    language: str,
) -> dict[tuple[str, str], _Points]:
    """Gather every row's marks into points per (colour group, kind of mark)."""
    labels = chart_labels(language)
    marks: dict[tuple[str, str], _Points] = {}

    def points(group: str, kind: str) -> _Points:
        return marks.setdefault((group, kind), _Points())

    horizon_end = HORIZON_YEAR + 0.5
    for row, y in zip(rows, labels_y, strict=True):
        group = group_key(row, colour_by)
        base_hover = hover_text(row, data, language)
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
                headline = f"{labels['start_period']}: {period_text(period)}"
                points(group, "start_period").add(
                    x=period.last - period.first + 1.0,
                    base=period.first - 0.5,
                    y=y,
                    hover=hover_text(row, data, language, headline),
                    data=(ident, "start_period", period.first),
                )
                open_from = period.last + 0.5
            else:
                assert row.start is not None  # for the type checker
                points(group, "start").add(
                    x=row.start,
                    y=y,
                    hover=hover_text(row, data, language, f"{labels['start']}: {row.start}"),
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
                hover=hover_text(row, data, language, headline),
                data=(ident, "target", row.end),
            )
        for year, label in row.milestones:
            # "Delmål 2015: Delmål 82 %" would say it twice.
            word = labels["milestone"]
            headline = f"{year}: {label}" if label.startswith(word) else f"{word} {year}: {label}"
            points(group, "milestone").add(
                x=year,
                y=y,
                hover=hover_text(row, data, language, headline),
                data=(ident, "milestone", year),
            )
    return marks


def _faded(colour: str, alpha: float) -> str:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


# The marks drawn as bars: a stated span, a start given as a span, and ongoing work with no end.
BAR_KINDS = ("period", "start_period", "open_ended")


def _bar_marker(kind: str, colour: str, hatch_size: int = 8) -> dict[str, Any]:
    """Return a bar's look: plain, dotted for a start period, faded and hatched when ongoing."""
    if kind == "period":
        return dict(color=colour, line=dict(color=_OUTLINE, width=1))
    if kind == "start_period":
        return dict(
            color=_faded(colour, 0.35),
            line=dict(color=colour, width=2),
            pattern=dict(shape=".", fgcolor=colour, size=6, solidity=0.3),
        )
    return dict(
        color=_faded(colour, 0.22),
        line=dict(color=_faded(colour, 0.8), width=1),
        pattern=dict(shape="/", fgcolor=colour, size=hatch_size, solidity=0.25),
    )


def group_trace(kind: str, points: _Points, group: _Group, legend_name: str) -> go.BaseTraceType:
    """Draw one kind of mark of one colour group as a Plotly trace."""
    common = dict(
        y=points.y,
        hovertext=points.hover,
        hovertemplate=_HOVER_TEMPLATE,
        customdata=points.customdata,
        name=legend_name,
        legendgroup=group.key or "_none",
        showlegend=False,
    )
    if kind in BAR_KINDS:
        return go.Bar(
            x=points.x,
            base=points.base,
            orientation="h",
            width=_OPEN_BAR_WIDTH if kind == "open_ended" else _BAR_WIDTH,
            marker=_bar_marker(kind, group.colour),
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


def symbol_legend_entries(kinds: set[str], labels: Mapping[str, str]) -> list[go.BaseTraceType]:
    """Grey, data-less traces that explain the shapes in a legend of their own."""
    entries: list[go.BaseTraceType] = []
    common = dict(x=[None], y=[None], legend="legend2", showlegend=True, hoverinfo="skip")
    for kind in BAR_KINDS:
        if kind in kinds:
            # The legend's swatch is small: the hatching is finer there.
            marker = _bar_marker(kind, _NEUTRAL, hatch_size=6)
            entries.append(go.Bar(name=labels[kind], orientation="h", marker=marker, **common))
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


def legend_height(names: Sequence[str], entry_width: int | None = None) -> int:
    """Estimate a horizontal legend's height in pixels, its title included, on a narrow plot."""
    rows, used = 1, 0.0
    for name in names:
        # About 0.55 em a character, plus the symbol and the gaps around it.
        width = entry_width or 0.55 * FONT_SIZE * len(name) + 50
        if used and used + width > _NARROW_PLOT_PX:
            rows, used = rows + 1, 0.0
        used += width
    return 30 + 27 * rows


# A follow-up entry's mark: a shape no mark of the plan uses, filled with its status's colour.
FOLLOW_UP_SYMBOL = "hexagon"
FOLLOW_UP_SIZE = 17


def follow_up_traces(
    rows: Sequence[TimelineRow], y_labels: Sequence[str], data: PlanData, language: str
) -> list[go.BaseTraceType]:
    """One trace per status today among the rows' follow-up entries, apart from the plan's marks.

    Each dated entry is a mark at its own date on its initiative's row, coloured by its status;
    the hover gives the status, the date, the entry's text and its source. An entry whose source
    gives no date has no mark (a mark at the day its source was read would pose as an event);
    the timeline page lists it under the chart. The traces carry no customdata: they are not
    marks of the plan.
    """
    heading = t("followup.heading", language)
    source_label = t("common.source", language)
    points: dict[str, _Points] = {}
    for row, label in zip(rows, y_labels, strict=True):
        for entry in data.follow_up_entries(row.initiative_id):
            if entry.date is None:
                continue
            slug = status_slug(entry.status)
            status = follow_up_label(slug, language)
            date = format_partial_date(entry.date, language)
            hover = "<br>".join(
                [
                    f"<b>{wrap_text(row.rubrik)}</b>",
                    inert.plotly(f"{heading}: {status} ({date})"),
                    wrap_text(entry.text),
                    wrap_text(f"{source_label}: {source_text(entry, language).line()}"),
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
