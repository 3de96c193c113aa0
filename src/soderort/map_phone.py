"""The live maps on a phone: labels that never overlap, an attribution beside the scale bar.

Where a phone's popups open, and how the controls step aside under them, is `map_popups`'s.
"""

from __future__ import annotations

from branca.element import MacroElement
from folium.template import Template

from soderort.render.map_controls import LEGEND_FOLD_BELOW_PX


class NarrowMap(MacroElement):
    """On a narrow map, wrap the attribution (always shown) beside the scale bar, never over it."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            var style = document.createElement("style");
            style.textContent = ".sod-narrow .leaflet-control-attribution {"
                + " max-width: calc(100% - 130px); white-space: normal; font-size: 11px;"
                + " line-height: 1.35; }";
            document.head.appendChild(style);
            var container = map.getContainer();
            function mark() {
                container.classList.toggle(
                    "sod-narrow", map.getSize().x < {{ this.narrow_below_px|tojson }}
                );
            }
            map.on("resize", mark);
            mark();
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "NarrowMap"
        self.narrow_below_px = LEGEND_FOLD_BELOW_PX


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
