"""One language at a time, in a real browser: what a Swedish user sees or hears read out has no
English interface words (Streamlit's and Leaflet's own included), and the English interface no
Swedish ones.

The initiatives' texts, the committees' and the places' names stay as the plan writes them
(Swedish), so the English check reads only what the interface itself says: the names, titles
and placeholders of controls, the page links and the headings of pages and sections.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from soderort.readings import shown_text
from tests.e2e.walk import (
    PAGES,
    VIEWPORTS,
    device_context,
    open_page,
    page_url,
    pass_first_visit,
)

pytestmark = pytest.mark.e2e

# Words of Streamlit's, Leaflet's and the app's English interface that are not also Swedish
# words. "English" and "Language" are left out: the language switch names each language in
# itself, and the tile provider's attribution ("OpenStreetMap contributors") is its licence.
ENGLISH_WORDS = {
    "the", "and", "of", "for", "all", "Select", "Help", "Open", "Close", "Dismiss", "Search",
    "Download", "Show", "hide", "columns", "Fullscreen", "Sidebar", "Collapse", "Expand", "Zoom",
    "Layers", "Clear", "Choose", "option", "Skip", "main", "content", "Page", "found", "Running",
    "initiatives", "initiative", "Map", "Table", "Timeline", "Places", "About", "Print",
    "Reset", "filters", "Shortcut", "plot", "value", "library", "interactive", "matches",
}  # fmt: skip
SWEDISH_WORDS = {
    "och", "av", "för", "alla", "Alla", "Välj", "Hjälp", "Öppna", "Stäng", "Sök", "Visa",
    "dölj", "Rensa", "Zooma", "Kartlager", "Helskärm", "Sidomeny", "Fäll", "matchar", "filtren",
    "initiativ", "början", "slut", "Kortkommando", "Ladda", "Karta", "Tabell", "Tidslinje",
    "Områden", "Om", "Tillgänglighet", "Hoppa", "Länk", "rubriken", "Antal",
}  # fmt: skip
WORD = re.compile(r"[^\W\d_]+")
ADDRESS = re.compile(r"https?://\S+")

READ_ATTRIBUTES = """(selector) => {
    const out = [];
    const named = document.querySelectorAll('[aria-label], [title], [placeholder], [alt]');
    for (const element of named) {
        for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
            const value = element.getAttribute(name);
            if (value) out.push(value);
        }
    }
    for (const element of document.querySelectorAll(selector)) out.push(element.innerText);
    return out;
}"""
# What the interface itself writes: page links, page and section headings, buttons, labels.
INTERFACE_TEXT = (
    "[data-testid=stSidebarNav], h1, h2, button, label, summary, .sod-legend, "
    "[data-testid=stCaptionContainer]"
)


def interface_texts(page: Page, visible: bool) -> list[str]:
    """The names, titles and placeholders in the page and its frames, with its visible text
    (all of it when `visible`, else only the interface's own elements)."""
    texts = []
    for frame in page.frames:
        selector = "body" if visible else INTERFACE_TEXT
        texts.extend(frame.evaluate(READ_ATTRIBUTES, selector))
    return texts


def words_of(texts: list[str], vocabulary: set[str], sources: list[str]) -> dict[str, str]:
    found = {}
    for text in texts:
        # The source's own words: the plan's title, and the editorial notes (in English, as the
        # About page says).
        for source in sources:
            text = text.replace(source, "")
        # An address shown to copy (the open data's) is no word of the interface.
        text = ADDRESS.sub("", text)
        # The language switch names each language in itself.
        text = text.replace("Språk / Language", "").replace("OpenStreetMap contributors", "")
        for match in WORD.finditer(text):
            if match.group() in vocabulary:
                context = text[max(0, match.start() - 50) : match.end() + 50]
                found.setdefault(match.group(), " ".join(context.split()))
    return found


def _scan(
    browser: Browser, server: str, language: str, device: str, sources: list[str]
) -> dict[str, dict]:
    pass_first_visit(browser, server)
    phone = device == "phone"
    context = device_context(browser, device)
    try:
        page = context.new_page()
        found = {}
        for path in PAGES:
            open_page(page, page_url(server, path, language))
            # The help texts are read from their tooltips; open one so that it is checked too.
            help_button = page.get_by_test_id("stTooltipHoverTarget").first
            if not phone and help_button.is_visible():
                help_button.hover()
            if language == "sv":
                wrong = words_of(interface_texts(page, True), ENGLISH_WORDS, sources)
            else:
                wrong = words_of(interface_texts(page, False), SWEDISH_WORDS, sources)
            if wrong:
                found[path or "karta"] = wrong
        return found
    finally:
        context.close()


def _sources(plan_data) -> list[str]:
    """The data's own words, in the language they were written in: the plan's title and notes,
    the initiatives' headings as shown (with their reading marks), and the follow-ups' texts and
    their sources' titles and publishers (some sources are in English)."""
    document = plan_data.document
    words = [document.title, *document.editorial_notes]
    for initiative in plan_data.initiatives:
        words += [shown_text(initiative, "rubrik", language) for language in ("sv", "en")]
        for entry in plan_data.follow_up_entries(initiative.id):
            words += [entry.text, entry.source.title, entry.source.publisher]
    # Longest first, so that a text is taken out whole before any part of it.
    return sorted(set(words), key=len, reverse=True)


@pytest.mark.parametrize("device", list(VIEWPORTS))
def test_swedish_interface_has_no_english(
    browser: Browser, server: str, device: str, plan_data
) -> None:
    assert _scan(browser, server, "sv", device, _sources(plan_data)) == {}


def test_english_interface_has_no_swedish(browser: Browser, server: str, plan_data) -> None:
    assert _scan(browser, server, "en", "laptop", _sources(plan_data)) == {}


def test_counts_agree_in_number_in_both_languages(page: Page, server: str) -> None:
    open_page(page, server)
    open_page(page, f"{server}/omrade?place=farsta&lang=en")
    main = page.get_by_test_id("stMain")
    expect(main).to_contain_text("1 of the place's 1 initiative matches the filters.")
    open_page(page, f"{server}/omrade?place=hela-soderort")
    expect(main).to_contain_text("12 av områdets 12 initiativ matchar filtren.")


# The chart's mode bar names its buttons in data-title (shown under the pointer).
MODE_BAR_TITLES = """() => [...document.querySelectorAll('.modebar-btn')]
    .map(e => e.getAttribute('data-title') || '')"""


def _mode_bar_titles(page: Page, server: str) -> list[str]:
    page.set_viewport_size({"width": 1400, "height": 900})
    open_page(page, f"{server}/tidslinje")
    page.get_by_test_id("stPlotlyChart").first.hover()
    expect(page.locator(".modebar-btn").first).to_be_attached()
    return page.evaluate(MODE_BAR_TITLES)


def test_the_charts_download_button_is_named_in_swedish(page: Page, server: str) -> None:
    titles = _mode_bar_titles(page, server)
    assert "Ladda ned diagrammet som PNG" in titles, titles
    assert not [title for title in titles if "Download" in title], titles


def test_the_charts_full_screen_button_is_named_in_swedish(page: Page, server: str) -> None:
    # Streamlit's own button in the chart's mode bar, named in data-title.
    titles = _mode_bar_titles(page, server)
    assert "Helskärm" in titles, titles
    assert "Fullscreen" not in titles, titles


def test_the_tables_toolbar_speaks_swedish(page: Page, server: str) -> None:
    """The table's toolbar: each button's tooltip under the pointer, and the column chooser."""
    page.set_viewport_size({"width": 1400, "height": 900})
    open_page(page, f"{server}/tabell")
    grid = page.get_by_test_id("stDataFrame").first
    body = page.locator("body")
    for name in ("Visa eller dölj kolumner", "Ladda ned som CSV", "Sök", "Helskärm"):
        grid.hover()
        button = page.get_by_test_id("stElementToolbar").first.get_by_role(
            "button", name=re.compile(f"^{name}: ")
        )
        button.hover()
        expect(page.get_by_test_id("stTooltipContent")).to_have_text(name)
    grid.hover()
    page.get_by_test_id("stElementToolbar").first.get_by_role(
        "button", name=re.compile("^Visa eller dölj kolumner: ")
    ).click()
    expect(body).to_contain_text("Markera alla")
    expect(body).not_to_contain_text("Select all")
    expect(body).not_to_contain_text("(index)")
