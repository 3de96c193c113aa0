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
# The chosen place's outline: black on a white halo, unlike the blue ring of keyboard focus and
# the thinner black line round Söderort.
CHOSEN_OUTLINE = (
    {"color": "#ffffff", "weight": 9, "opacity": 0.9},
    {"color": "#1a1a1a", "weight": 4},
)
# Room left round a place the map frames, in pixels: the reader sees where it lies.
CHOSEN_PADDING_PX = 40


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


class MapFrame(MacroElement):
    """Frame and outline the chosen place; added to the place layer (the part that is redrawn).

    On the map's first draw (a new frame) the place named by the page's ``?place=`` is framed
    and outlined, so a shared link shows what it was shared for. A click moves the outline to
    the clicked place and leaves the view alone. Each new `serial` (the page's "show all")
    frames all of `home` and drops the outline. A filter change redraws the layer with the same
    serial: the view and the outline stay as the user left them.

    Parameters
    ----------
    home : [[south, west], [north, east]]
        What "show all" frames (all of Söderort).
    serial : int
        Raised by the page each time the user asks to see everything.
    query_key : str
        The page's query parameter that names the chosen place.
    home_padding_px : int
        Room kept round `home`, as when the map was first drawn.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (group) {
            var state = window.__sodFrame = window.__sodFrame || {serial: null, chosen: null};
            function shapes() {
                var found = {};
                group.eachLayer(function (item) {
                    if (!item.eachLayer) { return; }
                    item.eachLayer(function (shape) {
                        var id = shape.feature && shape.feature.properties.id;
                        if (id) { found[id] = shape; }
                    });
                });
                return found;
            }
            function outline(map, shape) {
                if (state.outline) { map.removeLayer(state.outline); }
                state.outline = null;
                if (!shape) { return; }
                state.outline = L.layerGroup({{ this.styles|tojson }}.map(function (style) {
                    return L.geoJSON(shape.feature, {
                        interactive: false,
                        style: Object.assign({fill: false, className: "sod-chosen"}, style),
                    });
                })).addTo(map);
            }
            group.once("add", function () {
                var map = group._map, byId = shapes();
                if (state.serial === null) {
                    var wanted = null;
                    try {
                        wanted = new URLSearchParams(window.parent.location.search)
                            .get({{ this.query_key|tojson }});
                    } catch (error) {}
                    if (wanted && byId[wanted]) {
                        state.chosen = wanted;
                        map.fitBounds(
                            byId[wanted].getBounds(), {padding: {{ this.padding|tojson }}}
                        );
                    }
                } else if (state.serial !== {{ this.serial|tojson }}) {
                    state.chosen = null;
                    map.fitBounds(
                        {{ this.home|tojson }}, {padding: {{ this.home_padding|tojson }}}
                    );
                }
                state.serial = {{ this.serial|tojson }};
                outline(map, byId[state.chosen]);
                Object.keys(byId).forEach(function (id) {
                    byId[id].on("click", function () {
                        state.chosen = id;
                        outline(map, byId[id]);
                    });
                });
            });
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(
        self, home: list[list[float]], serial: int, query_key: str, home_padding_px: int
    ) -> None:
        super().__init__()
        self._name = "MapFrame"
        self.home = home
        self.serial = serial
        self.query_key = query_key
        self.padding = [CHOSEN_PADDING_PX, CHOSEN_PADDING_PX]
        self.home_padding = [home_padding_px, home_padding_px]
        self.styles = list(CHOSEN_OUTLINE)


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
