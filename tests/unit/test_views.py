"""What the Table, Timeline and Place pages show: columns, a place's initiatives, bodies, geometry.

Expectations come from the raw YAML (fixture `action_plan_yaml`), not from the model.
"""

from __future__ import annotations

import pandas as pd
import pytest

from soderort.exports import COLUMNS, header, initiatives_table
from soderort.facts import place_drawing, place_initiatives
from soderort.readings import shown_text
from soderort.views import (
    HIDDEN_TABLE_COLUMNS,
    committee_table,
    display_table,
    initiative_ids,
    involvements,
    place_ids,
    table_columns,
)


@pytest.fixture(scope="module")
def records(action_plan_yaml) -> list[dict]:
    return action_plan_yaml["initiatives"]


# ------------------------------------------------------------------------------------ table
@pytest.mark.parametrize("language", ["sv", "en"])
def test_table_shows_every_exported_column_but_the_id(language) -> None:
    columns = table_columns(language)
    assert [c.key for c in columns] == [k for k in COLUMNS if k not in HIDDEN_TABLE_COLUMNS]
    assert HIDDEN_TABLE_COLUMNS == ("id",)
    assert [c.label for c in columns] == [header(c.key, language) for c in columns]
    # The start may be a period ("2000–2009"), so it is text; the target is always a year.
    assert {c.key for c in columns if c.kind == "year"} == {"target"}
    assert all(c.help.strip() for c in columns)
    assert len({c.help for c in columns}) == len(columns)


def test_table_headers_and_help_follow_the_language() -> None:
    sv = {c.key: c for c in table_columns("sv")}
    en = {c.key: c for c in table_columns("en")}
    assert sv["forvantat_resultat"].label == "Förväntat resultat"
    assert en["forvantat_resultat"].label == "Expected result"
    assert sv["start"].help != en["start"].help


def test_display_table_has_the_download_rows_and_a_start_period_as_a_period(
    plan_data, records
) -> None:
    items = list(plan_data.initiatives)
    shown = display_table(plan_data, items, "sv")
    download = initiatives_table(plan_data, items, "sv")
    assert list(shown.columns) == list(download.columns)
    assert list(shown["Rubrik"]) == [shown_text(item, "rubrik") for item in items]
    assert str(shown["Mål"].dtype) == "Int64"
    for record, (_, row) in zip(records, shown.iterrows(), strict=True):
        timeline = record["timeline"]
        start, target, period = timeline.get("start"), timeline.get("target"), None
        if timeline.get("start_period"):
            period = f"{timeline['start_period']['first']}–{timeline['start_period']['last']}"
        if period or start is not None:
            assert row["Start"] == (period or str(start))
        else:
            assert pd.isna(row["Start"])
        assert (pd.isna(row["Mål"]) and target is None) or row["Mål"] == target
    position = [r["id"] for r in records].index("kungens-kurva-skarholmen")
    assert download["Start"].iloc[position] == shown["Start"].iloc[position] == "2000–2009"
    # Text sorts in time order: the period before the years after it.
    assert sorted(["2010", "2009", "2000–2009"]) == ["2000–2009", "2009", "2010"]


def test_display_table_keeps_the_given_order_and_subset(plan_data) -> None:
    items = list(reversed(plan_data.initiatives[2:7]))
    shown = display_table(plan_data, items, "en")
    assert list(shown["id"]) == [item.id for item in items]
    assert display_table(plan_data, [], "sv").empty


def test_initiative_ids_are_a_plain_key(plan_data) -> None:
    ids = initiative_ids(plan_data.initiatives[:3])
    assert ids == tuple(item.id for item in plan_data.initiatives[:3])
    assert hash(ids) == hash(tuple(ids))


# ------------------------------------------------------------------------------- places
def test_place_ids_list_every_place_once_with_hela_soderort(plan_data) -> None:
    ids = place_ids(plan_data)
    assert sorted(ids) == sorted(plan_data.places.index)
    assert len(ids) == len(set(ids))
    assert "hela-soderort" in ids


@pytest.mark.parametrize("place", ["hogdalen", "hela-soderort", "sodertorn", "skrubba"])
def test_place_initiatives_are_those_naming_the_place(plan_data, records, place) -> None:
    found = place_initiatives(plan_data.initiatives, place)
    assert [i.id for i in found] == [r["id"] for r in records if place in r["places"]]


