"""The timeline chart: what a reader of the "Tidslinje" page sees, checked on the figure itself.

Expectations come from the shipped data (the initiatives' own timelines), not from counts typed in
here, so that a change to action_plan.yaml is followed rather than fought.
"""

from __future__ import annotations

import datetime as dt
import html

import plotly.graph_objects as go
import pytest

from soderort.loading import PlanData
from soderort.model import Status
from soderort.palette import QUALITATIVE
from soderort.readings import shown_text
from soderort.render.timeline_chart import build_timeline_figure
from soderort.render.timeline_rows import (
    HORIZON_YEAR,
    TimelineRow,
    date_position,
    shorten,
    timeline_rows,
    unknown_time,
)

TODAY = dt.date(2026, 11, 27)


@pytest.fixture(scope="module")
def figure(plan_data: PlanData) -> go.Figure:
    return build_timeline_figure(plan_data, plan_data.initiatives, today=TODAY)


@pytest.fixture(scope="module")
def rows_by_id(plan_data: PlanData) -> dict[str, TimelineRow]:
    return {row.initiative_id: row for row in timeline_rows(plan_data, plan_data.initiatives)}


def timed(plan_data: PlanData) -> list:
    return [item for item in plan_data.initiatives if not item.timeline.is_unknown]


def marks(fig: go.Figure) -> list[tuple[str, str, int | None, float, str, str, go.BaseTraceType]]:
    """Every drawn mark: (initiative id, kind, year, x, y, hover text, trace)."""
    found = []
    for trace in fig.data:
        if trace.customdata is None:
            continue
        for index, (ident, kind, year) in enumerate(trace.customdata):
            found.append(
                (ident, kind, year, trace.x[index], trace.y[index], trace.hovertext[index], trace)
            )
    return found


def y_label(fig: go.Figure, initiative_id: str) -> str:
    labels = {ident: y for ident, _, _, _, y, _, _ in marks(fig)}
    return labels[initiative_id]


def legend_names(fig: go.Figure, legend: str = "legend") -> list[str]:
    return [t.name for t in fig.data if t.showlegend and (t.legend or "legend") == legend]


# ----------------------------------------------------------------------------------- rows


def test_rows_follow_the_plan_order_whatever_order_they_are_given_in(plan_data) -> None:
    given = list(reversed(plan_data.initiatives))
    rows = timeline_rows(plan_data, given)
    assert [r.initiative_id for r in rows] == [i.id for i in plan_data.initiatives]


def test_rows_carry_the_stated_years_and_nothing_more(plan_data, rows_by_id) -> None:
    for item in plan_data.initiatives:
        row = rows_by_id[item.id]
        assert (row.start, row.end) == (item.timeline.start, item.timeline.target)
        assert row.years == item.timeline.years
        assert row.has_time is not item.timeline.is_unknown
        assert row.tidplan == item.tidplan
    kungens = rows_by_id["kungens-kurva-skarholmen"]
    assert (kungens.start, kungens.end) == (None, None)
    assert kungens.start_period is not None
    assert (kungens.start_period.first, kungens.start_period.last) == (2000, 2009)
    assert rows_by_id["fler-arbetsplatser"].milestones == (
        (2015, "Delmål 82 %"),
        (2020, "Delmål 85 %"),
    )


def test_rows_name_every_leading_body(rows_by_id) -> None:
    assert rows_by_id["samverkan-sodertorn"].lead_committees == (
        "Kommunstyrelsen",
        "Stockholm Business Region",
    )


# ---------------------------------------------------------------------------- unknown time


def test_unknown_time_lists_exactly_the_initiatives_without_a_year(plan_data) -> None:
    expected = [item.id for item in plan_data.initiatives if item.timeline.is_unknown]
    assert expected, "the shipped plan has initiatives without a year; the list must show them"
    assert [item.id for item in unknown_time(plan_data, plan_data.initiatives)] == expected


def test_unknown_time_respects_the_filter(plan_data) -> None:
    subset = [plan_data.initiative("centrumutveckling"), plan_data.initiative("skrubba-lask")]
    assert [item.id for item in unknown_time(plan_data, subset)] == ["skrubba-lask"]


# ------------------------------------------------------------------------------ the rows


