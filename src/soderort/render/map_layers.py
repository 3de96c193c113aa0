"""Folium map builders: a base map that stays put, and a layer of places that follows the filters.

The page hands the base map to streamlit-folium once and the place layer as
``feature_group_to_add``: when the filters change only the layer is swapped, so the map keeps
the user's zoom and pan. Every text from the data is HTML-escaped (`soderort.inert.html`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import folium
import geopandas as gpd
from folium.plugins import Fullscreen
from shapely.geometry import mapping

from soderort import assets
from soderort.facts import group_by_place
from soderort.followup import FOLLOW_UP_VALUES, dominant_status
from soderort.i18n import follow_up_label, initiative_count, t
from soderort.inert import html as escape
from soderort.loading import PlanData
from soderort.memo import per_plan
from soderort.model import Initiative
from soderort.palette import (
    CORRIDOR_COLOUR,
    COUNT_BINS,
    DISTRICT_COLOUR,
    EMPTY_EDGE_COLOUR,
    FOLLOW_UP_STATUS_COLOURS,
    NO_MATCH_COLOUR,
    OUTLINE_COLOUR,
    PLACE_EDGE_COLOUR,
    count_bin_label,
    count_colour,
    theme_colours,
)
from soderort.render.map_controls import ControlTexts, LabelMode, Legend
from soderort.render.map_css import MAP_CSS
from soderort.render.map_elements import FeatureGroup, GeoJson, Map, localise_assets
from soderort.render.map_popups import popup_html
from soderort.render.map_positions import label_point, leaflet_bounds, soderort_bounds
from soderort.render.place_bindings import PlaceBindings, PlaceLabel, PlaceLabels, PlaceTexts

# The map's style sheet's name among the page header's elements.
MAP_CSS_NAME = "soderort_css"

# Places whose area holds others are drawn faintly and underneath, so the small ones stay visible.
WIDE_KINDS = ("outline", "region")
# How strongly a place's colour is laid over the base map: a wide area (all of Söderort, the
# region) only tints it, or it would hide every place inside it. The legend shows each tone drawn.
PLACE_FILL_OPACITY = 0.75
EMPTY_FILL_OPACITY = 0.35
WIDE_FILL_OPACITY = 0.12
WIDE_EMPTY_FILL_OPACITY = 0.04


# Leaflet rounds every zoom to a multiple of this. Whole levels would leave Söderort at half the
# frame's width; at 0.25 fitBounds loses at most 16 % of it, and the +/− buttons still step
# cleanly (by `ZOOM_DELTA`).
ZOOM_SNAP = 0.25
ZOOM_DELTA = 0.5
# Space kept free around Söderort when the map frames it, in pixels: the labels on its edge
# (Kungens kurva in the west, Skrubba in the east) stick out of the outline.
FIT_PADDING_PX = 8


# Below this zoom (a narrow map, or the user zoomed out) the labels' names would overlap: the
# labels shrink to their counts, and the names stay in the tooltips and popups.
COMPACT_LABEL_ZOOM = 11.25


@dataclass(frozen=True)
class MapLayers:
    """What a page hands to streamlit-folium.

    Attributes
    ----------
    base : folium.Map
        The map, its context layers, controls and legend; the same for every filter state.
    places : folium.FeatureGroup
        The named places coloured by the current filters, with popups, tooltips and labels.
    """

    base: folium.Map
    places: folium.FeatureGroup


def dominant_theme(initiatives: Sequence[Initiative], order: Sequence[str]) -> str | None:
    """Return the theme most initiatives share, ties going to the registry's order."""
    counts = Counter(theme for initiative in initiatives for theme in initiative.themes)
    if not counts:
        return None
    order = list(order)
    return max(order, key=lambda theme: (counts.get(theme, 0), -order.index(theme)))


def _swatch(colour: str, opacity: float) -> str:
    # The colour as the map lays it over its ground: at its opacity, the swatch's border solid.
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f'<i style="background:rgba({red}, {green}, {blue}, {opacity})"></i>'


