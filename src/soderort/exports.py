"""Downloads of the filtered initiatives: a table, and that table as CSV or Excel.

The caller filters; these functions turn exactly the initiatives they are given into one row
each, in the order given. Column headers follow the interface language, the initiative texts
stay Swedish as the source has them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from soderort.facts import committee_line
from soderort.followup import latest_summary
from soderort.i18n import column_label, status_label, t
from soderort.loading import PlanData
from soderort.model import TEXT_FIELDS, Initiative, SourcePlace
from soderort.readings import shown_text
from soderort.render.spreadsheet_cells import neutralise_csv_field, neutralise_formula

# The source's text columns that the table carries, in the source's order. The two
# handläggare columns are empty throughout this draft of the plan and are left out.
EXPORT_TEXT_FIELDS: tuple[str, ...] = (
    "rubrik",
    "uppdrag",
    "uppdragsgivare",
    "forvantat_resultat",
    "tidplan",
    "ansvarig_namnd",
)

# Column keys in the order of the table. The headers below are keyed by these.
COLUMNS: tuple[str, ...] = (
    "id",
    *EXPORT_TEXT_FIELDS,
    "places",
    "committees",
    "themes",
    "status",
    "start",
    "target",
    "truncated",
    "source",
    "follow_up_status",
    "follow_up_date",
    "follow_up_source",
)

# Appended to a cell the source cuts off at the page edge: the reader sees the text stops there.
TRUNCATION_MARK = " …"

CSV_SEPARATOR = ";"
MAX_COLUMN_WIDTH = 60
MIN_COLUMN_WIDTH = 6
_SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def _language(language: str) -> str:
    return "en" if language == "en" else "sv"


def header(key: str, language: str = "sv") -> str:
    """Return a column's header in the given language.

    Parameters
    ----------
    key : str
        A key of `COLUMNS` (or one of the source's text fields).
    language : str
        "sv" or "en"; anything else falls back to Swedish.

    Returns
    -------
    str
        The header label: the source's own column name for its text columns, else the
        table's (``table.column.*`` in `soderort.i18n`).
    """
    if key == "id":
        return "id"
    if key in TEXT_FIELDS:
        return column_label(key, language)
    return t(f"table.column.{key}", language)


def cell_text(initiative: Initiative, field: str, language: str = "sv") -> str:
    """Return a text column as shown to a reader: cut-off text ends with " …".

    Parameters
    ----------
    initiative : Initiative
        The initiative.
    field : str
        One of `soderort.model.TEXT_FIELDS`.
    language : str
        Language of the mark on an uncertain reading (`soderort.readings.shown_text`).

    Returns
    -------
    str
        The text as the source has it, uncertain readings marked, followed by the marker when
        the source cuts it off.
    """
    text = shown_text(initiative, field, language)
    if initiative.is_truncated(field):
        return text.rstrip() + TRUNCATION_MARK
    return text


def places_text(data: PlanData, initiative: Initiative, language: str = "sv") -> str:
    """Join the names of an initiative's places with "; ", in the initiative's order."""
    return "; ".join(data.place_name_or_id(place_id, language) for place_id in initiative.places)


def themes_text(data: PlanData, initiative: Initiative, language: str = "sv") -> str:
    """Join the names of an initiative's themes with "; "."""
    return "; ".join(data.theme_name(theme_id, language) for theme_id in initiative.themes)


def source_text(initiative: Initiative, language: str = "sv") -> str:
    """Say where in the source the initiative stands: "s. 1, rad 6".

    Parameters
    ----------
    initiative : Initiative
        The initiative.
    language : str
        "sv" gives "s. 1, rad 6", "en" gives "p. 1, row 6".

    Returns
    -------
    str
        The page and row, followed by any other place the source refers back to it.
    """
    english = _language(language) == "en"

    def where(place: SourcePlace) -> str:
        if english:
            return f"p. {place.page}, row {place.row}"
        return f"s. {place.page}, rad {place.row}"

    text = where(initiative.source)
    if initiative.source.also_at:
        also = "; ".join(where(place) for place in initiative.source.also_at)
        text += f" ({'also' if english else 'även'} {also})"
    return text


def start_text(initiative: Initiative) -> int | str | None:
    """Return the start as the table writes it: a year, a period such as "2000–2009", or None.

    A start the plan names as a span ("början av 2000-talet") must not read as an exact year.
    """
    timeline = initiative.timeline
    if timeline.start_period is not None:
        return f"{timeline.start_period.first}–{timeline.start_period.last}"
    return timeline.start


def initiatives_table(
    data: PlanData, initiatives: Sequence[Initiative], language: str = "sv"
) -> pd.DataFrame:
    """Build the table staff download: one row per initiative, in the order given.

    Parameters
    ----------
    data : PlanData
        The loaded plan, for the names of places, committees and themes.
    initiatives : sequence of Initiative
        The initiatives to include, already filtered by the caller.
    language : str
        "sv" or "en": the language of the headers and of the labels the app adds (status,
        roles, place and theme names). The source's texts stay Swedish.

    Returns
    -------
    pandas.DataFrame
        Columns id, Rubrik, Uppdrag, Uppdragsgivare, Förväntat resultat, Tidplan,
        Ansvarig nämnd, Områden, Nämnder, Teman, Status, Start, Mål, Avklippt, Källa, then the
        latest follow-up's status, date and source (or their English headers). A cut-off cell
        ends with " …"; Avklippt names those columns.
    """
    lang = _language(language)
    rows: list[dict[str, Any]] = []
    for item in initiatives:
        row: dict[str, Any] = {"id": item.id}
        for field in EXPORT_TEXT_FIELDS:
            row[field] = cell_text(item, field, lang)
        row["places"] = places_text(data, item, lang)
        row["committees"] = committee_line(data, item, lang)
        row["themes"] = themes_text(data, item, lang)
        row["status"] = status_label(item.timeline.status, lang)
        row["start"] = start_text(item)
        row["target"] = item.timeline.target
        row["truncated"] = ", ".join(header(field, lang) for field in item.truncated)
        row["source"] = source_text(item, lang)
        (
            row["follow_up_status"],
            row["follow_up_date"],
            row["follow_up_source"],
        ) = latest_summary(data, item.id, lang)
        rows.append(row)
    frame = pd.DataFrame(rows, columns=list(COLUMNS), dtype=object)
    # Years stay numbers (sortable in a spreadsheet); a missing year is an empty cell.
    frame["target"] = frame["target"].astype("Int64")
    return frame.rename(columns={key: header(key, lang) for key in COLUMNS})


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
