"""The map page in a real browser: Leaflet draws every place, a click opens its popup and selects
it, a filter change swaps the place layer without reloading the map, and nothing but tiles is
fetched from outside the app.
"""

from __future__ import annotations

import re
import time
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Frame, Page, expect

from soderort.facts import group_by_place
from soderort.render.map_positions import label_point
from tests.e2e.walk import MAP_IFRAME, open_page

pytestmark = pytest.mark.e2e

SCREENSHOT_MAX_BYTES = 300_000
FIRST_LOAD_MS = 90_000


def _open_map(page: Page, url: str) -> Frame:
    """Open the map page and wait until Leaflet has drawn the places; return the map's frame."""
    open_page(page, url)
    iframe = page.locator(MAP_IFRAME)
    # The server's first run imports folium and geopandas and loads the data: give it time.
    expect(iframe).to_be_visible(timeout=FIRST_LOAD_MS)
    places = page.frame_locator(MAP_IFRAME).locator("path.leaflet-interactive")
    expect(places.first).to_be_attached(timeout=FIRST_LOAD_MS)
    frame = iframe.element_handle().content_frame()
    assert frame is not None
    return frame


def _click_place(page: Page, frame: Frame, plan_data, place_id: str) -> None:
    """Click at the place's label point, where the user would (labels let clicks through)."""
    lat, lon = label_point(plan_data, place_id)
    point = frame.evaluate("([lat, lon]) => map_div.latLngToContainerPoint([lat, lon])", [lat, lon])
    box = page.locator(MAP_IFRAME).bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


def _view(frame: Frame) -> dict:
    return frame.evaluate("() => ({zoom: map_div.getZoom(), centre: map_div.getCenter()})")


def test_click_opens_the_popup_and_narrows_the_list(
    page: Page, server: str, plan_data, artifacts, is_tile_url
) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    frame = _open_map(page, server)
    fl = page.frame_locator(MAP_IFRAME)

    # Every named place is drawn as a shape of its own and labelled with its count.
    expect(fl.locator("path.leaflet-interactive")).to_have_count(len(plan_data.places))
    labelled = fl.locator(".sod-label").evaluate_all("els => els.map(e => e.dataset.place)")
    assert sorted(labelled) == sorted(plan_data.places.index)
    expect(fl.locator(".sod-legend")).to_contain_text("Antal matchande initiativ")
    main = page.get_by_test_id("stMain")
    # The list: a closed section per place, with its count; a click opens its cards.
    groups = group_by_place(plan_data, plan_data.initiatives)
    sections = main.get_by_test_id("stExpander")
    expect(sections).to_have_count(len(groups))
    expect(main.locator("h3")).to_have_count(0)
    first_place, first_items = groups[0]
    expect(sections.first).to_contain_text(
        f"{plan_data.place_name(first_place, 'sv')} ({len(first_items)})"
    )
    sections.first.locator("summary").click()
    expect(sections.first.locator("h3")).to_have_count(len(first_items))

    _click_place(page, frame, plan_data, "hogdalen")
    popup = fl.locator(".leaflet-popup")
    expect(popup.get_by_role("heading", name="Miljöteknik Högdalen")).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]place=hogdalen\b"))
    expect(main.locator("h3")).to_have_count(1)
    expect(main.get_by_role("heading", name="Miljöteknik Högdalen")).to_be_visible()
    # The rerun the click caused left the layer alone: the popup is still open.
    page.wait_for_timeout(1500)
    expect(popup).to_have_count(1)
    expect(popup).to_contain_text("Förväntat resultat")

    page.mouse.move(5, 5)  # off the map: no tooltip or hover highlight in the picture
    page.wait_for_timeout(300)
    shot = page.screenshot(path=str(artifacts / "map-popup.png"))
    assert len(shot) < SCREENSHOT_MAX_BYTES, len(shot)

    local = urlsplit(server).netloc
    outside = [
        url
        for url in requests
        if urlsplit(url).scheme in ("http", "https")
        and urlsplit(url).netloc != local
        and not is_tile_url(url)
    ]
    assert outside == []