def test_one_row_per_initiative_with_a_stated_time_in_plan_order(plan_data, figure) -> None:
    categories = list(figure.layout.yaxis.categoryarray)
    assert len(categories) == len(timed(plan_data))
    assert len(set(categories)) == len(categories)
    drawn_order = list(dict.fromkeys(ident for ident, *_ in marks(figure)))
    assert sorted(drawn_order) == sorted(item.id for item in timed(plan_data))
    # The first initiative is at the top: the axis runs downwards through the plan's order.
    assert [y_label(figure, item.id) for item in timed(plan_data)] == categories
    assert figure.layout.yaxis.range[0] > figure.layout.yaxis.range[1]


def test_initiatives_without_a_year_get_no_row(plan_data, figure) -> None:
    drawn = {ident for ident, *_ in marks(figure)}
    for item in unknown_time(plan_data, plan_data.initiatives):
        assert item.id not in drawn


def test_bars_only_where_start_and_target_are_both_stated(plan_data, figure) -> None:
    bars = {ident for ident, kind, *_ in marks(figure) if kind == "period"}
    expected = {
        item.id
        for item in plan_data.initiatives
        if item.timeline.start is not None and item.timeline.target is not None
    }
    assert bars == expected
    assert "centrumutveckling" in bars
    for ident, kind, _, x, _, _, trace in marks(figure):
        if kind == "period":
            item = plan_data.initiative(ident)
            assert isinstance(trace, go.Bar)
            # A bar covers its years whole: "Utredning under 2010" is the year 2010.
            start = trace.base[list(trace.x).index(x)]
            assert start == item.timeline.start - 0.5
            assert start + x == item.timeline.target + 0.5


def test_no_bar_for_an_initiative_with_only_a_target_or_only_a_start(plan_data, figure) -> None:
    solid = {ident for ident, kind, *_ in marks(figure) if kind == "period"}
    for item in plan_data.initiatives:
        if (item.timeline.start is None) != (item.timeline.target is None):
            assert item.id not in solid
    kinds = {(ident, kind) for ident, kind, *_ in marks(figure)}
    assert ("hela-soderort", "target") in kinds
    assert ("sociala-foretag", "start") in kinds


def test_an_ongoing_start_runs_on_to_2030_drawn_differently(plan_data, figure) -> None:
    open_ended = {}
    for ident, kind, _, x, _, _, trace in marks(figure):
        if kind == "open_ended":
            open_ended[ident] = trace.base[list(trace.x).index(x)] + x
    expected = {
        item.id
        for item in plan_data.initiatives
        if item.timeline.earliest_start is not None
        and item.timeline.target is None
        and item.timeline.status in (Status.ONGOING, Status.STARTED)
    }
    assert set(open_ended) == expected
    assert {"kungens-kurva-skarholmen", "straket-globen-norvik"} <= expected
    assert all(end == HORIZON_YEAR + 0.5 for end in open_ended.values())
    # "Påbörjas 2010" is a plan, not work under way: no line into the future.
    assert "sociala-foretag" not in open_ended
    solid = next(t for t in figure.data if t.customdata and t.customdata[0][1] == "period")
    faded = next(t for t in figure.data if t.customdata and t.customdata[0][1] == "open_ended")
    assert faded.marker.pattern.shape and not solid.marker.pattern.shape
    assert faded.width < solid.width
    assert "Pågår, inget slutår angivet" in legend_names(figure, "legend2")


def test_fler_arbetsplatser_milestones_and_target_are_markers(figure) -> None:
    found = {
        (kind, year, x, y): hover
        for ident, kind, year, x, y, hover, _ in marks(figure)
        if ident == "fler-arbetsplatser"
    }
    row = y_label(figure, "fler-arbetsplatser")
    assert set(found) == {
        ("milestone", 2015, 2015, row),
        ("milestone", 2020, 2020, row),
        ("target", 2030, 2030, row),
    }
    assert "Delmål 82 %" in found[("milestone", 2015, 2015, row)]
    assert "Delmål 85 %" in found[("milestone", 2020, 2020, row)]
    assert "Uppnått (minst 90 %)" in found[("target", 2030, 2030, row)]


def test_a_start_period_is_drawn_as_the_whole_period_then_ongoing(figure) -> None:
    kungens = [m for m in marks(figure) if m[0] == "kungens-kurva-skarholmen"]
    by_kind = {kind: (x, hover, trace) for _, kind, _, x, _, hover, trace in kungens}
    # No mark at a single start year: the span 2000–2009 as a bar, then the open-ended bar.
    assert set(by_kind) == {"start_period", "open_ended", "open_ended_arrow"}
    width, hover, trace = by_kind["start_period"]
    index = [tuple(c) for c in trace.customdata].index(
        ("kungens-kurva-skarholmen", "start_period", 2000)
    )
    assert (trace.base[index], width) == (1999.5, 10.0)
    assert "början av 2000-talet (2000–2009)" in hover.replace("<br>", " ")
    assert "≈" not in hover
    _, _, open_trace = by_kind["open_ended"]
    index = [c[0] for c in open_trace.customdata].index("kungens-kurva-skarholmen")
    assert open_trace.base[index] == 2009.5
    assert any(entry.name == "Start någon gång under perioden" for entry in figure.data)
    low, high = figure.layout.xaxis.range
    assert low <= 1999.5 and high >= HORIZON_YEAR + 0.5


