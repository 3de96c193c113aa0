"""Map first: a shared link's map is drawn before the sidebar, already showing the link's view
(filters, place, language); the rest comes without moving the map, and what a person does as
soon as the map is there is kept.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from playwright.sync_api import Browser, Page, expect

from benchmarks.slides import SLIDE_CONTAINER
from soderort.facts import count_by_place
from soderort.filters import FilterState, filter_initiatives
from soderort.i18n import t
from soderort.render.map_positions import label_point
from tests.e2e.walk import FIRST_LOAD_MS, MAP_IFRAME, device_context, map_frame

pytestmark = pytest.mark.e2e

# From the start of the page: every layout shift, with its time (PerformanceObserver).
RECORD_SHIFTS = """
window.__sodShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) { window.__sodShifts.push([entry.startTime, entry.value]); }
  }
}).observe({type: "layout-shift", buffered: true});
"""
# The map's frame once Leaflet has drawn its places: marked, so that a frame mounted anew (a
# second draw of the map) is told apart; where the map's element stands in the page (the frame
# itself settles inside it as the component sizes it), and whether the sidebar is there yet.
FIRST_DRAW = """() => {
  const frame = [...document.querySelectorAll('iframe')]
    .find((f) => f.title === 'streamlit_folium.st_folium');
  const doc = frame && frame.contentDocument;
  if (!doc || !doc.querySelector('path.leaflet-interactive')) { return false; }
  frame.__sodFirst = true;
  return {
    at: performance.now(),
    top: frame.closest('[data-testid="stElementContainer"]').getBoundingClientRect().top,
    sidebarSearch: !!document.querySelector('[data-testid="stSidebar"] input[type="text"]'),
  };
}"""
SAME_FRAME = """() => {
  const frame = [...document.querySelectorAll('iframe')]
    .find((f) => f.title === 'streamlit_folium.st_folium');
  return {same: !!frame && frame.__sodFirst === true,
          top: frame && frame.closest('[data-testid="stElementContainer"]')
            .getBoundingClientRect().top};
}"""
PLACE_COUNTS = """() => {
  const counts = {};
  window.map.eachLayer((layer) => {
    const p = layer.feature && layer.feature.properties;
    if (p && p.id && 'count' in p) { counts[p.id] = p.count; }
  });
  return counts;
}"""
SHIFTS_AFTER = "(at) => window.__sodShifts.filter(([t]) => t > at).reduce((s, [, v]) => s + v, 0)"


def first_draw(page: Page, url: str) -> dict:
    """Open `url` in a fresh session and return what the page showed when the map was drawn."""
    page.add_init_script(RECORD_SHIFTS)
    page.goto(url, wait_until="commit")
    return page.wait_for_function(FIRST_DRAW, timeout=FIRST_LOAD_MS, polling="raf").json_value()


def assert_map_stayed(page: Page, drawn: dict) -> None:
    """The map drawn first is the map on screen: not mounted anew, not moved, little else moved."""
    now = page.evaluate(SAME_FRAME)
    assert now["same"], "the map was drawn a second time"
    assert now["top"] == drawn["top"], "the map moved when the rest of the page came"
    assert page.evaluate(SHIFTS_AFTER, drawn["at"]) < 0.1  # cumulative layout shift


def test_the_first_map_shows_the_links_view_and_the_sidebar_follows(
    page: Page, server: str, plan_data
) -> None:
    theme = next(iter(plan_data.themes))
    drawn = first_draw(page, f"{server}/?place=farsta&theme={theme}&lang=en")
    assert not drawn["sidebarSearch"]  # the map came first
    frame = map_frame(page)
    matching = filter_initiatives(plan_data, FilterState(themes=(theme,)))
    expected = count_by_place(plan_data, matching)
    shown = frame.evaluate(PLACE_COUNTS)
    assert shown and all(count == expected.get(place, 0) for place, count in shown.items())
    assert len(frame.locator("path.sod-chosen").all()) == 2  # Farsta outlined, as linked
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_role("textbox", name=t("sidebar.search", "en"))).to_be_visible(
        timeout=FIRST_LOAD_MS
    )
    expect(page.get_by_test_id("stMain").get_by_text("Selected place: Farsta")).to_be_visible()
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=FIRST_LOAD_MS)
    assert_map_stayed(page, drawn)
    assert f"theme={theme}" in page.url and "lang=en" in page.url


def click_place(page: Page, plan_data, place_id: str) -> None:
    """Click a place where its label stands, as soon as the map is there."""
    frame = map_frame(page)
    lat, lon = label_point(plan_data, place_id)
    point = frame.evaluate("([lat, lon]) => map_div.latLngToContainerPoint([lat, lon])", [lat, lon])
    box = page.locator(MAP_IFRAME).bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


def search_at_once(page: Page, word: str):
    """Type a word into the sidebar's search as soon as it is there, and send it."""
    search = page.get_by_test_id("stSidebar").get_by_role("textbox", name=t("sidebar.search", "sv"))
    search.fill(word)
    search.press("Enter")
    return search


