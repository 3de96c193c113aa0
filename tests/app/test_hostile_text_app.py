"""Hostile text in the data, shown by the running app: as text on every page, never as markup.

The app reads the `hostile_data` folder (SODERORT_DATA_DIR). On each page every piece of
Markdown the app sends is checked: text from the data is escaped (no tag, link or autolink of its
own), and what the reader sees holds the hostile texts exactly as typed. Tables are checked
cell by cell.
"""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from soderort import inert, paths, viewstate
from soderort.livemap.presentation import build_slides, slide_param
from tests.app.conftest import link_buttons, open_app, open_list_sections
from tests.hostile import HOSTILE_QUERY, HostileData, assert_inert_markdown, unescape_markdown

# Elements whose text Streamlit renders as Markdown.
MARKDOWN_ELEMENTS = {
    "Markdown",
    "Caption",
    "Title",
    "Header",
    "Subheader",
    "Info",
    "Warning",
    "Error",
    "Success",
}


@pytest.fixture(autouse=True)
def hostile_app(hostile_data: HostileData, monkeypatch: pytest.MonkeyPatch, st_folium) -> None:
    # The map's component is replaced (`st_folium`); the browser test covers the map itself.
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(hostile_data.folder))


def markdown_texts(node) -> list[str]:
    """The Markdown of every text element, table cell, label and help text under `node`, in
    page order."""
    found = []
    for child in getattr(node, "children", {}).values():
        kind = type(child).__name__
        if kind in MARKDOWN_ELEMENTS:
            found.append(str(child.value))
        if kind == "Table":  # st.table renders each cell as Markdown
            found.extend(str(cell) for cell in child.value.to_numpy().ravel())
        # Widget labels, expander labels and help tooltips are Markdown too.
        for attribute in ("label", "help"):
            value = getattr(child, attribute, None)
            if isinstance(value, str) and value:
                found.append(value)
        found.extend(markdown_texts(child))
    return found


def open_page(page: str | None = None, **params: str) -> AppTest:
    return open_app(page, params, timeout=90)


def shown_text(at: AppTest, hostile_data: HostileData) -> str:
    """Check every Markdown text on the page (`assert_inert_markdown`); return what the reader
    sees."""
    texts = markdown_texts(at.main) + markdown_texts(at.sidebar)
    assert texts
    for text in texts:
        assert_inert_markdown(text)
    return "\n".join(unescape_markdown(text) for text in texts)


def test_map_page_list_shows_the_texts_as_typed(hostile_data) -> None:
    at = open_list_sections(open_page(), [hostile_data.place_id])
    shown = shown_text(at, hostile_data)
    for field, written in hostile_data.texts.items():
        assert written in shown, field
    assert hostile_data.place_names["name"] in shown  # the list's heading for the place


def test_map_page_in_english_shows_the_english_place_name(hostile_data) -> None:
    at = open_list_sections(open_page(lang="en"), [hostile_data.place_id])
    shown = shown_text(at, hostile_data)
    assert hostile_data.place_names["name_en"] in shown
    assert hostile_data.texts["rubrik"] in shown


def test_table_shows_the_texts_in_its_cells(hostile_data) -> None:
    at = open_page("pages/table.py")
    shown_text(at, hostile_data)
    # The table, and the plan beside the outcome under it.
    table, outcome = at.dataframe
    for frame, fields in (
        (table, ("rubrik", "uppdrag", "forvantat_resultat", "tidplan")),
        (outcome, ("rubrik", "forvantat_resultat", "tidplan")),
    ):
        cells = {str(value) for value in frame.value.to_numpy().ravel()}
        for field in fields:
            text = hostile_data.texts[field]
            # A cell holds the text itself (cut-off cells end with " …").
            assert any(cell == text or cell.startswith(text) for cell in cells), field


def test_place_page_shows_the_texts_as_typed(hostile_data) -> None:
    at = open_page("pages/place.py", place=hostile_data.place_id)
    shown = shown_text(at, hostile_data)
    assert hostile_data.place_names["name"] in shown
    for field in ("rubrik", "uppdrag", "forvantat_resultat", "tidplan"):
        assert hostile_data.texts[field] in shown, field


