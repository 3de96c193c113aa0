"""The light map (`/karta.html`) in Debian's chromium: on a phone, by keyboard, into the
dashboard, embedded by another site (or refused), as a link preview reads it, and for axe-core.

One app server, started the plain way with no tiles and one other origin allowed to frame the
light map; two small pages on two other local origins frame it.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from benchmarks.launch import free_port, streamlit_server
from soderort.i18n import t
from soderort.render.map_positions import label_point
from soderort.web.framing import FRAME_ANCESTORS_ENV
from tests.e2e.test_accessibility_browser import axe_violations
from tests.e2e.walk import VIEWPORTS, device_context

pytestmark = pytest.mark.e2e

VIEW = "committee=exploateringsnamnden"
# The page's Leaflet map (folium names it map_<id>), found as the one L.Map among the globals.
FIND_MAP = "() => Object.values(window).find(value => value instanceof L.Map)"
# The open popup's box and the visible controls it overlaps, in the map's pixels.
POPUP_LAYOUT = """() => {
    const map = document.querySelector('.leaflet-container').getBoundingClientRect();
    const box = e => { const r = e.getBoundingClientRect();
        return [r.left - map.left, r.top - map.top, r.right - map.left, r.bottom - map.top]; };
    const popup = document.querySelector('.leaflet-popup');
    const p = popup && box(popup);
    const overlaps = [...document.querySelectorAll('.leaflet-control')]
        .filter(c => c.offsetWidth && c.offsetHeight).map(c => ({name: c.className, b: box(c)}))
        .filter(c => p && c.b[0] < p[2] && p[0] < c.b[2] && c.b[1] < p[3] && p[1] < c.b[3])
        .map(c => c.name);
    return {popup: p, size: [map.width, map.height], overlaps};
}"""


@contextlib.contextmanager
def host_site(folder: Path) -> Iterator[str]:
    """Serve a folder of pages on another local origin; yield its URL."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """The app (the city's site may frame its light map) and two other origins' pages."""
    city_folder = tmp_path_factory.mktemp("city")
    other_folder = tmp_path_factory.mktemp("other")
    with host_site(city_folder) as city, host_site(other_folder) as other:
        env = {"SODERORT_TILES_URL": "none", FRAME_ANCESTORS_ENV: city}
        with streamlit_server(env=env) as (app, _pid):
            for folder in (city_folder, other_folder):
                (folder / "light.html").write_text(
                    f'<!DOCTYPE html><html lang="sv"><title>Host</title><iframe title="Karta" '
                    f'src="{app}/karta.html?{VIEW}&embed=1" width="600" height="450"></iframe>',
                    encoding="utf-8",
                )
                (folder / "dashboard.html").write_text(
                    f'<!DOCTYPE html><html lang="sv"><title>Host</title><iframe '
                    f'title="Dashboard" src="{app}/" width="900" height="600"></iframe>',
                    encoding="utf-8",
                )
            yield {"app": app, "city": city, "other": other}


def open_light(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.locator("path.leaflet-interactive").first).to_be_attached()
    page.wait_for_function(f"() => ({FIND_MAP})()._loaded")


def test_a_finger_opens_a_place_inside_the_map_clear_of_controls(
    browser: Browser, sites: dict[str, str], plan_data
) -> None:
    context = device_context(browser, "phone")
    page = context.new_page()
    try:
        open_light(page, f"{sites['app']}/karta.html")
        page.locator(".sod-map").scroll_into_view_if_needed()
        lat, lon = label_point(plan_data, "farsta")
        point = page.evaluate(
            f"([lat, lon]) => ({FIND_MAP})().latLngToContainerPoint([lat, lon])", [lat, lon]
        )
        box = page.locator(".leaflet-container").bounding_box()
        page.touchscreen.tap(box["x"] + point["x"], box["y"] + point["y"])
        expect(page.locator('.sod-popup[data-place="farsta"]')).to_be_visible()
        page.wait_for_timeout(600)  # the popup's pan into view
        layout = page.evaluate(POPUP_LAYOUT)
        left, top, right, bottom = layout["popup"]
        width, height = layout["size"]
        assert left >= 0 and top >= 0 and right <= width and bottom <= height, layout
        assert layout["overlaps"] == [], layout
    finally:
        context.close()


def test_places_by_keyboard_enter_opens_escape_closes(page: Page, sites: dict[str, str]) -> None:
    open_light(page, f"{sites['app']}/karta.html?lang=en")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.getAttribute('role') === 'button'"):
            break
    place = page.evaluate("() => document.activeElement.getAttribute('aria-label')")
    assert place and " initiative" in place
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup")
    expect(popup).to_be_visible()
    assert page.evaluate("() => !!document.activeElement.closest('.leaflet-popup')")
    page.keyboard.press("Escape")
    expect(popup).to_have_count(0)
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == place


def test_open_in_the_full_map_leads_to_the_same_view(page: Page, sites: dict[str, str]) -> None:
    open_light(page, f"{sites['app']}/karta.html?{VIEW}&colour=theme")
    heading = page.locator("h1").inner_text()
    count = heading.rsplit(" – ", 1)[1]
    page.get_by_role("link", name=t("light.open_full", "sv")).click()
    page.wait_for_url(f"{sites['app']}/?**")
    frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
    expect(frame.locator("path.leaflet-interactive").first).to_be_attached(timeout=90_000)
    expect(page.get_by_text(count).first).to_be_visible()
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"committee": ["exploateringsnamnden"], "colour": ["theme"]}
    # The dashboard's colour switch shows the colouring the link carried.
    switch = page.get_by_role("radio", name=t("common.theme", "sv"), exact=True)
    expect(switch).to_be_checked(timeout=30_000)


def test_the_dashboards_link_to_share_opens_the_same_view_light(
    page: Page, sites: dict[str, str]
) -> None:
    """The map page's link to share, clicked, is the light map of the view on the screen."""
    page.goto(f"{sites['app']}/?{VIEW}")
    main = page.get_by_test_id("stMain")
    link = main.get_by_role("link", name="karta.html")
    expect(link).to_be_visible(timeout=90_000)
    count = main.get_by_text("av 19 initiativ").first.inner_text()
    link.click()
    page.wait_for_url("**/karta.html?**")
    expect(page.locator("path.leaflet-interactive").first).to_be_attached()
    assert parse_qs(urlsplit(page.url).query) == {"committee": ["exploateringsnamnden"]}
    expect(page.locator("h1")).to_contain_text(count.split(" ")[0] + " av 19")


def test_the_city_may_embed_the_light_map_another_site_may_not(
    page: Page, sites: dict[str, str]
) -> None:
    page.goto(f"{sites['city']}/light.html")
    embedded = page.frame_locator('iframe[title="Karta"]')
    expect(embedded.locator("path.leaflet-interactive").first).to_be_attached()
    # Embedded, the frame around the map gives way; the way into the dashboard stays.
    expect(embedded.locator(".sod-head h1")).not_to_be_in_viewport()
    expect(embedded.get_by_role("link", name=t("light.open_full", "sv"))).to_be_visible()

    for url in (f"{sites['other']}/light.html", f"{sites['city']}/dashboard.html"):
        page.goto(url)
        page.wait_for_load_state("load")
        frame = page.locator("iframe").element_handle().content_frame()
        assert frame is not None
        page.wait_for_timeout(1500)
        assert frame.url.startswith("chrome-error://"), (url, frame.url)


def test_a_link_previews_with_its_title_description_and_image(
    page: Page, sites: dict[str, str]
) -> None:
    open_light(page, f"{sites['app']}/karta.html?place=farsta&lang=en")
    meta = {
        name: page.locator(f'meta[property="{name}"]').get_attribute("content")
        for name in ("og:title", "og:description", "og:image")
    }
    assert meta["og:title"] == page.title()
    assert meta["og:title"].startswith("Farsta – ")
    assert meta["og:description"] == page.locator('meta[name="description"]').get_attribute(
        "content"
    )
    image = page.request.get(meta["og:image"])
    assert image.status == 200 and image.headers["content-type"] == "image/png"
    robots = page.request.get(f"{sites['app']}/robots.txt").text()
    assert "Allow: /karta.html" in robots


@pytest.mark.parametrize("device", list(VIEWPORTS))
def test_no_serious_axe_violations(browser: Browser, sites: dict[str, str], device: str) -> None:
    context = device_context(browser, device)
    page = context.new_page()
    outside = []
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if not request.url.startswith(("http://127.0.0.1", "data:"))
            else None
        ),
    )
    try:
        found = {}
        for query in ("", "?lang=en&place=hogdalen", f"?{VIEW}&embed=1"):
            open_light(page, f"{sites['app']}/karta.html{query}")
            violations = axe_violations(page)
            if violations:
                found[query] = violations
        assert found == {}
        # With tiles off, nothing leaves the machine.
        assert outside == []
    finally:
        context.close()
