"""Tidslinje: the matching initiatives on a time line, and those with no stated time beneath."""

import streamlit as st

from soderort import inert, viewstate
from soderort.filters import filter_initiatives
from soderort.followup import status_on, undated_entries
from soderort.i18n import status_label, t, timeline_colour_label
from soderort.render.timeline_chart import build_timeline_figure, chart_config
from soderort.render.timeline_rows import unknown_time
from ui.cards import field_markdown, places_markdown
from ui.data import get_plan_data
from ui.filter_line import render_filter_line
from ui.view import current_view

COLOUR_MODES = ("theme", "committee")
# The headings on the left take some 250 px; on a phone the rows would be left a sliver. Below this
# width the chart keeps it and scrolls sideways instead.
CHART_MIN_WIDTH_PX = 720
# On a phone the chart opens at its left end, where the rows are named; the marks are a swipe to
# the right, and a tapped mark's box is scrolled into view (`ui.interface`).
CHART_CSS = f"""<style>
.st-key-{viewstate.TIMELINE_SCROLL_KEY} {{ overflow-x: auto; }}
.st-key-{viewstate.TIMELINE_CHART_KEY} {{ min-width: {CHART_MIN_WIDTH_PX}px; }}
</style>"""

data = get_plan_data()
view = current_view()
language = view.language

st.title(t("timeline.title", language))
st.caption(t("timeline.caption", language))

initiatives = filter_initiatives(data, view.filters)
render_filter_line(data, view)
# Kept for the session: a reader who chose committees expects them again after visiting the map.
# The last value is also the default, for a page drawn before the front end has sent it back.
colour_default = st.session_state.get(viewstate.SS_TIMELINE_COLOUR_BY)
colour_by = st.segmented_control(
    t("timeline.colour_by", language),
    options=list(COLOUR_MODES),
    format_func=lambda mode: timeline_colour_label(mode, language),
    default=colour_default if colour_default in COLOUR_MODES else COLOUR_MODES[0],
    required=True,
    key=viewstate.SS_TIMELINE_COLOUR_BY,
    persist_state="session",
)
if not initiatives:
    st.warning(t("results.no_match", language))
else:
    st.html(CHART_CSS)
    figure = build_timeline_figure(data, initiatives, colour_by or COLOUR_MODES[0], language)
    with st.container(key=viewstate.TIMELINE_SCROLL_KEY):
        st.plotly_chart(
            figure,
            theme=None,
            width="stretch",
            key=viewstate.TIMELINE_CHART_KEY,
            config=chart_config(language),
        )

undated = undated_entries(data, initiatives)
if undated:
    # Their sources give no date, so the chart has no mark for them: they are said under it.
    st.caption(
        "  \n".join(
            [
                t("timeline.undated_follow_up", language),
                *(
                    f"**{field_markdown(item, 'rubrik', language)}**: "
                    f"{inert.markdown(status_on(entry, language))}"
                    for item, entry in undated
                ),
            ]
        )
    )

unknown = unknown_time(data, initiatives)
st.subheader(t("timeline.unknown.heading", language, count=len(unknown)))
if unknown:
    st.markdown(t("timeline.unknown.text", language))
    lines = []
    for item in unknown:
        status = status_label(item.timeline.status, language)
        line = (
            f"- **{field_markdown(item, 'rubrik', language)}** – "
            f"{places_markdown(data, item, language)} · {status}"
        )
        if item.tidplan.strip():
            # Through the one reading mark: a second reading of the text shows after it.
            tidplan = field_markdown(item, "tidplan", language)
            line += "  \n  " + t("timeline.unknown.tidplan", language, text=tidplan)
        lines.append(line)
    st.markdown("\n".join(lines))
elif initiatives:
    st.caption(t("timeline.unknown.none", language))
