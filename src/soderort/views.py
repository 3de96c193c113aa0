"""What the Table and Place pages show, as plain data.

The pages only draw; the choices live here, where they can be tested without Streamlit: which
columns the table shows and how wide, and which bodies work on a place in which role. Which
initiatives belong to a place and how a place was drawn are `soderort.facts`'.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from soderort.exports import header, initiatives_table
from soderort.i18n import (
    committee_kind_label,
    place_committee_headers,
    role_label,
    table_column_help,
)
from soderort.loading import PlanData
from soderort.model import Initiative, Role
from soderort.readings import shown_text

ColumnKind = Literal["text", "year"]
ColumnWidth = Literal["small", "medium", "large"]

# The table's columns on screen: (key in `soderort.exports.COLUMNS`, kind, width). The id is a
# technical slug that means nothing to a reader; it stays in the downloads, where it lets a
# spreadsheet be matched against the data files.
_TABLE_LAYOUT: tuple[tuple[str, ColumnKind, ColumnWidth], ...] = (
    ("rubrik", "text", "medium"),
    ("uppdrag", "text", "large"),
    ("uppdragsgivare", "text", "medium"),
    ("forvantat_resultat", "text", "large"),
    ("tidplan", "text", "medium"),
    ("ansvarig_namnd", "text", "medium"),
    ("places", "text", "medium"),
    ("committees", "text", "large"),
    ("themes", "text", "medium"),
    ("status", "text", "small"),
    ("start", "text", "small"),
    ("target", "year", "small"),
    ("truncated", "text", "small"),
    ("source", "text", "small"),
    ("follow_up_status", "text", "small"),
    ("follow_up_date", "text", "small"),
    ("follow_up_source", "text", "large"),
    ("follow_up_history", "text", "large"),
)
# The plan beside the outcome: what was expected and when, and what the sources say.
OUTCOME_COLUMNS: tuple[str, ...] = (
    "rubrik",
    "forvantat_resultat",
    "tidplan",
    "follow_up_status",
    "follow_up_history",
)
HIDDEN_TABLE_COLUMNS: tuple[str, ...] = ("id",)


@dataclass(frozen=True)
class TableColumn:
    """How the on-screen table shows one column.

    Parameters
    ----------
    key : str
        The column's key in `soderort.exports.COLUMNS`.
    label : str
        Its header, as `initiatives_table` writes it in the language.
    kind : {"text", "year"}
        A year column holds whole numbers (sortable as numbers).
    width : {"small", "medium", "large"}
        The starting width; a reader can drag it wider.
    help : str
        What the column holds, shown when hovering over the header.
    pinned : bool
        Whether the column stays in view when scrolling sideways.
    """

    key: str
    label: str
    kind: ColumnKind
    width: ColumnWidth
    help: str
    pinned: bool = False


def table_columns(language: str = "sv") -> list[TableColumn]:
    """List the columns the table page shows, in order.

    Parameters
    ----------
    language : str
        ``"sv"`` or ``"en"``, for the headers and the help texts.

    Returns
    -------
    list of TableColumn
        Every column of `soderort.exports.COLUMNS` except `HIDDEN_TABLE_COLUMNS`. The heading
        (Rubrik) is pinned, so a row stays identifiable when scrolling sideways.
    """
    return [
        TableColumn(
            key=key,
            label=header(key, language),
            kind=kind,
            width=width,
            help=table_column_help(key, language),
            pinned=key == "rubrik",
        )
        for key, kind, width in _TABLE_LAYOUT
    ]


def display_table(
    data: PlanData, initiatives: Sequence[Initiative], language: str = "sv"
) -> pd.DataFrame:
    """Build the table the page shows: `initiatives_table` with the start as text.

    A start the plan names as a period is written "2000–2009" (`soderort.exports.start_text`),
    so the column holds text; four-digit years and periods still sort in time order as text.

    Parameters
    ----------
    data : PlanData
        The loaded plan.
    initiatives : sequence of Initiative
        The initiatives to show, already filtered.
    language : str
        ``"sv"`` or ``"en"``.

    Returns
    -------
    pandas.DataFrame
        The same rows and columns as `initiatives_table`, the start as text (None where the
        plan names no start).
    """
    frame = initiatives_table(data, initiatives, language)
    start = header("start", language)
    frame[start] = [None if pd.isna(value) else str(value) for value in frame[start]]
    return frame


def outcome_table(table: pd.DataFrame, language: str = "sv") -> pd.DataFrame:
    """Return the plan beside the outcome: the `OUTCOME_COLUMNS` of a table, same rows.

    The plan's expected result and timeline, today's status and every follow-up entry, oldest
    first, as the downloads carry them. `table` is `initiatives_table` (or `display_table`) in
    the same language, built once for both views.
    """
    return table[[header(key, language) for key in OUTCOME_COLUMNS]]


def initiative_ids(initiatives: Iterable[Initiative]) -> tuple[str, ...]:
    """Return the initiatives' ids in order: a plain, hashable cache key for a filtered set."""
    return tuple(item.id for item in initiatives)


