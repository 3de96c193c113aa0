"""Names of the app's values (statuses, roles, columns, colour modes, URL problems) in words.

Each function maps a value to its text with a literal key, so that a search for a key finds
every place it is shown.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType

from soderort.i18n.lookup import t
from soderort.model import CommitteeKind, Role, Status


def status_label(status: Status | str, language: str) -> str:
    """Return the name of a timeline status, e.g. "Pågår" or "Ongoing"."""
    labels = {
        Status.ONGOING: t("status.ongoing", language),
        Status.STARTED: t("status.started", language),
        Status.PLANNED: t("status.planned", language),
        Status.NOT_STATED: t("status.not_stated", language),
    }
    return labels[Status(status)]


def role_label(role: Role | str, language: str) -> str:
    """Return the name of a committee's role, e.g. "Ansvarig" or "Lead"."""
    labels = {
        Role.LEAD: t("role.lead", language),
        Role.COLLABORATOR: t("role.collaborator", language),
    }
    return labels[Role(role)]


def committee_kind_label(kind: CommitteeKind | str, language: str) -> str:
    """Return the name of a kind of body, e.g. "Stadsägt bolag"."""
    labels = {
        CommitteeKind.COMMITTEE: t("common.committee", language),
        CommitteeKind.CITY_COMPANY: t("committee_kind.city_company", language),
        CommitteeKind.DISTRICT_COUNCIL: t("committee_kind.district_council", language),
        CommitteeKind.EXTERNAL: t("committee_kind.external", language),
    }
    return labels[CommitteeKind(kind)]


def column_label(column: str, language: str) -> str:
    """Return the heading of one of the source table's eight columns (`model.TEXT_FIELDS`).

    Raises `KeyError` for any other name.
    """
    labels = {
        "rubrik": t("column.rubrik", language),
        "uppdrag": t("column.uppdrag", language),
        "uppdragsgivare": t("column.uppdragsgivare", language),
        "forvantat_resultat": t("column.forvantat_resultat", language),
        "tidplan": t("column.tidplan", language),
        "ansvarig_namnd": t("column.ansvarig_namnd", language),
        "ansvarig_handlaggare": t("column.ansvarig_handlaggare", language),
        "handlaggare_slk": t("column.handlaggare_slk", language),
    }
    return labels[column]


def table_column_label(column: str, language: str) -> str:
    """Return the header of a table and export column that is not one of the source's own.

    Raises `KeyError` for a column without one (see `soderort.exports.COLUMNS`).
    """
    labels = {
        "places": t("page.places", language),
        "committees": t("common.committees", language),
        "themes": t("common.themes", language),
        "status": t("common.status", language),
        "start": t("common.start", language),
        "target": t("common.target", language),
        "truncated": t("table.column.truncated", language),
        "source": t("common.source", language),
        "follow_up_status": t("common.status_today", language),
        "follow_up_date": t("table.column.follow_up_date", language),
        "follow_up_source": t("table.column.follow_up_source", language),
        "follow_up_history": t("table.column.follow_up_history", language),
    }
    return labels[column]


def table_column_help(column: str, language: str) -> str:
    """Return the help text of a column of the table page."""
    labels = {
        "rubrik": t("table.help.rubrik", language),
        "uppdrag": t("table.help.uppdrag", language),
        "uppdragsgivare": t("table.help.uppdragsgivare", language),
        "forvantat_resultat": t("table.help.forvantat_resultat", language),
        "tidplan": t("table.help.tidplan", language),
        "ansvarig_namnd": t("table.help.ansvarig_namnd", language),
        "places": t("table.help.places", language),
        "committees": t("table.help.committees", language),
        "themes": t("table.help.themes", language),
        "status": t("table.help.status", language),
        "start": t("table.help.start", language),
        "target": t("table.help.target", language),
        "truncated": t("table.help.truncated", language),
        "source": t("table.help.source", language),
        "follow_up_status": t("table.help.follow_up_status", language),
        "follow_up_date": t("table.help.follow_up_date", language),
        "follow_up_source": t("table.help.follow_up_source", language),
        "follow_up_history": t("table.help.follow_up_history", language),
    }
    return labels[column]


