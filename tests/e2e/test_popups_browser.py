"""Popups on a laptop (1400×900): never under a control, and the map stays where the user had it.

Only the browser knows where the zoom and full-screen buttons, the legend, the layer control,
the scale and the attribution are drawn, and where Leaflet puts a popup.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Frame, Page, expect

from soderort.render.map_positions import label_point
from tests.e2e.walk import MAP_IFRAME, map_frame, open_page

pytestmark = pytest.mark.e2e

# The open popup's box and every visible control's box, in the map's pixels; and overlaps.
LAYOUT = """() => {
    const map = document.querySelector('.leaflet-container').getBoundingClientRect();
    const box = e => { const r = e.getBoundingClientRect();
        return [r.left - map.left, r.top - map.top, r.right - map.left, r.bottom - map.top]; };
    const popup = document.querySelector('.leaflet-popup');
    const controls = [...document.querySelectorAll('.leaflet-control')]
        .filter(c => c.offsetWidth && c.offsetHeight)
        .map(c => ({name: c.className.split(' ')[0], box: box(c)}));
    const p = popup && box(popup);
    const overlaps = p ? controls.filter(c => c.box[0] < p[2] && p[0] < c.box[2]
        && c.box[1] < p[3] && p[1] < c.box[3]).map(c => c.name) : null;
    return {popup: p, size: [map.width, map.height], overlaps};
}"""
CENTRE = "() => { const c = window.map.getCenter(); return [c.lat, c.lng]; }"
# A point near the map's left edge where a click lands on Hela Söderort (the wide area).
HELA_SODERORT_POINT = """() => {
    const map = window.map;
    const owner = el => {
        let found = null;
        map.eachLayer(l => { if (l.getElement && l.getElement() === el) { found = l; } });
        return found;
    };
    const frame = document.querySelector('.leaflet-container').getBoundingClientRect();
    for (let x = 60; x < 200; x += 4) {
        for (let y = 150; y < frame.height - 150; y += 4) {
            const hit = owner(document.elementFromPoint(frame.left + x, frame.top + y));
            if (hit && hit.feature && hit.feature.properties.id === 'hela-soderort') {
                return {x, y};
            }
        }
    }
    return null;
}"""


@pytest.fixture
def laptop(browser: Browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="sv-SE")
    page = context.new_page()
    yield page
    context.close()


def settled(frame: Frame) -> list[float]:
    """The map's centre once no pan or zoom is running."""
    frame.wait_for_function("() => !window.map._animatingZoom && !window.map._panAnim?._inProgress")
    return frame.evaluate(CENTRE)


def close_popup(page: Page, frame: Frame) -> None:
    page.frame_locator(MAP_IFRAME).locator(".leaflet-popup-close-button").click()
    expect(page.frame_locator(MAP_IFRAME).locator(".leaflet-popup")).to_have_count(0)
    page.wait_for_timeout(600)  # a pan back would be under way by now


def test_hela_soderorts_popup_at_the_left_edge_leaves_the_map_alone(
    laptop: Page, server: str, artifacts
) -> None:
    open_page(laptop, server)
    frame = map_frame(laptop)
    before = settled(frame)
    point = frame.evaluate(HELA_SODERORT_POINT)
    assert point is not None
    box = laptop.locator(MAP_IFRAME).bounding_box()
    laptop.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    popup = laptop.frame_locator(MAP_IFRAME).locator('.sod-popup[data-place="hela-soderort"]')
    expect(popup).to_be_visible()

    layout = frame.evaluate(LAYOUT)
    assert layout["overlaps"] == [], layout
    left, top, right, bottom = layout["popup"]
    assert left >= 0 and top >= 0 and right <= layout["size"][0] and bottom <= layout["size"][1]
    assert settled(frame) == pytest.approx(before, abs=1e-6)
    laptop.mouse.move(5, 5)
    laptop.screenshot(path=str(artifacts / "popup-hela-soderort-left-edge.png"))

    close_popup(laptop, frame)
    assert settled(frame) == pytest.approx(before, abs=1e-6)


def test_a_popup_that_needs_room_moves_the_map_and_then_puts_it_back(
    laptop: Page, server: str, plan_data
) -> None:
    open_page(laptop, server)
    frame = map_frame(laptop)
    fl = laptop.frame_locator(MAP_IFRAME)
    box = laptop.locator(MAP_IFRAME).bounding_box()
    # The user drags Skrubba (in the east) to the right edge, just below the layer control.
    lat, lon = label_point(plan_data, "skrubba")
    start = frame.evaluate(
        "([lat, lon]) => window.map.latLngToContainerPoint([lat, lon])", [lat, lon]
    )
    size = frame.evaluate("() => window.map.getSize()")
    laptop.mouse.move(box["x"] + start["x"], box["y"] + start["y"])
    laptop.mouse.down()
    laptop.mouse.move(box["x"] + size["x"] - 50, box["y"] + 300, steps=12)
    laptop.wait_for_timeout(400)  # held still before letting go: no inertia
    laptop.mouse.up()
    where_left = settled(frame)

    point = frame.evaluate(
        "([lat, lon]) => window.map.latLngToContainerPoint([lat, lon])", [lat, lon]
    )
    laptop.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    expect(fl.locator('.sod-popup[data-place="skrubba"]')).to_be_visible()
    # Skrubba is too small to hold the popup's tip anywhere else: the map makes room.
    assert settled(frame) != pytest.approx(where_left, abs=1e-6)
    layout = frame.evaluate(LAYOUT)
    assert layout["overlaps"] == [], layout
    left, top, right, bottom = layout["popup"]
    assert left >= 0 and top >= 0 and right <= layout["size"][0] and bottom <= layout["size"][1]

    close_popup(laptop, frame)
    assert settled(frame) == pytest.approx(where_left, abs=1e-6)
