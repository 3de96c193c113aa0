"""Folium elements whose macros render once, and that load Leaflet from the app's own copies.

Branca wraps each macro's output in a template and renders it a second time: slow, and it
evaluates any ``{{ … }}`` in the data's text. The subclasses here render each macro once.
Branca has no public way to do so; `render_once` reads what its own ``MacroElement.render``
reads: ``_template.module`` (the template's macros) and ``_children``; `GeoJson` answers
folium's ``_get_self_bounds``. `tests/unit/test_map_elements.py` pins branca's and folium's
versions, so that an upgrade rechecks these against the new ``MacroElement.render``.
"""

from __future__ import annotations

from typing import Any

import folium
from branca.element import Element, MacroElement
from folium.plugins import Fullscreen

from soderort import assets


def localise_assets(element: Any) -> None:
    """Point a map or full-screen control at the app's own copies of its scripts and styles."""
    # Folium points at CDNs by default; the app serves its own copies instead.
    if isinstance(element, folium.Map):
        element.default_js = [("leaflet", assets.LEAFLET_JS)]
        element.default_css = [("leaflet_css", assets.LEAFLET_CSS)]
    elif isinstance(element, Fullscreen):
        element.default_js = [("Control.Fullscreen.js", assets.FULLSCREEN_JS)]
        element.default_css = [("Control.FullScreen.css", assets.FULLSCREEN_CSS)]


class Rendered(Element):
    """Text that is already rendered: written out as it is."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: Any) -> str:
        """Return the text unchanged."""
        return self.text


def render_once(element: MacroElement, **kwargs: Any) -> None:
    """Branca's `MacroElement.render`, without reading the rendered text again as a template.

    Branca wraps each macro's output in ``Element(text)``, which compiles that text as a Jinja
    template and renders it a second time. That costs about a millisecond per element (most of a
    rerun with a hundred places), and it evaluates any ``{{ … }}`` or ``{% … %}`` in the data's
    text: a heading with ``{% raw %}`` broke the map, one with ``{{ 7*7 }}`` showed "49".
    """
    figure = element.get_root()
    module = element._template.module
    for part, target in (("header", figure.header), ("html", figure.html)):
        macro = module.__dict__.get(part)
        if macro is not None:
            target.add_child(Rendered(macro(element, kwargs)), name=element.get_name())
    script = module.__dict__.get("script")
    if script is not None:
        figure.script.add_child(Rendered(script(element, kwargs)), name=element.get_name())
    for child in element._children.values():
        # Folium's own small helpers (e.g. the "addTo" of each layer) have no render of their
        # own: render them the same way.
        if type(child).render is MacroElement.render:
            render_once(child, **kwargs)
        else:
            child.render(**kwargs)


class RenderOnce(MacroElement):
    """Mixed in after a folium class, so that its ``super().render()`` lands in `render_once`."""

    def render(self, **kwargs: Any) -> None:
        """Render the element and its children, each macro's text once."""
        render_once(self, **kwargs)


class Map(folium.Map, RenderOnce):
    """A folium Map rendered by `render_once`."""


class FeatureGroup(folium.FeatureGroup, RenderOnce):
    """A folium FeatureGroup rendered by `render_once`."""


class GeoJson(folium.GeoJson, RenderOnce):
    """A folium GeoJson rendered by `render_once`, with its bounds given when they are known.

    streamlit-folium asks the map for its bounds on every run; folium finds them by walking every
    coordinate of every shape.
    """

    def __init__(self, *args: Any, bounds: list[list[float]] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.known_bounds = bounds

    def _get_self_bounds(self) -> list[list[float]]:
        if self.known_bounds is not None:
            return self.known_bounds
        return super()._get_self_bounds()
