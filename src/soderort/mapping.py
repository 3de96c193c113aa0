"""Folium map builders: a base map that stays put, and a layer of places that follows the filters.

The page hands the base map to streamlit-folium once and the place layer as
``feature_group_to_add``: when the filters change only the layer is swapped, so the map keeps
the user's zoom and pan. Every text from the data is HTML-escaped (`soderort.inert.html`).

Popups and tooltips are bound with small elements of our own rather than folium's: folium's
popup needs jQuery (which the app does not load; it loads nothing from a CDN), and its tooltip
pastes the text into a JavaScript template literal. Ours hand Leaflet a JSON string.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import folium
import geopandas as gpd
from branca.element import Element, MacroElement
from folium.plugins import Fullscreen
from folium.template import Template
from shapely.geometry import Point, box, mapping
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel

from soderort import assets
from soderort.facts import committee_entries, group_by_place
from soderort.followup import (
    FOLLOW_UP_VALUES,
    dominant_status,
    entry_status_label,
    follow_up_label,
    format_partial_date,
    source_text,
)
from soderort.i18n import column_label, initiative_count, t
from soderort.inert import html as escape
from soderort.loading import PlanData
from soderort.memo import per_plan
from soderort.model import Initiative
from soderort.palette import (
    CORRIDOR_COLOUR,
    COUNT_BINS,
    DISTRICT_COLOUR,
    EMPTY_EDGE_COLOUR,
    FOCUS_COLOUR,
    FOLLOW_UP_STATUS_COLOURS,
    HEADING_COLOUR,
    LABEL_CHIP_COLOUR,
    LABEL_CHIP_EMPTY_COLOUR,
    MUTED_TEXT_COLOUR,
    NO_MATCH_COLOUR,
    OUTLINE_COLOUR,
    PLACE_EDGE_COLOUR,
    TEXT_COLOUR,
    count_bin_label,
    count_colour,
    theme_colours,
)
from soderort.palette import MAP_BACKGROUND_COLOUR as BACKGROUND_COLOUR
from soderort.readings import shown_text

# Maps narrower than this (a phone) start with the legend folded.
LEGEND_FOLD_BELOW_PX = 560
# Places whose area holds others are drawn faintly and underneath, so the small ones stay visible.
WIDE_KINDS = ("outline", "region")
POPUP_FULL_LIMIT = 3
POPUP_LIST_LIMIT = 8
POPUP_MAX_WIDTH_PX = 420
# Width of the map's right-hand column of controls (layer control, legend), padding included.
LEGEND_COLUMN_PX = 240
# Leaflet rounds every zoom to a multiple of this. Whole levels would leave Söderort at half the
# frame's width; at 0.25 fitBounds loses at most 16 % of it, and the +/− buttons still step
# cleanly (by `ZOOM_DELTA`).
ZOOM_SNAP = 0.25
ZOOM_DELTA = 0.5
# Space kept free around Söderort when the map frames it, in pixels: the labels on its edge
# (Kungens kurva in the west, Skrubba in the east) stick out of the outline.
FIT_PADDING_PX = 8
# Share of the frame kept clear at its edges when a label is placed inside it (labels are centred
# on their point and some 200 px wide).
LABEL_INSET = (0.14, 0.07)
# Below this zoom (a narrow map, or the user zoomed out) the labels' names would overlap: the
# labels shrink to their counts, and the names stay in the tooltips and popups.
COMPACT_LABEL_ZOOM = 11.25
# What the page asks streamlit-folium to send back. A click on a place changes both; panning and
# zooming change neither, so they do not rerun the script. The click's position makes a second
# click on the same place count (after "show all places", say).
RETURNED_OBJECTS = ("last_active_drawing", "last_object_clicked")

MAP_CSS = f"""
<style>
.leaflet-container {{ background: {BACKGROUND_COLOUR}; font: 15px/1.4 "Source Sans Pro",
  "Source Sans 3", system-ui, sans-serif; }}
