"""The filters in words, as the report's cover and the export page show them."""

from __future__ import annotations

import pytest

from soderort.describe import describe_filters, removable_filters
from soderort.filters import FilterState
from soderort.loading import PlanData


def test_no_filters_no_lines(plan_data: PlanData) -> None:
    assert describe_filters(FilterState(), plan_data, "sv") == []
    assert describe_filters(FilterState(), plan_data, "en") == []


def test_the_examples_in_swedish(plan_data: PlanData) -> None:
    committee = next(iter(plan_data.committees))
    name = plan_data.committees[committee].name
    filters = FilterState(committees=(committee,), year_range=(2011, 2013), text="hogdalen")
    assert describe_filters(filters, plan_data, "sv") == [
        f"Nämnd: {name}",
        "År: 2011–2013",
        "Sökord: hogdalen",
    ]
    assert describe_filters(filters, plan_data, "en") == [
        f"Committee: {name}",
        "Years: 2011–2013",
        "Search words: hogdalen",
    ]


def test_every_filter_gets_a_line_in_the_sidebars_order(plan_data: PlanData) -> None:
    committees = list(plan_data.committees)[:2]
    theme = next(iter(plan_data.themes))
    filters = FilterState(
        committees=tuple(committees),
        lead_only=True,
        year_range=(2012, 2012),
        include_unknown_years=False,
        statuses=("ongoing", "planned"),
        areas=("hogdalen", "skrubba"),
        themes=(theme,),
        text="  miljö  ",
    )
    names = ", ".join(plan_data.committees[c].name for c in committees)
    assert describe_filters(filters, plan_data, "sv") == [
        f"Nämnd (endast som ansvarig): {names}",
        "År: 2012",
        "Initiativ utan angiven tid är inte med",
        "Status i planen (2010): Pågår, Planerat",
        "Område: Högdalens industriområde, Skrubba",
        f"Tema: {plan_data.themes[theme].name}",
        "Sökord: miljö",
    ]
    english = describe_filters(filters, plan_data, "en")
    assert english[0] == f"Committee (lead only): {names}"
    assert english[3] == "Status in the plan (2010): Ongoing, Planned"
    assert english[4].startswith("Place: ")
    assert english[5] == f"Theme: {plan_data.themes[theme].name_en}"


def test_lead_only_without_committees_narrows_nothing_and_is_not_described(
    plan_data: PlanData,
) -> None:
    assert describe_filters(FilterState(lead_only=True), plan_data, "sv") == []


@pytest.mark.parametrize("language", ["sv", "en"])
def test_unknown_ids_are_written_as_they_stand(plan_data: PlanData, language: str) -> None:
    filters = FilterState(committees=("no-such",), areas=("atlantis",), themes=("x",))
    lines = describe_filters(filters, plan_data, language)
    assert [line.split(": ", 1)[1] for line in lines] == ["no-such", "atlantis", "x"]


def test_each_chosen_value_is_removable_on_its_own(plan_data: PlanData) -> None:
    first, second = list(plan_data.committees)[:2]
    filters = FilterState(
        committees=(first, second), lead_only=True, year_range=(2011, 2013), text="hogdalen"
    )
    removable = removable_filters(filters, plan_data, "sv")
    assert [item.label for item in removable] == [
        f"Nämnd (endast som ansvarig): {plan_data.committee_name(first)}",
        f"Nämnd (endast som ansvarig): {plan_data.committee_name(second)}",
        "År: 2011–2013",
        "Sökord: hogdalen",
    ]
    assert removable[0].without == FilterState(
        committees=(second,), lead_only=True, year_range=(2011, 2013), text="hogdalen"
    )
    assert removable[2].without.year_range is None
    assert removable[3].without.text == ""
    # The last committee gone, "lead only" narrows nothing: it goes too, and the view is whole.
    alone = removable_filters(FilterState(committees=(first,), lead_only=True), plan_data)
    assert alone[0].without.is_default()
    assert removable_filters(FilterState(), plan_data) == []
