"""The live maps on a phone: labels that never overlap, an attribution beside the scale bar.

Where a phone's popups open, and how the controls step aside under them, is `map_popups`'s.
"""

from __future__ import annotations

from branca.element import MacroElement
from folium.template import Template

from soderort.render.map_controls import LEGEND_FOLD_BELOW_PX

# Room kept between a label and the map's edge, in pixels.
LABEL_EDGE_MARGIN_PX = 4


class NarrowMap(MacroElement):
    """On a narrow map, fill the frame's height; wrap the attribution beside the scale bar."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            var style = document.createElement("style");
            style.textContent = ".sod-narrow .leaflet-control-attribution {"
                + " max-width: calc(100% - 130px); white-space: normal; font-size: 11px;"
                + " line-height: 1.35; }"
                // The page may give a phone's map frame a height of its own (streamlit-folium
                // sets the laptop's on the map): the map fills the frame it is given.
                + "@media (max-width: " + ({{ this.narrow_below_px|tojson }} - 1) + "px) {"
                + " #map_div { height: 100vh !important; } }";
            document.head.appendChild(style);
            var container = map.getContainer();
            // The frame's height comes after the map's first draw, and a resize of the frame
            // alone is no window resize that Leaflet would notice.
            new ResizeObserver(function () {
                if (container.clientHeight) { map.invalidateSize(); }
            }).observe(container);
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
    A label that would run over the map's edge slides inward, so that no name is cut.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            var margin = {{ this.margin_px|tojson }};
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
            function keptInside(label, edge) {
                // A label whose point lies near the map's edge slides inward, whole in view.
                label.style.transform = "";
                var box = label.getBoundingClientRect(), shift = 0;
                if (box.bottom < edge.top || box.top > edge.bottom) { return box; }
                if (box.left < edge.left + margin) {
                    shift = edge.left + margin - box.left;
                } else if (box.right > edge.right - margin) {
                    shift = edge.right - margin - box.right;
                }
                if (!shift) { return box; }
                label.style.transform = "translate(calc(-50% + " + shift + "px), -50%)";
                return label.getBoundingClientRect();
            }
            function layout() {
                var container = map.getContainer();
                var edge = container.getBoundingClientRect();
                var labels = Array.prototype.slice.call(container.querySelectorAll(".sod-label"));
                labels.sort(function (a, b) { return count(b) - count(a); });
                var taken = [];
                labels.forEach(function (label) {
                    label.classList.remove("sod-short", "sod-aside");
                    label.classList.add("sod-named");
                    var box = keptInside(label, edge);
                    function free() {
                        return !taken.some(function (other) { return overlaps(box, other); });
                    }
                    if (!free()) {
                        label.classList.remove("sod-named");
                        label.classList.add("sod-short");
                        box = keptInside(label, edge);
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
        self.margin_px = LABEL_EDGE_MARGIN_PX
