"""The light map's routes: the page (`/karta.html`), its preview image and `/robots.txt`.

Each answer is made once per data version and view, kept in memory, and carries an `ETag` (a
hash of its bytes): a browser that has it gets 304. Pages and images are made in a worker
thread, so the server's event loop (which carries every dashboard session) never waits on them.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from urllib.parse import urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from soderort import assets, viewstate
from soderort.errors import DataError
from soderort.filters import filter_initiatives
from soderort.i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from soderort.inert import html as escape
from soderort.loading import PlanData
from soderort.public_url import public_site_url
from soderort.render.print_map import render_map_png
from soderort.web import framing
from soderort.web.light_page import (
    PAGE_PATH,
    PREVIEW_HEIGHT_PX,
    PREVIEW_PATH,
    PREVIEW_WIDTH_PX,
    QP_EMBED,
    LightView,
    PageAddresses,
    render_page,
)
from soderort.web.plan import current_plan
from soderort.web.query import QueryError, read_view
from soderort.web.versioning import DataVersion, cache_headers, not_modified

CSP = "Content-Security-Policy"
# Answers kept in memory: pages are about 100 KB, images about 100 KB.
CACHED_ANSWERS = 64


def robots_txt(base_path: str) -> str:
    """Return what crawlers may read.

    The dashboard's front door, the light map and its images (a view as a page of its own) and
    their files; not Streamlit's internals, the downloads or the components.
    """
    allowed = ("/$", f"/{PAGE_PATH}", f"/{PREVIEW_PATH}", "/app/static/")
    lines = ["User-agent: *", *(f"Allow: {base_path}{path}" for path in allowed)]
    return "\n".join([*lines, f"Disallow: {base_path}/", ""])


_log = logging.getLogger(__name__)


class _Answers:
    """The last `CACHED_ANSWERS` answers, by key; each made once even when asked for at once."""

    def __init__(self) -> None:
        self._items: OrderedDict[tuple[object, ...], tuple[bytes, str]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[object, ...], make: Callable[[], bytes]) -> tuple[bytes, str]:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
            body = make()
            tag = hashlib.sha256(body).hexdigest()[:32]
            self._items[key] = (body, tag)
            while len(self._items) > CACHED_ANSWERS:
                self._items.popitem(last=False)
            return body, tag


_answers = _Answers()


def _origin(request: Request) -> str:
    # The published address's origin (the preview tags must name it), else the one asked for.
    parts = urlsplit(public_site_url() or "")
    if parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return f"{request.url.scheme}://{request.url.netloc}"


def _language(request: Request) -> str:
    wanted = request.query_params.get(viewstate.QP_LANGUAGE, "").strip().lower()
    return wanted if wanted in LANGUAGES else DEFAULT_LANGUAGE


def read_light_view(request: Request, data: PlanData) -> LightView:
    """Read a light map's address: the dashboard's view, its colouring and `embed`.

    Raises
    ------
    QueryError
        Naming every parameter value that cannot be used, as `/data/` does.
    """
    items = request.query_params.multi_items()
    notices: list[viewstate.Notice] = []
    try:
        view = read_view(
            request.url.query, items, data, ignored=(*viewstate.PAGE_QUERY_KEYS, QP_EMBED)
        )
    except QueryError as problem:
        # Named together with the light map's own parameters' problems, below.
        notices.extend(problem.notices)
        view = None
    own = {viewstate.QP_COLOUR: viewstate.COLOUR_MODES, QP_EMBED: ("0", "1")}
    for param, allowed in own.items():
        values = [value for key, value in items if key == param]
        notices.extend(
            viewstate.Notice(param, value, viewstate.REASON_REPEATED) for value in values[1:]
        )
        if values and values[0] not in allowed:
            notices.append(viewstate.Notice(param, values[0], viewstate.REASON_UNKNOWN_VALUE))
    if notices or view is None:
        raise QueryError(tuple(notices), _language(request))
    colour = request.query_params.get(viewstate.QP_COLOUR, viewstate.DEFAULT_COLOUR)
    return LightView(view=view, colour_by=colour, embed=request.query_params.get(QP_EMBED) == "1")


def _bad_request(problem: QueryError, addresses: PageAddresses) -> Response:
    """Answer 400 with a page naming each parameter that cannot be used."""
    language = problem.language
    title = escape(t("light.bad_address", language))
    items = "".join(
        f"<li><code>{escape(item['parameter'])}={escape(item['value'])}</code>: "
        f"{escape(item['message'])}</li>"
        for item in problem.body()["parameters"]
    )
    link = escape(addresses.path(PAGE_PATH))
    body = (
        f'<!DOCTYPE html>\n<html lang="{language}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title></head><body><main><h1>{title}</h1><ul>{items}</ul>"
        f'<p><a href="{link}">{escape(t("map.title", language))}</a></p></main></body></html>'
    )
    return HTMLResponse(body, status_code=400)


def _unavailable(problem: DataError, language: str) -> Response:
    _log.error("light map: the data cannot be read: %s", problem)
    text = escape(t("data.unavailable", language))
    body = (
        f'<!DOCTYPE html>\n<html lang="{language}"><head><meta charset="utf-8">'
        f"<title>{text}</title></head><body><main><h1>{text}</h1></main></body></html>"
    )
    return HTMLResponse(body, status_code=503, headers={"Retry-After": "30"})


def _answer(
    request: Request, body: bytes, tag: str, version: DataVersion, media_type: str, **extra: str
) -> Response:
    # The answer's own version: its bytes' hash (the page changes with the code and the
    # settings too, not only with the data), dated by the data.
    own = DataVersion(tag, version.modified)
    headers = {**cache_headers(own), **extra}
    if not_modified(request.headers, own):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=media_type, headers=headers)


def _tiles() -> assets.TileConfig | None:
    try:
        return assets.tile_config()
    except assets.TileConfigError as problem:
        _log.warning("light map: no tiles: %s", problem)
        return None


def light_routes(base_path: str) -> list[Route]:
    """Return the light map's routes under the app's base path ("" or e.g. "/soderort")."""

    async def page(request: Request) -> Response:
        addresses = PageAddresses(base=base_path, origin=_origin(request))
        try:
            data, version = await run_in_threadpool(current_plan)
            light = read_light_view(request, data)
        except DataError as problem:
            return _unavailable(problem, _language(request))
        except QueryError as problem:
            return _bad_request(problem, addresses)
        tiles = _tiles()
        key = ("page", version.tag, repr(light), addresses, repr(tiles))

        def make() -> bytes:
            return render_page(data, light, addresses, tiles).encode("utf-8")

        body, tag = await run_in_threadpool(_answers.get, key, make)
        policy = framing.light_map_policy()
        return _answer(request, body, tag, version, "text/html; charset=utf-8", **{CSP: policy})

    async def preview(request: Request) -> Response:
        addresses = PageAddresses(base=base_path, origin=_origin(request))
        try:
            data, version = await run_in_threadpool(current_plan)
            view = read_light_view(request, data).view
        except DataError as problem:
            return _unavailable(problem, _language(request))
        except QueryError as problem:
            return _bad_request(problem, addresses)
        key = ("image", version.tag, repr(view))

        def make() -> bytes:
            return render_map_png(
                data,
                filter_initiatives(data, view.filters),
                place_id=view.place,
                width_px=PREVIEW_WIDTH_PX,
                height_px=PREVIEW_HEIGHT_PX,
                language=view.language,
            )

        body, tag = await run_in_threadpool(_answers.get, key, make)
        return _answer(request, body, tag, version, "image/png")

    async def robots(_request: Request) -> Response:
        return PlainTextResponse(
            robots_txt(base_path), headers={"Cache-Control": "public, max-age=86400"}
        )

    return [
        Route(f"{base_path}/{PAGE_PATH}", page, methods=["GET", "HEAD"]),
        Route(f"{base_path}/{PREVIEW_PATH}", preview, methods=["GET", "HEAD"]),
        Route(f"{base_path}/robots.txt", robots, methods=["GET", "HEAD"]),
    ]
