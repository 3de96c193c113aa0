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
from soderort.public_url import public_site_url
from soderort.render.spreadsheet_files import export_filename
from soderort.viewstate import ABOUT_PAGE_PATH, ViewState
from soderort.web import feed, geo, tables
from soderort.web.feed import FeedLinks
from soderort.web.plan import current_plan
from soderort.web.query import QueryError, read_view
from soderort.web.versioning import DataVersion, cache_headers, not_modified

DATA_PREFIX = "/data"
METHODS = ["GET", "HEAD"]
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag, Last-Modified, Content-Disposition, Link",
}
JSON_MIME = "application/json"
EXPORT_STEM = "soderort-2030-initiativ"


@dataclass(frozen=True)
class Answer:
    """What a format's writer is given: the plan, the query's view and its initiatives."""

    data: PlanData
    version: DataVersion
    view: ViewState
    initiatives: list[Initiative]
    query: str
    links: FeedLinks


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


def _prepare(request: Request, base_path: str) -> Answer:
    data, version = current_plan()
    view = read_view(request.url.query, request.query_params.multi_items(), data)
    # The published address where one is set (the feed's ids then stay the same whatever host
    # name a reader used), else the address the request came to.
    site = public_site_url() or str(request.base_url).rstrip("/") + base_path
    path_and_query = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    links = FeedLinks(site + path_and_query.removeprefix(base_path), site)
    initiatives = chosen_initiatives(data, view)
    return Answer(data, version, view, initiatives, request.url.query, links)


def endpoint(fmt: Format, base_path: str = "") -> Callable[[Request], object]:
    """Return the handler of one format's address (under Streamlit's base path, if any)."""

    async def handle(request: Request) -> Response:
        try:
            answer = await run_in_threadpool(_prepare, request, base_path)
        except QueryError as err:
            return _json_error(400, err.body())
        except DataError as err:
            body = {"error": t("data.unavailable", "sv"), "files": err.files}
            return _json_error(503, body)
        headers = {**CORS_HEADERS, **cache_headers(answer.version)}
        if not_modified(request.headers, answer.version):
            return Response(status_code=304, headers=headers)
        body = await run_in_threadpool(fmt.write, answer)
        headers["Content-Disposition"] = _disposition(fmt, answer.version)
        # Every format names its licence and source: most in the file, all in this header (the
        # CSV only here, its columns being the Table page's).
        about = f"{answer.links.site_url}/{ABOUT_PAGE_PATH}"
        headers["Link"] = f'<{about}>; rel="license", <{about}>; rel="describedby"'
        return Response(body, media_type=fmt.media_type, headers=headers)

    return handle


def _json(answer: Answer) -> bytes:
    return tables.initiatives_json(
        answer.data, answer.initiatives, answer.view.language, answer.query
    )


def _csv(answer: Answer) -> bytes:
    return tables.initiatives_csv(answer.data, answer.initiatives, answer.view.language)


def _geojson(answer: Answer) -> bytes:
    return geo.initiatives_geojson(answer.data, answer.initiatives, answer.view.language)


def _kml(answer: Answer) -> bytes:
    return geo.initiatives_kml(answer.data, answer.initiatives, answer.view.language)


def _places(answer: Answer) -> bytes:
    return geo.places_geojson(answer.data, answer.initiatives, answer.view.language)


def _atom(answer: Answer) -> bytes:
    return feed.followups_atom(
        answer.data,
        answer.initiatives,
        answer.view.language,
        answer.links,
        answer.version.modified,
    )


GEOJSON_MIME = "application/geo+json"
KML_MIME = "application/vnd.google-earth.kml+xml"
ATOM_MIME = "application/atom+xml"
FORMATS: tuple[Format, ...] = (
    Format("initiatives.geojson", GEOJSON_MIME, EXPORT_STEM, "geojson", _geojson),
    Format("initiatives.kml", KML_MIME, EXPORT_STEM, "kml", _kml),
    Format("initiatives.csv", "text/csv; charset=utf-8", EXPORT_STEM, "csv", _csv),
    Format("initiatives.json", JSON_MIME, EXPORT_STEM, "json", _json, attachment=False),
    Format("places.geojson", GEOJSON_MIME, "soderort-2030-platser", "geojson", _places),
    Format(
        "followups.atom", ATOM_MIME, "soderort-2030-uppfoljning", "atom", _atom, attachment=False
    ),
)


def data_routes(base_path: str = "") -> list[Route]:
    """Return the routes of every format under ``{base_path}/data/``.

    Parameters
    ----------
    base_path : str
        Streamlit's server.baseUrlPath as ``/name`` (or empty): the data follows the app.
    """
    return [
        Route(f"{base_path}{DATA_PREFIX}/{fmt.path}", endpoint(fmt, base_path), methods=METHODS)
        for fmt in FORMATS
    ]
