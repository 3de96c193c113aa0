"""Accessibility in a real browser, as Swedish law asks (WCAG 2.1 AA): axe-core on every page in
both languages at a laptop's and a phone's size, the map's places by keyboard and screen reader,
and a visible focus that is not the current page's highlight.

axe-core comes pinned with the PyPI package axe-playwright-python (requirements-dev.txt); its
script is read from that package and injected into the page and every frame, so nothing is
fetched from a CDN.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Browser, Page, expect

from tests.e2e.walk import (
    MAP_IFRAME,
    PAGES,
    VIEWPORTS,
    device_context,
    open_page,
    page_url,
    pass_first_visit,
)

pytestmark = pytest.mark.e2e

BLOCKING_IMPACTS = ("critical", "serious")


def axe_violations(page: Page) -> list[str]:
    """Run axe-core on the page and its frames; describe each critical or serious violation."""
    for frame in page.frames:
        frame.evaluate(AXE_SCRIPT)
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): "
        + "; ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in results["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("device", list(VIEWPORTS))
def test_no_serious_axe_violations_on_any_page(
    browser: Browser, server: str, device: str, language: str
) -> None:
    pass_first_visit(browser, server)
    context = device_context(browser, device)
    try:
        page = context.new_page()
        found = {}
        for path in PAGES:
            open_page(page, page_url(server, path, language))
            expect(page.locator("html")).to_have_attribute("lang", language)
            violations = axe_violations(page)
            if violations:
                found[path] = violations
        assert found == {}
    finally:
        context.close()


def _focused_label(page: Page) -> str | None:
    frame = page.locator(MAP_IFRAME).element_handle().content_frame()
    return frame.evaluate("() => document.activeElement.getAttribute('aria-label')")


def test_keyboard_selects_a_place_and_escape_closes_its_popup(page: Page, server: str) -> None:
    open_page(page, server)
    fl = page.frame_locator(MAP_IFRAME)
    # A screen reader hears each place as a button with its name and count.
    farsta = fl.get_by_role("button", name="Farsta: 1 initiativ")
    expect(farsta).to_be_attached()
    expect(fl.get_by_role("button", name="Hela Söderort: 12 initiativ")).to_be_attached()

    fl.locator(".leaflet-container").focus()
    for _ in range(40):
        page.keyboard.press("Tab")
        if _focused_label(page) == "Farsta: 1 initiativ":
            break
    assert _focused_label(page) == "Farsta: 1 initiativ"

    page.keyboard.press("Enter")
    popup = fl.locator(".leaflet-popup")
    expect(popup.get_by_role("heading", name="Farsta", exact=True)).to_be_visible()
    # Selected as a click selects: the list under the map narrows to the place.
    main = page.get_by_test_id("stMain")
    expect(main).to_contain_text("Valt område: Farsta")
    expect(main.get_by_role("heading", name="Farsta (1)")).to_be_visible()
    # The focus went into the popup, where a screen reader reads it.
    expect(popup.locator(".leaflet-popup-content")).to_be_focused()

    page.keyboard.press("Escape")
    expect(popup).to_have_count(0)
    assert _focused_label(page) == "Farsta: 1 initiativ"

    # After "show all places", Enter on the same place selects it again.
    main.get_by_role("button", name="Visa alla områden").click()
    expect(main).not_to_contain_text("Valt område")
    farsta.focus()
    page.keyboard.press("Enter")
    expect(main).to_contain_text("Valt område: Farsta")


def _focus_style(page: Page) -> dict:
    return page.evaluate(
        """() => {
            const element = document.activeElement;
            const style = getComputedStyle(element);
            return {
                tag: element.tagName,
                text: element.innerText || element.getAttribute('aria-label') || '',
                outline: style.outlineStyle + ' ' + style.outlineWidth,
                background: style.backgroundColor,
            };
        }"""
    )


def test_keyboard_focus_is_visible_and_unlike_the_current_page(page: Page, server: str) -> None:
    open_page(page, server)
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_role("link", name="Tabell").click()
    current = sidebar.get_by_role("link", name="Tabell")
    expect(current).to_have_attribute("aria-current", "page")
    current_style = current.evaluate(
        "link => [getComputedStyle(link).outlineStyle, getComputedStyle(link).boxShadow]"
    )
    assert current_style[0] == "none"

    # Walk the page with Tab as a keyboard user does: every stop shows a ring.
    page.evaluate("() => document.activeElement.blur()")
    seen = []
    for _ in range(25):
        page.keyboard.press("Tab")
        style = _focus_style(page)
        seen.append(style)
        if style["tag"] in ("IFRAME", "BODY"):  # a frame draws its own focus; BODY: no stop
            continue
        assert style["outline"] == "solid 3px", style
    # The next page's link, focused, is not tinted as the current page is.
    link = sidebar.get_by_role("link", name="Tidslinje")
    link.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    focused = _focus_style(page)
    assert focused["text"].endswith("Tidslinje"), focused
    current_background = current.evaluate("link => getComputedStyle(link).backgroundColor")
    assert focused["background"] != current_background
    assert focused["outline"] == "solid 3px"
    assert current_style[1] != "none"  # the current page has its own bar
    assert any(style["text"].endswith("Tidslinje") for style in seen)
