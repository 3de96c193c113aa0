"""A shared link filtered to a committee says so on every page that shows the filtered plan, and
the filter's button there takes it away: at 390×844 (touch) and 1400×900, screenshots in
artifacts/ (look at them)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, expect

from soderort import viewstate
from tests.e2e.walk import device_context, open_page

pytestmark = pytest.mark.e2e

FILTERED = "committee=exploateringsnamnden"
CHIP = "Nämnd: Exploateringsnämnden"
# Each page's address, and where it says how many initiatives it shows.
PAGES = {
    "": "19 av 19 initiativ",
    "tabell": "19 av 19 initiativ",
    "tidslinje": None,
    "omrade?place=hela-soderort": None,
    "presentation": "Alla 19 initiativ",
}


@pytest.mark.parametrize("device", ["phone", "laptop"])
@pytest.mark.parametrize("path", list(PAGES))
def test_the_filter_line_names_the_filter_and_removes_it(
    browser: Browser, server: str, artifacts, device: str, path: str
) -> None:
    context = device_context(browser, device)
    page = context.new_page()
    joiner = "&" if "?" in path else "?"
    open_page(page, f"{server}/{path}{joiner}{FILTERED}")
    line = page.locator(f".st-key-{viewstate.FILTER_LINE_KEY}")
    expect(line).to_contain_text("Filtrerat på:")
    chip = line.get_by_role("button", name=CHIP, exact=True)
    expect(chip).to_be_visible()
    expect(chip).to_be_in_viewport()
    name = re.sub(r"\W+", "-", path) or "map"
    page.screenshot(path=str(artifacts / f"filter-line-{name}-{device}.png"))
    # Reached by the keyboard as well: focused, Enter presses it.
    chip.focus()
    expect(chip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).not_to_have_url(re.compile("committee="))
    expect(line.get_by_role("button")).to_have_count(0)
    count = PAGES[path]
    if count:
        expect(page.get_by_test_id("stMain").get_by_text(count).first).to_be_visible()
    context.close()
