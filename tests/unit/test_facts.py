"""soderort.facts: the records every view shows, each computed in one place."""

from __future__ import annotations

from soderort.facts import (
    committee_entries,
    committee_line,
    count_by_place,
    count_with_undated,
    group_by_place,
    undated_count,
)
from soderort.filters import FilterState, filter_initiatives


def test_an_initiative_counts_once_on_each_place_it_names(plan_data) -> None:
    item = plan_data.initiative("samverkan-sodertorn")
    twice = item.model_copy(update={"places": [*item.places, item.places[0]]})
    counts = count_by_place(plan_data, [twice])
    assert {p: n for p, n in counts.items() if n} == dict.fromkeys(item.places, 1)
    assert group_by_place(plan_data, [twice]) == [
        (place, [twice]) for place in plan_data.place_order if place in item.places
    ]


def test_hela_soderort_counts_every_initiative_naming_it(plan_data) -> None:
    naming = [i for i in plan_data.initiatives if "hela-soderort" in i.places]
    assert count_by_place(plan_data, plan_data.initiatives)["hela-soderort"] == len(naming)
    # Two of them name another place first: a first-place-only count would miss them.
    assert any(i.places[0] != "hela-soderort" for i in naming)


def test_committee_line_names_leads_first_with_roles(plan_data) -> None:
    item = plan_data.initiative("samverkan-sodertorn")
    entries = committee_entries(plan_data, item, "sv")
    assert [e.committee_id for e in entries] == [c for c, _ in item.committee_roles()]
    assert committee_line(plan_data, item, "sv") == "; ".join(
        f"{plan_data.committee_name(c)} ({'ansvarig' if r == 'lead' else 'i samverkan'})"
        for c, r in item.committee_roles()
    )
    assert "(lead)" in committee_line(plan_data, item, "en")


def test_undated_count_only_beside_a_year_range(plan_data) -> None:
    ranged = FilterState(committees=("exploateringsnamnden",), year_range=(2010, 2015))
    shown = filter_initiatives(plan_data, ranged)
    undated = [i for i in shown if i.timeline.is_unknown]
    assert undated_count(ranged, shown) == len(undated) > 0
    assert count_with_undated(ranged, shown, 19, "sv") == (
        f"{len(shown)} av 19 initiativ, varav {len(undated)} utan angivet år"
    )
    assert undated_count(FilterState(), plan_data.initiatives) is None
    assert count_with_undated(FilterState(), plan_data.initiatives, 19, "en") == (
        "19 of 19 initiatives"
    )
