"""One set of colours: map, legend, printed map and timeline agree, and text stays legible."""

from __future__ import annotations

import html
import io
import re

import pytest
from PIL import Image

from soderort import palette
from soderort.facts import count_by_place
from soderort.loading import PlanData
from soderort.render import map_layers, print_map
from soderort.render.timeline_chart import build_timeline_figure
from tests.place_layer import place_fills


def rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


@pytest.mark.parametrize(("where", "text", "background"), palette.TEXT_ON_BACKGROUND)
def test_text_colours_reach_wcag_aa(where: str, text: str, background: str) -> None:
    assert palette.contrast_ratio(text, background) >= palette.AA_TEXT_CONTRAST, where


def test_contrast_ratio_matches_wcag_examples() -> None:
    assert palette.contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert palette.contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def legend_swatches(legend: str) -> list[tuple[str, str]]:
    """(colour, label) of each labelled swatch in the map's legend HTML, the colour in hex."""
    swatch = r'<i style="background:rgba\((\d+), (\d+), (\d+), [\d.]+\)"></i>([^<]*)</div>'
    return [
        (f"#{int(r):02x}{int(g):02x}{int(b):02x}", html.unescape(label))
        for r, g, b, label in re.findall(swatch, legend)
    ]


def test_map_fills_and_legend_use_the_count_bins(plan_data: PlanData) -> None:
    counts = count_by_place(plan_data, plan_data.initiatives)
    fills = place_fills(map_layers.build_place_layer(plan_data, plan_data.initiatives))
    assert set(fills) == set(plan_data.places.index)
    for place, fill in fills.items():
        if fill is not None:  # the corridor is a line, coloured as a corridor
            assert fill == palette.count_colour(counts[place]), place
    legend = legend_swatches(map_layers.legend_html(plan_data, "count", "sv"))
    assert legend == [
        (colour, palette.count_bin_label(low, high)) for low, high, colour in palette.COUNT_BINS
    ]


@pytest.mark.parametrize("count", [1, 2, 3, 5])
def test_printed_map_fills_a_place_as_the_screen_does(plan_data: PlanData, count: int) -> None:
    # `count` initiatives on Telefonplan alone: the printed fill is the screen's bin colour,
    # not a shade stretched to the highest count (2 was #4292c6 on screen, #a9cfe5 on paper).
    items = [
        item.model_copy(update={"places": ["telefonplan"]})
        for item in plan_data.initiatives[:count]
    ]
    png = print_map.render_map_png(plan_data, items, place_id="telefonplan")
    image = Image.open(io.BytesIO(png)).convert("RGB")
    pixel = image.getpixel((image.width // 2, image.height // 2 + 60))
    assert pixel == rgb(palette.count_colour(count))


def test_a_theme_has_one_colour_on_map_legend_and_timeline(plan_data: PlanData) -> None:
    map_legend = dict(
        (label, colour)
        for colour, label in legend_swatches(map_layers.legend_html(plan_data, "theme", "sv"))
    )
    figure = build_timeline_figure(plan_data, plan_data.initiatives, "theme", "sv")
    timeline = {
        html.unescape(trace.name): trace.marker.color
        for trace in figure.data
        if trace.showlegend and (trace.legend or "legend") == "legend"
    }
    assert timeline
    for name, colour in timeline.items():
        assert map_legend[name] == colour.lower(), name
    # The example: kluster was #CC79A7 on the map and #D55E00 on the timeline.
    kluster = plan_data.theme_name("kluster", "sv")
    if kluster in timeline:
        assert timeline[kluster].lower() == map_legend[kluster]