def legend_html(data: PlanData, colour_by: str, language: str) -> str:
    """Return the legend for a colouring of the places, as escaped HTML that folds away.

    Each colour is shown as it is drawn: a place's fill at its opacity, and, when the plan has
    a wide area (all of Söderort, the region), a row of the lighter tones it is drawn in.
    """
    entries: list[tuple[str, str]] = []
    if colour_by == "follow_up":
        title = t("map.legend.follow_up", language)
        for value in FOLLOW_UP_VALUES:
            entries.append((FOLLOW_UP_STATUS_COLOURS[value], follow_up_label(value, language)))
        entries.append((NO_MATCH_COLOUR, t("map.legend.none", language)))
    elif colour_by == "theme":
        title = t("map.legend.theme", language)
        for theme_id, colour in theme_colours(list(data.themes)).items():
            entries.append((colour, data.theme_name(theme_id, language)))
        entries.append((NO_MATCH_COLOUR, t("map.legend.none", language)))
    else:
        title = t("map.legend.count", language)
        for low, high, colour in COUNT_BINS:
            entries.append((colour, count_bin_label(low, high)))

    def opacity(colour: str, wide: bool) -> float:
        if colour == NO_MATCH_COLOUR:
            return WIDE_EMPTY_FILL_OPACITY if wide else EMPTY_FILL_OPACITY
        return WIDE_FILL_OPACITY if wide else PLACE_FILL_OPACITY

    rows = [
        f"<div>{_swatch(colour, opacity(colour, False))}{escape(label)}</div>"
        for colour, label in entries
    ]
    if data.places["kind"].isin(WIDE_KINDS).any():
        tones = "".join(_swatch(colour, opacity(colour, True)) for colour, _ in entries)
        wide = escape(t("map.legend.wide", language))
        rows.append(f'<div class="sod-wide">{tones}<span>{wide}</span></div>')
    rows.append(
        f'<div><i class="sod-line"></i>{escape(t("map.legend.corridor", language))}</div>'
        f'<div><i class="sod-outline"></i>{escape(t("map.layer.outline", language))}</div>'
        f'<div><i class="sod-district"></i>{escape(t("map.layer.districts", language))}</div>'
    )
    # A <details> the reader can fold away on a small screen; open by default.
    return (
        f'<details class="sod-legend" open aria-label="{escape(title)}">'
        f"<summary>{escape(title)}</summary>{''.join(rows)}</details>"
    )


def _shared_geojson(data: PlanData, layer: str) -> dict[str, Any]:
    # The same on every run: converted from the frame once per plan.
    frame = data.districts if layer == "districts" else data.outline
    return per_plan(data, f"geojson.{layer}", lambda: _geojson(frame, ["id", "name"]))


def _place_geometry(data: PlanData, place_id: str) -> dict[str, Any]:
    shapes = per_plan(data, "place_geometry", dict)
    if place_id not in shapes:
        shapes[place_id] = mapping(data.places.loc[place_id].geometry)
    return shapes[place_id]


def _geojson(frame: gpd.GeoDataFrame, columns: Sequence[str]) -> dict[str, Any]:
    features = [
        {
            "type": "Feature",
            "properties": {column: row[column] for column in columns},
            "geometry": mapping(row.geometry),
        }
        for _, row in frame.iterrows()
    ]
    return {"type": "FeatureCollection", "features": features}


