"""The files a reader downloads, made by plain Python and keyed by the view they show.

Served by the app's own route (`download_route`), not Streamlit's per-session media
store, which under a crowd lost deferred PDFs ("Deferred file … not found") while the page
said the file was on its way. A file is made once per plan version, view and day, whoever asks:
callers of the same file wait for the first one's build, and at most `MAX_BUILDS` files of
different views are built at once (a PDF's map takes a core for about a second).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import astuple, dataclass

from soderort import assets, exports, viewstate
from soderort.describe import describe_filters, document_source
from soderort.facts import count_by_place, count_with_undated
from soderort.filters import FilterState, filter_initiatives
from soderort.i18n import format_date, t
from soderort.livemap import map_view
from soderort.loading import PlanData
from soderort.public_url import public_site_url
from soderort.render import map_file, spreadsheet_files
from soderort.render.handout_pdf import build_handout_pdf
from soderort.render.place_pdf import build_place_pdf
from soderort.render.print_map import render_map_png
from soderort.render.report_pdf import build_report_pdf
from soderort.viewstate import ViewState

PDF_MIME = "application/pdf"
CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HTML_MIME = "text/html"
# Files kept, whatever their kind; a report PDF is about 0.3 MB.
MAX_KEPT = 48
# Files of different views built at once; others wait (the machine has two cores).
MAX_BUILDS = 2


@dataclass(frozen=True)
class Download:
    """A file ready to send."""

    content: bytes
    mime: str
    file_name: str


def default_place(data: PlanData, view: ViewState) -> str:
    """Return the place a place sheet shows: the view's, else the first with initiatives."""
    if view.place in data.places.index:
        return str(view.place)
    counts = count_by_place(data, filter_initiatives(data, view.filters))
    places = list(data.place_order)
    return next((p for p in places if counts.get(p)), places[0])


def report_pdf(data: PlanData, filters: FilterState, language: str, printed: dt.date) -> bytes:
    """Make the report of the filtered view, with the rendered map on its cover."""
    initiatives = filter_initiatives(data, filters)
    png = render_map_png(data, initiatives, language=language)
    return build_report_pdf(
        data,
        initiatives,
        describe_filters(filters, data, language),
        map_png=png,
        language=language,
        printed=printed,
    )


def place_pdf(data: PlanData, filters: FilterState, place: str, language: str) -> bytes:
    """Make one place's sheet, its map framed on the place."""
    initiatives = filter_initiatives(data, filters)
    png = render_map_png(data, initiatives, place_id=place, language=language)
    return build_place_pdf(
        data,
        place,
        initiatives,
        map_png=png,
        language=language,
        filters_description=describe_filters(filters, data, language),
    )


def handout_pdf(
    data: PlanData, filters: FilterState, language: str, size: str, printed: dt.date
) -> bytes:
    """Make the one-page handout of the filtered view, in "A4" or "A3"."""
    initiatives = filter_initiatives(data, filters)
    png = render_map_png(data, initiatives, language=language)
    return build_handout_pdf(
        data,
        initiatives,
        describe_filters(filters, data, language),
        map_png=png,
        language=language,
        size=size,
        printed=printed,
    )


def public_place_url() -> str | None:
    """Return the place page at the published address (`PUBLIC_URL_ENV`), or None if unset."""
    base = public_site_url()
    return None if base is None else f"{base}/{viewstate.PLACE_PAGE_PATH}"


def map_html(
    data: PlanData, filters: FilterState, language: str, exported: dt.date, place_url: str | None
) -> bytes:
    """Make the map of the filtered view as one HTML file with Leaflet inlined.

    Drawn with the live maps' layers (`livemap.map_view`); it carries its title, the source, the
    filters and the day it was made, and its popups link to `place_url` (None: no link).
    """
    initiatives = filter_initiatives(data, filters)
    try:
        tiles = assets.tile_config()
    except assets.TileConfigError:
        # The page reports a broken basemap setting; the file is drawn without a background.
        tiles = None
    view = viewstate.ViewState(filters=filters, language=language)
    layers = map_view.view_map(data, initiatives, view, tiles=tiles, place_url=place_url)
    count = count_with_undated(filters, initiatives, len(data.initiatives), language)
    source = document_source(data, language)
    lines = [
        source,
        *(describe_filters(filters, data, language) or [t("export.no_filters", language)]),
        t("export.html.exported", language, date=format_date(exported, language)),
    ]
    if place_url is None:
        lines.append(t("export.html.links_off", language))
    title = t("export.html.title", language, count=count)
    return map_file.standalone_html(data, layers, title=title, lines=lines).encode("utf-8")


# A file name names at most this many characters of its filters; a longer list ends in "-m-fl".
FILTERS_IN_NAME_CHARS = 60


