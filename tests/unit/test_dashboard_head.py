"""The head the app gives Streamlit's page, on the page of the installed Streamlit."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit

from soderort import paths, viewstate
from soderort.web.dashboard_head import FIRST_PAINT_CSS, complete_head, page_language

STREAMLIT_PAGE = (Path(streamlit.__file__).parent / "static" / "index.html").read_bytes()
CSS = "/soderort/app/static/first-paint.css?v=abc"


@pytest.mark.parametrize(
    ("query", "language"), [(b"", "sv"), (b"lang=en", "en"), (b"lang=xx", "sv")]
)
def test_the_installed_streamlits_page_gets_the_apps_head(query: bytes, language: str) -> None:
    """Fails when a new Streamlit's page no longer has the marks the app completes."""
    page = complete_head(STREAMLIT_PAGE, page_language(query), [CSS]).decode()
    assert f'<html lang="{language}">' in page and "<title>Streamlit</title>" not in page
    head = page.split("</head>")[0]
    assert f'<link rel="stylesheet" href="{CSS}">' in head
    assert '<meta name="description"' in head


def test_other_pages_pass_as_they_are() -> None:
    other = b"<!DOCTYPE html><html lang=sv><title>x</title></html>"
    assert complete_head(other, "sv", [CSS]) is None


def test_a_page_without_the_marks_is_served_as_streamlit_wrote_it(caplog) -> None:
    changed = STREAMLIT_PAGE.replace(b"<title>Streamlit</title>", b"<title>App</title>")
    assert complete_head(changed, "sv", [CSS]) is None
    assert "index.html has changed" in caplog.text


@pytest.mark.parametrize("key", [viewstate.QUERY_LIMIT_KEY, viewstate.COLOUR_SWITCH_KEY])
def test_the_first_paint_style_names_the_containers_it_holds_room_for(key: str) -> None:
    assert f".st-key-{key}" in (paths.STATIC_DIR / FIRST_PAINT_CSS).read_text(encoding="utf-8")
