"""Presentation: the plan in front of a room, one place per slide, the map moving along.

The sidebar is hidden and the type is large. The slide is in the URL (``?slide=3``, with the
filters), so the planner can prepare the link. → and PageDown go forward, ← and PageUp back
(Streamlit's button shortcuts: they are ignored while typing in a text field). The map is one
component for the whole presentation: a new slide only moves its centre and zoom, so it pans
without reloading.
"""

from urllib.parse import urlencode

import folium
import streamlit as st
from streamlit_folium import st_folium

from soderort import inert, viewstate
from soderort.describe import describe_filters
from soderort.facts import count_by_place, undated_count
from soderort.filters import filter_initiatives
from soderort.i18n import bad_slide_message, column_label, format_date, t
from soderort.livemap import map_behaviour
from soderort.livemap.presentation import (
    KIND_OVERVIEW,
    KIND_PLACE,
    KIND_TITLE,
    MAP_HEIGHT_PX,
    Slide,
    build_slides,
    parse_slide_param,
    slide_param,
    slide_view,
    step,
)
from soderort.readings import reading_notes
from soderort.render.map_css import ROOM_MAP_CSS
from soderort.viewstate import FILTER_LINE_KEY
from soderort.web.dashboard_head import presentation_frame_style
from ui.cards import committees_markdown, field_markdown, follow_up_markdown
from ui.data import get_plan_data
from ui.exporting import render_export_panel
from ui.filter_line import render_filter_line
from ui.maps import show_missing_assets, view_map_layers
from ui.view import choose_slide, current_view, end_first_pass, page_state, take_map_reply

# Container keys, used only as CSS hooks (Streamlit gives a keyed container the class
# "st-key-<key>").
BAR_KEY = "presentation_bar"
SLIDE_KEY = "presentation_slide"
MAP_BOX_KEY = "presentation_map_box"
# The map's frame is the screen's height less the bar above it and the two captions under it;
# each reader's note under the map takes a line more.
MAP_ROOM_ABOVE_BELOW_PX = 190
NOTE_LINE_PX = 26
# The line of chosen filters under a filtered presentation's map.
FILTER_LINE_PX = 48
# "Då och nu" puts the plan and today side by side: smaller type, and more of the width.
THEN_NOW_TEXT_PX = 22
THEN_NOW_CSS = f"""<style>
.st-key-{SLIDE_KEY} p, .st-key-{SLIDE_KEY} li {{ font-size: {THEN_NOW_TEXT_PX}px !important;
  line-height: 1.2; }}
.st-key-{SLIDE_KEY} h2 {{ font-size: 34px; }}
.st-key-{SLIDE_KEY} h3 {{ font-size: 26px; }}
</style>"""
# The map page's url_path (ui/dashboard/main.py). The way back is a plain link to it, which
# reloads the app with the view in the URL: in this app st.page_link and st.switch_page given
# "pages/map.py" lead to /map, which is no page of st.navigation, and the filters are lost on the
# way. The map is the default page, which Streamlit serves at the app's root only ("karta" would be
# "Page not found").
MAP_URL_PATH = "./"

# Each slide button and the key that presses it (as KeyboardEvent.key names it), for the keys
# pressed in the map (see map_behaviour.SlideKeys); the buttons' shortcuts are Streamlit's.
SLIDE_BUTTON_KEYS = {
    viewstate.SS_SLIDE_PREVIOUS: "ArrowLeft",
    viewstate.SS_SLIDE_NEXT: "ArrowRight",
    viewstate.SS_SLIDE_PAGE_UP: "PageUp",
    viewstate.SS_SLIDE_PAGE_DOWN: "PageDown",
}