def test_presentation_slide_shows_the_texts_as_typed(hostile_data, hostile_plan) -> None:
    slides = build_slides(hostile_plan, list(hostile_plan.initiatives))
    index = next(i for i, s in enumerate(slides) if hostile_data.initiative_id in s.initiatives)
    at = open_page("pages/presentation.py", **{viewstate.QP_SLIDE: slide_param(index)})
    shown = shown_text(at, hostile_data)
    assert hostile_data.place_names["name"] in shown
    assert hostile_data.texts["rubrik"] in shown
    assert hostile_data.texts["uppdrag"] in shown


@pytest.mark.parametrize("page", ["pages/timeline.py", "pages/export.py", "pages/about.py"])
def test_other_pages_keep_their_markdown_inert(hostile_data, page) -> None:
    shown = shown_text(open_page(page), hostile_data)
    if page == "pages/about.py":
        # The initiative's note and its heading in the list of notes.
        assert hostile_data.texts["rubrik"] in shown
        assert "Anteckning <img src=x onerror=alert(1)>" in shown


def test_sidebar_offers_the_hostile_place_name_as_an_option(hostile_data) -> None:
    at = open_page()
    areas = at.sidebar.multiselect(key=viewstate.SS_FILTER_AREAS)
    assert hostile_data.place_names["name"] in areas.options


# A place name from places.geojson is shown as text on the map, place and export pages.
PLACE_NAME_PAGES = {
    "map": (None, {}),
    "place": ("pages/place.py", {"place": "hogdalen"}),
    "export": ("pages/export.py", {}),
}


@pytest.mark.parametrize("where", sorted(PLACE_NAME_PAGES))
def test_place_names_are_shown_as_text(hostile_data, where) -> None:
    page, params = PLACE_NAME_PAGES[where]
    at = open_page(page, **params)
    if where == "export":
        at.selectbox(key=viewstate.SS_EXPORT_PLACE).set_value(hostile_data.place_id).run()
        # The place sheet's link names the place as text: escaped HTML, read back as typed.
        label, _ = link_buttons(at)[viewstate.SS_EXPORT_PLACE_PDF]
        assert hostile_data.place_names["name"] in label
        assert not any("<script>alert" in element.proto.body for element in at.get("html"))
        return
    assert hostile_data.place_names["name"] in shown_text(at, hostile_data)


def test_place_page_committee_table_shows_names_as_typed(hostile_data) -> None:
    # The table rendered its cells as Markdown: an outside image, a live link, maths, bold.
    at = open_page("pages/place.py", place=hostile_data.place_id)
    (table,) = at.table
    cells = [str(cell) for cell in table.value.to_numpy().ravel()]
    for cell in cells:
        assert_inert_markdown(cell)
    shown = [unescape_markdown(cell) for cell in cells]
    assert inert.isolate(hostile_data.committee_name) in shown
    assert any(hostile_data.texts["rubrik"] in cell for cell in shown)


@pytest.mark.parametrize("page", ["pages/presentation.py", "pages/export.py"])
def test_search_text_from_the_link_is_shown_as_typed(hostile_data, page) -> None:
    # In the filters' description: a bare URL was a live link, :material/lock: an icon.
    at = open_page(page, **{viewstate.QP_TEXT: HOSTILE_QUERY})
    assert HOSTILE_QUERY in shown_text(at, hostile_data)


# Streamlit's front end (StreamlitMarkdown) rewrites these tokens in text nodes, after escapes.
STREAMLIT_TYPOGRAPHY = ["<->", "->", "<-", "--", ">=", "<=", "~="]


@pytest.mark.parametrize("token", STREAMLIT_TYPOGRAPHY)
@pytest.mark.parametrize("template", ["a {} b", "{} b", "a {}", "{}"])
def test_escaped_text_keeps_tokens_that_streamlit_would_turn_into_symbols(
    token: str, template: str
) -> None:
    written = template.format(token)
    shown = unescape_markdown(inert.markdown(written))
    assert shown == written
    # The text node the front end sees: no token it rewrites stands alone between spaces.
    text_node = re.sub(r"\\(.)", r"\1", inert.markdown(written))
    for rewritten in STREAMLIT_TYPOGRAPHY:
        assert not re.search(rf"(^|\s){re.escape(rewritten)}(\s|$)", text_node), rewritten
