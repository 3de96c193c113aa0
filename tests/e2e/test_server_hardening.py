"""The running server refuses other sites: the settings of .streamlit/config.toml in effect.

A page on another origin may neither open the app's WebSocket (which carries every session) nor
read its responses, and a request without the XSRF token cannot post to it.
"""

from __future__ import annotations

import asyncio
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
import websockets

pytestmark = pytest.mark.e2e

FOREIGN = "https://evil.example"


def _ws_url(server: str) -> str:
    return server.replace("http://", "ws://", 1) + "/_stcore/stream"


async def _open(server: str, origin: str) -> str:
    try:
        async with websockets.connect(
            _ws_url(server), origin=origin, subprotocols=["streamlit"], open_timeout=20
        ):
            return "open"
    except websockets.InvalidStatus as refused:
        return f"refused {refused.response.status_code}"


def _open_in_thread(server: str, origin: str) -> str:
    # Playwright's sync API keeps an event loop running in this thread when a browser test ran
    # before; asyncio.run needs a thread of its own.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, _open(server, origin)).result(timeout=60)


def test_the_websocket_refuses_pages_of_other_sites(server: str) -> None:
    assert _open_in_thread(server, FOREIGN) == "refused 403"
    assert _open_in_thread(server, server) == "open"


def test_responses_do_not_invite_other_sites_to_read_them(server: str) -> None:
    request = urllib.request.Request(f"{server}/_stcore/health", headers={"Origin": FOREIGN})
    with urllib.request.urlopen(request, timeout=20) as answer:
        assert answer.status == 200
        assert answer.headers.get("Access-Control-Allow-Origin") is None


def test_a_post_without_the_xsrf_token_is_refused(server: str) -> None:
    request = urllib.request.Request(
        f"{server}/_stcore/upload_file/session/file",
        data=b"x",
        method="PUT",
        headers={"Origin": FOREIGN},
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=20)
    assert refused.value.code == 403
