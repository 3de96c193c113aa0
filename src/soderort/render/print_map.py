"""The static map the PDFs carry, drawn with geopandas and matplotlib, without tiles or network.

It prints the same anywhere. Its labels are drawn without mathtext
(`soderort.inert.MATPLOTLIB_TEXT`): a place's name must print as typed.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from typing import Any

import geopandas as gpd
import shapely
from matplotlib import patheffects
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from shapely.geometry import box
from shapely.ops import polylabel

from soderort import inert
from soderort.facts import (
    count_by_place,
)
from soderort.i18n import t
from soderort.loading import PlanData
from soderort.model import Initiative
from soderort.palette import (
    COUNT_BINS,
    DISTRICT_COLOUR,
    LEADER_LINE_COLOUR,
    OUTLINE_COLOUR,
    PLACE_EDGE_COLOUR,
    PRINT_LABEL_COLOUR,
    RULE_COLOUR,
    count_bin_label,
    count_bin_of,
    count_colour,
)

METRIC_CRS = "EPSG:3006"  # SWEREF 99 TM: metres, true proportions in Stockholm


# The map's figure is drawn at this width in inches whatever its pixel size, so that its type
# comes out at the same size on the printed page.
MAP_PRINT_WIDTH_IN = 7.0


def _nice_length(span: float) -> float:
    """Pick a round scale-bar length near a fifth of the map's width, in metres."""
    target = span / 5
    for length in (100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000):
        if length >= target:
            return float(length)
    return 100_000.0


def _scale_label(length: float) -> str:
    return f"{length / 1000:g} km" if length >= 1000 else f"{length:g} m"


def _fit_aspect(
    bounds: tuple[float, float, float, float], ratio: float
) -> tuple[float, float, float, float]:
    """Widen the shorter side of a view around its centre to the given width/height ratio."""
    minx, miny, maxx, maxy = bounds
    width, height = maxx - minx, maxy - miny
    if width / height < ratio:
        extra = (height * ratio - width) / 2
        return minx - extra, miny, maxx + extra, maxy
    extra = (width / ratio - height) / 2
    return minx, miny - extra, maxx, maxy + extra


def _frame_bounds(
    place_id: str | None, outline: gpd.GeoDataFrame, places: gpd.GeoDataFrame
) -> tuple[float, float, float, float]:
    if place_id is None:
        minx, miny, maxx, maxy = outline.total_bounds
        margin = 0.04 * max(maxx - minx, maxy - miny)
    else:
        minx, miny, maxx, maxy = places.loc[[place_id]].total_bounds
        # A small place keeps enough surroundings to be recognised.
        margin = max(0.1 * max(maxx - minx, maxy - miny), 2500.0)
    return minx - margin, miny - margin, maxx + margin, maxy + margin


# Places whose area stands for all of Söderort or the region around it.
WASH_KINDS = frozenset({"outline", "region"})
WASH_ALPHA = 0.4

# A label moved further than this from its place's label point gets a leader line.
LEADER_MIN_OFFSET_PT = 20

# Where a label may go, in points from its anchor: on it, then above, below and to the sides.
_LABEL_OFFSETS: tuple[tuple[float, float], ...] = (
    (0, 0),
    (0, 14),
    (0, -14),
    (0, 26),
    (0, -26),
    (42, 0),
    (-42, 0),
    (42, 16),
    (-42, 16),
    (42, -16),
    (-42, -16),
    (0, 38),
    (0, -38),
)


def _interior_point(geometry: Any) -> Any:
    """Pick a point well inside the largest part of a geometry (on a line: its middle)."""
    parts = list(getattr(geometry, "geoms", [geometry]))
    polygons = [part for part in parts if part.geom_type == "Polygon"]
    if polygons:
        largest = max(polygons, key=lambda part: part.area)
        return polylabel(largest, tolerance=max(1.0, math.sqrt(largest.area) / 100))
    longest = max(parts, key=lambda part: part.length)
    return longest.interpolate(0.5, normalized=True)