# The frame (no sidebar, no header, the full width) is static/presentation-frame.css, which the
# server also links into the page when the presentation is the page loaded.
# Type for the back of the room: 28 px body and big headings; smaller on a phone, where the
# same sizes would leave a few words per line.
CSS = f"""
<style>
{presentation_frame_style()}
a.sod-exit {{ color: #00539B; font-weight: 600; text-decoration: none; padding: 0.3rem 0.2rem; }}
a.sod-exit:hover, a.sod-exit:focus-visible {{ text-decoration: underline; }}
.st-key-{viewstate.SS_SLIDE_PAGE_UP}, .st-key-{viewstate.SS_SLIDE_PAGE_DOWN} {{
  display: none !important; }}
.st-key-{SLIDE_KEY} p, .st-key-{SLIDE_KEY} li, .st-key-{SLIDE_KEY} td,
.st-key-{SLIDE_KEY} th {{ font-size: 28px !important; line-height: 1.25; }}
.st-key-{SLIDE_KEY} h1 {{ font-size: 56px; line-height: 1.1; padding-top: 0; }}
.st-key-{SLIDE_KEY} h2 {{ font-size: 40px; line-height: 1.15; padding: 0 0 0.2rem; }}
.st-key-{SLIDE_KEY} h3 {{ font-size: 32px; line-height: 1.2; padding: 0.2rem 0; }}
button.sod-fullscreen {{ font: inherit; font-size: 0.875rem; color: inherit; background: #fff;
  border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem; padding: 0.25rem 0.75rem;
  min-height: 2.5rem; cursor: pointer; }}
button.sod-fullscreen:hover {{ border-color: #00539B; color: #00539B; }}
button.sod-fullscreen:focus-visible {{ outline: 2px solid #00539B; outline-offset: 2px; }}
.st-key-{SLIDE_KEY} .sod-part {{ font-size: 28px; font-weight: 400; color: #4a4a4a; }}
@media (max-width: 640px) {{
  /* One column on a phone: the filter line stands above the map, on the first screen. */
  [data-testid="stLayoutWrapper"]:has(> .st-key-{FILTER_LINE_KEY}) {{ order: -1; }}
  .st-key-{SLIDE_KEY} p, .st-key-{SLIDE_KEY} li, .st-key-{SLIDE_KEY} td,
  .st-key-{SLIDE_KEY} th {{ font-size: 20px !important; }}
  .st-key-{SLIDE_KEY} h1 {{ font-size: 34px; }}
  .st-key-{SLIDE_KEY} h2 {{ font-size: 30px; }}
  .st-key-{SLIDE_KEY} h3 {{ font-size: 24px; }}
  .st-key-{SLIDE_KEY} .sod-part {{ font-size: 20px; }}
}}
</style>
"""

SLIDE_KEY_SELECTORS = inert.script_json(
    {pressed: f".st-key-{key} button" for key, pressed in SLIDE_BUTTON_KEYS.items()}
)

# The whole page in full screen, from the bar's button or the F key (also forwarded from the map,
# see map_behaviour.SlideKeys). Runs once per page load; the listeners check that the
# presentation is on screen, since Streamlit keeps the page when another one is opened.
FULLSCREEN_SCRIPT = f"""
<script>
(function () {{
  if (window.__sodFullscreen) {{ return; }}
  window.__sodFullscreen = true;
  function shown() {{ return !!document.querySelector(".st-key-{BAR_KEY}"); }}
  function toggle() {{
    if (document.fullscreenElement) {{ document.exitFullscreen(); }}
    else {{ document.documentElement.requestFullscreen(); }}
  }}
  document.addEventListener("click", function (event) {{
    if (event.target.closest && event.target.closest("button.sod-fullscreen")) {{ toggle(); }}
  }});
  // Streamlit's shortcuts ignore keys while a form control has the focus: after the "Då och
  // nu" switch is turned, the slide keys press their buttons from it.
  var slideKeys = {SLIDE_KEY_SELECTORS};
  document.addEventListener("keydown", function (event) {{
    var selector = slideKeys[event.key];
    if (selector && event.target.closest
        && event.target.closest(".st-key-{viewstate.SS_THEN_NOW}")) {{
      var button = document.querySelector(selector);
      if (button && !button.disabled) {{
        event.preventDefault();
        button.click();
      }}
    }}
  }});
  document.addEventListener("keydown", function (event) {{
    var typing = event.target.closest
      && event.target.closest("input, textarea, select, [contenteditable]");
    if ((event.key === "f" || event.key === "F") && !event.ctrlKey && !event.metaKey
        && !event.altKey && !typing && shown()) {{
      event.preventDefault();
      toggle();
    }}
  }});
}})();
</script>
"""

data = get_plan_data()
view = current_view()
language = view.language
page = page_state()


def go(delta: int, count: int) -> None:
    """Step from the slide shown; runs before the rerun that draws the new slide."""
    index, _ = parse_slide_param(list(page.slide), count)
    choose_slide(slide_param(step(index, count, delta)))


def exit_href() -> str:
    """The map page with the current filters and language; relative, so a base path is kept."""
    query = urlencode(viewstate.encode_query(view, data))
    return f"{MAP_URL_PATH}?{query}" if query else MAP_URL_PATH


def place_label(slide: Slide) -> str:
    if slide.place:
        return data.place_name(slide.place, language)
    return t("presentation.whole", language)


def draw_title(initiatives: list) -> None:
    document = data.document
    st.markdown(f"# {inert.markdown(document.title)}")
    st.markdown(f"### {inert.markdown(document.section)}")
    st.markdown(
        t(
            "presentation.title.document",
            language,
            publisher=inert.markdown(document.publisher),
            date=format_date(document.date, language),
            status=f"**{inert.markdown(document.status)}**",
        )
    )
    total = len(data.initiatives)
    if view.filters.is_default():
        line = t("presentation.title.all", language, total=total)
    else:
        line = t("presentation.title.matching", language, shown=len(initiatives), total=total)
    undated = undated_count(view.filters, initiatives)
    if undated:
        line += t("count.undated", language, n=undated)
    st.markdown(f"**{line}**")
    lines = describe_filters(view.filters, data, language)
    if lines:
        st.markdown("\n".join(f"- {inert.markdown(line)}" for line in lines))


