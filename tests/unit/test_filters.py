"""Filtering: every filter narrows to exactly the initiatives the YAML says, OR within, AND between.

Expected sets are computed from the raw YAML (not through the model), so a bug in either shows.
"""

from __future__ import annotations

import pytest

from soderort.facts import count_by_place, group_by_place
from soderort.filters import (
    FilterState,
    filter_initiatives,
    fold,
    matches,
    year_span,
)


def ids(initiatives) -> list[str]:
    return [item.id for item in initiatives]


def own_years(record: dict) -> set[int]:
    """The years the Tidplan text names itself (the first reading)."""
    timeline = dict(record["timeline"], other_reading=None)
    return raw_years({"timeline": timeline})


def raw_years(record: dict) -> set[int]:
    timeline = record["timeline"]
    years = {m["year"] for m in timeline.get("milestones") or []}
    years |= {timeline.get(k) for k in ("start", "target")}
    period = timeline.get("start_period")
    if period:
        years |= set(range(period["first"], period["last"] + 1))
    # A second reading of the Tidplan: its years count as much as the first's.
    other = timeline.get("other_reading") or {}
    years |= {m["year"] for m in other.get("milestones") or []} | {other.get("target")}
    return {y for y in years if y is not None}


@pytest.fixture(scope="module")
def records(action_plan_yaml) -> list[dict]:
    return action_plan_yaml["initiatives"]


def expected(records, keep) -> list[str]:
    return [r["id"] for r in records if keep(r)]


# ------------------------------------------------------------------------------------ fold


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("soderort", "Söderort"),
        ("hogdalen", "Högdalen"),
        ("SKARHOLMEN", "Skärholmen"),
        ("naringslivs", "Näringslivs- och arbetsplatsutveckling"),
        ("Älvsjö", "ALVSJO"),
    ],
)
def test_fold_ignores_case_and_diacritics(query: str, text: str) -> None:
    assert fold(query) in fold(text)


def test_fold_keeps_different_letters_apart() -> None:
    assert fold("Farsta") != fold("Första")
    assert fold("a") != fold("b")


# ---------------------------------------------------------------------------- defaults


def test_default_state_keeps_every_initiative_in_source_order(plan_data, records) -> None:
    assert FilterState().is_default()
    assert ids(filter_initiatives(plan_data, FilterState())) == [r["id"] for r in records]


@pytest.mark.parametrize(
    "state",
    [
        FilterState(committees=("kommunstyrelsen",)),
        FilterState(lead_only=True),
        FilterState(year_range=(2010, 2012)),
        FilterState(include_unknown_years=False),
        FilterState(statuses=("planned",)),
        FilterState(areas=("farsta",)),
        FilterState(themes=("turism",)),
        FilterState(text="x"),
    ],
)
def test_any_change_is_not_default(state: FilterState) -> None:
    assert not state.is_default()


def test_year_span_covers_the_plan_and_every_named_year(plan_data, records) -> None:
    named = set().union(*(raw_years(r) for r in records))
    assert year_span(plan_data) == (min(named | {2009}), max(named | {2030}))
    # "början av 2000-talet" is the period 2000–2009 and widens the span.
    assert year_span(plan_data) == (2000, 2030)


# --------------------------------------------------------------------------- committees


def test_committee_gives_every_initiative_naming_it(plan_data, records) -> None:
    want = expected(
        records, lambda r: any(c["id"] == "exploateringsnamnden" for c in r["committees"])
    )
    got = filter_initiatives(plan_data, FilterState(committees=("exploateringsnamnden",)))
    assert ids(got) == want
    assert "miljoteknik-hogdalen" in want and len(want) < len(records)


def test_lead_only_narrows_to_initiatives_the_committee_leads(plan_data, records) -> None:
    want = expected(
        records,
        lambda r: any(
            c["id"] == "exploateringsnamnden" and c["role"] == "lead" for c in r["committees"]
        ),
    )
    any_role = filter_initiatives(plan_data, FilterState(committees=("exploateringsnamnden",)))
    lead = filter_initiatives(
        plan_data, FilterState(committees=("exploateringsnamnden",), lead_only=True)
    )
    assert ids(lead) == want
    assert set(ids(lead)) < set(ids(any_role))


