"""Print and export for the room: the report PDF, a sheet per place and the map as one HTML file.

Shared by the export page, the place page and the presentation page. The PDFs are links to the
app's download route (`soderort.download_route`), made when the link is followed, by any tab or
replica, and never lost with a session's media files; the page says nothing is on its way, the
browser's own download does. The HTML map is a deferred download made when clicked. The
builders here are cached with `ui.data.cache_per_plan` for the pages and tools that want bytes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import streamlit as st

from soderort import download_files, download_route, inert, palette, viewstate
from soderort.describe import describe_filters
from soderort.facts import count_by_place, count_with_undated
from soderort.filters import FilterState, filter_initiatives
from soderort.i18n import format_date, t
from soderort.loading import PlanData
from soderort.public_url import public_site_url
from soderort.render import map_file
from soderort.render.spreadsheet_files import export_filename
from ui import app_path
from ui.data import cache_per_plan
from ui.maps import view_map_layers

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
    """The report of the filtered view (`soderort.download_files.report_pdf`)."""
    return download_files.report_pdf(
        data, filters_from_key(key), language, dt.date.fromisoformat(printed)
    )


@cache_per_plan(max_entries=32)
def place_pdf(data: PlanData, key: FilterKey, place: str, language: str) -> bytes:
    """One place's sheet (`soderort.download_files.place_pdf`)."""
    return download_files.place_pdf(data, filters_from_key(key), place, language)


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


# A link styled as Streamlit's buttons: `download` makes the browser save the file in place,
# where a link button would open a tab for it first.
_DOWNLOAD_CSS = f"""<style>
a.soderort-download {{
  display: inline-flex; align-items: center; min-height: 2.5rem; padding: 0.25rem 0.75rem;
  border: 1px solid {palette.RULE_COLOUR}; border-radius: 0.5rem; text-decoration: none;
  color: {palette.TEXT_COLOUR}; background: {palette.WHITE};
}}
a.soderort-download:hover {{ border-color: {palette.FOCUS_COLOUR}; color: {palette.FOCUS_COLOUR}; }}
a.soderort-download:focus-visible {{
  outline: 2px solid {palette.FOCUS_COLOUR}; outline-offset: 2px;
}}
a.soderort-download.primary {{
  background: {palette.FOCUS_COLOUR}; border-color: {palette.FOCUS_COLOUR}; color: {palette.WHITE};
}}
</style>"""


def download_link(
    label: str,
    kind: str,
    view: viewstate.ViewState,
    data: PlanData,
    *,
    key: str,
    primary: bool = False,
) -> None:
    """A link, looking like a button, to one file of the view on the app's download route.

    `label` is plain text (escaped here for HTML); `key` is the link's element id.
    """
    url = download_route.download_url(app_path().rstrip("/"), kind, view, data)
    text = inert.html(label)
    kind_class = "soderort-download primary" if primary else "soderort-download"
    st.html(
        f'{_DOWNLOAD_CSS}<a id="{inert.html(key)}" class="{kind_class}" '
        f'href="{inert.html(url)}" download>{text}</a>'
    )


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
    download_link(
        t("export.report.button", language),
        "rapport.pdf",
        viewstate.ViewState(filters=filters, language=language),
        data,
        key=key_prefix + viewstate.SS_EXPORT_REPORT,
        primary=True,
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
    # Plain text: the link escapes it for HTML.
    place_name = data.place_name(place, language)
    download_link(
        t("export.place.button", language, place=place_name),
        "plats.pdf",
        viewstate.ViewState(filters=filters, place=place, language=language),
        data,
        key=key_prefix + viewstate.SS_EXPORT_PLACE_PDF,
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
