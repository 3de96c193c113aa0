"""Who may show the app's pages in a frame: the light map by a setting, the dashboard never.

The light map (`/karta.html`) may be framed by the sites `FRAME_ANCESTORS_ENV` names (a city's
web pages embedding it); by default only by the app itself (the export page's preview). Every
other response, the dashboard first, may be framed by the app's own pages only (Streamlit frames
its components from the same origin), so that no other site can lay the dashboard under its own
page and steer a visitor's clicks (clickjacking).
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Space-separated CSP sources, e.g. "https://start.stockholm https://*.stockholm.se".
FRAME_ANCESTORS_ENV = "SODERORT_FRAME_ANCESTORS"
SELF = "'self'"
# What CSP's frame-ancestors accepts here: the app itself, nobody, or a site by scheme and host
# (a leading "*." for its subdomains, a port if any).
_SOURCE = re.compile(r"'self'|'none'|https?://(\*\.)?[a-z0-9.-]+(:[0-9]{1,5})?", re.IGNORECASE)
CSP_HEADER = "content-security-policy"

_log = logging.getLogger(__name__)


def frame_ancestors(environ: Mapping[str, str] | None = None) -> str:
    """Return the light map's frame-ancestors sources from `FRAME_ANCESTORS_ENV`.

    The app's own origin is always among them (unless `'none'`). A source that is not
    `'self'`, `'none'` or an http(s) origin is left out with a warning in the server's log (it
    could otherwise widen or break the header).
    """
    environ = os.environ if environ is None else environ
    raw = environ.get(FRAME_ANCESTORS_ENV, "").split()
    kept = [source for source in raw if _SOURCE.fullmatch(source)]
    for source in raw:
        if source not in kept:
            _log.warning("%s: %r is not an origin; left out", FRAME_ANCESTORS_ENV, source)
    if "'none'" in kept:
        return "'none'"
    # The app itself always may: the export page previews the embedded map.
    return " ".join(dict.fromkeys([SELF, *kept]))


def light_map_policy(environ: Mapping[str, str] | None = None) -> str:
    """Return the light map's Content-Security-Policy: who may frame it."""
    return f"frame-ancestors {frame_ancestors(environ)}"


class FrameGuard:
    """ASGI middleware: a response without its own policy may be framed by the app only.

    Sets `Content-Security-Policy: frame-ancestors 'self'` and, for older browsers,
    `X-Frame-Options: SAMEORIGIN`. A route that sets its own policy (the light map) keeps it.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on; add the policy to a response that has none."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def guarded(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                if CSP_HEADER.encode() not in names:
                    headers.append((b"content-security-policy", f"frame-ancestors {SELF}".encode()))
                    headers.append((b"x-frame-options", b"SAMEORIGIN"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, guarded)
