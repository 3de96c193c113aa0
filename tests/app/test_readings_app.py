"""The settled readings as a reader meets them: the marked heading on a place page and in the
presentation, and the Om page's account of every reading, spelling and boundary decision."""

from __future__ import annotations

from collections.abc import Iterator
from unittest.mock import patch

import pytest
from streamlit.testing.v1 import AppTest

from soderort import paths
from soderort.readings import (
    noted_text,
    other_reading_mark,
    reading_lines,
    reading_notes,
    shown_text,
)
from tests.app.conftest import card_titles, unescape

APP_FILE = paths.DASHBOARD_SCRIPT


@pytest.fixture(autouse=True)
def folium_component() -> Iterator[None]:
    with patch("streamlit_folium.st_folium", return_value={}):
        yield


def open_page(page: str, query: dict[str, str]) -> AppTest:
    at = AppTest.from_file(str(APP_FILE), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(str(paths.PROJECT_ROOT / page))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_farsta_card_shows_the_uncertain_reading_with_the_ocr_letters(
    plan_data, language
) -> None:
    at = open_page("pages/place.py", {"place": "farsta", "lang": language})
    farsta = plan_data.initiative("farsta-tyngdpunkt")
    expected = shown_text(farsta, "rubrik", language)
    assert card_titles(at.main) == [expected]
    assert "Farsta large" in expected
    # The expanded full text shows the Rubrik column with the same mark.
    full_text = unescape("\n".join(m.value for m in at.main.markdown))
    assert full_text.count(expected) >= 2


def test_the_presentation_slide_shows_the_reading_with_a_readers_note(plan_data) -> None:
    at = open_page("pages/presentation.py", {"area": "farsta", "slide": "2"})
    farsta = plan_data.initiative("farsta-tyngdpunkt")
    text = unescape("\n".join(m.value for m in at.main.markdown))
    # A note number after the words, the note under the heading, no OCR string in the line.
    assert f"### {noted_text(farsta, 'rubrik', 'sv')}" in text
    assert "Farsta läge¹" in text and "[osäker läsning" not in text
    notes = [unescape(caption.value) for caption in at.main.caption]
    assert notes.count(reading_notes(farsta, "sv")[0]) == 1
    assert (
        "osäker läsning av originalet" in notes[notes.index(reading_notes(farsta, "sv")[0])].lower()
    )


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_om_page_lists_the_readings_and_explains_the_decisions(plan_data, language) -> None:
    at = open_page("pages/about.py", {"lang": language})
    text = unescape("\n".join(m.value for m in at.main.markdown))
    for line in reading_lines(plan_data.initiatives, language):
        assert line in text
    assert "Farsta large" in text
    for words in ("Kungens kurva", "2000–2009", "Globen–Norvik", "Övriga nämnder", "Fagersjö"):
        assert words in text, words
    assert "Skrubba" in text and "Tyresö" in text
    # The two readings of Södertörn's Tidplan are named, with the second reading's years.
    assert "Samma mål som för Söderort" in text and "2015, 2020" in text
    for words in ("Larsboda", "Johanneshov", "Gullmarsplan–Nynäsvägen"):
        assert words in text, words
    # The background: five stadsdelsområden today, six when the plan was written.
    for area in plan_data.areas["name"]:
        assert area in text
    assert "Hägersten-Liljeholmen" in text and "2020" in text


def test_the_timeline_page_shows_both_readings_of_sodertorns_tidplan(plan_data) -> None:
    at = open_page("pages/timeline.py", {})
    item = plan_data.initiative("samverkan-sodertorn")
    text = unescape("\n".join(m.value for m in at.main.markdown))
    # Listed with the initiatives that name no year, and with the second reading's years.
    assert f"{item.tidplan} {other_reading_mark(item, 'sv')}" in " ".join(text.split())