def _label_anchors(
    places: gpd.GeoDataFrame, place_id: str | None, view: tuple[float, float, float, float]
) -> list[tuple[str, float, float]]:
    """Choose where each place in view is labelled, most important first.

    The framed place first, then the smaller places (they have least room), the areas
    standing for all of Söderort or the region last. A place whose label point lies outside
    the view but which reaches into it is labelled on its visible part.
    """
    view_box = box(*view)
    points = gpd.GeoSeries(
        gpd.points_from_xy(places["label_lon"], places["label_lat"]), index=places.index, crs=4326
    ).to_crs(METRIC_CRS)

    def rank(pid: str) -> tuple[int, int, float]:
        return (
            pid != place_id,
            places.loc[pid, "kind"] in WASH_KINDS,
            places.loc[pid].geometry.area,
        )

    # What a washed area shows of itself: not the parts that smaller places cover.
    specific = shapely.union_all(
        [
            geometry
            for geometry, kind in zip(places.geometry, places["kind"], strict=True)
            if kind not in WASH_KINDS and geometry.geom_type in ("Polygon", "MultiPolygon")
        ]
    )
    inner = view_box.buffer(-0.08 * (view[2] - view[0]))
    anchors = []
    for pid in sorted(places.index, key=rank):
        point = points.loc[pid]
        if not view_box.contains(point):
            visible = places.loc[pid].geometry.intersection(inner)
            if places.loc[pid, "kind"] in WASH_KINDS:
                visible = visible.difference(specific)
            if visible.is_empty:
                continue
            point = _interior_point(visible)
        anchors.append((pid, point.x, point.y))
    return anchors


def _legend_rows(
    places: gpd.GeoDataFrame, counts: dict[str, int], language: str
) -> list[tuple[str, bool, str]]:
    """List the legend's swatches: (colour, washed, label), one per colour drawn on the map.

    The specific places' bins come first, named as the screen's legend names them ("3–4"),
    one swatch per bin some place falls in; each washed area (all of Söderort, the region) gets
    its own lighter swatch named after it, since its tone differs from the same bin's opaque one.
    """
    washed = places["kind"].isin(WASH_KINDS)
    drawn = {count_bin_of(counts[p]) for p in places.index[~washed]}
    rows = [
        (colour, False, count_bin_label(low, high))
        for low, high, colour in COUNT_BINS
        if (low, high, colour) in drawn
    ]
    name_column = "name_en" if language == "en" else "name"
    for pid in places.index[washed]:
        name = inert.drawn_text(places.loc[pid, name_column])
        rows.append((count_colour(counts[pid]), True, f"{counts[pid]} ({name})"))
    return rows


def _place_label(
    ax: Any,
    renderer: Any,
    text: str,
    anchor: tuple[float, float],
    taken: list[Any],
    bold: bool,
    halo: list[Any],
) -> None:
    """Put a label at the first offset where it overlaps no other label, legend or scale bar.

    When no offset is free, the label goes on its anchor anyway: a crowded label is better
    than a missing one.
    """
    axes_box = ax.get_window_extent(renderer)
    style = {
        "ha": "center",
        "va": "center",
        "fontsize": 8.2,
        "fontweight": "bold" if bold else "normal",
        "linespacing": 1.1,
        "color": PRINT_LABEL_COLOUR,
        "path_effects": halo,
        "zorder": 10,
        "textcoords": "offset points",
        **inert.MATPLOTLIB_TEXT,
    }
    for offset in (*_LABEL_OFFSETS, None):
        chosen = offset or (0, 0)
        label = ax.annotate(text, xy=anchor, xytext=chosen, **style)
        extent = label.get_window_extent(renderer).expanded(1.06, 1.1)
        fits = (
            axes_box.x0 <= extent.x0
            and extent.x1 <= axes_box.x1
            and axes_box.y0 <= extent.y0
            and extent.y1 <= axes_box.y1
            and not any(extent.overlaps(other) for other in taken)
        )
        if fits or offset is None:
            # A label moved well off its anchor gets a thin leader line back to it.
            if math.hypot(*chosen) > LEADER_MIN_OFFSET_PT:
                label.remove()
                label = ax.annotate(
                    text,
                    xy=anchor,
                    xytext=chosen,
                    arrowprops={
                        "arrowstyle": "-",
                        "color": LEADER_LINE_COLOUR,
                        "lw": 0.6,
                        "shrinkA": 2,
                    },
                    **style,
                )
            taken.append(extent)
            return
        label.remove()


