"""What ``/data/`` says of an initiative, a place and a follow-up entry, as plain fields.

Every format is written from these records (JSON as they are, GeoJSON as properties, KML and
GeoPackage flattened), so that no format names or counts differently. The facts come from their
owners: texts as every view shows them (`soderort.exports.cell_text`: uncertain readings marked,
cut-off text with " …"), bodies with their roles (`soderort.facts.committee_entries`), how a
place was drawn, the status today (`soderort.followup`). Values are plain text; each writer
escapes them for its medium.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from soderort.exports import EXPORT_TEXT_FIELDS, cell_text, source_text, start_text
from soderort.facts import committee_entries
from soderort.followup import entry_status_label, entry_when, status_slug, today_status
from soderort.i18n import follow_up_label, status_label, t
from soderort.loading import PlanData
from soderort.model import FollowUpEntry, Initiative


def licence(data: PlanData, language: str) -> dict[str, str]:
    """Say under what terms the data may be used and where it comes from (every answer's)."""
    document = data.document
    return {
        "licence": t("data.licence", language),
        "source": t(
            "data.source",
            language,
            title=document.title,
            publisher=document.publisher,
            date=document.date.isoformat(),
        ),
    }


def _optional(value: object) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


def follow_up_record(entry: FollowUpEntry, language: str) -> dict[str, Any]:
    """Write a follow-up entry with its source: status, dates, text and where it is stated.

    Dates are ISO text as exact as the source (a year, a month or a day), and mean one thing
    each: ``date`` when it happened or was in force (null when the source gives none), the
    source's ``date`` when it was published (null when it shows none), its ``read`` the day it
    was read, ``recorded`` the day the entry was written. ``when`` says it in words as every view
    does ("juli 2013", or "enligt <källa>, läst <dag>" for an undated entry).
    """
    source = entry.source
    return {
        "date": entry.date,
        "when": entry_when(entry, language),
        "status": status_slug(entry.status),
        "status_label": entry_status_label(entry, language),
        "text": entry.text,
        "recorded": _iso(entry.recorded),
        "source": {
            "title": source.title,
            "publisher": source.publisher,
            "date": source.date,
            "read": _iso(source.read),
            "url": source.url,
            "reference": source.reference,
        },
    }


def searches_record(data: PlanData, initiative_id: str) -> list[dict[str, str]]:
    """List where and when a source for an initiative's outcome was looked for, oldest first."""
    return [
        {"date": _iso(search.date), "where": search.where}
        for search in sorted(data.follow_up_searches.get(initiative_id, ()), key=lambda s: s.date)
    ]


def _iso(day: dt.date) -> str:
    return day.isoformat()


def initiative_record(data: PlanData, item: Initiative, language: str) -> dict[str, Any]:
    """Write an initiative with every field the dashboard shows of it.

    Parameters
    ----------
    data : PlanData
        The loaded plan, for names of places, bodies and themes and the follow-ups.
    item : Initiative
        The initiative.
    language : str
        ``"sv"`` or ``"en"``: the labels the app adds (roles, statuses, names of places and
        themes, the mark on an uncertain reading). The plan's texts stay Swedish.

    Returns
    -------
    dict
        Ids, the source's text columns as every view shows them, places, committees with roles,
        themes, the timeline with the plan's words, uncertain readings, where in the source the
        row stands, and the latest follow-up with its source (null when none is recorded).
    """
    timeline = item.timeline
    period = timeline.start_period
    latest = data.latest_follow_up(item.id)
    return {
        "id": item.id,
        **{field: cell_text(item, field, language) for field in EXPORT_TEXT_FIELDS},
        "truncated": list(item.truncated),
        "places": [
            {"id": place, "name": data.place_name_or_id(place, language)}
            for place in dict.fromkeys(item.places)
        ],
        "committees": [
            {
                "id": entry.committee_id,
                "name": entry.name,
                "role": role.value,
                "role_label": entry.role,
            }
            for entry, (_, role) in zip(
                committee_entries(data, item, language), item.committee_roles(), strict=True
            )
        ],
        "themes": [
            {"id": theme, "name": data.theme_name(theme, language)} for theme in item.themes
        ],
        "timeline": {
            "status": timeline.status.value,
            "status_label": status_label(timeline.status, language),
            "start": start_text(item),
            "start_period": (
                {"first": period.first, "last": period.last, "label": period.label}
                if period is not None
                else None
            ),
            "milestones": [{"year": m.year, "label": m.label} for m in timeline.milestones],
            "target": timeline.target,
            "target_label": timeline.target_label,
            "years": list(timeline.years),
        },
        "uncertain_readings": [
            {"field": reading.field, "reading": reading.reading, "ocr": reading.ocr}
            for reading in item.uncertain_readings
        ],
        "source_row": source_text(item, language),
        "status_today": today_status(data, item.id),
        "status_today_label": follow_up_label(today_status(data, item.id), language),
        "follow_up": follow_up_record(latest, language) if latest is not None else None,
        # Where a source was looked for: an initiative without an entry was searched, not guessed.
        "follow_up_searched": searches_record(data, item.id),
    }


def place_record(data: PlanData, place_id: str, count: int, language: str) -> dict[str, Any]:
    """Write a place with its count of initiatives and how its geometry was drawn.

    Parameters
    ----------
    data : PlanData
        The loaded plan.
    place_id : str
        A place id of `data.places`.
    count : int
        How many of the shown initiatives name it (`soderort.facts.count_by_place`).
    language : str
        ``"sv"`` or ``"en"`` for the name.

    Returns
    -------
    dict
        Id, names, kind, count, and the drawing's method, source, credit, licence, whether the
        boundary is approximate and the radius of a circle around a point.
    """
    place = data.places.loc[place_id]
    radius = _optional(place.get("radius_m"))
    return {
        "id": place_id,
        "name": data.place_name(place_id, language),
        "name_sv": str(place["name"]),
        "name_en": str(place["name_en"]),
        "kind": str(place["kind"]),
        "count": count,
        "method": str(place["method"]),
        "source": str(place["source"]),
        "credit": str(_optional(place.get("credit")) or ""),
        "licence": str(_optional(place.get("licence")) or ""),
        "approximate": bool(place["approximate"]),
        "radius_m": int(radius) if radius is not None else None,
    }
