"""Presentation mode without Streamlit: the slides, stepping between them, and the map's view.

A presentation is a title slide, then the places that have matching initiatives in the plan's
order (`PlanData.place_order`), then an overview of all of Söderort. A place with more
initiatives than fit on one slide at a size readable from the back of a room is split over
consecutive slides ("Hela Söderort, 1 of 12"); the map stays on the place while its parts are
shown.

The step lives in the URL as a 1-based number (``?slide=3``), so that a planner can prepare the
link before a meeting; `parse_slide_param` reads it and says what was wrong with a value it
cannot use.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from soderort.facts import group_by_place
from soderort.loading import PlanData
from soderort.model import Initiative
from soderort.render.map_positions import place_bounds, soderort_bounds

KIND_TITLE = "title"
KIND_PLACE = "place"
KIND_OVERVIEW = "overview"

# At 28 px body type one initiative (heading, four fields of one to three sentences each) fills
# a 720 px high projector screen beside the map; a second would need scrolling in front of the
# room (measured by the browser tests at 1280×720).
INITIATIVES_PER_SLIDE = 1

# The map's size in presentation mode. The width is the narrowest the map column gets on a
# laptop projector (1280 px wide, half the page); framing for it keeps the place whole on wider
# screens, which only show more around it.
MAP_WIDTH_PX = 560
# The map's frame takes the screen's height below the slide's bar and above its captions
# (pages/presentation.py), and never less than this: the height the view is framed for, so that
# the place stays whole on every screen, a taller one showing more around it.
MAP_HEIGHT_PX = 470
MAP_PADDING_PX = 24
# Closer than this, a small place fills the frame and the room loses where it lies.
MAX_ZOOM = 13.0
MIN_ZOOM = 6.0
# The map's zoomSnap (see mapping.build_base_map): Leaflet rounds to it anyway.
ZOOM_SNAP = 0.25
TILE_SIZE_PX = 256

# Problems with the URL's value (`soderort.i18n.bad_slide_message` words each).
PROBLEM_NOT_A_NUMBER = "not_a_number"
PROBLEM_OUT_OF_RANGE = "out_of_range"
PROBLEM_REPEATED = "repeated"


@dataclass(frozen=True)
class Slide:
    """One slide of a presentation.

    Parameters
    ----------
    kind : str
        `KIND_TITLE`, `KIND_PLACE` or `KIND_OVERVIEW`.
    place : str or None
        The place's id on a place slide; None on the others.
    initiatives : tuple of str
        The ids of the initiatives shown on a place slide, in the source's order.
    part : int
        Which of the place's slides this is (1-based).
    parts : int
        How many slides the place has.
    """

    kind: str
    place: str | None = None
    initiatives: tuple[str, ...] = ()
    part: int = 1
    parts: int = 1


@dataclass(frozen=True)
class MapView:
    """Where the map looks: Leaflet's centre (lat, lon) and zoom level."""

    center: tuple[float, float]
    zoom: float


def build_slides(
    data: PlanData,
    initiatives: Sequence[Initiative],
    *,
    areas: Sequence[str] = (),
    per_slide: int = INITIATIVES_PER_SLIDE,
) -> list[Slide]:
    """List the slides for the matching initiatives.

    Parameters
    ----------
    data : PlanData
        The loaded plan.
    initiatives : sequence of Initiative
        The initiatives that match the filters, in the source's order.
    areas : sequence of str
        The area filter's place ids. When given, only those places get slides: an initiative on
        two places matches the filter through one of them, and the room asked about that one.
    per_slide : int
        At most this many initiatives on one slide; a place with more gets several.

    Returns
    -------
    list of Slide
        The title slide, the place slides in `PlanData.place_order`, the overview slide.
        Places without matching initiatives get no slide.

    Raises
    ------
    ValueError
        When `per_slide` is less than 1.
    """
    if per_slide < 1:
        raise ValueError(f"per_slide must be at least 1, not {per_slide}")
    slides = [Slide(KIND_TITLE)]
    for place, members in group_by_place(data, initiatives):
        if areas and place not in areas:
            continue
        ids = [item.id for item in members]
        chunks = [tuple(ids[i : i + per_slide]) for i in range(0, len(ids), per_slide)]
        for part, chunk in enumerate(chunks, start=1):
            slides.append(Slide(KIND_PLACE, place, chunk, part, len(chunks)))
    slides.append(Slide(KIND_OVERVIEW))
    return slides


def step(index: int, count: int, delta: int) -> int:
    """Move `delta` slides from `index`, stopping at the first and the last.

    Parameters
    ----------
    index : int
        The current slide (0-based).
    count : int
        How many slides there are (at least 1).
    delta : int
        +1 for the next slide, -1 for the previous one.

    Returns
    -------
    int
        The new index, within ``0 .. count - 1``.
    """
    return max(0, min(count - 1, index + delta))


def next_index(index: int, count: int) -> int:
    """Return the next slide's index; the last slide stays where it is."""
    return step(index, count, 1)


