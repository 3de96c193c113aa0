"""Hostile links opened in the app: what cannot be used is dropped with one notice, shown as
text, and the rest of the view stays.

Every case keeps ``theme=turism`` (one initiative) beside the hostile part: the sidebar must
still count 1 of 19 (or 0 where a hostile q is kept as search text), the URL must keep the
theme and lose every unknown key, and nothing may raise.
"""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from soderort import paths, viewstate
from tests.app.conftest import open_app as shared_open_app
from tests.hostile import assert_inert_markdown, unescape_markdown

COUNT = re.compile(r"^\*\*(\d+) av (\d+) initiativ\*\*$")
LONG = "a" * 10_000

# kind -> (query besides theme=turism, phrases the notice must hold, count shown)
CASES: dict[str, tuple[dict[str, str | list[str]], list[str], int]] = {
    "garbage": (
        {"committee": "%%%###", "from": "två tusen", "lead": "ja", "status": ""},
        ["%%%###", "okänt värde", "två tusen", "inget årtal", "lead=ja"],
        1,
    ),
    "unknown keys": (
        {"utm_source": "nyhetsbrev", "<script>alert(1)</script>": "1", "fbclid": "abc"},
        ["utm_source", "<script>alert(1)</script>", "fbclid", "okänd parameter"],
        1,
    ),
    "repeated keys": (
        {"theme": ["turism", "kluster"], "lang": ["sv", "en"]},
        ["theme=kluster", "lang=en", "upprepat"],
        1,
    ),
    "10,000 characters": (
        {"q": LONG, "area": LONG, LONG: "1"},
        ["för långt", "okänd parameter"],
        1,
    ),
    "injection": (
        {
            "area": "../../etc/passwd",
            "committee": "'; DROP TABLE initiativ; --",
            "place": "\x00",
            "status": "<img src=x onerror=alert(1)>",
            "from": "2015%00",
        },
        ["../../etc/passwd", "'; DROP TABLE", "<img src=x onerror=alert(1)>", "2015%00"],
        1,
    ),
    "unicode": (
        {
            "committee": "ｋｏｍｍｕｎｓｔｙｒｅｌｓｅｎ",
            "from": "٢٠١٥",
            "area": "farsta\u202e",
            "x🙂": "🙂",
        },
        ["ｋｏｍｍｕｎｓｔｙｒｅｌｓｅｎ", "٢٠١٥", "inget årtal", "x🙂"],
        1,
    ),
}


pytestmark = pytest.mark.usefixtures("st_folium")


def open_app(query: dict[str, str | list[str]]) -> AppTest:
    """The app with the URL's query, on the tourism theme (so that a dropped value shows)."""
    return shared_open_app(query={"theme": "turism", **query})


def count(at: AppTest) -> tuple[int, int]:
    found = [COUNT.match(m.value) for m in at.sidebar.markdown if COUNT.match(m.value)]
    assert len(found) == 1
    return int(found[0][1]), int(found[0][2])


@pytest.mark.parametrize("kind", sorted(CASES))
def test_a_hostile_link_is_dropped_with_a_notice_and_the_view_stays(kind) -> None:
    query, phrases, shown = CASES[kind]
    at = open_app(query)
    assert len(at.warning) == 1, [w.value for w in at.warning]
    notice = at.warning[0].value
    assert_inert_markdown(notice)
    text = unescape_markdown(notice)
    for phrase in phrases:
        assert phrase in text, phrase
    # A long value is quoted short: the notice stays a sentence, not a wall of text.
    assert len(notice) < 1500
    assert count(at) == (shown, 19)
    assert at.session_state[viewstate.SS_FILTERS].themes == ("turism",)
    assert at.query_params.get("theme") in ("turism", ["turism"])
    assert set(at.query_params) <= viewstate.KNOWN_QUERY_KEYS


def test_a_hostile_search_is_kept_as_text_in_the_search_box() -> None:
    at = open_app({"q": "<script>alert(1)</script>", "theme": "<img src=x onerror=alert(1)>"})
    box = at.sidebar.text_input(key=viewstate.SS_FILTER_TEXT)
    assert box.value == "<script>alert(1)</script>"
    notice = at.warning[0].value
    assert_inert_markdown(notice)
    assert "theme=<img src=x onerror=alert(1)>" in unescape_markdown(notice)
    assert count(at) == (0, 19)  # no initiative holds that text
    assert at.query_params.get("q") in ("<script>alert(1)</script>", ["<script>alert(1)</script>"])


def test_a_hostile_slide_number_leaves_presentation_mode_working() -> None:
    at = open_app({viewstate.QP_SLIDE: "<script>alert(1)</script>"})
    at.switch_page(str(paths.PROJECT_ROOT / "pages/presentation.py"))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    for element in [*at.warning, *at.info, *at.markdown, *at.caption]:
        assert_inert_markdown(str(element.value))


def test_900_unknown_parameters_make_one_short_notice() -> None:
    at = open_app({f"x{number}": "1" for number in range(900)})
    assert len(at.warning) == 1, [w.value for w in at.warning]
    text = unescape_markdown(at.warning[0].value)
    # Five named, the rest counted: a line, not 14,000 px above the map.
    assert text.count("=1 (") == 5
    assert "och 895 parametrar till" in text
    assert len(text) < 600
    assert count(at) == (1, 19)
