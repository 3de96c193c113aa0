"""Hostile text in a real browser: shown as typed on every page, never run, never a request.

The app reads the `hostile_data` folder: Miljöteknik Högdalen's texts, Högdalen's name and a
committee's name hold every payload of `tests.hostile.PAYLOADS` (<script>, <img onerror>,
Markdown images and links, maths, colours, icons, emoji, bare URLs and e-mail addresses, setext
headings, indented code, mathtext, quotes and a right-to-left override). Every script payload
calls alert(): a dialog would mean it ran. The <img src=x> would request ".../x" if it ever
became an element; the Markdown image and links name outside hosts, and with the tiles switched
off no request may leave localhost. The search text `HOSTILE_QUERY` (a bare URL and an icon code)
goes into ``?q=`` on every page.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

import pytest
from openpyxl import load_workbook
from playwright.sync_api import ConsoleMessage, Dialog, Locator, Page, Request, expect
from pypdf import PdfReader

from soderort.inert import BIDI_CONTROLS, WORD_JOINER
from soderort.livemap.presentation import build_slides, slide_param
from soderort.render.timeline_rows import shorten
from tests.e2e.walk import MAP_IFRAME, open_page
from tests.hostile import HOSTILE_QUERY, OUTSIDE_HOSTS, HostileData, Markup, fragments

pytestmark = pytest.mark.e2e


@dataclass
class Watch:
    """What a page did that hostile text must never make it do."""

    is_tile_url: Callable[[str], bool]
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    image_requests: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> None:
        page.on("dialog", self._dialog)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        page.on("request", self._request)

    def _dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        source = (message.location or {}).get("url", "")
        # Streamlit probes <page path>/_stcore/… when a sub-page is opened directly; those 404s
        # are its own and not caused by any text.
        if "/_stcore/" in urlsplit(source).path:
            return
        # A machine that cannot reach the tile server logs each tile as a failed resource,
        # whatever the text.
        if self.is_tile_url(source):
            return
        self.errors.append(message.text)

    def _request(self, request: Request) -> None:
        if request.url.rstrip("/").endswith("/x"):
            self.image_requests.append(request.url)
        parts = urlsplit(request.url)
        local = parts.hostname in ("127.0.0.1", "localhost")
        if parts.scheme not in ("data", "blob") and not local and not self.is_tile_url(request.url):
            self.outside_requests.append(request.url)

    def assert_quiet(self, page: Page) -> None:
        page.wait_for_timeout(1000)  # let any late handler fire
        assert self.dialogs == []
        assert self.image_requests == []
        assert self.outside_requests == []
        assert self.errors == []


def plain(text: str) -> str:
    """Text as a reader sees it: invisible joiners and bidi controls out, spaces collapsed."""
    kept = "".join(c for c in text if c != WORD_JOINER and c not in BIDI_CONTROLS)
    return " ".join(kept.split())


def test_hostile_text_is_shown_as_typed_and_never_runs(
    page: Page, start_server, hostile_data: HostileData, is_tile_url
) -> None:
    url = start_server(
        {"SODERORT_DATA_DIR": str(hostile_data.folder), "SODERORT_TILES_URL": "none"}
    )
    watch = Watch(is_tile_url)
    watch.attach(page)
    name = hostile_data.place_names["name"]
    texts = hostile_data.texts
    open_page(page, url)

    # The label on the map.
    frame = page.frame_locator(MAP_IFRAME)
    label = frame.locator(f'.sod-label[data-place="{hostile_data.place_id}"]')
    expect(label).to_contain_text(name)
    box = label.bounding_box()
    assert box
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2

    # The tooltip (the pointer on a place's name shows the place's tooltip).
    # As a mouse comes onto the place: from the map's edge, across it (a pointer that has not
    # moved since the map last moved opens no tooltip).
    edge = page.locator(MAP_IFRAME).bounding_box()
    assert edge
    page.mouse.move(edge["x"] + 2, y)
    page.mouse.move(x, y, steps=10)
    # The newest tooltip; those of the shapes crossed on the way fade out for 0.2 s.
    expect(frame.locator(".leaflet-tooltip").last).to_contain_text(name)

    # The popup.
    page.mouse.click(x, y)
    popup = frame.locator(".leaflet-popup-content")
    expect(popup).to_contain_text(texts["rubrik"])
    for key in ("uppdrag", "forvantat_resultat", "tidplan"):
        expect(popup).to_contain_text(texts[key])
    expect(popup.locator("img, script, b, iframe")).to_have_count(0)
    expect(frame.locator('a[href^="javascript:"]')).to_have_count(0)
    # The 500-character word wraps inside the popup instead of widening it.
    width = popup.evaluate("node => [node.scrollWidth, node.clientWidth]")
    assert width[0] <= width[1] + 1, width

    # The list under the map, narrowed to the clicked place.
    main = page.get_by_test_id("stMain")
    # Wait for the narrowed list as a reader would: one place group left. Opening a card of
    # the full list while the rerun is still drawing would open a card that is then replaced.
    expect(main.get_by_role("button", name="Visa alla områden")).to_be_visible()
    expect(main.locator("h3")).to_have_count(1)
    heading = main.locator("h3").filter(has_text="Miljöteknik <script>")
    expect(heading).to_be_visible()
    assert plain(heading.inner_text()) == plain(texts["rubrik"])
    main.get_by_text("Hela texten").first.click()
    commissioner = main.get_by_text("DROP TABLE initiativ").first
    expect(commissioner).to_be_visible()
    shown = plain(main.inner_text())
    # In the card's summary and in its full text.
    assert shown.count(plain(texts["uppdrag"])) == 2
    for key in ("forvantat_resultat", "tidplan"):
        assert plain(texts[key]) in shown, key
    expect(main.locator('img[src="x"], a[href^="javascript:"]')).to_have_count(0)
    # Nothing makes the page scroll sideways (the long word wraps in the card too).
    overflow = page.evaluate(
        "() => { const m = document.querySelector('[data-testid=\"stMain\"]');"
        " return [m.scrollWidth, m.clientWidth]; }"
    )
    assert overflow[0] <= overflow[1] + 1, overflow

    watch.assert_quiet(page)

    # Streamlit's Markdown would turn " -- " into " — " (and "->", "<=" … into arrows and signs).
    assert texts["uppdragsgivare"] in commissioner.inner_text().replace(WORD_JOINER, "")


def test_hostile_search_link_is_shown_as_text(page: Page, server: str, is_tile_url) -> None:
    watch = Watch(is_tile_url)
    watch.attach(page)
    search = "<script>alert(1)</script>"
    theme = "<img src=x onerror=alert(2)>"
    page.goto(f"{server}/?q={quote(search)}&theme={quote(theme)}")

    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_role("textbox", name="Sök i texten")).to_have_value(search)
    expect(sidebar.get_by_text("0 av 19 initiativ")).to_be_visible()
    # Two warnings: the dropped part of the link, and "no initiative matches".
    notice = page.get_by_test_id("stAlertContentWarning").filter(has_text="theme=")
    expect(notice).to_contain_text(f"theme={theme}")
    expect(page.locator('img[src="x"]')).to_have_count(0)

    watch.assert_quiet(page)


# ------------------------------------------------------------------- every page, every file


def assert_shows(area: Locator, *texts: str) -> None:
    shown = plain(area.inner_text())
    for text in texts:
        assert plain(text) in shown, text[:80]


def assert_nothing_interpreted(page: Page) -> None:
    """No element that the payloads would make if any medium read them as markup."""
    # Links and images by where they lead (the app's own links may carry the search text).
    targets = page.evaluate(
        "() => [...document.querySelectorAll('a[href], img[src]')].map(e => e.href || e.src)"
    )
    made = [
        target
        for target in targets
        if urlsplit(target).hostname in OUTSIDE_HOSTS
        or urlsplit(target).scheme in ("mailto", "javascript")
        or target.endswith("/x")
    ]
    assert made == []
    main = page.get_by_test_id("stMain")
    expect(main.locator(".katex")).to_have_count(0)
    # The app writes file names as code; the payload's indented line would be a code block.
    expect(main.locator("pre, code").filter(has_text="kod")).to_have_count(0)
    expect(main.locator("strong, b").filter(has_text=re.compile(r"^\s*fet\s*$"))).to_have_count(0)
    expect(main.get_by_test_id("stIconMaterial").filter(has_text="lock")).to_have_count(0)
    expect(main.locator("h1, h2, h3, h4, h5, h6").filter(has_text="ordordord")).to_have_count(0)
    assert "😄" not in main.inner_text()


# Where the first two characters of `text`, after the committee's right-to-left name, are drawn.
TEXT_AFTER_OVERRIDE = """text => {
  const main = document.querySelector('[data-testid="stMain"]');
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const start = node.data.indexOf('nmän');
    const at = start < 0 ? -1 : node.data.indexOf(text, start);
    if (at < 0) continue;
    const left = offset => {
      const range = document.createRange();
      range.setStart(node, offset);
      range.setEnd(node, offset + 1);
      return range.getBoundingClientRect().left;
    };
    return [left(at), left(at + 1)];
  }
  throw new Error('not found: ' + text);
}"""


def open_app_page(page: Page, url: str, path: str) -> None:
    page.goto(f"{url}{path}")
    expect(page.get_by_test_id("stMain").locator("h1").first).to_be_visible()
    # Let the page finish its run before it is read.
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0)


def download(page: Page, button: str, *, link: bool = False) -> bytes:
    # The PDFs and the map are links to the app's download route, the others download buttons.
    role = "link" if link or button.endswith(("(PDF)", "(HTML)")) else "button"
    with page.expect_download(timeout=180_000) as info:
        page.get_by_role(role, name=button).click()
    with open(info.value.path(), "rb") as file:
        return file.read()


def pdf_text(pdf: bytes) -> str:
    assert pdf.startswith(b"%PDF-")
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))


def test_every_page_shows_the_hostile_data_as_typed_and_makes_every_file(
    page: Page, start_server, hostile_data: HostileData, hostile_plan
) -> None:
    url = start_server(
        {"SODERORT_DATA_DIR": str(hostile_data.folder), "SODERORT_TILES_URL": "none"}
    )
    watch = Watch(lambda _url: False)  # no tiles: nothing may leave localhost
    watch.attach(page)
    texts, name = hostile_data.texts, hostile_data.place_names["name"]
    main = page.get_by_test_id("stMain")

    # Map: the list under the map, narrowed to the place, each card with its full text.
    open_app_page(page, url, f"/?area={hostile_data.place_id}")
    main.get_by_text("Hela texten").first.wait_for()
    for expander in main.get_by_text("Hela texten").all():
        expander.click()
    expect(main.get_by_text("DROP TABLE initiativ").first).to_be_visible()
    assert_shows(main, name, hostile_data.committee_name, *texts.values())
    assert_nothing_interpreted(page)
    # The committee's name ends in an unclosed right-to-left override; the app's "(i samverkan)"
    # after it still reads left to right: its "(" is drawn left of its "i".
    bracket, letter = page.evaluate(TEXT_AFTER_OVERRIDE, "(i samverkan)")
    assert bracket < letter

    # Table: the grid is drawn on a canvas; its downloads hold the texts.
    open_app_page(page, url, "/tabell")
    csv_text = download(page, "CSV för Excel").decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(csv_text), delimiter=";") for cell in row]
    assert texts["rubrik"] in cells
    assert any(hostile_data.committee_name in cell for cell in cells)
    sheet = load_workbook(io.BytesIO(download(page, "Excel-fil (XLSX)"))).active
    assert texts["rubrik"] in {value for row in sheet.iter_rows(values_only=True) for value in row}

    # Timeline: Plotly's tick labels show the heading as typed.
    open_app_page(page, url, "/tidslinje")
    ticks = main.locator(".ytick text")
    expect(ticks.filter(has_text="Miljöteknik <script>")).to_have_count(1)
    label = plain(ticks.filter(has_text="Miljöteknik").first.text_content() or "")
    assert label == plain(shorten(texts["rubrik"]))
    assert_nothing_interpreted(page)

    # Place page: the name, the committee table and the cards; its sheet as a PDF.
    open_app_page(page, url, f"/omrade?place={hostile_data.place_id}")
    assert plain(main.locator("h1").first.inner_text()) == plain(name)
    assert_shows(main.get_by_test_id("stTable"), hostile_data.committee_name, texts["rubrik"])
    assert_shows(main, texts["uppdrag"], texts["forvantat_resultat"], texts["tidplan"])
    assert_nothing_interpreted(page)
    sheet_pdf = pdf_text(download(page, "Områdesblad (PDF)"))
    assert re.sub(r"\s+", "", texts["uppdrag"]) in sheet_pdf

    # Presentation: the place's slide, and the title slide with the search text from the link.
    slides = build_slides(hostile_plan, list(hostile_plan.initiatives))
    index = next(i for i, s in enumerate(slides) if hostile_data.initiative_id in s.initiatives)
    page.goto(f"{url}/presentation?slide={slide_param(index)}")
    expect(main.locator("h2").first).to_be_visible()
    assert_shows(main, name, texts["rubrik"], texts["uppdrag"], texts["tidplan"])
    assert_nothing_interpreted(page)
    page.goto(f"{url}/presentation?q={quote(HOSTILE_QUERY)}")
    expect(main.locator("h1").first).to_be_visible()
    expect(main.get_by_text("phish.example").first).to_be_visible()
    assert_shows(main, HOSTILE_QUERY)
    assert_nothing_interpreted(page)

    # Export: the search text in the filters' description; then the report, the handout and the
    # map file.
    open_app_page(page, url, f"/exportera?q={quote(HOSTILE_QUERY)}")
    assert_shows(main, HOSTILE_QUERY)
    assert_nothing_interpreted(page)
    open_app_page(page, url, "/exportera")
    report = pdf_text(download(page, "Ladda ned rapporten (PDF)"))
    assert re.sub(r"\s+", "", texts["uppdrag"]) in report
    assert re.sub(r"\s+", "", name) in report
    handout = pdf_text(download(page, "Ladda ned översikten i A4", link=True))
    assert re.sub(r"\s+", "", name) in handout
    map_file = download(page, "Ladda ned kartan (HTML)").decode("utf-8")
    # The popups, tooltips and labels that hold the texts (the file's own icons are SVG).
    popups = [Markup(f) for f in fragments(map_file) if "Högdalen" in Markup(f).text]
    for popup in popups:
        popup.assert_harmless()
    shown = "\n".join(popup.text for popup in popups)
    assert name in shown and texts["rubrik"] in shown

    # The search text from the link on the other pages: in the search box, never a link or icon.
    for path in ("/", "/tabell", "/tidslinje", f"/omrade?place={hostile_data.place_id}", "/om"):
        joiner = "&" if "?" in path else "?"
        open_app_page(page, url, f"{path}{joiner}q={quote(HOSTILE_QUERY)}")
        search = page.get_by_test_id("stSidebar").get_by_role("textbox", name="Sök i texten")
        expect(search).to_have_value(HOSTILE_QUERY)
        assert_nothing_interpreted(page)

    # About: the notes on single initiatives.
    open_app_page(page, url, "/om")
    main.get_by_text("Anteckningar om enskilda initiativ").click()
    expect(main.get_by_text("Anteckning <img").first).to_be_visible()
    assert_shows(main, texts["rubrik"], "Anteckning <img src=x onerror=alert(1)>")
    assert_nothing_interpreted(page)

    watch.assert_quiet(page)
