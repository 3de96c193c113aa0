"""The export page's map data: the filtered view as GeoJSON, KML and GeoPackage, and its address
under /data/ for a GIS or a web page to read directly.

The files come from the same writers as /data/ (`soderort.web.geo`), cached per plan, filters
and language like the other exports (`ui.data.cache_per_plan`).
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlencode, urlsplit

import streamlit as st
from streamlit import config

from soderort import viewstate
from soderort.filters import filter_initiatives
from soderort.i18n import t
from soderort.loading import PlanData
from soderort.public_url import public_site_url
from soderort.render.spreadsheet_files import export_filename
from soderort.web import geo
from soderort.web.routes import DATA_PREFIX, EXPORT_STEM, GEOJSON_MIME, KML_MIME
from ui.data import cache_per_plan
from ui.exporting import FilterKey, filter_key, filters_from_key

GPKG_MIME = "application/geopackage+sqlite3"
# A host name or address with an optional port: what an address shown to copy may hold.
_HOST = re.compile(r"[A-Za-z0-9.-]+(:[0-9]{1,5})?|\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?")
# The writers by file type: the format's name, the writer, its media type and the download's key.
WRITERS = {
    "geojson": ("GeoJSON", geo.initiatives_geojson, GEOJSON_MIME, viewstate.SS_EXPORT_GEOJSON),
    "kml": ("KML", geo.initiatives_kml, KML_MIME, viewstate.SS_EXPORT_KML),
    "gpkg": ("GeoPackage", geo.initiatives_gpkg, GPKG_MIME, viewstate.SS_EXPORT_GPKG),
}


@cache_per_plan(max_entries=16)
def gis_file(data: PlanData, key: FilterKey, language: str, suffix: str) -> bytes:
    """The filtered initiatives as a GIS file: one feature per initiative and place."""
    write = WRITERS[suffix][1]
    return write(data, filter_initiatives(data, filters_from_key(key)), language)


def site_url() -> str:
    """The dashboard's address as the reader reached it (or the published one, if set).

    The host comes from the request: anything but a host name and port is left out (the address
    is shown as code, where no escape works), and the address is then the path alone.
    """
    published = public_site_url()
    if published is not None:
        return published
    parts = urlsplit(st.context.url or "")
    base_path = config.get_option("server.baseUrlPath").strip("/")
    plain_host = parts.scheme in ("http", "https") and _HOST.fullmatch(parts.netloc)
    origin = f"{parts.scheme}://{parts.netloc}" if plain_host else ""
    return origin + (f"/{base_path}" if base_path else "")


def data_address(data: PlanData, view: viewstate.ViewState, file: str) -> str:
    """The /data/ address of the view's initiatives in one format: the filters and language."""
    query = viewstate.encode_query(
        viewstate.ViewState(filters=view.filters, language=view.language), data
    )
    address = f"{site_url()}{DATA_PREFIX}/{file}"
    return f"{address}?{urlencode(query)}" if query else address


def render_map_data(data: PlanData, view: viewstate.ViewState) -> None:
    """Draw the downloads of the filtered view as map data and its /data/ address to copy."""
    language = view.language
    key = filter_key(view.filters)
    today = dt.date.today()
    st.subheader(t("export.gis.heading", language))
    st.markdown(t("export.gis.text", language))
    columns = st.columns(len(WRITERS))
    for column, (suffix, (name, _, mime, widget_key)) in zip(columns, WRITERS.items(), strict=True):
        with column:
            st.download_button(
                t("export.gis.button", language, format=name),
                data=lambda suffix=suffix: gis_file(data, key, language, suffix),
                file_name=export_filename(EXPORT_STEM, suffix, today),
                mime=mime,
                key=widget_key,
                on_click="ignore",
                icon=":material/download:",
            )
    st.markdown(t("export.gis.address", language))
    st.code(data_address(data, view, "initiatives.geojson"), language=None, wrap_lines=True)