def place_committee_headers(language: str) -> dict[str, str]:
    """Return the headers of the place page's committee table, keyed by its columns."""
    return {
        "name": t("place.committees.name", language),
        "kind": t("place.committees.kind", language),
        "role": t("place.committees.role", language),
        "initiatives": t("common.initiatives", language),
    }


def follow_up_label(value: str, language: str) -> str:
    """Return the name of a status today (`soderort.followup.FOLLOW_UP_VALUES`)."""
    labels = {
        "genomford": t("followup.status.genomford", language),
        "pagar": t("followup.status.pagar", language),
        "delvis": t("followup.status.delvis", language),
        "ej-genomford": t("followup.status.ej-genomford", language),
        "andrad-inriktning": t("followup.status.andrad-inriktning", language),
        "okant": t("followup.status.okant", language),
        "ingen": t("followup.status.ingen", language),
    }
    return labels[value]


def reason_label(reason: str, language: str) -> str:
    """Return why a URL value was dropped, for one of `soderort.viewstate.REASONS`."""
    labels = {
        "unknown_key": t("reason.unknown_key", language),
        "unknown_value": t("reason.unknown_value", language),
        "not_a_year": t("reason.not_a_year", language),
        "out_of_range": t("reason.out_of_range", language),
        "from_after_to": t("reason.from_after_to", language),
        "too_long": t("reason.too_long", language),
        "repeated": t("reason.repeated", language),
    }
    return labels[reason]


def map_colour_label(mode: str, language: str) -> str:
    """Return the name of a way to colour the map's places (``pages/map.py``'s modes)."""
    labels = {
        "count": t("map.colour.count", language),
        "theme": t("common.theme", language),
        "follow_up": t("common.status_today", language),
    }
    return labels[mode]


def timeline_colour_label(mode: str, language: str) -> str:
    """Return the name of a way to colour the timeline's bars (``pages/timeline.py``'s modes)."""
    labels = {
        "theme": t("common.theme", language),
        "committee": t("column.ansvarig_namnd", language),
    }
    return labels[mode]


def bad_slide_message(problem: str, language: str, value: str, total: int) -> str:
    """Return what is wrong with the URL's slide number (`livemap.presentation`'s problems)."""
    if problem == "not_a_number":
        return t("presentation.bad_slide.not_a_number", language, value=value)
    if problem == "out_of_range":
        return t("presentation.bad_slide.out_of_range", language, value=value, total=total)
    if problem == "repeated":
        return t("presentation.bad_slide.repeated", language)
    raise KeyError(problem)


@functools.cache
def chart_labels(language: str) -> Mapping[str, str]:
    """Return the timeline chart's texts in one language, e.g. ``{"x_title": "År", …}``.

    The initiatives' own texts in the chart (rubrik, tidplan, milestone labels) stay Swedish.

    Kept once per language (every hover text of every row reads them); read-only, shared.
    """
    return MappingProxyType(
        {
            "x_title": t("timeline.chart.x_title", language),
            "legend_theme": t("common.theme", language),
            "legend_committee": t("role.lead", language),
            "legend_symbols": t("timeline.chart.legend_symbols", language),
            "period": t("timeline.chart.period", language),
            "start": t("common.start", language),
            "start_period": t("timeline.chart.start_period", language),
            "milestone": t("timeline.chart.milestone", language),
            "target": t("timeline.chart.target", language),
            "open_ended": t("timeline.chart.open_ended", language),
            "today": t("timeline.chart.today", language),
            "plan_date": t("timeline.chart.plan_date", language),
            "empty": t("timeline.chart.empty", language),
            "no_lead": t("timeline.chart.no_lead", language),
            "hover_tidplan": t("column.tidplan", language),
            "hover_years": t("timeline.chart.hover_years", language),
            "hover_status": t("common.status", language),
            "hover_themes": t("common.theme", language),
            "hover_lead": t("role.lead", language),
            "hover_places": t("common.place", language),
            "hover_open_ended": t("timeline.chart.hover_open_ended", language),
            "not_stated": t("timeline.chart.not_stated", language),
            "status_ongoing": t("timeline.chart.status_ongoing", language),
            "status_started": t("timeline.chart.status_started", language),
            "status_planned": t("timeline.chart.status_planned", language),
            "status_not_stated": t("timeline.chart.not_stated", language),
        }
    )
