"""The presentation on a projector: every slide fits the screen in type a room can read, the
keys step the slides wherever the focus is (also after a click into the map), the whole page goes
to full screen, the slide map names its places and leaves no tooltip behind.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from soderort.render.map_positions import label_point
from tests.e2e.walk import MAP_IFRAME, map_frame, open_page

pytestmark = pytest.mark.e2e

COUNTER = re.compile(r"\bBild (\d+) av (\d+)")
# How far the page would scroll, and the smallest type in the slide's text.
MEASURE = """() => {
    const main = document.querySelector('[data-testid="stMain"]');
    const texts = [...document.querySelectorAll('.st-key-presentation_slide :is(p, li, td, th)')];
    const sizes = texts.map(e => parseFloat(getComputedStyle(e).fontSize));
    return {overflow: Math.max(main.scrollHeight - main.clientHeight,
                               document.documentElement.scrollHeight - window.innerHeight),
            smallest: sizes.length ? Math.min(...sizes) : null};
}"""


def projector(browser: Browser, width: int, height: int) -> Page:
    context = browser.new_context(viewport={"width": width, "height": height}, locale="sv-SE")
    return context.new_page()


def counter(page: Page) -> tuple[int, int]:
    text = page.get_by_text(COUNTER).inner_text()
    number, total = COUNTER.search(text).groups()
    return int(number), int(total)


def expect_slide(page: Page, number: int) -> None:
    expect(page.get_by_text(re.compile(rf"\bBild {number} av"))).to_be_visible()
    expect(page).to_have_url(re.compile(rf"[?&]slide={number}(&|$)"))


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1920, 1080)])
def test_every_slide_fits_the_screen_in_large_type(
    browser: Browser, server: str, width: int, height: int, artifacts
) -> None:
    page = projector(browser, width, height)
    open_page(page, f"{server}/presentation")
    expect(page.get_by_text(COUNTER)).to_be_visible(timeout=90_000)
    map_frame(page)
    _, total = counter(page)
    for number in range(1, total + 1):
        if number > 1:
            page.keyboard.press("ArrowRight")
            expect_slide(page, number)
            page.wait_for_timeout(300)  # the slide's text is drawn with the counter
        measured = page.evaluate(MEASURE)
        assert measured["overflow"] <= 0, (number, measured)
        assert measured["smallest"] is None or measured["smallest"] >= 28, (number, measured)
        if number in (1, 2):
            page.screenshot(path=str(artifacts / f"projector-{width}x{height}-slide{number}.png"))
    page.context.close()


def test_keys_step_the_slides_after_a_click_into_the_map(
    browser: Browser, server: str, plan_data
) -> None:
    page = projector(browser, 1280, 720)
    open_page(page, f"{server}/presentation")
    frame = map_frame(page)
    expect_slide_one = page.get_by_text(re.compile(r"\bBild 1 av"))
    expect(expect_slide_one).to_be_visible()

    page.keyboard.press("ArrowRight")  # the focus on the page
    expect_slide(page, 2)
    # A click into the map, as a presenter pointing at a place does: the keys then go to the
    # map's frame.
    lat, lon = label_point(plan_data, "hela-soderort")
    point = frame.evaluate(
        "([lat, lon]) => window.map.latLngToContainerPoint([lat, lon])", [lat, lon]
    )
    box = page.locator(MAP_IFRAME).bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"] + 30)
    assert frame.evaluate("() => document.hasFocus()")
    page.keyboard.press("ArrowRight")
    expect_slide(page, 3)
    page.keyboard.press("PageDown")
    expect_slide(page, 4)
    page.keyboard.press("PageUp")
    expect_slide(page, 3)
    page.keyboard.press("ArrowLeft")
    expect_slide(page, 2)
    page.context.close()


def test_the_whole_presentation_goes_full_screen(browser: Browser, server: str) -> None:
    page = projector(browser, 1280, 720)
    open_page(page, f"{server}/presentation")
    map_frame(page)
    full = "() => document.fullscreenElement === document.documentElement"
    page.get_by_role("button", name="Helskärm").click()
    page.wait_for_function(full)
    page.get_by_role("button", name="Helskärm").click()
    page.wait_for_function("() => document.fullscreenElement === null")

    # F, also with the focus in the map.
    page.keyboard.press("f")
    page.wait_for_function(full)
    box = page.locator(MAP_IFRAME).bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] - 80)
    page.keyboard.press("f")
    page.wait_for_function("() => document.fullscreenElement === null")
    page.context.close()


def test_the_slide_map_names_its_places_and_drops_its_tooltips(
    browser: Browser, server: str, plan_data
) -> None:
    page = projector(browser, 1280, 720)
    open_page(page, f"{server}/presentation")
    frame = map_frame(page)
    fl = page.frame_locator(MAP_IFRAME)
    page.wait_for_timeout(500)
    named = frame.evaluate(
        """() => [...document.querySelectorAll('.sod-label')].filter(l =>
            getComputedStyle(l.querySelector('.sod-name')).display !== 'none')
            .map(l => { const r = l.getBoundingClientRect();
                return {place: l.dataset.place, box: [r.left, r.top, r.right, r.bottom]}; })"""
    )
    # Most places are named on the whole-Söderort map, and no two names cover each other.
    assert len(named) >= len(plan_data.places) - 2, named
    for i, a in enumerate(named):
        for b in named[i + 1 :]:
            (al, at, ar, ab), (bl, bt, br, bb) = a["box"], b["box"]
            assert ar <= bl or br <= al or ab <= bt or bb <= at, (a, b)

    # A tooltip under a resting pointer goes when the slide moves the map, and when the
    # pointer leaves the map.
    lat, lon = label_point(plan_data, "farsta")
    point = frame.evaluate(
        "([lat, lon]) => window.map.latLngToContainerPoint([lat, lon])", [lat, lon]
    )
    box = page.locator(MAP_IFRAME).bounding_box()
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"] + 12)
    tooltip = fl.locator(".leaflet-tooltip")
    expect(tooltip).to_have_count(1)
    page.mouse.move(box["x"] + box["width"] + 40, box["y"] + 40)
    expect(tooltip).to_have_count(0)
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"] + 12)
    expect(tooltip).to_have_count(1)
    open_page(page, f"{server}/presentation?area=hogdalen")  # slide 2 flies to Högdalen
    frame = map_frame(page)
    page.wait_for_timeout(500)
    point = frame.evaluate(
        "([lat, lon]) => window.map.latLngToContainerPoint([lat, lon])", [lat, lon]
    )
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"] + 12)
    expect(tooltip).to_have_count(1)
    page.keyboard.press("ArrowRight")
    expect_slide(page, 2)
    expect(tooltip).to_have_count(0)
    page.context.close()
