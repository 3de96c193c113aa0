"""A count shown with a year range says how many of the initiatives state no year, everywhere."""

from __future__ import annotations

import re
from collections.abc import Iterator
from unittest.mock import patch

import pytest
from streamlit.testing.v1 import AppTest

from soderort import paths
from soderort.describe import describe_filters
from soderort.facts import undated_count
from soderort.filters import FilterState, filter_initiatives
from soderort.loading import PlanData

APP_FILE = paths.DASHBOARD_SCRIPT
QUERY = {"committee": "exploateringsnamnden", "from": "2010", "to": "2015"}
FILTERS = FilterState(committees=("exploateringsnamnden",), year_range=(2010, 2015))


@pytest.fixture(autouse=True)
def no_folium_component() -> Iterator[None]:
    with patch("streamlit_folium.st_folium", return_value={}):
        yield


@pytest.fixture(scope="module")
def expected(plan_data: PlanData) -> tuple[int, int]:
    shown = filter_initiatives(plan_data, FILTERS)
    undated = undated_count(FILTERS, shown)
    # The example the issue was written about: some of the matches name no year at all.
    assert undated and undated < len(shown)
    return len(shown), undated


def open_page(page: str | None, **query: str) -> AppTest:
    at = AppTest.from_file(str(APP_FILE), default_timeout=60)
    for key, value in {**QUERY, **query}.items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(str(paths.PROJECT_ROOT / page))
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def text_of(elements) -> str:  # noqa: ANN001 (AppTest's element list)
    return re.sub(r"\\(.)", r"\1", "\n".join(element.value for element in elements))


def test_sidebar_and_map_caption_say_how_many_have_no_year(expected) -> None:
    shown, undated = expected
    at = open_page(None)
    line = f"{shown} av 19 initiativ, varav {undated} utan angivet år"
    assert line in text_of(at.sidebar.markdown)
    assert line in text_of(at.main.caption)


def test_english_says_it_too(expected) -> None:
    shown, undated = expected
    at = open_page(None, lang="en")
    assert f"{shown} of 19 initiatives, {undated} of them with no stated year" in text_of(
        at.sidebar.markdown
    )


@pytest.mark.parametrize("page", ["pages/table.py", "pages/export.py"])
def test_table_and_export_counts_say_it(expected, page) -> None:
    shown, undated = expected
    at = open_page(page)
    assert f"{shown} av 19 initiativ, varav {undated} utan angivet år" in text_of(at.main.markdown)


def test_presentation_title_slide_says_it(expected) -> None:
    shown, undated = expected
    at = open_page("pages/presentation.py")
    assert f"{shown} av 19 initiativ matchar filtren, varav {undated} utan angivet år" in (
        text_of(at.main.markdown)
    )


def test_exports_filter_description_says_it(plan_data, expected) -> None:
    _, undated = expected
    lines = describe_filters(FILTERS, plan_data, "sv")
    assert lines[1:3] == ["År: 2010–2015", f"Initiativ utan angivet år är med: {undated}"]
    at = open_page("pages/export.py")
    assert f"Initiativ utan angivet år är med: {undated}" in text_of(at.main.markdown)


def test_no_note_without_a_year_range_or_when_undated_are_left_out(plan_data) -> None:
    for filters in (
        FilterState(committees=("exploateringsnamnden",)),
        FilterState(year_range=(2010, 2015), include_unknown_years=False),
    ):
        shown = filter_initiatives(plan_data, filters)
        assert undated_count(filters, shown) is None
        assert not any(
            "utan angivet år är med" in line for line in describe_filters(filters, plan_data, "sv")
        )
