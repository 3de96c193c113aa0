"""Through the README's nginx (benchmarks/proxy.py): its limits, and the app's own routes.

The metrics route is not public; an address longer than nginx's buffers gets the app's own
page in its own words, not nginx's or a reset; the health and download routes pass through.
"""

from __future__ import annotations

import csv
import io
import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from email.message import Message

import pytest

from benchmarks import proxy
from soderort.filters import FilterState, filter_initiatives

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(proxy.missing() is not None, reason=f"{proxy.missing()}"),
]


@pytest.fixture(scope="module")
def proxied(server: str) -> Iterator[str]:
    """The app behind nginx configured as the README's."""
    with proxy.nginx([server]) as url:
        yield url


def get(url: str) -> tuple[int, Message, bytes]:
    """Status, headers (names in any case) and body."""
    try:
        with urllib.request.urlopen(url, timeout=60) as answer:
            return answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def test_the_metrics_route_is_not_public_behind_the_proxy(server: str, proxied: str) -> None:
    assert get(f"{server}/_stcore/metrics")[0] == 200  # the app has it, for its operator
    status, _, body = get(f"{proxied}/_stcore/metrics")
    assert status == 404
    assert b"session" not in body


def test_an_address_over_the_limit_gets_the_apps_own_page(proxied: str) -> None:
    status, headers, body = get(f"{proxied}/karta?q={'a' * 130_000}")
    assert status == 414
    assert headers["Content-Type"].startswith("text/html")
    page = body.decode("utf-8")
    assert "<h1>Adressen är för lång</h1>" in page
    assert "The address is too long" in page
    assert "nginx" not in page


def test_an_address_under_the_limit_reaches_the_app(proxied: str) -> None:
    status, _, body = get(f"{proxied}/karta?q={'a' * 40_000}")
    assert status == 200
    assert b"<title>" in body


def test_health_and_downloads_pass_through_the_proxy(proxied: str, plan_data) -> None:
    status, _, body = get(f"{proxied}/healthz")
    assert status == 200
    assert json.loads(body)["status"] == "ok"
    status, headers, body = get(f"{proxied}/download/initiativ.csv?area=hogdalen")
    assert status == 200
    assert headers["Content-Disposition"].startswith('attachment; filename="soderort-2030-')
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    want = filter_initiatives(plan_data, FilterState(areas=("hogdalen",)))
    assert [row["id"] for row in rows] == [item.id for item in want]
