"""The sidebar in the running app: each filter, the count, the URL, reset and the language switch.

Expected sets come from the raw YAML; the count is read from the sidebar as the user sees it and
the set from the view the sidebar hands to the pages.
"""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from soderort.filters import filter_initiatives
from soderort.viewstate import (
    SS_FILTER_AREAS,
    SS_FILTER_COMMITTEES,
    SS_FILTER_LEAD_ONLY,
    SS_FILTER_STATUSES,
    SS_FILTER_TEXT,
    SS_FILTER_THEMES,
    SS_FILTER_UNKNOWN_YEARS,
    SS_FILTER_YEARS,
    SS_FILTERS,
    SS_LANGUAGE,
    SS_RESET_FILTERS,
)
from tests.app.conftest import run
from tests.readings import named_years

COUNT = re.compile(
    r"^\*\*(\d+) (av|of) (\d+) initiativ(?:es)?"
    r"(?:, varav (\d+) utan angivet år|, (\d+) of them with no stated year)?\*\*$"
)
pytestmark = pytest.mark.usefixtures("st_folium")


def count(at: AppTest) -> tuple[int, int, str]:
    """The live count as the sidebar shows it: (shown, total, "av" or "of")."""
    found = [m.value for m in at.sidebar.markdown if COUNT.match(m.value)]
    assert len(found) == 1, [m.value for m in at.sidebar.markdown]
    match = COUNT.match(found[0])
    return int(match[1]), int(match[3]), match[2]


def undated_in_count(at: AppTest) -> int | None:
    """How many the sidebar's count says have no stated year (None when it says nothing)."""
    found = [COUNT.match(m.value) for m in at.sidebar.markdown if COUNT.match(m.value)]
    undated = found[0][4] or found[0][5]
    return int(undated) if undated else None


def shown_ids(at: AppTest, plan_data) -> list[str]:
    """The initiatives the pages get from the sidebar's view."""
    filters = at.session_state[SS_FILTERS]
    return [item.id for item in filter_initiatives(plan_data, filters)]


def assert_shows(at: AppTest, plan_data, want: list[str]) -> None:
    assert shown_ids(at, plan_data) == want
    assert count(at) == (len(want), len(plan_data.initiatives), "av")


def years_of(record: dict) -> set[int]:
    return named_years(record)


def naming(records, committee: str, lead: bool = False) -> list[str]:
    return [
        r["id"]
        for r in records
        if any(c["id"] == committee and (c["role"] == "lead" or not lead) for c in r["committees"])
    ]


# ------------------------------------------------------------------------- first run


def test_first_run_shows_everything_with_a_clean_url(app, plan_data) -> None:
    at = run(app)
    assert count(at) == (19, 19, "av") == (len(plan_data.initiatives), 19, "av")
    assert at.query_params == {}
    assert not at.warning
    assert at.button(key=SS_RESET_FILTERS).disabled


# --------------------------------------------------------------------------- filters


def test_committee_filter_counts_exactly_the_initiatives_naming_it(app, plan_data, records):
    at = run(app)
    at.multiselect(key=SS_FILTER_COMMITTEES).set_value(["exploateringsnamnden"])
    run(at)
    want = naming(records, "exploateringsnamnden")
    assert_shows(at, plan_data, want)
    assert 0 < len(want) < 19
    assert at.query_params == {"committee": "exploateringsnamnden"}
    assert not at.button(key=SS_RESET_FILTERS).disabled


def test_lead_only_narrows(app, plan_data, records) -> None:
    at = run(app)
    at.multiselect(key=SS_FILTER_COMMITTEES).set_value(["exploateringsnamnden"])
    at.toggle(key=SS_FILTER_LEAD_ONLY).set_value(True)
    run(at)
    want = naming(records, "exploateringsnamnden", lead=True)
    assert_shows(at, plan_data, want)
    assert len(want) < len(naming(records, "exploateringsnamnden"))
    assert at.query_params == {"committee": "exploateringsnamnden", "lead": "1"}


