"""Söderort 2030: the server. `streamlit run app.py` (or `uvicorn app:app`) serves the dashboard
script and, beside Streamlit's own routes, the app's."""

import streamlit as st
from starlette.middleware import Middleware
from starlette.routing import Mount
from streamlit import config

from soderort import paths
from soderort.web.framing import FrameGuard
from soderort.web.light_routes import light_routes
from soderort.web.routes import data_routes
from soderort.web.static_files import AppStaticFiles

# Streamlit puts its own routes under server.baseUrlPath (e.g. "soderort"); the app's follow it.
_base_url_path = config.get_option("server.baseUrlPath").strip("/")
BASE_PATH = f"/{_base_url_path}" if _base_url_path else ""

routes = [
    # The app's own front-end files (static/: vendored Leaflet, the favicon). Streamlit's static
    # serving would look for them beside the dashboard script, in ui/dashboard/static.
    Mount(f"{BASE_PATH}/app/static", app=AppStaticFiles(directory=paths.STATIC_DIR), name="static"),
    # The plan as open data: read-only, CORS-open, cached by version (soderort.web).
    *data_routes(BASE_PATH),
    # The light map of any view (`/karta.html`), its preview image, and robots.txt.
    *light_routes(BASE_PATH),
]

# No other site may frame the dashboard (clickjacking); the light map says who may frame it.
app = st.App(paths.DASHBOARD_SCRIPT, routes=routes, middleware=[Middleware(FrameGuard)])
