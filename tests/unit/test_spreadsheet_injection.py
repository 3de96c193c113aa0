"""No exported cell can start a formula, whatever list separator the reader's spreadsheet uses.

Every payload of `tests.hostile.FORMULA_PAYLOADS` goes into the CSV and XLSX exports, as a cell,
as a column header and as an initiative's texts. The CSV is read back as spreadsheets read it:
with ``,``, ``;`` and a tab as the separator, once honouring quotes (as Excel and LibreOffice
do) and once splitting plain lines (as a simple import does). The XLSX is opened as XML. No cell
may begin a formula after what a spreadsheet skips (white space, control and format characters,
double quotes), and none may hold a control character or a formula element.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from xml.etree import ElementTree

import pandas as pd
import pytest

from soderort import exports
from soderort.loading import PlanData
from soderort.render import spreadsheet_cells, spreadsheet_files
from soderort.render.spreadsheet_cells import (
    LIST_SEPARATORS,
    neutralise_csv_field,
    without_control_characters,
)
from tests.hostile import FORMULA_PAYLOADS

FORMULA_STARTS = set("=+-@\uff1d\uff0b\uff0d\uff20")
SKIPPED_QUOTES = set('"`\u2018\u2019\u201c\u201d')
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def runs_as_formula(cell: str) -> bool:
    """Whether a spreadsheet could run the cell: after what it skips, a formula starts."""
    rest = cell.lstrip()
    while rest and (
        rest[0].isspace()
        or unicodedata.category(rest[0]) in ("Cc", "Cf")
        or rest[0] in SKIPPED_QUOTES
    ):
        rest = rest[1:]
    return bool(rest) and rest[0] in FORMULA_STARTS


def cells_as_read(text: str) -> dict[str, list[str]]:
    """Every cell of a CSV text, as each way of reading it sees it."""
    found: dict[str, list[str]] = {}
    for separator in LIST_SEPARATORS:
        rows = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
        found[f"quoted {separator!r}"] = [cell for row in rows for cell in row]
        plain = [
            cell.strip('"')
            for line in re.split(r"\r\n|\r|\n", text)
            for cell in line.split(separator)
        ]
        found[f"plain {separator!r}"] = plain
    return found


def payload_frame() -> pd.DataFrame:
    """One row per payload, which is also the header of a column of its own."""
    rows = [{"id": f"rad-{n}", "text": payload} for n, payload in enumerate(FORMULA_PAYLOADS)]
    frame = pd.DataFrame(rows, dtype=object)
    for n, payload in enumerate(FORMULA_PAYLOADS):
        frame[payload] = [f"x{n}"] * len(frame)
    return frame


def payload_table(plan_data: PlanData) -> pd.DataFrame:
    """The export's own table, with each payload as an initiative's heading and assignment."""
    base = plan_data.initiatives[0]
    items = [
        base.model_copy(update={"id": f"rad-{n}", "rubrik": payload, "uppdrag": f"Text {payload}"})
        for n, payload in enumerate(FORMULA_PAYLOADS)
    ]
    return exports.initiatives_table(plan_data, items)


# Already text: an apostrophe is the first character a spreadsheet looks at.
ALREADY_TEXT = {"'=1+1", "\" '=1+1"}


@pytest.mark.parametrize("payload", sorted(set(FORMULA_PAYLOADS) - ALREADY_TEXT))
def test_each_payload_runs_as_a_formula_somewhere_when_written_plainly(payload) -> None:
    # So the checks below can fail: written as a plain CSV, each payload is a formula for a reader.
    frame = pd.DataFrame({"id": ["rad"], "text": [payload]}, dtype=object)
    text = frame.to_csv(sep=";", index=False, lineterminator="\r\n")
    readings = cells_as_read(text)
    assert any(runs_as_formula(cell) for cells in readings.values() for cell in cells)


@pytest.mark.parametrize("source", ["frame", "table"])
def test_no_csv_cell_starts_a_formula_with_any_separator(plan_data, source) -> None:
    frame = payload_frame() if source == "frame" else payload_table(plan_data)
    text = spreadsheet_files.to_csv_bytes(frame).decode("utf-8-sig")
    for reading, cells in cells_as_read(text).items():
        formulas = [cell for cell in cells if runs_as_formula(cell)]
        assert not formulas, (reading, formulas[:5])
    # No control character is left but the line ends (CRLF between rows, LF inside a quoted cell).
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", text.replace("\r\n", ""))


def test_the_csv_keeps_the_text_with_the_readers_own_separator() -> None:
    text = spreadsheet_files.to_csv_bytes(payload_frame()).decode("utf-8-sig")
    rows = list(
        csv.reader(io.StringIO(text, newline=""), delimiter=spreadsheet_files.CSV_SEPARATOR)
    )
    assert len(rows) == len(FORMULA_PAYLOADS) + 1
    assert rows[0][2:] == [neutralise_csv_field(payload) for payload in FORMULA_PAYLOADS]
    for row, payload in zip(rows[1:], FORMULA_PAYLOADS, strict=True):
        # Embedded line breaks stay inside their quoted cell; only apostrophes are added.
        assert row[1] == neutralise_csv_field(payload)
        assert row[1].replace("'", "") == without_control_characters(payload).replace("'", "")


def xlsx_strings(data: bytes) -> tuple[list[str], str]:
    """Every text of a workbook's first sheet (shared and inline), and the sheet's XML."""
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        sheet_xml = book.read("xl/worksheets/sheet1.xml").decode("utf-8")
        names = book.namelist()
        shared_xml = book.read("xl/sharedStrings.xml") if "xl/sharedStrings.xml" in names else b""
    texts = []
    for xml in (shared_xml, sheet_xml.encode("utf-8")):
        if xml:
            root = ElementTree.fromstring(xml)
            texts.extend("".join(t.itertext()) for t in root.iter(f"{MAIN}t"))
            texts.extend(
                "".join(v.itertext())
                for c in root.iter(f"{MAIN}c")
                if c.get("t") == "str"
                for v in c.iter(f"{MAIN}v")
            )
    return texts, sheet_xml


@pytest.mark.parametrize("source", ["frame", "table"])
def test_no_xlsx_cell_starts_a_formula(plan_data, source) -> None:
    frame = payload_frame() if source == "frame" else payload_table(plan_data)
    texts, sheet_xml = xlsx_strings(spreadsheet_files.to_xlsx_bytes(frame))
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml
    formulas = [text for text in texts if runs_as_formula(text)]
    assert not formulas, formulas[:5]
    assert not [text for text in texts if re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", text)]
    # Every payload is there, in one cell, as the reader would type it.
    for payload in FORMULA_PAYLOADS:
        assert spreadsheet_cells.neutralise_formula(payload) in texts
