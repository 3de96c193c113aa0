"""Print and export for the room: the report PDF, a sheet per place and the map as one HTML file.

Shared by the export page and the presentation page. Every file is made when the user clicks
(a deferred download), so a page never waits for a PDF nobody asked for, and cached by plain
values: the filters as a tuple, the language, the day and the data files' modification times.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from urllib.parse import urlsplit

import streamlit as st

from soderort import assets, inert, mapping, paths, viewstate
from soderort.describe import describe_filters
from soderort.exports import export_filename
from soderort.filters import FilterState, count_by_place, filter_initiatives
from soderort.i18n import t
from soderort.loading import PlanData
from soderort.report import build_place_pdf, build_report_pdf, render_map_png
from ui import app_path
from ui.data import data_file_mtimes

PDF_MIME = "application/pdf"
HTML_MIME = "text/html"

FilterKey = tuple[object, ...]
Mtimes = tuple[tuple[str, int | None], ...]


def filter_key(filters: FilterState) -> FilterKey:
    """The filters as a tuple of plain values: a cache key that `filters_from_key` reverses."""
    return dataclasses.astuple(filters)


def filters_from_key(key: FilterKey) -> FilterState:
    """Rebuild the filters from `filter_key`'s tuple."""
    return FilterState(*key)  # type: ignore[arg-type]


# The data object is passed along but not hashed (leading underscore); the files' modification
# times stand for it in the key, so an edited data file gives new files.
@st.cache_data(show_spinner=False, max_entries=16)
def report_pdf(
    key: FilterKey, language: str, printed: str, mtimes: Mtimes, _data: PlanData
) -> bytes:
    """The report of the filtered view, with the rendered map on its cover."""
    filters = filters_from_key(key)
    initiatives = filter_initiatives(_data, filters)
    png = render_map_png(_data, initiatives, language=language)
    return build_report_pdf(
        _data,
        initiatives,
        describe_filters(filters, _data, language),
        map_png=png,
        language=language,
        printed=dt.date.fromisoformat(printed),
    )


@st.cache_data(show_spinner=False, max_entries=32)
def place_pdf(key: FilterKey, place: str, language: str, mtimes: Mtimes, _data: PlanData) -> bytes:
    """One place's sheet, its map framed on the place."""
    initiatives = filter_initiatives(_data, filters_from_key(key))
    png = render_map_png(_data, initiatives, place_id=place, language=language)
    return build_place_pdf(_data, place, initiatives, map_png=png, language=language)


@st.cache_data(show_spinner=False, max_entries=16)
def map_html(
    key: FilterKey, language: str, place_url: str, mtimes: Mtimes, _data: PlanData
) -> bytes:
    """The map of the filtered view as one HTML file with Leaflet inlined."""
    filters = filters_from_key(key)
    initiatives = filter_initiatives(_data, filters)
    try:
        tiles = assets.tile_config()
    except assets.TileConfigError:
        tiles = None  # the map page reports the setting; the file works without a background
    layers = mapping.build_map_layers(
        _data,
        initiatives,
        language=language,
        tiles=tiles,
        place_url=place_url,
        link_params=viewstate.encode_query(
            viewstate.ViewState(filters=filters, language=language), _data
        ),
    )
    return mapping.standalone_html(_data, layers).encode("utf-8")


def place_page_url() -> str:
    """The place page's absolute address, so that links in a downloaded file lead to the app.

    A file opened from disk would resolve "/omrade" to file:///omrade; with the app's own
    address a reader who is online gets to the place page.
    """
    path = app_path(viewstate.PLACE_PAGE_PATH)
    try:
        parts = urlsplit(str(st.context.url or ""))
    except Exception:  # noqa: BLE001 - no request context (a test): fall back to the path
        parts = None
    if parts and parts.scheme in ("http", "https") and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}{path}"
    return path


def _deferred(make: Callable[..., bytes], *args: object) -> Callable[[], bytes]:
    # The download button runs this on its own thread when clicked.
    return lambda: make(*args)


def render_export_panel(
    data: PlanData, filters: FilterState, language: str, *, key_prefix: str = ""
) -> None:
    """Draw the three downloads for the filtered view: report, place sheet, map as HTML.

    Parameters
    ----------
    data : PlanData
        The loaded plan.
    filters : FilterState
        The current filters.
    language : str
        Interface language; the initiative texts stay Swedish.
    key_prefix : str
        Prefixed to every widget key, so that the panel can sit on two pages.
    """
    key = filter_key(filters)
    mtimes = data_file_mtimes(paths.GEODATA_DIR)
    today = dt.date.today()
    initiatives = filter_initiatives(data, filters)

    st.subheader(t("export.report.heading", language))
    st.markdown(t("export.report.text", language))
    st.download_button(
        t("export.report.button", language),
        data=_deferred(report_pdf, key, language, today.isoformat(), mtimes, data),
        file_name=export_filename("soderort-2030-rapport", "pdf", today),
        mime=PDF_MIME,
        key=key_prefix + viewstate.SS_EXPORT_REPORT,
        on_click="ignore",
        icon=":material/picture_as_pdf:",
        type="primary",
    )

    st.subheader(t("export.place.heading", language))
    st.markdown(t("export.place.text", language))
    counts = count_by_place(data, initiatives)
    places = list(data.place_order)
    default = next((p for p in places if counts.get(p)), places[0])
    place = st.selectbox(
        t("export.place.select", language),
        options=places,
        index=places.index(default),
        # Options are plain text, but a right-to-left name would turn the count around.
        format_func=lambda p: t(
            "export.place.option",
            language,
            place=inert.isolate(data.place_name(p, language)),
            count=counts[p],
        ),
        key=key_prefix + viewstate.SS_EXPORT_PLACE,
    )
    place = place if place in places else default
    place_name = inert.markdown(data.place_name(place, language))
    st.download_button(
        t("export.place.button", language, place=place_name),
        data=_deferred(place_pdf, key, place, language, mtimes, data),
        file_name=export_filename(f"soderort-2030-{place}", "pdf", today),
        mime=PDF_MIME,
        key=key_prefix + viewstate.SS_EXPORT_PLACE_PDF,
        on_click="ignore",
        icon=":material/picture_as_pdf:",
    )

    st.subheader(t("export.html.heading", language))
    st.markdown(t("export.html.text", language))
    st.download_button(
        t("export.html.button", language),
        data=_deferred(map_html, key, language, place_page_url(), mtimes, data),
        file_name=export_filename("soderort-2030-karta", "html", today),
        mime=HTML_MIME,
        key=key_prefix + viewstate.SS_EXPORT_HTML,
        on_click="ignore",
        icon=":material/map:",
    )
    st.caption(t("export.preparing", language))


def filters_markdown(data: PlanData, filters: FilterState, language: str) -> str:
    """The filters in words as a Markdown list (escaped), or a line saying there are none."""
    lines = describe_filters(filters, data, language)
    if not lines:
        return t("export.no_filters", language)
    return "\n".join(f"- {inert.markdown(line)}" for line in lines)
