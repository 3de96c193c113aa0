"""Where the live maps' popups open: clear of the controls, inside the map, on a laptop and a phone.

One element places every popup of an app map, so that a wide map and a phone's narrow one cannot
undo each other's placing. On a narrow map (a phone) the place's details stay in the popup, where
the tap was, rather than in a panel under the map: the page already lists the chosen place's
initiatives under the map, and a second copy there would push that list a screen further down.
There the popup is made as wide as the map less a margin, its text scrolls inside it, and while it
is open the map's controls step aside, so nothing lies over it; they come back when it closes.
"""

from __future__ import annotations

from typing import Any

from soderort.render.map_controls import LEGEND_FOLD_BELOW_PX
from soderort.render.map_scripts import Behaviour

# Room kept between a popup and the map's edges and controls, in pixels.
POPUP_MARGIN_PX = 8
# Below the popup's tip on a narrow map there must be room for this share of the map's height;
# the rest of the popup's text scrolls.
NARROW_POPUP_HEIGHT_SHARE = 0.7
# The class a narrow map's container has while a popup is open: its controls step aside.
CONTROLS_ASIDE_CLASS = "sod-controls-aside"


class PopupPlacement(Behaviour):
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

    file = "popup-placement.js"
    function = "popupPlacement"

    def options(self) -> dict[str, Any]:
        """Return the margins, the narrow map's width and its popup's share of the height."""
        return {
            "marginPx": POPUP_MARGIN_PX,
            "narrowBelowPx": LEGEND_FOLD_BELOW_PX,
            "heightShare": NARROW_POPUP_HEIGHT_SHARE,
            "asideClass": CONTROLS_ASIDE_CLASS,
        }
