"""The map's place layer as the browser receives it: rendered, then read back."""

from __future__ import annotations

import json
import re

import folium

# The options `soderort.render.place_bindings.PlaceBindings` hands the browser's function.
BOUND_TEXTS = re.compile(r"window\.soderort\.placeBindings\([\w$]+, (\{.*?\})\);\n")


def render_layer(layer: folium.FeatureGroup) -> str:
    """The page the layer is drawn in, as HTML."""
    m = folium.Map(tiles=None)
    layer.add_to(m)
    return m.get_root().render()


def bound_texts(html: str) -> dict[str, dict[str, str]]:
    """Place id -> the tooltip, popup and accessible name its shape is given, decoded."""
    return json.loads(BOUND_TEXTS.search(html).group(1))["texts"]


def place_fills(layer: folium.FeatureGroup) -> dict[str, str | None]:
    """Place id -> the fill colour its shape is drawn with (None for the corridor's line)."""
    shapes = next(c for c in layer._children.values() if isinstance(c, folium.GeoJson))
    return {
        feature["properties"]["id"]: shapes.style_function(feature).get("fillColor")
        for feature in shapes.data["features"]
    }
