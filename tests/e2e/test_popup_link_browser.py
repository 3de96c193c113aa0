"""The popup's "Öppna områdessidan →" clicked in every map of the app leads to that place's page.

The maps live in Streamlit's sandboxed component frame, where a link may not navigate the page;
only a click in a real browser shows that the link arrives.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.walk import MAP_IFRAME, map_frame, open_page

pytestmark = pytest.mark.e2e

OPEN_PLACE = "Öppna områdessidan"
# A point of the map, clear of the controls, where the topmost shape is Hela Söderort's.
WIDE_AREA_POINT = """() => {
    const map = window.map, size = map.getSize();
    const owner = el => {
        let found = null;
        map.eachLayer(l => { if (l.getElement && l.getElement() === el) { found = l; } });
        return found;
    };
    const frame = document.querySelector('.leaflet-container').getBoundingClientRect();
    for (let x = 70; x < size.x - 260; x += 6) {
        for (let y = 70; y < size.y - 70; y += 6) {
            const hit = owner(document.elementFromPoint(frame.left + x, frame.top + y));
            if (hit && hit.feature && hit.feature.properties.id === 'hela-soderort') {
                return {x, y};
            }
        }
    }
    return null;
}"""


def open_popup(page: Page, place_id: str):
    """Click a place's name on the map, as a reader does, and return its open popup."""
    page.frame_locator(MAP_IFRAME).locator(f'.sod-label[data-place="{place_id}"]').click()
    popup = page.frame_locator(MAP_IFRAME).locator(".leaflet-popup")
    expect(popup.locator(f'.sod-popup[data-place="{place_id}"]')).to_be_visible()
    return popup


def test_the_map_pages_popup_link_opens_the_place_page_with_the_filters(
    page: Page, server: str, plan_data
) -> None:
    open_page(page, f"{server}/?theme=kluster")
    map_frame(page)  # the map is drawn
    popup = open_popup(page, "hogdalen")
    popup.get_by_role("link", name=OPEN_PLACE).click()

    expect(page).to_have_url(re.compile(r"/omrade\?"))
    expect(page).to_have_url(re.compile(r"[?&]place=hogdalen\b"))
    expect(page).to_have_url(re.compile(r"[?&]theme=kluster\b"))
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Högdalens industriområde", level=1)).to_be_visible()


def test_the_place_pages_map_links_to_another_place(page: Page, server: str, plan_data) -> None:
    open_page(page, f"{server}/omrade?place=farsta")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Farsta", level=1)).to_be_visible(timeout=90_000)
    frame = map_frame(page)
    # Inside Söderort but outside Farsta: the click lands on Hela Söderort, drawn underneath.
    point = frame.evaluate(WIDE_AREA_POINT)
    assert point is not None
    box = page.locator(MAP_IFRAME).bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    popup = page.frame_locator(MAP_IFRAME).locator(".leaflet-popup")
    expect(popup.locator('.sod-popup[data-place="hela-soderort"]')).to_be_visible()
    popup.get_by_role("link", name=OPEN_PLACE).click()

    expect(page).to_have_url(re.compile(r"/omrade\?place=hela-soderort$"))
    expect(main.get_by_role("heading", name="Hela Söderort", level=1)).to_be_visible()


def test_the_presentations_map_links_to_the_place_page(page: Page, server: str, plan_data) -> None:
    open_page(page, f"{server}/presentation?area=hogdalen&slide=2")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Högdalens industriområde")).to_be_visible(
        timeout=90_000
    )
    frame = map_frame(page)
    frame.wait_for_function("() => !window.map._animatingZoom && !window.map._panAnim?._inProgress")
    popup = open_popup(page, "hogdalen")
    popup.get_by_role("link", name=OPEN_PLACE).press("Enter")

    expect(page).to_have_url(re.compile(r"/omrade\?"))
    expect(page).to_have_url(re.compile(r"[?&]place=hogdalen\b"))
    expect(page).to_have_url(re.compile(r"[?&]area=hogdalen\b"))
    expect(main.get_by_role("heading", name="Högdalens industriområde", level=1)).to_be_visible()