def test_search_is_case_and_accent_insensitive(app, plan_data) -> None:
    at = run(app)
    at.text_input(key=SS_FILTER_TEXT).input("hogdalen")
    run(at)
    assert_shows(at, plan_data, ["miljoteknik-hogdalen"])
    assert at.query_params == {"q": "hogdalen"}


def test_year_range_and_undated_initiatives(app, plan_data, records) -> None:
    at = run(app)
    at.slider(key=SS_FILTER_YEARS).set_range(2011, 2013)
    run(at)
    want = [r["id"] for r in records if not years_of(r) or years_of(r) & {2011, 2012, 2013}]
    assert_shows(at, plan_data, want)
    assert "soderstaden" in want
    assert at.query_params == {"from": "2011", "to": "2013"}
    # The count says how many of those it keeps name no year.
    assert undated_in_count(at) == sum(1 for r in records if not years_of(r))

    at.checkbox(key=SS_FILTER_UNKNOWN_YEARS).uncheck()
    run(at)
    dated = [r["id"] for r in records if years_of(r) & {2011, 2012, 2013}]
    assert_shows(at, plan_data, dated)
    assert "soderstaden" in dated and len(dated) < len(want)
    assert undated_in_count(at) is None
    assert at.query_params == {"from": "2011", "to": "2013", "unknown": "0"}


@pytest.mark.parametrize(
    ("key", "value", "param", "keep"),
    [
        (SS_FILTER_STATUSES, ["ongoing"], "status", lambda r: r["timeline"]["status"] == "ongoing"),
        (SS_FILTER_AREAS, ["sodertorn"], "area", lambda r: "sodertorn" in r["places"]),
        (
            SS_FILTER_THEMES,
            ["kluster", "turism"],
            "theme",
            lambda r: {"kluster", "turism"} & set(r["themes"]),
        ),  # noqa: E501
    ],
)
def test_multiselect_filters(app, plan_data, records, key, value, param, keep) -> None:
    at = run(app)
    at.multiselect(key=key).set_value(value)
    run(at)
    want = [r["id"] for r in records if keep(r)]
    assert_shows(at, plan_data, want)
    assert 0 < len(want) < 19
    assert at.query_params == {param: ",".join(value)}


def test_filters_combine_and_a_dead_end_shows_zero(app, plan_data) -> None:
    at = run(app)
    at.multiselect(key=SS_FILTER_AREAS).set_value(["farsta"])
    at.text_input(key=SS_FILTER_TEXT).input("hogdalen")
    run(at)
    assert_shows(at, plan_data, [])


# ------------------------------------------------------------------------------- URL


def test_url_restores_the_filters(app, plan_data, records) -> None:
    app.query_params.update(
        {"committee": "exploateringsnamnden", "lead": "1", "from": "2009", "to": "2015"}
    )
    at = run(app)
    assert at.multiselect(key=SS_FILTER_COMMITTEES).value == ["exploateringsnamnden"]
    assert at.toggle(key=SS_FILTER_LEAD_ONLY).value is True
    assert at.slider(key=SS_FILTER_YEARS).value == (2009, 2015)
    want = [
        r["id"]
        for r in records
        if r["id"] in naming(records, "exploateringsnamnden", lead=True)
        and (not years_of(r) or any(2009 <= y <= 2015 for y in years_of(r)))
    ]
    assert_shows(at, plan_data, want)
    assert not at.warning
    # The URL is written back as it came.
    assert at.query_params == {
        "committee": "exploateringsnamnden",
        "lead": "1",
        "from": "2009",
        "to": "2015",
    }


