"""Interface text: complete in both languages, with the wording the users know."""

from __future__ import annotations

import datetime as dt

import pytest

from soderort import i18n
from soderort.exports import COLUMNS, header
from soderort.followup import FOLLOW_UP_VALUES
from soderort.i18n import (
    LANGUAGES,
    STRINGS,
    bad_slide_message,
    column_label,
    committee_kind_label,
    follow_up_label,
    format_date,
    frontend,
    initiative_count,
    map_colour_label,
    placeholders,
    reason_label,
    role_label,
    status_label,
    t,
    timeline_colour_label,
)
from soderort.livemap.presentation import (
    PROBLEM_NOT_A_NUMBER,
    PROBLEM_OUT_OF_RANGE,
    PROBLEM_REPEATED,
)
from soderort.model import TEXT_FIELDS, CommitteeKind, Role, Status
from soderort.views import table_columns
from soderort.viewstate import REASON_TOO_LONG, REASONS


def test_every_key_has_both_languages_with_the_same_placeholders() -> None:
    assert LANGUAGES == ("sv", "en")
    for key, texts in STRINGS.items():
        assert set(texts) == set(LANGUAGES), key
        assert all(text.strip() for text in texts.values()), key
        assert placeholders(texts["sv"]) == placeholders(texts["en"]), key


def test_keys_are_dotted_lower_case() -> None:
    for key in STRINGS:
        assert key == key.strip().lower() and "." in key and " " not in key, key


def test_swedish_is_written_with_swedish_letters() -> None:
    # Common words that lose their å, ä, ö when typed on the wrong keyboard.
    stripped = ["Aterstall", "Omrade", "namnd", "Pagar", "Paborjat", "Sok ", " fran ", " nar "]
    for key, texts in STRINGS.items():
        for word in stripped:
            assert word not in texts["sv"], (key, word)


def test_count_text() -> None:
    assert t("count.initiatives", "sv", shown=7, total=19) == "7 av 19 initiativ"
    assert t("count.initiatives", "en", shown=7, total=19) == "7 of 19 initiatives"
    assert initiative_count(1, "sv") == "1 initiativ"
    assert initiative_count(3, "sv") == "3 initiativ"
    assert initiative_count(1, "en") == "1 initiative"
    assert initiative_count(0, "en") == "0 initiatives"


def test_unknown_language_falls_back_to_swedish_and_unknown_key_is_an_error() -> None:
    assert t("page.map", "de") == "Karta"
    with pytest.raises(KeyError):
        t("no.such.key", "sv")


@pytest.mark.parametrize(
    ("key", "sv", "en"),
    [
        ("page.map", "Karta", "Map"),
        ("page.table", "Tabell", "Table"),
        ("page.timeline", "Tidslinje", "Timeline"),
        ("page.places", "Områden", "Places"),
        ("page.presentation", "Presentation", "Presentation"),
        ("page.about", "Om", "About"),
        ("truncated.explanation", "Texten är avklippt i källan", "Cut off in the source"),
        ("sidebar.reset", "Återställ filter", "Reset filters"),
        (
            "sidebar.include_unknown_years",
            "Ta med initiativ utan angiven tid",
            "Include initiatives without a stated time",
        ),
    ],
)
def test_fixed_wording(key: str, sv: str, en: str) -> None:
    assert (t(key, "sv"), t(key, "en")) == (sv, en)


def test_status_labels() -> None:
    assert [status_label(s, "sv") for s in Status] == [
        "Pågår",
        "Påbörjat",
        "Planerat",
        "Ej angivet",
    ]
    assert [status_label(s.value, "en") for s in Status] == [
        "Ongoing",
        "Started",
        "Planned",
        "Not stated",
    ]


def test_role_labels() -> None:
    assert role_label(Role.LEAD, "sv") == "Ansvarig"
    assert role_label("collaborator", "sv") == "I samverkan"
    assert role_label(Role.LEAD, "en") == "Lead"
    assert role_label(Role.COLLABORATOR, "en") == "In collaboration"


def test_committee_kind_labels() -> None:
    sv = [committee_kind_label(kind, "sv").lower() for kind in CommitteeKind]
    assert sv == ["nämnd", "stadsägt bolag", "stadsdelsnämnd", "extern"]
    assert len({committee_kind_label(kind, "en") for kind in CommitteeKind}) == 4


def test_column_labels() -> None:
    assert [column_label(c, "sv") for c in TEXT_FIELDS] == [
        "Rubrik",
        "Uppdrag",
        "Uppdragsgivare",
        "Förväntat resultat",
        "Tidplan",
        "Ansvarig nämnd",
        "Ansvarig handläggare",
        "Handläggare SLK",
    ]
    assert [column_label(c, "en") for c in TEXT_FIELDS] == [
        "Heading",
        "Assignment",
        "Commissioned by",
        "Expected result",
        "Timeline",
        "Responsible committee",
        "Responsible officer",
        "SLK officer",
    ]
    with pytest.raises(KeyError):
        column_label("places", "sv")


def test_every_url_notice_reason_has_a_text() -> None:
    for reason in REASONS:
        assert reason_label(reason, "sv") != reason_label(reason, "en")
    assert reason_label(REASON_TOO_LONG, "sv") == "för långt"


def test_every_slide_problem_has_a_message() -> None:
    problems = (PROBLEM_NOT_A_NUMBER, PROBLEM_OUT_OF_RANGE, PROBLEM_REPEATED)
    messages = {bad_slide_message(p, "sv", value="x", total=3) for p in problems}
    assert len(messages) == 3
    assert "(det finns 3)" in bad_slide_message(PROBLEM_OUT_OF_RANGE, "sv", value="9", total=3)


def test_every_table_and_export_column_has_a_header_and_the_table_a_help() -> None:
    for language in LANGUAGES:
        headers = [header(column, language) for column in COLUMNS]
        assert len(set(headers)) == len(COLUMNS), headers
        assert all(column.help for column in table_columns(language))
    assert header("follow_up_status", "en") == "Status today"


def test_follow_up_labels() -> None:
    assert [follow_up_label(value, "en") for value in FOLLOW_UP_VALUES] == [
        "Completed",
        "Under way",
        "In part",
        "Not carried out",
        "Changed direction",
        "Unknown",
        "No follow-up",
    ]


def test_colour_mode_labels() -> None:
    assert [map_colour_label(m, "sv") for m in ("count", "theme", "follow_up")] == [
        "Antal initiativ",
        "Tema",
        "Status i dag",
    ]
    assert [timeline_colour_label(m, "en") for m in ("theme", "committee")] == [
        "Theme",
        "Responsible committee",
    ]


def test_streamlit_texts_in_swedish_use_swedish_letters() -> None:
    swedish = {**frontend.WORDS, **frontend.PREFIXES, **frontend.SUFFIXES}.values()
    assert "Fäll in sidomenyn" in swedish and "Sök: " in swedish
    for text in swedish:
        assert not any(word in text for word in ("Sok", "Fall ", "Hjalp", "Stang")), text


def test_format_date() -> None:
    assert format_date(dt.date(2010, 4, 15), "sv") == "15 april 2010"
    assert format_date(dt.date(2010, 4, 15), "en") == "15 April 2010"
    assert all(len(names) == 12 for names in i18n.MONTHS.values())
