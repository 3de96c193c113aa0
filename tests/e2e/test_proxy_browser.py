"""Through the README's nginx (benchmarks/proxy.py): what Streamlit sends uncompressed arrives
compressed, the same bytes once decoded, the WebSocket is deflated, and the map is drawn.

A phone on a mobile network feels each megabyte of a first visit; Streamlit leaves compressing
its front end to the proxy, so the README's recipe has to do it.
"""

from __future__ import annotations

import gzip
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, Response

from benchmarks import proxy
from tests.e2e.walk import map_frame, open_page

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(proxy.missing() is not None, reason=f"{proxy.missing()}"),
]

VENDORED_LEAFLET = "app/static/vendor/leaflet/leaflet.js"
VENDOR_MANIFEST = "app/static/vendor/MANIFEST.json"


@pytest.fixture(scope="module")
def proxied(server: str) -> Iterator[str]:
    """The app behind nginx configured as the README's."""
    with proxy.nginx([server]) as url:
        yield url


def fetch(url: str, encoding: str) -> tuple[bytes, dict[str, str]]:
    """The body as sent and the headers of a GET asking for `encoding`."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return answer.read(), {key.lower(): value for key, value in answer.headers.items()}


@pytest.fixture(scope="module")
def front_end(server: str) -> dict[str, str]:
    """Paths of Streamlit's main script and style sheet, as the page names them."""
    html, _ = fetch(f"{server}/", "identity")
    script = re.search(rb'src="\./(static/js/index\.[^"]+\.js)"', html)
    style = re.search(rb'href="\./(static/css/index\.[^"]+\.css)"', html)
    assert script and style, "Streamlit's page names its main script and style sheet"
    return {"main script": script.group(1).decode(), "style sheet": style.group(1).decode()}


@pytest.mark.parametrize(
    "what", ["main script", "style sheet", "page", "vendored Leaflet", "JSON file"]
)
def test_the_proxy_sends_gzip_that_decodes_to_what_the_app_sends(
    server: str, proxied: str, front_end: dict[str, str], what: str
) -> None:
    path = {
        **front_end,
        "page": "",
        "vendored Leaflet": VENDORED_LEAFLET,
        "JSON file": VENDOR_MANIFEST,
    }[what]
    direct, _ = fetch(f"{server}/{path}", "identity")
    sent, headers = fetch(f"{proxied}/{path}", "gzip")
    assert headers.get("content-encoding") == "gzip", (what, headers)
    assert "accept-encoding" in headers.get("vary", "").lower(), (what, headers)
    assert len(sent) < len(direct)
    assert gzip.decompress(sent) == direct


def test_the_map_is_drawn_through_the_proxy_with_everything_compressed(
    page: Page, server: str, proxied: str, front_end: dict[str, str]
) -> None:
    watched = {front_end["main script"], front_end["style sheet"], VENDORED_LEAFLET}
    arrived: dict[str, Response] = {}
    handshakes: list[dict[str, str]] = []

    def keep(response: Response) -> None:
        path = response.url.removeprefix(f"{proxied}/")
        if path in watched:
            arrived[path] = response

    page.on("response", keep)
    devtools = page.context.new_cdp_session(page)
    devtools.send("Network.enable")
    devtools.on(
        "Network.webSocketHandshakeResponseReceived",
        lambda event: handshakes.append(event["response"]["headers"]),
    )
    open_page(page, f"{proxied}/")
    map_frame(page)
    assert sorted(arrived) == sorted(watched)
    # The WebSocket carries every rerun's map; nginx lets browser and app agree to deflate it
    # (server.enableWebsocketCompression in .streamlit/config.toml).
    assert handshakes, "the page opened its WebSocket through the proxy"
    extensions = {key.lower(): value for key, value in handshakes[0].items()}
    assert "permessage-deflate" in extensions.get("sec-websocket-extensions", "")
    for path, response in arrived.items():
        # Chromium asks for brotli (nginx's) or gzip (Streamlit's own, for its app/static files;
        # nginx passes those on) and decodes it; the decoded bytes are the app's own.
        expected = "gzip" if path == VENDORED_LEAFLET else "br"
        assert response.header_value("content-encoding") == expected, path
        direct, _ = fetch(f"{server}/{path}", "identity")
        assert response.body() == direct, path


def test_the_light_map_comes_through_the_proxy_compressed_and_cached(
    server: str, proxied: str
) -> None:
    path = "karta.html?place=farsta&lang=en"
    sent, headers = fetch(f"{proxied}/{path}", "gzip")
    assert headers.get("content-encoding") == "gzip", headers
    # Asked directly with the host name nginx passes on, the app sends the page it keeps for it.
    host = urllib.parse.urlsplit(proxied).netloc
    direct_request = urllib.request.Request(
        f"{server}/{path}", headers={"Accept-Encoding": "identity", "Host": host}
    )
    with urllib.request.urlopen(direct_request, timeout=30) as answer:
        direct = answer.read()
    assert gzip.decompress(sent) == direct
    assert len(sent) < len(direct) / 3
    assert headers["content-security-policy"].startswith("frame-ancestors")
    # Opened again, the proxy passes the browser's ETag on and the app answers "not modified".
    again = urllib.request.Request(
        f"{proxied}/{path}",
        headers={"Accept-Encoding": "gzip", "If-None-Match": headers["etag"]},
    )
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(again, timeout=30)
    assert answer.value.code == 304
    # Its style comes compressed and is kept by the browser (linked by its content's hash).
    _style, style_headers = fetch(f"{proxied}/app/static/karta.css", "gzip")
    assert style_headers.get("content-encoding") == "gzip"
    assert "max-age=" in style_headers["cache-control"]
    assert re.search(r'href="/app/static/karta\.css\?v=[0-9a-f]{12}"', direct.decode())