def draw_place(slide: Slide) -> None:
    name = inert.markdown(place_label(slide))
    part = ""
    if slide.parts > 1:
        part_text = t("presentation.part", language, part=slide.part, parts=slide.parts)
        part = f' <span class="sod-part">({part_text})</span>'
    st.markdown(f"## {name}{part}", unsafe_allow_html=True)
    for initiative_id in slide.initiatives:
        initiative = data.initiative(initiative_id)
        st.markdown(f"### {field_markdown(initiative, 'rubrik', language, notes=True)}")
        rows = []
        # Beside today's word, the plan's promise: its expected result, time and committees.
        fields = ("forvantat_resultat",) if then_now else ("uppdrag", "forvantat_resultat")
        for field in fields:
            if getattr(initiative, field):
                label = column_label(field, language)
                text = field_markdown(initiative, field, language, notes=True)
                rows.append(f"**{label}:** {text}")
        timeline = field_markdown(initiative, "tidplan", language, notes=True) or t(
            "card.no_time", language
        )
        rows.append(f"**{t('column.tidplan', language)}:** {timeline}")
        # The registry's names with their roles, as every other view names them.
        responsible = committees_markdown(data, initiative, language)
        rows.append(f"**{t('common.responsible', language)}:** {responsible}")
        if not then_now:
            st.markdown("  \n".join(rows))
            continue
        # Then and now side by side: the plan's words never mixed with what became of them.
        # Today's latest word, with how many there are: the whole history is the place page's,
        # and would not fit the room's screen.
        then, now = st.columns([2, 3], gap="small", border=True)
        then.markdown("  \n".join([f"**{t('presentation.then', language)}**", *rows]))
        now.markdown(f"**{t('presentation.now', language)}**")
        now.markdown(follow_up_markdown(data, initiative, language))


def draw_overview(initiatives: list) -> None:
    st.markdown(f"## {inert.markdown(t('presentation.overview.heading', language))}")
    counts = count_by_place(data, initiatives)
    head = f"| {t('common.place', language)} | {t('common.initiatives', language)} |\n|:--|--:|"
    rows = [
        f"| {inert.markdown(data.place_name(place, language))} | {counts.get(place, 0)} |"
        for place in data.place_order
    ]
    st.markdown("\n".join([head, *rows]))
    st.markdown(
        t(
            "presentation.overview.total",
            language,
            shown=len(initiatives),
            total=len(data.initiatives),
        )
    )


if show_missing_assets(language):
    end_first_pass(map_shown=False)
    st.stop()

initiatives = filter_initiatives(data, view.filters)
then_now = bool(st.session_state.get(viewstate.SS_THEN_NOW))
slides = build_slides(data, initiatives, areas=view.filters.areas)
count = len(slides)
raw = list(page.slide)
index, problem = parse_slide_param(raw, count)
slide = slides[index]

# The layout is the same on every slide (bar, notice slot, map column, text column): the map
# component keeps its place in the page and is updated, not mounted anew.
notes = [
    note
    for initiative_id in slide.initiatives
    for note in reading_notes(data.initiative(initiative_id), language)
]
# The map takes the screen's height (at least the framing's height, as on a phone). One element
# of style on every slide, so that the map component keeps its place in the page.
map_room = MAP_ROOM_ABOVE_BELOW_PX + NOTE_LINE_PX * len(notes)
if not view.filters.is_default():
    map_room += FILTER_LINE_PX
if then_now:
    # "Då och nu" narrows the map's column: the keys' caption and a reader's note under the map
    # may each take a line more.
    map_room += NOTE_LINE_PX * (1 + len(notes))