def place_ids(data: PlanData) -> list[str]:
    """Return every place a place page exists for, in the order the plan first names them.

    Parameters
    ----------
    data : PlanData
        The loaded plan.

    Returns
    -------
    list of str
        The ids of `data.places`, Hela Söderort included, in `PlanData.place_order`.
    """
    return [place for place in data.place_order if place in data.places.index]


@dataclass(frozen=True)
class Involvement:
    """One body's part in a set of initiatives, in one role.

    Parameters
    ----------
    committee_id : str
        The body's id.
    role : Role
        Its role in the initiatives listed.
    initiative_ids : tuple of str
        The initiatives in which it has that role, in the order given.
    """

    committee_id: str
    role: Role
    initiative_ids: tuple[str, ...]


def involvements(initiatives: Iterable[Initiative]) -> list[Involvement]:
    """Say which bodies work on the initiatives, and in which role.

    Parameters
    ----------
    initiatives : iterable of Initiative
        E.g. a place's initiatives.

    Returns
    -------
    list of Involvement
        One per body and role: a body that leads one initiative and collaborates on another
        appears twice. Leads come first, then collaborators; within each, the body in the most
        initiatives first, ties in the order the initiatives name them.
    """
    found: dict[tuple[str, Role], list[str]] = {}
    for item in initiatives:
        for ref in item.committees:
            ids = found.setdefault((ref.id, ref.role), [])
            if item.id not in ids:
                ids.append(item.id)
    first_seen = {key: position for position, key in enumerate(found)}
    ordered = sorted(
        found,
        key=lambda key: (key[1] != Role.LEAD, -len(found[key]), first_seen[key]),
    )
    return [Involvement(cid, role, tuple(found[(cid, role)])) for cid, role in ordered]


def committee_table(
    data: PlanData, initiatives: Sequence[Initiative], language: str = "sv"
) -> pd.DataFrame:
    """Build the place page's table of the bodies involved: name, kind, role, initiatives.

    Parameters
    ----------
    data : PlanData
        The loaded plan, for the bodies' names and kinds.
    initiatives : sequence of Initiative
        The place's initiatives.
    language : str
        ``"sv"`` or ``"en"`` for the headers, kinds and roles; names and headings stay as the
        plan has them.

    Returns
    -------
    pandas.DataFrame
        One row per `Involvement`, in its order; the initiatives are named by their headings,
        joined with "; ".
    """
    headings = {item.id: shown_text(item, "rubrik", language) for item in initiatives}
    rows = []
    for involvement in involvements(initiatives):
        committee = data.committees.get(involvement.committee_id)
        rows.append(
            {
                "name": data.committee_name(involvement.committee_id),
                "kind": committee_kind_label(committee.kind, language) if committee else "",
                "role": role_label(involvement.role, language),
                "initiatives": "; ".join(headings[i] for i in involvement.initiative_ids),
            }
        )
    columns = ("name", "kind", "role", "initiatives")
    frame = pd.DataFrame(rows, columns=list(columns), dtype=object)
    return frame.rename(columns=place_committee_headers(language))