def _named(stem: str, data: PlanData, view: ViewState) -> str:
    """Add the view's filters to a file's stem, as its link names them (ids, ASCII).

    A filtered file and the whole plan's are then told apart by name:
    "soderort-2030-rapport-exploateringsnamnden". A switch ("lead=1", "unknown=0") is named
    by its key.
    """
    query = viewstate.encode_query(ViewState(filters=view.filters), data)
    switches = (viewstate.QP_LEAD, viewstate.QP_UNKNOWN)
    values = [key if key in switches else value.replace(",", "-") for key, value in query.items()]
    if not values:
        return stem
    named = "-".join(values)
    if len(named) > FILTERS_IN_NAME_CHARS:
        named = named[:FILTERS_IN_NAME_CHARS].rstrip("-") + "-m-fl"
    return f"{stem}-{named}"


def _report(data: PlanData, view: ViewState, today: dt.date) -> Download:
    content = report_pdf(data, view.filters, view.language, today)
    name = spreadsheet_files.export_filename(
        _named("soderort-2030-rapport", data, view), "pdf", today
    )
    return Download(content, PDF_MIME, name)


def _place(data: PlanData, view: ViewState, today: dt.date) -> Download:
    place = default_place(data, view)
    content = place_pdf(data, view.filters, place, view.language)
    name = spreadsheet_files.export_filename(
        _named(f"soderort-2030-{place}", data, view), "pdf", today
    )
    return Download(content, PDF_MIME, name)


def _handout(size: str) -> Callable[[PlanData, ViewState, dt.date], Download]:
    def make_handout(data: PlanData, view: ViewState, today: dt.date) -> Download:
        content = handout_pdf(data, view.filters, view.language, size, today)
        name = spreadsheet_files.export_filename(
            f"soderort-2030-oversikt-{size.lower()}", "pdf", today
        )
        return Download(content, PDF_MIME, name)

    return make_handout


def _table(data: PlanData, view: ViewState) -> object:
    return exports.initiatives_table(data, filter_initiatives(data, view.filters), view.language)


def _csv(data: PlanData, view: ViewState, today: dt.date) -> Download:
    content = spreadsheet_files.to_csv_bytes(_table(data, view))
    name = spreadsheet_files.export_filename(
        _named("soderort-2030-initiativ", data, view), "csv", today
    )
    return Download(content, CSV_MIME, name)


def _xlsx(data: PlanData, view: ViewState, today: dt.date) -> Download:
    content = spreadsheet_files.to_xlsx_bytes(_table(data, view))
    name = spreadsheet_files.export_filename(
        _named("soderort-2030-initiativ", data, view), "xlsx", today
    )
    return Download(content, XLSX_MIME, name)


def _map(data: PlanData, view: ViewState, today: dt.date) -> Download:
    content = map_html(data, view.filters, view.language, today, public_place_url())
    name = spreadsheet_files.export_filename(
        _named("soderort-2030-karta", data, view), "html", today
    )
    return Download(content, HTML_MIME, name)


# The route's last path segment: what the file is.
KINDS: dict[str, Callable[[PlanData, ViewState, dt.date], Download]] = {
    "rapport.pdf": _report,
    "plats.pdf": _place,
    "oversikt-a4.pdf": _handout("A4"),
    "oversikt-a3.pdf": _handout("A3"),
    "initiativ.csv": _csv,
    "initiativ.xlsx": _xlsx,
    "karta.html": _map,
}

_KEPT: OrderedDict[tuple[object, ...], Download] = OrderedDict()
_LOCKS: dict[tuple[object, ...], threading.Lock] = {}
_GUARD = threading.Lock()
_BUILDS = threading.BoundedSemaphore(MAX_BUILDS)


def make(
    kind: str, data: PlanData, version: object, view: ViewState, today: dt.date | None = None
) -> Download:
    """Return the file of one kind for a view, made once per plan version, view and day.

    Parameters
    ----------
    kind : str
        One of `KINDS`.
    data : PlanData
        The published plan.
    version : object
        What tells this plan from others (its files' contents); part of the key.
    view : ViewState
        The filters, the place (for a place sheet) and the language.
    today : datetime.date, optional
        The day printed on the file and in its name; today when None.
    """
    day = today or dt.date.today()
    place = default_place(data, view) if kind == "plats.pdf" else None
    # The published address is in the HTML map's links.
    links = public_place_url() if kind == "karta.html" else None
    key = (kind, version, astuple(view.filters), place, view.language, day.isoformat(), links)
    with _GUARD:
        lock = _LOCKS.setdefault(key, threading.Lock())
    with lock:
        with _GUARD:
            kept = _KEPT.get(key)
            if kept is not None:
                _KEPT.move_to_end(key)
                return kept
        with _BUILDS:
            built = KINDS[kind](data, ViewState(view.filters, place, view.language), day)
        with _GUARD:
            _KEPT[key] = built
            while len(_KEPT) > MAX_KEPT:
                _LOCKS.pop(_KEPT.popitem(last=False)[0], None)
    return built
