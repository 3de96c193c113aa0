"""Shared AppTest helpers: open the app or one of its pages, run it, read what it shows.

Fixtures: `app` is the app, not yet run, with `st_folium` standing in for the map component
(it needs a browser). A module that draws maps uses ``pytestmark =
pytest.mark.usefixtures("st_folium")``; a test that clicks sets its ``return_value`` (see
`click_on`), and reads its calls for the map it was given. `downloads` collects the files a page
offers, `records` the shipped action plan's records.

Helpers (import them: ``from tests.app.conftest import open_app, run``): `open_app`, `run`,
`unescape`, `click_on`, `NOTHING_CLICKED`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from unittest.mock import MagicMock, patch

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from soderort import paths
from soderort.viewstate import map_list_section_key

APP_FILE = paths.DASHBOARD_SCRIPT
TIMEOUT_S = 60
"""Seconds a script run may take (a cold run loads the data and draws the map on busy cores)."""

NOTHING_CLICKED = {"last_active_drawing": None, "last_object_clicked": None}
"""What streamlit-folium returns before anything on the map is clicked."""


def run(at: AppTest) -> AppTest:
    """Run the script once more and fail on any exception it raised."""
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_app(
    page: str | None = None,
    query: Mapping[str, str | list[str]] | None = None,
    *,
    timeout: float = TIMEOUT_S,
) -> AppTest:
    """Open the app with a URL query, go to `page` (e.g. ``"pages/table.py"``) and run it."""
    at = AppTest.from_file(str(APP_FILE), default_timeout=timeout)
    at.query_params.update(query or {})
    if page is None:
        return run(at)
    at.run()
    at.switch_page(str(paths.PROJECT_ROOT / page))
    return run(at)


def open_list_sections(at: AppTest, place_ids: Iterable[str]) -> AppTest:
    """Open these places' sections of the list under the map, as a reader clicking them would."""
    for place_id in place_ids:
        at.session_state[map_list_section_key(place_id)] = True
    return run(at)


def card_headings(node) -> list[str]:
    """The Markdown of each initiative card's heading under `node`, in page order.

    A card's first Markdown element opens with its heading line (``ui.cards``).
    """
    return [m.value[4:].split("\n", 1)[0] for m in node.markdown if m.value.startswith("### ")]


def card_titles(node) -> list[str]:
    """The initiative cards' headings under `node` as a reader sees them (escapes undone)."""
    return [unescape(heading) for heading in card_headings(node)]


def unescape(markdown: str) -> str:
    """The text a reader sees in Markdown that escapes with backslashes."""
    return re.sub(r"\\(.)", r"\1", markdown)


def click_on(place_id: str, lat: float = 59.256, lng: float = 18.061) -> dict:
    """What streamlit-folium returns after a click on a place's area."""
    return {
        "last_active_drawing": {
            "type": "Feature",
            "properties": {"id": place_id, "name": place_id, "count": 1},
            "geometry": {"type": "Point", "coordinates": [lng, lat]},
        },
        "last_object_clicked": {"lat": lat, "lng": lng},
    }


@pytest.fixture
def st_folium() -> Iterator[MagicMock]:
    """The map component, replaced: nothing clicked, and a record of every map it was given."""
    fake = MagicMock(return_value=NOTHING_CLICKED)
    with patch("streamlit_folium.st_folium", fake):
        yield fake


@pytest.fixture
def app(st_folium) -> AppTest:
    """The app, not yet run, with the map component replaced."""
    return AppTest.from_file(str(APP_FILE), default_timeout=TIMEOUT_S)


@pytest.fixture
def downloads() -> Iterator[dict[str, object]]:
    """The files the page offers, by file name: bytes, or the function that makes them."""
    offered: dict[str, object] = {}
    real_add = MediaFileManager.add
    real_deferred = MediaFileManager.add_deferred

    def add(self, path_or_data, mimetype, coordinates, file_name=None, **kwargs):
        if kwargs.get("is_for_static_download"):
            offered[file_name] = path_or_data
        return real_add(self, path_or_data, mimetype, coordinates, file_name, **kwargs)

    def add_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        offered[file_name] = data_callable
        return real_deferred(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    with (
        patch.object(MediaFileManager, "add", add),
        patch.object(MediaFileManager, "add_deferred", add_deferred),
    ):
        yield offered


@pytest.fixture(scope="session")
def records(action_plan_yaml) -> list[dict]:
    """The shipped action plan's records, as plain YAML."""
    return action_plan_yaml["initiatives"]


def link_buttons(at: AppTest) -> dict[str, tuple[str, str]]:
    """The page's download links by their id: (label as shown, link)."""
    import html
    import re

    found = {}
    for element in at.get("html"):
        for key, url, label in re.findall(
            r'<a id="([^"]*)" class="soderort-download[^"]*" href="([^"]*)" download>(.*?)</a>',
            element.proto.body,
        ):
            found[html.unescape(key)] = (html.unescape(label), html.unescape(url))
    return found
