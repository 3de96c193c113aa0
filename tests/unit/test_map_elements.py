"""The map's elements render each macro once on the branca and folium they were checked against.

That the data's text is not read as a template is `test_mapping`'s hostile-text test.
"""

from __future__ import annotations

import importlib.metadata

# The versions whose MacroElement.render and GeoJson._get_self_bounds render_once and
# map_elements.GeoJson were checked against (see map_elements' docstring).
CHECKED = {"branca": "0.8.2", "folium": "0.20.0"}


def test_the_copy_of_brancas_render_is_rechecked_when_branca_or_folium_changes() -> None:
    installed = {name: importlib.metadata.version(name) for name in CHECKED}
    assert installed == CHECKED, (
        "branca or folium changed: check render/map_elements.py against the new "
        "MacroElement.render and GeoJson._get_self_bounds, then update CHECKED"
    )
