"""The line of chosen filters on a page: each in words, each a button that removes it.

A shared link opens filtered while the sidebar, where the filters are chosen, is closed (on a
phone and in the presentation, always): the line says on the page itself what is left out.
"""

from __future__ import annotations

import streamlit as st

from soderort import inert, palette
from soderort.describe import removable_filters
from soderort.i18n import t
from soderort.loading import PlanData
from soderort.viewstate import FILTER_LINE_KEY, ViewState
from ui.view import set_filters

# The "✕" on each button is drawn by the style sheet with an empty text alternative
# (`content: "✕" / ""`), so that a screen reader names the button by its filter alone.
_CSS = f"""<style>
.st-key-{FILTER_LINE_KEY} {{ row-gap: 0.25rem; }}
.st-key-{FILTER_LINE_KEY} p {{ margin: 0; }}
.st-key-{FILTER_LINE_KEY} button {{ min-height: 2.25rem; padding: 0.1rem 0.7rem;
  border-radius: 1.2rem; border-color: {palette.FOCUS_COLOUR}; color: {palette.FOCUS_COLOUR}; }}
.st-key-{FILTER_LINE_KEY} button p::before {{ content: "✕ " / ""; font-weight: 700; }}
</style>"""


def render_filter_line(data: PlanData, view: ViewState) -> None:
    """Draw the view's filters as removable buttons; an empty line when nothing is filtered.

    The line is on the page either way, so that the elements after it (a map) keep their
    places when a filter is chosen or removed: a map moved in the page is drawn anew.
    """
    removable = removable_filters(view.filters, data, view.language)
    line = st.container(
        key=FILTER_LINE_KEY, horizontal=True, vertical_alignment="center", gap="small"
    )
    if not removable:
        return
    with line:
        st.html(_CSS)
        st.markdown(t("filters.line", view.language))
        for index, item in enumerate(removable):
            st.button(
                # A search's words come from the address: shown as typed, never as Markdown.
                inert.markdown(item.label),
                key=f"{FILTER_LINE_KEY}_{index}",
                help=t("filters.remove", view.language),
                on_click=set_filters,
                args=(item.without, data),
            )
