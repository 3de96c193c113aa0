"""Print and export for the room: the report PDF, a sheet per place and the map as one HTML file.

Shared by the export page, the place page and the presentation page. The PDFs are links to the
app's download route (`downloads.download_route`), made when the link is followed, by any tab or
replica, and never lost with a session's media files; the page says nothing is on its way, the
browser's own download does; so is the map as HTML. The PDF builders here are cached with
`ui.data.cache_per_plan` for the pages and tools that want bytes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import streamlit as st

from soderort import inert, palette, viewstate
from soderort.describe import describe_filters
from soderort.downloads import download_files, download_route
from soderort.facts import count_by_place
from soderort.filters import FilterState, filter_initiatives
from soderort.i18n import t
from soderort.loading import PlanData
from ui import app_path
from ui.data import cache_per_plan

FilterKey = tuple[object, ...]


def filter_key(filters: FilterState) -> FilterKey:
    """The filters as a tuple of plain values: a cache key that `filters_from_key` reverses."""
    return dataclasses.astuple(filters)


def filters_from_key(key: FilterKey) -> FilterState:
    """Rebuild the filters from `filter_key`'s tuple."""
    return FilterState(*key)  # type: ignore[arg-type]


@cache_per_plan(max_entries=16)
def report_pdf(data: PlanData, key: FilterKey, language: str, printed: str) -> bytes:
    """The report of the filtered view (`soderort.downloads.download_files.report_pdf`)."""
    return download_files.report_pdf(
        data, filters_from_key(key), language, dt.date.fromisoformat(printed)
    )


@cache_per_plan(max_entries=32)
def place_pdf(data: PlanData, key: FilterKey, place: str, language: str) -> bytes:
    """One place's sheet (`soderort.downloads.download_files.place_pdf`)."""
    return download_files.place_pdf(data, filters_from_key(key), place, language)


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
    data: PlanData,
    filters: FilterState,
    language: str,
    *,
    key_prefix: str = "",
    place: str | None = None,
) -> None:
    """Draw the downloads for the filtered view: report, place sheet, handout, map as HTML.

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
    place : str or None
        The place the sheet is offered for first (the presentation's slide); else the first
        place with matching initiatives.
    """
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
    default = place if place in places else next((p for p in places if counts.get(p)), places[0])
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

    st.subheader(t("export.handout.heading", language))
    st.markdown(t("export.handout.text", language))
    for kind, label, key in (
        (
            "oversikt-a4.pdf",
            t("export.handout.button_a4", language),
            viewstate.SS_EXPORT_HANDOUT_A4,
        ),
        (
            "oversikt-a3.pdf",
            t("export.handout.button_a3", language),
            viewstate.SS_EXPORT_HANDOUT_A3,
        ),
    ):
        download_link(
            label,
            kind,
            viewstate.ViewState(filters=filters, language=language),
            data,
            key=key_prefix + key,
        )

    st.subheader(t("export.html.heading", language))
    st.markdown(t("export.html.text", language))
    download_link(
        t("export.html.button", language),
        "karta.html",
        viewstate.ViewState(filters=filters, language=language),
        data,
        key=key_prefix + viewstate.SS_EXPORT_HTML,
    )
    st.caption(t("export.preparing", language))


def filters_markdown(data: PlanData, filters: FilterState, language: str) -> str:
    """The filters in words as a Markdown list (escaped), or a line saying there are none."""
    lines = describe_filters(filters, data, language)
    if not lines:
        return t("export.no_filters", language)
    return "\n".join(f"- {inert.markdown(line)}" for line in lines)
