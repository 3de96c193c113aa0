"""Uncertain readings: one mark, with the OCR's own letters, in every view that shows the text.

The expected text is made once by `shown_text`; each view is read back in its own medium (HTML
unescaped, PDF text extracted, spreadsheet cells) and must hold exactly that text.
"""

from __future__ import annotations

import html
import io
import re

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from soderort import exports
from soderort.loading import PlanData
from soderort.model import UncertainReading
from soderort.readings import (
    noted_text,
    other_reading_mark,
    reading_lines,
    reading_mark,
    reading_notes,
    shown_text,
)
from soderort.render import map_file, map_layers, place_pdf, report_pdf, spreadsheet_files
from soderort.render.map_popups import popup_html
from soderort.render.timeline_chart import build_timeline_figure
from soderort.views import committee_table, display_table
from tests.reading_marks import unmarked_readings

FARSTA = "farsta-tyngdpunkt"


def _flat(text: str) -> str:
    return " ".join(text.split())


def _pdf_text(pdf: bytes) -> str:
    return _flat(" ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages))


@pytest.fixture(scope="module")
def farsta(plan_data: PlanData):
    return plan_data.initiative(FARSTA)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_mark_names_the_ocr_letters_after_the_reading(farsta, language) -> None:
    [reading] = farsta.uncertain_readings
    heading = shown_text(farsta, "rubrik", language)
    mark = reading_mark(reading, language)
    assert f"Farsta läge {mark} och Vision Farsta" in heading
    assert "Farsta large" in mark and mark.startswith("[") and mark.endswith("]")
    assert ("osäker läsning" in mark) is (language == "sv")
    # Other columns, and initiatives without a reading, are shown as the source has them.
    assert shown_text(farsta, "uppdrag", language) == farsta.uppdrag


def test_a_reading_must_stand_in_its_column(farsta) -> None:
    wrong = UncertainReading(field="uppdrag", reading="Farsta läge", ocr="Farsta large")
    with pytest.raises(ValueError, match="står inte i kolumnen uppdrag"):
        farsta.model_validate({**farsta.model_dump(), "uncertain_readings": [wrong.model_dump()]})
    with pytest.raises(ValueError, match="okänd kolumn"):
        UncertainReading(field="rubriken", reading="x", ocr="y")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_view_shows_the_same_marked_heading(plan_data, farsta, language) -> None:
    expected = shown_text(farsta, "rubrik", language)
    assert "Farsta large" in expected

    popup = html.unescape(popup_html(plan_data, "farsta", [farsta], language))
    assert expected in popup

    header = exports.header("rubrik", language)
    table = exports.initiatives_table(plan_data, [farsta], language)
    assert table[header].iloc[0] == expected
    assert display_table(plan_data, [farsta], language)[header].iloc[0] == expected

    csv_text = spreadsheet_files.to_csv_bytes(table).decode("utf-8-sig")
    assert expected in csv_text
    sheet = load_workbook(io.BytesIO(spreadsheet_files.to_xlsx_bytes(table))).active
    assert expected in [cell.value for cell in sheet[2]]

    committees = committee_table(plan_data, [farsta], language)
    assert all(expected in cell for cell in committees.iloc[:, -1])

    hover = build_timeline_figure(plan_data, [farsta], language=language).data
    hovers = [text for trace in hover if trace.hovertext for text in trace.hovertext]
    assert hovers and all(
        _flat(html.escape(expected)) in _flat(text.replace("<br>", " ")) for text in hovers
    )

    # Printed, the reading carries a note number and a reader's note, not the OCR mark.
    [note] = reading_notes(farsta, language)
    for pdf in (
        report_pdf.build_report_pdf(plan_data, [farsta], [], None, language),
        place_pdf.build_place_pdf(plan_data, "farsta", [farsta], None, language),
    ):
        text = _pdf_text(pdf)
        assert _flat(noted_text(farsta, "rubrik", language)) in text
        assert (
            _flat(note) in text and reading_mark(farsta.uncertain_readings[0], language) not in text
        )


def test_the_om_page_lists_every_reading(plan_data) -> None:
    lines = reading_lines(plan_data.initiatives, "sv")
    readings = [r for item in plan_data.initiatives for r in item.uncertain_readings]
    assert len(lines) == len(readings) >= 1
    for line, reading in zip(lines, readings, strict=True):
        assert f"”{reading.reading}”" in line and f"”{reading.ocr}”" in line
        assert re.search(r"\(Rubrik\)", line)


def _js_text(script: str) -> str:
    """The text inside the HTML map's scripts: JSON's \\uXXXX escapes and HTML undone."""
    decoded = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), script)
    return html.unescape(re.sub(r"<[^>]+>", " ", decoded))


@pytest.mark.parametrize("language", ["sv", "en"])
def test_no_output_shows_an_uncertain_reading_unmarked(plan_data, language) -> None:
    everything = plan_data.initiatives
    table = exports.initiatives_table(plan_data, everything, language)
    sheet = load_workbook(io.BytesIO(spreadsheet_files.to_xlsx_bytes(table))).active
    layers = map_layers.build_map_layers(plan_data, everything, language=language)
    outputs = {
        "report PDF": _pdf_text(
            report_pdf.build_report_pdf(plan_data, everything, [], None, language)
        ),
        "place PDF": _pdf_text(
            place_pdf.build_place_pdf(plan_data, "farsta", everything, None, language)
        ),
        "CSV": spreadsheet_files.to_csv_bytes(table).decode("utf-8-sig"),
        "XLSX": " ".join(str(cell.value) for row in sheet.iter_rows() for cell in row),
        "HTML map": _js_text(map_file.standalone_html(plan_data, layers, title="Söderort 2030")),
    }
    for name, text in outputs.items():
        assert "Farsta läge" in text, name
        assert unmarked_readings(text, plan_data) == [], name
    # Printed, the note reads as a reader's note, never as the OCR string in brackets.
    [reading] = plan_data.initiative(FARSTA).uncertain_readings
    words = reading_mark(reading, language).split(";")[0]  # "[osäker läsning"
    for name in ("report PDF", "place PDF"):
        assert words not in outputs[name], name


@pytest.mark.parametrize("language", ["sv", "en"])
def test_both_readings_of_sodertorns_tidplan_are_shown_everywhere(plan_data, language) -> None:
    item = plan_data.initiative("samverkan-sodertorn")
    # The first reading names no year; the second, the Söderort targets, is kept beside it.
    assert item.timeline.is_unknown and item.timeline.other_reading.years == (2015, 2020, 2030)
    mark = other_reading_mark(item, language)
    assert "2015, 2020, 2030" in mark
    expected = f"{item.tidplan} {mark}"
    assert shown_text(item, "tidplan", language) == expected
    table = exports.initiatives_table(plan_data, [item], language)
    assert expected in spreadsheet_files.to_csv_bytes(table).decode("utf-8-sig")
    assert expected in html.unescape(popup_html(plan_data, "sodertorn", [item], language))
    pdf = report_pdf.build_report_pdf(plan_data, [item], [], None, language)
    assert _flat(expected) in _pdf_text(pdf)
    # Other initiatives' Tidplan is shown as the source has it.
    fler = plan_data.initiative("fler-arbetsplatser")
    assert shown_text(fler, "tidplan", language) == fler.tidplan
