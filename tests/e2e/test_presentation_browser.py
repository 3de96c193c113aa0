"""Presentation mode and the report PDF in a real browser.

Only a browser can show that the keys reach the buttons, that the map pans inside its iframe
without the iframe loading anew, and that the download delivers a real PDF.
"""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import Frame, Page, expect
from pypdf import PdfReader

from benchmarks.slides import SLIDE_CONTAINER
from soderort import paths, views, viewstate
from soderort.filters import FilterState, filter_initiatives
from soderort.loading import load_plan_data
from tests.e2e.walk import MAP_IFRAME, open_page

pytestmark = pytest.mark.e2e

MAP_READY = """() => {
    const frame = document.querySelector('iframe[title="streamlit_folium.st_folium"]');
    return !!(frame && frame.contentWindow.map && frame.contentWindow.map._loaded);
}"""
CENTRE = "() => [window.map.getCenter().lat, window.map.getCenter().lng, window.map.getZoom()]"


def _map_frame(page: Page) -> Frame:
    page.wait_for_function(MAP_READY, timeout=60_000)
    frame = page.locator(MAP_IFRAME).element_handle().content_frame()
    assert frame is not None
    return frame


def _slide_heading(page: Page):
    return page.get_by_test_id("stMain").locator("h1, h2").first


def _wait_for_centre_change(frame: Frame, before: list[float]) -> list[float]:
    frame.wait_for_function(
        "([lat, lng]) => Math.abs(window.map.getCenter().lat - lat) > 1e-3"
        " || Math.abs(window.map.getCenter().lng - lng) > 1e-3",
        arg=before[:2],
        timeout=20_000,
    )
    return frame.evaluate(CENTRE)


def test_keys_step_through_the_slides_and_the_map_pans_without_reloading(
    page: Page, server: str, artifacts
) -> None:
    open_page(page, f"{server}/presentation?area=hogdalen")
    heading = _slide_heading(page)
    expect(heading).to_have_text("Handlingsplan för arbetet med Program/Vision Söderort 2030")
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    frame = _map_frame(page)
    # Survives only as long as the iframe's document does.
    frame.evaluate("() => { window.__notReloaded = true; }")
    title_view = frame.evaluate(CENTRE)

    page.keyboard.press("ArrowRight")
    expect(heading).to_have_text("Högdalens industriområde")
    expect(page).to_have_url(re.compile(r"[?&]slide=2(&|$)"))
    expect(page).to_have_url(re.compile(r"[?&]area=hogdalen(&|$)"))
    place_view = _wait_for_centre_change(frame, title_view)
    assert place_view[2] > title_view[2]  # closer in on the place
    assert frame.evaluate("() => window.__notReloaded") is True
    # Type for the back of the room.
    body = page.locator(".st-key-presentation_slide p").first
    assert body.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 28
    page.screenshot(path=str(artifacts / "presentation-hogdalen.png"))

    page.keyboard.press("PageDown")  # what a presentation clicker sends
    expect(heading).to_have_text("Hela Söderort – översikt")
    overview_view = _wait_for_centre_change(frame, place_view)
    assert overview_view[:2] == pytest.approx(title_view[:2], abs=1e-3)

    page.keyboard.press("PageUp")
    expect(heading).to_have_text("Högdalens industriområde")
    page.keyboard.press("ArrowLeft")
    expect(heading).to_have_text("Handlingsplan för arbetet med Program/Vision Söderort 2030")
    expect(page).to_have_url(re.compile(r"[?&]slide=1(&|$)"))
    assert frame.evaluate("() => window.__notReloaded") is True

    # Keys typed into a field are the field's: the arrow does not change the slide.
    page.get_by_role("button", name="Skriv ut och exportera").click()
    field = page.get_by_role("combobox", name="Område")
    field.click()
    field.press("ArrowRight")
    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile(r"[?&]slide=1(&|$)"))
    expect(heading).to_have_text("Handlingsplan för arbetet med Program/Vision Söderort 2030")


def test_the_report_pdf_downloads_with_the_filtered_initiatives(
    page: Page, start_server, follow_up_folder, artifacts
) -> None:
    # On the tests' own follow-ups, whose entries for these two fit the page they share.
    server = start_server({paths.DATA_DIR_ENV: str(follow_up_folder)})
    open_page(page, f"{server}/exportera?area=hogdalen,skrubba")
    button = page.get_by_role("link", name="Ladda ned rapporten (PDF)")
    expect(button).to_be_visible()
    with page.expect_download(timeout=90_000) as download_info:
        button.click()
    download = download_info.value
    # The name says the filters, so that it differs from the whole plan's report.
    assert re.fullmatch(
        r"soderort-2030-rapport-hogdalen-skrubba-\d{4}-\d\d-\d\d\.pdf", download.suggested_filename
    )
    path = artifacts / download.suggested_filename
    download.save_as(path)

    reader = PdfReader(io.BytesIO(path.read_bytes()))
    texts = [page_.extract_text() for page_ in reader.pages]
    # A cover, then the two initiatives (they share one page).
    assert len(reader.pages) == 2
    assert all(f"Sida {n} av 2" in text for n, text in enumerate(texts, start=1))
    assert "2 av 19 initiativ" in texts[0]
    assert "Område: Högdalens industriområde, Skrubba" in texts[0]
    body = "\n".join(texts[1:])
    assert "Miljöteknik Högdalen" in body
    assert "Skrubba (LASK-projektet)" in body
    assert "Högdalens industriområde" in body


