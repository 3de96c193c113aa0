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
import re
from collections import Counter

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from soderort import exports, mapping, report
from soderort.filters import FilterState, filter_initiatives
from soderort.timeline_chart import build_timeline_figure, shorten
from tests.hostile import Markup, fragments


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
    html = mapping.popup_html(hostile_plan, hostile_data.place_id, [hostile_item], language)
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
    normal = Markup(mapping.popup_html(plan_data, place, [plan_data.initiative(hostile_item.id)]))
    hostile = Markup(mapping.popup_html(hostile_plan, place, [hostile_item]))
    assert shape([hostile]) == shape([normal])


@pytest.mark.parametrize("language", ["sv", "en"])
def test_rendered_map_shows_text_and_adds_no_markup(
    plan_data, hostile_plan, hostile_data, language
):
    def render(data) -> str:
        layers = mapping.build_map_layers(data, list(data.initiatives), language=language)
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
    layers = mapping.build_map_layers(hostile_plan, list(hostile_plan.initiatives))
    layers.places.add_to(layers.base)
    document = layers.base.get_root().render()
    links = [url for fragment in fragments(document) for url in Markup(fragment).urls]
    # One link per place and the follow-ups' sources; the Markdown link in the text did not
    # become one.
    sources = {e.source.url for entries in hostile_plan.follow_ups.values() for e in entries}
    links = [url for url in links if url not in sources]
    assert len(links) == len(hostile_plan.places)
    assert all(url.startswith("/omrade?place=") for url in links), links


# ---------------------------------------------------------------------------------- exports


@pytest.fixture(scope="module")
def hostile_table(hostile_plan, hostile_item):
    return exports.initiatives_table(hostile_plan, [hostile_item])


def test_csv_holds_the_text_verbatim(hostile_table, hostile_data):
    text = exports.to_csv_bytes(hostile_table).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
    assert len(rows) == 1
    row = rows[0]
    for field, written in hostile_data.texts.items():
        assert row[exports.header(field)] == written, field


def test_xlsx_holds_the_text_verbatim(hostile_table, hostile_data):
    sheet = load_workbook(io.BytesIO(exports.to_xlsx_bytes(hostile_table))).active
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
        pdf = report.build_report_pdf(hostile_plan, [hostile_item], [], None)
    else:
        pdf = report.build_place_pdf(hostile_plan, hostile_data.place_id, [hostile_item], None)
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