def render_map_png(
    data: PlanData,
    initiatives: Sequence[Initiative],
    place_id: str | None = None,
    width_px: int = 1400,
    height_px: int = 1000,
    language: str = "sv",
) -> bytes:
    """Draw the map of the view as a PNG, for the printed report.

    Söderort's outline, its stadsdelar thin and grey, every named place filled light to dark
    blue by how many of the given initiatives name it (the screen map's bins and colours), the
    Globen–Norvik corridor as a line, and each place's name and count at its label point.
    Drawn in SWEREF 99 TM so that distances and shapes keep their proportions; no background
    tiles, so no network.

    Parameters
    ----------
    data : PlanData
        The loaded plan.
    initiatives : sequence of Initiative
        The matching initiatives.
    place_id : str, optional
        Frame the map on this place (with a margin) instead of on all of Söderort.
    width_px, height_px : int
        The image's size in pixels.
    language : str
        "sv" or "en" for the place names and the legend.

    Returns
    -------
    bytes
        A PNG of exactly ``width_px`` × ``height_px`` pixels on a white background.
    """
    if place_id is not None and place_id not in data.places.index:
        raise KeyError(place_id)
    counts = count_by_place(data, initiatives)

    outline = data.outline.to_crs(METRIC_CRS)
    districts = data.districts.to_crs(METRIC_CRS)
    places = data.places.to_crs(METRIC_CRS)

    dpi = width_px / MAP_PRINT_WIDTH_IN
    figure = Figure(figsize=(width_px / dpi, height_px / dpi), dpi=dpi, facecolor="white")
    FigureCanvasAgg(figure)
    ax = figure.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.set_facecolor("white")

    is_line = places.geom_type.isin(["LineString", "MultiLineString"])
    areal = places[~is_line]
    # The largest areas first, so that a small place lies on top of the area around it.
    areal = areal.assign(_area=areal.geometry.area).sort_values("_area", ascending=False)
    for pid, row in areal.iterrows():
        # The areas that stand for all of Söderort or the region around it get a lighter wash
        # of their colour: opaque, they would drown the specific places and the stadsdelar.
        wash = row["kind"] in WASH_KINDS
        gpd.GeoSeries([row.geometry], crs=METRIC_CRS).plot(
            ax=ax,
            facecolor=count_colour(counts[pid]),
            alpha=WASH_ALPHA if wash else 1.0,
            edgecolor="none",
            zorder=1 if wash else 2,
        )
        gpd.GeoSeries([row.geometry], crs=METRIC_CRS).boundary.plot(
            ax=ax, color=PLACE_EDGE_COLOUR, linewidth=0.4 if wash else 0.8, zorder=2
        )
    districts.boundary.plot(ax=ax, color=DISTRICT_COLOUR, linewidth=0.35, zorder=3)
    outline.boundary.plot(ax=ax, color=OUTLINE_COLOUR, linewidth=1.4, zorder=4)
    for pid, row in places[is_line].iterrows():
        line = gpd.GeoSeries([row.geometry], crs=METRIC_CRS)
        # A dark casing keeps the line visible on any fill; its core carries the count colour.
        line.plot(ax=ax, color=PLACE_EDGE_COLOUR, linewidth=5.0, zorder=5)
        line.plot(ax=ax, color=count_colour(counts[pid]), linewidth=3.0, zorder=6)

    minx, miny, maxx, maxy = _fit_aspect(
        _frame_bounds(place_id, outline, places), width_px / height_px
    )
    ax.set_xlim(minx, maxx)
    ax.set_ylim(miny, maxy)
    # The limits already have the figure's proportions, so equal scales keep the axes whole.
    ax.set_aspect("equal", adjustable="box")
    halo = [patheffects.withStroke(linewidth=3, foreground="white")]

    # Scale bar in the lower left corner: distances are true in SWEREF 99 TM.
    length = _nice_length(maxx - minx)
    x0 = minx + 0.03 * (maxx - minx)
    y0 = miny + 0.04 * (maxy - miny)
    (bar,) = ax.plot(
        [x0, x0 + length], [y0, y0], color=PRINT_LABEL_COLOUR, linewidth=2.5, zorder=11
    )
    bar_label = ax.annotate(
        _scale_label(length),
        xy=(x0 + length / 2, y0),
        xytext=(0, 4),
        textcoords="offset points",
        ha="center",
        va="bottom",
        fontsize=7,
        path_effects=halo,
        zorder=11,
    )

    legend_rows = _legend_rows(places, counts, language)
    handles = [
        Patch(
            facecolor=colour,
            alpha=WASH_ALPHA if wash else 1.0,
            edgecolor=PLACE_EDGE_COLOUR,
            linewidth=0.6,
            label=label,
        )
        for colour, wash, label in legend_rows
    ]
    legend = ax.legend(
        handles=handles,
        title=t("map.legend.count", language),
        loc="lower right",
        ncols=min(len(handles), 6),
        fontsize=7,
        title_fontsize=7.5,
        frameon=True,
        framealpha=0.92,
        edgecolor=RULE_COLOUR,
        handlelength=1.4,
        columnspacing=0.9,
    )
    legend.set_zorder(12)
    for text in legend.get_texts():
        text.update(inert.MATPLOTLIB_TEXT)

    renderer = figure.canvas.get_renderer()
    taken = [artist.get_window_extent(renderer) for artist in (bar, bar_label, legend)]
    for pid, x, y in _label_anchors(places, place_id, (minx, miny, maxx, maxy)):
        name = inert.drawn_text(places.loc[pid, "name_en" if language == "en" else "name"])
        _place_label(
            ax,
            renderer,
            f"{name}\n{counts[pid]}",
            (x, y),
            taken,
            bold=pid == place_id,
            halo=halo,
        )

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    return buffer.getvalue()
