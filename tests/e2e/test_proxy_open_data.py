"""The open data through the README's nginx (benchmarks/proxy.py): passed, compressed, cached,
revalidated with the app's ETag, and limited per address as the README's `limit_req` says.
"""

from __future__ import annotations

import gzip
import json
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from benchmarks import proxy

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(proxy.missing() is not None, reason=f"{proxy.missing()}"),
]

FORMATS = (
    "initiatives.geojson",
    "initiatives.kml",
    "initiatives.csv",
    "initiatives.json",
    "places.geojson",
    "followups.atom",
)


@pytest.fixture(scope="module")
def proxied(server: str) -> Iterator[str]:
    """The app behind nginx configured as the README's."""
    with proxy.nginx([server]) as url:
        yield url


def ask(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            status, head, body = answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as err:
        status, head, body = err.code, err.headers, err.read()
    return status, {key.lower(): value for key, value in head.items()}, body


@pytest.mark.parametrize("name", FORMATS)
def test_each_format_arrives_compressed_and_is_then_served_from_the_cache(
    server: str, proxied: str, name: str
) -> None:
    query = "?theme=arbetsplatser"
    _, direct_headers, direct = ask(f"{server}/data/{name}{query}", {"Accept-Encoding": "identity"})
    status, headers, sent = ask(f"{proxied}/data/{name}{query}", {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers.get("content-encoding") == "gzip", headers
    # The same bytes; the feed links to itself at the address its reader used.
    assert gzip.decompress(sent) == direct.replace(server.encode(), proxied.encode())
    assert len(sent) < len(direct)
    # The app's headers pass: CORS, validators (weakened by the compression), the file's name.
    assert headers["access-control-allow-origin"] == "*"
    assert headers["etag"].removeprefix("W/") == direct_headers["etag"]
    assert headers["content-disposition"] == direct_headers["content-disposition"]
    assert headers["cache-control"] == direct_headers["cache-control"]
    status, again, cached = ask(f"{proxied}/data/{name}{query}", {"Accept-Encoding": "gzip"})
    assert (status, again["x-cache-status"]) == (200, "HIT")
    assert cached == sent
    status, _, empty = ask(
        f"{proxied}/data/{name}{query}",
        {"Accept-Encoding": "gzip", "If-None-Match": headers["etag"]},
    )
    assert (status, empty) == (304, b"")


def test_brotli_for_a_reader_that_asks_for_it(proxied: str) -> None:
    status, headers, _ = ask(f"{proxied}/data/initiatives.geojson", {"Accept-Encoding": "br"})
    assert status == 200
    assert headers.get("content-encoding") == "br"


def test_a_bad_parameter_reaches_the_reader_and_is_not_cached(proxied: str) -> None:
    for _ in range(2):
        status, headers, body = ask(f"{proxied}/data/initiatives.json?area=atlantis")
        assert status == 400
        assert json.loads(body)["parameters"][0]["parameter"] == "area"
        assert headers["x-cache-status"] != "HIT"


def test_another_host_name_cannot_put_its_links_into_the_cache(proxied: str) -> None:
    # The feed and the Link header name the host the reader used; the cache keeps hosts apart.
    url = f"{proxied}/data/followups.atom?theme=kluster"
    status, _, _ = ask(url, {"Host": "elsewhere.example"})
    assert status == 200
    status, headers, body = ask(url)
    assert status == 200
    assert b"elsewhere.example" not in body
    assert "elsewhere.example" not in headers["link"]


# Last: it leaves this address's allowance spent.
def test_one_address_asking_too_fast_is_told_to_wait(proxied: str) -> None:
    url = f"{proxied}/data/places.geojson"
    # The allowance refills at 10 a second: after 2 s of quiet the burst of 20 is whole again,
    # whatever the tests before asked.
    time.sleep(2.5)
    with ThreadPoolExecutor(max_workers=16) as pool:
        statuses = list(pool.map(lambda _: ask(url)[0], range(200)))
    # 10 a second with bursts of 20: of 200 at once (the cache answers each in a moment), a
    # burst passes and the rest get 429.
    assert statuses.count(200) >= 10
    assert statuses.count(429) >= 100
    assert set(statuses) == {200, 429}
