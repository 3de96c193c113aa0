"""Walking the app as a person does, shared by the browser tests: every page, the devices, and
waiting until a page is drawn."""

from __future__ import annotations

from playwright.sync_api import Browser, BrowserContext, Frame, Page, expect

from benchmarks.slides import SLIDE_CONTAINER
from soderort.render.map_positions import label_point

MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
FIRST_LOAD_MS = 90_000
# Every page the app registers, by its url_path (the map is the default page; the place page
# with a place chosen, so that its map and lists are drawn).
PAGES = (
    "",
    "tabell",
    "tidslinje",
    "omrade?place=farsta",
    "presentation",
    "exportera",
    "om",
    "tillganglighet",
)
VIEWPORTS = {"laptop": (1400, 900), "phone": (390, 844)}


def device_context(browser: Browser, device: str) -> BrowserContext:
    """A new browser context as the device: a laptop, or a phone with touch."""
    width, height = VIEWPORTS[device]
    phone = device == "phone"
    return browser.new_context(
        viewport={"width": width, "height": height},
        locale="sv-SE",
        has_touch=phone,
        is_mobile=phone,
    )


def pass_first_visit(browser: Browser, server: str) -> None:
    """Be a server's first visitor in a throwaway context, so that a test sees the app as every
    later visitor does (the first visit has its own tests, each with a fresh server)."""
    context = browser.new_context()
    try:
        open_page(context.new_page(), server)
    finally:
        context.close()


def page_url(server: str, path: str, language: str) -> str:
    """The address of one of `PAGES` in a language."""
    if language == "sv":
        return f"{server}/{path}"
    return f"{server}/{path}{'&' if '?' in path else '?'}lang={language}"


def open_page(page: Page, url: str) -> None:
    """Open a page and wait until it is drawn: the sidebar, its first heading (a presentation's
    slide after the first has no title), and every frame's content."""
    page.goto(url)
    # A session's first run of a page with a map draws the map alone; the sidebar comes with the
    # full run, which is the page a person reads and uses (the presentation, which has no
    # sidebar, its slide).
    full_run = page.locator(f'[data-testid="stSidebar"] input, {SLIDE_CONTAINER}')
    expect(full_run.first).to_be_attached(timeout=FIRST_LOAD_MS)
    heading = page.get_by_test_id("stMain").locator("h1, h2").first
    expect(heading).to_be_visible(timeout=FIRST_LOAD_MS)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=FIRST_LOAD_MS)
    # The page's own script declares the language once it has put Streamlit's texts in it.
    language = "en" if "lang=en" in url else "sv"
    expect(page.locator("html")).to_have_attribute("lang", language, timeout=FIRST_LOAD_MS)
    for index in range(page.locator("iframe").count()):
        frame = page.frame_locator("iframe").nth(index)
        expect(frame.locator("body *").first).to_be_attached(timeout=FIRST_LOAD_MS)
    if page.locator(MAP_IFRAME).count():
        places = page.frame_locator(MAP_IFRAME).locator("path.leaflet-interactive")
        expect(places.first).to_be_attached(timeout=FIRST_LOAD_MS)


def map_frame(page: Page) -> Frame:
    """Wait until Leaflet has drawn the page's map and its places; return the map's frame."""
    places = page.frame_locator(MAP_IFRAME).locator("path.leaflet-interactive")
    expect(places.first).to_be_attached(timeout=FIRST_LOAD_MS)
    frame = page.locator(MAP_IFRAME).element_handle().content_frame()
    assert frame is not None
    frame.wait_for_function("() => window.map && window.map._loaded && !window.map._animatingZoom")
    return frame


def tap_place(page: Page, plan_data, place_id: str) -> None:
    """Tap the place where its label stands, as a finger would."""
    page.locator(MAP_IFRAME).scroll_into_view_if_needed()
    frame = map_frame(page)
    # A person taps where the place is once the page has come to rest (the full run's elements
    # may still be settling above the map).
    box = None
    for _ in range(30):
        settled = page.locator(MAP_IFRAME).bounding_box()
        if settled == box:
            break
        box = settled
        page.wait_for_timeout(300)
    lat, lon = label_point(plan_data, place_id)
    point = frame.evaluate("([lat, lon]) => map_div.latLngToContainerPoint([lat, lon])", [lat, lon])
    box = page.locator(MAP_IFRAME).bounding_box()
    page.touchscreen.tap(box["x"] + point["x"], box["y"] + point["y"])
