"""Loading the whole plan: every data file read, validated and joined into one `PlanData`.

Each file's loader (`soderort.plan_files`, `soderort.geo_files`) reads one file and returns
typed records (or a GeoDataFrame); `load_plan_data` reads them all and checks the references
between them. Anything wrong raises `DataError` with every problem found, each naming the file,
the record and the field in plain words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd

from soderort import datafiles, paths
from soderort.errors import DataError, Problem
from soderort.geo_files import (
    load_areas,
    load_places,
)
from soderort.memo import per_plan
from soderort.model import (
    ActionPlan,
    Committee,
    Document,
    FollowUpEntry,
    FollowUpSearch,
    Initiative,
    Theme,
)
from soderort.plan_files import (
    FollowUps,
    load_action_plan,
    load_committees,
    load_follow_ups,
    load_themes,
)


@dataclass(frozen=True)
class PlanData:
    """Everything the dashboard shows, loaded, validated and joined."""

    document: Document
    initiatives: tuple[Initiative, ...]
    committees: dict[str, Committee]
    themes: dict[str, Theme]
    places: gpd.GeoDataFrame
    districts: gpd.GeoDataFrame
    areas: gpd.GeoDataFrame
    outline: gpd.GeoDataFrame
    # Initiative id to its follow-up entries, oldest first; none when the folder has no file.
    follow_ups: dict[str, tuple[FollowUpEntry, ...]] = field(default_factory=dict)
    # Initiative id to where and when a source was looked for (required where there is no entry).
    follow_up_searches: dict[str, tuple[FollowUpSearch, ...]] = field(default_factory=dict)

    # The data never changes once loaded, so lookups that every rerun makes many times (a name
    # per card, the place order per filter) are computed once, in the plan's `per_plan` cache.
    @property
    def _place_order(self) -> tuple[str, ...]:
        def compute() -> tuple[str, ...]:
            named = [p for initiative in self.initiatives for p in initiative.places]
            return tuple(dict.fromkeys([*named, *self.places.index]))

        return per_plan(self, "place_order", compute)

    @property
    def _by_id(self) -> dict[str, Initiative]:
        def compute() -> dict[str, Initiative]:
            found: dict[str, Initiative] = {}
            for item in self.initiatives:
                found.setdefault(item.id, item)
            return found

        return per_plan(self, "by_id", compute)

    @property
    def _place_names(self) -> dict[str, dict[str, str]]:
        # A dict lookup instead of GeoDataFrame.loc, which costs ~50 µs a call.
        return per_plan(
            self,
            "place_names",
            lambda: {
                column: {str(k): str(v) for k, v in self.places[column].items()}
                for column in ("name", "name_en")
            },
        )

    @property
    def place_order(self) -> list[str]:
        """Place ids in the order the action plan first names them, then any others."""
        return list(self._place_order)

    def initiative(self, initiative_id: str) -> Initiative:
        """Return the initiative with the given id (KeyError when there is none)."""
        return self._by_id[initiative_id]

    def follow_up_entries(self, initiative_id: str) -> tuple[FollowUpEntry, ...]:
        """Return an initiative's follow-up entries, oldest first (empty when it has none)."""
        return self.follow_ups.get(initiative_id, ())

    def latest_follow_up(self, initiative_id: str) -> FollowUpEntry | None:
        """Return an initiative's latest follow-up entry, or None when none is recorded."""
        entries = self.follow_ups.get(initiative_id, ())
        return entries[-1] if entries else None

    def follow_up_searched(self, initiative_id: str) -> FollowUpSearch | None:
        """Return the latest search for an initiative's source, or None when none is recorded."""
        searches = self.follow_up_searches.get(initiative_id, ())
        return max(searches, key=lambda search: search.date) if searches else None

    def committee_name(self, committee_id: str) -> str:
        """Return the registry's name for a body, or the id itself when the registry lacks it."""
        committee = self.committees.get(committee_id)
        return committee.name if committee is not None else committee_id

    def place_name(self, place_id: str, language: str = "sv") -> str:
        """Return the place's name in the given language (KeyError for an unknown id)."""
        return self._place_names["name_en" if language == "en" else "name"][place_id]

    def place_name_or_id(self, place_id: str, language: str = "sv") -> str:
        """Return the place's name in the given language, or the id itself for an unknown id."""
        return self._place_names["name_en" if language == "en" else "name"].get(place_id, place_id)

    def theme_name(self, theme_id: str, language: str = "sv") -> str:
        """Return the theme's name in the given language, or the id itself for an unknown id."""
        theme = self.themes.get(theme_id)
        if theme is None:
            return theme_id
        return theme.name_en if language == "en" else theme.name


