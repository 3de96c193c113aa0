"""Hostile text in the data is shown as text everywhere the library writes it.

The data folder from the `hostile_data` fixture holds script tags, an <img onerror>, a
javascript: link in Markdown form, an attribute break-out, a 500-character word and a
right-to-left override in one initiative (Miljöteknik Högdalen) and in its place's name.

HTML is checked two ways: the text a browser would show contains each field exactly as typed,
and the markup is the same as for the shipped data (same tags, same attribute names): text never
adds an element or an attribute. Exports are checked by reading the files back.
"""

from __future__ import annotations

import csv
import dataclasses
import html
import io
import json
import re
from collections import Counter

import pytest
import tinycss2
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from openpyxl import load_workbook
from pypdf import PdfReader

from soderort import exports, inert
from soderort.filters import FilterState, filter_initiatives
from soderort.render import (
    map_layers,
    map_popups,
    pdf_pages,
    place_pdf,
    print_map,
    report_pdf,
    spreadsheet_files,
)
from soderort.render.spreadsheet_cells import neutralise_csv_field
from soderort.render.timeline_chart import build_timeline_figure
from soderort.render.timeline_rows import shorten
from tests.hostile import (
    HOSTILE_IMG,
    HOSTILE_MATH,
    HOSTILE_MATHTEXT,
    HOSTILE_QUOTES,
    HOSTILE_ROOT,
    HOSTILE_RTL,
    PAYLOADS,
    Markup,
    assert_bidi_closed,
    assert_inert_markdown,
    fragments,
    unescape_markdown,
)


def shape(markups: list[Markup]) -> tuple[Counter, Counter]:
    tags: Counter[str] = Counter()
    attributes: Counter[tuple[str, str]] = Counter()
    for markup in markups:
        tags.update(markup.tags)
        attributes.update(markup.attributes)
    return tags, attributes


@pytest.fixture(scope="module")
def hostile_item(hostile_plan, hostile_data):
    return hostile_plan.initiative(hostile_data.initiative_id)


# ------------------------------------------------------------------------------------ the map


@pytest.mark.parametrize("language", ["sv", "en"])
def test_popup_shows_every_field_as_typed(hostile_plan, hostile_data, hostile_item, language):
    html = map_popups.popup_html(hostile_plan, hostile_data.place_id, [hostile_item], language)
    markup = Markup(html)
    markup.assert_harmless()
    name = hostile_data.place_names["name_en" if language == "en" else "name"]
    for text in (name, *(hostile_data.texts[f] for f in ("rubrik", "uppdrag", "tidplan"))):
        assert text in markup.text, text
    # The 500-character word and the break-out are in the expected result.
    assert hostile_data.texts["forvantat_resultat"] in markup.text


def test_popup_markup_does_not_depend_on_the_text(
    plan_data, hostile_plan, hostile_data, hostile_item
):
    place = hostile_data.place_id
    normal = Markup(
        map_popups.popup_html(plan_data, place, [plan_data.initiative(hostile_item.id)])
    )
    hostile = Markup(map_popups.popup_html(hostile_plan, place, [hostile_item]))
    assert shape([hostile]) == shape([normal])


@pytest.mark.parametrize("language", ["sv", "en"])
def test_rendered_map_shows_text_and_adds_no_markup(
    plan_data, hostile_plan, hostile_data, language
):
    def render(data) -> str:
        layers = map_layers.build_map_layers(data, list(data.initiatives), language=language)
        layers.places.add_to(layers.base)
        return layers.base.get_root().render()

    normal, hostile = render(plan_data), render(hostile_plan)
    hostile_fragments = [Markup(fragment) for fragment in fragments(hostile)]
    for markup in hostile_fragments:
        markup.assert_harmless()
    # Tooltips, popups and labels: the same elements and attributes as with the shipped data.
    assert shape(hostile_fragments) == shape([Markup(f) for f in fragments(normal)])
    # The page around them too: no text closed a <script> early or opened a tag of its own.
    assert shape([Markup(hostile)]) == shape([Markup(normal)])
    shown = "\n".join(markup.text for markup in hostile_fragments)
    name = hostile_data.place_names["name_en" if language == "en" else "name"]
    assert name in shown  # tooltip and label
    for field in ("rubrik", "uppdrag", "forvantat_resultat", "tidplan"):
        assert hostile_data.texts[field] in shown, field


