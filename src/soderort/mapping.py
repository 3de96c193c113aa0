"""Folium map builders: a base map that stays put, and a layer of places that follows the filters.

The page hands the base map to streamlit-folium once and the place layer as
``feature_group_to_add``: when the filters change only the layer is swapped, so the map keeps
the user's zoom and pan. Everything a user can type into the data is HTML-escaped here.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Any
from urllib.parse import quote

import folium
import geopandas as gpd
from folium.plugins import Fullscreen
from shapely.geometry import box, mapping

from soderort import assets
from soderort.filters import count_by_place
from soderort.loading import PlanData
from soderort.model import Initiative

# ColorBrewer "Blues": sequential and safe for colour-blind readers; each step pairs with a
# text colour that keeps WCAG AA contrast on the label badges.
COUNT_BINS: tuple[tuple[int, int | None, str], ...] = (
    (0, 0, "#f2f2f2"),
    (1, 1, "#c6dbef"),
    (2, 2, "#6baed6"),
    (3, 4, "#2171b5"),
    (5, None, "#08306b"),
)
# Okabe–Ito: a qualitative palette distinguishable with the common colour-vision deficiencies.
THEME_PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#D55E00",
    "#56B4E9",
    "#F0E442",
    "#000000",
)
NO_MATCH_COLOUR = "#f2f2f2"
OUTLINE_COLOUR = "#1a1a1a"
DISTRICT_COLOUR = "#7a7a7a"
BACKGROUND_COLOUR = "#eef2f5"
# Places whose area holds others are drawn faintly and underneath, so the small ones stay visible.
WIDE_KINDS = ("outline", "region")
POPUP_FULL_LIMIT = 3
POPUP_LIST_LIMIT = 8

LABELS = {
    "sv": {
        "count": "{n} initiativ",
        "no_match": "Inga initiativ matchar filtren här.",
        "approximate": "Ungefärlig avgränsning",
        "open_place": "Öppna områdessidan",
        "more": "… och {n} till på områdessidan",
        "lead": "ansvarig",
        "collaborator": "i samverkan",
        "committees": "Ansvariga",
        "legend_count": "Antal matchande initiativ",
        "legend_theme": "Tema (vanligaste bland träffarna)",
        "legend_none": "Inga träffar",
        "legend_corridor": "Stråk (schematiskt)",
        "legend_outline": "Söderorts gräns",
        "layer_places": "Områden och initiativ",
        "layer_districts": "Stadsdelar",
        "layer_outline": "Söderort",
        "layer_tiles": "Bakgrundskarta",
        "cut": "Texten är avklippt i källan",
        "fields": {
            "uppdrag": "Uppdrag",
            "forvantat_resultat": "Förväntat resultat",
            "tidplan": "Tidplan",
        },
    },
    "en": {
        "count": "{n} initiatives",
        "no_match": "No initiative here matches the filters.",
        "approximate": "Approximate boundary",
        "open_place": "Open the place page",
        "more": "… and {n} more on the place page",
        "lead": "lead",
        "collaborator": "in collaboration",
        "committees": "Responsible",
        "legend_count": "Matching initiatives",
        "legend_theme": "Theme (most common among matches)",
        "legend_none": "No matches",
        "legend_corridor": "Corridor (schematic)",
        "legend_outline": "Söderort boundary",
        "layer_places": "Places and initiatives",
        "layer_districts": "Districts",
        "layer_outline": "Söderort",
        "layer_tiles": "Base map",
        "cut": "Cut off in the source",
        "fields": {
            "uppdrag": "Assignment",
            "forvantat_resultat": "Expected result",
            "tidplan": "Timeline",
        },
    },
}

MAP_CSS = f"""
<style>
.leaflet-container {{ background: {BACKGROUND_COLOUR}; font: 15px/1.4 "Source Sans Pro",
  "Source Sans 3", system-ui, sans-serif; }}
