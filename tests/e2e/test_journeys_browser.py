"""Whole journeys, each on its person's device, walked as that person does; screenshots of every
step go to artifacts/journeys/.

- The politician on a laptop (1400×900): opens a link, clicks a place, reads its popup, opens
  the place page from it, and comes back to the map.
- The planner at a projector (1280×720): presents, steps with the keys (also after clicking into
  the map to point at a place), puts the presentation in full screen and prints the report for
  the room, whose counts are the map's.
- The staff member on a laptop (1400×900): filters, copies the link, opens it in a fresh browser
  (the same view), and downloads the table as CSV and XLSX and the report as PDF, whose rows and
  counts are the screen's.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import Browser, Frame, Page, expect
from pypdf import PdfReader

from soderort.filters import FilterState, filter_initiatives
from soderort.i18n import initiative_count, t
from soderort.render.map_positions import label_point
from tests.e2e.walk import MAP_IFRAME, map_frame, open_page

pytestmark = pytest.mark.e2e

CENTRE = "() => { const c = window.map.getCenter(); return [c.lat, c.lng, window.map.getZoom()]; }"


@pytest.fixture
def shots(artifacts: Path) -> Path:
    folder = artifacts / "journeys"
    folder.mkdir(exist_ok=True)
    return folder


def point_of(page: Page, frame: Frame, plan_data, place_id: str) -> tuple[float, float]:
    """Where a person sees the place's label on the page."""
    lat, lon = label_point(plan_data, place_id)
    point = frame.evaluate(
        "([lat, lon]) => window.map.latLngToContainerPoint([lat, lon])", [lat, lon]
    )
    box = page.locator(MAP_IFRAME).bounding_box()
    return box["x"] + point["x"], box["y"] + point["y"]


def map_counts(page: Page) -> dict[str, int]:
    """The count on each place's label on the map, by place id (places with none left out)."""
    labels = page.frame_locator(MAP_IFRAME).locator(".sod-label[data-place]:not(.sod-zero)")
    expect(labels.first).to_be_attached()
    return {
        label.get_attribute("data-place"): int(label.locator("b").inner_text())
        for label in labels.all()
    }


def sidebar_count(page: Page) -> str:
    """The sidebar's live count, e.g. "4 av 19 initiativ"."""
    count = page.get_by_test_id("stSidebar").get_by_text(re.compile(r"^\d+ av 19 initiativ"))
    expect(count).to_be_visible()
    return count.inner_text()


def pdf_text(path: Path) -> str:
    """A PDF's text with its white space folded, as a reader sees the words."""
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def download(page: Page, button_name: str, folder: Path, role: str = "button") -> Path:
    """Click a download button (or link) as a person does and keep the file."""
    with page.expect_download(timeout=120_000) as info:
        page.get_by_role(role, name=button_name).click()
    target = folder / info.value.suggested_filename
    info.value.save_as(target)
    return target


def assert_report_has_the_map_counts(report: str, counts: dict[str, int], plan_data) -> None:
    """Each place on the map heads a section of the report with the map's count."""
    for place_id, count in counts.items():
        heading = f"{plan_data.place_name(place_id)} {initiative_count(count, 'sv')}"
        assert heading in report, (heading, report[:400])


