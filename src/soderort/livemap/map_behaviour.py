"""What the live maps do in the browser beyond drawing: small Leaflet elements and their answers.

The app's maps run inside streamlit-folium's component frame, which Streamlit sandboxes: a link
in a popup may not navigate the page, and keys pressed in the map stay in the frame. These
elements work from inside the frame (the component exposes ``window.Streamlit``, and the frame
has the page's origin) and are added only to the app's maps, never to the standalone HTML file.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from soderort.loading import PlanData
from soderort.render.map_controls import LEGEND_FOLD_BELOW_PX
from soderort.render.map_css import LEGEND_COLUMN_PX
from soderort.render.map_scripts import Behaviour

# The key under which a map's return value asks the page to open a place's page.
OPEN_PLACE_KEY = "open_place"
# The chosen place's outline: black on a white halo, unlike the blue ring of keyboard focus and
# the thinner black line round Söderort.
CHOSEN_OUTLINE = (
    {"color": "#ffffff", "weight": 9, "opacity": 0.9},
    {"color": "#1a1a1a", "weight": 4},
)
# Keys of the presentation's page itself (full screen), sent on from the map as they are.
FORWARDED_KEYS = ("f", "F")
# Room left round a place the map frames, besides the controls, in pixels: the reader sees where
# it lies.
CHOSEN_PADDING_PX = 40
# The controls' room along the map's edges: the zoom and full-screen buttons on the left, the
# scale and attribution at the bottom (the legend's column is mapping's).
CONTROL_COLUMN_PX = 50
SCALE_ROW_PX = 50
# On a narrow map (a phone) the legend is folded to one line at the top: the chosen place keeps
# clear of that row and of the zoom buttons, with this little room round it.
FOLDED_LEGEND_ROW_PX = 60
NARROW_PADDING_PX = 16


class PlaceRequest(NamedTuple):
    """A click on a popup's link to a place page: the place, and a stamp unique to the click."""

    place: str
    stamp: str


class PlaceLinks(Behaviour):
    """Make the popups' "open the place page" links work inside Streamlit's component frame.

    A plain click (or Enter) on the link is sent to the page as the component's value under
    `OPEN_PLACE_KEY`; the page then switches to the place page (see `open_place_request`).
    Every value the map sends after that carries the request too, until the page leaves: a
    click's value that streamlit-folium sends a moment later would otherwise replace it.
    A click with a modifier key, or the same map outside Streamlit, follows the link as usual;
    so does a source's link (it opens in a tab of its own, `target="_blank"`): only the links to
    place pages (`target="_top"`: "Öppna områdessidan", "Senaste av n uppgifter") are taken.
    """

    file = "place-links.js"
    function = "placeLinks"
    needs = ("component-value.js",)

    def options(self) -> dict[str, Any]:
        """Return the key under which the request is sent."""
        return {"key": OPEN_PLACE_KEY}


class TooltipCleanup(Behaviour):
    """Show a place's tooltip only under a pointer that moved onto it, and close it when it left.

    The map is in a frame: a pointer that leaves it sends the shape no "mouseout", and a sticky
    tooltip stayed over the legend. When the map moves under a resting pointer (a slide change),
    the browser reports the pointer over whatever shape now lies under it, and a tooltip opened
    there and stayed: after the map moves, tooltips wait until the pointer itself moves. A tap
    opens no tooltip (nothing would close it; the popup names the place), and an opening popup
    closes any tooltip. Keyboard focus still shows a place's tooltip.
    """

    file = "tooltip-cleanup.js"
    function = "tooltipCleanup"


class FocusInPlace(Behaviour):
    """Focus the map on a press without scrolling the page to show the whole map.

    Leaflet focuses the map on a press so that its keys work; the browser then scrolled the page
    to show the whole frame where the map ran below the window's edge, and the place that was
    under the pointer moved away before the button came up: the click opened nothing.
    """

    file = "focus-in-place.js"
    function = "focusInPlace"


