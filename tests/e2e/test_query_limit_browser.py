"""An address past Streamlit's query limits gets a notice instead of silently losing its view.

With more than 1,000 parameters Streamlit ignores the whole query before the app sees it, so a
valid ``theme=`` among them is lost. Only the browser still has the address; the page must say
what happened, in the address's language, and show the unfiltered view.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


def address(server: str, *params: str, padding: int) -> str:
    junk = [f"x{n}=1" for n in range(padding)]
    return f"{server}/?" + "&".join([*params, *junk])


def test_1001_parameters_drop_the_theme_with_a_notice(page: Page, server: str) -> None:
    page.goto(address(server, "theme=turism", padding=1000))
    sidebar = page.get_by_test_id("stSidebar")
    # Streamlit ignored the query: the theme is not applied ...
    expect(sidebar.get_by_text("19 av 19 initiativ")).to_be_visible()
    # ... and the page says so, with the number of parameters and the limit.
    notice = page.get_by_role("status").filter(has_text="parametrar")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("Adressen har 1\u00a0001 parametrar")
    expect(notice).to_contain_text("högst 1\u00a0000")


def test_the_notice_follows_the_address_language(page: Page, server: str) -> None:
    page.goto(address(server, "lang=en", "theme=turism", padding=1200))
    notice = page.get_by_role("status").filter(has_text="parameters")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("The address has 1,202 parameters")


def test_an_address_within_the_limit_shows_no_notice(page: Page, server: str) -> None:
    page.goto(address(server, "theme=turism", padding=990))
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text("1 av 19 initiativ")).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="parametrar")).to_have_count(0)
