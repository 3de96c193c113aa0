"""The light map's routes as a browser, a crawler and a link preview read them.

The routes run over HTTP (uvicorn, in a thread) in a Starlette app of their own with the app's
middleware (the same that app.py hands to `st.App`), on the shipped data or the hostile corpus.
"""

from __future__ import annotations

import contextlib
import re
import socket
import threading
import time
import urllib.robotparser
from collections import Counter
from collections.abc import Iterator
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
import uvicorn
from starlette.applications import Starlette
from starlette.middleware import Middleware

from soderort import paths, viewstate
from soderort.facts import count_by_place
from soderort.filters import filter_initiatives
from soderort.i18n import t
from soderort.web import framing
from soderort.web.framing import FrameGuard
from soderort.web.light_routes import light_routes
from tests.hostile import Markup, fragments


class Page(HTMLParser):
    """What a link preview and a reader take from a page: meta tags, headings, links, text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self.headings: dict[str, list[str]] = {}
        self.lang = ""
        self._open: list[str] = []
        self._text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "html":
            self.lang = values.get("lang", "")
        if tag == "meta" and "content" in values:
            self.meta[values.get("property") or values.get("name", "")] = values["content"]
        if tag in ("a", "h1", "h3", "title"):
            self._open.append(tag)
            self._text = []
            self._href = values.get("href", "")

    def handle_data(self, data: str) -> None:
        self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1] == tag:
            self._open.pop()
            text = "".join(self._text).strip()
            if tag == "a":
                self.links[text] = self._href
            else:
                self.headings.setdefault(tag, []).append(text)


class Client:
    """Requests to one server, by path."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url

    def get(self, path: str, **kwargs) -> requests.Response:
        return requests.get(self.base_url + path, timeout=60, **kwargs)


@contextlib.contextmanager
def client_for(monkeypatch: pytest.MonkeyPatch, data_dir=None, **env: str) -> Iterator[Client]:
    monkeypatch.setenv("SODERORT_TILES_URL", "none")
    if data_dir is not None:
        monkeypatch.setenv(paths.DATA_DIR_ENV, str(data_dir))
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    app = Starlette(routes=light_routes(""), middleware=[Middleware(FrameGuard)])
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    try:
        yield Client(f"http://127.0.0.1:{port}")
    finally:
        server.should_exit = True
        thread.join()


@pytest.fixture
def client(monkeypatch: pytest.MonkeyPatch) -> Iterator[Client]:
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    with client_for(monkeypatch) as test_client:
        yield test_client


def test_the_page_says_what_it_shows_and_links_to_the_same_view(client, plan_data) -> None:
    query = {"committee": "exploateringsnamnden", "lang": "en"}
    answer = client.get("/karta.html", params=query)
    assert answer.status_code == 200
    page = Page(answer.text)
    shown = filter_initiatives(plan_data, viewstate.decode_query(query, plan_data)[0].filters)
    count = t("count.initiatives", "en", shown=len(shown), total=len(plan_data.initiatives))
    assert page.lang == "en"
    assert count in page.headings["h1"][0]
    assert "Committee: " + plan_data.committee_name("exploateringsnamnden") in answer.text
    # The way into the dashboard keeps the view, parameter for parameter.
    link = page.links[t("light.open_full", "en") + " →"]
    assert urlsplit(link).path == "/"
    assert parse_qs(urlsplit(link).query) == {key: [value] for key, value in query.items()}
    assert "Source: " + plan_data.document.title in answer.text


def test_the_text_list_counts_what_the_map_labels_show(client, plan_data) -> None:
    answer = client.get("/karta.html", params={"theme": "arbetsplatser"})
    page = Page(answer.text)
    labels = [Markup(f) for f in fragments(answer.text) if 'class="sod-label' in f]
    on_map = {}
    for label in labels:
        name, count = re.fullmatch(r"(.*?)(\d+)", label.text).groups()
        on_map[name] = int(count)
    listed = {}
    for heading in page.headings["h3"]:
        name, count = re.fullmatch(r"(.*) \((\d+) initiativ\)", heading).groups()
        listed[name] = int(count)
    # Every place the list names carries the same count on the map; the map's others have none.
    assert listed and all(on_map[name] == count for name, count in listed.items())
    assert all(count == 0 for name, count in on_map.items() if name not in listed)
    shown = filter_initiatives(
        plan_data, viewstate.decode_query({"theme": "arbetsplatser"}, plan_data)[0].filters
    )
    expected = {
        plan_data.place_name(p, "sv"): n for p, n in count_by_place(plan_data, shown).items() if n
    }
    assert listed == expected


