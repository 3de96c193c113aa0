"""Interface text: complete in both languages, with the wording the users know."""

from __future__ import annotations

import datetime as dt

import pytest

from soderort import i18n
from soderort.i18n import (
    LANGUAGES,
    STRINGS,
    column_label,
    committee_kind_label,
    format_date,
    initiative_count,
    placeholders,
    role_label,
    status_label,
    t,
)
from soderort.model import TEXT_FIELDS, CommitteeKind, Role, Status
from soderort.viewstate import REASONS


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
        assert t(f"reason.{reason}", "sv") != t(f"reason.{reason}", "en")


def test_format_date() -> None:
    assert format_date(dt.date(2010, 4, 15), "sv") == "15 april 2010"
    assert format_date(dt.date(2010, 4, 15), "en") == "15 April 2010"
    assert all(len(names) == 12 for names in i18n.MONTHS.values())
