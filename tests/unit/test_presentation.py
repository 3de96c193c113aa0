"""Presentation mode's slide logic: which slides, stepping, the URL's value and the map's view."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soderort.filters import FilterState, filter_initiatives
from soderort.livemap import presentation
from soderort.livemap.presentation import (
    KIND_OVERVIEW,
    KIND_PLACE,
    KIND_TITLE,
    PROBLEM_NOT_A_NUMBER,
    PROBLEM_OUT_OF_RANGE,
    PROBLEM_REPEATED,
    MapView,
    Slide,
    build_slides,
    fit_view,
    next_index,
    parse_slide_param,
    previous_index,
    slide_param,
    slide_view,
)
from soderort.loading import PlanData
from soderort.render.map_positions import place_bounds, soderort_bounds


def _places(slides: list[Slide]) -> list[str | None]:
    return [slide.place for slide in slides if slide.kind == KIND_PLACE]


# ------------------------------------------------------------------------------ the slides
def test_all_initiatives_title_places_in_plan_order_overview(plan_data: PlanData) -> None:
    slides = build_slides(plan_data, plan_data.initiatives)
    assert slides[0] == Slide(KIND_TITLE)
    assert slides[-1] == Slide(KIND_OVERVIEW)
    places = list(dict.fromkeys(_places(slides)))
    # Every place named by some initiative, in the plan's order.
    named = {place for item in plan_data.initiatives for place in item.places}
    assert places == [p for p in plan_data.place_order if p in named]


def test_every_initiative_is_shown_under_each_of_its_places_once(plan_data: PlanData) -> None:
    slides = build_slides(plan_data, plan_data.initiatives)
    shown = [(s.place, i) for s in slides if s.kind == KIND_PLACE for i in s.initiatives]
    expected = [(p, item.id) for item in plan_data.initiatives for p in item.places]
    assert sorted(shown) == sorted(expected)
    assert len(shown) == len(set(shown))


def test_a_crowded_place_is_split_into_numbered_parts(plan_data: PlanData) -> None:
    slides = build_slides(plan_data, plan_data.initiatives, per_slide=2)
    hela = [s for s in slides if s.place == "hela-soderort"]
    on_hela = [item.id for item in plan_data.initiatives if "hela-soderort" in item.places]
    assert len(hela) == math.ceil(len(on_hela) / 2) > 1
    assert [s.part for s in hela] == list(range(1, len(hela) + 1))
    assert {s.parts for s in hela} == {len(hela)}
    assert [i for s in hela for i in s.initiatives] == on_hela  # the source's order
    assert all(1 <= len(s.initiatives) <= 2 for s in hela)
    # The parts follow each other, so the map stays on the place.
    first = slides.index(hela[0])
    assert slides[first : first + len(hela)] == hela


def test_one_place_filtered_gives_three_slides(plan_data: PlanData) -> None:
    filters = FilterState(areas=("hogdalen",))
    slides = build_slides(plan_data, filter_initiatives(plan_data, filters), areas=filters.areas)
    assert [s.kind for s in slides] == [KIND_TITLE, KIND_PLACE, KIND_OVERVIEW]
    assert slides[1].place == "hogdalen"
    assert slides[1].initiatives == ("miljoteknik-hogdalen",)


def test_area_filter_keeps_other_places_of_a_matching_initiative_out(plan_data: PlanData) -> None:
    # "Samverkan Södertörn" lies on Södertörn and Hela Söderort; asked about Södertörn, the room
    # sees Södertörn only.
    filters = FilterState(areas=("sodertorn",))
    initiatives = filter_initiatives(plan_data, filters)
    assert any("hela-soderort" in item.places for item in initiatives)
    slides = build_slides(plan_data, initiatives, areas=filters.areas)
    assert set(_places(slides)) == {"sodertorn"}


def test_nothing_matches_gives_title_and_overview(plan_data: PlanData) -> None:
    assert build_slides(plan_data, []) == [Slide(KIND_TITLE), Slide(KIND_OVERVIEW)]


def test_per_slide_must_be_positive(plan_data: PlanData) -> None:
    with pytest.raises(ValueError, match="per_slide"):
        build_slides(plan_data, plan_data.initiatives, per_slide=0)


# ----------------------------------------------------------------------------- stepping
def test_next_and_previous_stop_at_the_ends() -> None:
    assert next_index(0, 3) == 1
    assert next_index(2, 3) == 2
    assert previous_index(2, 3) == 1
    assert previous_index(0, 3) == 0
    assert next_index(0, 1) == 0 == previous_index(0, 1)


@given(st.integers(1, 50), st.data())
def test_stepping_stays_within_the_slides(count: int, data: st.DataObject) -> None:
    index = data.draw(st.integers(0, count - 1))
    for moved in (next_index(index, count), previous_index(index, count)):
        assert 0 <= moved < count
        assert abs(moved - index) <= 1


# ------------------------------------------------------------------------------- the URL
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, (0, None)),
        ([], (0, None)),
        ("", (0, None)),
        ("1", (0, None)),
        ("2", (1, None)),
        (" 3 ", (2, None)),
        ("03", (2, None)),
        ("5", (4, None)),
        ("6", (0, PROBLEM_OUT_OF_RANGE)),
        ("0", (0, PROBLEM_OUT_OF_RANGE)),
        ("-1", (0, PROBLEM_NOT_A_NUMBER)),
        ("2.0", (0, PROBLEM_NOT_A_NUMBER)),
        ("abc", (0, PROBLEM_NOT_A_NUMBER)),
        ("٣", (0, PROBLEM_NOT_A_NUMBER)),  # an Arabic-Indic three is not in a typed link
        # A number too large for a slide is out of range, however many digits it has.
        ("999999999", (0, PROBLEM_OUT_OF_RANGE)),
        ("9" * 1000, (0, PROBLEM_OUT_OF_RANGE)),
        ("0004", (3, None)),
        (["2", "4"], (1, PROBLEM_REPEATED)),
        (["x", "4"], (0, PROBLEM_NOT_A_NUMBER)),
    ],
)
def test_parse_slide_param(raw, expected) -> None:
    assert parse_slide_param(raw, 5) == expected


@given(st.integers(1, 200), st.data())
def test_slide_param_round_trips(count: int, data: st.DataObject) -> None:
    index = data.draw(st.integers(0, count - 1))
    assert parse_slide_param(slide_param(index), count) == (index, None)
    assert slide_param(0) == "1"


@given(st.text(max_size=12))
def test_parse_never_raises_and_stays_in_range(raw: str) -> None:
    index, _ = parse_slide_param(raw, 4)
    assert 0 <= index < 4


# -------------------------------------------------------------------------- the map's view
def _visible(view: MapView, width: int, height: int) -> tuple[float, float, float, float]:
    """South, west, north, east that a Leaflet map of that size shows (web Mercator)."""
    scale = 256 * 2**view.zoom / (2 * math.pi)
    lat, lon = view.center
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    half_x, half_y = width / 2 / scale, height / 2 / scale

    def to_lat(value: float) -> float:
        return math.degrees(2 * math.atan(math.exp(value)) - math.pi / 2)

    return (
        to_lat(y - half_y),
        lon - math.degrees(half_x),
        to_lat(y + half_y),
        lon + math.degrees(half_x),
    )


@pytest.mark.parametrize(
    "place",
    ["hela-soderort", "telefonplan", "hogdalen", "skrubba", "farsta", "soderstaden", "sodertorn"],
)
def test_place_view_shows_the_whole_place_at_a_close_zoom(plan_data: PlanData, place) -> None:
    width, height = presentation.MAP_WIDTH_PX, presentation.MAP_HEIGHT_PX
    view = slide_view(plan_data, Slide(KIND_PLACE, place, ("x",)))
    (south, west), (north, east) = place_bounds(plan_data, place)
    v_south, v_west, v_north, v_east = _visible(view, width, height)
    if view.zoom < presentation.MAX_ZOOM:
        assert v_south <= south and v_west <= west and v_north >= north and v_east >= east
        # Not needlessly far out: one snap step closer, it would no longer fit inside the
        # padding.
        pad = 2 * presentation.MAP_PADDING_PX
        closer = MapView(view.center, view.zoom + presentation.ZOOM_SNAP)
        c_south, c_west, c_north, c_east = _visible(closer, width - pad, height - pad)
        assert c_south > south or c_west > west or c_north < north or c_east < east
    assert view.zoom % presentation.ZOOM_SNAP == 0
    lat, lon = view.center
    assert south < lat < north and west < lon < east


def test_small_places_are_framed_closer_than_soderort(plan_data: PlanData) -> None:
    whole = slide_view(plan_data, Slide(KIND_TITLE))
    assert slide_view(plan_data, Slide(KIND_OVERVIEW)) == whole
    for place in ("telefonplan", "hogdalen", "skrubba"):
        view = slide_view(plan_data, Slide(KIND_PLACE, place, ("x",)))
        assert view.zoom > whole.zoom + 1
        assert view.center != whole.center
    # Each place slide looks somewhere else, so the map visibly moves.
    centres = {
        slide_view(plan_data, Slide(KIND_PLACE, p, ("x",))).center
        for p in plan_data.place_order
        if p != "hela-soderort"
    }
    assert len(centres) == len(plan_data.place_order) - 1


def test_title_and_overview_frame_all_of_soderort(plan_data: PlanData) -> None:
    view = slide_view(plan_data, Slide(KIND_TITLE))
    assert view == fit_view(soderort_bounds(plan_data))
    assert view == slide_view(plan_data, Slide(KIND_PLACE, "hela-soderort", ("x",)))


def test_a_shared_place_is_the_title_slides_view_only(plan_data: PlanData) -> None:
    farsta = slide_view(plan_data, Slide(KIND_PLACE, "farsta", ("x",)))
    assert slide_view(plan_data, Slide(KIND_TITLE), shared_place="farsta") == farsta
    whole = slide_view(plan_data, Slide(KIND_TITLE))
    assert slide_view(plan_data, Slide(KIND_OVERVIEW), shared_place="farsta") == whole
    assert slide_view(plan_data, Slide(KIND_TITLE), shared_place="atlantis") == whole


def test_fit_view_clamps_and_accepts_swapped_corners() -> None:
    tiny = fit_view([[59.3, 18.0], [59.30001, 18.00001]])
    assert tiny.zoom == presentation.MAX_ZOOM
    world = fit_view([[-80, -170], [80, 170]])
    assert world.zoom == presentation.MIN_ZOOM
    assert fit_view([[59.3, 18.1], [59.2, 18.0]]) == fit_view([[59.2, 18.0], [59.3, 18.1]])


def test_fit_view_zooms_one_level_in_for_half_the_span() -> None:
    size = {"width_px": 1024, "height_px": 1024, "padding_px": 0}
    wide = fit_view([[59.0, 17.8], [59.4, 18.2]], **size)
    half = fit_view([[59.1, 17.9], [59.3, 18.1]], **size)
    assert half.zoom < presentation.MAX_ZOOM
    assert half.zoom - wide.zoom == pytest.approx(1, abs=presentation.ZOOM_SNAP)