def test_lead_only_without_committee_filters_nothing(plan_data) -> None:
    assert len(filter_initiatives(plan_data, FilterState(lead_only=True))) == len(
        plan_data.initiatives
    )


def test_committees_are_or_within_the_filter(plan_data, records) -> None:
    chosen = {"farsta-sdn", "stockholm-visitors-board"}
    want = expected(records, lambda r: any(c["id"] in chosen for c in r["committees"]))
    got = filter_initiatives(plan_data, FilterState(committees=tuple(sorted(chosen))))
    assert ids(got) == want == ["farsta-tyngdpunkt", "turism-till-soderort"]


# -------------------------------------------------------------------------------- years


def test_year_range_finds_initiatives_with_a_year_inside(plan_data, records) -> None:
    state = FilterState(year_range=(2011, 2013), include_unknown_years=False)
    want = expected(records, lambda r: any(2011 <= y <= 2013 for y in raw_years(r)))
    assert ids(filter_initiatives(plan_data, state)) == want
    assert "soderstaden" in want
    assert "fler-arbetsplatser" not in want  # 2015, 2020, 2030: none inside


def test_year_range_keeps_undated_initiatives_when_asked(plan_data, records) -> None:
    state = FilterState(year_range=(2011, 2013))
    want = expected(
        records, lambda r: not own_years(r) or any(2011 <= y <= 2013 for y in raw_years(r))
    )
    assert ids(filter_initiatives(plan_data, state)) == want


def test_a_start_period_matches_every_year_in_it(plan_data) -> None:
    # "början av 2000-talet": the work may have begun in 2005, so a 2004–2006 range finds it.
    state = FilterState(year_range=(2004, 2006), include_unknown_years=False)
    got = ids(filter_initiatives(plan_data, state))
    assert got == ["kungens-kurva-skarholmen"]


def test_year_range_is_inclusive(plan_data) -> None:
    got = ids(filter_initiatives(plan_data, FilterState(year_range=(2030, 2030))))
    assert "fler-arbetsplatser" in got


def test_a_second_reading_is_found_by_its_years_and_among_the_undated(plan_data) -> None:
    # "Samma mål som för Söderort": no year of its own, or the Söderort targets.
    reading_two = FilterState(year_range=(2019, 2021), include_unknown_years=False)
    assert "samverkan-sodertorn" in ids(filter_initiatives(plan_data, reading_two))
    reading_one = FilterState(year_range=(2011, 2012))
    assert "samverkan-sodertorn" in ids(filter_initiatives(plan_data, reading_one))
    neither = FilterState(year_range=(2011, 2012), include_unknown_years=False)
    assert "samverkan-sodertorn" not in ids(filter_initiatives(plan_data, neither))


def test_excluding_undated_works_without_a_year_range(plan_data, records) -> None:
    got = filter_initiatives(plan_data, FilterState(include_unknown_years=False))
    assert ids(got) == expected(records, lambda r: bool(raw_years(r)))


# ------------------------------------------------------------------ status, areas, themes


def test_status_filter(plan_data, records) -> None:
    state = FilterState(statuses=("ongoing", "started"))
    want = expected(records, lambda r: r["timeline"]["status"] in {"ongoing", "started"})
    assert ids(filter_initiatives(plan_data, state)) == want
    assert "kungens-kurva-skarholmen" in want


def test_area_filter_finds_initiatives_on_two_places(plan_data, records) -> None:
    want = expected(records, lambda r: "sodertorn" in r["places"])
    got = filter_initiatives(plan_data, FilterState(areas=("sodertorn",)))
    assert ids(got) == want == ["samverkan-sodertorn", "gemensamma-mal-naringslivsutveckling"]


def test_theme_filter(plan_data, records) -> None:
    chosen = ("kluster", "turism")
    want = expected(records, lambda r: any(t in chosen for t in r["themes"]))
    assert ids(filter_initiatives(plan_data, FilterState(themes=chosen))) == want


