"""Hostile text in a real browser: shown as typed on the map, in its tooltip and popup, and in
the list, and never run.

The app reads the `hostile_data` folder: Miljöteknik Högdalen's texts and Högdalen's name hold
<script>, <img onerror>, a javascript: link in Markdown, an attribute break-out, a 500-character
word and a right-to-left override. Every payload calls alert(): a dialog would mean it ran.
The <img src=x> would request ".../x" if it ever became an element.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import ConsoleMessage, Dialog, Page, Request, expect

from soderort.inert import WORD_JOINER
from tests.hostile import HostileData

pytestmark = pytest.mark.e2e

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'


@dataclass
class Watch:
    """What a page did that hostile text must never make it do."""

    is_tile_url: Callable[[str], bool]
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    image_requests: list[str] = field(default_factory=list)

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

    def assert_quiet(self, page: Page) -> None:
        page.wait_for_timeout(1000)  # let any late handler fire
        assert self.dialogs == []
        assert self.image_requests == []
        assert self.errors == []


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
    page.goto(url)

    # The label on the map.
    frame = page.frame_locator(MAP_FRAME)
    label = frame.locator(f'.sod-label[data-place="{hostile_data.place_id}"]')
    expect(label).to_contain_text(name)
    box = label.bounding_box()
    assert box
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2

    # The tooltip (labels let the pointer through to the place under them).
    page.mouse.move(x, y)
    expect(frame.locator(".leaflet-tooltip")).to_contain_text(name)

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
    heading = main.get_by_text(texts["rubrik"], exact=True)
    expect(heading).to_be_visible()
    # In the card's summary and in its full text.
    expect(main.get_by_text(texts["uppdrag"])).to_have_count(2)
    expect(main.get_by_text(texts["uppdrag"]).first).to_be_visible()
    main.get_by_text("Hela texten").first.click()
    for key in ("forvantat_resultat", "tidplan"):
        expect(main.get_by_text(texts[key]).first).to_be_visible()
    commissioner = main.get_by_text("DROP TABLE initiativ").first
    expect(commissioner).to_be_visible()
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
