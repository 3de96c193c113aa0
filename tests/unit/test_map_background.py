"""The map's background says which division it shows: today's, not the plan's of 2010."""

from __future__ import annotations

import html
import re

import folium
import pytest

from soderort.loading import PlanData
from soderort.render import map_layers


@pytest.mark.parametrize(
    ("language", "name"),
    [("sv", "Stadsdelar (dagens indelning)"), ("en", "Districts (today's division)")],
)
def test_the_district_layer_and_legend_name_todays_division(
    plan_data: PlanData, language: str, name: str
) -> None:
    base = map_layers.build_base_map(plan_data, language=language)
    layers = [c.layer_name for c in base._children.values() if isinstance(c, folium.FeatureGroup)]
    assert name in layers
    # The legend travels inside a script as JSON: undo its escapes, then the HTML ones.
    page = re.sub(
        r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), base.get_root().render()
    )
    assert name in html.unescape(page)
    assert sorted(plan_data.areas["name"]) == [
        "Enskede-Årsta-Vantör",
        "Farsta",
        "Hägersten-Älvsjö",
        "Skarpnäck",
        "Skärholmen",
    ]
