"""The Tillgänglighet page: the accessibility statement's parts, in both languages."""

from __future__ import annotations

from collections.abc import Iterator
from unittest.mock import patch

import pytest
from streamlit.testing.v1 import AppTest

from soderort import paths
from soderort.viewstate import SS_LANGUAGE

APP_FILE = paths.DASHBOARD_SCRIPT


@pytest.fixture
def statement() -> Iterator[AppTest]:
    with patch("streamlit_folium.st_folium", return_value={}):
        at = AppTest.from_file(str(APP_FILE), default_timeout=30)
        at.run()
        at.switch_page(str(paths.PROJECT_ROOT / "pages/accessibility.py"))
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        yield at


def test_the_statement_has_the_parts_digg_asks_for(statement, plan_data) -> None:
    assert statement.title[0].value == "Tillgänglighetsredogörelse"
    assert [h.value for h in statement.header] == [
        "Hur tillgänglig är webbplatsen?",
        "Det här fungerar",
        "Innehåll som inte är tillgängligt",
        "Rapportera brister i tillgängligheten",
        "Tillsyn",
        "Hur vi testat webbplatsen",
    ]
    text = "\n".join(m.value for m in statement.markdown)
    assert "lagen (2018:1937) om tillgänglighet till digital offentlig service" in text
    assert "delvis förenlig" in text and "WCAG 2.1" in text
    assert f"kontakta {plan_data.document.publisher}" in text
    assert "Myndigheten för digital förvaltning (DIGG)" in text
    assert "(https://www.digg.se/tdosanmalan)" in text
    assert "30 november 2026" in text


def test_the_statement_follows_the_language_switch(statement) -> None:
    statement.segmented_control(key=SS_LANGUAGE).set_value("en").run()
    assert not statement.exception
    assert statement.title[0].value == "Accessibility statement"
    assert statement.header[0].value == "Compliance status"
    text = "\n".join(m.value for m in statement.markdown)
    assert "partially compliant" in text and "report it to DIGG" in text
