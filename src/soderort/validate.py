"""`python -m soderort validate [PATH]`: check a data folder or a single data file."""

from __future__ import annotations

from pathlib import Path

from soderort import geo_files, loading, paths, plan_files
from soderort.errors import DataError, Problem


def validate_path(path: Path) -> str:
    """Validate a data folder, or one data file chosen by its name, and summarise it.

    Parameters
    ----------
    path : Path
        A folder laid out like ``geodata/``, or one of its files (an action plan or registry in
        YAML, the follow-up file, or a GeoJSON layer). A lone follow-up file is checked against
        the action plan beside it, else the shipped one. A lone action plan is checked against
        the registries and places beside it when they are there, else against the shipped ones.

    Returns
    -------
    str
        A one-line summary of what was found.

    Raises
    ------
    DataError
        With every problem found.
    """
    if path.is_dir():
        data = loading.load_plan_data(path)
        return (
            f"OK: {len(data.initiatives)} initiativ, {len(data.places)} platser, "
            f"{len(data.committees)} nämnder, {len(data.themes)} teman, "
            f"{len(data.districts)} stadsdelar i {path}; "
            + _follow_up_summary(
                plan_files.FollowUps(data.follow_ups, data.follow_up_searches),
                len(data.initiatives),
            )
        )
    if not path.exists():
        raise DataError([Problem(path.name, f"filen finns inte ({path})")])
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return _validate_yaml(path)
    if suffix in (".geojson", ".json"):
        loader = geo_files.load_places if path.name.startswith("places") else geo_files.load_areas
        frame = loader(path)
        return f"OK: {len(frame)} features i {path}"
    raise DataError([Problem(path.name, "okänd filtyp; väntade .yaml eller .geojson")])


def _sibling_or_shipped(path: Path, shipped: Path) -> Path:
    sibling = path.parent / shipped.name
    return sibling if sibling.is_file() else shipped


def _follow_up_summary(follow_ups: plan_files.FollowUps, total: int) -> str:
    entries = sum(len(items) for items in follow_ups.entries.values())
    searched = len(set(follow_ups.searches) - set(follow_ups.entries))
    return (
        f"{len(follow_ups.entries)} av {total} initiativ har en källbelagd uppföljning "
        f"({entries} poster); {searched} har sökts utan att en källa hittats"
    )


def _validate_yaml(path: Path) -> str:
    if path.name.startswith("follow_up"):
        plan = plan_files.load_action_plan(_sibling_or_shipped(path, paths.ACTION_PLAN_FILE))
        follow_ups = plan_files.load_follow_ups(
            path, (item.id for item in plan.initiatives), plan.document.date
        )
        return f"OK: {_follow_up_summary(follow_ups, len(plan.initiatives))} i {path}"
    if path.name.startswith("committees"):
        return f"OK: {len(plan_files.load_committees(path))} nämnder i {path}"
    if path.name.startswith("themes"):
        return f"OK: {len(plan_files.load_themes(path))} teman i {path}"
    plan = plan_files.load_action_plan(path)
    committees = plan_files.load_committees(_sibling_or_shipped(path, paths.COMMITTEES_FILE))
    themes = plan_files.load_themes(_sibling_or_shipped(path, paths.THEMES_FILE))
    places = geo_files.load_places(_sibling_or_shipped(path, paths.PLACES_FILE))
    problems = loading.cross_reference_problems(
        plan, committees, themes, set(places.index), path.name
    )
    if problems:
        raise DataError(problems)
    return f"OK: {len(plan.initiatives)} initiativ i {path}"
