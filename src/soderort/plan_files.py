"""Loading the plan's YAML files into typed records: action plan, follow-ups, committees, themes.

Each loader reads one file on its own, with no cross references (`soderort.loading` joins them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from soderort import paths
from soderort.errors import DataError, Problem
from soderort.model import (
    ActionPlan,
    Committee,
    CommitteeRegistry,
    FollowUpEntry,
    FollowUpFile,
    FollowUpSearch,
    Theme,
    ThemeRegistry,
    partial_date_bounds,
)
from soderort.parsing import (
    parse_yaml_file,
    quoted,
)
from soderort.record_problems import (
    duplicate_problems,
    problems_from,
    validate_records,
)


def load_action_plan(path: Path = paths.ACTION_PLAN_FILE) -> ActionPlan:
    """Load and validate the action plan file on its own (no cross references).

    Parameters
    ----------
    path : Path
        The YAML file.

    Returns
    -------
    ActionPlan
        The document and its initiatives, in the source's order.

    Raises
    ------
    DataError
        With every problem found in the file.
    """
    raw = parse_yaml_file(path)
    plan = validate_records(ActionPlan, raw, path.name, "initiatives", "initiativ")
    problems = duplicate_problems((i.id for i in plan.initiatives), path.name, "initiativ")
    if problems:
        raise DataError(problems)
    return plan


@dataclass(frozen=True)
class FollowUps:
    """The follow-up file, loaded: each initiative's entries oldest first, and its searches."""

    entries: dict[str, tuple[FollowUpEntry, ...]] = field(default_factory=dict)
    searches: dict[str, tuple[FollowUpSearch, ...]] = field(default_factory=dict)


def load_follow_ups(
    path: Path,
    initiative_ids: Iterable[str],
    plan_date: dt.date | None = None,
    today: dt.date | None = None,
) -> FollowUps:
    """Load the follow-up file and check that every entry belongs to an initiative of the plan.

    Parameters
    ----------
    path : Path
        The YAML file (follow_up.yaml).
    initiative_ids : iterable of str
        The plan's initiative ids.
    plan_date : datetime.date, optional
        The plan's date: an entry must say what happened after it (a year or month that
        includes the date is accepted).
    today : datetime.date, optional
        The day of the check (default: today): nothing was read, recorded or searched later.

    Returns
    -------
    FollowUps
        By initiative id, each initiative's entries oldest first (a year before the days in it,
        equal dates in the file's order, an undated entry after the dated ones of the day its
        source was read), and its searches.

    Raises
    ------
    DataError
        With every problem found: an entry without a source, an unknown status, a date that is
        not one, an initiative the plan does not have, an initiative given twice, an entry
        dated before the plan or after the day it was recorded, a reading or recording day
        given as the event's date when the source does not date it so, a day in the future.
    """
    raw = parse_yaml_file(path)
    name = path.name
    if not isinstance(raw, dict):
        raise DataError([Problem(name, "filen ska börja med nyckeln 'follow_ups:'")])
    try:
        loaded = FollowUpFile.model_validate(raw)
    except ValidationError as err:
        raise DataError(
            problems_from(err, name, raw, "follow_ups", "uppföljning för", "initiative")
        ) from None
    known = set(initiative_ids)
    today = today or dt.date.today()
    problems = []
    seen: dict[str, int] = {}
    for position, item in enumerate(loaded.follow_ups, start=1):
        label = f"uppföljning för {quoted(item.initiative)} (nr {position})"
        if item.initiative not in known:
            problems.append(
                Problem(
                    name,
                    f"okänt initiativ {quoted(item.initiative)} (finns inte i action_plan.yaml)",
                    label,
                    "initiative",
                )
            )
        elif item.initiative in seen:
            problems.append(
                Problem(
                    name,
                    f"initiativet har redan uppföljning som nr {seen[item.initiative]}; "
                    "lägg posterna där",
                    label,
                    "initiative",
                )
            )
        seen.setdefault(item.initiative, position)
        for number, entry in enumerate(item.entries, start=1):
            problems.extend(
                Problem(name, message, label, f"entries[{number}].{field_name}")
                for field_name, message in entry_date_problems(entry, plan_date, today)
            )
        for number, search in enumerate(item.searched, start=1):
            if search.date > today:
                problems.append(
                    Problem(name, _future(search.date, today), label, f"searched[{number}].date")
                )
    if problems:
        raise DataError(problems)
    return FollowUps(
        {
            item.initiative: tuple(sorted(item.entries, key=lambda entry: entry.sort_key))
            for item in loaded.follow_ups
            if item.entries
        },
        {item.initiative: tuple(item.searched) for item in loaded.follow_ups if item.searched},
    )


def _future(day: dt.date, today: dt.date) -> str:
    return f"dagen {day} har inte kommit än (i dag är det {today})"


def entry_date_problems(
    entry: FollowUpEntry, plan_date: dt.date | None, today: dt.date
) -> list[tuple[str, str]]:
    """List (field, message) for an entry's dates that cannot all be true.

    The event's date lies within the plan and the day the entry was recorded; a date equal to
    the day it was recorded or its source read is taken for that day, not the event's, unless
    the source itself is dated so; nothing was read or recorded after today.
    """
    problems = []
    for field_name, day in (("recorded", entry.recorded), ("source.read", entry.source.read)):
        if day > today:
            problems.append((field_name, _future(day, today)))
    if entry.source.read > entry.recorded:
        problems.append(
            (
                "source.read",
                f"källan lästes {entry.source.read}, efter dagen posten skrevs in "
                f"({entry.recorded})",
            )
        )
    if entry.date is None:
        return problems
    first, last = partial_date_bounds(entry.date)
    if plan_date is not None and last < plan_date:
        problems.append(
            (
                "date",
                f"datumet {entry.date} ligger före planens datum ({plan_date}); "
                "en uppföljning säger vad som hänt efter planen",
            )
        )
    if first > entry.recorded:
        problems.append(
            (
                "date",
                f"datumet {entry.date} ligger efter dagen posten skrevs in ({entry.recorded}); "
                "en uppföljning säger vad som har hänt, inte vad som ska hända",
            )
        )
    reading_days = {entry.recorded.isoformat(), entry.source.read.isoformat()}
    if entry.date in reading_days and entry.source.date != entry.date:
        problems.append(
            (
                "date",
                f"datumet {entry.date} är dagen källan lästes eller posten skrevs in, inte "
                "dagen det hände; utelämna date när källan inte daterar händelsen (den visas "
                "då som ”enligt källan, läst …”), eller ange källans eget datum i source.date "
                "om källan är daterad den dagen",
            )
        )
    return problems


def _load_registry(
    path: Path, model: type[CommitteeRegistry | ThemeRegistry], list_key: str, noun: str
) -> dict[str, Any]:
    """Load a registry file whose records have unique ids: by id, in the file's order."""
    raw = parse_yaml_file(path)
    records = getattr(validate_records(model, raw, path.name, list_key, noun), list_key)
    problems = duplicate_problems((record.id for record in records), path.name, noun)
    if problems:
        raise DataError(problems)
    return {record.id: record for record in records}


def load_committees(path: Path = paths.COMMITTEES_FILE) -> dict[str, Committee]:
    """Load the registry of committees from its YAML file: by id, in the file's order."""
    return _load_registry(path, CommitteeRegistry, "committees", "nämnd")


def load_themes(path: Path = paths.THEMES_FILE) -> dict[str, Theme]:
    """Load the controlled vocabulary of themes from its YAML file: by id, in the file's order."""
    return _load_registry(path, ThemeRegistry, "themes", "tema")
