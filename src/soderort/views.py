"""What the Table, Timeline and Place pages show, as plain data.

The pages only draw; the choices live here, where they can be tested without Streamlit: which
columns the table shows and how wide, which initiatives belong to a place, which bodies work
there in which role, and how a place's geometry was drawn.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from soderort.exports import header, initiatives_table
from soderort.i18n import committee_kind_label, role_label, t
from soderort.loading import PlanData
from soderort.model import Initiative, Role

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
    ("start", "year", "small"),
    ("target", "year", "small"),
    ("truncated", "text", "small"),
    ("source", "text", "small"),
    ("follow_up_status", "text", "small"),
    ("follow_up_date", "text", "small"),
    ("follow_up_source", "text", "large"),
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
            help=t(f"table.help.{key}", language),
            pinned=key == "rubrik",
        )
        for key, kind, width in _TABLE_LAYOUT
    ]


def display_table(
    data: PlanData, initiatives: Sequence[Initiative], language: str = "sv"
) -> pd.DataFrame:
    """Build the table the page shows: `initiatives_table` with the start year as a number.

    The download writes an approximate start as "ca 2000" so that it does not read as an exact
    year; on screen the column must sort as numbers, so it holds the year and the column's help
    points to the Tidplan text, which says "början av 2000-talet" in full.

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
        The same rows and columns as `initiatives_table`, with nullable integer years (Int64)
        in the start and target columns.
    """
    frame = initiatives_table(data, initiatives, language)
    start = header("start", language)
    frame[start] = pd.array([item.timeline.start for item in initiatives], dtype="Int64")
    return frame


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


def place_initiatives(initiatives: Iterable[Initiative], place_id: str) -> list[Initiative]:
    """Return the initiatives that name the place, in the order given.

    Parameters
    ----------
    initiatives : iterable of Initiative
        Usually the initiatives that match the filters.
    place_id : str
        A place id.

    Returns
    -------
    list of Initiative
        Those with `place_id` among their places. Hela Söderort's are the ones the plan sets
        for all of Söderort, not every initiative.
    """
    return [item for item in initiatives if place_id in item.places]


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
    headings = {item.id: item.rubrik for item in initiatives}
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
    return frame.rename(columns={key: t(f"place.committees.{key}", language) for key in columns})


def _present(value: object) -> bool:
    if value is None:
        return False
    if isinstance(value, float) and math.isnan(value):
        return False
    return bool(str(value).strip())


def geometry_facts(data: PlanData, place_id: str, language: str = "sv") -> list[tuple[str, str]]:
    """Describe how a place's geometry was drawn, as label and value pairs.

    Parameters
    ----------
    data : PlanData
        The loaded plan.
    place_id : str
        A place id of `data.places`.
    language : str
        ``"sv"`` or ``"en"`` for the labels; the method, source and licence texts are data and
        stay as written in places.geojson.

    Returns
    -------
    list of (str, str)
        Method, source, licence (when stated), whether the boundary is approximate, and the
        radius of a circle drawn around a point (when there is one).

    Raises
    ------
    KeyError
        When the place is not in the data.
    """
    place = data.places.loc[place_id]
    facts = [
        (t("place.geometry.method", language), str(place["method"])),
        (t("place.geometry.source", language), str(place["credit"] or place["source"])),
    ]
    licence = place.get("licence")
    if _present(licence):
        facts.append((t("place.geometry.licence", language), str(licence)))
    approximate = bool(place["approximate"])
    facts.append(
        (
            t("place.geometry.boundary", language),
            t("place.geometry.approximate" if approximate else "place.geometry.exact", language),
        )
    )
    radius = place.get("radius_m")
    if _present(radius):
        facts.append((t("place.geometry.radius", language), f"{int(radius)} m"))
    return facts
