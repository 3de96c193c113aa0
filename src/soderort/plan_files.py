"""Loading the plan's YAML files into typed records: action plan, follow-ups, committees, themes.

Each loader reads one file on its own, with no cross references (`soderort.loading` joins them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
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
    Theme,
    ThemeRegistry,
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


def load_follow_ups(
    path: Path, initiative_ids: Iterable[str], plan_date: dt.date | None = None
) -> dict[str, tuple[FollowUpEntry, ...]]:
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

    Returns
    -------
    dict of str to tuple of FollowUpEntry
        By initiative id, each initiative's entries oldest first (a year before the days in it,
        equal dates in the file's order).

    Raises
    ------
    DataError
        With every problem found: an entry without a source, an unknown status, a date that is
        not one, an initiative the plan does not have, an initiative given twice, an entry
        dated before the plan.
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
            if plan_date is not None and entry.period_end < plan_date:
                problems.append(
                    Problem(
                        name,
                        f"datumet {entry.date} ligger före planens datum ({plan_date}); "
                        "en uppföljning säger vad som hänt efter planen",
                        label,
                        f"entries[{number}].date",
                    )
                )
    if problems:
        raise DataError(problems)
    return {
        item.initiative: tuple(sorted(item.entries, key=lambda entry: entry.sort_key))
        for item in loaded.follow_ups
    }


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
