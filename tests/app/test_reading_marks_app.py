"""No page shows an uncertain reading without its mark: every text element of every page.

Each page is opened where it shows Farsta's heading (the reading "Farsta läge") if it shows
initiatives at all, and every text it holds is searched (`tests.reading_marks`).
"""

from __future__ import annotations

import pytest

from soderort import paths
from tests.app.conftest import open_app, open_list_sections, unescape
from tests.reading_marks import unmarked_readings

pytestmark = pytest.mark.usefixtures("st_folium")

# page: (URL query, whether it shows the reading)
PAGES = {
    "pages/map.py": ({"area": "farsta"}, True),
    "pages/place.py": ({"place": "farsta"}, True),
    "pages/table.py": ({"area": "farsta"}, True),
    # The note of follow-up its source does not date names Farsta's initiative.
    "pages/timeline.py": ({}, True),
    "pages/presentation.py": ({"area": "farsta", "slide": "2"}, True),
    "pages/export.py": ({}, False),
    "pages/about.py": ({}, True),
    "pages/accessibility.py": ({}, False),
}
TEXT_ELEMENTS = (
    "title",
    "header",
    "subheader",
    "markdown",
    "caption",
    "text",
    "info",
    "warning",
    "error",
    "success",
    "expander",
)


def page_text(at) -> str:
    """Every text a reader can see on the page, sidebar included, tables cell by cell."""
    parts = []
    for kind in TEXT_ELEMENTS:
        for element in at.get(kind):
            parts.append(str(getattr(element, "label", "") or ""))
            parts.append(str(getattr(element, "value", "") or ""))
    for frame in at.dataframe:
        parts.extend(str(cell) for cell in frame.value.to_numpy().ravel())
    return unescape("\n".join(parts))


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("page", sorted(PAGES))
def test_no_page_shows_an_uncertain_reading_unmarked(
    plan_data, follow_up_folder, monkeypatch, page, language
) -> None:
    # The app reads the tests' own follow-ups, where Farsta's latest entry is undated.
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(follow_up_folder))
    query, shows_it = PAGES[page]
    at = open_app(page, {**query, "lang": language})
    if page == "pages/map.py":
        at = open_list_sections(at, ["farsta"])
    text = page_text(at)
    assert ("Farsta läge" in text) is shows_it, page
    assert unmarked_readings(text, plan_data) == [], page