def test_axis_spans_2009_to_2030_without_an_early_start(plan_data) -> None:
    subset = [plan_data.initiative("sociala-foretag")]
    low, high = build_timeline_figure(plan_data, subset, today=TODAY).layout.xaxis.range
    assert 2008 <= low <= 2008.5
    assert HORIZON_YEAR + 0.5 <= high <= HORIZON_YEAR + 1.5


# --------------------------------------------------------------------------------- hover


def test_hover_holds_the_verbatim_tidplan_and_the_full_heading(plan_data, figure) -> None:
    hovers: dict[str, list[str]] = {}
    for ident, _, _, _, _, hover, _ in marks(figure):
        hovers.setdefault(ident, []).append(hover)
    for item in timed(plan_data):
        assert item.tidplan
        # Hover lines break at spaces (plotly's boxes do not wrap): the words are the plan's.
        assert all(
            html.escape(item.tidplan) in text.replace("<br>", " ") for text in hovers[item.id]
        ), item.id
    farsta = plan_data.initiative("farsta-tyngdpunkt")
    label = y_label(figure, "farsta-tyngdpunkt")
    assert label.endswith("…") and len(label) < len(farsta.rubrik)
    flattened = hovers["farsta-tyngdpunkt"][0].replace("<br>", " ")
    heading = shown_text(farsta, "rubrik", "sv")
    assert "Farsta large" in heading
    assert html.escape(" ".join(heading.split())) in flattened


def test_shorten_keeps_short_headings_and_cuts_long_ones_at_a_word() -> None:
    assert shorten("Centrumutveckling") == "Centrumutveckling"
    cut = shorten("Söderstaden inklusive överdäckning av Nynäsvägen", limit=30)
    assert cut == "Söderstaden inklusive…"


# ----------------------------------------------------------------------------- date lines


def date_lines(fig: go.Figure) -> dict[str, float]:
    return {shape.name: shape.x0 for shape in fig.layout.shapes if shape.x0 == shape.x1}


def annotation_texts(fig: go.Figure) -> list[str]:
    return [a.text for a in fig.layout.annotations]


def test_today_and_plan_date_lines_are_drawn_and_labelled(figure) -> None:
    lines = date_lines(figure)
    today_x = lines["I dag (2026-11-27)"]
    plan_x = lines["Planens datum (2010-04-15)"]
    assert 2025.5 < today_x < 2026.5  # late November: near the end of 2026's span
    assert today_x == pytest.approx(date_position(TODAY))
    # Mid-April sits in the first third of 2010, which spans 2009.5–2010.5 on the axis.
    assert 2009.5 < plan_x < 2010.0
    texts = " ".join(annotation_texts(figure))
    assert "I dag" in texts and "Planens datum" in texts


def test_today_defaults_to_the_current_date(plan_data) -> None:
    fig = build_timeline_figure(plan_data, plan_data.initiatives)
    today = dt.date.today()
    assert date_lines(fig)[f"I dag ({today.isoformat()})"] == pytest.approx(date_position(today))


def test_date_position_places_a_date_within_its_year() -> None:
    assert date_position(dt.date(2015, 1, 1)) == pytest.approx(2014.5, abs=0.01)
    assert date_position(dt.date(2015, 12, 31)) == pytest.approx(2015.5, abs=0.01)
    assert date_position(dt.date(2015, 7, 2)) == pytest.approx(2015.0, abs=0.01)


def test_english_labels(plan_data) -> None:
    fig = build_timeline_figure(plan_data, plan_data.initiatives, language="en", today=TODAY)
    assert fig.layout.xaxis.title.text == "Year"
    assert "Theme" in fig.layout.legend.title.text
    assert "More workplaces" in legend_names(fig)
    assert {"Today (2026-11-27)", "Plan dated (2010-04-15)"} <= set(date_lines(fig))
    assert "Ongoing, no end year stated" in legend_names(fig, "legend2")
    hover = next(h for i, _, _, _, _, h, _ in marks(fig) if i == "fler-arbetsplatser")
    # Interface words in English, the plan's own words in Swedish.
    assert "Timeline" in hover and "Uppnått 2030" in hover


