"""The map's own Leaflet elements: legend, label mode, control names, popups, tooltips and keys.

Popups and tooltips are bound with these rather than folium's: folium's popup needs jQuery
(which the app does not load; it loads nothing from a CDN), and its tooltip pastes the text
into a JavaScript template literal. Ours hand Leaflet a JSON string.
"""

from __future__ import annotations

from folium.template import Template

from soderort.i18n import t
from soderort.render.map_css import LEGEND_COLUMN_PX
from soderort.render.map_elements import (
    RenderOnce,
)

# Maps narrower than this (a phone) start with the legend folded.
LEGEND_FOLD_BELOW_PX = 560


POPUP_MAX_WIDTH_PX = 420


class Legend(RenderOnce):
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
class LabelMode(RenderOnce):
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


class ControlTexts(RenderOnce):
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


class Popup(RenderOnce):
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


class Tooltip(RenderOnce):
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


class PlaceKeys(RenderOnce):
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
                        // makes pressing Enter again on the same place a new click. Counted
                        // by the frame, which outlives the layer that "show all" redraws.
                        window.__sodPresses = (window.__sodPresses || 0) + 1;
                        var centre = layer.getBounds().getCenter();
                        var latlng = L.latLng(
                            centre.lat, centre.lng + window.__sodPresses * 1e-11
                        );
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