def test_popup_links_lead_to_the_place_page_only(hostile_plan):
    layers = map_layers.build_map_layers(hostile_plan, list(hostile_plan.initiatives))
    layers.places.add_to(layers.base)
    document = layers.base.get_root().render()
    links = [url for fragment in fragments(document) for url in Markup(fragment).urls]
    # Links to each place's page ("Öppna områdessidan", and "Senaste av n uppgifter" where a
    # follow-up has more entries) and the follow-ups' sources; the Markdown link in the text
    # did not become one.
    sources = {e.source.url for entries in hostile_plan.follow_ups.values() for e in entries}
    links = [url for url in links if url not in sources]
    assert len(set(links)) == len(hostile_plan.places)
    assert all(url.startswith("/omrade?place=") for url in links), links


# ---------------------------------------------------------------------------------- exports


@pytest.fixture(scope="module")
def hostile_table(hostile_plan, hostile_item):
    return exports.initiatives_table(hostile_plan, [hostile_item])


def test_csv_holds_the_text_verbatim(hostile_table, hostile_data):
    text = spreadsheet_files.to_csv_bytes(hostile_table).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
    assert len(rows) == 1
    row = rows[0]
    for field, written in hostile_data.texts.items():
        # Verbatim but for the apostrophe before what a spreadsheet could run as a formula.
        assert row[exports.header(field)] == neutralise_csv_field(written), field


def test_xlsx_holds_the_text_verbatim(hostile_table, hostile_data):
    sheet = load_workbook(io.BytesIO(spreadsheet_files.to_xlsx_bytes(hostile_table))).active
    headers = [cell.value for cell in sheet[1]]
    values = dict(zip(headers, [cell.value for cell in sheet[2]], strict=True))
    for field, written in hostile_data.texts.items():
        assert values[exports.header(field)] == written, field
    # Stored as text, never as a formula.
    assert all(cell.data_type == "s" for cell in sheet[2] if isinstance(cell.value, str))


def pdf_text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def squeezed(text: str) -> str:
    # A PDF breaks long words and lines where it must; compare without the breaks.
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("kind", ["report", "place"])
def test_pdfs_print_the_text_as_typed(hostile_plan, hostile_data, hostile_item, kind):
    if kind == "report":
        pdf = report_pdf.build_report_pdf(hostile_plan, [hostile_item], [], None)
    else:
        pdf = place_pdf.build_place_pdf(hostile_plan, hostile_data.place_id, [hostile_item], None)
    text = squeezed(pdf_text(pdf))
    for field in ("rubrik", "uppdrag", "forvantat_resultat"):
        # The right-to-left override has no glyph and is not extracted; the rest is literal.
        assert squeezed(hostile_data.texts[field]) in text, field
    assert squeezed(hostile_data.place_names["name"]) in text


# ---------------------------------------------------------------------------------- filters


@pytest.mark.parametrize(
    "query", ["<script>", "onerror=alert(1)", "javascript:alert", '"><b>', "ordordord"]
)
def test_hostile_text_is_searchable_as_text(hostile_plan, hostile_item, query):
    found = filter_initiatives(hostile_plan, FilterState(text=query))
    assert hostile_item in found


def test_timeline_labels_show_headings_and_names_as_typed(
    hostile_plan, hostile_data, hostile_item
) -> None:
    # Plotly reads tick labels and legend entries as its own small HTML: <b> would be bold and
    # an <a href> a link, so text from the data must reach it escaped.
    committee = next(iter(hostile_plan.committees.values()))
    renamed = hostile_plan.committees | {
        committee.id: committee.model_copy(update={"name": "Nämnd <b>fet</b> & co"})
    }
    plan = dataclasses.replace(hostile_plan, committees=renamed)
    figure = build_timeline_figure(plan, plan.initiatives, colour_by="committee")
    axis = figure.layout.yaxis
    label = next(tick for tick in axis.tickvals if "<script>" in tick)
    assert label.startswith(shorten(hostile_data.texts["rubrik"])[:20])
    shown = dict(zip(axis.tickvals, axis.ticktext, strict=True))[label]
    assert "<" not in shown and html.unescape(shown) == label
    names = {trace.name for trace in figure.data if trace.showlegend}
    assert "Nämnd &lt;b&gt;fet&lt;/b&gt; &amp; co" in names