def test_a_place_link_lists_that_place_and_the_preview_frames_it(client, plan_data) -> None:
    page = Page(client.get("/karta.html?place=farsta").text)
    assert [h.split(" (")[0] for h in page.headings["h3"]] == ["Farsta"]
    assert page.headings["h1"][0].startswith("Farsta – ")
    assert page.meta["og:title"] == page.headings["h1"][0]
    image = urlsplit(page.meta["og:image"])
    assert image.geturl().startswith(client.base_url + "/karta.png?")
    assert parse_qs(image.query) == {"place": ["farsta"]}
    assert page.meta["description"].startswith(t("light.description", "sv", count="")[:20])


def test_the_preview_image_is_a_png_of_link_preview_size(client) -> None:
    answer = client.get("/karta.png?place=farsta&lang=en")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "image/png"
    assert answer.content[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = (
        int.from_bytes(answer.content[16:20], "big"),
        int.from_bytes(answer.content[20:24], "big"),
    )
    assert (width, height) == (1200, 630)
    again = client.get(
        "/karta.png?place=farsta&lang=en", headers={"If-None-Match": answer.headers["etag"]}
    )
    assert again.status_code == 304


def test_an_etag_per_view_and_a_304_for_the_same(client) -> None:
    first = client.get("/karta.html?area=farsta")
    tag = first.headers["etag"]
    assert first.headers["cache-control"].startswith("public")
    same = client.get("/karta.html?area=farsta", headers={"If-None-Match": tag})
    assert same.status_code == 304 and not same.content
    other = client.get("/karta.html?area=hogdalen")
    assert other.headers["etag"] != tag


def test_a_bad_parameter_gets_a_400_naming_it(client) -> None:
    answer = client.get("/karta.html?theme=nope&colour=pink&lang=en")
    assert answer.status_code == 400
    assert "theme=nope" in answer.text and "colour=pink" in answer.text
    assert t("reason.unknown_value", "en") in answer.text
    assert "Traceback" not in answer.text


def test_who_may_frame_what(monkeypatch: pytest.MonkeyPatch) -> None:
    with client_for(
        monkeypatch, **{framing.FRAME_ANCESTORS_ENV: "https://start.stockholm javascript:x"}
    ) as client:
        light = client.get("/karta.html")
        assert light.headers["content-security-policy"] == (
            "frame-ancestors 'self' https://start.stockholm"
        )
        assert "x-frame-options" not in light.headers
        other = client.get("/robots.txt")
        assert other.headers["content-security-policy"] == "frame-ancestors 'self'"
        assert other.headers["x-frame-options"] == "SAMEORIGIN"


def test_the_default_lets_only_the_app_frame_the_light_map() -> None:
    assert framing.light_map_policy({}) == "frame-ancestors 'self'"
    assert framing.frame_ancestors({framing.FRAME_ANCESTORS_ENV: "'none' https://a.se"}) == "'none'"


def test_robots_txt_lets_crawlers_read_the_light_map_only(client) -> None:
    robots = urllib.robotparser.RobotFileParser()
    robots.parse(client.get("/robots.txt").text.splitlines())
    site = client.base_url
    assert robots.can_fetch("*", f"{site}/karta.html?place=farsta")
    assert robots.can_fetch("*", f"{site}/karta.png?place=farsta")
    assert not robots.can_fetch("*", f"{site}/_stcore/stream")
    assert not robots.can_fetch("*", f"{site}/media/abc.pdf")


def test_hostile_text_stays_text(monkeypatch, hostile_data, plan_data) -> None:
    with client_for(monkeypatch, hostile_data.folder) as client:
        hostile = client.get("/karta.html", params={"q": hostile_data.texts["rubrik"][:40]}).text
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(paths.GEODATA_DIR))
    with client_for(monkeypatch, paths.GEODATA_DIR) as client:
        normal = client.get(
            "/karta.html",
            params={"q": plan_data.initiative(hostile_data.initiative_id).rubrik[:40]},
        ).text
    for fragment in fragments(hostile):
        Markup(fragment).assert_harmless()
    # The page around the map: the same elements as with the shipped data, the texts as typed.
    shape = lambda html: Counter(Markup(html).tags)  # noqa: E731
    assert shape(hostile) == shape(normal)
    text = Markup(hostile).text
    assert hostile_data.texts["uppdrag"] in text
    assert hostile_data.place_names["name"] in text
