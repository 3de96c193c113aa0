"""The first visitor after a server start: a deep link shows its page with no "Page not found"
dialog and no raw file names in the sidebar, and that visitor's first input counts.

Each case starts a server of its own, started the plain way (`streamlit run app.py`), because
Streamlit decides how it runs the first session of a process once (see ui/dashboard/main.py).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from soderort.filters import FilterState, filter_initiatives
from tests.e2e.walk import PAGES

pytestmark = pytest.mark.e2e

# Every page of the dashboard script's st.navigation, by its url_path ("" is the map page).
PAGE_PATHS = {path.split("?")[0] for path in PAGES}

# Runs before the app's own scripts: records every dialog and every sidebar link the page ever
# shows, so that one shown for a moment and then replaced is caught too.
WATCH = """
window.__seen = {dialogs: [], links: new Set()};
new MutationObserver(() => {
  for (const dialog of document.querySelectorAll('[role="dialog"]')) {
    window.__seen.dialogs.push(dialog.innerText);
  }
  for (const link of document.querySelectorAll('[data-testid="stSidebarNav"] a')) {
    window.__seen.links.add(new URL(link.href).pathname.replace(/^\\//, ''));
  }
}).observe(document, {subtree: true, childList: true, characterData: true});
"""


def _seen(page: Page) -> tuple[list[str], set[str]]:
    seen = page.evaluate("() => [window.__seen.dialogs, [...window.__seen.links]]")
    return seen[0], set(seen[1])


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/", "Söderort 2030 på kartan"),
        ("/tabell", "Initiativen i tabellform"),
        ("/tidslinje", "Initiativen över tid"),
        ("/omrade?place=farsta", "Farsta"),
        ("/exportera", "Skriv ut och exportera"),
        ("/om", "Om kartan och datan"),
        ("/tillganglighet", "Tillgänglighetsredogörelse"),
    ],
)
def test_a_deep_link_as_the_first_visit_shows_its_page_and_takes_the_first_search(
    page: Page, start_server, plan_data, path: str, heading: str
) -> None:
    url = start_server({})
    page.add_init_script(WATCH)
    page.goto(url + path)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name=heading, exact=True).first).to_be_visible(
        timeout=90_000
    )
    sidebar = page.get_by_test_id("stSidebar")
    # The script has finished and the page stands still, as a person would see it before typing.
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0)
    page.wait_for_timeout(1500)

    search = sidebar.get_by_role("textbox", name="Sök i texten")
    search.fill("kluster")
    search.press("Enter")
    expected = filter_initiatives(plan_data, FilterState(text="kluster"))
    expect(sidebar.get_by_text(f"{len(expected)} av 19 initiativ")).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]q=kluster\b"))
    expect(search).to_have_value("kluster")
    expect(main.get_by_role("heading", name=heading, exact=True).first).to_be_visible()

    dialogs, links = _seen(page)
    assert dialogs == []
    assert links and links <= PAGE_PATHS, links


def test_the_presentation_as_the_first_visit_takes_the_first_key(page: Page, start_server) -> None:
    url = start_server({})
    page.add_init_script(WATCH)
    page.goto(f"{url}/presentation?theme=turism")
    expect(page.get_by_text(re.compile(r"\bBild 1 av"))).to_be_visible(timeout=90_000)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0)
    page.wait_for_timeout(1500)

    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"[?&]slide=2\b"))
    expect(page.get_by_text(re.compile(r"\bBild 2 av"))).to_be_visible()

    dialogs, links = _seen(page)
    assert dialogs == []
    assert links <= PAGE_PATHS, links
