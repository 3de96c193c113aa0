"""Print and export for the room: the report PDF, a sheet per place and the map as one HTML file.

Shared by the export page, the place page and the presentation page. Every file is made when the
user clicks (a deferred download), so a page never waits for a PDF nobody asked for, and cached
with `ui.data.cache_per_plan`: keyed by the loaded plan (its folder and files' times), the
filters as a tuple, the language and the day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

import streamlit as st

from soderort import inert, viewstate
from soderort.describe import describe_filters
from soderort.facts import count_by_place, count_with_undated
from soderort.filters import FilterState, filter_initiatives
from soderort.i18n import format_date, t
from soderort.loading import PlanData
from soderort.public_url import public_site_url
from soderort.render import map_file
from soderort.render.place_pdf import build_place_pdf
from soderort.render.print_map import render_map_png
from soderort.render.report_pdf import build_report_pdf
from soderort.render.spreadsheet_files import export_filename
from ui.data import cache_per_plan
from ui.maps import view_map_layers

PDF_MIME = "application/pdf"
HTML_MIME = "text/html"

FilterKey = tuple[object, ...]


def filter_key(filters: FilterState) -> FilterKey:
    """The filters as a tuple of plain values: a cache key that `filters_from_key` reverses."""
    return dataclasses.astuple(filters)


def filters_from_key(key: FilterKey) -> FilterState:
    """Rebuild the filters from `filter_key`'s tuple."""
    return FilterState(*key)  # type: ignore[arg-type]


@cache_per_plan(max_entries=16)
def report_pdf(data: PlanData, key: FilterKey, language: str, printed: str) -> bytes:
    """The report of the filtered view, with the rendered map on its cover."""
    filters = filters_from_key(key)
    initiatives = filter_initiatives(data, filters)
    png = render_map_png(data, initiatives, language=language)
    return build_report_pdf(
        data,
        initiatives,
        describe_filters(filters, data, language),
        map_png=png,
        language=language,
        printed=dt.date.fromisoformat(printed),
    )


@cache_per_plan(max_entries=32)
def place_pdf(data: PlanData, key: FilterKey, place: str, language: str) -> bytes:
    """One place's sheet, its map framed on the place."""
    initiatives = filter_initiatives(data, filters_from_key(key))
    png = render_map_png(data, initiatives, place_id=place, language=language)
    return build_place_pdf(data, place, initiatives, map_png=png, language=language)


def public_place_url() -> str | None:
    """The place page at the published address (`PUBLIC_URL_ENV`), or None when none is set."""
    base = public_site_url()
    return None if base is None else f"{base}/{viewstate.PLACE_PAGE_PATH}"


@cache_per_plan(max_entries=16)
def map_html(
    data: PlanData, key: FilterKey, language: str, exported: str, place_url: str | None
) -> bytes:
    """The map of the filtered view as one HTML file with Leaflet inlined.

    Built with the map page's own layers; it carries its title, the source, the filters and the
    day it was made, and its popups link to `place_url` (None: no link).
    """
    filters = filters_from_key(key)
    initiatives = filter_initiatives(data, filters)
    view = viewstate.ViewState(filters=filters, language=language)
    layers = view_map_layers(data, initiatives, view, place_url=place_url, report_problems=False)
    count = count_with_undated(filters, initiatives, len(data.initiatives), language)
    document = data.document
    source = t(
        "report.footer_source",
        language,
        title=document.title,
        publisher=document.publisher,
        date=format_date(document.date, language),
        status=document.status,
    )
    lines = [
        source,
        *(describe_filters(filters, data, language) or [t("export.no_filters", language)]),
        t(
            "export.html.exported",
            language,
            date=format_date(dt.date.fromisoformat(exported), language),
        ),
    ]
    if place_url is None:
        lines.append(t("export.html.links_off", language))
    title = t("export.html.title", language, count=count)
    return map_file.standalone_html(data, layers, title=title, lines=lines).encode("utf-8")


def _deferred(make: Callable[..., bytes], *args: object) -> Callable[[], bytes]:
    # The download button runs this on its own thread when clicked.
    return lambda: make(*args)


def pdf_download(
    label: str,
    make: Callable[..., bytes],
    args: tuple[object, ...],
    language: str,
    **button: Any,
) -> None:
    """A PDF's download button that says "Skapar PDF …" under it until the file is made.

    The click starts the build on the download's own thread and reruns the page. That run
    asks the cache for the same file: it waits for the build the click started (the cache
    makes one file per key, whoever asks) and meanwhile shows a running status.
    """
    clicked = st.download_button(
        label, data=_deferred(make, *args), mime=PDF_MIME, on_click="rerun", **button
    )
    if clicked:
        with st.status(t("export.pdf.making", language)) as status:
            make(*args)
            status.update(label=t("export.pdf.ready", language), state="complete")


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
    today = dt.date.today()
    initiatives = filter_initiatives(data, filters)

    st.subheader(t("export.report.heading", language))
    st.markdown(t("export.report.text", language))
    pdf_download(
        t("export.report.button", language),
        report_pdf,
        (data, key, language, today.isoformat()),
        language,
        file_name=export_filename("soderort-2030-rapport", "pdf", today),
        key=key_prefix + viewstate.SS_EXPORT_REPORT,
        icon=":material/picture_as_pdf:",
        type="primary",
    )

    st.subheader(t("export.place.heading", language))
    st.markdown(t("export.place.text", language))
    counts = count_by_place(data, initiatives)
    places = list(data.place_order)
    default = next((p for p in places if counts.get(p)), places[0])
    place = st.selectbox(
        t("common.place", language),
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
    pdf_download(
        t("export.place.button", language, place=place_name),
        place_pdf,
        (data, key, place, language),
        language,
        file_name=export_filename(f"soderort-2030-{place}", "pdf", today),
        key=key_prefix + viewstate.SS_EXPORT_PLACE_PDF,
        icon=":material/picture_as_pdf:",
    )

    st.subheader(t("export.html.heading", language))
    st.markdown(t("export.html.text", language))
    st.download_button(
        t("export.html.button", language),
        data=_deferred(map_html, data, key, language, today.isoformat(), public_place_url()),
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
