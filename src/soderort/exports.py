"""The table of the filtered initiatives that the downloads and the Table page carry.

The caller filters; these functions turn exactly the initiatives they are given into one row
each, in the order given. Column headers follow the interface language, the initiative texts
stay Swedish as the source has them. `soderort.render.spreadsheet_files` writes it as CSV or
Excel.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from soderort.facts import committee_line
from soderort.followup import history_lines, latest_summary
from soderort.i18n import column_label, status_label, table_column_label
from soderort.loading import PlanData
from soderort.model import TEXT_FIELDS, Initiative, SourcePlace
from soderort.readings import noted_text, shown_text

# The source's text columns that the table carries, in the source's order. The two
# handläggare columns are empty throughout this draft of the plan and are left out.
EXPORT_TEXT_FIELDS: tuple[str, ...] = tuple(
    field for field in TEXT_FIELDS if field not in ("ansvarig_handlaggare", "handlaggare_slk")
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
    "follow_up_history",
)

# Between a follow-up's entries in one cell: a line break would end a row in some readers'
# CSV import, and the entries' own texts hold semicolons.
HISTORY_SEPARATOR = " | "

# Appended to a cell the source cuts off at the page edge: the reader sees the text stops there.
TRUNCATION_MARK = " …"


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
        table's (`soderort.i18n.table_column_label`).
    """
    if key == "id":
        return "id"
    if key in TEXT_FIELDS:
        return column_label(key, language)
    return table_column_label(key, language)


def cell_text(initiative: Initiative, field: str, language: str = "sv", notes: bool = False) -> str:
    """Return a text column as shown to a reader: cut-off text ends with " …".

    Parameters
    ----------
    initiative : Initiative
        The initiative.
    field : str
        One of `soderort.model.TEXT_FIELDS`.
    language : str
        Language of the mark on an uncertain reading (`soderort.readings.shown_text`).
    notes : bool
        Mark an uncertain reading with a note number, as the PDFs print it
        (`soderort.readings.noted_text`), instead of the mark in words.

    Returns
    -------
    str
        The text as the source has it, uncertain readings marked, followed by the marker when
        the source cuts it off.
    """
    text = (noted_text if notes else shown_text)(initiative, field, language)
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
        latest follow-up's status, date and source, and every entry, oldest first, separated by
        " | " (or their English headers). A cut-off cell
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
        row["follow_up_history"] = HISTORY_SEPARATOR.join(history_lines(data, item.id, lang))
        rows.append(row)
    frame = pd.DataFrame(rows, columns=list(COLUMNS), dtype=object)
    # Years stay numbers (sortable in a spreadsheet); a missing year is an empty cell.
    frame["target"] = frame["target"].astype("Int64")
    return frame.rename(columns={key: header(key, lang) for key in COLUMNS})
