"""What every view shows of the filtered plan, as plain records: one owner for each fact.

The map, its popups, the list under it, the place pages, the presentation, the report and place
PDFs, the CSV and Excel files, the standalone HTML map and the timeline read these, so that no
view can count or name differently from another. The renderers only format and escape:

- `group_by_place` and `count_by_place`: an initiative on several places counts once for each
  place it names;
- `committee_entries` and `committee_line`: an initiative's bodies with their roles, leads
  first, as "Nämnd (roll)";
- `place_drawing`: how a place's geometry was drawn, with its source and licence;
- `undated_count`: how many of the shown initiatives state no year, for every count shown with
  a year range.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from soderort.filters import FilterState
from soderort.i18n import role_label, t
from soderort.loading import PlanData
from soderort.model import Initiative


def group_by_place(
    data: PlanData, initiatives: Iterable[Initiative]
) -> list[tuple[str, list[Initiative]]]:
    """Group initiatives under every place they name.

    Parameters
    ----------
    data : PlanData
        The loaded plan.
    initiatives : iterable of Initiative
        Usually the filtered initiatives.

    Returns
    -------
    list of (str, list of Initiative)
        Place id and its initiatives, in `PlanData.place_order`, each group in the order given.
        An initiative on two places is listed under both (once under each, even if it names a
        place twice); places without any of the given initiatives are left out. Show a group's
        heading with ``data.place_name(place_id, language)``.
    """
    # One pass over the initiatives, not one per place (100 places × 10,000 initiatives).
    groups: dict[str, list[Initiative]] = {place: [] for place in data.place_order}
    for item in initiatives:
        for place in dict.fromkeys(item.places):
            members = groups.get(place)
            if members is not None:
                members.append(item)
    return [(place, members) for place, members in groups.items() if members]


def count_by_place(data: PlanData, initiatives: Iterable[Initiative]) -> dict[str, int]:
    """Count the initiatives on each place, as `group_by_place` groups them.

    Every place id comes back, in `PlanData.place_order`, with 0 for places without any.
    """
    counts = dict.fromkeys(data.place_order, 0)
    for place, members in group_by_place(data, initiatives):
        counts[place] = len(members)
    return counts


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
        Those with `place_id` among their places: the group `group_by_place` gives the place.
        Hela Söderort's are the ones the plan sets for all of Söderort, not every initiative.
    """
    return [item for item in initiatives if place_id in item.places]


@dataclass(frozen=True)
class CommitteeEntry:
    """One body named by an initiative, with its role in it.

    Attributes
    ----------
    committee_id : str
        The body's id.
    name : str
        Its name as the registry writes it (the id when the registry lacks it).
    role : str
        Its role in the interface language, lower case ("ansvarig", "i samverkan").
    """

    committee_id: str
    name: str
    role: str

    @property
    def text(self) -> str:
        """The body as every view writes it: "Nämnd (roll)"."""
        return f"{self.name} ({self.role})"


def committee_entries(
    data: PlanData, initiative: Initiative, language: str = "sv"
) -> list[CommitteeEntry]:
    """List an initiative's bodies with their roles, leads first.

    Parameters
    ----------
    data : PlanData
        The loaded plan (for the registry's names).
    initiative : Initiative
        The initiative.
    language : str
        ``"sv"`` or ``"en"`` for the roles; names stay as the registry writes them.

    Returns
    -------
    list of CommitteeEntry
        In `Initiative.committee_roles` order.
    """
    return [
        CommitteeEntry(
            committee_id, data.committee_name(committee_id), role_label(role, language).lower()
        )
        for committee_id, role in initiative.committee_roles()
    ]


def committee_line(data: PlanData, initiative: Initiative, language: str = "sv") -> str:
    """Name an initiative's bodies with their roles on one line, leads first.

    Returns
    -------
    str
        E.g. "Stockholm Business Region (ansvarig); Stadsbyggnadsnämnden (i samverkan)"; plain
        text, to be escaped by the renderer for its medium.
    """
    return "; ".join(entry.text for entry in committee_entries(data, initiative, language))


def _present(value: object) -> bool:
    if value is None:
        return False
    if isinstance(value, float) and math.isnan(value):
        return False
    return bool(str(value).strip())


def place_drawing(data: PlanData, place_id: str, language: str = "sv") -> list[tuple[str, str]]:
    """Describe how a place's geometry was drawn, as label and value pairs.

    The place page lists them and the place sheet prints them, word for word the same.

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


def undated_count(filters: FilterState, initiatives: Sequence[Initiative]) -> int | None:
    """Say how many of the shown initiatives state no year, where a year range is chosen.

    A year filter keeps the initiatives whose timeline names no year unless the user leaves them
    out; a count shown beside "2010–2015" must say how many of them are such.

    Parameters
    ----------
    filters : FilterState
        The filters the initiatives were chosen with.
    initiatives : sequence of Initiative
        The initiatives those filters let through.

    Returns
    -------
    int or None
        None when no year range is chosen or undated initiatives are left out (the count needs
        no note then); else how many of `initiatives` name no year (possibly 0).
    """
    if filters.year_range is None or not filters.include_unknown_years:
        return None
    return sum(1 for item in initiatives if item.timeline.is_unknown)


def count_with_undated(
    filters: FilterState, initiatives: Sequence[Initiative], total: int, language: str = "sv"
) -> str:
    """Write "4 av 19 initiativ", with ", varav 2 utan angivet år" where a year range is chosen.

    Parameters
    ----------
    filters : FilterState
        The filters the initiatives were chosen with.
    initiatives : sequence of Initiative
        The initiatives those filters let through.
    total : int
        How many initiatives the plan has.
    language : str
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str
        Plain text, to be escaped by the renderer.
    """
    text = t("count.initiatives", language, shown=len(initiatives), total=total)
    undated = undated_count(filters, initiatives)
    if undated:
        text += t("count.undated", language, n=undated)
    return text
