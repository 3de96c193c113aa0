"""Where the live maps' popups open: clear of the controls, inside the map, on a laptop and a phone.

One element places every popup of an app map, so that a wide map and a phone's narrow one cannot
undo each other's placing. On a narrow map (a phone) the place's details stay in the popup, where
the tap was, rather than in a panel under the map: the page already lists the chosen place's
initiatives under the map, and a second copy there would push that list a screen further down.
There the popup is made as wide as the map less a margin, its text scrolls inside it, and while it
is open the map's controls step aside, so nothing lies over it; they come back when it closes.
"""

from __future__ import annotations

from branca.element import MacroElement
from folium.template import Template

from soderort.render.map_controls import LEGEND_FOLD_BELOW_PX

# Room kept between a popup and the map's edges and controls, in pixels.
POPUP_MARGIN_PX = 8
# Below the popup's tip on a narrow map there must be room for this share of the map's height;
# the rest of the popup's text scrolls.
NARROW_POPUP_HEIGHT_SHARE = 0.7
# The class a narrow map's container has while a popup is open: its controls step aside.
CONTROLS_ASIDE_CLASS = "sod-controls-aside"


class PopupPlacement(MacroElement):
    """Keep popups inside the map and clear of its controls, and the map where the user left it.

    When a popup opens, the room the controls take along each side (zoom and full-screen
    buttons on the left, legend and layer control on the right, scale and attribution at the
    bottom) is measured, since a legend folds and a layer control unfolds. On a narrow map the
    popup is first sized to the map and the controls step aside, so the room is the margin
    alone. A popup that does not fit is moved within its own place (a wide area such as Hela
    Söderort has room to spare); only if it cannot be is the map panned, and then it is panned
    back when the popup closes, unless the user has moved the map in between. When the map
    changes size under an open popup (a page that reflows, a phone turned), it is placed again.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            var margin = {{ this.margin_px|tojson }};
            var aside = {{ this.aside_class|tojson }};
            var style = document.createElement("style");
            style.textContent = "." + aside + " .leaflet-control { display: none; }";
            document.head.appendChild(style);
            var container = map.getContainer();
            var home = null, ours = false;
            function narrow() { return map.getSize().x < {{ this.narrow_below_px|tojson }}; }
            function clearance() {
                // In the map's own layout (offsets), which holds before the frame is shown.
                var size = map.getSize();
                var room = {left: margin, right: margin, top: margin, bottom: margin};
                container.querySelectorAll(".leaflet-control").forEach(function (c) {
                    var corner = c.parentNode;
                    if (!c.offsetWidth || !c.offsetHeight) { return; }
                    var left = corner.offsetLeft + c.offsetLeft;
                    var top = corner.offsetTop + c.offsetTop;
                    if (corner.classList.contains("leaflet-bottom")) {
                        room.bottom = Math.max(room.bottom, size.y - top + margin);
                    } else if (corner.classList.contains("leaflet-left")) {
                        room.left = Math.max(room.left, left + c.offsetWidth + margin);
                    } else {
                        room.right = Math.max(room.right, size.x - left + margin);
                    }
                });
                return room;
            }
            function inside(shape, latlng) {
                // Even-odd rule over every ring of a polygon; a line has no inside.
                if (!(shape instanceof L.Polygon)) { return false; }
                var rings = [], crossings = 0;
                (function collect(list) {
                    if (list.length && list[0] instanceof L.LatLng) { rings.push(list); }
                    else { list.forEach(collect); }
                })(shape.getLatLngs());
                rings.forEach(function (ring) {
                    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
                        var a = ring[i], b = ring[j];
                        if ((a.lat > latlng.lat) !== (b.lat > latlng.lat)
                                && latlng.lng < (b.lng - a.lng) * (latlng.lat - a.lat)
                                    / (b.lat - a.lat) + a.lng) {
                            crossings++;
                        }
                    }
                });
                return crossings % 2 === 1;
            }
            function nearestInside(popup, room) {
                // Where the popup's tip may point for the popup to fit: the anchor's range.
                var size = map.getSize(), box = container.getBoundingClientRect();
                var rect = popup._container.getBoundingClientRect();
                var anchor = map.latLngToContainerPoint(popup.getLatLng());
                var x0 = room.left - (rect.left - box.left - anchor.x);
                var x1 = size.x - room.right - (rect.right - box.left - anchor.x);
                var y0 = room.top - (rect.top - box.top - anchor.y);
                var y1 = size.y - room.bottom - (rect.bottom - box.top - anchor.y);
                if (anchor.x >= x0 && anchor.x <= x1 && anchor.y >= y0 && anchor.y <= y1) {
                    return anchor;
                }
                // A pixel inside the range, so that rounding cannot leave the tip just outside.
                x0 += 1; x1 -= 1; y0 += 1; y1 -= 1;
                if (x0 > x1 || y0 > y1) { return null; }
                var best = null, steps = 20;
                for (var i = 0; i <= steps; i++) {
                    for (var j = 0; j <= steps; j++) {
                        var point = L.point(x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * j / steps);
                        if ((!best || point.distanceTo(anchor) < best.distanceTo(anchor))
                                && inside(popup._source, map.containerPointToLatLng(point))) {
                            best = point;
                        }
                    }
                }
                return best;
            }
            // Sized before the popup's first layout, so that its first placing already fits it.
            var onAdd = L.Popup.prototype.onAdd;
            L.Popup.prototype.onAdd = function (target) {
                if (target === map && narrow()) {
                    var size = map.getSize();
                    container.classList.add(aside);
                    this.options.maxWidth = size.x - 2 * margin - 28;
                    this.options.minWidth = Math.min(this.options.minWidth || 0, size.x - 80);
                    this.options.maxHeight = Math.round(
                        size.y * {{ this.height_share|tojson }}
                    );
                }
                return onAdd.apply(this, arguments);
            };
            var adjust = L.Popup.prototype._adjustPan;
            L.Popup.prototype._adjustPan = function () {
                if (this._map !== map || !this.options.autoPan || !this._container) {
                    return adjust.apply(this, arguments);
                }
                var room = clearance();
                this.options.autoPanPaddingTopLeft = [room.left, room.top];
                this.options.autoPanPaddingBottomRight = [room.right, room.bottom];
                var anchor = map.latLngToContainerPoint(this.getLatLng());
                var point = nearestInside(this, room);
                if (point && !point.equals(anchor)) {
                    this.setLatLng(map.containerPointToLatLng(point));
                    return;
                }
                return adjust.apply(this, arguments);
            };
            map.on("resize", function () {
                var popup = map._popup;
                if (popup && popup.isOpen()) { popup.update(); }
            });
            map.on("autopanstart", function () {
                ours = true;
                if (!home) { home = map.getCenter(); }
            });
            map.on("moveend", function () { ours = false; });
            map.on("movestart", function () { if (!ours) { home = null; } });
            map.on("popupclose", function () {
                container.classList.remove(aside);
                setTimeout(function () {
                    if (!home || (map._popup && map._popup.isOpen())) { return; }
                    var back = home;
                    home = null;
                    ours = true;
                    map.panTo(back);
                }, 0);
            });
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "PopupPlacement"
        self.margin_px = POPUP_MARGIN_PX
        self.narrow_below_px = LEGEND_FOLD_BELOW_PX
        self.height_share = NARROW_POPUP_HEIGHT_SHARE
        self.aside_class = CONTROLS_ASIDE_CLASS