.sod-popup {{ max-height: 340px; overflow-y: auto; color: #1a1a1a; }}
.sod-popup h3 {{ font-size: 17px; margin: 0 0 2px; }}
.sod-popup h4 {{ font-size: 15px; margin: 8px 0 2px; }}
.sod-popup .sod-meta {{ color: #4a4a4a; font-size: 13px; margin: 0 0 4px; }}
.sod-popup dl {{ margin: 0; }}
.sod-popup dt {{ font-weight: 600; font-size: 13px; margin-top: 4px; }}
.sod-popup dd {{ margin: 0; font-size: 14px; overflow-wrap: anywhere; }}
.sod-popup details summary {{ cursor: pointer; font-weight: 600; margin-top: 6px; }}
.sod-popup a {{ color: #00539B; font-weight: 600; }}
.sod-cut {{ color: #8a1c1c; }}
.sod-label {{ display: inline-block; white-space: nowrap; transform: translate(-50%, -50%);
  background: rgba(255,255,255,0.92); border: 1px solid #5a5a5a; border-radius: 12px;
  padding: 1px 8px; font-size: 13px; color: #1a1a1a; box-shadow: 0 1px 2px rgba(0,0,0,.25); }}
.sod-label b {{ display: inline-block; min-width: 1.4em; text-align: center; margin-left: 5px;
  background: #08306b; color: #fff; border-radius: 9px; padding: 0 4px; }}
.sod-label.sod-zero {{ color: #4a4a4a; border-style: dashed; }}
.sod-label.sod-zero b {{ background: #6b6b6b; }}
.sod-legend {{ background: rgba(255,255,255,0.95); padding: 8px 10px; border-radius: 6px;
  box-shadow: 0 1px 4px rgba(0,0,0,.3); font-size: 13px; line-height: 1.5; color: #1a1a1a; }}
.sod-legend h4 {{ margin: 0 0 4px; font-size: 13px; }}
.sod-legend i {{ display: inline-block; width: 14px; height: 14px; margin-right: 6px;
  vertical-align: -2px; border: 1px solid #5a5a5a; }}
.sod-legend i.sod-line {{ height: 0; border: 0; border-top: 3px dashed #D55E00; }}
.sod-legend i.sod-outline {{ background: none; border: 2px solid {OUTLINE_COLOUR}; }}
</style>
"""


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


def text(key: str, language: str) -> Any:
    """Return a map label in the given language (Swedish when the language is unknown)."""
    return LABELS.get(language, LABELS["sv"])[key]


def count_colour(count: int) -> str:
    """Return the fill colour for a place with `count` matching initiatives.

    Parameters
    ----------
    count : int
        Number of matching initiatives.

    Returns
    -------
    str
        A hex colour from `COUNT_BINS`.
    """
    for low, high, colour in COUNT_BINS:
        if count >= low and (high is None or count <= high):
            return colour
    return COUNT_BINS[-1][2]


def theme_colours(data: PlanData) -> dict[str, str]:
    """Return a colour for every theme, in the registry's order.

    Parameters
    ----------
    data : PlanData
        The loaded data.

    Returns
    -------
    dict of str to str
        Theme id to hex colour.
    """
    return {
        theme_id: THEME_PALETTE[index % len(THEME_PALETTE)]
        for index, theme_id in enumerate(data.themes)
    }


def dominant_theme(initiatives: Sequence[Initiative], order: Sequence[str]) -> str | None:
    """Return the theme most initiatives share, ties going to the registry's order."""
    counts = Counter(theme for initiative in initiatives for theme in initiative.themes)
    if not counts:
        return None
    return max(order, key=lambda theme: (counts.get(theme, 0), -list(order).index(theme)))


def soderort_bounds(data: PlanData) -> list[list[float]]:
    """Return Söderort's bounds as Leaflet wants them: [[south, west], [north, east]]."""
    west, south, east, north = data.outline.total_bounds
    return [[float(south), float(west)], [float(north), float(east)]]


def place_bounds(data: PlanData, place_id: str) -> list[list[float]]:
    """Return one place's bounds as [[south, west], [north, east]].

    Parameters
    ----------
    data : PlanData
        The loaded data.
    place_id : str
        A place id.

    Returns
    -------
    list of list of float
        The bounds of the place's geometry.
    """
    west, south, east, north = data.places.loc[place_id, "geometry"].bounds
    return [[float(south), float(west)], [float(north), float(east)]]


def label_point(data: PlanData, place_id: str) -> tuple[float, float]:
    """Return (lat, lon) for a place's label, kept within Söderort's frame for wide regions.

    Parameters
    ----------
    data : PlanData
        The loaded data.
    place_id : str
        A place id.

    Returns
    -------
    tuple of float
        Latitude and longitude.
    """
    row = data.places.loc[place_id]
    if row["kind"] == "region":
        # A region reaching far beyond Söderort gets its label where it meets the map's frame.
        west, south, east, north = data.outline.total_bounds
        frame = box(west, south - 0.06, east, north)
        visible = row.geometry.intersection(frame)
        if not visible.is_empty:
            point = visible.representative_point()
            return float(point.y), float(point.x)
    return float(row["label_lat"]), float(row["label_lon"])


def _committee_line(data: PlanData, initiative: Initiative, language: str) -> str:
    parts = []
    for ref in sorted(initiative.committees, key=lambda r: r.role != "lead"):
        committee = data.committees.get(ref.id)
        name = committee.name if committee else ref.id
        parts.append(f"{escape(name)} ({text(ref.role.value, language)})")
    return "; ".join(parts)


def _field_html(initiative: Initiative, field: str, language: str) -> str:
    value = getattr(initiative, field)
    if not value:
        return ""
    cut = ""
    if initiative.is_truncated(field):
        cut = f' <span class="sod-cut" title="{escape(text("cut", language))}">…</span>'
    label = text("fields", language)[field]
    return f"<dt>{escape(label)}</dt><dd>{escape(value)}{cut}</dd>"


def initiative_html(data: PlanData, initiative: Initiative, language: str = "sv") -> str:
    """Return one initiative as escaped HTML for a popup: heading, fields and committees.

    Parameters
    ----------
    data : PlanData
        The loaded data (for committee names).
    initiative : Initiative
        The initiative.
    language : str
        Interface language of the labels; the initiative's text stays Swedish.

    Returns
    -------
    str
        An HTML fragment.
    """
    fields = "".join(
        _field_html(initiative, f, language) for f in ("uppdrag", "forvantat_resultat", "tidplan")
    )
    committees = (
        f"<dt>{escape(text('committees', language))}</dt>"
        f"<dd>{_committee_line(data, initiative, language)}</dd>"
    )
    return f"<dl>{fields}{committees}</dl>"


def popup_html(
    data: PlanData,
    place_id: str,
    initiatives: Sequence[Initiative],
    language: str = "sv",
    place_url: str = "/omrade",
) -> str:
    """Return a place's popup: its name, its matching initiatives and a link to its page.

    A place with a few initiatives shows them in full; with more, each opens on demand, and
    past `POPUP_LIST_LIMIT` the rest are left to the place page, so a popup never becomes a wall
    of text.

    Parameters
    ----------
    data : PlanData
        The loaded data.
    place_id : str
        The place.
    initiatives : sequence of Initiative
        The place's matching initiatives, in the source's order.
    language : str
        Interface language.
    place_url : str
        Path of the place page; the place id is added as ``?place=``.

    Returns
    -------
    str
        An HTML fragment with every value escaped.
    """
    row = data.places.loc[place_id]
    name = data.place_name(place_id, language)
    meta = [text("count", language).format(n=len(initiatives))]
    if bool(row["approximate"]):
        meta.append(text("approximate", language))
    parts = [
        f'<div class="sod-popup" lang="sv" data-place="{escape(place_id)}">',
        f"<h3>{escape(name)}</h3>",
        f'<p class="sod-meta">{escape(" · ".join(meta))}</p>',
    ]
    if not initiatives:
        parts.append(f"<p>{escape(text('no_match', language))}</p>")
    full = len(initiatives) <= POPUP_FULL_LIMIT
    for initiative in initiatives[:POPUP_LIST_LIMIT]:
        body = initiative_html(data, initiative, language)
        if full:
            parts.append(f"<h4>{escape(initiative.rubrik)}</h4>{body}")
        else:
            parts.append(f"<details><summary>{escape(initiative.rubrik)}</summary>{body}</details>")
    if len(initiatives) > POPUP_LIST_LIMIT:
        more = text("more", language).format(n=len(initiatives) - POPUP_LIST_LIMIT)
        parts.append(f'<p class="sod-meta">{escape(more)}</p>')
    href = f"{place_url}?place={quote(place_id)}"
    if language != "sv":
        href += f"&lang={quote(language)}"
    link_text = escape(text("open_place", language))
    parts.append(f'<p><a href="{escape(href)}" target="_top">{link_text} →</a></p>')
    parts.append("</div>")
    return "".join(parts)


def _localise_assets(element: Any) -> None:
    # Folium points at CDNs by default; the app serves its own copies instead.
    if isinstance(element, folium.Map):
        element.default_js = [("leaflet", assets.LEAFLET_JS)]
        element.default_css = [("leaflet_css", assets.LEAFLET_CSS)]
    elif isinstance(element, Fullscreen):
        element.default_js = [("Control.Fullscreen.js", assets.FULLSCREEN_JS)]
        element.default_css = [("Control.FullScreen.css", assets.FULLSCREEN_CSS)]


def _legend_html(data: PlanData, colour_by: str, language: str) -> str:
    rows = []
    if colour_by == "theme":
        rows.append(f"<h4>{escape(text('legend_theme', language))}</h4>")
        for theme_id, colour in theme_colours(data).items():
            theme = data.themes[theme_id]
            name = theme.name_en if language == "en" else theme.name
            rows.append(f'<div><i style="background:{colour}"></i>{escape(name)}</div>')
        rows.append(
            f'<div><i style="background:{NO_MATCH_COLOUR}"></i>'
            f"{escape(text('legend_none', language))}</div>"
        )
    else:
        rows.append(f"<h4>{escape(text('legend_count', language))}</h4>")
        for low, high, colour in COUNT_BINS:
            if high is None:
                label = f"{low}+"
            elif low == high:
                label = str(low)
            else:
                label = f"{low}–{high}"
            rows.append(f'<div><i style="background:{colour}"></i>{label}</div>')
    rows.append(
        f'<div><i class="sod-line"></i>{escape(text("legend_corridor", language))}</div>'
        f'<div><i class="sod-outline"></i>{escape(text("legend_outline", language))}</div>'
    )
    return f'<div class="sod-legend" role="region" aria-label="legend">{"".join(rows)}</div>'


class _Legend(folium.MacroElement):
    """A Leaflet control holding the legend, so that it stays inside the map in full screen."""

    _template = folium.template.Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.control({position: "bottomright"});
        {{ this.get_name() }}.onAdd = function () {
            var div = L.DomUtil.create("div", "sod-legend-control");
            div.innerHTML = {{ this.html|tojson }};
            L.DomEvent.disableClickPropagation(div);
            return div;
        };
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, html: str) -> None:
        super().__init__()
        self._name = "Legend"
        self.html = html


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
    colour_by : {"count", "theme"}
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
    base = folium.Map(
        location=centre,
        zoom_start=11,
        tiles=None,
        control_scale=True,
        height=height,
        min_zoom=8,
        max_zoom=tiles.max_zoom if tiles else 18,
        # Fractional zoom lets fitBounds fill the frame instead of stepping a whole level out.
        zoom_snap=0.25,
        zoom_delta=0.5,
    )
    _localise_assets(base)
    base.get_root().header.add_child(folium.Element(MAP_CSS), name="soderort_css")
    if tiles is not None:
        folium.TileLayer(
            tiles=tiles.url,
            attr=tiles.attribution,
            name=text("layer_tiles", language),
            max_zoom=tiles.max_zoom,
            control=True,
        ).add_to(base)

    districts = folium.FeatureGroup(name=text("layer_districts", language), control=True)
    folium.GeoJson(
        _geojson(data.districts, ["id", "name"]),
        name=text("layer_districts", language),
        style_function=lambda _feature: {
            "color": DISTRICT_COLOUR,
            "weight": 0.8,
            "fill": False,
            "opacity": 0.8,
        },
        interactive=False,
    ).add_to(districts)
    districts.add_to(base)

    outline = folium.FeatureGroup(name=text("layer_outline", language), control=True)
    folium.GeoJson(
        _geojson(data.outline, ["id", "name"]),
        style_function=lambda _feature: {
            "color": OUTLINE_COLOUR,
            "weight": 2.5,
            "fill": False,
        },
        interactive=False,
    ).add_to(outline)
    outline.add_to(base)

    fullscreen = Fullscreen(
        position="topleft",
        title="Helskärm" if language == "sv" else "Full screen",
        title_cancel="Lämna helskärm" if language == "sv" else "Exit full screen",
        force_separate_button=True,
    )
    _localise_assets(fullscreen)
    fullscreen.add_to(base)
    _Legend(_legend_html(data, colour_by, language)).add_to(base)
    base.fit_bounds(bounds)
    return base


def _place_style(kind: str, colour: str, count: int) -> dict[str, Any]:
    if kind == "corridor":
        return {"color": "#D55E00", "weight": 6, "dashArray": "10 8", "opacity": 0.95}
    if kind in WIDE_KINDS:
        return {
            "color": "#08306b" if count else "#6b6b6b",
            "weight": 1.5,
            "fillColor": colour,
            "fillOpacity": 0.12 if count else 0.04,
            "dashArray": "6 6" if kind == "region" else None,
        }
    return {
        "color": "#08306b" if count else "#6b6b6b",
        "weight": 2,
        "fillColor": colour,
        "fillOpacity": 0.7 if count else 0.35,
        "dashArray": None if count else "4 4",
    }


def build_place_layer(
    data: PlanData,
    initiatives: Sequence[Initiative],
    *,
    language: str = "sv",
    colour_by: str = "count",
    place_url: str = "/omrade",
) -> folium.FeatureGroup:
    """Build the layer of named places for the current filters.

    Each place is a filled area (or, for the corridor, a line) coloured by its number of matching
    initiatives or by their most common theme, with a tooltip (name and count), a popup (its
    matching initiatives) and a label with its count. Wide areas (Hela Söderort, Södertörn) are
    drawn first and faintly, so that the smaller places on top stay visible and clickable.

    Parameters
    ----------
    data : PlanData
        The loaded data.
    initiatives : sequence of Initiative
        The initiatives that match the filters, in the source's order.
    language : str
        Interface language.
    colour_by : {"count", "theme"}
        How places are coloured.
    place_url : str
        Path of the place page for the popups' links.

    Returns
    -------
    folium.FeatureGroup
        A new feature group, to be passed as ``feature_group_to_add``.
    """
    counts = count_by_place(data, initiatives)
    by_place: dict[str, list[Initiative]] = {place: [] for place in data.places.index}
    for initiative in initiatives:
        for place in initiative.places:
            if place in by_place:
                by_place[place].append(initiative)
    colours = theme_colours(data)
    layer = folium.FeatureGroup(name=text("layer_places", language), control=True)
    ordered = sorted(
        data.place_order,
        key=lambda p: (data.places.loc[p, "kind"] not in WIDE_KINDS, p == "hela-soderort"),
    )
    for place_id in ordered:
        row = data.places.loc[place_id]
        matching = by_place.get(place_id, [])
        count = counts.get(place_id, 0)
        if colour_by == "theme":
            theme = dominant_theme(matching, list(data.themes))
            colour = colours[theme] if theme else NO_MATCH_COLOUR
        else:
            colour = count_colour(count)
        style = _place_style(str(row["kind"]), colour, count)
        name = data.place_name(place_id, language)
        feature = {
            "type": "Feature",
            "properties": {"id": place_id, "name": name, "count": count},
            "geometry": mapping(row.geometry),
        }
        tooltip = f"{name} – {text('count', language).format(n=count)}"
        folium.GeoJson(
            feature,
            name=name,
            style_function=lambda _feature, style=style: style,
            highlight_function=lambda _feature: {"weight": 4, "fillOpacity": 0.8},
            tooltip=folium.Tooltip(escape(tooltip), sticky=True),
            popup=folium.Popup(
                popup_html(data, place_id, matching, language, place_url),
                max_width=420,
                lazy=True,
            ),
        ).add_to(layer)
        lat, lon = label_point(data, place_id)
        zero = " sod-zero" if count == 0 else ""
        label = (
            f'<div class="sod-label{zero}" data-place="{escape(place_id)}">'
            f"{escape(name)}<b>{count}</b></div>"
        )
        folium.Marker(
            [lat, lon],
            icon=folium.DivIcon(html=label, class_name="sod-label-icon", icon_size=(0, 0)),
            interactive=False,
            keyboard=False,
        ).add_to(layer)
    return layer


def build_map_layers(
    data: PlanData,
    initiatives: Sequence[Initiative],
    *,
    language: str = "sv",
    colour_by: str = "count",
    tiles: assets.TileConfig | None = None,
    place_url: str = "/omrade",
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
    colour_by : {"count", "theme"}
        How places are coloured.
    tiles : TileConfig or None
        The tile source, or None for a plain background.
    place_url : str
        Path of the place page.

    Returns
    -------
    MapLayers
        The base map and the layer of places.
    """
    base = build_base_map(data, language=language, colour_by=colour_by, tiles=tiles)
    places = build_place_layer(
        data, initiatives, language=language, colour_by=colour_by, place_url=place_url
    )
    return MapLayers(base=base, places=places)


def clicked_place(returned: dict[str, Any] | None, data: PlanData) -> str | None:
    """Return the id of the place the user clicked, from streamlit-folium's return value.

    Parameters
    ----------
    returned : dict or None
        What ``st_folium`` returned (its ``last_active_drawing`` holds the clicked feature).
    data : PlanData
        The loaded data, to accept only known place ids.

    Returns
    -------
    str or None
        A place id, or None when nothing known was clicked.
    """
    if not isinstance(returned, dict):
        return None
    feature = returned.get("last_active_drawing")
    if not isinstance(feature, dict):
        return None
    properties = feature.get("properties")
    if not isinstance(properties, dict):
        return None
    place_id = properties.get("id")
    return place_id if isinstance(place_id, str) and place_id in data.places.index else None


def standalone_html(data: PlanData, layers: MapLayers) -> str:
    """Return the map as one HTML file that works with no server and no network but tiles.

    Leaflet and the full-screen plugin are inlined (images as data URIs) from the vendored copies.

    Parameters
    ----------
    data : PlanData
        The loaded data (unused beyond the layers, kept for a uniform signature).
    layers : MapLayers
        The base map and place layer; the layer is added to a fresh render of the map.

    Returns
    -------
    str
        A complete HTML document.
    """
    base = layers.base
    layers.places.add_to(base)
    folium.LayerControl(collapsed=True).add_to(base)
    html = base.get_root().render()
    for url, name in (
        (assets.LEAFLET_JS, assets.LEAFLET_JS_FILE),
        (assets.FULLSCREEN_JS, assets.FULLSCREEN_JS_FILE),
    ):
        source = assets.read_asset_text(name).replace("</script", "<\\/script")
        html = html.replace(f'<script src="{url}"></script>', f"<script>{source}</script>")
    for url, name in (
        (assets.LEAFLET_CSS, assets.LEAFLET_CSS_FILE),
        (assets.FULLSCREEN_CSS, assets.FULLSCREEN_CSS_FILE),
    ):
        css = assets.inline_css_urls(name)
        html = html.replace(f'<link rel="stylesheet" href="{url}"/>', f"<style>{css}</style>")
    return html


def geojson_bytes(frame: gpd.GeoDataFrame) -> int:
    """Return the size in bytes of a layer serialised as GeoJSON, for the payload budget."""
    return len(json.dumps(_geojson(frame, ["id", "name"])).encode("utf-8"))