map_css = (
    f"<style>.st-key-{MAP_BOX_KEY} iframe {{ height: max({MAP_HEIGHT_PX}px, "
    f"calc(100vh - {map_room}px)) !important; }}</style>"
)
st.html(CSS + map_css + (THEN_NOW_CSS if then_now else ""))
bar = st.container(
    key=BAR_KEY, horizontal=True, vertical_alignment="center", horizontal_alignment="right"
)
with bar:
    st.markdown(
        f'<a href="{inert.html(exit_href())}" target="_self" class="sod-exit">'
        f'<span aria-hidden="true">✕</span> {inert.html(t("presentation.exit", language))}</a>',
        unsafe_allow_html=True,
    )
    # A prepared link may open the presentation in this mode (`then_now=1`).
    then_now = st.toggle(
        t("presentation.then_now", language),
        value=page.then_now,
        key=viewstate.SS_THEN_NOW,
        help=t("presentation.then_now.help", language),
    )
    st.space("stretch")
    # A live region: a screen reader announces the new slide number after each step.
    st.markdown(
        f'<span aria-live="polite" class="sod-counter">'
        f"{t('presentation.counter', language, n=index + 1, total=count)}</span>",
        unsafe_allow_html=True,
    )
    for key, shortcut, delta, icon in (
        (viewstate.SS_SLIDE_PREVIOUS, "Left", -1, ":material/arrow_back:"),
        (viewstate.SS_SLIDE_NEXT, "Right", 1, ":material/arrow_forward:"),
        (viewstate.SS_SLIDE_PAGE_UP, "PageUp", -1, None),
        (viewstate.SS_SLIDE_PAGE_DOWN, "PageDown", 1, None),
    ):
        at_end = index + delta < 0 or index + delta >= count
        st.button(
            t("presentation.previous" if delta < 0 else "presentation.next", language),
            key=key,
            help=t(
                "presentation.previous.help" if delta < 0 else "presentation.next.help", language
            ),
            on_click=go,
            args=(delta, count),
            disabled=at_end,
            icon=icon,
            shortcut=shortcut,
            type="primary" if key == viewstate.SS_SLIDE_NEXT else "secondary",
        )
    fullscreen_help = inert.html(t("presentation.fullscreen.help", language))
    st.html(
        f'<button type="button" class="sod-fullscreen" title="{fullscreen_help}">'
        f"{inert.html(t('common.fullscreen', language))}"
        f"</button>{FULLSCREEN_SCRIPT}",
        width="content",
        unsafe_allow_javascript=True,
    )
    # In the bar, so that the slide keeps the whole screen below it. Its panel is drawn only
    # while it is open: a slide step would otherwise send and draw its twelve elements again.
    export = st.popover(
        t("page.export", language),
        icon=":material/print:",
        key=viewstate.SS_PRESENTATION_EXPORT,
        on_change="rerun",
    )
    if export.open:
        with export:
            render_export_panel(
                data,
                view.filters,
                language,
                key_prefix=viewstate.EXPORT_PANEL_PREFIX_PRESENTATION,
                place=slide.place,
            )

notice = st.container()
if problem:
    # Each sentence uses the placeholders it needs; t() ignores the others.
    value = inert.markdown(str(raw[0])[:20]) if raw else ""
    message = bad_slide_message(problem, language, value=value, total=count)
    notice.warning(message, icon=":material/link_off:")
if not initiatives:
    notice.warning(t("results.no_match", language))

map_column, text_column = st.columns([2, 5] if then_now else [5, 6], gap="large")
with map_column:
    map_view = slide_view(data, slide, shared_place=view.place)
    # Each slide's view, given to st_folium below, frames the map (the title slide's is the
    # link's place).
    layers = view_map_layers(
        data, initiatives, view, frame_place=False, map_key=viewstate.PRESENTATION_MAP_KEY
    )
    map_behaviour.SlideKeys(
        {pressed: f".st-key-{key} button" for key, pressed in SLIDE_BUTTON_KEYS.items()}
    ).add_to(layers.base)
    layers.base.get_root().header.add_child(folium.Element(ROOM_MAP_CSS), name="room_css")
    with st.container(key=MAP_BOX_KEY):
        returned = st_folium(
            layers.base,
            key=viewstate.PRESENTATION_MAP_KEY,
            feature_group_to_add=layers.places,
            center=list(map_view.center),
            zoom=map_view.zoom,
            returned_objects=[],
            use_container_width=True,
            height=MAP_HEIGHT_PX,
        )
    # On a session's first run the page ends here: the slide's text comes in the next run.
    end_first_pass()
    take_map_reply(returned, data)
    st.caption(t("presentation.map_caption", language, place=inert.markdown(place_label(slide))))
    st.caption(t("presentation.keys", language))
    # Under the map, where the column has room: above the slide, its line pushed the overview's
    # text past a projector's height.
    render_filter_line(data, view)

with text_column, st.container(key=SLIDE_KEY):
    if slide.kind == KIND_TITLE:
        draw_title(initiatives)
    elif slide.kind == KIND_PLACE:
        draw_place(slide)
    elif slide.kind == KIND_OVERVIEW:
        draw_overview(initiatives)

if slide.kind == KIND_PLACE:
    # The reader's notes for the marks in the slide's text (not the OCR's letters in the line)
    # stand under the map: in the text they took two lines of the projector's height.
    with map_column:
        for note in notes:
            st.caption(inert.markdown(note))
