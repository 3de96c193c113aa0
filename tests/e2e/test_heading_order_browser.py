"""The map page's headings go down one level at a time (Lighthouse's heading order): a screen
reader's list of headings has no gap between the page's title and a place's name."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.walk import open_page

pytestmark = pytest.mark.e2e

LEVELS = """() => [...document.querySelectorAll(
        '[data-testid="stMain"] :is(h1, h2, h3, h4, h5, h6)')]
    .filter(h => h.offsetParent !== null).map(h => [Number(h.tagName[1]), h.textContent])"""


@pytest.mark.parametrize("query", ["?place=hogdalen", "?area=farsta"])
def test_the_map_pages_headings_step_one_level_at_a_time(
    page: Page, server: str, query: str
) -> None:
    page.set_viewport_size({"width": 1400, "height": 900})
    open_page(page, f"{server}/{query}")
    # The list of the one place shown, under the map.
    expect(page.get_by_test_id("stMain").locator("h2").first).to_be_visible()
    headings = page.evaluate(LEVELS)
    assert headings[0][0] == 1, headings
    for (before, _), (after, text) in zip(headings, headings[1:], strict=False):
        assert after <= before + 1, (text, headings)
