"""The map's own Leaflet controls: the legend, the label mode and the controls' names.

The places' tooltips, popups and keys are bound in `soderort.render.place_bindings`.
"""

from __future__ import annotations

from folium.template import Template

from soderort.i18n import t
from soderort.render.map_elements import RenderOnce

# Maps narrower than this (a phone) start with the legend folded.
LEGEND_FOLD_BELOW_PX = 560


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

    Leaflet writes "Zoom in", "Zoom out", "Layers" and "Close popup" in English; the layer
    control is added by streamlit-folium after this script, so its button is named when it
    appears, and a popup's close button when the popup opens.
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
            // A popup's close button is made with each popup, outside the controls.
            map.on("popupopen", function (event) {
                var close = event.popup.getElement().querySelector(".leaflet-popup-close-button");
                if (close) {
                    close.setAttribute("aria-label", texts.close_popup);
                    close.setAttribute("title", texts.close_popup);
                }
            });
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
            "close_popup": t("map.control.close_popup", language),
        }
