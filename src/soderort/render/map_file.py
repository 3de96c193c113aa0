"""The map as one standalone HTML file, its scripts inlined, for opening with no server."""

from __future__ import annotations

from collections.abc import Sequence

import folium
from branca.element import Element

from soderort import assets
from soderort.inert import html as escape
from soderort.loading import PlanData
from soderort.render.map_css import FILE_HEADER_CSS
from soderort.render.map_elements import (
    Rendered,
)
from soderort.render.map_layers import (
    MapLayers,
)
from soderort.render.map_scripts import SCRIPT_FILES, script_text, script_url


def standalone_html(
    data: PlanData, layers: MapLayers, *, title: str, lines: Sequence[str] = ()
) -> str:
    """Return the map as one HTML file that works with no server and no network but tiles.

    Leaflet and the full-screen plugin are inlined (images as data URIs) from the vendored copies,
    the map's own scripts from ``static/js/``.
    A heading above the map says what the file shows, so that it still makes sense when it is
    opened weeks later from a USB stick.

    Parameters
    ----------
    data : PlanData
        The loaded data (unused beyond the layers, kept for a uniform signature).
    layers : MapLayers
        The base map and place layer; the layer is added to the map, so build fresh layers for
        each call.
    title : str
        The document's title and its heading (plain text; escaped here).
    lines : sequence of str
        Plain text lines under the heading: the source, the filters, the export date.

    Returns
    -------
    str
        A complete HTML document.
    """
    base = layers.base
    layers.places.add_to(base)
    folium.LayerControl(collapsed=True).add_to(base)
    root = base.get_root()
    root.title = escape(title)
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    root.header.add_child(Element(FILE_HEADER_CSS), name="soderort_file_css")
    root.html.add_child(
        Rendered(f'<header class="sod-file"><h1>{escape(title)}</h1><ul>{items}</ul></header>'),
        name="soderort_file_header",
        index=0,
    )
    html = root.render()
    sources = {
        assets.LEAFLET_JS: assets.read_asset_text(assets.LEAFLET_JS_FILE),
        assets.FULLSCREEN_JS: assets.read_asset_text(assets.FULLSCREEN_JS_FILE),
        **{script_url(name): script_text(name) for name in SCRIPT_FILES},
    }
    for url, source in sources.items():
        inline = source.replace("</script", "<\\/script")
        html = html.replace(f'<script src="{url}"></script>', f"<script>{inline}</script>")
    for url, name in (
        (assets.LEAFLET_CSS, assets.LEAFLET_CSS_FILE),
        (assets.FULLSCREEN_CSS, assets.FULLSCREEN_CSS_FILE),
    ):
        css = assets.inline_css_urls(name)
        html = html.replace(f'<link rel="stylesheet" href="{url}"/>', f"<style>{css}</style>")
    return html