def test_url_restores_search_areas_and_language(app, plan_data) -> None:
    app.query_params.update({"q": "Högdalen", "area": "hogdalen", "lang": "en"})
    at = run(app)
    assert at.text_input(key=SS_FILTER_TEXT).value == "Högdalen"
    assert at.multiselect(key=SS_FILTER_AREAS).value == ["hogdalen"]
    assert at.segmented_control(key=SS_LANGUAGE).value == "en"
    assert shown_ids(at, plan_data) == ["miljoteknik-hogdalen"]
    assert count(at) == (1, 19, "of")


def test_bad_url_gives_one_notice_and_no_exception(app, plan_data, records) -> None:
    app.query_params.update(
        {
            "committee": "exploateringsnamnden,nosuch",
            "from": "abc",
            "to": "99999",
            "utm_source": "mail",
            "area": "x" * 600,
        }
    )
    at = run(app)
    assert len(at.warning) == 1
    notice = at.warning[0].value
    for fragment in ("nosuch", "okänt värde", "abc", "inget årtal", "utm", "för långt"):
        assert fragment in notice.replace("\\", ""), fragment
    assert "x" * 100 not in notice  # a long value is quoted short
    # What could be used is used; the rest is gone from the URL.
    assert_shows(at, plan_data, naming(records, "exploateringsnamnden"))
    assert at.query_params == {"committee": "exploateringsnamnden"}


def test_notice_is_in_the_chosen_language_and_goes_once_the_view_changes(app) -> None:
    app.query_params.update({"status": "finished"})
    at = run(app)
    assert "okänt värde" in at.warning[0].value
    at.segmented_control(key=SS_LANGUAGE).set_value("en")
    run(at)
    assert "unknown value" in at.warning[0].value
    at.multiselect(key=SS_FILTER_THEMES).set_value(["turism"])
    run(at)
    assert not at.warning


# ---------------------------------------------------------------------------- reset


def test_reset_clears_every_filter_and_the_url(app, plan_data) -> None:
    app.query_params.update({"lang": "en", "committee": "kommunstyrelsen", "unknown": "0"})
    at = run(app)
    at.slider(key=SS_FILTER_YEARS).set_range(2010, 2012)
    at.multiselect(key=SS_FILTER_THEMES).set_value(["arbetsplatser"])
    at.text_input(key=SS_FILTER_TEXT).input("samverkan")
    run(at)
    assert count(at)[0] < 19
    at.button(key=SS_RESET_FILTERS).click()
    run(at)
    assert count(at) == (19, 19, "of")
    assert at.multiselect(key=SS_FILTER_COMMITTEES).value == []
    assert at.multiselect(key=SS_FILTER_THEMES).value == []
    assert at.text_input(key=SS_FILTER_TEXT).value == ""
    assert at.slider(key=SS_FILTER_YEARS).value == (2000, 2030)
    assert at.checkbox(key=SS_FILTER_UNKNOWN_YEARS).value is True
    # The language is not a filter: it stays.
    assert at.query_params == {"lang": "en"}
    assert at.button(key=SS_RESET_FILTERS).disabled


# ------------------------------------------------------------------------- language


def test_english_switch_changes_the_labels(app) -> None:
    at = run(app)
    assert at.multiselect(key=SS_FILTER_COMMITTEES).label == "Nämnd"
    assert at.button(key=SS_RESET_FILTERS).label == "Återställ filter"
    at.multiselect(key=SS_FILTER_STATUSES).set_value(["planned"])
    run(at)
    swedish_count = count(at)
    at.segmented_control(key=SS_LANGUAGE).set_value("en")
    run(at)
    assert at.multiselect(key=SS_FILTER_COMMITTEES).label == "Committee"
    assert at.checkbox(key=SS_FILTER_UNKNOWN_YEARS).label == (
        "Include initiatives without a stated time"
    )
    assert at.button(key=SS_RESET_FILTERS).label == "Reset filters"
    assert at.multiselect(key=SS_FILTER_STATUSES).options == [
        "Ongoing",
        "Started",
        "Planned",
        "Not stated",
    ]
    assert "Hela Söderort" not in at.multiselect(key=SS_FILTER_AREAS).options
    # The filters survive the switch.
    assert at.multiselect(key=SS_FILTER_STATUSES).value == ["planned"]
    assert count(at)[:2] == swedish_count[:2] and count(at)[2] == "of"
    assert at.query_params == {"status": "planned", "lang": "en"}


