"""The light map: one server-made HTML page of a view's map, for phones and for embedding.

The map is the dashboard's own (`livemap.map_view.view_map`): its colours, labels, legend and
popups. Around it the page says what is shown (the filters in words and the count), lists the
map's content as text, names the source, and links to the same view in the full dashboard. No
Streamlit: Leaflet, the page's style and its script come from the app's static files. With
`embed` the frame around the map is kept for screen readers only, and the map fills the window.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

import folium

from soderort import assets, paths, viewstate
from soderort.describe import describe_filters, document_source
from soderort.facts import count_with_undated, group_by_place
from soderort.filters import filter_initiatives
from soderort.i18n import format_date, initiative_count, t
from soderort.inert import html as escape
from soderort.livemap.map_view import view_map
from soderort.loading import PlanData
from soderort.model import Initiative
from soderort.readings import shown_text
from soderort.render.map_layers import MAP_CSS_NAME
from soderort.render.map_popups import initiative_html

# The page's own style under static/ (not vendored: it is the project's).
PAGE_CSS_FILE = "karta.css"
# The open-graph image's size: what link previews in messages and mail expect (1.91:1).
PREVIEW_WIDTH_PX = 1200
PREVIEW_HEIGHT_PX = 630
# The light map's paths under the app's base path: the page and its preview image.
PAGE_PATH = "karta.html"
PREVIEW_PATH = "karta.png"
# The light map's own parameter, beside the view's: the page without its frame, for an iframe.
QP_EMBED = "embed"
FOLIUM_VIEWPORT = re.compile(r'<meta name="viewport"[^>]*>')


@dataclass(frozen=True)
class PageAddresses:
    """Where the page's links lead: all paths under the app's base path.

    Attributes
    ----------
    base : str
        The app's base path, "" at the root or e.g. "/soderort".
    origin : str
        The scheme and host the page was asked for (for the open-graph tags, which must be
        absolute), e.g. "https://soderort.example.se".
    """

    base: str
    origin: str

    def path(self, page: str) -> str:
        """Return the path of one of the app's pages or files."""
        return f"{self.base}/{page.lstrip('/')}"

    def static(self, name: str) -> str:
        """Return the address of one of the page's own files under static/, by its content.

        The hash of the file's bytes is in the address: a browser may keep the file (see
        `soderort.web.static_files`), and a changed file is a new address.
        """
        digest = hashlib.sha256((paths.STATIC_DIR / name).read_bytes()).hexdigest()[:12]
        return self.path(f"app/static/{name}?v={digest}")


@dataclass(frozen=True)
class LightView:
    """What one light map shows: the dashboard's view, its colouring and whether it is framed."""

    view: viewstate.ViewState
    colour_by: str = "count"
    embed: bool = False

    def query(self, data: PlanData, *, embed: bool | None = None) -> dict[str, str]:
        """Return the view as the dashboard's query parameters, the light map's own after them."""
        query = viewstate.encode_query(self.view, data)
        if self.colour_by != viewstate.DEFAULT_COLOUR:
            query[viewstate.QP_COLOUR] = self.colour_by
        if self.embed if embed is None else embed:
            query[QP_EMBED] = "1"
        return query


def _href(path: str, query: Mapping[str, str]) -> str:
    return f"{path}?{urlencode(query)}" if query else path


def page_title(data: PlanData, light: LightView, count: str) -> str:
    """Return the page's title: the place (if one is chosen), the map's name and the count."""
    language = light.view.language
    parts = [t("map.title", language), count]
    if light.view.place:
        parts.insert(0, data.place_name(light.view.place, language))
    return " – ".join(parts)


def description(data: PlanData, light: LightView, count: str) -> str:
    """Return the meta description: the count, then the filters in words."""
    language = light.view.language
    lines = describe_filters(light.view.filters, data, language)
    text = t("light.description", language, count=count)
    return " ".join([text, *(f"{line}." for line in lines)])


def _latest_recorded(data: PlanData) -> dt.date | None:
    dates = [entry.recorded for entries in data.follow_ups.values() for entry in entries]
    return max(dates) if dates else None


def _text_list(data: PlanData, light: LightView, initiatives: Sequence[Initiative]) -> str:
    """Return the map's content as text: each place with its initiatives, as in the popups."""
    language = light.view.language
    groups = group_by_place(data, initiatives)
    if light.view.place:
        groups = [(place, items) for place, items in groups if place == light.view.place]
    parts = [f'<h2 id="sod-list-heading">{escape(t("map.text_alternative", language))}</h2>']
    if not groups:
        parts.append(f"<p>{escape(t('report.no_initiatives', language))}</p>")
    for place_id, items in groups:
        name = data.place_name(place_id, language)
        counted = initiative_count(len(items), language)
        parts.append(
            f'<section class="sod-place" lang="sv"><h3>{escape(name)} ({escape(counted)})</h3>'
        )
        for initiative in items:
            heading = escape(shown_text(initiative, "rubrik", language))
            parts.append(f"<h4>{heading}</h4>{initiative_html(data, initiative, language)}")
        parts.append("</section>")
    return "".join(parts)