# -------------------------------------------------------------------------------- colours


def group_colour(trace: go.BaseTraceType) -> str:
    # The faded bars of ongoing work are a tint of the group's colour, hatched in the colour.
    if isinstance(trace, go.Bar) and trace.marker.pattern.shape:
        return trace.marker.pattern.fgcolor
    return trace.marker.color


def colour_of(fig: go.Figure, initiative_id: str) -> str:
    colours = {group_colour(t) for i, _, _, _, _, _, t in marks(fig) if i == initiative_id}
    assert len(colours) == 1, colours
    return colours.pop()


def test_colour_by_theme_uses_the_first_theme(plan_data, figure) -> None:
    assert "Tema" in figure.layout.legend.title.text
    names = legend_names(figure)
    first_themes = {plan_data.themes[item.themes[0]].name for item in timed(plan_data)}
    assert set(names) == first_themes
    assert colour_of(figure, "hela-soderort") == colour_of(figure, "kommunala-arbetsplatser")
    assert colour_of(figure, "hela-soderort") != colour_of(figure, "miljoteknik-hogdalen")


def test_colour_by_committee_changes_title_and_groups(plan_data, figure) -> None:
    fig = build_timeline_figure(plan_data, plan_data.initiatives, "committee", today=TODAY)
    assert "Ansvarig" in fig.layout.legend.title.text
    first_leads = {
        plan_data.committees[item.lead_committees()[0]].name for item in timed(plan_data)
    }
    assert set(legend_names(fig)) == first_leads
    assert set(legend_names(fig)) != set(legend_names(figure))
    # Same theme, different lead: one colour by theme, two by committee.
    assert colour_of(figure, "hela-soderort") == colour_of(figure, "kommunala-arbetsplatser")
    assert colour_of(fig, "hela-soderort") != colour_of(fig, "kommunala-arbetsplatser")


def test_colours_are_colour_blind_safe_and_stay_put_when_filtering(plan_data, figure) -> None:
    used = {group_colour(t) for t in figure.data if t.customdata is not None}
    assert used <= set(QUALITATIVE)
    subset = [plan_data.initiative("miljoteknik-hogdalen")]
    alone = build_timeline_figure(plan_data, subset, today=TODAY)
    assert colour_of(alone, "miljoteknik-hogdalen") == colour_of(figure, "miljoteknik-hogdalen")


def test_clicking_a_legend_entry_toggles_the_whole_group(figure) -> None:
    entry = next(t for t in figure.data if t.showlegend and t.legend == "legend")
    grouped = [
        t for t in figure.data if t.customdata is not None and t.legendgroup == entry.legendgroup
    ]
    assert grouped and all(group_colour(t) == entry.marker.color for t in grouped)


# ------------------------------------------------------------------------- look and size


def test_readable_white_and_self_contained(figure) -> None:
    layout = figure.layout
    assert layout.font.size >= 14
    assert layout.xaxis.tickfont.size >= 14 and layout.yaxis.tickfont.size >= 14
    assert layout.hoverlabel.font.size >= 14
    assert layout.paper_bgcolor == "white" and layout.plot_bgcolor == "white"
    assert not layout.title.text
    assert not layout.images
    assert {t.type for t in figure.data} <= {"bar", "scatter"}


def test_height_grows_with_the_number_of_rows(plan_data, figure) -> None:
    few = build_timeline_figure(plan_data, timed(plan_data)[:2], today=TODAY)
    assert figure.layout.height > few.layout.height + 10 * 30


def test_empty_selection_gives_a_figure_with_a_message(plan_data) -> None:
    fig = build_timeline_figure(plan_data, [], today=TODAY)
    assert "Inga initiativ med angiven tid" in annotation_texts(fig)
    assert not marks(fig)
    fig.to_json()  # serialisable, as st.plotly_chart needs
    only_unknown = unknown_time(plan_data, plan_data.initiatives)
    fig = build_timeline_figure(plan_data, only_unknown, language="en", today=TODAY)
    assert "No initiatives with a stated time" in annotation_texts(fig)


def test_unknown_options_are_refused(plan_data) -> None:
    with pytest.raises(ValueError, match="colour_by"):
        build_timeline_figure(plan_data, plan_data.initiatives, colour_by="place")
    with pytest.raises(ValueError, match="language"):
        build_timeline_figure(plan_data, plan_data.initiatives, language="de")
