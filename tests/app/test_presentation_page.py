"""Presentation mode in the running app: slides from the URL, stepping, the map's view, notices."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from soderort.livemap.presentation import KIND_PLACE, Slide, build_slides, slide_view
from soderort.viewstate import (
    EXPORT_PANEL_PREFIX_PRESENTATION,
    SS_EXPORT_HANDOUT_A3,
    SS_EXPORT_HANDOUT_A4,
    SS_EXPORT_HTML,
    SS_EXPORT_PLACE_PDF,
    SS_EXPORT_REPORT,
    SS_PRESENTATION_EXPORT,
    SS_SLIDE_NEXT,
    SS_SLIDE_PREVIOUS,
)
from tests.app.conftest import link_buttons, open_app, run, unescape

PAGE = "pages/presentation.py"
COUNTER = re.compile(r"^<span[^>]*>(?:Bild|Slide) (\d+) (?:av|of) (\d+)</span>$")


def open_presentation(**params: str) -> AppTest:
    return open_app(PAGE, params)


def counter(at: AppTest) -> tuple[int, int]:
    for markdown in at.markdown:
        match = COUNTER.match(markdown.value)
        if match:
            return int(match[1]), int(match[2])
    raise AssertionError("no slide counter on the page")


def headings(at: AppTest, level: str) -> list[str]:
    """The slide's headings of one level ("#", "##", "###"), unescaped."""
    prefix = level + " "
    return [
        unescape(m.value[len(prefix) :]).split(" <span")[0]
        for m in at.markdown
        if m.value.startswith(prefix)
    ]


def param(at: AppTest, key: str) -> str | None:
    value = at.query_params.get(key)
    return value[0] if isinstance(value, list) else value


def slide_param(at: AppTest) -> str | None:
    return param(at, "slide")


@pytest.mark.parametrize(
    ("language", "next_label", "previous_label", "title"),
    [("sv", "Nästa", "Föregående", "Bild"), ("en", "Next", "Previous", "Slide")],
)
def test_opens_on_the_title_slide_in_both_languages(
    st_folium, plan_data, language, next_label, previous_label, title
) -> None:
    at = open_presentation(lang=language)
    assert headings(at, "#") == [plan_data.document.title]
    assert counter(at) == (1, len(build_slides(plan_data, plan_data.initiatives)))
    assert at.button(key=SS_SLIDE_NEXT).label == next_label
    assert at.button(key=SS_SLIDE_PREVIOUS).label == previous_label
    assert at.button(key=SS_SLIDE_PREVIOUS).disabled
    page_text = " ".join(m.value for m in at.markdown)
    assert "15 april 2010" in page_text or "15 April 2010" in page_text
    assert "arbetsmaterial" in page_text
    assert "19" in page_text
    assert not at.warning


def test_slide_2_is_the_first_place(st_folium, plan_data) -> None:
    at = open_presentation(slide="2")
    first_place = build_slides(plan_data, plan_data.initiatives)[1].place
    assert headings(at, "##") == [plan_data.place_name(first_place, "sv")]
    assert counter(at)[0] == 2
    assert not at.warning


def test_next_and_previous_change_the_slide_and_the_url(st_folium, plan_data) -> None:
    at = open_presentation()
    slides = build_slides(plan_data, plan_data.initiatives)
    at.button(key=SS_SLIDE_NEXT).click()
    run(at)
    assert slide_param(at) == "2" and counter(at)[0] == 2
    at.button(key=SS_SLIDE_NEXT).click()
    run(at)
    assert slide_param(at) == "3" and counter(at)[0] == 3
    # Each initiative on the slide is shown with its heading.
    shown = headings(at, "###")
    assert shown == [plan_data.initiative(i).rubrik for i in slides[2].initiatives]
    at.button(key=SS_SLIDE_PREVIOUS).click()
    run(at)
    assert slide_param(at) == "2" and counter(at)[0] == 2


