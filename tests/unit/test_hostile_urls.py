"""Hostile links: garbage, unknown and repeated keys, huge values and injection attempts.

`decode_query` must drop what it cannot use with a notice per value, keep the rest of the view,
and turn nothing into an id, a year or a language that the data does not have. (The usual
hand-edited links are in test_viewstate.py; the app's handling is in
tests/app/test_hostile_urls_app.py.)
"""

from __future__ import annotations

import pytest

from soderort.filters import FilterState
from soderort.viewstate import (
    MAX_VALUE_LENGTH,
    REASON_NOT_A_YEAR,
    REASON_REPEATED,
    REASON_TOO_LONG,
    REASON_UNKNOWN_KEY,
    REASON_UNKNOWN_VALUE,
    ViewState,
    decode_query,
    encode_query,
)

# Kept in every case: the rest of the view must survive whatever else the link holds.
KEPT = {"theme": "turism"}
KEPT_FILTERS = FilterState(themes=("turism",))

INJECTIONS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "'; DROP TABLE initiativ; --",
    "../../etc/passwd",
    "..%2F..%2Fetc%2Fpasswd",
    "\x00",
    "farsta\x00",
    "%00",
    "${7*7}",
    "{{7*7}}",
    "javascript:alert(1)",
]
UNICODE = [
    "ｆａｒｓｔａ",  # fullwidth
    "farsta\u202e",  # right-to-left override
    "far\u200bsta",  # zero-width space
    "ｆarsta",
    "🙂",
    "Fårsta",
]


def decoded(plan_data, query: dict) -> tuple[ViewState, list[tuple[str, str, str]]]:
    """Decode `query` together with `KEPT`; the notices as (param, value, reason)."""
    view, notices = decode_query({**KEPT, **query}, plan_data)
    return view, [(n.param, n.value, n.reason) for n in notices]


@pytest.mark.parametrize("value", INJECTIONS + UNICODE)
@pytest.mark.parametrize("param", ["committee", "area", "status", "theme", "place", "lang"])
def test_injected_ids_are_dropped_and_the_rest_kept(plan_data, param, value) -> None:
    view, notices = decode_query({"lead": "1", param: value}, plan_data)
    assert view.filters.lead_only  # the rest of the link is kept
    assert view.place is None and view.language == "sv"
    assert not view.filters.committees and not view.filters.areas
    assert not view.filters.statuses and not view.filters.themes
    assert notices
    assert [n.reason for n in notices] == [REASON_UNKNOWN_VALUE] * len(notices)


@pytest.mark.parametrize("value", ["2015\x00", "٢٠١٥", "２０１５", "2015;DROP", "0x7DF", "2e3"])
def test_years_must_be_plain_ascii_digits(plan_data, value) -> None:
    view, notices = decoded(plan_data, {"from": value})
    assert view.filters == KEPT_FILTERS
    assert notices == [("from", value, REASON_NOT_A_YEAR)]


@pytest.mark.parametrize("value", INJECTIONS + UNICODE)
def test_free_text_is_kept_as_text(plan_data, value) -> None:
    # q is what the user searches for: any text is fair, and it is only ever compared as text.
    view, notices = decoded(plan_data, {"q": value})
    assert notices == []
    assert view.filters.text == value.strip()
    assert view.filters.themes == ("turism",)


def test_unknown_keys_are_dropped_one_notice_each(plan_data) -> None:
    query = {"utm_source": "nyhetsbrev", "<script>alert(1)</script>": "1", "": "x", "fbclid": ""}
    view, notices = decoded(plan_data, query)
    assert view.filters == KEPT_FILTERS
    assert notices == [
        ("utm_source", "nyhetsbrev", REASON_UNKNOWN_KEY),
        ("<script>alert(1)</script>", "1", REASON_UNKNOWN_KEY),
        ("", "x", REASON_UNKNOWN_KEY),
        ("fbclid", "", REASON_UNKNOWN_KEY),
    ]


def test_repeated_keys_keep_the_first_value(plan_data) -> None:
    query = {"theme": ["turism", "kluster", "turism"], "lang": ["en", "sv"], "q": ["a", "b"]}
    view, notices = decode_query(query, plan_data)
    assert view.filters.themes == ("turism",) and view.language == "en"
    assert view.filters.text == "a"
    assert [(n.param, n.value, n.reason) for n in notices] == [
        ("theme", "kluster", REASON_REPEATED),
        ("theme", "turism", REASON_REPEATED),
        ("lang", "sv", REASON_REPEATED),
        ("q", "b", REASON_REPEATED),
    ]


def test_many_repeats_of_a_key_are_each_reported_and_do_not_widen_the_view(plan_data) -> None:
    values = ["hogdalen"] + ["farsta"] * 1000
    view, notices = decoded(plan_data, {"area": values})
    assert view.filters.areas == ("hogdalen",)
    assert len(notices) == 1000


@pytest.mark.parametrize("param", ["q", "committee", "area", "from", "place", "lang", "nope"])
def test_values_of_ten_thousand_characters_are_refused_unread(plan_data, param) -> None:
    value = "a" * 10_000
    view, notices = decoded(plan_data, {param: value})
    assert view.filters == KEPT_FILTERS
    reason = REASON_UNKNOWN_KEY if param == "nope" else REASON_TOO_LONG
    assert notices == [(param, value, reason)]


def test_a_list_of_ten_thousand_characters_is_refused_whole(plan_data) -> None:
    value = ",".join(["farsta"] * 1500)  # > MAX_VALUE_LENGTH
    assert len(value) > MAX_VALUE_LENGTH
    view, notices = decoded(plan_data, {"area": value})
    assert view.filters.areas == ()
    assert [n[2] for n in notices] == [REASON_TOO_LONG]


def test_the_decoded_view_is_a_clean_link(plan_data) -> None:
    query = {
        "committee": "'; DROP TABLE initiativ; --,kommunstyrelsen",
        "area": "../../etc/passwd",
        "q": "<script>alert(1)</script>",
        "x" * 10_000: "1",
        "from": "\x00",
    }
    view, _ = decoded(plan_data, query)
    link = encode_query(view, plan_data)
    assert link == {
        "committee": "kommunstyrelsen",
        "theme": "turism",
        "q": "<script>alert(1)</script>",
    }
    assert decode_query(link, plan_data) == (view, [])
