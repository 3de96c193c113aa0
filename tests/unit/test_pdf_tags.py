"""The PDFs are tagged (PDF/UA-1): a screen reader gets their language, title and structure.

Read back with pypdf, as an accessibility checker reads them: the catalogue's /Lang, /MarkInfo
and /ViewerPreferences, the title in the document information, and the structure tree's
elements (headings, the table's header cells, the map as a figure with its alternative text).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

from soderort.facts import count_by_place
from soderort.i18n import t
from soderort.loading import PlanData
from soderort.render import handout_pdf, place_pdf, print_map, report_pdf
from soderort.render.pdf_pages import REPORT_TITLE


def _elements(node: Any) -> Iterator[DictionaryObject]:
    """Walk the structure tree depth first, in reading order."""
    node = node.get_object()
    if isinstance(node, ArrayObject):
        for child in node:
            yield from _elements(child)
    elif isinstance(node, DictionaryObject) and "/S" in node:
        yield node
        if "/K" in node:
            yield from _elements(node["/K"])
    elif isinstance(node, DictionaryObject) and "/K" in node:
        yield from _elements(node["/K"])


def _tags(pdf: bytes) -> tuple[DictionaryObject, list[DictionaryObject], PdfReader]:
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    return root, list(_elements(root["/StructTreeRoot"])), reader


def _kinds(elements: list[DictionaryObject]) -> list[str]:
    return [str(element["/S"]) for element in elements]


def _assert_tagged(pdf: bytes, language: str, title: str) -> list[DictionaryObject]:
    root, elements, reader = _tags(pdf)
    assert root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == language
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    assert reader.metadata.title == title
    kinds = _kinds(elements)
    assert kinds.count("/H1") == 1
    assert "/H2" in kinds
    assert "/Table" in kinds and "/TH" in kinds and "/TD" in kinds
    return elements


def _figures(elements: list[DictionaryObject]) -> list[str]:
    return [str(element["/Alt"]) for element in elements if element["/S"] == "/Figure"]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_report_is_tagged_in_its_language(plan_data: PlanData, language: str) -> None:
    initiatives = [item for item in plan_data.initiatives if "farsta" in item.places]
    png = print_map.render_map_png(plan_data, initiatives, language=language)
    pdf = report_pdf.build_report_pdf(
        plan_data, initiatives, ["Område: Farsta"], png, language, printed=dt.date(2026, 12, 7)
    )
    elements = _assert_tagged(pdf, language, REPORT_TITLE)
    kinds = _kinds(elements)
    # The title, then one heading per place, one per initiative, in reading order.
    assert kinds.index("/H1") < kinds.index("/Figure") < kinds.index("/H2") < kinds.index("/H3")
    assert kinds.count("/H3") == len(initiatives)
    assert "/L" in kinds and "/LI" in kinds  # the filters, as a list
    # The map's alternative names each place it colours with its count, in the view's language.
    (alt,) = _figures(elements)
    farsta = plan_data.place_name("farsta", language)
    assert f"{farsta} {count_by_place(plan_data, initiatives)['farsta']}" in alt
    assert ("Karta över Söderort" if language == "sv" else "Map of Söderort") in alt


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_place_sheet_is_tagged_in_its_language(plan_data: PlanData, language: str) -> None:
    png = print_map.render_map_png(
        plan_data, plan_data.initiatives, place_id="farsta", language=language
    )
    pdf = place_pdf.build_place_pdf(plan_data, "farsta", plan_data.initiatives, png, language)
    name = plan_data.place_name("farsta", language)
    elements = _assert_tagged(pdf, language, f"{name} – {REPORT_TITLE}")
    (alt,) = _figures(elements)
    assert name in alt


def test_a_place_with_many_initiatives_has_column_headers(plan_data: PlanData) -> None:
    many = [item for item in plan_data.initiatives if "hela-soderort" in item.places]
    assert len(many) > place_pdf.PLACE_BLOCKS_MAX
    pdf = place_pdf.build_place_pdf(plan_data, "hela-soderort", many, None, "sv")
    _root, elements, reader = _tags(pdf)
    header_row = next(element for element in elements if element["/S"] == "/THead")
    header_cells = [e for e in _elements(header_row["/K"]) if e["/S"] == "/TH"]
    assert len(header_cells) == 5
    text = reader.pages[0].extract_text()
    assert "Rubrik" in text and "Förväntat resultat" in text


@pytest.mark.parametrize(("language", "size"), [("sv", "A4"), ("en", "A3")])
def test_the_handout_is_tagged_in_its_language(
    plan_data: PlanData, language: str, size: str
) -> None:
    png = print_map.render_map_png(plan_data, plan_data.initiatives, language=language)
    pdf = handout_pdf.build_handout_pdf(
        plan_data, plan_data.initiatives, [], png, language, size, dt.date(2026, 12, 7)
    )
    elements = _assert_tagged(pdf, language, t("handout.title", language))
    (alt,) = _figures(elements)
    assert plan_data.place_name("farsta", language) in alt