def previous_index(index: int, count: int) -> int:
    """Return the previous slide's index; the title slide stays where it is."""
    return step(index, count, -1)


def slide_param(index: int) -> str:
    """Write a 0-based slide index as the URL's 1-based ``slide`` value."""
    return str(index + 1)


def parse_slide_param(raw: str | Sequence[str] | None, count: int) -> tuple[int, str | None]:
    """Read the URL's ``slide`` value.

    Parameters
    ----------
    raw : str, sequence of str, or None
        The value (or the values of a repeated key); None or empty when the URL has none.
    count : int
        How many slides there are.

    Returns
    -------
    int
        The 0-based index: the slide asked for, or 0 (the title slide) when there is none or
        it cannot be used.
    str or None
        None when the value was usable or absent; else `PROBLEM_NOT_A_NUMBER` (not a whole
        number), `PROBLEM_OUT_OF_RANGE` (no such slide with the current filters) or
        `PROBLEM_REPEATED` (the key given twice; the first value is used if it is good).
    """
    if raw is None:
        return 0, None
    values = [raw] if isinstance(raw, str) else list(raw)
    if not values:
        return 0, None
    text = values[0].strip()
    problem = PROBLEM_REPEATED if len(values) > 1 else None
    if not text:
        return 0, problem
    # A person typing the link counts from 1; "03" is fine, "2.0" or "-1" are not numbers here.
    if not text.isascii() or not text.isdigit():
        return 0, PROBLEM_NOT_A_NUMBER
    # A whole number however long is a number: one too long to be a slide is out of range (and
    # is not converted, so that a thousand digits cost nothing).
    digits = text.lstrip("0") or "0"
    if len(digits) > len(str(count)) or not 1 <= int(digits) <= count:
        return 0, PROBLEM_OUT_OF_RANGE
    return int(digits) - 1, problem


def _mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _latitude(mercator_y: float) -> float:
    return math.degrees(2 * math.atan(math.exp(mercator_y)) - math.pi / 2)


def fit_view(
    bounds: Sequence[Sequence[float]],
    *,
    width_px: int = MAP_WIDTH_PX,
    height_px: int = MAP_HEIGHT_PX,
    padding_px: int = MAP_PADDING_PX,
    min_zoom: float = MIN_ZOOM,
    max_zoom: float = MAX_ZOOM,
) -> MapView:
    """Frame bounds on a web-Mercator map of the given size, as Leaflet's fitBounds would.

    Parameters
    ----------
    bounds : [[south, west], [north, east]]
        What must be visible, in degrees.
    width_px, height_px : int
        The map's size in CSS pixels.
    padding_px : int
        Room kept free on every side.
    min_zoom, max_zoom : float
        The zoom is kept within these.

    Returns
    -------
    MapView
        The centre of the bounds (in Mercator, so that it is the centre the map shows) and the
        largest zoom, in steps of `ZOOM_SNAP`, at which they fit.
    """
    (south, west), (north, east) = bounds
    south, north = sorted((float(south), float(north)))
    west, east = sorted((float(west), float(east)))
    y_south, y_north = _mercator_y(south), _mercator_y(north)
    center = (round(_latitude((y_south + y_north) / 2), 6), round((west + east) / 2, 6))
    # One tile of 256 px spans 2π radians of Mercator x (and y) at zoom 0.
    span_x = max(math.radians(east - west), 1e-9)
    span_y = max(y_north - y_south, 1e-9)
    room_x = max(width_px - 2 * padding_px, 1)
    room_y = max(height_px - 2 * padding_px, 1)
    world = 2 * math.pi / TILE_SIZE_PX
    zoom = math.log2(min(room_x * world / span_x, room_y * world / span_y))
    zoom = math.floor(zoom / ZOOM_SNAP) * ZOOM_SNAP
    return MapView(center=center, zoom=max(min_zoom, min(max_zoom, zoom)))


def slide_view(
    data: PlanData,
    slide: Slide,
    *,
    width_px: int = MAP_WIDTH_PX,
    height_px: int = MAP_HEIGHT_PX,
    shared_place: str | None = None,
) -> MapView:
    """Where the map looks on a slide: the place on a place slide, all of Söderort otherwise.

    Parameters
    ----------
    data : PlanData
        The loaded plan.
    slide : Slide
        The slide.
    width_px, height_px : int
        The map's size in CSS pixels.
    shared_place : str or None
        The place the presentation's link names (``?place=``): the title slide shows it, so a
        link shared for one place opens on it.

    Returns
    -------
    MapView
        See `fit_view`.
    """
    if slide.kind == KIND_PLACE and slide.place in data.places.index:
        bounds = place_bounds(data, slide.place)
    elif slide.kind == KIND_TITLE and shared_place in data.places.index:
        bounds = place_bounds(data, shared_place)
    else:
        bounds = soderort_bounds(data)
    return fit_view(bounds, width_px=width_px, height_px=height_px)
