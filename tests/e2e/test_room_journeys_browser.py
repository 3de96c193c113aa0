"""The planner in front of a room (1280×720): the slide keys after the "Då och nu" switch, with
screenshots in artifacts/ (look at them)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from soderort import viewstate
from soderort.livemap.presentation import build_slides
from tests.e2e.walk import MAP_IFRAME, map_frame, open_page

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("key", ["ArrowRight", "PageDown"])
def test_the_slide_keys_step_after_the_switch_is_turned(
    page: Page, server: str, artifacts, key: str
) -> None:
    page.set_viewport_size({"width": 1280, "height": 720})
    open_page(page, f"{server}/presentation?slide=2")
    switch = page.locator(f".st-key-{viewstate.SS_THEN_NOW}").locator("input")
    switch.focus()
    page.keyboard.press("Space")
    expect(switch).to_be_checked()
    page.keyboard.press(key)
    expect(page).to_have_url(re.compile(r"slide=3"))
    expect(page.locator(".sod-counter")).to_contain_text("Bild 3 av")
    page.screenshot(path=str(artifacts / f"journey-room-then-now-{key}.png"))


# How far the page would scroll, the slide's bottom, and the smallest type in the slide's text.
MEASURE_SLIDE = """() => {
    const main = document.querySelector('[data-testid="stMain"]');
    const slide = document.querySelector('.st-key-presentation_slide');
    const texts = [...slide.querySelectorAll(':is(p, li, td, th)')];
    const sizes = texts.map(e => parseFloat(getComputedStyle(e).fontSize));
    return {overflow: Math.max(main.scrollHeight - main.clientHeight,
                               document.documentElement.scrollHeight - window.innerHeight),
            bottom: slide.getBoundingClientRect().bottom,
            smallest: sizes.length ? Math.min(...sizes) : null};
}"""


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1920, 1080)])
def test_every_then_and_now_slide_fits_the_screen(
    browser: Browser, server: str, artifacts, width: int, height: int
) -> None:
    page = browser.new_context(viewport={"width": width, "height": height}).new_page()
    open_page(page, f"{server}/presentation?slide=2")
    map_frame(page)
    page.locator(f".st-key-{viewstate.SS_THEN_NOW}").get_by_text("Då och nu").click()
    expect(page.locator(f".st-key-{viewstate.SS_THEN_NOW} input")).to_be_checked()
    now = page.locator(".st-key-presentation_slide").get_by_text("Nu", exact=True)
    expect(now.first).to_be_visible()
    total = int(re.search(r"av (\d+)", page.locator(".sod-counter").inner_text()).group(1))
    heights = {}
    for number in range(2, total):
        if number > 2:
            page.keyboard.press("ArrowRight")
            expect(page.locator(".sod-counter")).to_contain_text(f"Bild {number} av")
            expect(now.first).to_be_visible()
            expect(page.get_by_test_id("stStatusWidget")).to_have_count(0)
        heights[number] = page.evaluate(MEASURE_SLIDE)
        if number in (2, 4, 9):
            page.screenshot(path=str(artifacts / f"room-then-now-{width}x{height}-{number}.png"))
    page.context.close()
    print("tallest slide bottom", max(m["bottom"] for m in heights.values()))
    too_tall = {n: m for n, m in heights.items() if m["overflow"] > 0 or m["bottom"] > height}
    assert not too_tall, too_tall
    assert min(m["smallest"] for m in heights.values()) >= 22, heights


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1920, 1080)])
def test_the_room_map_takes_the_screen_height_with_readable_labels(
    browser: Browser, server: str, artifacts, width: int, height: int
) -> None:
    page = browser.new_context(viewport={"width": width, "height": height}).new_page()
    open_page(page, f"{server}/presentation?slide=2")
    frame = map_frame(page)
    page.wait_for_timeout(500)
    box = page.locator(MAP_IFRAME).bounding_box()
    # The map reaches down to the captions: no more than their room is left under it, and the
    # page does not scroll.
    assert box["y"] + box["height"] >= height - 160, box
    assert page.evaluate(MEASURE_SLIDE)["overflow"] <= 0
    inner = frame.evaluate(
        """() => { const c = window.map.getContainer().getBoundingClientRect();
            const box = e => { const r = e.getBoundingClientRect();
                return [r.left, r.top, r.right, r.bottom]; };
            return {height: c.height,
                    labels: [...document.querySelectorAll('.sod-label')].map(
                        l => parseFloat(getComputedStyle(l).fontSize)),
                    scale: box(document.querySelector('.leaflet-control-scale')),
                    credits: box(document.querySelector('.leaflet-control-attribution'))}; }"""
    )
    # The map inside the frame fills it (not only the frame grows).
    assert inner["height"] >= box["height"] - 2, (inner["height"], box)
    assert inner["labels"] and min(inner["labels"]) > 13, inner["labels"]
    (sl, st, sr, sb), (cl, ct, cr, cb) = inner["scale"], inner["credits"]
    assert sr <= cl or cr <= sl or sb <= ct or cb <= st, inner
    page.screenshot(path=str(artifacts / f"room-map-{width}x{height}.png"))
    page.context.close()


def test_the_export_offers_the_sheet_of_the_place_on_the_slide(
    browser: Browser, server: str, plan_data
) -> None:
    slides = build_slides(plan_data, plan_data.initiatives)
    number = next(i for i, slide in enumerate(slides, 1) if slide.place == "hogdalen")
    page = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
    open_page(page, f"{server}/presentation?slide={number}")
    name = plan_data.place_name("hogdalen", "sv")
    expect(page.get_by_role("heading", name=name, level=2)).to_be_visible()
    page.get_by_role("button", name="Skriv ut och exportera").click()
    sheet = page.get_by_role("link", name=re.compile(re.escape(name)))
    expect(sheet).to_be_visible()
    expect(sheet).to_have_attribute("href", re.compile(r"place=hogdalen"))
    page.context.close()
