"""The Table, Timeline and Place pages in a real browser: what only a browser can show.

Streamlit's bundled plotly.js must draw the timeline's two legends and the legend entries of its
date lines; the colour choice must survive a page switch (the front end drops widget state);
the chart must keep a readable width on a phone; the downloads must arrive with their names.
"""

from __future__ import annotations

import csv
import re

import pytest
from playwright.sync_api import Browser, Page, expect

from soderort.filters import FilterState, filter_initiatives
from soderort.i18n import t
from soderort.readings import shown_text
from tests.e2e.walk import open_page

pytestmark = pytest.mark.e2e

DATED_NAME = r"\d{4}-\d{2}-\d{2}"


def test_timeline_draws_both_legends_and_keeps_its_colours(page: Page, server: str) -> None:
    open_page(page, f"{server}/tidslinje")
    chart = page.locator(".js-plotly-plot").first
    # Two legends (colours above, symbols below) and a shape's legend entry (the "I dag" line)
    # need a recent plotly.js.
    # Streamlit fetches plotly.js on first use; on a loaded two-core machine that takes a while.
    expect(chart.locator(".legendtitletext")).to_have_text("Tema", timeout=90_000)
    expect(chart.locator(".legend2titletext")).to_have_text("Tecken")
    expect(chart.locator(".legend2text", has_text=re.compile(r"^I dag \("))).to_have_count(1)

    page.get_by_role("radio", name="Ansvarig nämnd").click()
    expect(chart.locator(".legendtitletext")).to_have_text("Ansvarig")

    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_role("link", name="Karta").click()
    expect(page.locator("h1").first).to_have_text("Söderort 2030 på kartan")
    sidebar.get_by_role("link", name="Tidslinje").click()
    expect(page.locator("h1").first).to_have_text("Initiativen över tid")
    expect(page.get_by_role("radio", name="Ansvarig nämnd")).to_have_attribute(
        "aria-checked", "true"
    )
    expect(page.locator(".js-plotly-plot .legendtitletext").first).to_have_text("Ansvarig")


def test_on_a_phone_the_chart_keeps_its_width_and_scrolls(browser: Browser, server: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="sv-SE")
    try:
        page = context.new_page()
        page.set_default_timeout(30_000)
        open_page(page, f"{server}/tidslinje")
        svg = page.locator(".js-plotly-plot .main-svg").first
        expect(svg).to_be_visible(timeout=90_000)
        assert float(svg.get_attribute("width")) >= 720
        scroller = page.locator(".st-key-timeline_scroll")
        sizes = scroller.evaluate("e => [e.scrollWidth, e.clientWidth]")
        assert sizes[0] > sizes[1]
        # Tab from the colour switch reaches the box, named, and the arrow keys scroll it (it
        # opens at its left end, on the rows' names).
        region = page.get_by_role("region", name=t("timeline.scroll_region", "sv"))
        page.get_by_role("radio", name="Tema").focus()
        page.keyboard.press("Tab")
        expect(region).to_be_focused()
        before = region.evaluate("e => e.scrollLeft")
        for _ in range(5):
            page.keyboard.press("ArrowRight")
        page.wait_for_function(
            "([e, x]) => e.scrollLeft !== x", arg=[region.element_handle(), before]
        )
    finally:
        context.close()


def test_the_table_downloads_the_filtered_rows(page: Page, server: str, plan_data) -> None:
    want = filter_initiatives(plan_data, FilterState(committees=("exploateringsnamnden",)))
    open_page(page, f"{server}/tabell?committee=exploateringsnamnden")
    expect(page.get_by_text(f"{len(want)} av 19 initiativ").first).to_be_visible()
    with page.expect_download() as info:
        page.get_by_role("button", name="CSV för Excel").click()
    download = info.value
    assert re.fullmatch(rf"soderort-2030-initiativ-{DATED_NAME}\.csv", download.suggested_filename)
    with open(download.path(), encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file, delimiter=";"))
    assert [row["Rubrik"] for row in rows] == [shown_text(item, "rubrik") for item in want]


def test_the_place_sheet_downloads_as_a_pdf(page: Page, server: str) -> None:
    open_page(page, f"{server}/omrade?place=farsta")
    expect(page.locator("h1").first).to_have_text("Farsta")
    with page.expect_download(timeout=120_000) as info:
        page.get_by_role("link", name="Områdesblad (PDF)").click()
    download = info.value
    assert re.fullmatch(rf"soderort-2030-farsta-{DATED_NAME}\.pdf", download.suggested_filename)
    with open(download.path(), "rb") as file:
        assert file.read(5) == b"%PDF-"
    # The browser's own download says it is coming: the page claims nothing.
    expect(page.get_by_text("PDF:en är klar")).to_have_count(0)


def test_the_html_map_says_what_it_shows_and_links_nowhere(
    page: Page, server: str, browser: Browser, artifacts, is_tile_url
) -> None:
    open_page(page, f"{server}/exportera?committee=exploateringsnamnden&from=2010&to=2015")
    expect(page.locator("h1").first).to_have_text("Skriv ut och exportera")
    with page.expect_download(timeout=120_000) as info:
        page.get_by_role("link", name="Ladda ned kartan (HTML)").click()
    # Saved under its own name: a browser shows a file without ".html" as text.
    path = artifacts / info.value.suggested_filename
    info.value.save_as(path)

    reader = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
    outside: list[str] = []
    reader.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if not request.url.startswith(("file:", "data:")) and not is_tile_url(request.url)
            else None
        ),
    )
    reader.goto(path.as_uri())
    heading = reader.locator("header.sod-file h1")
    expect(heading).to_contain_text("4 av 19 initiativ, varav")
    assert reader.title() == heading.inner_text()
    details = reader.locator("header.sod-file").inner_text()
    for line in ("Källa: Handlingsplan", "Nämnd: Exploateringsnämnden", "År: 2010–2015"):
        assert line in details
    assert re.search(r"Exporterad \d{1,2} \w+ \d{4}", details)
    # The map fills the window under the heading; a click opens a popup with no link to a place
    # page (the file has no server; a follow-up's public source may be linked).
    reader.locator("path.leaflet-interactive").nth(4).click(force=True)
    popup = reader.locator(".sod-popup")
    expect(popup).to_be_visible()
    assert popup.locator('a[href*="place="]').count() == 0
    assert all(
        href.startswith("https://")
        for href in popup.locator("a").evaluate_all("a => a.map(x => x.href)")
    )
    reader.screenshot(path=str(artifacts / "html-map-file.png"))
    assert outside == []
    reader.context.close()
