"""The settled readings as a reader meets them: the marked heading on a place page and in the
presentation, and the Om page's account of every reading, spelling and boundary decision."""

from __future__ import annotations

from collections.abc import Iterator
from unittest.mock import patch

import pytest
from streamlit.testing.v1 import AppTest

from soderort import paths
from soderort.readings import reading_lines, shown_text
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


def test_the_presentation_slide_shows_the_same_marked_heading(plan_data) -> None:
    at = open_page("pages/presentation.py", {"area": "farsta", "slide": "2"})
    expected = shown_text(plan_data.initiative("farsta-tyngdpunkt"), "rubrik", "sv")
    text = unescape("\n".join(m.value for m in at.main.markdown))
    assert f"### {expected}" in text


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
    # The background: five stadsdelsområden today, six when the plan was written.
    for area in plan_data.areas["name"]:
        assert area in text
    assert "Hägersten-Liljeholmen" in text and "2020" in text