def render_page(
    data: PlanData,
    light: LightView,
    addresses: PageAddresses,
    tiles: assets.TileConfig | None,
) -> str:
    """Return the light map of a view as a complete HTML document.

    Parameters
    ----------
    data : PlanData
        The loaded plan.
    light : LightView
        The view, its colouring and whether the page is embedded.
    addresses : PageAddresses
        Where the page's links and files lie.
    tiles : TileConfig or None
        The map's tiles; None draws it on a plain background.

    Returns
    -------
    str
        The document; every text from the data or the address is escaped.
    """
    view = light.view
    language = view.language
    initiatives = filter_initiatives(data, view.filters)
    count = count_with_undated(view.filters, initiatives, len(data.initiatives), language)
    title = page_title(data, light, count)
    layers = view_map(
        data,
        initiatives,
        view,
        tiles=tiles,
        place_url=addresses.path(viewstate.PLACE_PAGE_PATH),
        colour_by=light.colour_by,
    )
    layers.places.add_to(layers.base)
    folium.LayerControl(collapsed=True).add_to(layers.base)
    root = layers.base.get_root()
    for child in root._children.values():
        child.render()
    # The map's own style after Leaflet's, which the render has only now added to the header:
    # the popups' margins, which the phone's popup sizing counts on, are the map's own.
    root.header._children.move_to_end(MAP_CSS_NAME)
    # Folium's viewport forbids zooming the page, which a reader with low vision needs.
    map_header = FOLIUM_VIEWPORT.sub("", root.header.render())
    map_html = root.html.render()
    map_script = root.script.render()

    shared = light.query(data, embed=False)
    dashboard = _href(addresses.path(""), shared)
    image = addresses.origin + _href(addresses.path(PREVIEW_PATH), shared)
    page_url = addresses.origin + _href(addresses.path(PAGE_PATH), shared)
    text = description(data, light, count)
    filters = describe_filters(view.filters, data, language) or [t("report.no_filters", language)]
    source = document_source(data, language)
    data_lines = [source]
    recorded = _latest_recorded(data)
    if recorded:
        data_lines.append(t("light.recorded", language, date=format_date(recorded, language)))
    open_full = escape(t("light.open_full", language))
    target = ' target="_blank" rel="noopener"' if light.embed else ""
    filter_items = "".join(f"<li>{escape(line)}</li>" for line in filters)
    footer_items = "".join(f"<p>{escape(line)}</p>" for line in data_lines)
    text_list = _text_list(data, light, initiatives)
    open_link = f'<a href="{escape(dashboard)}"{target}>{open_full} →</a>'
    body_class = "sod-light sod-embed" if light.embed else "sod-light"
    return f"""<!DOCTYPE html>
<html lang="{escape(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<meta name="description" content="{escape(text)}">
<meta property="og:type" content="website">
<meta property="og:title" content="{escape(title)}">
<meta property="og:description" content="{escape(text)}">
<meta property="og:url" content="{escape(page_url)}">
<meta property="og:image" content="{escape(image)}">
<meta property="og:image:type" content="image/png">
<meta property="og:image:width" content="{PREVIEW_WIDTH_PX}">
<meta property="og:image:height" content="{PREVIEW_HEIGHT_PX}">
<meta property="og:image:alt" content="{escape(t("light.image_alt", language))}">
<meta property="og:locale" content="{"sv_SE" if language == "sv" else "en_GB"}">
<meta name="twitter:card" content="summary_large_image">
{map_header}
<link rel="stylesheet" href="{escape(addresses.static(PAGE_CSS_FILE))}">
</head>
<body class="{body_class}">
<header class="sod-head">
<h1>{escape(title)}</h1>
<ul class="sod-filters" aria-label="{escape(t("common.filters", language))}">{filter_items}</ul>
</header>
<nav class="sod-open" aria-label="{open_full}">{open_link}</nav>
<main>
<div class="sod-map" role="region" aria-label="{escape(t("page.map", language))}">{map_html}</div>
<section class="sod-list" aria-labelledby="sod-list-heading">{text_list}</section>
</main>
<footer class="sod-foot">{footer_items}</footer>
<script>{map_script}</script>
</body>
</html>
"""