def build_base_map(
    data: PlanData,
    *,
    language: str = "sv",
    colour_by: str = "count",
    tiles: assets.TileConfig | None = None,
    height: str | int = "100%",
) -> folium.Map:
    """Build the base map: framed on Söderort, with its outline, its stadsdelar and the legend.

    The result depends only on plain values (language, colour mode, tiles), never on the filters,
    so that streamlit-folium does not reload it when the filters change.

    Parameters
    ----------
    data : PlanData
        The loaded data.
    language : str
        Interface language of legend and layer names.
    colour_by : {"count", "theme", "follow_up"}
        What the legend explains.
    tiles : TileConfig or None
        The tile source; None draws the map on a plain background.
    height : str or int
        The map's CSS height.

    Returns
    -------
    folium.Map
        A new map; never cache it across sessions.
    """
    bounds = soderort_bounds(data)
    centre = [(bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2]
    base = Map(
        location=centre,
        zoom_start=11,
        tiles=None,
        control_scale=False,
        height=height,
        min_zoom=8,
        max_zoom=tiles.max_zoom if tiles else 18,
        zoom_snap=ZOOM_SNAP,
        zoom_delta=ZOOM_DELTA,
    )
    localise_assets(base)
    base.get_root().header.add_child(folium.Element(MAP_CSS), name=MAP_CSS_NAME)
    # Metres and kilometres only: Leaflet's default adds a second bar in miles and feet. (Its
    # place is Leaflet's default, bottom left: folium 0.20's Control mistakes a given position
    # for arguments.)
    folium.features.Control("Scale", imperial=False).add_to(base)
    if tiles is not None:
        # An overlay rather than a base layer: the layer control then offers a box to switch
        # the background off, instead of a lone radio button.
        folium.TileLayer(
            tiles=tiles.url,
            attr=tiles.attribution,
            name=t("map.layer.tiles", language),
            max_zoom=tiles.max_zoom,
            subdomains=tiles.subdomains,
            overlay=True,
            control=True,
        ).add_to(base)

    # Söderort's stadsdelar thin and grey, its outline on top; neither reacts to the pointer.
    for layer, name, frame, style in (
        (
            "districts",
            t("map.layer.districts", language),
            data.districts,
            {"color": DISTRICT_COLOUR, "weight": 0.8, "fill": False, "opacity": 0.8},
        ),
        (
            "outline",
            t("map.layer.outline", language),
            data.outline,
            {"color": OUTLINE_COLOUR, "weight": 2.5, "fill": False},
        ),
    ):
        group = FeatureGroup(name=name, control=True)
        GeoJson(
            _shared_geojson(data, layer),
            bounds=leaflet_bounds(*frame.total_bounds),
            style_function=lambda _feature, style=style: style,
            interactive=False,
        ).add_to(group)
        group.add_to(base)

    fullscreen = Fullscreen(
        position="topleft",
        title=t("common.fullscreen", language),
        title_cancel=t("map.control.fullscreen_exit", language),
        force_separate_button=True,
    )
    localise_assets(fullscreen)
    fullscreen.add_to(base)
    Legend(legend_html(data, colour_by, language)).add_to(base)
    base.fit_bounds(bounds, padding=(FIT_PADDING_PX, FIT_PADDING_PX))
    LabelMode(COMPACT_LABEL_ZOOM).add_to(base)
    ControlTexts(language).add_to(base)
    return base


def _place_style(kind: str, colour: str, count: int) -> dict[str, Any]:
    if kind == "corridor":
        return {
            "color": CORRIDOR_COLOUR if count else "#8a8a8a",
            "weight": 6 if count else 4,
            "dashArray": "10 8",
            "opacity": 0.95,
        }
    if kind in WIDE_KINDS:
        return {
            "color": PLACE_EDGE_COLOUR if count else EMPTY_EDGE_COLOUR,
            "weight": 1.5,
            "fillColor": colour,
            "fillOpacity": WIDE_FILL_OPACITY if count else WIDE_EMPTY_FILL_OPACITY,
            "dashArray": "6 6" if kind == "region" else None,
        }
    return {
        "color": PLACE_EDGE_COLOUR if count else EMPTY_EDGE_COLOUR,
        "weight": 2,
        "fillColor": colour,
        "fillOpacity": PLACE_FILL_OPACITY if count else EMPTY_FILL_OPACITY,
        "dashArray": None if count else "4 4",
    }


def _highlight(kind: str) -> dict[str, Any]:
    # Under the pointer a place thickens its edge; a wide area only darkens a little, or hovering
    # anywhere in Söderort would cover every other place.
    if kind == "corridor":
        return {"weight": 9}
    if kind in WIDE_KINDS:
        return {"weight": 3, "fillOpacity": 0.22}
    return {"weight": 4, "fillOpacity": 0.9}


def build_place_layer(
    data: PlanData,
    initiatives: Sequence[Initiative],
    *,
    language: str = "sv",
    colour_by: str = "count",
    place_url: str | None = "/omrade",
    link_params: Mapping[str, str] | None = None,
) -> folium.FeatureGroup:
    """Build the layer of named places for the current filters.

    Each place is a filled area (or, for the corridor, a line) coloured by its number of matching
    initiatives or by their most common theme, with a tooltip (name and count), a popup (its
    matching initiatives) and a label with its count. Wide areas (Hela Söderort, Södertörn) are
    drawn first and faintly, so that the smaller places on top stay visible and clickable. The
    shapes are one GeoJSON layer styled by place id; their texts are bound by one script
    (`soderort.render.place_bindings`).

    The layer depends only on its arguments: the same filters give the same layer, byte for byte,
    so that a rerun which only changes the selected place leaves an open popup alone.

    Parameters
    ----------
    data : PlanData
        The loaded data.
    initiatives : sequence of Initiative
        The initiatives that match the filters, in the source's order.
    language : str
        Interface language.
    colour_by : {"count", "theme", "follow_up"}
        How places are coloured.
    place_url : str
        Path of the place page for the popups' links.
    link_params : mapping of str to str, optional
        Query parameters the popups' links keep (the current filters).

    Returns
    -------
    folium.FeatureGroup
        A new feature group, to be passed as ``feature_group_to_add``.
    """
    by_place = dict(group_by_place(data, initiatives))
    colours = theme_colours(list(data.themes))
    # Wide areas first (underneath), the corridor last: its line stays visible across the
    # places it runs through.
    drawing_order = {"region": 0, "outline": 1, "corridor": 3}
    ordered = sorted(
        data.place_order, key=lambda p: drawing_order.get(str(data.places.loc[p, "kind"]), 2)
    )
    features, styles, highlights, texts, labels = [], {}, {}, {}, []
    for place_id in ordered:
        kind = str(data.places.loc[place_id, "kind"])
        matching = by_place.get(place_id, [])
        count = len(matching)
        if colour_by == "follow_up":
            status = dominant_status(data, matching)
            colour = FOLLOW_UP_STATUS_COLOURS[status] if status else NO_MATCH_COLOUR
        elif colour_by == "theme":
            theme = dominant_theme(matching, list(data.themes))
            colour = colours[theme] if theme else NO_MATCH_COLOUR
        else:
            colour = count_colour(count)
        styles[place_id] = _place_style(kind, colour, count)
        highlights[place_id] = _highlight(kind)
        name = data.place_name(place_id, language)
        features.append(
            {
                "type": "Feature",
                "properties": {"id": place_id, "name": name, "count": count},
                "geometry": _place_geometry(data, place_id),
            }
        )
        counted = initiative_count(count, language)
        texts[place_id] = PlaceTexts(
            tooltip=f"<b>{escape(name)}</b> – {escape(counted)}",
            popup=popup_html(data, place_id, matching, language, place_url, link_params),
            name=f"{name}: {counted}",
        )
        lat, lon = label_point(data, place_id)
        zero = " sod-zero" if count == 0 else ""
        labels.append(
            PlaceLabel(
                place_id,
                lat,
                lon,
                f'<div class="sod-label{zero}" data-place="{escape(place_id)}" aria-hidden="true">'
                f'<span class="sod-name">{escape(name)}</span><b>{count}</b></div>',
            )
        )
    layer = FeatureGroup(name=t("map.layer.places", language), control=True)
    shapes = GeoJson(
        {"type": "FeatureCollection", "features": features},
        control=False,
        style_function=lambda feature: styles[feature["properties"]["id"]],
        highlight_function=lambda feature: highlights[feature["properties"]["id"]],
    )
    PlaceBindings(texts).add_to(shapes)
    shapes.add_to(layer)
    PlaceLabels(labels).add_to(layer)
    return layer


def build_map_layers(
    data: PlanData,
    initiatives: Sequence[Initiative],
    *,
    language: str = "sv",
    colour_by: str = "count",
    tiles: assets.TileConfig | None = None,
    place_url: str | None = "/omrade",
    link_params: Mapping[str, str] | None = None,
) -> MapLayers:
    """Build the base map and the place layer together.

    Parameters
    ----------
    data : PlanData
        The loaded data.
    initiatives : sequence of Initiative
        The initiatives that match the filters.
    language : str
        Interface language.
    colour_by : {"count", "theme", "follow_up"}
        How places are coloured.
    tiles : TileConfig or None
        The tile source, or None for a plain background.
    place_url : str
        Path of the place page.
    link_params : mapping of str to str, optional
        Query parameters the popups' links keep (the current filters).

    Returns
    -------
    MapLayers
        The base map and the layer of places.
    """
    base = build_base_map(data, language=language, colour_by=colour_by, tiles=tiles)
    places = build_place_layer(
        data,
        initiatives,
        language=language,
        colour_by=colour_by,
        place_url=place_url,
        link_params=link_params,
    )
    return MapLayers(base=base, places=places)