def test_filters_are_and_between_each_other(plan_data, records) -> None:
    state = FilterState(committees=("exploateringsnamnden",), themes=("kluster",))
    want = expected(
        records,
        lambda r: (
            any(c["id"] == "exploateringsnamnden" for c in r["committees"])
            and "kluster" in r["themes"]
        ),
    )
    assert ids(filter_initiatives(plan_data, state)) == want
    assert want == ["nya-klusterbildningar", "miljoteknik-hogdalen"]


# --------------------------------------------------------------------------------- text


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("hogdalen", "miljoteknik-hogdalen"),
        ("MILJÖTEKNIK högdalen", "miljoteknik-hogdalen"),
        ("SKARHOLMEN", "kungens-kurva-skarholmen"),
        ("överdäckning nynäsvägen", "soderstaden"),
        ("Tourism", "turism-till-soderort"),  # a theme's English name
        ("Higher education", "samverkan-hogskolor"),
        ("Stråket Globen", "straket-globen-norvik"),  # a place's name
        ("Social- och arbetsmarknadsnämnden", "sociala-foretag"),  # a committee's name
        ("Businesss", "samverkan-sodertorn"),  # the editorial notes
    ],
)
def test_text_search_finds(plan_data, query: str, found: str) -> None:
    assert found in ids(filter_initiatives(plan_data, FilterState(text=query)))


def test_text_search_needs_every_word(plan_data) -> None:
    assert ids(filter_initiatives(plan_data, FilterState(text="hogdalen"))) == [
        "miljoteknik-hogdalen"
    ]
    assert filter_initiatives(plan_data, FilterState(text="hogdalen farsta")) == []
    assert filter_initiatives(plan_data, FilterState(text="xyzzy")) == []


def test_blank_text_filters_nothing(plan_data) -> None:
    assert len(filter_initiatives(plan_data, FilterState(text="   "))) == len(plan_data.initiatives)


def test_matches_agrees_with_filter(plan_data) -> None:
    state = FilterState(themes=("stadsutveckling",), statuses=("planned",))
    shown = set(ids(filter_initiatives(plan_data, state)))
    for item in plan_data.initiatives:
        assert matches(item, state, plan_data) == (item.id in shown)


# --------------------------------------------------------------------------- by place


def test_group_by_place_follows_place_order_and_lists_shared_initiatives_twice(
    plan_data,
) -> None:
    chosen = filter_initiatives(plan_data, FilterState(areas=("sodertorn",)))
    groups = group_by_place(plan_data, chosen)
    assert [place for place, _ in groups] == ["hela-soderort", "sodertorn"]
    for _, members in groups:
        assert ids(members) == ["samverkan-sodertorn", "gemensamma-mal-naringslivsutveckling"]


def test_group_by_place_keeps_source_order_within_a_place(plan_data, records) -> None:
    groups = dict(group_by_place(plan_data, plan_data.initiatives))
    want = expected(records, lambda r: "hela-soderort" in r["places"])
    assert ids(groups["hela-soderort"]) == want
    assert list(groups) == plan_data.place_order  # every place has at least one initiative
    assert sum(len(members) for members in groups.values()) == sum(
        len(r["places"]) for r in records
    )


def test_group_by_place_leaves_out_places_without_initiatives(plan_data) -> None:
    chosen = filter_initiatives(plan_data, FilterState(themes=("turism",)))
    assert [place for place, _ in group_by_place(plan_data, chosen)] == ["hela-soderort"]
    assert group_by_place(plan_data, []) == []


def test_count_by_place_counts_every_place(plan_data, records) -> None:
    chosen = filter_initiatives(plan_data, FilterState(themes=("kluster",)))
    counts = count_by_place(plan_data, chosen)
    assert set(counts) == set(plan_data.places.index)
    for place in counts:
        assert counts[place] == sum(
            1 for r in records if "kluster" in r["themes"] and place in r["places"]
        )
    assert counts["farsta"] == 0
    assert counts["hogdalen"] == 1
