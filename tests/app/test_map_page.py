"""The map page in AppTest, with streamlit-folium's component faked.

The component needs a browser, so `streamlit_folium.st_folium` is replaced by a mock: its return
value plays the user's click, and the map object the page hands it is rendered to check what the
user would see (the legend lives in the base map's HTML).
"""

from __future__ import annotations

import re
from unittest.mock import MagicMock

import folium
import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from benchmarks.synthetic import generate_data_folder
from soderort import inert
from soderort.facts import group_by_place
from soderort.filters import MAP_LIST_CARD_LIMIT
from soderort.livemap.map_reply import RETURNED_OBJECTS
from soderort.loading import load_plan_data
from soderort.paths import DATA_DIR_ENV
from soderort.readings import shown_text
from soderort.viewstate import (
    SS_CLEAR_PLACE,
    SS_COLOUR_BY,
    SS_FILTER_TEXT,
    SS_LANGUAGE,
)
from tests.app.conftest import card_headings, click_on, open_list_sections, run


def section_labels(at: AppTest) -> list[str]:
    """The list's sections when no place is selected: each place with its count."""
    return [section.label for section in at.main.expander if "(" in section.label]


def headings_for(plan_data, place_id: str, language: str = "sv") -> list[str]:
    return [
        inert.markdown(shown_text(item, "rubrik", language))
        for item in plan_data.initiatives
        if place_id in item.places
    ]


def legend_html(mock: MagicMock) -> str:
    """The base map the page passed on its last run, rendered."""
    m = mock.call_args.args[0]
    assert isinstance(m, folium.Map)
    return m.get_root().render()


@pytest.mark.parametrize(
    ("language", "title", "legend"),
    [
        ("sv", "Söderort 2030 på kartan", "Antal matchande initiativ"),
        ("en", "Söderort 2030 on the map", "Matching initiatives"),
    ],
)
def test_page_runs_in_both_languages(app, st_folium, plan_data, language, title, legend) -> None:
    app.query_params["lang"] = language
    at = run(app)
    assert [t.value for t in at.title] == [title]
    assert legend in legend_html(st_folium)
    kwargs = st_folium.call_args.kwargs
    assert isinstance(kwargs["feature_group_to_add"], folium.FeatureGroup)
    assert kwargs["returned_objects"] == list(RETURNED_OBJECTS)
    # Nothing selected: a closed section per place with its count, and no card drawn yet.
    groups = group_by_place(plan_data, plan_data.initiatives)
    assert section_labels(at) == [
        f"{inert.markdown(plan_data.place_name(place, language))} ({len(items)})"
        for place, items in groups
    ]
    assert card_headings(at) == []
    # Opened, the sections list every initiative, under each of its places.
    open_list_sections(at, plan_data.place_order)
    every = [h for place in plan_data.place_order for h in headings_for(plan_data, place, language)]
    assert card_headings(at) == every


def test_click_selects_the_place(app, st_folium, plan_data) -> None:
    st_folium.return_value = click_on("hogdalen")
    at = run(app)
    assert card_headings(at) == headings_for(plan_data, "hogdalen") == ["Miljöteknik Högdalen"]
    assert [s.value for s in at.main.header] == ["Högdalens industriområde (1)"]
    assert at.query_params == {"place": "hogdalen"}
    # "Show all places" is not undone by the click the component still returns.
    at.button(key=SS_CLEAR_PLACE).click()
    run(at)
    assert len(section_labels(at)) == len(group_by_place(plan_data, plan_data.initiatives))
    assert "place" not in at.query_params
    # A new click (elsewhere in the same place) selects it again.
    st_folium.return_value = click_on("hogdalen", lat=59.258)
    run(at)
    assert card_headings(at) == ["Miljöteknik Högdalen"]


def test_a_filter_that_leaves_one_place_lists_its_cards_at_once(app, plan_data) -> None:
    app.query_params["area"] = "hogdalen"
    at = run(app)
    assert [s.value for s in at.main.header] == ["Högdalens industriområde (1)"]
    assert card_headings(at) == headings_for(plan_data, "hogdalen")
    assert section_labels(at) == []


