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
from typing import Any

from soderort.render.map_scripts import Behaviour

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
class PlaceBindings(Behaviour):
    """Bind each shape of its parent GeoJson's tooltip, popup, name and keys.

    A screen reader announces a place as a button named by its name and count. Enter selects
    the place as a click does (the click is fired on the shape, so streamlit-folium reports it,
    and counts it: `livemap.map_reply.RETURNED_OBJECTS`)
    and moves the focus into the popup, where it is read; Escape closes the popup and returns the
    focus to the place. Leaflet's own Escape works only while the map itself has the focus.
    """

    file = "place-bindings.js"
    function = "placeBindings"

    def __init__(self, texts: dict[str, PlaceTexts]) -> None:
        super().__init__()
        self.texts = {place_id: asdict(text) for place_id, text in texts.items()}
        # The map's `map_popups.PopupPlacement` places every popup clear of the controls and
        # pans the map when it must, measuring the controls as they are: Leaflet's own autopan
        # (fixed paddings) is off.
        self.popup_options = {"maxWidth": POPUP_MAX_WIDTH_PX, "minWidth": 240, "autoPan": False}

    def options(self) -> dict[str, Any]:
        """Return each place's texts by id, and the popups' options."""
        return {"texts": self.texts, "popupOptions": self.popup_options}


@dataclass(frozen=True)
class PlaceLabel:
    """A label on the map: its place's id, its point and its (escaped) HTML."""

    place: str
    lat: float
    lon: float
    html: str


class PlaceLabels(Behaviour):
    """Add a label for each place to the parent layer; a tap or click on a label opens its place.

    Labels are moved off their shapes so that none covers another, and a small place's label
    lies mostly over a wider one (Hela Söderort): a reader taps the name they read, so a label
    passes its click on to its own place, as if the place itself had been clicked at the
    label's point. Labels take no keys: each place is reached by Tab on its shape.
    """

    file = "place-labels.js"
    function = "placeLabels"

    def __init__(self, labels: list[PlaceLabel]) -> None:
        super().__init__()
        self.labels = [asdict(label) for label in labels]

    def options(self) -> dict[str, Any]:
        """Return the labels: place, point and HTML."""
        return {"labels": self.labels}
