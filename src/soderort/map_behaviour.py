"""What the live maps do in the browser beyond drawing: small Leaflet elements and their answers.

The app's maps run inside streamlit-folium's component frame, which Streamlit sandboxes: a link
in a popup may not navigate the page, and keys pressed in the map stay in the frame. These
elements work from inside the frame (the component exposes ``window.Streamlit``, and the frame
has the page's origin) and are added only to the app's maps, never to the standalone HTML file.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from branca.element import MacroElement
from folium.template import Template

from soderort.loading import PlanData

# The key under which a map's return value asks the page to open a place's page.
OPEN_PLACE_KEY = "open_place"


class PlaceRequest(NamedTuple):
    """A click on a popup's link to a place page: the place, and a stamp unique to the click."""

    place: str
    stamp: str


class PlaceLinks(MacroElement):
    """Make the popups' "open the place page" links work inside Streamlit's component frame.

    A plain click (or Enter) on the link is sent to the page as the component's value under
    `OPEN_PLACE_KEY`; the page then switches to the place page (see `open_place_request`).
    A click with a modifier key, or the same map outside Streamlit, follows the link as usual.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        document.addEventListener("click", function (event) {
            if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey
                    || event.altKey || !window.Streamlit || !window.__GLOBAL_DATA__) {
                return;
            }
            var link = event.target.closest && event.target.closest(".sod-popup a[href]");
            if (!link) {
                return;
            }
            event.preventDefault();
            var value = Object.assign({}, window.__GLOBAL_DATA__.previous_data);
            value[{{ this.key|tojson }}] = {
                place: link.closest(".sod-popup").getAttribute("data-place"),
                stamp: String(Date.now()) + "-" + Math.random().toString(36).slice(2),
            };
            window.Streamlit.setComponentValue(value);
        });
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "PlaceLinks"
        self.key = OPEN_PLACE_KEY


def open_place_request(returned: Mapping[str, Any] | None, data: PlanData) -> PlaceRequest | None:
    """Return the place page a map's popup link asked for, from streamlit-folium's return value.

    The component returns its last value on every rerun: the page acts on each `stamp` once.
    An unknown place id (the value comes from the browser) is no request.
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