def test_unknown_place_selects_nothing(app, st_folium, plan_data) -> None:
    st_folium.return_value = click_on("atlantis")
    at = open_list_sections(run(app), plan_data.place_order)
    assert len(card_headings(at)) == sum(
        len(headings_for(plan_data, place)) for place in plan_data.place_order
    )
    assert "place" not in at.query_params
    assert not at.info


def test_no_match_is_friendly_and_the_map_stays(app, st_folium) -> None:
    at = run(app)
    at.text_input(key=SS_FILTER_TEXT).input("zzzz ingenting")
    st_folium.reset_mock()
    run(at)
    assert [w.value for w in at.warning] == [
        "Inga initiativ matchar filtren. Ändra filtren eller klicka på ”Återställ filter”."
    ]
    assert st_folium.call_count == 1
    assert card_headings(at) == []
    layer = st_folium.call_args.kwargs["feature_group_to_add"]
    m = folium.Map(tiles=None)
    layer.add_to(m)
    counts = re.findall(r'"count": (\d+), "id"', m.get_root().render())
    assert counts and set(counts) == {"0"}


def test_colour_toggle_switches_the_legend(app, st_folium) -> None:
    at = run(app)
    assert "Antal matchande initiativ" in legend_html(st_folium)
    at.segmented_control(key=SS_COLOUR_BY).set_value("theme")
    run(at)
    html = legend_html(st_folium)
    assert "Tema (det vanligaste)" in html and "Antal matchande initiativ" not in html
    at.segmented_control(key=SS_LANGUAGE).set_value("en")
    run(at)
    assert "Theme (the most common)" in legend_html(st_folium)
    assert at.segmented_control(key=SS_COLOUR_BY).value == "theme"


def test_a_large_plan_lists_a_readable_number_of_cards(
    app, st_folium, monkeypatch, tmp_path
) -> None:
    folder = generate_data_folder(tmp_path / "plan", 300, seed=5)
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    data = load_plan_data(folder)
    at = open_list_sections(run(app), data.place_order)

    assert len(card_headings(at)) == MAP_LIST_CARD_LIMIT
    groups = group_by_place(data, data.initiatives)
    total = sum(len(members) for _, members in groups)
    notice = next(i.value for i in at.info if "Listan visar" in i.value)
    assert f"{MAP_LIST_CARD_LIMIT} av {total} kort" in notice
    # The places left without cards are still named, with their counts.
    hidden = next(m.value for m in at.markdown if m.value.startswith("Fler områden"))
    last_place, last_members = groups[-1]
    assert f"{inert.markdown(data.place_name(last_place, 'sv'))} ({len(last_members)})" in hidden

    # Choosing a place on the map lists that place's cards instead.
    busiest = max(data.places.index, key=lambda p: sum(p in i.places for i in data.initiatives))
    st_folium.return_value = click_on(busiest)
    run(at)
    count = sum(busiest in item.places for item in data.initiatives)
    assert len(card_headings(at)) == min(count, MAP_LIST_CARD_LIMIT)


@pytest.mark.parametrize(
    ("base_path", "expected"), [("", "/omrade?"), ("soderort/", "/soderort/omrade?")]
)
def test_popup_links_stay_inside_the_app_under_a_base_path(
    app, st_folium, base_path: str, expected: str
) -> None:
    # Behind a proxy the app may be served under a prefix (server.baseUrlPath); the popups' links
    # are resolved by the browser, so they must carry it.
    before = config.get_option("server.baseUrlPath")
    config.set_option("server.baseUrlPath", base_path)
    try:
        run(app)
    finally:
        config.set_option("server.baseUrlPath", before)
    layer = st_folium.call_args.kwargs["feature_group_to_add"]
    m = folium.Map(tiles=None)
    layer.add_to(m)
    links = re.findall(r'href=\\?"([^"\\]*place=[^"\\]*)', m.get_root().render())
    assert links
    assert all(link.startswith(expected) for link in links), links
