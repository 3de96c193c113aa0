"""What every page's frame needs beyond Streamlit: the page's language, visible focus,
Streamlit's own front-end texts in the interface language, and a name and a place in the tab
order for each box that scrolls sideways.

Streamlit 1.67 writes some texts of its own in English whatever the app says: the labels of
its help buttons ("Help for Tidplan"), of the sidebar's buttons, the table's toolbar, the
slider's thumbs, and it declares every page ``<html lang="en">``. It has no setting for them. A
small script in the page (``static/js/page/interface.js``, our own text only, no data) replaces
them with the texts of `soderort.i18n.frontend` and keeps doing so as Streamlit draws; in English
it puts Streamlit's own words back.
"""

from __future__ import annotations

import streamlit as st

from soderort import inert, viewstate
from soderort.i18n import frontend, t
from soderort.palette import FOCUS_COLOUR
from soderort.render import map_scripts

# Narrower than this is a phone: the layout changes for it.
PHONE_MAX_WIDTH_PX = 640
# Keyboard focus is a ring around the element, never a fill: Streamlit shows the focused page
# link with the same tint as the current page, so a keyboard user could not tell them apart.
# The current page gets a bar at its left edge and bold text of its own.
INTERFACE_CSS = f"""<style>
:focus-visible {{ outline: 3px solid {FOCUS_COLOUR} !important; outline-offset: 2px; }}
[data-testid="stSidebarNavLink"]:focus-visible {{ outline-offset: -3px; }}
[data-testid="stSidebarNavLink"]:focus-visible:not([aria-current="page"]) {{
  background-color: transparent;
}}
[data-testid="stSidebarNavLink"][aria-current="page"] {{
  box-shadow: inset 4px 0 0 {FOCUS_COLOUR};
}}
[data-testid="stSidebarNavLink"][aria-current="page"] span {{ font-weight: 600; }}
/* A phone has no room for a table wider than the screen (a region that scrolls sideways is
   also one a keyboard cannot reach): the columns share the width and long words break. */
@media (max-width: {PHONE_MAX_WIDTH_PX}px) {{
  [data-testid="stTableStyledTable"] {{ table-layout: fixed; width: 100%; }}
  [data-testid="stTableStyledTable"] th, [data-testid="stTableStyledTable"] td {{
    overflow-wrap: anywhere; hyphens: auto; padding: 4px 5px;
  }}
  /* The cells' text sits in Streamlit's Markdown blocks, which do not inherit the breaking. */
  [data-testid="stTableStyledTable"] :is(th, td) * {{ overflow-wrap: anywhere !important; }}
}}
</style>"""


def _frontend_texts(language: str) -> dict[str, object]:
    """Streamlit's English texts and their replacements, split by how they are matched, and the
    names of the boxes that scroll sideways."""
    return {
        "language": language,
        "phoneMaxWidth": PHONE_MAX_WIDTH_PX,
        "words": dict(frontend.WORDS),
        "prefixes": list(frontend.PREFIXES.items()),
        "suffixes": list(frontend.SUFFIXES.items()),
        "regions": [
            [f".st-key-{viewstate.TIMELINE_SCROLL_KEY}", t("timeline.scroll_region", language)],
            [
                f".st-key-{viewstate.PLACE_CHART_SCROLL_KEY}",
                t("place.timeline.scroll_region", language),
            ],
        ],
    }


def apply_interface(language: str) -> None:
    """Declare the page's language, show keyboard focus, and put Streamlit's texts in it."""
    st.html(INTERFACE_CSS)
    # The settings are the app's own constant texts (no data, no URL): safe to run as script.
    call = f"window.soderort.interface({inert.script_json(_frontend_texts(language))});"
    st.html(map_scripts.page_script("interface.js", call), unsafe_allow_javascript=True)
