"""GET through the app's own routes (app.py's `routes`) over ASGI, without a server."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

from starlette.applications import Starlette


@dataclass(frozen=True)
class Answer:
    """One response: status, headers (lower-case names) and body."""

    status: int
    headers: dict[str, str]
    body: bytes


def get(url: str) -> Answer:
    """GET a path with its query (e.g. a link the page shows) from app.py's routes."""
    from app import routes

    parts = urlsplit(url)
    scope = {
        "type": "http",
        "method": "GET",
        "path": parts.path,
        "raw_path": parts.path.encode(),
        "query_string": parts.query.encode(),
        "headers": [],
        "http_version": "1.1",
        "scheme": "http",
        "root_path": "",
        "server": ("127.0.0.1", 8501),
    }
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    # Its own thread: a browser test's Playwright (sync API) keeps an event loop running in this
    # one for the rest of the session, and asyncio.run refuses to start inside a running loop.
    with ThreadPoolExecutor(max_workers=1) as worker:
        worker.submit(asyncio.run, Starlette(routes=routes)(scope, receive, send)).result()
    start = sent[0]
    headers = {k.decode().lower(): v.decode() for k, v in start["headers"]}
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return Answer(start["status"], headers, body)
