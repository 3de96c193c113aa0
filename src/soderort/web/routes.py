"""The routes under ``/data/``: each reads the query, checks the version, and writes one format.

Every answer (also a 304, a 400 or a 503) carries ``Access-Control-Allow-Origin: *``: the data
is public, read-only and needs no cookie, so any web page may fetch it. The app's own endpoints
outside ``/data/`` keep Streamlit's same-origin rules. Only GET and HEAD are routed; Starlette
answers anything else with 405 and an Allow header.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from soderort.errors import DataError
from soderort.facts import place_initiatives
from soderort.filters import filter_initiatives
from soderort.i18n import t
from soderort.loading import PlanData
from soderort.model import Initiative
from soderort.render.spreadsheet_files import export_filename
from soderort.viewstate import ViewState
from soderort.web import tables
from soderort.web.plan import current_plan
from soderort.web.query import QueryError, read_view
from soderort.web.versioning import DataVersion, cache_headers, not_modified

DATA_PREFIX = "/data"
METHODS = ["GET", "HEAD"]
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag, Last-Modified, Content-Disposition",
}
JSON_MIME = "application/json"
EXPORT_STEM = "soderort-2030-initiativ"


@dataclass(frozen=True)
class Answer:
    """What a format's writer is given: the plan, the query's view and its initiatives."""

    data: PlanData
    view: ViewState
    initiatives: list[Initiative]
    query: str


@dataclass(frozen=True)
class Format:
    """One format at one address: its media type, file name and writer."""

    path: str
    media_type: str
    stem: str
    suffix: str
    write: Callable[[Answer], bytes]
    # Attachment: a browser saves the file (GIS and spreadsheet formats); inline: it shows it.
    attachment: bool = True


def chosen_initiatives(data: PlanData, view: ViewState) -> list[Initiative]:
    """Return the initiatives a view shows: the filters' (the Table page's), on its place if any.

    A place narrows as on the place page: the filtered initiatives that name it.
    """
    initiatives = filter_initiatives(data, view.filters)
    if view.place is not None:
        return place_initiatives(initiatives, view.place)
    return initiatives


def _json_error(status: int, body: dict[str, object]) -> Response:
    return Response(
        tables.json_bytes(body),
        status_code=status,
        media_type=JSON_MIME,
        headers={**CORS_HEADERS, "Cache-Control": "no-store"},
    )


def _disposition(fmt: Format, version: DataVersion) -> str:
    # Named by the data's day, not today's: the same version gives the same bytes and ETag.
    name = export_filename(fmt.stem, fmt.suffix, today=version.modified.date())
    return f'{"attachment" if fmt.attachment else "inline"}; filename="{name}"'


def _prepare(request: Request) -> tuple[DataVersion, Answer]:
    data, version = current_plan()
    view = read_view(request.url.query, request.query_params.multi_items(), data)
    return version, Answer(data, view, chosen_initiatives(data, view), request.url.query)


def endpoint(fmt: Format) -> Callable[[Request], object]:
    """Return the handler of one format's address."""

    async def handle(request: Request) -> Response:
        try:
            version, answer = await run_in_threadpool(_prepare, request)
        except QueryError as err:
            return _json_error(400, err.body())
        except DataError as err:
            body = {"error": t("data.unavailable", "sv"), "files": err.files}
            return _json_error(503, body)
        headers = {**CORS_HEADERS, **cache_headers(version)}
        if not_modified(request.headers, version):
            return Response(status_code=304, headers=headers)
        body = await run_in_threadpool(fmt.write, answer)
        headers["Content-Disposition"] = _disposition(fmt, version)
        return Response(body, media_type=fmt.media_type, headers=headers)

    return handle


def _json(answer: Answer) -> bytes:
    return tables.initiatives_json(
        answer.data, answer.initiatives, answer.view.language, answer.query
    )


def _csv(answer: Answer) -> bytes:
    return tables.initiatives_csv(answer.data, answer.initiatives, answer.view.language)


FORMATS: tuple[Format, ...] = (
    Format("initiatives.json", JSON_MIME, EXPORT_STEM, "json", _json, attachment=False),
    Format("initiatives.csv", "text/csv; charset=utf-8", EXPORT_STEM, "csv", _csv),
)


def data_routes(base_path: str = "") -> list[Route]:
    """Return the routes of every format under ``{base_path}/data/``.

    Parameters
    ----------
    base_path : str
        Streamlit's server.baseUrlPath as ``/name`` (or empty): the data follows the app.
    """
    return [
        Route(f"{base_path}{DATA_PREFIX}/{fmt.path}", endpoint(fmt), methods=METHODS)
        for fmt in FORMATS
    ]
