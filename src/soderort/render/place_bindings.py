"""What each place of the map's one GeoJSON layer carries: tooltip, popup, keys and label.

The place layer is a single GeoJSON layer, styled from its features' ids (as geopandas'
``explore`` does). One script binds every shape's tooltip, popup and keys from a table keyed by
place id, and one adds the labels: a phone then parses and runs a few statements per map
instead of a few per place, and a filter change sends the table rather than a script per place.

Popups and tooltips are bound with these rather than folium's: folium's popup needs jQuery
(which the app does not load; it loads nothing from a CDN), and its tooltip pastes the text
into a JavaScript template literal. These hand Leaflet JSON strings.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from folium.template import Template

from soderort.render.map_css import LEGEND_COLUMN_PX
from soderort.render.map_elements import RenderOnce

POPUP_MAX_WIDTH_PX = 420


@dataclass(frozen=True)
class PlaceTexts:
    """What one place shows besides its shape: tooltip and popup as escaped HTML, and its name."""

    tooltip: str
    popup: str
    # The place's accessible name (plain text: the browser sets it as an attribute).
    name: str


# Bound to each shape of the parent GeoJson rather than to the GeoJson itself: streamlit-folium
# reads a clicked shape's popup and tooltip.
class PlaceBindings(RenderOnce):
    """Bind each shape of its parent GeoJson's tooltip, popup, name and keys.

    A screen reader announces a place as a button named by its name and count. Enter selects
    the place as a click does (the click is fired on the shape, so streamlit-folium reports it)
    and moves the focus into the popup, where it is read; Escape closes the popup and returns the
    focus to the place. Leaflet's own Escape works only while the map itself has the focus.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (shapes) {
            var texts = {{ this.texts|tojson }};
            var popupOptions = {{ this.popup_options|tojson }};
            function nameAndKeys(layer, label) {
                var path = layer.getElement && layer.getElement();
                if (!path) { return; }
                path.setAttribute("role", "button");
                path.setAttribute("tabindex", "0");
                path.setAttribute("aria-label", label);
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
            function returnFocusOnEscape(opened) {
                var layer = opened.target, popup = opened.popup.getElement();
                if (popup.dataset.sodKeys) { return; }
                popup.dataset.sodKeys = "1";
                popup.addEventListener("keydown", function (event) {
                    if (event.key !== "Escape") { return; }
                    layer.closePopup();
                    var path = layer.getElement();
                    if (path) { path.focus(); }
                });
            }
            shapes.eachLayer(function (layer) {
                var text = texts[layer.feature.properties.id];
                layer.bindTooltip(text.tooltip, {"sticky": true, "className": "sod-tooltip"});
                layer.bindPopup(text.popup, popupOptions);
                function named() { nameAndKeys(layer, text.name); }
                layer.on("add", named);
                named();
                layer.on("popupopen", returnFocusOnEscape);
            });
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, texts: dict[str, PlaceTexts]) -> None:
        super().__init__()
        self._name = "PlaceBindings"
        self.texts = {place_id: asdict(text) for place_id, text in texts.items()}
        # An open popup keeps clear of the right-hand column, where the legend and the layer
        # control sit (controls are drawn above popups).
        self.popup_options = {
            "maxWidth": POPUP_MAX_WIDTH_PX,
            "minWidth": 240,
            "autoPanPaddingTopLeft": [16, 16],
            "autoPanPaddingBottomRight": [LEGEND_COLUMN_PX, 16],
        }


@dataclass(frozen=True)
class PlaceLabel:
    """A label on the map: its place's id, its point and its (escaped) HTML."""

    place: str
    lat: float
    lon: float
    html: str


class PlaceLabels(RenderOnce):
    """Add a label for each place to the parent layer; a tap or click on a label opens its place.

    Labels are moved off their shapes so that none covers another, and a small place's label
    lies mostly over a wider one (Hela Söderort): a reader taps the name they read, so a label
    passes its click on to its own place, as if the place itself had been clicked at the
    label's point. Labels take no keys: each place is reached by Tab on its shape.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (group) {
            var shapes = {};
            group.eachLayer(function (item) {
                if (!item.eachLayer) { return; }
                item.eachLayer(function (layer) {
                    if (layer.feature) { shapes[layer.feature.properties.id] = layer; }
                });
            });
            function shape(id) { return shapes[id] || null; }
            {{ this.labels|tojson }}.forEach(function (label) {
                var icon = L.divIcon(
                    {html: label.html, className: "sod-label-icon", iconSize: [0, 0]}
                );
                var marker = L.marker([label.lat, label.lon], {
                    icon: icon,
                    keyboard: false,
                    bubblingMouseEvents: false,
                });
                var place = shape(label.place);
                if (place) {
                    // The click also reaches the layer's listeners from the label itself
                    // (streamlit-folium reports it as the clicked feature): it is the place's.
                    marker.feature = {type: "Feature", properties: place.feature.properties};
                    marker.on("click", function (event) {
                        place.fire(
                            "click",
                            {latlng: marker.getLatLng(), originalEvent: event.originalEvent},
                            true
                        );
                    });
                    // The pointer on a name shows that place's tooltip, as on the place itself.
                    marker.on("mouseover", function () {
                        place.openTooltip(marker.getLatLng());
                    });
                    marker.on("mouseout", function () { place.closeTooltip(); });
                }
                marker.addTo(group);
            });
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, labels: list[PlaceLabel]) -> None:
        super().__init__()
        self._name = "PlaceLabels"
        self.labels = [asdict(label) for label in labels]