class SlideKeys(Behaviour):
    """Pass the presentation's keys from the map to the page, which steps the slides.

    After a click into the map the keys go to the map's frame, where they would pan the map.
    Instead, a key with a button on the page clicks it (Streamlit's shortcuts ignore keys that
    a script sends), and F is sent on to the page as the same key. A popup opened on one slide
    closes when the slide changes (by key or button, in the map or on the page), and the map
    moves to the new slide's place at once, together with the slide's text.

    Parameters
    ----------
    buttons : mapping of str to str
        Each key (``KeyboardEvent.key``) and the CSS selector of the page's button it presses.
    """

    file = "slide-keys.js"
    function = "slideKeys"

    def __init__(self, buttons: Mapping[str, str]) -> None:
        super().__init__()
        self.buttons = dict(buttons)

    def options(self) -> dict[str, Any]:
        """Return the buttons by key, and every key the map passes on."""
        return {"buttons": self.buttons, "keys": [*self.buttons, *FORWARDED_KEYS]}


class MapFrame(Behaviour):
    """Frame and outline the chosen place; added to the place layer (the part that is redrawn).

    On the map's first draw (a new frame) `place`, the place the server read from the page's
    address, is framed and outlined, so a shared link shows what it was shared for. A click
    moves the outline to the clicked place and leaves the view alone. Each new `serial` (the
    page's "show all") frames all of `home` and drops the outline. A filter change redraws the
    layer with the same serial: the view and the outline stay as the user left them.

    Parameters
    ----------
    home : [[south, west], [north, east]]
        What "show all" frames (all of Söderort).
    serial : int
        Raised by the page each time the user asks to see everything.
    place : str or None
        The chosen place's id (one of the plan's places), or None.
    home_padding_px : int
        Room kept round `home`, as when the map was first drawn.
    frame_place : bool
        Whether the first draw frames `place`. The presentation outlines it only: each
        slide's view is given to the map by the page, the title slide's on the URL's place.
    """

    file = "map-frame.js"
    function = "mapFrame"

    def __init__(
        self,
        home: list[list[float]],
        serial: int,
        place: str | None,
        home_padding_px: int,
        *,
        frame_place: bool = True,
    ) -> None:
        super().__init__()
        self.frame_place = frame_place
        self.home = home
        self.serial = serial
        self.place = place
        self.home_padding_px = home_padding_px

    def targets(self) -> list[Any]:
        """Return the place layer, and the map it is drawn on."""
        return [self._parent, self._parent._parent]

    def options(self) -> dict[str, Any]:
        """Return the place, what "show all" frames, and the room kept round either."""
        return {
            "framePlace": self.frame_place,
            "home": self.home,
            "serial": self.serial,
            "place": self.place,
            "narrowBelowPx": LEGEND_FOLD_BELOW_PX,
            "widePadding": [
                [CONTROL_COLUMN_PX + CHOSEN_PADDING_PX, CHOSEN_PADDING_PX],
                [LEGEND_COLUMN_PX + CHOSEN_PADDING_PX, SCALE_ROW_PX + CHOSEN_PADDING_PX],
            ],
            "narrowPadding": [
                [CONTROL_COLUMN_PX + NARROW_PADDING_PX, FOLDED_LEGEND_ROW_PX],
                [NARROW_PADDING_PX, SCALE_ROW_PX],
            ],
            "homePadding": [self.home_padding_px, self.home_padding_px],
            "styles": list(CHOSEN_OUTLINE),
        }


def open_place_request(returned: Mapping[str, Any] | None, data: PlanData) -> PlaceRequest | None:
    """Return the place page a map's popup link asked for, from streamlit-folium's return value.

    The component returns its last value on every rerun; the page follows it until it has
    arrived (see `ui.maps.follow_place_link`). An unknown place id (the value comes from the
    browser) is no request.
    """
    if not isinstance(returned, Mapping):
        return None
    request = returned.get(OPEN_PLACE_KEY)
    if not isinstance(request, Mapping):
        return None
    place, stamp = request.get("place"), request.get("stamp")
    if not isinstance(place, str) or place not in data.places.index or not isinstance(stamp, str):
        return None
    return PlaceRequest(place, stamp)
