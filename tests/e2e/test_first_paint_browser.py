"""The dashboard's first paint: the page stands still while it loads, and its head names it.

Streamlit's page arrives as an empty frame, then the wide layout and the sidebar with the script's
first messages; the app's server completes the page's head so that the frame is the final one from
the start (soderort.web.dashboard_head).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from soderort.i18n import t
from tests.e2e.walk import FIRST_LOAD_MS, device_context

pytestmark = pytest.mark.e2e

# Every layout shift from the navigation's start, as the browser counts the page's
# cumulative layout shift (shifts right after a person's input are not counted).
RECORD_SHIFTS = """
window.__sodShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) { window.__sodShifts.push(entry.value); }
  }
}).observe({type: "layout-shift", buffered: true});
"""
WHOLE_LOAD_SHIFT = "() => window.__sodShifts.reduce((sum, value) => sum + value, 0)"


@pytest.mark.parametrize("device", ["laptop", "phone"])
@pytest.mark.parametrize("path", ["", "omrade?place=farsta", "tabell"])
def test_the_page_does_not_jump_while_it_loads(
    browser: Browser, server: str, device: str, path: str
) -> None:
    context = device_context(browser, device)
    try:
        page = context.new_page()
        page.add_init_script(RECORD_SHIFTS)
        page.goto(f"{server}/{path}", wait_until="commit")
        # Loaded: the sidebar's widgets are drawn and the script has stopped running.
        search = page.get_by_test_id("stSidebar").get_by_role(
            "textbox", name=t("sidebar.search", "sv")
        )
        expect(search).to_be_attached(timeout=FIRST_LOAD_MS)
        expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=FIRST_LOAD_MS)
        page.wait_for_timeout(1000)
        assert page.evaluate(WHOLE_LOAD_SHIFT) < 0.1  # the page's cumulative layout shift
    finally:
        context.close()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_shared_link_names_the_page_before_the_app_runs(
    browser: Browser, server: str, language: str
) -> None:
    """What a link preview, a search engine or a screen reader reads from the page itself."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{server}/tabell?lang={language}")
        assert page.locator("html").get_attribute("lang") == language
        assert page.title() == t("map.title", language)
        description = page.locator('meta[name="description"]').get_attribute("content")
        assert description == t("map.description", language)
    finally:
        context.close()


def test_the_page_is_revalidated_not_sent_again(browser: Browser, server: str) -> None:
    context = browser.new_context()
    try:
        first = context.request.get(f"{server}/", headers={"Accept-Encoding": "gzip"})
        assert first.status == 200
        assert "first-paint.css" in first.text()
        again = context.request.get(
            f"{server}/",
            headers={"Accept-Encoding": "gzip", "If-None-Match": first.headers["etag"]},
        )
        assert again.status == 304
        english = context.request.get(
            f"{server}/?lang=en", headers={"If-None-Match": first.headers["etag"]}
        )
        assert english.status == 200 and '<html lang="en">' in english.text()
    finally:
        context.close()


def test_the_presentation_stands_still_as_it_opens_and_leaves_no_frame_behind(
    browser: Browser, server: str
) -> None:
    """A planner opens a prepared link at the projector's size: no sidebar flashes in and the
    slide does not move; the way out brings the map back with its sidebar."""
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="sv-SE")
    try:
        page = context.new_page()
        page.add_init_script(RECORD_SHIFTS)
        page.goto(f"{server}/presentation?slide=2", wait_until="commit")
        main = page.get_by_test_id("stMain")
        expect(main.locator("h2").first).to_be_visible(timeout=FIRST_LOAD_MS)
        expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=FIRST_LOAD_MS)
        page.wait_for_timeout(1000)
        assert page.evaluate(WHOLE_LOAD_SHIFT) < 0.1
        expect(page.get_by_test_id("stSidebar")).to_be_hidden()

        page.get_by_role("link", name=t("presentation.exit", "sv")).click()
        sidebar = page.get_by_test_id("stSidebar")
        expect(sidebar.get_by_role("textbox", name=t("sidebar.search", "sv"))).to_be_visible(
            timeout=FIRST_LOAD_MS
        )
    finally:
        context.close()
