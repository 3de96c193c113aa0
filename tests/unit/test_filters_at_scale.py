"""Filtering a large generated plan: what is remembered between calls never changes an answer.

The filters remember folded search texts and recent results per loaded plan (the plan never
changes); these tests check the answers against a plain reading of the rules on a plan of
hundreds of initiatives over 100 places.
"""

from __future__ import annotations

import itertools

import pytest

from benchmarks.synthetic import generate_data_folder
from soderort.facts import group_by_place
from soderort.filters import (
    FilterState,
    cap_groups,
    filter_initiatives,
    fold,
    matches,
    prepare_search,
    search_text,
)
from soderort.loading import load_plan_data


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    return load_plan_data(generate_data_folder(tmp_path_factory.mktemp("plan"), 400, seed=3))


def states(data) -> list[FilterState]:
    places = list(data.places.index)
    return [
        FilterState(),
        FilterState(themes=("turism",)),
        FilterState(themes=("turism", "kluster"), statuses=("ongoing",)),
        FilterState(areas=(places[0], places[50])),
        FilterState(committees=("kommunstyrelsen",), lead_only=True),
        FilterState(year_range=(2012, 2015), include_unknown_years=False),
        FilterState(text="söderort"),
        FilterState(text="SODERORT arbetsplatser"),
    ]


def test_every_answer_is_the_rules_answer_however_often_and_in_whatever_order(big) -> None:
    cases = states(big)
    expected = {
        state: [item for item in big.initiatives if matches(item, state, big)] for state in cases
    }
    for state in itertools.chain(cases, reversed(cases), cases):
        assert filter_initiatives(big, state) == expected[state]


def test_changing_a_returned_list_does_not_change_the_next_answer(big) -> None:
    first = filter_initiatives(big, FilterState(themes=("turism",)))
    count = len(first)
    first.clear()
    assert len(filter_initiatives(big, FilterState(themes=("turism",)))) == count


def test_search_text_is_the_same_before_and_after_it_is_prepared(tmp_path) -> None:
    data = load_plan_data(generate_data_folder(tmp_path, 50, seed=4))
    before = [search_text(item, data) for item in data.initiatives]
    prepare_search(data)
    assert [search_text(item, data) for item in data.initiatives] == before
    pairs = zip(data.initiatives, before, strict=True)
    assert all(fold(item.rubrik) in text for item, text in pairs)


def test_group_by_place_follows_its_definition_over_100_places(big) -> None:
    shown = filter_initiatives(big, FilterState(themes=("turism",)))
    expected = [
        (place, [item for item in shown if place in item.places]) for place in big.place_order
    ]
    assert group_by_place(big, shown) == [(place, items) for place, items in expected if items]


def test_names_and_ids_are_looked_up_and_unknown_ones_refused(big) -> None:
    for place_id, row in big.places.iterrows():
        assert big.place_name(place_id) == row["name"]
        assert big.place_name(place_id, "en") == row["name_en"]
    with pytest.raises(KeyError):
        big.place_name("no-such-place")
    last = big.initiatives[-1]
    assert big.initiative(last.id) is last
    with pytest.raises(KeyError):
        big.initiative("no-such-initiative")


def test_capped_list_fills_places_in_order_up_to_the_cap(big) -> None:
    groups = group_by_place(big, big.initiatives)
    capped = cap_groups(groups, 60)
    assert capped.capped
    assert capped.shown == 60 == sum(len(group.shown) for group in capped.groups)
    assert capped.total == sum(len(members) for _, members in groups)
    # Every place is accounted for once, in order, with its full count.
    listed = [(g.place_id, g.total) for g in capped.groups] + capped.hidden
    assert listed == [(place, len(members)) for place, members in groups]
    # Cards are the first ones of each place, in the source's order.
    for group in capped.groups:
        assert group.shown == dict(groups)[group.place_id][: len(group.shown)]


def test_a_list_under_the_cap_is_left_whole(big) -> None:
    groups = group_by_place(big, big.initiatives)[:2]
    size = sum(len(members) for _, members in groups)
    capped = cap_groups(groups, size)
    assert not capped.capped
    assert capped.hidden == []
    assert [(g.place_id, g.shown) for g in capped.groups] == groups


def test_cap_must_allow_one_card() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        cap_groups([], 0)
