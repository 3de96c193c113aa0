"""The light map's addresses the dashboard hands out: the link to share and the embed snippet.

Each address is read back as the light map reads it (`soderort.web.light_routes`), so that the
view it opens is the view the dashboard showed.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest

from soderort.web.light_page import PAGE_PATH
from tests.app.conftest import open_app, run

pytestmark = pytest.mark.usefixtures("st_folium")
VIEW = {"committee": "exploateringsnamnden", "lang": "en"}


class Frame(HTMLParser):
    """The attributes of the snippet's iframe."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.attributes: dict[str, str] = {}
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "iframe":
            self.attributes = {name: value or "" for name, value in attrs}


def shared_link(at) -> str:
    """The address of the page's link to share, as its href says."""
    for element in at.get("html"):
        found = re.search(r'<a href="([^"]*)">', element.proto.body)
        if found and PAGE_PATH in found.group(1):
            return html.unescape(found.group(1))
    raise AssertionError("no link to share")


def query_of(address: str) -> dict[str, list[str]]:
    parts = urlsplit(address)
    assert parts.path.endswith("/" + PAGE_PATH)
    return parse_qs(parts.query)


def test_the_export_page_embeds_the_view_it_shows() -> None:
    at = open_app("pages/export.py", VIEW)
    snippet = next(block.value for block in at.code if "<iframe" in block.value)
    frame = Frame(snippet).attributes
    assert query_of(frame["src"]) == {**{k: [v] for k, v in VIEW.items()}, "embed": ["1"]}
    # The frame is named for screen readers by what it shows.
    assert frame["title"].startswith("Söderort 2030 on the map: ")
    assert "of 19 initiatives" in frame["title"]


def test_the_map_page_shares_its_view_and_colouring() -> None:
    at = open_app(None, VIEW)
    at.session_state["map_colour_by"] = "theme"
    run(at)
    link = shared_link(at)
    assert query_of(link) == {**{k: [v] for k, v in VIEW.items()}, "colour": ["theme"]}
    assert at.query_params["colour"] == "theme"


def test_a_link_with_a_colouring_opens_the_map_so_coloured() -> None:
    at = open_app(None, {"colour": "follow_up"})
    assert at.session_state["map_colour_by"] == "follow_up"


def test_the_place_page_shares_the_place() -> None:
    at = open_app("pages/place.py", {"place": "farsta"})
    link = shared_link(at)
    assert query_of(link) == {"place": ["farsta"]}
