"""The sidebar in a real browser: the view survives page switches and the URL follows the widgets.

AppTest keeps widget values across `switch_page`; a browser does not (the front end drops widget
state when the page changes), so only this test guards the sidebar's `persist_state`.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.walk import open_page

pytestmark = pytest.mark.e2e


def _params(url: str) -> str:
    return url.partition("?")[2]


# A page switch first shows the new page's address without a query; the script then writes the
# view back. Wait for both parameters (in either order) before reading the address once.
VIEW_IN_URL = re.compile(r"\?(?=[^#]*\blang=en\b)(?=[^#]*\btheme=turism\b)")


def test_view_survives_page_switches(page: Page, server: str) -> None:
    open_page(page, f"{server}/?theme=turism&lang=en")
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text("1 of 19 initiatives")).to_be_visible()

    sidebar.get_by_role("link", name="About").click()
    expect(page.get_by_role("heading", name="The source document")).to_be_visible()
    expect(sidebar.get_by_text("1 of 19 initiatives")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/om\?"))
    expect(page).to_have_url(VIEW_IN_URL)
    assert sorted(_params(page.url).split("&")) == ["lang=en", "theme=turism"]

    sidebar.get_by_role("link", name="Map").click()
    expect(page).not_to_have_url(re.compile(r"/om"))
    expect(sidebar.get_by_text("1 of 19 initiatives")).to_be_visible()
    expect(page).to_have_url(VIEW_IN_URL)
    assert sorted(_params(page.url).split("&")) == ["lang=en", "theme=turism"]


def test_url_follows_the_widgets(page: Page, server: str) -> None:
    open_page(page, server)
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text("19 av 19 initiativ")).to_be_visible()
    assert _params(page.url) == ""

    search = sidebar.get_by_role("textbox", name="Sök i texten")
    search.fill("hogdalen")
    search.press("Enter")
    expect(sidebar.get_by_text("1 av 19 initiativ")).to_be_visible()
    expect(page).to_have_url(re.compile(r"\?q=hogdalen$"))

    sidebar.get_by_role("button", name="Återställ filter").click()
    expect(sidebar.get_by_text("19 av 19 initiativ")).to_be_visible()
    expect(search).to_have_value("")
    expect(page).not_to_have_url(re.compile(r"q="))
    # The cleared box stays cleared when another widget sends its state.
    sidebar.get_by_text("Endast som ansvarig").click()
    expect(page).to_have_url(re.compile(r"\?lead=1$"))
    expect(sidebar.get_by_text("19 av 19 initiativ")).to_be_visible()
    expect(search).to_have_value("")