# ----------------------------------------------------------------- the boundary, per medium

# Every payload alone, inside other text, and at the start of a line after a blank line.
SHAPES = ["{}", "Före {} efter", "Rad ett\n\n{}"]
CORPUS = [shape.format(payload) for payload in PAYLOADS.values() for shape in SHAPES]


@pytest.mark.parametrize("text", CORPUS)
def test_markdown_shows_every_payload_as_typed(text: str) -> None:
    escaped = inert.markdown(text)
    # In the app's own Markdown, as the cards and lists write it.
    for markdown in (escaped, f"**Rubrik:** {escaped}  \n**Tidplan:** {escaped}"):
        assert_inert_markdown(markdown)
    assert unescape_markdown(escaped) == inert.isolate(text)


@pytest.mark.parametrize("text", CORPUS)
def test_html_shows_every_payload_as_typed(text: str) -> None:
    escaped = inert.html(text)
    content = Markup(f"<p>{escaped}</p>")
    assert set(content.tags) == {"p"} and content.text == inert.isolate(text)
    attribute = Markup(f'<p title="{escaped}" data-place="{escaped}">x</p>')
    assert set(attribute.attributes) == {("p", "title"), ("p", "data-place")}


@pytest.mark.parametrize("text", CORPUS)
def test_script_json_keeps_every_payload_inside_its_script(text: str) -> None:
    written = inert.script_json({"label": text, "files": [[text, "script"]]})
    assert "</" not in written
    assert json.loads(written) == {"label": text, "files": [[text, "script"]]}


# The only entities Plotly's small HTML decodes (plotly.js svg_text_utils), and its tags.
PLOTLY_ENTITIES = {"&lt;": "<", "&gt;": ">", "&amp;": "&"}


def plotly_shown(text: str) -> str:
    return re.sub(r"&(lt|gt|amp);", lambda match: PLOTLY_ENTITIES[match.group(0)], text)


@pytest.mark.parametrize("text", CORPUS)
def test_plotly_shows_every_payload_as_typed(text: str) -> None:
    escaped = inert.plotly(text)
    assert "<" not in escaped and ">" not in escaped
    # No entity Plotly would leave as written (&quot; showed literally in the hovers).
    assert set(re.findall(r"&#?\w+;", escaped)) <= set(PLOTLY_ENTITIES), escaped
    assert plotly_shown(escaped) == inert.isolate(text)


def test_timeline_hover_shows_quotes_as_typed(hostile_plan, hostile_data) -> None:
    figure = build_timeline_figure(hostile_plan, hostile_plan.initiatives, colour_by="theme")
    hovers = [text for trace in figure.data for text in (trace.hovertext or ()) if text]
    hover = next(text for text in hovers if "Miljöteknik" in text)
    assert "&quot;" not in hover and "&#x27;" not in hover
    # Hover lines break at spaces (plotly's boxes do not wrap).
    assert HOSTILE_QUOTES in plotly_shown(hover.replace("<br>", " "))


def test_printed_html_prints_every_payload_as_typed() -> None:
    # One document for the whole corpus: a paragraph and a table cell per payload, as the PDFs
    # write them, each between markers, read back from the PDF in order.
    rows = "".join(
        f"<p>[{n}]{pdf_pages.text(text)}[/{n}]</p>"
        f"<table><tbody><tr><th>[{n}]</th><td>{pdf_pages.text(text)}[/{n}]</td></tr></tbody></table>"
        for n, text in enumerate(CORPUS)
    )
    pdf = pdf_pages.tagged_pdf(
        title=HOSTILE_QUOTES, language="sv", footer=CORPUS[0], body=rows, css=""
    )
    printed = squeezed(pdf_text(pdf))
    for n, text in enumerate(CORPUS):
        expected = squeezed(inert.drawn_text(text))
        shown = re.findall(rf"\[{n}\](.*?)\[/{n}\]", printed)
        if any(char in inert.BIDI_CONTROLS for char in text):
            # Pango applies the override inside its isolated string only: the same characters,
            # turned around, between the markers that stay in place.
            assert [Counter(piece) for piece in shown] == [Counter(expected)] * 2, text
        else:
            assert shown == [expected] * 2, text