@pytest.mark.parametrize(("value", "quoted"), [("abc", "abc"), ("99", "99"), ("0", "0")])
def test_a_bad_slide_value_gives_the_title_slide_and_a_notice(
    st_folium, plan_data, value, quoted
) -> None:
    at = open_presentation(slide=value)
    assert headings(at, "#") == [plan_data.document.title]
    assert counter(at)[0] == 1
    assert len(at.warning) == 1
    assert quoted in at.warning[0].value
    # Stepping on from the notice works and clears it.
    at.button(key=SS_SLIDE_NEXT).click()
    run(at)
    assert slide_param(at) == "2" and not at.warning


def test_the_filters_are_honoured(st_folium, plan_data) -> None:
    at = open_presentation(area="hogdalen")
    assert counter(at) == (1, 3)
    assert "1 av 19 initiativ" in " ".join(m.value for m in at.markdown)
    at.button(key=SS_SLIDE_NEXT).click()
    run(at)
    assert headings(at, "##") == ["Högdalens industriområde"]
    assert headings(at, "###") == ["Miljöteknik Högdalen"]
    at.button(key=SS_SLIDE_NEXT).click()
    run(at)
    assert counter(at) == (3, 3)
    assert headings(at, "##") == ["Hela Söderort – översikt"]
    assert at.button(key=SS_SLIDE_NEXT).disabled
    assert param(at, "area") == "hogdalen"


def test_cut_off_text_is_marked(st_folium, plan_data) -> None:
    # Skrubba's expected result is cut off in the source.
    at = open_presentation(area="skrubba", slide="2")
    body = " ".join(m.value for m in at.markdown if "Förväntat resultat" in m.value)
    assert "…" in body


def test_the_map_is_sent_to_the_slides_place(st_folium, plan_data) -> None:
    at = open_presentation(area="hogdalen")
    title_view = slide_view(plan_data, Slide("title"))
    assert st_folium.call_args.kwargs["center"] == list(title_view.center)
    assert st_folium.call_args.kwargs["zoom"] == title_view.zoom
    key = st_folium.call_args.kwargs["key"]
    at.button(key=SS_SLIDE_NEXT).click()
    run(at)
    place_view = slide_view(plan_data, Slide(KIND_PLACE, "hogdalen", ("x",)))
    assert st_folium.call_args.kwargs["center"] == list(place_view.center)
    assert st_folium.call_args.kwargs["zoom"] == place_view.zoom
    # Same key on every slide: the component is updated, not replaced.
    assert st_folium.call_args.kwargs["key"] == key


def test_the_exports_come_when_the_export_panel_is_opened(st_folium) -> None:
    at = open_presentation(area="hogdalen")
    # Closed, the panel is not drawn: a slide step does not send it again.
    assert not at.get("download_button") and not at.get("link_button")
    at.session_state[SS_PRESENTATION_EXPORT] = True
    run(at)
    prefix = EXPORT_PANEL_PREFIX_PRESENTATION
    assert not at.get("download_button")
    assert set(link_buttons(at)) == {
        prefix + SS_EXPORT_REPORT,
        prefix + SS_EXPORT_PLACE_PDF,
        prefix + SS_EXPORT_HANDOUT_A4,
        prefix + SS_EXPORT_HANDOUT_A3,
        prefix + SS_EXPORT_HTML,
    }


def test_the_way_back_keeps_the_filters_and_drops_the_slide(st_folium) -> None:
    at = open_presentation(area="hogdalen", lang="en", slide="2")
    links = [m.value for m in at.markdown if "sod-exit" in m.value]
    assert len(links) == 1
    assert 'href="./?area=hogdalen&amp;lang=en"' in links[0]
    assert "End presentation" in links[0]


def test_a_slide_number_too_large_is_out_of_range_not_a_non_number(st_folium, plan_data) -> None:
    at = open_presentation(slide="999999999")
    assert counter(at)[0] == 1
    [notice] = at.warning
    assert "Bild 999999999 finns inte med de här filtren" in notice.value
    assert "inget nummer" not in notice.value