# Every view the map passes through while it moves (Leaflet fires "move" on each frame of a
# glide), and each zoom it animates ("zoomanim" at the start of one).
RECORD_MOVES = """() => {
    window.__views = [];
    window.__zoomAnimations = 0;
    window.map.on('move', () => {
        const c = window.map.getCenter();
        window.__views.push([c.lat, c.lng, window.map.getZoom()]);
    });
    window.map.on('zoomanim', () => { window.__zoomAnimations += 1; });
}"""


def test_a_step_moves_the_map_to_the_new_place_at_once(page: Page, server: str) -> None:
    # Hela Söderort, then Högdalen: a zoom in and a pan, which Leaflet would animate.
    open_page(page, f"{server}/presentation?area=hogdalen")
    frame = _map_frame(page)
    before = frame.evaluate(CENTRE)
    frame.evaluate(RECORD_MOVES)
    page.keyboard.press("ArrowRight")
    expect(_slide_heading(page)).to_have_text("Högdalens industriområde")
    after = _wait_for_centre_change(frame, before)
    page.wait_for_timeout(500)  # longer than any of Leaflet's animations
    # The map jumped with the slide's text: no zoom animated, no view between the two.
    assert frame.evaluate("() => window.__zoomAnimations") == 0
    between = [
        view
        for view in frame.evaluate("() => window.__views")
        if view != pytest.approx(after, abs=1e-6)
    ]
    assert between == []


def test_a_prepared_link_opens_then_and_now_and_the_switch_keeps_the_link(
    page: Page, server: str, artifacts
) -> None:
    # The planner prepares the link with the mode on; the room sees the plan beside its
    # follow-up on the first place slide, with no click.
    page.set_viewport_size({"width": 1280, "height": 720})
    open_page(page, f"{server}/presentation?slide=2&then_now=1")
    switch = page.locator(f".st-key-{viewstate.SS_THEN_NOW}").locator("input")
    expect(switch).to_be_checked()
    slide = page.locator(SLIDE_CONTAINER)
    expect(slide.get_by_text("Då: planen 2010").first).to_be_visible()
    expect(slide.get_by_text("Nu", exact=True).first).to_be_visible()
    page.screenshot(path=str(artifacts / "presentation-then-now-link.png"))
    # Turned off, the mode leaves the link; turned on again, it is back, and a step keeps it.
    switch.focus()
    page.keyboard.press("Space")
    expect(switch).not_to_be_checked()
    expect(page).not_to_have_url(re.compile(r"then_now="))
    expect(slide.get_by_text("Då: planen 2010")).to_have_count(0)
    switch.focus()
    page.keyboard.press("Space")
    expect(switch).to_be_checked()
    expect(page).to_have_url(re.compile(r"then_now=1"))
    page.get_by_role("button", name="Nästa").click()
    expect(page).to_have_url(re.compile(r"slide=3"))
    expect(page).to_have_url(re.compile(r"then_now=1"))
    expect(slide.get_by_text("Då: planen 2010").first).to_be_visible()
    # A fresh browser given the address opens in the same mode.
    fresh = page.context.browser.new_page(viewport={"width": 1280, "height": 720})
    try:
        open_page(fresh, page.url)
        expect(fresh.locator(f".st-key-{viewstate.SS_THEN_NOW}").locator("input")).to_be_checked()
        expect(fresh.locator(SLIDE_CONTAINER).get_by_text("Då: planen 2010").first).to_be_visible()
    finally:
        fresh.close()


def test_the_one_page_handout_downloads_at_a3_with_the_filtered_counts(
    page: Page, start_server, artifacts
) -> None:
    server = start_server({})
    open_page(page, f"{server}/exportera?area=farsta,skrubba")
    link = page.get_by_role("link", name="Ladda ned översikten i A3")
    expect(link).to_be_visible()
    with page.expect_download(timeout=90_000) as download_info:
        link.click()
    download = download_info.value
    assert re.fullmatch(
        r"soderort-2030-oversikt-a3-\d{4}-\d\d-\d\d\.pdf", download.suggested_filename
    )
    path = artifacts / download.suggested_filename
    download.save_as(path)

    (sheet,) = PdfReader(io.BytesIO(path.read_bytes())).pages
    assert round(float(sheet.mediabox.width)) == 842
    assert round(float(sheet.mediabox.height)) == 1191
    text = " ".join(sheet.extract_text().split())
    assert "Område: Farsta, Skrubba" in text
    assert "Sida 1 av 1" in text
    # The counts the table page shows for the filter: its rows naming each place.
    data = load_plan_data()
    initiatives = filter_initiatives(data, FilterState(areas=("farsta", "skrubba")))
    rows = views.display_table(data, initiatives)["Områden"]
    table = text[text.index("Initiativ per område") :]
    for place in data.place_order:
        name = data.place_name(place)
        n = sum(name in cell.split("; ") for cell in rows)
        assert re.search(rf"(?<!\w){re.escape(name)} {n}(?!\d)", table), name