/* Chrome draws a focus box round a clicked SVG area; the popup already shows what was chosen.
   A place reached with Tab gets a thick outline of its own shape instead. */
.leaflet-container path.leaflet-interactive:focus {{ outline: none; }}
.leaflet-container path.leaflet-interactive:focus-visible {{
    stroke: {FOCUS_COLOUR}; stroke-width: 5px; stroke-opacity: 1; stroke-dasharray: none;
}}
.leaflet-popup-content {{ margin: 12px 14px; }}
.sod-popup {{ max-height: 360px; overflow-y: auto; color: #1a1a1a; padding-right: 4px; }}
.sod-popup h3 {{ font-size: 18px; line-height: 1.25; margin: 0 0 2px; }}
.sod-popup h4 {{ font-size: 16px; line-height: 1.3; margin: 10px 0 2px; color: #00396b; }}
.sod-popup .sod-meta {{ color: #4a4a4a; font-size: 13px; margin: 0 0 4px; }}
.sod-popup dl {{ margin: 0; }}
.sod-popup dt {{ font-weight: 600; font-size: 13px; margin-top: 5px; color: #3a3a3a; }}
.sod-popup dd {{ margin: 0; font-size: 14px; overflow-wrap: anywhere; }}
.sod-popup details {{ border-top: 1px solid #dde3ea; padding-top: 4px; margin-top: 4px; }}
.sod-popup details summary {{ cursor: pointer; font-weight: 600; color: #00396b; }}
.sod-popup a {{ color: #00539B; font-weight: 600; }}
.sod-popup p {{ margin: 8px 0 0; }}
.sod-cut {{ color: #8a1c1c; font-weight: 700; }}
.sod-followup {{ margin: 6px 0 2px; padding: 4px 8px; border-left: 4px solid #5a5a5a;
  background: #f4f6f8; font-size: 14px; }}
.sod-followup h5 {{ font-size: 13px; margin: 0; text-transform: uppercase; letter-spacing: .04em;
  color: #3a3a3a; }}
.sod-followup p {{ margin: 2px 0 0; }}
.sod-followup .sod-status {{ font-weight: 700; }}
.leaflet-tooltip.sod-tooltip {{ font-size: 14px; padding: 4px 8px; color: #1a1a1a; }}
.sod-label {{ display: inline-block; white-space: nowrap; transform: translate(-50%, -50%);
  background: rgba(255,255,255,0.94); border: 1px solid #5a5a5a; border-radius: 12px;
  padding: 1px 4px 1px 9px; font-size: 13px; line-height: 18px; color: #1a1a1a;
  box-shadow: 0 1px 2px rgba(0,0,0,.25); }}
.sod-label b {{ display: inline-block; min-width: 1.4em; text-align: center; margin-left: 6px;
  background: {LABEL_CHIP_COLOUR}; color: #fff; border-radius: 9px; padding: 0 4px; }}
/* A long name (up to model.MAX_NAME_CHARS) ends in "…" on the label; the tooltip has it whole. */
.sod-label .sod-name {{ display: inline-block; max-width: 16em; overflow: hidden;
  text-overflow: ellipsis; vertical-align: top; }}
.sod-label.sod-zero {{ color: #4a4a4a; border-style: dashed; }}
.sod-compact .sod-label {{ padding: 1px 3px; }}
.sod-compact .sod-label .sod-name {{ display: none; }}
.sod-compact .sod-label b {{ margin-left: 0; }}
.sod-label.sod-zero b {{ background: {LABEL_CHIP_EMPTY_COLOUR}; }}
.sod-legend {{ background: rgba(255,255,255,0.95); padding: 5px 9px; border-radius: 6px;
  box-shadow: 0 1px 4px rgba(0,0,0,.3); font-size: 13px; line-height: 1.32; color: #1a1a1a;
  max-width: {LEGEND_COLUMN_PX - 20}px; }}
.sod-legend summary {{ cursor: pointer; font-weight: 600; margin-bottom: 2px; }}
.sod-legend i {{ display: inline-block; width: 13px; height: 13px; margin-right: 6px;
  vertical-align: -2px; border: 1px solid #5a5a5a; }}
.sod-legend i.sod-line {{ height: 0; border: 0; border-top: 3px dashed {CORRIDOR_COLOUR}; }}
.sod-legend i.sod-outline {{ background: none; border: 2px solid {OUTLINE_COLOUR}; }}
.sod-legend i.sod-district {{ height: 0; border: 0; border-top: 1px solid {DISTRICT_COLOUR}; }}
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


def dominant_theme(initiatives: Sequence[Initiative], order: Sequence[str]) -> str | None:
    """Return the theme most initiatives share, ties going to the registry's order."""
    counts = Counter(theme for initiative in initiatives for theme in initiative.themes)
    if not counts:
        return None
    order = list(order)
    return max(order, key=lambda theme: (counts.get(theme, 0), -order.index(theme)))


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


def _label_frame(data: PlanData) -> BaseGeometry:
    """Return where a centred label fits whole in the first view: Söderort's box, inset."""
    west, south, east, north = (float(v) for v in data.outline.total_bounds)
    inset_x = (east - west) * LABEL_INSET[0]
    inset_y = (north - south) * LABEL_INSET[1]
    return box(west + inset_x, south + inset_y, east - inset_x, north - inset_y)


def label_point(data: PlanData, place_id: str) -> tuple[float, float]:
    """Return (lat, lon) for a place's label, inside the map's first view.

    The data's label point is used where it lies in that view. A region reaching far beyond
    Söderort (Södertörn) gets its label in the widest stretch of it that the view shows, clear of
    Söderort; a corridor running out of the view gets its label on the line, where the line
    leaves the view.

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
    points = per_plan(data, "label_points", dict)
    if place_id not in points:
        points[place_id] = _find_label_point(data, place_id)
    return points[place_id]


def _find_label_point(data: PlanData, place_id: str) -> tuple[float, float]:
    row = data.places.loc[place_id]
    stored = Point(float(row["label_lon"]), float(row["label_lat"]))
    frame = _label_frame(data)
    if row["kind"] not in ("region", "corridor") or frame.contains(stored):
        return stored.y, stored.x
    geometry = row.geometry
    if row["kind"] == "corridor":
        inside = geometry.intersection(frame)
        if inside.is_empty:
            return stored.y, stored.x
        point = inside.interpolate(inside.project(stored))
        return float(point.y), float(point.x)
    # Keep the label off Söderort itself (its own labels live there) by a few hundred metres.
    visible = geometry.intersection(frame).difference(data.outline.union_all().buffer(0.004))
    parts = [part for part in getattr(visible, "geoms", [visible]) if part.area > 0]
    if not parts:
        return stored.y, stored.x
    point = polylabel(max(parts, key=lambda part: part.area), tolerance=0.0005)
    return float(point.y), float(point.x)


def _committee_line(data: PlanData, initiative: Initiative, language: str) -> str:
    # Each name inert on its own: a right-to-left control in it cannot turn its role around.
    return "; ".join(
        f"{escape(entry.name)} ({escape(entry.role)})"
        for entry in committee_entries(data, initiative, language)
    )


def _field_html(initiative: Initiative, field: str, language: str) -> str:
    value = shown_text(initiative, field, language)
    if not value:
        return ""
    cut = ""
    if initiative.is_truncated(field):
        cut_title = escape(t("truncated.explanation", language))
        cut = f' <span class="sod-cut" title="{cut_title}">…</span>'
    label = column_label(field, language)
    return f"<dt>{escape(label)}</dt><dd>{escape(value)}{cut}</dd>"


def initiative_html(data: PlanData, initiative: Initiative, language: str = "sv") -> str:
    """Return one initiative as escaped HTML for a popup: its fields and committees.

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
        An HTML fragment: Uppdrag, Förväntat resultat and Tidplan where stated (a "…" where the
        source cuts the text off), then the committees, leads first.
    """
    fields = "".join(
        _field_html(initiative, f, language) for f in ("uppdrag", "forvantat_resultat", "tidplan")
    )
    committees = (
        f"<dt>{escape(t('common.responsible', language))}</dt>"
        f"<dd>{_committee_line(data, initiative, language)}</dd>"
    )
    return f"<dl>{fields}{committees}</dl>{follow_up_html(data, initiative, language)}"


def follow_up_html(data: PlanData, initiative: Initiative, language: str = "sv") -> str:
    """Return an initiative's latest follow-up as escaped HTML, apart from the plan's text.

    A box headed "Uppföljning" with the status and its date, the entry's text and its source,
    linked (opening apart from the map, with no access back to it); "Ingen uppföljning
    registrerad" when there is no entry.
    """
    heading = f"<h5>{escape(t('followup.heading', language))}</h5>"
    latest = data.latest_follow_up(initiative.id)
    if latest is None:
        return (
            f'<div class="sod-followup">{heading}'
            f"<p>{escape(t('followup.none', language))}</p></div>"
        )
    status = t(
        "followup.status_on",
        language,
        status=entry_status_label(latest, language),
        date=format_partial_date(latest.date, language),
    )
    source = source_text(latest, language)
    title = escape(source.title)
    if source.url:
        title = (
            f'<a href="{escape(source.url)}" target="_blank" rel="noopener noreferrer">{title}</a>'
        )
    where = f" ({escape(source.reference)})" if source.reference else ""
    return (
        f'<div class="sod-followup">{heading}'
        f'<p class="sod-status">{escape(status)}</p><p>{escape(latest.text)}</p>'
        f"<p>{escape(t('common.source', language))}: {title}{where} – "
        f"{escape(source.publisher)}, {escape(source.date)}</p></div>"
    )


def place_link(
    place_id: str,
    language: str = "sv",
    place_url: str = "/omrade",
    link_params: Mapping[str, str] | None = None,
) -> str:
    """Return the link to a place's page, keeping the view's parameters.

    Parameters
    ----------
    place_id : str
        The place.
    language : str
        Interface language; added as ``lang`` unless Swedish or given in `link_params`.
    place_url : str
        Path of the place page.
    link_params : mapping of str to str, optional
        Further query parameters, e.g. the current filters; a ``place`` among them is replaced.

    Returns
    -------
    str
        A URL path with its query, not yet HTML-escaped.
    """
    params = {"place": place_id}
    params.update({k: v for k, v in (link_params or {}).items() if k != "place"})
    if language != "sv" and "lang" not in params:
        params["lang"] = language
    return f"{place_url}?{urlencode(params)}"


def popup_html(
    data: PlanData,
    place_id: str,
    initiatives: Sequence[Initiative],
    language: str = "sv",
    place_url: str | None = "/omrade",
    link_params: Mapping[str, str] | None = None,
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
    place_url : str or None
        Path of the place page; the place id is added as ``?place=``. None leaves the link out.
    link_params : mapping of str to str, optional
        Query parameters the link keeps (the current filters), see `place_link`.

    Returns
    -------
    str
        An HTML fragment with every value escaped.
    """
    row = data.places.loc[place_id]
    name = data.place_name(place_id, language)
    meta = [initiative_count(len(initiatives), language)]
    if bool(row["approximate"]):
        meta.append(t("map.popup.approximate", language))
    parts = [
        f'<div class="sod-popup" lang="sv" data-place="{escape(place_id)}">',
        f"<h3>{escape(name)}</h3>",
        f'<p class="sod-meta">{escape(" · ".join(meta))}</p>',
    ]
    if not initiatives:
        parts.append(f"<p>{escape(t('map.popup.no_match', language))}</p>")
    full = len(initiatives) <= POPUP_FULL_LIMIT
    for initiative in initiatives[:POPUP_LIST_LIMIT]:
        body = initiative_html(data, initiative, language)
        heading = escape(shown_text(initiative, "rubrik", language))
        if full:
            parts.append(f"<h4>{heading}</h4>{body}")
        else:
            parts.append(f"<details><summary>{heading}</summary>{body}</details>")
    if len(initiatives) > POPUP_LIST_LIMIT:
        more = t("map.popup.more", language, n=len(initiatives) - POPUP_LIST_LIMIT)
        parts.append(f'<p class="sod-meta">{escape(more)}</p>')
    if place_url is None:
        # A file with no server and no public address: the place pages are out of its reach.
        return "".join([*parts, "</div>"])
    href = place_link(place_id, language, place_url, link_params)
    link_text = escape(t("map.popup.open_place", language))
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
    if colour_by == "follow_up":
        title = t("map.legend.follow_up", language)
        for value in FOLLOW_UP_VALUES:
            colour = FOLLOW_UP_STATUS_COLOURS[value]
            label = escape(follow_up_label(value, language))
            rows.append(f'<div><i style="background:{colour}"></i>{label}</div>')
        rows.append(
            f'<div><i style="background:{NO_MATCH_COLOUR}"></i>'
            f"{escape(t('map.legend.none', language))}</div>"
        )
    elif colour_by == "theme":
        title = t("map.legend.theme", language)
        for theme_id, colour in theme_colours(list(data.themes)).items():
            name = data.theme_name(theme_id, language)
            rows.append(f'<div><i style="background:{colour}"></i>{escape(name)}</div>')
        rows.append(
            f'<div><i style="background:{NO_MATCH_COLOUR}"></i>'
            f"{escape(t('map.legend.none', language))}</div>"
        )
    else:
        title = t("map.legend.count", language)
        for low, high, colour in COUNT_BINS:
            label = count_bin_label(low, high)
            rows.append(f'<div><i style="background:{colour}"></i>{label}</div>')
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


# The standalone file: its heading above the map, the map filling the rest of the window.
FILE_HEADER_CSS = f"""
<style>
body {{ display: flex; flex-direction: column; }}
.sod-file {{ flex: 0 0 auto; padding: 8px 14px; color: {TEXT_COLOUR};
  border-bottom: 1px solid #c8c8c8;
  font: 14px/1.4 "Source Sans Pro", "Source Sans 3", system-ui, sans-serif; }}
.sod-file h1 {{ font-size: 20px; margin: 0 0 2px; color: {HEADING_COLOUR}; }}
.sod-file ul {{ margin: 0; padding: 0; list-style: none; color: {MUTED_TEXT_COLOUR}; }}
.sod-file li {{ display: inline; }}
.sod-file li + li::before {{ content: " · "; }}
.folium-map {{ position: relative !important; flex: 1 1 auto; height: auto !important;
  min-height: 0; }}
</style>
"""


class _Rendered(Element):
    """Text that is already rendered: written out as it is."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: Any) -> str:
        """Return the text unchanged."""
        return self.text


def _render_once(element: MacroElement, **kwargs: Any) -> None:
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
            target.add_child(_Rendered(macro(element, kwargs)), name=element.get_name())
    script = module.__dict__.get("script")
    if script is not None:
        figure.script.add_child(_Rendered(script(element, kwargs)), name=element.get_name())
    for child in element._children.values():
        # Folium's own small helpers (e.g. the "addTo" of each layer) have no render of their
        # own: render them the same way.
        if type(child).render is MacroElement.render:
            _render_once(child, **kwargs)
        else:
            child.render(**kwargs)


class _RenderOnce(MacroElement):
    """Mixed in after a folium class, so that its ``super().render()`` lands in `_render_once`."""

    def render(self, **kwargs: Any) -> None:
        """Render the element and its children, each macro's text once."""
        _render_once(self, **kwargs)


class _Map(folium.Map, _RenderOnce):
    """A folium Map rendered by `_render_once`."""


class _FeatureGroup(folium.FeatureGroup, _RenderOnce):
    """A folium FeatureGroup rendered by `_render_once`."""


class _GeoJson(folium.GeoJson, _RenderOnce):
    """A folium GeoJson rendered by `_render_once`, with its bounds given when they are known.

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


class _Marker(folium.Marker, _RenderOnce):
    """A folium Marker rendered by `_render_once`."""


class _DivIcon(folium.DivIcon, _RenderOnce):
    """A folium DivIcon rendered by `_render_once`."""


class _Legend(_RenderOnce):
    """A Leaflet control holding the legend, so that it stays inside the map in full screen."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.control({position: "topright"});
        {{ this.get_name() }}.onAdd = function (map) {
            var div = L.DomUtil.create("div", "sod-legend-control");
            div.innerHTML = {{ this.html|tojson }};
            // On a phone the open legend would cover much of the map: it starts folded there.
            if (map.getSize().x < {{ this.fold_below_px|tojson }}) {
                div.querySelector("details").open = false;
            }
            L.DomEvent.disableClickPropagation(div);
            L.DomEvent.disableScrollPropagation(div);
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
        self.fold_below_px = LEGEND_FOLD_BELOW_PX


# Bound to each shape of the parent GeoJson rather than to the GeoJson itself: streamlit-folium
# reads a clicked shape's popup and tooltip, and expects folium's own kind on a group.
class _LabelMode(_RenderOnce):
    """Switch the labels to counts only while the map is zoomed out past `COMPACT_LABEL_ZOOM`."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            function setLabelMode() {
                var compact = map.getZoom() < {{ this.zoom|tojson }};
                map.getContainer().classList.toggle("sod-compact", compact);
            }
            map.on("zoomend", setLabelMode);
            setLabelMode();
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, zoom: float) -> None:
        super().__init__()
        self._name = "LabelMode"
        self.zoom = zoom


class _ControlTexts(_RenderOnce):
    """Name Leaflet's own controls in the interface language, and declare the map's language.

    Leaflet writes "Zoom in", "Zoom out" and "Layers" in English; the layer control is added by
    streamlit-folium after this script, so its button is named when it appears.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            var texts = {{ this.texts|tojson }};
            document.documentElement.lang = texts.language;
            function name(selector, text) {
                map.getContainer().querySelectorAll(selector).forEach(function (element) {
                    element.setAttribute("title", text);
                    element.setAttribute("aria-label", text);
                });
            }
            function nameAll() {
                name(".leaflet-control-zoom-in", texts.zoom_in);
                name(".leaflet-control-zoom-out", texts.zoom_out);
                name(".leaflet-control-layers-toggle", texts.layers);
                name(".leaflet-control-attribution a[href='https://leafletjs.com']", texts.leaflet);
            }
            nameAll();
            new MutationObserver(nameAll).observe(
                map.getContainer().querySelector(".leaflet-control-container"),
                {childList: true, subtree: true}
            );
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, language: str) -> None:
        super().__init__()
        self._name = "ControlTexts"
        self.texts = {
            "language": language,
            "zoom_in": t("map.control.zoom_in", language),
            "zoom_out": t("map.control.zoom_out", language),
            "layers": t("map.control.layers", language),
            "leaflet": t("map.control.leaflet", language),
        }


class _Popup(_RenderOnce):
    """A popup on its parent GeoJson's shapes, its HTML passed to Leaflet as a JSON string."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.eachLayer(function (layer) {
            layer.bindPopup({{ this.html|tojson }}, {{ this.options|tojson }});
        });
        {% endmacro %}
        """
    )

    def __init__(self, html: str, max_width: int = POPUP_MAX_WIDTH_PX) -> None:
        super().__init__()
        self._name = "Popup"
        self.html = html
        # An open popup keeps clear of the right-hand column, where the legend and the layer
        # control sit (controls are drawn above popups).
        self.options = {
            "maxWidth": max_width,
            "minWidth": 240,
            "autoPanPaddingTopLeft": [16, 16],
            "autoPanPaddingBottomRight": [LEGEND_COLUMN_PX, 16],
        }


class _Tooltip(_RenderOnce):
    """A tooltip that follows the pointer, its (escaped) text passed as a JSON string."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.eachLayer(function (layer) {
            layer.bindTooltip({{ this.html|tojson }}, {"sticky": true, "className": "sod-tooltip"});
        });
        {% endmacro %}
        """
    )

    def __init__(self, html: str) -> None:
        super().__init__()
        self._name = "Tooltip"
        self.html = html


class _PlaceKeys(_RenderOnce):
    """Give each shape of its parent GeoJson a name and the keys a mouse user's click stands for.

    A screen reader announces the place as a button named by its name and count. Enter selects
    the place as a click does (the click is fired on the shape, so streamlit-folium reports it)
    and moves the focus into the popup, where it is read; Escape closes the popup and returns the
    focus to the place. Leaflet's own Escape works only while the map itself has the focus.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.eachLayer(function (layer) {
            var presses = 0;
            function name() {
                var path = layer.getElement && layer.getElement();
                if (!path) { return; }
                path.setAttribute("role", "button");
                path.setAttribute("tabindex", "0");
                path.setAttribute("aria-label", {{ this.label|tojson }});
                path.addEventListener("keydown", function (event) {
                    if (event.key === "Enter") {
                        // Stops Leaflet's own keypress handler opening the popup a second time.
                        event.preventDefault();
                        // streamlit-folium tells clicks apart by their position, and the page
                        // acts on each new one: a shift of under a micrometre per press
                        // makes pressing Enter again on the same place a new click.
                        presses += 1;
                        var centre = layer.getBounds().getCenter();
                        var latlng = L.latLng(centre.lat, centre.lng + presses * 1e-11);
                        layer.fire("click", {latlng: latlng, originalEvent: event}, true);
                        var popup = layer.getPopup() && layer.getPopup().getElement();
                        var content = popup && popup.querySelector(".leaflet-popup-content");
                        if (content) {
                            content.setAttribute("tabindex", "-1");
                            content.focus();
                        }
                    } else if (event.key === "Escape") {
                        layer.closePopup();
                    }
                });
            }
            layer.on("add", name);
            name();
            layer.on("popupopen", function (opened) {
                var popup = opened.popup.getElement();
                if (popup.dataset.sodKeys) { return; }
                popup.dataset.sodKeys = "1";
                popup.addEventListener("keydown", function (event) {
                    if (event.key !== "Escape") { return; }
                    layer.closePopup();
                    var path = layer.getElement();
                    if (path) { path.focus(); }
                });
            });
        });
        {% endmacro %}
        """
    )

    def __init__(self, label: str) -> None:
        super().__init__()
        self._name = "PlaceKeys"
        self.label = label


def _frame_bounds(frame: gpd.GeoDataFrame) -> list[list[float]]:
    west, south, east, north = (float(value) for value in frame.total_bounds)
    return [[south, west], [north, east]]


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
    base = _Map(
        location=centre,
        zoom_start=11,
        tiles=None,
        control_scale=True,
        height=height,
        min_zoom=8,
        max_zoom=tiles.max_zoom if tiles else 18,
        zoom_snap=ZOOM_SNAP,
        zoom_delta=ZOOM_DELTA,
    )
    _localise_assets(base)
    base.get_root().header.add_child(folium.Element(MAP_CSS), name="soderort_css")
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

    districts = _FeatureGroup(name=t("map.layer.districts", language), control=True)
    _GeoJson(
        _shared_geojson(data, "districts"),
        bounds=_frame_bounds(data.districts),
        style_function=lambda _feature: {
            "color": DISTRICT_COLOUR,
            "weight": 0.8,
            "fill": False,
            "opacity": 0.8,
        },
        interactive=False,
    ).add_to(districts)
    districts.add_to(base)

    outline = _FeatureGroup(name=t("map.layer.outline", language), control=True)
    _GeoJson(
        _shared_geojson(data, "outline"),
        bounds=_frame_bounds(data.outline),
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
        title=t("common.fullscreen", language),
        title_cancel=t("map.control.fullscreen_exit", language),
        force_separate_button=True,
    )
    _localise_assets(fullscreen)
    fullscreen.add_to(base)
    _Legend(_legend_html(data, colour_by, language)).add_to(base)
    base.fit_bounds(bounds, padding=(FIT_PADDING_PX, FIT_PADDING_PX))
    _LabelMode(COMPACT_LABEL_ZOOM).add_to(base)
    _ControlTexts(language).add_to(base)
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
            "fillOpacity": 0.12 if count else 0.04,
            "dashArray": "6 6" if kind == "region" else None,
        }
    return {
        "color": PLACE_EDGE_COLOUR if count else EMPTY_EDGE_COLOUR,
        "weight": 2,
        "fillColor": colour,
        "fillOpacity": 0.75 if count else 0.35,
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
    drawn first and faintly, so that the smaller places on top stay visible and clickable.

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
    layer = _FeatureGroup(name=t("map.layer.places", language), control=True)
    # Wide areas first (underneath), the corridor last: its line stays visible across the
    # places it runs through.
    drawing_order = {"region": 0, "outline": 1, "corridor": 3}
    ordered = sorted(
        data.place_order, key=lambda p: drawing_order.get(str(data.places.loc[p, "kind"]), 2)
    )
    for place_id in ordered:
        row = data.places.loc[place_id]
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
        style = _place_style(str(row["kind"]), colour, count)
        name = data.place_name(place_id, language)
        feature = {
            "type": "Feature",
            "properties": {"id": place_id, "name": name, "count": count},
            "geometry": _place_geometry(data, place_id),
        }
        shape = _GeoJson(
            feature,
            name=name,
            style_function=lambda _feature, style=style: style,
            highlight_function=lambda _feature, kind=str(row["kind"]): _highlight(kind),
        )
        _Tooltip(f"<b>{escape(name)}</b> – {escape(initiative_count(count, language))}").add_to(
            shape
        )
        _Popup(popup_html(data, place_id, matching, language, place_url, link_params)).add_to(shape)
        _PlaceKeys(f"{name}: {initiative_count(count, language)}").add_to(shape)
        shape.add_to(layer)
        lat, lon = label_point(data, place_id)
        zero = " sod-zero" if count == 0 else ""
        label = (
            f'<div class="sod-label{zero}" data-place="{escape(place_id)}" aria-hidden="true">'
            f'<span class="sod-name">{escape(name)}</span><b>{count}</b></div>'
        )
        _Marker(
            [lat, lon],
            icon=_DivIcon(html=label, class_name="sod-label-icon", icon_size=(0, 0)),
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


def click_signature(returned: dict[str, Any] | None) -> str | None:
    """Return a fingerprint of the last click in streamlit-folium's return value.

    streamlit-folium returns the last click on every rerun, not only in the run the click
    caused; a page compares fingerprints to act on each click once.

    Parameters
    ----------
    returned : dict or None
        What ``st_folium`` returned.

    Returns
    -------
    str or None
        A string that changes with every new click, or None before any click.
    """
    if not isinstance(returned, dict):
        return None
    clicked = {key: returned.get(key) for key in RETURNED_OBJECTS}
    if not any(clicked.values()):
        return None
    return json.dumps(clicked, sort_keys=True, default=str)


def standalone_html(
    data: PlanData, layers: MapLayers, *, title: str, lines: Sequence[str] = ()
) -> str:
    """Return the map as one HTML file that works with no server and no network but tiles.

    Leaflet and the full-screen plugin are inlined (images as data URIs) from the vendored copies.
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
        _Rendered(f'<header class="sod-file"><h1>{escape(title)}</h1><ul>{items}</ul></header>'),
        name="soderort_file_header",
        index=0,
    )
    html = root.render()
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
