"""The live maps on a phone: popups that fit, labels that never overlap, controls out of the way.

Design (issue 9, "phone first"): on a narrow map the place's details stay in the popup, where
the tap was, rather than in a panel under the map: the page already lists the chosen place's
initiatives under the map, and a second copy there would push that list a screen further down.
The popup is made as wide as the map less a margin, its text scrolls inside it, and while it is
open the map's controls (zoom, full screen, legend, layers, scale, attribution) step aside, so
nothing lies over it. They come back when it closes.
"""

from __future__ import annotations

from branca.element import MacroElement
from folium.template import Template

from soderort.render.map_controls import LEGEND_FOLD_BELOW_PX

# Room between a phone's popup and the map's edges, in pixels.
NARROW_POPUP_MARGIN_PX = 10
# Below the popup's tip there must be room for the popup's height; the rest scrolls.
NARROW_POPUP_HEIGHT_SHARE = 0.7


class NarrowMap(MacroElement):
    """Fit popups to a narrow map and fold its controls away under an open popup.

    The attribution, always shown, wraps beside the scale bar rather than over it.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            var style = document.createElement("style");
            style.textContent =
                ".sod-narrow.sod-popup-open .leaflet-control { display: none; }"
                // Beside the scale bar, never over it: the attribution wraps in the room left.
                + ".sod-narrow .leaflet-control-attribution { max-width: calc(100% - 130px);"
                + " white-space: normal; font-size: 11px; line-height: 1.35; }";
            document.head.appendChild(style);
            var container = map.getContainer();
            function narrow() { return map.getSize().x < {{ this.narrow_below_px|tojson }}; }
            function mark() { container.classList.toggle("sod-narrow", narrow()); }
            map.on("resize", mark);
            mark();
            // Sized before the popup's first layout, so that its first pan already fits it.
            var onAdd = L.Popup.prototype.onAdd;
            L.Popup.prototype.onAdd = function (target) {
                if (target === map && narrow()) {
                    var size = map.getSize(), margin = {{ this.margin_px|tojson }};
                    container.classList.add("sod-popup-open");
                    this.options.maxWidth = size.x - 2 * margin - 28;
                    this.options.minWidth = Math.min(this.options.minWidth || 0, size.x - 80);
                    this.options.maxHeight = Math.round(size.y * {{ this.height_share|tojson }});
                    this.options.autoPanPaddingTopLeft = [margin, margin];
                    this.options.autoPanPaddingBottomRight = [margin, margin];
                }
                return onAdd.apply(this, arguments);
            };
            map.on("popupclose", function () {
                container.classList.remove("sod-popup-open");
            });
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "NarrowMap"
        self.narrow_below_px = LEGEND_FOLD_BELOW_PX
        self.margin_px = NARROW_POPUP_MARGIN_PX
        self.height_share = NARROW_POPUP_HEIGHT_SHARE


class LabelLayout(MacroElement):
    """Lay the labels out so that none covers another, at every zoom and size.

    The places with most initiatives come first. Each label keeps its name where it has room,
    else shows its count only, else steps aside until the reader zooms in far enough for it.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            var style = document.createElement("style");
            style.textContent =
                ".sod-compact .sod-label.sod-named .sod-name { display: inline; }"
                + ".sod-compact .sod-label.sod-named { padding: 1px 4px 1px 9px; }"
                + ".sod-compact .sod-label.sod-named b { margin-left: 6px; }"
                + ".sod-label.sod-short .sod-name { display: none; }"
                + ".sod-label.sod-short { padding: 1px 3px; }"
                + ".sod-label.sod-short b { margin-left: 0; }"
                + ".sod-label.sod-aside { visibility: hidden; }";
            document.head.appendChild(style);
            function overlaps(a, b) {
                return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
            }
            function count(label) {
                var number = label.querySelector("b");
                return number ? Number(number.textContent) || 0 : 0;
            }
            function layout() {
                var labels = Array.prototype.slice.call(
                    map.getContainer().querySelectorAll(".sod-label")
                );
                labels.sort(function (a, b) { return count(b) - count(a); });
                var taken = [];
                labels.forEach(function (label) {
                    label.classList.remove("sod-short", "sod-aside");
                    label.classList.add("sod-named");
                    var box = label.getBoundingClientRect();
                    function free() {
                        return !taken.some(function (other) { return overlaps(box, other); });
                    }
                    if (!free()) {
                        label.classList.remove("sod-named");
                        label.classList.add("sod-short");
                        box = label.getBoundingClientRect();
                    }
                    if (!free()) {
                        label.classList.add("sod-aside");
                        return;
                    }
                    taken.push(box);
                });
            }
            var pending = false;
            function later() {
                if (pending) { return; }
                pending = true;
                setTimeout(function () { pending = false; layout(); }, 30);
            }
            map.on("zoomend resize layeradd", later);
            later();
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "LabelLayout"
