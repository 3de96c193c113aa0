"""A feature's geometry checked by type and by cost, before any geometry library sees it.

Shapely accepts coordinates written as text ("1e308") and GEOS's validity check costs, for a
ring whose segments all cross one another's boxes (a spiky outline), time that grows with the
square of its vertices: 200,000 such vertices took minutes. So the GeoJSON itself is walked
first: only the geometry types the map draws, every coordinate a number (the place and the
position named), a budget of vertices per line and per shape, and of the work one line costs
(its vertices times how many times its outline runs around its box), and every place inside
`REGION`, the map's area around Söderort.
"""

from __future__ import annotations

import math
from typing import Any

from soderort.parsing import quoted

# The lists of positions inside each drawn type's coordinates: a LineString is one line, a
# Polygon a list of rings, a MultiPolygon a list of polygons.
DRAWN_TYPES = {"LineString": 1, "MultiLineString": 2, "Polygon": 2, "MultiPolygon": 3}
# How a message names the lists on the way to a line, by type.
_PART_NAMES = {
    "LineString": (),
    "MultiLineString": ("del",),
    "Polygon": ("ring",),
    "MultiPolygon": ("del", "ring"),
}
POINT_TYPES = ("Point", "MultiPoint")
# The most detailed boundary the app is tested with (benchmarks/big_geodata.py, a 20 MB file)
# has about 300,000 vertices in one ring; a ring or line may hold this many.
MAX_LINE_VERTICES = 400_000
# And one place or area in all (every part and ring together).
MAX_SHAPE_VERTICES = 600_000
# Vertices times how many times the outline runs around its box: GEOS's validity check took
# 0.5 s for a spiky ring of 5,000 vertices (work 2.9 million) and 7.4 s for 20,000 (46 million)
# on this project's 2-core server; the detailed 20 MB boundaries cost at most 420,000.
MAX_LINE_WORK = 5_000_000
# The map's area: Söderort with Södertörn, where the plan's corridor to Norvik ends (west,
# south, east, north in degrees). A place or label point outside it would be off the map.
REGION = (17.0, 58.7, 18.8, 59.5)


def region_text() -> str:
    """Say the region's box in words, for a message."""
    west, south, east, north = (f"{v:.1f}".replace(".", ",") for v in REGION)
    return f"lon {west}–{east}, lat {south}–{north}"


def in_region(lon: float, lat: float) -> bool:
    """Return whether a point lies inside `REGION`."""
    west, south, east, north = REGION
    return west <= lon <= east and south <= lat <= north


def _lines(coordinates: Any, kind: str) -> tuple[str | None, list[tuple[str, Any]]]:
    """Return (what is wrong, [(where, line)]) for a drawn type's coordinates."""
    found: list[tuple[str, Any]] = []
    pending: list[tuple[tuple[int, ...], Any, int]] = [((), coordinates, DRAWN_TYPES[kind])]
    while pending:
        path, node, level = pending.pop()
        if not isinstance(node, list):
            where = _where(path, kind) or "koordinaterna"
            return f"{where} är ingen lista ({quoted(node)})", []
        if level == 1:
            found.append((_where(path, kind), node))
        else:
            pending.extend((path + (i,), child, level - 1) for i, child in enumerate(node))
    found.reverse()
    return None, found


def _where(path: tuple[int, ...], kind: str) -> str:
    names = _PART_NAMES[kind]
    return ", ".join(f"{name} {index + 1}" for name, index in zip(names, path, strict=False))


def _count(value: float) -> str:
    # Swedish groups digits with a (no-break) space.
    return f"{value:,.0f}".replace(",", "\u00a0")


def _number_problem(position: Any, where: str, index: int) -> str | None:
    at = f"{where}, punkt {index + 1}" if where else f"punkt {index + 1}"
    if not isinstance(position, list) or not 2 <= len(position) <= 3:
        return f"{at} är inget koordinatpar [lon, lat] ({quoted(position)})"
    for value in position:
        if isinstance(value, str):
            return (
                f"{at}: koordinaten {quoted(value)} är text, inte ett tal; "
                "skriv talet utan citattecken"
            )
        if isinstance(value, bool) or not isinstance(value, int | float):
            return f"{at}: koordinaten {quoted(value)} är inget tal"
    return None


def _work(line: list[list[float]]) -> tuple[int, float]:
    """Return (vertices, how many times the outline runs around its box)."""
    xs = [p[0] for p in line]
    ys = [p[1] for p in line]
    box = 2 * ((max(xs) - min(xs)) + (max(ys) - min(ys)))
    length = sum(math.dist(a[:2], b[:2]) for a, b in zip(line, line[1:], strict=False))
    laps = length / box if box > 0 and math.isfinite(length) else 1.0
    return len(line), max(laps, 1.0)


def geometry_problem(geometry: Any) -> str | None:
    """Say what keeps a GeoJSON geometry from being drawn, or None when it may be read.

    Parameters
    ----------
    geometry : Any
        A feature's `geometry` member as the JSON parser returned it (not None).

    Returns
    -------
    str or None
        One problem in words, naming the part, ring and point where it applies.
    """
    kind = geometry.get("type") if isinstance(geometry, dict) else None
    if kind in POINT_TYPES:
        # A point has no area to colour, and Leaflet's default marker needs images the app does
        # not serve; a place drawn from one coordinate is a circle around it (kind point_buffer).
        return (
            f"geometrin är en punkt ({kind}), men en plats eller ett område ritas "
            "som en yta; ge den en yta, t.ex. en cirkel runt punkten (kind: point_buffer)"
        )
    if not isinstance(kind, str) or kind not in DRAWN_TYPES:
        drawn = ", ".join(DRAWN_TYPES)
        return f"geometritypen {quoted(kind)} ritas inte på kartan; använd en av {drawn}"
    problem, lines = _lines(geometry.get("coordinates"), kind)
    if problem:
        return problem
    total = 0
    for where, line in lines:
        named = where or "linjen"
        if len(line) > MAX_LINE_VERTICES:
            return (
                f"{named} har {_count(len(line))} punkter; gränsen är "
                f"{_count(MAX_LINE_VERTICES)} per ring eller linje"
            )
        for index, position in enumerate(line):
            problem = _number_problem(position, where, index)
            if problem:
                return problem
        total += len(line)
        if total > MAX_SHAPE_VERTICES:
            return (
                f"geometrin har fler än {_count(MAX_SHAPE_VERTICES)} punkter; det är gränsen "
                "för en plats eller ett område"
            )
        if line:
            vertices, laps = _work(line)
            if vertices * laps > MAX_LINE_WORK:
                return (
                    f"{named} är för taggig för att kontrolleras inom rimlig tid: "
                    f"{_count(vertices)} punkter, och konturen är {_count(laps)} gånger så "
                    "lång som omkretsen av rutan runt den (gränsen: punkter × det talet ≤ "
                    f"{_count(MAX_LINE_WORK)}); förenkla den"
                )
    return None