def test_hogdalen_has_exactly_miljoteknik_hogdalen(plan_data) -> None:
    assert [i.rubrik for i in place_initiatives(plan_data.initiatives, "hogdalen")] == [
        "Miljöteknik Högdalen"
    ]


def test_involvements_say_who_works_on_what_in_which_role(plan_data, records) -> None:
    items = place_initiatives(plan_data.initiatives, "hela-soderort")
    wanted: dict[tuple[str, str], list[str]] = {}
    for record in records:
        if "hela-soderort" not in record["places"]:
            continue
        for ref in record["committees"]:
            wanted.setdefault((ref["id"], ref["role"]), []).append(record["id"])
    found = involvements(items)
    assert {(i.committee_id, i.role.value): list(i.initiative_ids) for i in found} == wanted
    roles = [i.role.value for i in found]
    assert roles == sorted(roles, key=lambda role: role != "lead")  # leads first
    leads = [i for i in found if i.role.value == "lead"]
    counts = [len(i.initiative_ids) for i in leads]
    assert counts == sorted(counts, reverse=True)


def test_a_body_in_two_roles_is_listed_twice(plan_data) -> None:
    items = place_initiatives(plan_data.initiatives, "hela-soderort")
    found = involvements(items)
    by_body: dict[str, set[str]] = {}
    for involvement in found:
        by_body.setdefault(involvement.committee_id, set()).add(involvement.role.value)
    # Stockholm Business Region leads most of these and collaborates on one.
    assert by_body["stockholm-business-region"] == {"lead", "collaborator"}


def test_committee_table_for_hogdalen(plan_data) -> None:
    items = place_initiatives(plan_data.initiatives, "hogdalen")
    sv = committee_table(plan_data, items, "sv")
    assert list(sv.columns) == ["Nämnd eller bolag", "Typ", "Roll", "Initiativ"]
    assert sv.values.tolist() == [
        ["Stockholm Business Region", "Stadsägt bolag", "Ansvarig", "Miljöteknik Högdalen"],
        ["Stadsbyggnadsnämnden", "Nämnd", "I samverkan", "Miljöteknik Högdalen"],
        ["Exploateringsnämnden", "Nämnd", "I samverkan", "Miljöteknik Högdalen"],
    ]
    en = committee_table(plan_data, items, "en")
    assert list(en.columns) == ["Committee or company", "Kind", "Role", "Initiatives"]
    assert en.iloc[0].tolist()[1:3] == ["City-owned company", "Lead"]
    assert en.iloc[0, 0] == "Stockholm Business Region"  # names stay as the plan has them


def test_committee_table_of_nothing_is_empty_with_headers(plan_data) -> None:
    frame = committee_table(plan_data, [], "sv")
    assert frame.empty and list(frame.columns) == ["Nämnd eller bolag", "Typ", "Roll", "Initiativ"]


# ------------------------------------------------------------------------------ geometry
def test_geometry_of_a_circle_names_its_radius_and_is_approximate(plan_data) -> None:
    facts = dict(place_drawing(plan_data, "hogdalen", "sv"))
    place = plan_data.places.loc["hogdalen"]
    assert facts["Metod"] == place["method"]
    assert facts["Underlag"] == place["credit"]
    assert "find_string" not in facts["Underlag"]
    assert facts["Licens"] == place["licence"]
    assert facts["Avgränsning"] == "Ungefärlig"
    assert facts["Radie"] == f"{int(place['radius_m'])} m"


def test_geometry_of_a_district_has_no_radius(plan_data) -> None:
    facts = dict(place_drawing(plan_data, "farsta", "en"))
    assert list(facts) == ["Method", "Based on", "Licence", "Boundary"]
    assert facts["Boundary"] == "As in the source data"


def test_every_place_has_a_geometry_description(plan_data) -> None:
    for place in plan_data.places.index:
        labels = [label for label, _ in place_drawing(plan_data, place, "sv")]
        assert labels[:2] == ["Metod", "Underlag"] and "Avgränsning" in labels


def test_geometry_of_an_unknown_place_is_an_error(plan_data) -> None:
    with pytest.raises(KeyError):
        place_drawing(plan_data, "atlantis", "sv")