def test_the_politician_on_a_laptop(browser: Browser, server: str, plan_data, shots) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="sv-SE")
    page = context.new_page()
    # The link a colleague sent: the map, narrowed to one theme.
    open_page(page, f"{server}/?theme=kluster")
    frame = map_frame(page)
    fl = page.frame_locator(MAP_IFRAME)
    page.screenshot(path=str(shots / "politician-1-link.png"))

    # Clicks Högdalen; its popup tells how many initiatives, the same number as its label.
    label_count = fl.locator('.sod-label[data-place="hogdalen"] b').inner_text()
    page.mouse.click(*point_of(page, frame, plan_data, "hogdalen"))
    popup = fl.locator('.sod-popup[data-place="hogdalen"]')
    expect(popup.get_by_role("heading", name="Högdalens industriområde")).to_be_visible()
    expect(popup.locator(".sod-meta").first).to_contain_text(f"{label_count} initiativ")
    expect(popup.get_by_role("heading", name="Miljöteknik Högdalen")).to_be_visible()
    expect(popup).to_contain_text("Förväntat resultat")
    expect(page).to_have_url(re.compile(r"[?&]place=hogdalen\b"))
    page.mouse.move(5, 5)
    page.screenshot(path=str(shots / "politician-2-popup.png"))

    # Opens the place page from the popup: the same place, the same count, the filter kept.
    popup.get_by_role("link", name="Öppna områdessidan").click()
    expect(page).to_have_url(re.compile(r"/omrade\?"))
    expect(page).to_have_url(re.compile(r"[?&]theme=kluster\b"))
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Högdalens industriområde", level=1)).to_be_visible()
    expect(
        main.get_by_text(re.compile(rf"^{label_count} av områdets \d+ initiativ"))
    ).to_be_visible()
    expect(main.get_by_role("heading", name="Miljöteknik Högdalen")).to_be_visible()
    page.screenshot(path=str(shots / "politician-3-place-page.png"))

    # Goes back: the map again, with the place still chosen and the theme still applied.
    page.go_back()
    expect(page).not_to_have_url(re.compile(r"/omrade"))
    expect(page).to_have_url(re.compile(r"[?&]theme=kluster\b"))
    expect(page).to_have_url(re.compile(r"[?&]place=hogdalen\b"))
    expect(main.get_by_text("Valt område: Högdalens industriområde")).to_be_visible()
    expect(fl.locator('.sod-label[data-place="hogdalen"] b')).to_have_text(label_count)
    map_frame(page)
    page.wait_for_timeout(500)  # the outline and the frame's first paint
    expect(main.get_by_role("heading", name="Söderort 2030 på kartan")).to_be_visible()
    expect(
        page.get_by_test_id("stSidebar").get_by_text(re.compile(r"^\d+ av 19 initiativ$"))
    ).to_be_visible()
    page.screenshot(path=str(shots / "politician-4-back.png"))
    context.close()


def test_the_planner_at_a_projector(browser: Browser, server: str, plan_data, shots) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="sv-SE")
    page = context.new_page()
    # The link prepared before the meeting: the presentation of two places.
    open_page(page, f"{server}/presentation?area=hogdalen,farsta")
    frame = map_frame(page)
    heading = page.get_by_test_id("stMain").locator("h1, h2").first
    expect(heading).to_have_text("Handlingsplan för arbetet med Program/Vision Söderort 2030")
    page.screenshot(path=str(shots / "planner-1-title.png"))

    before = frame.evaluate(CENTRE)
    page.keyboard.press("ArrowRight")
    expect(heading).to_have_text("Högdalens industriområde")
    frame.wait_for_function(
        "([lat, lng]) => Math.abs(window.map.getCenter().lat - lat) > 1e-4"
        " || Math.abs(window.map.getCenter().lng - lng) > 1e-4",
        arg=before[:2],
    )
    page.screenshot(path=str(shots / "planner-2-hogdalen.png"))

    # Points at the place on the map with the mouse, then goes on with the clicker.
    page.mouse.click(*point_of(page, frame, plan_data, "hogdalen"))
    expect(page.frame_locator(MAP_IFRAME).locator(".leaflet-popup")).to_be_visible()
    page.keyboard.press("PageDown")
    expect(heading).to_have_text("Farsta")
    expect(page).to_have_url(re.compile(r"[?&]slide=3(&|$)"))
    page.keyboard.press("ArrowLeft")
    expect(heading).to_have_text("Högdalens industriområde")
    page.keyboard.press("ArrowRight")
    expect(heading).to_have_text("Farsta")

    # Full screen for the room, from the keyboard with the focus still in the map.
    page.keyboard.press("f")
    page.wait_for_function("() => document.fullscreenElement === document.documentElement")
    page.keyboard.press("PageDown")
    expect(heading).to_have_text("Hela Söderort – översikt")
    expect(page.frame_locator(MAP_IFRAME).locator(".leaflet-popup")).to_have_count(0)
    frame.wait_for_function("(zoom) => window.map.getZoom() < zoom", arg=before[2] + 0.01)
    frame.wait_for_function("() => !window.map._animatingZoom && !window.map._panAnim?._inProgress")
    overflow = page.evaluate(
        "() => { const m = document.querySelector('[data-testid=\"stMain\"]');"
        " return m.scrollHeight - m.clientHeight; }"
    )
    assert overflow <= 0
    page.screenshot(path=str(shots / "planner-3-overview-full-screen.png"))

    # Prints the report for the room: every place on the overview map, with the map's count.
    counts = map_counts(page)
    assert set(counts) >= {"hogdalen", "farsta"}
    page.get_by_role("button", name="Skriv ut och exportera").click()
    report = pdf_text(download(page, "Ladda ned rapporten (PDF)", shots, "link"))
    assert_report_has_the_map_counts(report, counts, plan_data)
    context.close()


