"""The planner in front of a room (1280×720): the slide keys after the "Då och nu" switch, with
screenshots in artifacts/ (look at them)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from soderort import viewstate
from tests.e2e.walk import open_page

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