def test_a_search_typed_as_soon_as_the_map_is_there_is_kept(page: Page, server: str) -> None:
    first_draw(page, f"{server}/")
    search = search_at_once(page, "företag")
    expect(page).to_have_url(re.compile(r"q=f%C3%B6retag|q=företag"), timeout=FIRST_LOAD_MS)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=FIRST_LOAD_MS)
    expect(search).to_have_value("företag")
    assert "q=företag" in unquote(page.url)


def test_a_click_on_the_first_map_is_kept(page: Page, server: str, plan_data) -> None:
    first_draw(page, f"{server}/")
    click_place(page, plan_data, "hogdalen")
    expect(page.get_by_test_id("stMain").get_by_text("Valt område: Högdalen")).to_be_visible(
        timeout=FIRST_LOAD_MS
    )
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=FIRST_LOAD_MS)
    assert "place=hogdalen" in page.url


def test_a_click_and_a_search_right_after_it_are_both_kept(
    page: Page, server: str, plan_data
) -> None:
    # On a loaded machine the click's value could stop the run the map's report had started
    # before that run recorded the map as drawn; the click's run was then a first pass again,
    # and neither the click nor the search was kept (see ui.maps.MapDrawn).
    first_draw(page, f"{server}/")
    click_place(page, plan_data, "hogdalen")
    search = search_at_once(page, "företag")
    expect(page.get_by_test_id("stMain").get_by_text("Valt område: Högdalen")).to_be_visible(
        timeout=FIRST_LOAD_MS
    )
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=FIRST_LOAD_MS)
    expect(search).to_have_value("företag")
    expect(page).to_have_url(re.compile(r"place=hogdalen.*q=|q=.*place=hogdalen"))


def expect_rest_of_page(page: Page, path: str) -> None:
    """Wait for the full run after the map: the sidebar's filters, which a phone keeps closed.

    The presentation has none: its sidebar is hidden, its view is the link's, and its full run
    brings the slide's text alone.
    """
    search = page.get_by_test_id("stSidebar").get_by_role(
        "textbox", name=t("sidebar.search", "sv"), include_hidden=True
    )
    if path.startswith("presentation"):
        slide_text = page.locator(SLIDE_CONTAINER).locator("h1, h2").first
        expect(slide_text).to_be_visible(timeout=FIRST_LOAD_MS)
        expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=FIRST_LOAD_MS)
        expect(search).to_have_count(0)
        return
    expect(search).to_be_attached(timeout=FIRST_LOAD_MS)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=FIRST_LOAD_MS)


@pytest.mark.parametrize("path", ["omrade?place=farsta", "presentation?slide=2"])
def test_the_place_page_and_the_presentation_draw_their_map_once(
    page: Page, server: str, path: str
) -> None:
    drawn = first_draw(page, f"{server}/{path}")
    assert not drawn["sidebarSearch"]
    # The rest of the page: the place's initiatives, or the slide's text, and the filters.
    expect(page.get_by_test_id("stMain").locator("h2, h3").first).to_be_visible(
        timeout=FIRST_LOAD_MS
    )
    expect_rest_of_page(page, path)
    assert_map_stayed(page, drawn)


@pytest.mark.parametrize("path", ["", "omrade?place=farsta", "presentation?slide=2"])
def test_on_a_phone_the_rest_of_the_page_comes_without_moving_the_map(
    browser: Browser, server: str, path: str
) -> None:
    context = device_context(browser, "phone")
    try:
        page = context.new_page()
        drawn = first_draw(page, f"{server}/{path}")
        assert not drawn["sidebarSearch"]
        expect_rest_of_page(page, path)
        assert_map_stayed(page, drawn)
    finally:
        context.close()
