"""Where the app reaches into Streamlit's own page: each ``data-testid`` it styles or finds.

Streamlit 1.67 has no setting, theme option or widget parameter for these (checked against its
`config.toml` options, ``st.set_page_config``, ``st.navigation`` and the widgets' parameters):
the app's own elements are styled through their ``st-key-…`` classes, which Streamlit documents;
what is left is Streamlit's own chrome, reached through the test ids its front end renders.
`tests/unit/test_streamlit_dom.py` fails when code uses a test id not listed here, when one listed
here is no longer used, and when Streamlit's version changes (the ids are not a public API: check
each against the new version, then update `CHECKED_STREAMLIT_VERSION`).
"""

from __future__ import annotations

CHECKED_STREAMLIT_VERSION = "1.67.0"

TEST_IDS: dict[str, str] = {
    "stSidebarNavLink": (
        "ui/interface.py: a visible keyboard focus ring and a bar on the current page in the "
        "sidebar's page menu (WCAG 2.4.7); static/js/page/interface.js: a page chosen in the "
        "menu on a phone closes the menu, which Streamlit does only for a browser that names "
        "itself a phone"
    ),
    "stSidebarCollapseButton": (
        "static/js/page/interface.js: the button that closes the sidebar on a phone (above)"
    ),
    "stTableStyledTable": (
        "ui/interface.py: a phone's static tables share the screen's width and break long "
        "words, rather than scroll sideways where a keyboard cannot reach (WCAG 1.4.10)"
    ),
    "stLayoutWrapper": (
        "first-paint.css: the hidden notice of a too-long address (ui/query_limit.py) takes no "
        "room in the page, also while Streamlit loads the code that draws it; nor does an empty "
        "container (the filter line with no filter chosen); pages/presentation.py: on a phone "
        "the filter line under the map is lifted above it, onto the first screen"
    ),
    "stVerticalBlock": "first-paint.css: an empty container's block, which takes no room (above)",
    "stAppViewContainer": (
        "first-paint.css: the sidebar's room is held from the first paint, until the sidebar "
        "itself stands there (Streamlit brings it with the script's first messages); "
        "presentation-frame.css: no room held for the presentation, which has no sidebar"
    ),
    "stMain": "first-paint.css, presentation-frame.css: the main column whose room is held (above)",
    "stSidebar": (
        "presentation-frame.css: the presentation has no sidebar (the room sees slides); "
        "first-paint.css: the room is held until it stands there"
    ),
    "stSidebarCollapsedControl": "presentation-frame.css: nor the control that opens it",
    "stExpandSidebarButton": "presentation-frame.css: nor the button that opens it",
    "stHeader": "presentation-frame.css: nor Streamlit's header bar",
    "stMainBlockContainer": (
        "presentation-frame.css: the slide takes the full width of the room; first-paint.css: "
        "the wide layout's column from the first paint (set_page_config's layout comes later)"
    ),
}
