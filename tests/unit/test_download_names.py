"""A downloaded file's name says its filters: a filtered and an unfiltered file differ by name."""

from __future__ import annotations

import datetime as dt

from soderort.downloads import download_files
from soderort.filters import FilterState
from soderort.loading import PlanData
from soderort.viewstate import ViewState

DAY = dt.date(2026, 12, 7)


def _name(data: PlanData, kind: str, filters: FilterState) -> str:
    view = ViewState(filters=filters)
    return download_files.make(kind, data, "test", view, DAY).file_name


def test_a_filtered_file_names_its_filters(plan_data: PlanData) -> None:
    whole = _name(plan_data, "initiativ.csv", FilterState())
    filtered = _name(plan_data, "initiativ.csv", FilterState(committees=("exploateringsnamnden",)))
    assert whole == "soderort-2030-initiativ-2026-12-07.csv"
    assert filtered == "soderort-2030-initiativ-exploateringsnamnden-2026-12-07.csv"
    both = FilterState(
        committees=("exploateringsnamnden",), lead_only=True, year_range=(2011, 2013), text="Hög"
    )
    assert _name(plan_data, "initiativ.xlsx", both) == (
        "soderort-2030-initiativ-exploateringsnamnden-lead-2011-2013-hog-2026-12-07.xlsx"
    )


def test_a_long_list_of_filters_is_cut_in_the_name(plan_data: PlanData) -> None:
    every = FilterState(committees=tuple(plan_data.committees))
    name = _name(plan_data, "initiativ.csv", every)
    assert name.endswith("-m-fl-2026-12-07.csv"), name
    longest = "soderort-2030-initiativ-" + "x" * download_files.FILTERS_IN_NAME_CHARS
    assert len(name) <= len(longest + "-m-fl-2026-12-07.csv"), name
