"""The live maps on a phone: labels that never overlap, an attribution beside the scale bar.

Where a phone's popups open, and how the controls step aside under them, is `popup_placement`'s.
"""

from __future__ import annotations

from typing import Any

from soderort.render.map_controls import LEGEND_FOLD_BELOW_PX
from soderort.render.map_scripts import Behaviour

# Room kept between a label and the map's edge, in pixels.
LABEL_EDGE_MARGIN_PX = 4


class NarrowMap(Behaviour):
    """On a narrow map, fill the frame's height; wrap the attribution beside the scale bar."""

    file = "narrow-map.js"
    function = "narrowMap"

    def options(self) -> dict[str, Any]:
        """Return the width below which a map is narrow."""
        return {"narrowBelowPx": LEGEND_FOLD_BELOW_PX}


class LabelLayout(Behaviour):
    """Lay the labels out so that none covers another, at every zoom and size.

    The places with most initiatives come first. Each label keeps its name where it has room,
    else shows its count only, else steps aside until the reader zooms in far enough for it.
    A label that would run over the map's edge slides inward, so that no name is cut.
    """

    file = "label-layout.js"
    function = "labelLayout"

    def options(self) -> dict[str, Any]:
        """Return the room kept between a label and the map's edge."""
        return {"marginPx": LABEL_EDGE_MARGIN_PX}
