"""The one-page handout: one page at A4 and at A3, and the counts the table view shows."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections import Counter

import pytest
from pypdf import PdfReader

from soderort import views
from soderort.describe import describe_filters
from soderort.downloads.download_files import handout_pdf
from soderort.exports import header
from soderort.filters import FilterState, filter_initiatives
from soderort.i18n import t
from soderort.loading import PlanData
from soderort.render import handout_pdf as handout
from soderort.render import print_map

# Points: ISO 216's A4 and A3.
PAGE_SIZES = {"A4": (595.28, 841.89), "A3": (841.89, 1190.55)}
DAY = dt.date(2026, 12, 7)


def _pages(pdf: bytes) -> list:
    return list(PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("size", ["A4", "A3"])
def test_the_handout_is_one_page_of_its_size(plan_data: PlanData, size: str) -> None:
    pdf = handout_pdf(plan_data, FilterState(), "sv", size, DAY)
    (page,) = _pages(pdf)
    width, height = PAGE_SIZES[size]
    assert float(page.mediabox.width) == pytest.approx(width, abs=0.1)
    assert float(page.mediabox.height) == pytest.approx(height, abs=0.1)
    assert "Sida 1 av 1" in page.extract_text()


def test_a_long_list_of_filters_shrinks_the_map_not_the_page_count(plan_data: PlanData) -> None:
    lines = [f"Fritext: ett långt filter nummer {n} som tar en rad" for n in range(14)]
    png = print_map.render_map_png(plan_data, plan_data.initiatives)
    pdf = handout.build_handout_pdf(plan_data, plan_data.initiatives, lines, png, printed=DAY)
    (page,) = _pages(pdf)
    text = " ".join(page.extract_text().split())
    assert lines[0] in text and lines[-1] in text


def _table_view_counts(data: PlanData, filters: FilterState, language: str) -> Counter[str]:
    table = views.display_table(data, filter_initiatives(data, filters), language)
    counts: Counter[str] = Counter()
    for cell in table[header("places", language)]:
        counts.update(dict.fromkeys(cell.split("; "), 1))
    return counts


@pytest.mark.parametrize(
    ("filters", "language"),
    [(FilterState(), "sv"), (FilterState(text="Farsta"), "en"), (FilterState(text="export"), "sv")],
)
def test_the_counts_per_place_are_the_table_views(
    plan_data: PlanData, filters: FilterState, language: str
) -> None:
    pdf = handout_pdf(plan_data, filters, language, "A4", DAY)
    (page,) = _pages(pdf)
    text = " ".join(page.extract_text().split())
    # The handout's table, from its heading on (the title names "Söderort 2030").
    table = text[text.index(t("handout.counts", language)) :]
    expected = _table_view_counts(plan_data, filters, language)
    for place in plan_data.place_order:
        name = plan_data.place_name(place, language)
        printed = re.search(rf"(?<![\w-]){re.escape(name)} (\d+)\b", table)
        assert printed is not None, name
        assert int(printed.group(1)) == expected[name], name
    for line in describe_filters(filters, plan_data, language):
        assert line in text
