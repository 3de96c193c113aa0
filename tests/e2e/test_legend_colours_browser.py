"""Every colour the map draws is in its legend, as drawn: each place's fill at its opacity (a
wide area like "Hela Söderort" is a light tint of its colour) has a swatch of the same tone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.e2e.walk import map_frame, open_page

pytestmark = pytest.mark.e2e

# Each filled shape's colour and opacity, and each swatch's, as rgba numbers.
TONES = """() => {
    const rgba = c => { const v = c.match(/[\\d.]+/g).map(Number);
        return [v[0], v[1], v[2], v.length > 3 ? v[3] : 1]; };
    const hex = h => [1, 3, 5].map(i => parseInt(h.slice(i, i + 2), 16));
    const drawn = [...document.querySelectorAll('path.leaflet-interactive')]
        .filter(p => p.getAttribute('fill') && p.getAttribute('fill') !== 'none')
        .map(p => [...hex(p.getAttribute('fill')), Number(p.getAttribute('fill-opacity'))]);
    const legend = [...document.querySelectorAll('.sod-legend i')]
        .map(i => getComputedStyle(i).backgroundColor)
        .filter(c => c !== 'rgba(0, 0, 0, 0)').map(rgba);
    return {drawn, legend};
}"""


def _key(tone: list[float]) -> tuple[int, int, int, float]:
    red, green, blue, alpha = tone
    return (round(red), round(green), round(blue), round(alpha, 2))


@pytest.mark.parametrize("colour", ["", "?colour=theme", "?colour=follow_up"])
def test_every_drawn_colour_is_in_the_legend(
    page: Page, server: str, artifacts, colour: str
) -> None:
    page.set_viewport_size({"width": 1400, "height": 900})
    open_page(page, f"{server}/{colour}")
    tones = map_frame(page).evaluate(TONES)
    page.screenshot(path=str(artifacts / f"legend-{colour.rpartition('=')[2] or 'count'}.png"))
    drawn = {_key(tone) for tone in tones["drawn"]}
    legend = {_key(tone) for tone in tones["legend"]}
    assert drawn, tones
    assert drawn <= legend, sorted(drawn - legend)