def test_the_pdf_title_is_the_text_as_typed() -> None:
    pdf = pdf_pages.tagged_pdf(
        title=HOSTILE_QUOTES + HOSTILE_IMG, language="en", footer="", body="<p>x</p>", css=""
    )
    assert PdfReader(io.BytesIO(pdf)).metadata.title == HOSTILE_QUOTES + HOSTILE_IMG


@pytest.mark.parametrize("text", [HOSTILE_QUOTES, "a\\b", '"; } body { color: red', "<\n>"])
def test_css_string_is_one_string_of_the_text(text: str) -> None:
    tokens = [
        token
        for token in tinycss2.parse_component_value_list(inert.css_string(text))
        if token.type != "whitespace"
    ]
    assert [token.type for token in tokens] == ["string"]
    assert tokens[0].value == inert.drawn_text(text)


@pytest.mark.parametrize("text", [HOSTILE_MATHTEXT, HOSTILE_ROOT, HOSTILE_MATH])
def test_matplotlib_draws_dollars_as_typed(text: str) -> None:
    figure = Figure()
    FigureCanvasAgg(figure)
    label = figure.add_axes((0, 0, 1, 1)).annotate(text, xy=(0.5, 0.5), **inert.MATPLOTLIB_TEXT)
    renderer = figure.canvas.get_renderer()
    drawn = label.get_window_extent(renderer).width
    width, _height, _descent = renderer.get_text_width_height_descent(
        text, label.get_fontproperties(), ismath=False
    )
    assert drawn == pytest.approx(width)


def test_matplotlib_would_read_the_dollars_as_mathtext_without_the_boundary() -> None:
    figure = Figure()
    FigureCanvasAgg(figure)
    label = figure.add_axes((0, 0, 1, 1)).annotate(HOSTILE_MATHTEXT, xy=(0.5, 0.5))
    with pytest.raises(ValueError):
        label.get_window_extent(figure.canvas.get_renderer())


@pytest.mark.parametrize("language", ["sv", "en"])
def test_pdf_map_draws_place_names_with_dollars(hostile_plan, hostile_data, language) -> None:
    # "Högdalen $a_$" failed every PDF; the map is drawn for the report and the place sheet.
    png = print_map.render_map_png(
        hostile_plan, hostile_plan.initiatives, place_id=hostile_data.place_id, language=language
    )
    assert png.startswith(b"\x89PNG")


# ---------------------------------------------------------------------------- bidi controls

RLO, PDF_, FSI, PDI = "\u202e", "\u202c", "\u2068", "\u2069"


@pytest.mark.parametrize(
    ("text", "isolated"),
    [
        ("Högdalen", "Högdalen"),
        (f"{RLO}abc", f"{FSI}{RLO}abc{PDF_}{PDI}"),
        (f"a{PDF_}b{PDI}", f"{FSI}ab{PDI}"),  # closers with no opener would close ours
        (f"{RLO}a{PDF_}b", f"{FSI}{RLO}a{PDF_}b{PDI}"),
        (f"\u2067{RLO}a{PDI}b", f"{FSI}\u2067{RLO}a{PDI}b{PDI}"),
        ("שלום", f"{FSI}שלום{PDI}"),
    ],
)
def test_isolate_keeps_the_direction_to_the_string(text: str, isolated: str) -> None:
    assert inert.isolate(text) == isolated
    assert_bidi_closed(inert.isolate(text))


@pytest.mark.parametrize("escape", [inert.markdown, inert.html, inert.plotly, inert.printed_html])
def test_browser_media_close_every_bidi_control(escape) -> None:
    text = f"{HOSTILE_RTL}Klart 2020"
    with pytest.raises(AssertionError):
        assert_bidi_closed(text)
    assert_bidi_closed(f"Rubrik: {escape(text)} · Planerad")


def test_media_without_bidi_drop_the_controls() -> None:
    assert inert.drawn_text(f"{RLO}Klart{PDF_} {FSI}2020{PDI}\x00") == "Klart 2020"
