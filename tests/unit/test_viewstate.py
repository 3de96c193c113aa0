"""The view in the URL: clean defaults, round trips, and hand-edited links that never crash."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soderort import viewstate
from soderort.filters import FilterState, year_span
from soderort.model import Status
from soderort.page_params import PageState, decode_page, encode_page
from soderort.viewstate import (
    MAX_VALUE_LENGTH,
    REASONS,
    Notice,
    ViewState,
    decode_query,
    encode_query,
)

PLAN_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def reasons(notices: list[Notice]) -> list[tuple[str, str, str]]:
    return [(n.param, n.value, n.reason) for n in notices]


# ---------------------------------------------------------------------------- the keys


def _constants(prefix: str) -> dict[str, str]:
    return {
        name: value
        for name, value in vars(viewstate).items()
        if name.startswith(prefix) and isinstance(value, str)
    }


@pytest.mark.parametrize("prefix", ["QP_", "SS_"])
def test_every_key_is_used_for_one_thing(prefix: str) -> None:
    keys = _constants(prefix)
    assert len(set(keys.values())) == len(keys), keys


def test_query_keys_are_short_ascii() -> None:
    for key in viewstate.KNOWN_QUERY_KEYS:
        assert key.isascii() and key == key.strip() and 0 < len(key) <= 12


def test_spec_query_keys() -> None:
    assert set(viewstate.VIEW_QUERY_KEYS) == {
        "committee",
        "lead",
        "from",
        "to",
        "unknown",
        "status",
        "followup",
        "area",
        "theme",
        "q",
        "place",
        "lang",
    }


# ----------------------------------------------------------------------------- encoding


def test_default_view_has_a_clean_url(plan_data) -> None:
    assert encode_query(ViewState(), plan_data) == {}
    assert decode_query({}, plan_data) == (ViewState(), [])


def test_full_year_span_is_no_year_filter(plan_data) -> None:
    span = year_span(plan_data)
    view = ViewState(filters=FilterState(year_range=span))
    assert encode_query(view, plan_data) == {}
    query = {"from": str(span[0]), "to": str(span[1])}
    assert decode_query(query, plan_data) == (ViewState(), [])


def test_encode_writes_only_what_differs(plan_data) -> None:
    low, high = year_span(plan_data)
    view = ViewState(
        filters=FilterState(
            committees=("exploateringsnamnden", "kommunstyrelsen"),
            lead_only=True,
            year_range=(2011, high),
            include_unknown_years=False,
            statuses=("planned",),
            areas=("hogdalen", "farsta"),
            themes=("kluster",),
            text="  miljöteknik  ",
        ),
        place="telefonplan",
        language="en",
    )
    assert encode_query(view, plan_data) == {
        "place": "telefonplan",
        "committee": "exploateringsnamnden,kommunstyrelsen",
        "lead": "1",
        "from": "2011",
        "unknown": "0",
        "status": "planned",
        "area": "hogdalen,farsta",
        "theme": "kluster",
        "q": "miljöteknik",
        "lang": "en",
    }
    only_to = ViewState(filters=FilterState(year_range=(low, 2013)))
    assert encode_query(only_to, plan_data) == {"to": "2013"}


# ----------------------------------------------------------------------------- decoding


def test_decode_reads_every_parameter(plan_data) -> None:
    query = {
        "committee": "exploateringsnamnden",
        "lead": "1",
        "from": "2011",
        "to": "2013",
        "unknown": "0",
        "status": "planned,ongoing",
        "area": "soderstaden",
        "theme": "stadsutveckling",
        "q": "Nynäsvägen",
        "place": "soderstaden",
        "lang": "en",
    }
    view, notices = decode_query(query, plan_data)
    assert notices == []
    assert view == ViewState(
        filters=FilterState(
            committees=("exploateringsnamnden",),
            lead_only=True,
            year_range=(2011, 2013),
            include_unknown_years=False,
            statuses=("planned", "ongoing"),
            areas=("soderstaden",),
            themes=("stadsutveckling",),
            text="Nynäsvägen",
        ),
        place="soderstaden",
        language="en",
    )


def test_one_sided_year_range_reaches_to_the_span_end(plan_data) -> None:
    low, high = year_span(plan_data)
    assert decode_query({"from": "2015"}, plan_data)[0].filters.year_range == (2015, high)
    assert decode_query({"to": "2012"}, plan_data)[0].filters.year_range == (low, 2012)


KS = "kommunstyrelsen"
LONG = "x" * (MAX_VALUE_LENGTH + 1)


@pytest.mark.parametrize(
    ("query", "dropped", "kept"),
    [
        ({"nope": "1", "lang": "en"}, [("nope", "1", "unknown_key")], {"lang": "en"}),
        (
            {"committee": f"{KS},bogus"},
            [("committee", "bogus", "unknown_value")],
            {"committee": KS},
        ),
        ({"area": "Atlantis"}, [("area", "Atlantis", "unknown_value")], {}),
        ({"status": "done"}, [("status", "done", "unknown_value")], {}),
        ({"theme": "<script>"}, [("theme", "<script>", "unknown_value")], {}),
        ({"place": "mars"}, [("place", "mars", "unknown_value")], {}),
        ({"lang": "de"}, [("lang", "de", "unknown_value")], {}),
        ({"lead": "yes"}, [("lead", "yes", "unknown_value")], {}),
        ({"unknown": "maybe"}, [("unknown", "maybe", "unknown_value")], {}),
        ({"from": "abc", "to": "2013"}, [("from", "abc", "not_a_year")], {"to": "2013"}),
        ({"to": "2013.5"}, [("to", "2013.5", "not_a_year")], {}),
        ({"from": "-5"}, [("from", "-5", "not_a_year")], {}),
        ({"from": "²⁰¹³"}, [("from", "²⁰¹³", "not_a_year")], {}),
        ({"from": "1066"}, [("from", "1066", "out_of_range")], {}),
        ({"to": "9999"}, [("to", "9999", "out_of_range")], {}),
        (
            {"from": "2020", "to": "2010"},
            [("from", "2020", "from_after_to"), ("to", "2010", "from_after_to")],
            {},
        ),
        (
            {"q": "x" * (MAX_VALUE_LENGTH + 1)},
            [("q", "x" * (MAX_VALUE_LENGTH + 1), "too_long")],
            {},
        ),
        ({"lang": ["en", "sv"]}, [("lang", "sv", "repeated")], {"lang": "en"}),
        ({"committee": f"{KS},{KS}"}, [("committee", KS, "repeated")], {"committee": KS}),
    ],
)
def test_unusable_values_are_dropped_with_a_notice(plan_data, query, dropped, kept) -> None:
    view, notices = decode_query(query, plan_data)
    assert reasons(notices) == dropped
    assert all(n.reason in REASONS for n in notices)
    # What was dropped leaves no trace in the view; what was usable is kept.
    assert encode_query(view, plan_data) == kept


def test_repeated_key_uses_the_first_value(plan_data) -> None:
    view, notices = decode_query({"area": ["farsta", "hogdalen"]}, plan_data)
    assert view.filters.areas == ("farsta",)
    assert reasons(notices) == [("area", "hogdalen", "repeated")]


def test_ids_are_read_leniently(plan_data) -> None:
    view, notices = decode_query(
        {"committee": " Kommunstyrelsen , ,", "lang": "EN", "q": "  text  "}, plan_data
    )
    assert notices == []
    assert view.filters.committees == ("kommunstyrelsen",)
    assert view.language == "en"
    assert view.filters.text == "text"


def test_empty_values_are_ignored_silently(plan_data) -> None:
    assert decode_query({"committee": "", "from": "", "q": "", "lang": []}, plan_data) == (
        ViewState(),
        [],
    )


@PLAN_SETTINGS
@given(
    params=st.dictionaries(
        st.one_of(st.sampled_from(viewstate.VIEW_QUERY_KEYS), st.text(max_size=12)),
        st.one_of(
            st.text(max_size=600),
            st.lists(st.text(max_size=30), max_size=3),
            st.integers(-3000, 3000).map(str),
            st.lists(
                st.sampled_from(["kommunstyrelsen", "farsta", "planned", "kluster", "en", "1"]),
                max_size=4,
            ).map(",".join),
        ),
        max_size=8,
    )
)
def test_decode_never_raises(plan_data, params) -> None:
    view, notices = decode_query(params, plan_data)
    assert isinstance(view, ViewState)
    assert all(n.reason in REASONS for n in notices)
    # Whatever it made of the link is itself a clean, stable link.
    assert decode_query(encode_query(view, plan_data), plan_data) == (view, [])


# ---------------------------------------------------------------------------- round trip


@st.composite
def views(draw, data) -> ViewState:
    def subset(options):
        return tuple(draw(st.lists(st.sampled_from(list(options)), unique=True, max_size=4)))

    low, high = year_span(data)
    year_range = None
    if draw(st.booleans()):
        first = draw(st.integers(low, high))
        last = draw(st.integers(first, high))
        if (first, last) != (low, high):
            year_range = (first, last)
    filters = FilterState(
        committees=subset(data.committees),
        lead_only=draw(st.booleans()),
        year_range=year_range,
        include_unknown_years=draw(st.booleans()),
        statuses=subset(s.value for s in Status),
        areas=subset(data.places.index),
        themes=subset(data.themes),
        text=draw(st.text(max_size=40)).strip(),
    )
    place = draw(st.one_of(st.none(), st.sampled_from(list(data.places.index))))
    return ViewState(filters=filters, place=place, language=draw(st.sampled_from(["sv", "en"])))


@PLAN_SETTINGS
@given(data=st.data())
def test_decode_encode_round_trips(plan_data, data) -> None:
    view = data.draw(views(plan_data))
    query = encode_query(view, plan_data)
    assert all(isinstance(v, str) and v for v in query.values())
    assert list(query) == [k for k in viewstate.VIEW_QUERY_KEYS if k in query]
    assert decode_query(query, plan_data) == (view, [])
    assert (query == {}) == (view == ViewState())


# ------------------------------------------------------------------- a page's own parameters
def test_a_pages_own_parameters_round_trip() -> None:
    for page in (
        PageState(),
        PageState(colour="theme"),
        PageState(colour="follow_up", then_now=True, slide=("4",)),
    ):
        query = encode_page(page)
        assert decode_page(query) == (page, [])
    assert encode_page(PageState()) == {}
    assert encode_page(PageState(then_now=True)) == {"then_now": ["1"]}


@pytest.mark.parametrize(
    ("query", "page", "dropped"),
    [
        ({"then_now": "1"}, PageState(then_now=True), []),
        ({"then_now": "0"}, PageState(), []),
        ({"then_now": ""}, PageState(), []),
        ({"then_now": "ja"}, PageState(), [("then_now", "ja", "unknown_value")]),
        ({"colour": "Theme"}, PageState(colour="theme"), []),
        ({"colour": "red"}, PageState(), [("colour", "red", "unknown_value")]),
        (
            {"colour": ["theme", "count"]},
            PageState(colour="theme"),
            [("colour", "count", "repeated")],
        ),
        ({"slide": "x"}, PageState(slide=("x",)), []),
    ],
)
def test_a_pages_own_parameters_drop_what_they_cannot_use(query, page, dropped) -> None:
    read, notices = decode_page(query)
    assert read == page
    assert reasons(notices) == dropped
    # The view's decoder leaves them to the page.
    assert all(key in viewstate.PAGE_QUERY_KEYS for key in query)
