"""Söderort 2030: the Streamlit script, the frame every page shares and its navigation.

app.py serves it (`streamlit run app.py`). It lives in a folder of its own, away from the top-level
`pages/`: Streamlit runs a main script with a `pages/` folder beside it in its legacy pages-folder
mode until `st.navigation` is first called, and the first visitor after a start then saw "Page not
found" over a deep link and lost their first search. The pages are named by their full paths.
"""

import streamlit as st

from soderort import heap, paths, viewstate
from soderort.i18n import t
from ui import view
from ui.data import get_plan_data, plan_key
from ui.interface import apply_interface
from ui.maps import preload_map_files
from ui.sidebar import render_page_notices, render_sidebar

# A local file: a Material icon here makes the browser fetch it from fonts.gstatic.com.
st.set_page_config(
    page_title="Söderort 2030", page_icon=str(paths.STATIC_DIR / "favicon.png"), layout="wide"
)

# The pages whose view is the URL's on every run: the presentation hides the sidebar, whose
# widgets would otherwise be sent and drawn again on every slide step.
URL_VIEW_PATHS = frozenset({"presentation"})

# The address, read once for the run: everything else reads the view (`ui.view`).
view.read_url()
data = get_plan_data(notify=True)
# The sidebar's widgets hold its language; before they are drawn, the address does.
language = view.current_language()

# Titles follow the language switch; url_path stays Swedish and fixed, so links keep working.
pages = [
    st.Page(
        paths.PAGES_DIR / "map.py",
        title=t("page.map", language),
        icon=":material/map:",
        default=True,
        url_path="karta",
    ),
    st.Page(
        paths.PAGES_DIR / "table.py",
        title=t("page.table", language),
        icon=":material/table_view:",
        url_path="tabell",
    ),
    st.Page(
        paths.PAGES_DIR / "timeline.py",
        title=t("page.timeline", language),
        icon=":material/timeline:",
        url_path="tidslinje",
    ),
    st.Page(
        viewstate.PLACE_PAGE_SCRIPT,
        title=t("page.places", language),
        icon=":material/location_on:",
        url_path=viewstate.PLACE_PAGE_PATH,
    ),
    st.Page(
        paths.PAGES_DIR / "presentation.py",
        title=t("page.presentation", language),
        icon=":material/slideshow:",
        url_path=viewstate.PRESENTATION_PAGE_PATH,
    ),
    st.Page(
        paths.PAGES_DIR / "export.py",
        title=t("page.export", language),
        icon=":material/print:",
        url_path="exportera",
    ),
    st.Page(
        paths.PAGES_DIR / "about.py",
        title=t("page.about", language),
        icon=":material/info:",
        url_path=viewstate.ABOUT_PAGE_PATH,
    ),
    st.Page(
        paths.PAGES_DIR / "accessibility.py",
        title=t("page.accessibility", language),
        icon=":material/accessibility:",
        url_path="tillganglighet",
    ),
]
view.keep_url_on_page_switch(data)
page = st.navigation(pages)
# Map first: on a session's first run of a page with a map, the page draws the address's view
# without the sidebar, whose widgets' code the browser would load before showing anything. The
# sidebar comes in the run after the map reports that it is drawn (`ui.maps.MapDrawn`).
first_pass = view.decide_map_first(page.url_path, data)
if first_pass or page.url_path in URL_VIEW_PATHS:
    # What the sidebar puts into the page (the address's notices) comes here too, so that the
    # page's elements keep their places.
    render_page_notices(view.use_address_view(data), view.current_language())
    language = view.current_language()
else:
    language = render_sidebar(data).language
with st.sidebar:
    if first_pass:
        preload_map_files()
    apply_interface(language)
try:
    page.run()
finally:
    # The one writer of the URL, after the page: a place it selected joins the same update, and a
    # page that stops or reruns early still leaves a link to what is on screen. A first pass
    # leaves the link as it came: the full run reads it, and reports what it could not use.
    if not first_pass:
        view.write_url(data)
        # After a complete run, the process holds what it keeps: left out of the collector's
        # full passes from now on (see `soderort.heap`).
        heap.freeze_long_lived(plan_key(data))
