"""Söderort 2030: the server. `streamlit run app.py` (or `uvicorn app:app`) serves the dashboard
script and, beside Streamlit's own routes, the app's."""

import streamlit as st
from starlette.middleware import Middleware
from starlette.routing import Mount, Route
from streamlit import config

from soderort import health, paths
from soderort.downloads import download_route
from soderort.viewstate import PRESENTATION_PAGE_PATH
from soderort.web.dashboard_head import (
    FIRST_PAINT_CSS,
    PRESENTATION_FRAME_CSS,
    DashboardHead,
)
from soderort.web.framing import FrameGuard
from soderort.web.light_page import PageAddresses
from soderort.web.light_routes import light_routes
from soderort.web.routes import data_routes
from soderort.web.static_files import AppStaticFiles
from ui.script_error import show_script_error

# Streamlit puts its own routes under server.baseUrlPath (e.g. "soderort"); the app's follow it.
_base_url_path = config.get_option("server.baseUrlPath").strip("/")
BASE_PATH = f"/{_base_url_path}" if _base_url_path else ""
# The addresses of the app's static files, as Streamlit's page links them (path only).
STATIC = PageAddresses(BASE_PATH, origin="")

routes = [
    # The app's own front-end files (static/: vendored Leaflet, the favicon). Streamlit's static
    # serving would look for them beside the dashboard script, in ui/dashboard/static.
    Mount(f"{BASE_PATH}/app/static", app=AppStaticFiles(directory=paths.STATIC_DIR), name="static"),
    # What the app serves and what it refused, for monitoring (soderort.published).
    Route(f"{BASE_PATH}{health.HEALTH_PATH}", health.healthz, name="health"),
    # The downloads, made by plain Python and keyed by the view (not Streamlit's media store).
    Route(
        f"{BASE_PATH}{download_route.DOWNLOAD_PATH}/{{kind}}",
        download_route.download,
        name="download",
    ),
    # The plan as open data: read-only, CORS-open, cached by version (soderort.web).
    *data_routes(BASE_PATH),
    # The light map of any view (`/karta.html`), its preview image, and robots.txt.
    *light_routes(BASE_PATH),
]

app = st.App(
    paths.DASHBOARD_SCRIPT,
    routes=routes,
    # No other site may frame the dashboard (clickjacking); the light map says who may frame it.
    middleware=[
        Middleware(FrameGuard),
        # Streamlit's page with the app's language, title and description, and still while it loads.
        Middleware(
            DashboardHead,
            css_href=STATIC.static(FIRST_PAINT_CSS),
            page_css_hrefs={
                PRESENTATION_PAGE_PATH: STATIC.static(PRESENTATION_FRAME_CSS),
            },
        ),
    ],
    # An error the script did not expect: the app's own words, the traceback in the server's log.
    on_script_error=show_script_error,
)
