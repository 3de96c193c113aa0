"""The dashboard's first paint: Streamlit's page with the app's head and a still frame.

The app's language, title, description, and the style that keeps the page still while the
script's first messages arrive.

Streamlit's `index.html` says `<html lang="en">`, `<title>Streamlit</title>` and nothing about the
page, and it draws its empty frame in the centred layout without the sidebar: the wide layout
(`st.set_page_config`) and the sidebar come with the script's first messages, and the whole main
column moved under them (a layout shift of 0.28 of the screen at 1400×900). Streamlit has no
setting for any of this, so the app's server completes the page's head as it passes; a Streamlit
whose page no longer has these marks is served as it is, with a warning in the server's log.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import logging
from collections.abc import Mapping, Sequence
from urllib.parse import parse_qs

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from soderort import paths
from soderort.i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from soderort.inert import html as escape_html
from soderort.viewstate import QP_LANGUAGE

# What tells Streamlit's own page from every other HTML the server sends (the light map's).
STREAMLIT_ROOT = b'<div id="root"></div>'
STREAMLIT_LANG = b'<html lang="en">'
STREAMLIT_TITLE = b"<title>Streamlit</title>"
HEAD_END = b"</head>"
FIRST_PAINT_CSS = "first-paint.css"
# A page whose frame differs from the others' from the first paint: the presentation has no
# sidebar and no header. The page's only ways out load the app anew (a plain link, a link from
# the map), so the style never outlives the page it was loaded with.
PRESENTATION_FRAME_CSS = "presentation-frame.css"


@functools.cache
def presentation_frame_style() -> str:
    """Return the presentation's frame style, read once (the page puts it in on every run)."""
    return (paths.STATIC_DIR / PRESENTATION_FRAME_CSS).read_text(encoding="utf-8")


_log = logging.getLogger(__name__)


def page_language(query_string: bytes) -> str:
    """Return the page's language from its address's `lang` (the default when absent or unknown)."""
    values = parse_qs(query_string.decode("latin-1")).get(QP_LANGUAGE, [])
    return values[-1] if values and values[-1] in LANGUAGES else DEFAULT_LANGUAGE


def page_path(path: str) -> str:
    """Return the page's url_path from a request's path (its last part, after any base path)."""
    return path.rstrip("/").rsplit("/", 1)[-1]


def complete_head(page: bytes, language: str, css_hrefs: Sequence[str]) -> bytes | None:
    """Return Streamlit's page with the app's language, title, description and first-paint style.

    None when the page is not Streamlit's, or no longer has the marks this relies on.
    """
    if STREAMLIT_ROOT not in page:
        return None
    if STREAMLIT_LANG not in page or STREAMLIT_TITLE not in page or HEAD_END not in page:
        _log.warning("Streamlit's index.html has changed: its head is served as Streamlit wrote it")
        return None
    title = escape_html(t("map.title", language))
    head = (
        f'<meta name="description" content="{escape_html(t("map.description", language))}">\n'
    ) + "".join(f'<link rel="stylesheet" href="{escape_html(href)}">\n' for href in css_hrefs)
    page = page.replace(STREAMLIT_LANG, f'<html lang="{language}">'.encode(), 1)
    page = page.replace(STREAMLIT_TITLE, f"<title>{title}</title>".encode(), 1)
    return page.replace(HEAD_END, head.encode() + HEAD_END, 1)


class DashboardHead:
    """ASGI middleware: completes the head of Streamlit's page (see the module's docstring).

    The page gets its own ETag (it differs by language and page), and a request that names it
    gets 304; every other response passes untouched. `page_css_hrefs` maps a page's url_path to a
    style of its own, linked after the one every page gets (`css_href`).
    """

    def __init__(
        self, app: ASGIApp, css_href: str, page_css_hrefs: Mapping[str, str] | None = None
    ) -> None:
        self.app = app
        self.css_href = css_href
        self.page_css_hrefs = dict(page_css_hrefs or {})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on; complete the page's head if the answer is Streamlit's page."""
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        request_headers = Headers(scope=scope)
        known_etag = request_headers.get("if-none-match")
        language = page_language(scope.get("query_string", b""))
        css_hrefs = [self.css_href]
        if own := self.page_css_hrefs.get(page_path(scope.get("path", ""))):
            css_hrefs.append(own)
        start: Message | None = None
        body = bytearray()

        async def collect(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                headers = Headers(raw=message.get("headers", []))
                is_page = (
                    message["status"] == 200
                    and headers.get("content-type", "").startswith("text/html")
                    and headers.get("content-encoding", "gzip") == "gzip"
                )
                if not is_page:
                    await send(message)
                    return
                start = message
                return
            if start is None:
                await send(message)
                return
            body.extend(message.get("body", b""))
            if not message.get("more_body", False):
                await self._send_page(start, bytes(body), language, css_hrefs, known_etag, send)

        # The browser's validator is the completed page's ETag, which Streamlit's never matches:
        # Streamlit answers the page whole, and the 304 is decided here.
        await self.app(scope, receive, collect)

    async def _send_page(
        self,
        start: Message,
        body: bytes,
        language: str,
        css_hrefs: Sequence[str],
        known_etag: str | None,
        send: Send,
    ) -> None:
        headers = MutableHeaders(raw=list(start.get("headers", [])))
        # Streamlit's own middleware compresses the page for a browser that accepts it.
        zipped = "content-encoding" in headers
        page = None
        if body:
            plain = gzip.decompress(body) if zipped else body
            page = complete_head(plain, language, css_hrefs)
        if page is None:
            await send(start)
            await send({"type": "http.response.body", "body": body})
            return
        # Weak: the same page whether compressed or not.
        etag = f'W/"{hashlib.sha256(page).hexdigest()[:32]}"'
        headers["etag"] = etag
        del headers["last-modified"]
        if known_etag == etag:
            del headers["content-length"]
            await send({**start, "status": 304, "headers": headers.raw})
            await send({"type": "http.response.body", "body": b""})
            return
        if zipped:
            page = gzip.compress(page, mtime=0)
        headers["content-length"] = str(len(page))
        await send({**start, "headers": headers.raw})
        await send({"type": "http.response.body", "body": page})
