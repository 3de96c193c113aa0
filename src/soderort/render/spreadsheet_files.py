"""The table of initiatives as a file: CSV the way Excel on a Swedish computer opens it, or XLSX.

Every text cell goes through `soderort.render.spreadsheet_cells`: none runs as a formula.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from soderort.render.spreadsheet_cells import neutralise_csv_field, neutralise_formula

CSV_SEPARATOR = ";"
MAX_COLUMN_WIDTH = 60
MIN_COLUMN_WIDTH = 6
_SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def _neutralised(frame: pd.DataFrame) -> pd.DataFrame:
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise_csv_field).astype(object)
    safe.columns = [neutralise_csv_field(str(column)) for column in safe.columns]
    return safe


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """Write a table as CSV the way Excel on a Swedish computer opens it directly.

    Excel takes the list separator from the computer's regional settings; in Sweden the
    comma is the decimal separator, so the list separator is the semicolon, and a
    comma-separated file would open as one column. The byte order mark makes Excel read the
    file as UTF-8 (without it, å, ä and ö come out garbled); lines end with CRLF; fields are
    quoted where they hold a separator, a quote or a line break. Text is neutralised with
    `soderort.render.spreadsheet_cells.neutralise_csv_field`, so that no cell starts a formula
    whatever list separator the reader's computer uses.

    Parameters
    ----------
    frame : pandas.DataFrame
        The table, e.g. from `initiatives_table`.

    Returns
    -------
    bytes
        UTF-8 with BOM, ``;``-separated, CRLF line endings.
    """
    text = _neutralised(frame).to_csv(
        sep=CSV_SEPARATOR,
        index=False,
        lineterminator="\r\n",
        quoting=csv.QUOTE_MINIMAL,
    )
    return text.encode("utf-8-sig")


def _sheet_title(title: str) -> str:
    # Excel refuses these characters and titles longer than 31 characters.
    cleaned = _SHEET_TITLE_FORBIDDEN.sub(" ", title).strip().strip("'")[:31]
    return cleaned or "Blad1"


def _xlsx_value(value: Any) -> Any:
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and pd.isna(value):
        return None
    if isinstance(value, str):
        # Control characters go before the check (the XML of a workbook cannot hold them).
        return neutralise_formula(value)
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _display_width(value: Any) -> int:
    if value is None:
        return 0
    return max((len(line) for line in str(value).splitlines()), default=0)


def to_xlsx_bytes(frame: pd.DataFrame, sheet_title: str = "Initiativ") -> bytes:
    """Write a table as an Excel workbook, ready to filter and print.

    The header row is bold, frozen and carries an autofilter; columns are as wide as their
    content (capped, longer text wraps); cells are top-aligned. Text cells are always stored
    as text, never as formulas, and formula-like text is neutralised as in the CSV.

    Parameters
    ----------
    frame : pandas.DataFrame
        The table, e.g. from `initiatives_table`.
    sheet_title : str
        Name of the worksheet (shortened to Excel's 31 characters).

    Returns
    -------
    bytes
        The .xlsx file.
    """
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _sheet_title(sheet_title)

    headers = [str(column) for column in frame.columns]
    sheet.append([_xlsx_value(h) for h in headers])
    for record in frame.itertuples(index=False, name=None):
        sheet.append([_xlsx_value(value) for value in record])

    bold = Font(bold=True)
    body_alignment = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = body_alignment
            if isinstance(cell.value, str):
                # A neutralised cell stays text even if a later edit of this code dropped the
                # apostrophe: openpyxl would otherwise store "=…" as a formula.
                cell.data_type = "s"
            if cell.row == 1:
                cell.font = bold

    for index, column in enumerate(frame.columns, start=1):
        values = [str(column), *frame[column].tolist()]
        width = max(_display_width(_xlsx_value(v)) for v in values) + 2
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(MIN_COLUMN_WIDTH, min(MAX_COLUMN_WIDTH, width))

    # Freeze the header and the id column, so a row stays identifiable when scrolling right.
    sheet.freeze_panes = "B2"
    if headers:
        last = get_column_letter(len(headers))
        sheet.auto_filter.ref = f"A1:{last}{max(1, sheet.max_row)}"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_filename(stem: str, suffix: str, today: dt.date | None = None) -> str:
    """Name a download after its content and the day it was made.

    Parameters
    ----------
    stem : str
        E.g. "soderort-2030-initiativ"; characters unsafe in a file name become "-".
    suffix : str
        The file type, with or without the dot ("csv", ".xlsx").
    today : datetime.date, optional
        The date to use; defaults to today.

    Returns
    -------
    str
        E.g. "soderort-2030-initiativ-2026-11-27.csv".
    """
    day = today or dt.date.today()
    ascii_stem = stem.lower().translate(str.maketrans("åäöéü", "aaoeu"))
    safe_stem = re.sub(r"[^a-z0-9_-]+", "-", ascii_stem).strip("-_") or "export"
    extension = suffix.lstrip(".")
    return f"{safe_stem}-{day.isoformat()}.{extension}"