def test_filter_change_keeps_the_map_and_its_view(page: Page, server: str) -> None:
    frame = _open_map(page, server)
    fl = page.frame_locator(MAP_IFRAME)
    sent: list[float] = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda _payload: sent.append(time.time())))
    frame.evaluate("() => { window.__marker = 1; }")

    # Panning and zooming do not rerun the script (nothing is sent to the server).
    page.wait_for_timeout(500)
    before = len(sent)
    box = page.locator(MAP_IFRAME).bounding_box()
    page.mouse.move(box["x"] + 300, box["y"] + 520)
    page.mouse.down()
    page.mouse.move(box["x"] + 220, box["y"] + 470, steps=8)
    page.mouse.up()
    fl.locator(".leaflet-control-zoom-in").click()
    page.wait_for_timeout(1000)  # longer than the component's 250 ms debounce
    assert len(sent) == before
    view = _view(frame)

    sidebar = page.get_by_test_id("stSidebar")
    search = sidebar.get_by_role("textbox", name="Sök i texten")
    search.fill("hogdalen")
    search.press("Enter")
    expect(sidebar.get_by_text("1 av 19 initiativ")).to_be_visible()
    expect(fl.locator('.sod-label[data-place="hela-soderort"] b')).to_have_text("0")
    expect(fl.locator('.sod-label[data-place="hogdalen"] b')).to_have_text("1")
    # The same iframe (not reloaded), at the zoom and centre the user left it.
    assert frame.evaluate("() => window.__marker") == 1
    assert _view(frame) == view


def test_a_place_reached_with_tab_shows_where_the_focus_is(page: Page, server: str) -> None:
    frame = _open_map(page, server)
    places = page.frame_locator(MAP_IFRAME).locator("path.leaflet-interactive")
    normal = places.first.evaluate("path => getComputedStyle(path).strokeWidth")
    page.frame_locator(MAP_IFRAME).locator(".leaflet-container").focus()
    focused = None
    for _ in range(30):  # past the zoom and full-screen buttons to the first place
        page.keyboard.press("Tab")
        focused = frame.evaluate(
            "() => document.activeElement.matches('path.leaflet-interactive')"
            " ? getComputedStyle(document.activeElement).strokeWidth : null"
        )
        if focused:
            break
    assert focused == "5px", (normal, focused)
    assert normal != focused


def test_on_a_phone_the_legend_starts_folded(browser: Browser, server: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="sv-SE")
    try:
        phone = context.new_page()
        _open_map(phone, server)
        legend = phone.frame_locator(MAP_IFRAME).locator("details.sod-legend")
        expect(legend).not_to_have_attribute("open", "")
        # Still there, one tap away.
        legend.locator("summary").click()
        expect(legend).to_have_attribute("open", "")
        expect(legend).to_contain_text("Antal matchande initiativ")
    finally:
        context.close()


def test_on_a_wide_screen_the_legend_is_open(page: Page, server: str) -> None:
    _open_map(page, server)
    expect(page.frame_locator(MAP_IFRAME).locator("details.sod-legend")).to_have_attribute(
        "open", ""
    )


CREDITS = """() => {
    const credits = document.querySelector('.leaflet-control-attribution');
    const box = credits.getBoundingClientRect();
    const map = document.querySelector('.leaflet-container').getBoundingClientRect();
    return {text: credits.innerText, width: box.width, height: box.height,
            inside: box.left >= map.left && box.right <= map.right && box.bottom <= map.bottom};
}"""


@pytest.mark.parametrize(
    ("width", "height", "path"),
    [(1400, 900, "/"), (1280, 720, "/presentation?slide=1"), (1280, 720, "/karta.html")],
)
def test_the_maps_credits_read_on_one_line(
    browser: Browser, server: str, width: int, height: int, path: str
) -> None:
    """The tiles' licence is read as a line, not a column of letters at the map's edge."""
    page = browser.new_context(viewport={"width": width, "height": height}).new_page()
    try:
        if path.endswith(".html"):
            page.goto(f"{server}{path}")
            frame = page.main_frame
        else:
            frame = _open_map(page, f"{server}{path}")
        credits = frame.locator(".leaflet-control-attribution")
        expect(credits).to_contain_text("OpenStreetMap")
        found = frame.evaluate(CREDITS)
        assert found["inside"] and found["height"] < 30 and found["width"] > 200, found
    finally:
        page.context.close()
