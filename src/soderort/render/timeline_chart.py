"""The plan over time, drawn with Plotly for the "Tidslinje" page (rows: `timeline_rows`).

The figure is self-contained: no map tiles, no fonts or scripts from elsewhere, so Streamlit's
bundled plotly.js renders it as it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import plotly.graph_objects as go

from soderort import inert
from soderort.i18n import LANGUAGES, chart_labels
from soderort.i18n.frontend import WORDS
from soderort.model import Initiative
from soderort.palette import (
    FAINT_GRID_COLOUR,
    MARK_OUTLINE_COLOUR,
    MINOR_GRID_COLOUR,
    NEUTRAL_MARK_COLOUR,
    PLAN_DATE_COLOUR,
    RULE_COLOUR,
    TODAY_COLOUR,
)

if TYPE_CHECKING:
    from soderort.loading import PlanData
from soderort.render.timeline_rows import (
    FIRST_YEAR,
    HORIZON_YEAR,
    ColourBy,
    date_position,
    timeline_rows,
    unique_labels,
)
from soderort.render.timeline_traces import (
    FONT_SIZE,
    SYMBOL_ENTRY_WIDTH,
    collect_points,
    colour_groups,
    follow_up_traces,
    group_key,
    group_trace,
    legend_height,
    symbol_legend_entries,
)

ROW_HEIGHT_PX = 44


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
    y_labels = unique_labels(rows)
    groups = colour_groups(data, colour_by, language)
    marks = collect_points(rows, y_labels, data, colour_by, language)

    fig = go.Figure()
    _base_layout(fig, labels)

    # Colour legend: one entry per group present; clicking it hides or shows that group's marks.
    present = list(dict.fromkeys(group_key(row, colour_by) for row in rows))
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
                fig.add_trace(group_trace(kind, marks[(key, kind)], group, group.name))

    kinds = {kind for _, kind in marks}
    symbol_entries = symbol_legend_entries(kinds, labels)
    for entry in symbol_entries:
        fig.add_trace(entry)
    follow_ups = follow_up_traces(rows, y_labels, data, language)
    for entry in follow_ups:
        fig.add_trace(entry)
    symbol_entries = [*symbol_entries, *follow_ups]
    today_name = f"{labels['today']} ({today.isoformat()})"
    plan_name = f"{labels['plan_date']} ({data.document.date.isoformat()})"

    # The legends sit above and below the rows and wrap at the plot's width, which is not known
    # here; the height makes room for them as they wrap on a narrow page (a plot about 420 px wide
    # beside the headings), so that the rows keep their height there and get a little more air on
    # a wide one. A band above the first row holds the labels of the date lines.
    colour_legend = legend_height([groups[key].name for key in ordered])
    symbol_names = [entry.name for entry in symbol_entries] + [today_name, plan_name]
    symbol_legend = legend_height(symbol_names, entry_width=SYMBOL_ENTRY_WIDTH)
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
        legend=_container_legend(legend_title, "top", groupclick="togglegroup"),
        legend2=_container_legend(
            labels["legend_symbols"],
            "bottom",
            entrywidth=SYMBOL_ENTRY_WIDTH,
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


def _container_legend(
    title: str, edge: str, entrywidth: int | None = None, **extra: Any
) -> dict[str, Any]:
    """Lay out a horizontal legend at the figure's top or bottom edge, from its left edge."""
    legend: dict[str, Any] = {"title": dict(text=f"<b>{title}</b>", side="top left")}
    if entrywidth is not None:
        legend["entrywidth"] = entrywidth
    return dict(
        legend,
        orientation="h",
        # From the figure's left edge, not the plot's: the headings leave the plot too little
        # width for long committee names.
        x=0,
        xanchor="left",
        xref="container",
        y=1 if edge == "top" else 0,
        yanchor=edge,
        yref="container",
        font=dict(size=FONT_SIZE),
        itemsizing="constant",
        **extra,
    )


def _date_line(fig: go.Figure, x: float, legend_name: str, label: str, is_today: bool) -> None:
    """Draw a vertical date line across the rows, labelled in the band above them."""
    colour = TODAY_COLOUR if is_today else PLAN_DATE_COLOUR
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


# Plotly's own button names that the chart shows (its mode bar, Streamlit's full-screen button).
_MODE_BAR_WORDS = ("Download plot as a PNG", "Download plot", "Fullscreen", "Exit fullscreen")


def chart_config(language: str) -> dict[str, Any]:
    """Configure Plotly for the chart: no logo, the mode bar's names in the language.

    Plotly looks a button's name up in the configured locale's dictionary (`config.locales`),
    so the Swedish names need no locale file of Plotly's served.
    """
    config: dict[str, Any] = {"displaylogo": False}
    if language == "sv":
        words = {word: WORDS[word] for word in _MODE_BAR_WORDS if word in WORDS}
        config.update(locale="sv", locales={"sv": {"dictionary": words}})
    return config