def cross_reference_problems(
    plan: ActionPlan,
    committees: dict[str, Committee],
    themes: dict[str, Theme],
    place_ids: set[str],
    file: str,
) -> list[Problem]:
    """List the initiatives' references to places, committees and themes that do not exist.

    Parameters
    ----------
    plan : ActionPlan
        The loaded plan.
    committees, themes : dict
        The registries, by id.
    place_ids : set of str
        The ids in places.geojson.
    file : str
        The plan file's name, for the messages.

    Returns
    -------
    list of Problem
        Empty when every reference resolves.
    """
    problems = []
    for position, item in enumerate(plan.initiatives, start=1):
        label = f"initiativ '{item.id}' (nr {position})"
        for values, known, unknown, where in (
            (
                item.places,
                place_ids,
                "okänd plats '{}' (finns inte i places.geojson)",
                "places[{}]",
            ),
            (
                [ref.id for ref in item.committees],
                committees,
                "okänd nämnd '{}' (finns inte i committees.yaml)",
                "committees[{}].id",
            ),
            (item.themes, themes, "okänt tema '{}' (finns inte i themes.yaml)", "themes[{}]"),
        ):
            problems.extend(
                Problem(file, unknown.format(value), label, where.format(index))
                for index, value in enumerate(values, start=1)
                if value not in known
            )
    return problems


def load_plan_data(data_dir: Path = paths.GEODATA_DIR) -> PlanData:
    """Load every data file in a folder, validate each, and check the references between them.

    Parameters
    ----------
    data_dir : Path
        The folder holding action_plan.yaml, committees.yaml, themes.yaml and the GeoJSON files.

    Returns
    -------
    PlanData
        The joined data.

    Raises
    ------
    DataError
        With every problem found in every file; a broken file never yields part of the data.
    """
    data_dir = Path(data_dir)
    loaders = {
        "plan": (load_action_plan, data_dir / paths.ACTION_PLAN_FILE.name),
        "committees": (load_committees, data_dir / paths.COMMITTEES_FILE.name),
        "themes": (load_themes, data_dir / paths.THEMES_FILE.name),
        "places": (load_places, data_dir / paths.PLACES_FILE.name),
        "districts": (load_areas, data_dir / paths.DISTRICTS_FILE.name),
        "areas": (load_areas, data_dir / paths.AREAS_FILE.name),
        "outline": (load_areas, data_dir / paths.OUTLINE_FILE.name),
    }
    loaded: dict[str, Any] = {}
    problems: list[Problem] = []
    changed = False
    for key, (loader, path) in loaders.items():
        try:
            loaded[key] = datafiles.load_once(loader, path)
        except DataError as err:
            problems.extend(err.problems)
            changed = changed or isinstance(err, datafiles.FileChangedError)
    if problems:
        raise (datafiles.FileChangedError if changed else DataError)(problems)
    plan: ActionPlan = loaded["plan"]
    problems = cross_reference_problems(
        plan,
        loaded["committees"],
        loaded["themes"],
        set(loaded["places"].index),
        paths.ACTION_PLAN_FILE.name,
    )
    if problems:
        raise DataError(problems)
    follow_up_path = data_dir / paths.FOLLOW_UP_FILE.name
    follow_ups = (
        load_follow_ups(follow_up_path, (item.id for item in plan.initiatives), plan.document.date)
        if follow_up_path.exists()
        else FollowUps()
    )
    return PlanData(
        document=plan.document,
        initiatives=tuple(plan.initiatives),
        committees=loaded["committees"],
        themes=loaded["themes"],
        places=loaded["places"],
        districts=loaded["districts"],
        areas=loaded["areas"],
        outline=loaded["outline"],
        follow_ups=follow_ups.entries,
        follow_up_searches=follow_ups.searches,
    )