def test_the_staff_member_on_a_laptop(browser: Browser, server: str, plan_data, shots) -> None:
    expected = filter_initiatives(plan_data, FilterState(text="kluster"))
    assert 0 < len(expected) < len(plan_data.initiatives)
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="sv-SE")
    page = context.new_page()
    open_page(page, server)
    map_frame(page)

    # Filters by a word, sent with Enter: the count, the map and the address follow.
    box = page.get_by_test_id("stSidebar").get_by_role("textbox", name=t("sidebar.search", "sv"))
    box.fill("kluster")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]q=kluster\b"))
    count = sidebar_count(page)
    assert count.startswith(f"{len(expected)} av 19 initiativ")
    map_frame(page)
    counts = map_counts(page)
    page.screenshot(path=str(shots / "staff-1-filtered.png"))

    # Copies the link and opens it in a fresh browser: the same count, the same map.
    link = page.url
    fresh = browser.new_context(viewport={"width": 1400, "height": 900}, locale="sv-SE")
    other = fresh.new_page()
    open_page(other, link)
    map_frame(other)
    assert sidebar_count(other) == count
    expect(
        other.get_by_test_id("stSidebar").get_by_role("textbox", name=t("sidebar.search", "sv"))
    ).to_have_value("kluster")
    assert map_counts(other) == counts
    other.screenshot(path=str(shots / "staff-2-same-view.png"))

    # The table and its files hold exactly the initiatives on screen.
    other.get_by_test_id("stSidebarNav").get_by_role("link", name="Tabell").click()
    expect(other).to_have_url(re.compile(r"/tabell\?.*q=kluster"))
    expect(other.get_by_test_id("stMain").get_by_text(count).first).to_be_visible()
    with open(download(other, "CSV för Excel", shots), encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file, delimiter=";"))
    assert len(rows) == len(expected)
    sheet = openpyxl.load_workbook(download(other, "Excel-fil (XLSX)", shots)).active
    assert sheet.max_row - 1 == len(expected)
    ids_in_csv = sorted(row["id"] for row in rows)
    assert ids_in_csv == sorted(item.id for item in expected)

    # The report of the same view: its count and each place's section are the screen's.
    other.get_by_test_id("stSidebarNav").get_by_role("link", name="Skriv ut och exportera").click()
    expect(other).to_have_url(re.compile(r"/exportera\?.*q=kluster"))
    report = pdf_text(download(other, "Ladda ned rapporten (PDF)", shots, "link"))
    assert f"{len(expected)} av 19 initiativ" in report
    assert_report_has_the_map_counts(report, counts, plan_data)
    other.screenshot(path=str(shots / "staff-3-export.png"))
    fresh.close()
    context.close()
