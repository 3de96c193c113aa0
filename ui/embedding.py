"""The light map's addresses in the dashboard: the link to share and the snippet to embed.

The light map (`/karta.html`, `soderort.web.light_page`) shows a view without Streamlit: a
politician's phone draws it in a fraction of the dashboard's time, and another site can frame
it. The dashboard hands out its address where a reader is sent on (the map page's and the place
page's link to share, the export page's snippet); staff keep the dashboard's own address in the
address bar.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

import streamlit as st

from soderort import inert, viewstate
from soderort.facts import count_with_undated
from soderort.filters import filter_initiatives
from soderort.i18n import t
from soderort.loading import PlanData
from soderort.public_url import public_site_url
from soderort.web.light_page import PAGE_PATH, QP_EMBED, LightView
from ui import app_path
from ui.view import page_state

# The snippet's frame: as wide as the city's column, tall enough for the map and its legend.
EMBED_HEIGHT_PX = 480
PREVIEW_HEIGHT_PX = 420
# The link to share: the address whole, broken anywhere on a narrow screen.
SHARE_LINK_CLASS = "sod-share-link"
SHARE_LINK_CSS = f"""<style>
.{SHARE_LINK_CLASS} {{ overflow-wrap: anywhere; margin: 0; font-size: 0.9rem; }}
</style>"""


def _site_origin() -> str:
    """The published address's origin, else the one the reader's browser used."""
    for address in (public_site_url() or "", st.context.url or ""):
        parts = urlsplit(address)
        if parts.scheme in ("http", "https") and parts.netloc:
            return f"{parts.scheme}://{parts.netloc}"
    return ""


def light_map_path(
    data: PlanData, view: viewstate.ViewState, colour_by: str, *, embed: bool
) -> str:
    """The light map's path and query (under the app's base path) for a view."""
    light = LightView(view=view, colour_by=colour_by, embed=embed)
    query = light.query(data)
    path = app_path(PAGE_PATH)
    return f"{path}?{urlencode(query)}" if query else path


def render_share_link(
    data: PlanData, view: viewstate.ViewState, colour_by: str = viewstate.DEFAULT_COLOUR
) -> None:
    """Show the light map's address of the view as the page's map colours it, to copy."""
    address = _site_origin() + light_map_path(data, view, colour_by, embed=False)
    st.caption(t("share.caption", view.language))
    # A link, not st.code: a code block loads Streamlit's syntax highlighter, whose half second
    # of script held the sidebar's filters back on every open of the map page. The link's text
    # is the address as it is, to select and copy.
    escaped = inert.html(address)
    st.html(f'{SHARE_LINK_CSS}<p class="{SHARE_LINK_CLASS}"><a href="{escaped}">{escaped}</a></p>')


def render_embed_panel(data: PlanData, view: viewstate.ViewState) -> None:
    """Show the snippet that embeds the view's light map in another page, and a preview."""
    language = view.language
    colour_by = page_state().colour  # the map page's colouring, as the reader left it
    initiatives = filter_initiatives(data, view.filters)
    count = count_with_undated(view.filters, initiatives, len(data.initiatives), language)
    title = t("embed.frame_title", language, count=count)
    src = _site_origin() + light_map_path(data, view, colour_by, embed=True)
    snippet = (
        f'<iframe src="{inert.html(src)}" title="{inert.html(title)}" width="100%" '
        f'height="{EMBED_HEIGHT_PX}" style="border:0" loading="lazy"></iframe>'
    )
    st.subheader(t("embed.heading", language))
    st.markdown(t("embed.text", language, parameter=f"`{QP_EMBED}=1`"))
    st.code(snippet, language="html", wrap_lines=True)
    st.caption(t("embed.preview", language))
    st.iframe(
        light_map_path(data, view, colour_by, embed=True), height=PREVIEW_HEIGHT_PX, alt=title
    )