# ------------------------------------------------------------------- selected place


def place_script() -> None:
    import streamlit as st

    from ui.data import get_plan_data
    from ui.sidebar import render_sidebar
    from ui.view import current_view, read_url, select_place, write_url

    read_url()
    data = get_plan_data()
    render_sidebar(data)
    if st.button("Farsta", key="pick"):
        select_place("farsta", data)
    if st.button("Mars", key="pick_unknown"):
        select_place("mars", data)
    st.write(f"place={current_view().place}")
    write_url(data)


def shown_place(at: AppTest) -> str:
    return next(m.value for m in at.main.markdown if m.value.startswith("place="))


def test_selected_place_goes_to_the_url_and_back() -> None:
    at = AppTest.from_function(place_script, default_timeout=30)
    at.query_params.update({"theme": "turism"})
    run(at)
    assert shown_place(at) == "place=None"
    at.button(key="pick").click()
    run(at)
    assert shown_place(at) == "place=farsta"
    assert at.query_params == {"place": "farsta", "theme": "turism"}
    # A page cannot select a place that does not exist.
    at.button(key="pick_unknown").click()
    run(at)
    assert shown_place(at) == "place=None"
    assert at.query_params == {"theme": "turism"}

    fresh = AppTest.from_function(place_script, default_timeout=30)
    fresh.query_params.update({"place": "farsta"})
    run(fresh)
    assert shown_place(fresh) == "place=farsta"
    assert not fresh.warning


# ------------------------------------------------------------------ one copy of the view


def test_the_view_comes_from_the_widgets_not_a_stored_copy(app, plan_data) -> None:
    app.query_params.update({"committee": "kommunstyrelsen"})
    at = run(app)
    at.multiselect(key=SS_FILTER_THEMES).set_value(["turism"])
    run(at)
    want = shown_ids(at, plan_data)
    del at.session_state[SS_FILTERS]
    run(at)
    assert shown_ids(at, plan_data) == want
    assert at.query_params == {"committee": "kommunstyrelsen", "theme": "turism"}


def forgetting_script() -> None:
    import streamlit as st

    from soderort.viewstate import SS_FILTER_COMMITTEES, SS_FILTER_TEXT
    from ui.data import get_plan_data
    from ui.sidebar import render_sidebar
    from ui.view import read_url, write_url

    read_url()
    data = get_plan_data()
    if st.session_state.pop("forget", False):
        # What Streamlit does to a widget's value when a page switch comes too early.
        del st.session_state[SS_FILTER_COMMITTEES]
        del st.session_state[SS_FILTER_TEXT]
    render_sidebar(data)
    write_url(data)


def test_a_lost_widget_value_comes_back_from_the_url() -> None:
    at = AppTest.from_function(forgetting_script, default_timeout=30)
    at.query_params.update({"committee": "nosuch"})
    run(at)
    at.multiselect(key=SS_FILTER_COMMITTEES).set_value(["exploateringsnamnden"])
    at.text_input(key=SS_FILTER_TEXT).input("Högdalen")
    run(at)
    assert at.query_params == {"committee": "exploateringsnamnden", "q": "Högdalen"}
    at.session_state["forget"] = True
    run(at)
    assert at.multiselect(key=SS_FILTER_COMMITTEES).value == ["exploateringsnamnden"]
    assert at.text_input(key=SS_FILTER_TEXT).value == "Högdalen"
    assert at.query_params == {"committee": "exploateringsnamnden", "q": "Högdalen"}
    # The link's notice went with the user's change; reading the URL again brings none back.
    assert not at.warning
