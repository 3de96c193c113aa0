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
from soderort.render.map_controls import LEGEND_FOLD_BELOW_PX
from soderort.render.map_css import LEGEND_COLUMN_PX

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


class PlaceLinks(MacroElement):
    """Make the popups' "open the place page" links work inside Streamlit's component frame.

    A plain click (or Enter) on the link is sent to the page as the component's value under
    `OPEN_PLACE_KEY`; the page then switches to the place page (see `open_place_request`).
    Every value the map sends after that carries the request too, until the page leaves: a
    click's value that streamlit-folium sends a moment later would otherwise replace it.
    A click with a modifier key, or the same map outside Streamlit, follows the link as usual;
    so does a source's link (it opens in a tab of its own, `target="_blank"`): only the links to
    place pages (`target="_top"`: "Öppna områdessidan", "Senaste av n uppgifter") are taken.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var key = {{ this.key|tojson }}, request = null;
            if (!window.Streamlit || !window.__GLOBAL_DATA__) { return; }
            var send = window.Streamlit.setComponentValue;
            window.Streamlit.setComponentValue = function (value) {
                if (request) {
                    value = Object.assign({}, value);
                    value[key] = request;
                }
                return send.call(this, value);
            };
            document.addEventListener("click", function (event) {
                if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey
                        || event.altKey) {
                    return;
                }
                var link = event.target.closest
                    && event.target.closest('.sod-popup a[href][target="_top"]');
                if (!link) {
                    return;
                }
                event.preventDefault();
                request = {
                    place: link.closest(".sod-popup").getAttribute("data-place"),
                    stamp: String(Date.now()) + "-" + Math.random().toString(36).slice(2),
                };
                window.Streamlit.setComponentValue(window.__GLOBAL_DATA__.previous_data);
            });
        })();
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "PlaceLinks"
        self.key = OPEN_PLACE_KEY


class TooltipCleanup(MacroElement):
    """Show a place's tooltip only under a pointer that moved onto it, and close it when it left.

    The map is in a frame: a pointer that leaves it sends the shape no "mouseout", and a sticky
    tooltip stayed over the legend. When the map moves under a resting pointer (a slide change),
    the browser reports the pointer over whatever shape now lies under it, and a tooltip opened
    there and stayed: after the map moves, tooltips wait until the pointer itself moves. A tap
    opens no tooltip (nothing would close it; the popup names the place), and an opening popup
    closes any tooltip. Keyboard focus still shows a place's tooltip.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            var pointer = {type: "mouse", screen: null, resting: false};
            function closeTooltips() {
                map.eachLayer(function (layer) {
                    if (layer.closeTooltip) { layer.closeTooltip(); }
                });
            }
            document.addEventListener("pointerdown", function (event) {
                pointer.type = event.pointerType;
            }, true);
            document.addEventListener("mousemove", function (event) {
                var screen = event.screenX + "," + event.screenY;
                if (screen !== pointer.screen) {
                    pointer.screen = screen;
                    pointer.resting = false;
                    // A mouse that moves is a mouse, even on a device with touch.
                    if (!event.sourceCapabilities || !event.sourceCapabilities.firesTouchEvents) {
                        pointer.type = "mouse";
                    }
                }
            }, true);
            var openTooltip = L.Layer.prototype._openTooltip;
            L.Layer.prototype._openTooltip = function () {
                if (this._map === map && (pointer.resting || pointer.type === "touch")) {
                    return;
                }
                return openTooltip.apply(this, arguments);
            };
            window.addEventListener("mouseout", function (event) {
                if (!event.relatedTarget) { closeTooltips(); }
            });
            // The browser may not tell the frame that the pointer left it; the page sees the
            // pointer move outside the frame.
            function pointerOutside() {
                if (document.querySelector(".leaflet-tooltip")) { closeTooltips(); }
            }
            try {
                window.parent.document.addEventListener("mousemove", pointerOutside);
                // The page outlives the frame (a new page, a new map): leave it as it was.
                window.addEventListener("pagehide", function () {
                    window.parent.document.removeEventListener("mousemove", pointerOutside);
                });
            } catch (error) {}
            map.on("movestart zoomstart", function () {
                pointer.resting = true;
                closeTooltips();
            });
            map.on("popupopen", closeTooltips);
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "TooltipCleanup"


class SlideKeys(MacroElement):
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

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            // streamlit-folium moves the map to a new slide's view with setView(centre, zoom),
            // which Leaflet would animate for 0.25 s after the slide's text had changed; the
            // room sees both change together. Leaflet's own calls pass their options and keep
            // their animations (a zoom with the wheel or the buttons).
            var setView = map.setView;
            map.setView = function (center, zoom, options) {
                return setView.call(this, center, zoom, options === undefined
                    ? {animate: false} : options);
            };
            var buttons = {{ this.buttons|tojson }};
            var selectors = Object.keys(buttons).map(function (key) { return buttons[key]; });
            document.addEventListener("keydown", function (event) {
                var typing = event.target.closest
                    && event.target.closest("input, textarea, select, [contenteditable]");
                if ({{ this.keys|tojson }}.indexOf(event.key) < 0 || typing || event.ctrlKey
                        || event.metaKey || event.altKey) {
                    return;
                }
                event.preventDefault();
                event.stopPropagation();
                try {
                    var page = window.parent.document;
                    if (buttons[event.key]) {
                        var button = page.querySelector(buttons[event.key]);
                        if (button && !button.disabled) { button.click(); }
                        return;
                    }
                    page.dispatchEvent(new KeyboardEvent("keydown", {
                        key: event.key, code: event.code, bubbles: true, cancelable: true,
                    }));
                } catch (error) {}
            }, true);
            function keyOnPage(event) {
                if (buttons[event.key]) { map.closePopup(); }
            }
            function clickOnPage(event) {
                if (event.target.closest && event.target.closest(selectors.join(","))) {
                    map.closePopup();
                }
            }
            try {
                var page = window.parent.document;
                page.addEventListener("keydown", keyOnPage);
                page.addEventListener("click", clickOnPage);
                window.addEventListener("pagehide", function () {
                    page.removeEventListener("keydown", keyOnPage);
                    page.removeEventListener("click", clickOnPage);
                });
            } catch (error) {}
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, buttons: Mapping[str, str]) -> None:
        super().__init__()
        self._name = "SlideKeys"
        self.buttons = dict(buttons)
        self.keys = [*self.buttons, *FORWARDED_KEYS]


class MapFrame(MacroElement):
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

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (group) {
            var state = window.__sodFrame = window.__sodFrame || {serial: null, chosen: null};
            function shapes() {
                // No prototype: a name every object has ("constructor") is no shape.
                var found = Object.create(null);
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
                    // The server's place, checked against the plan: the address is never read.
                    var wanted = {{ this.place|tojson }};
                    if (wanted !== null && byId[wanted]) {
                        state.chosen = wanted;
                        // At once, while the frame is drawn the first time: the controls
                        // cannot be measured yet (Leaflet's style sheet is still on its way),
                        // so the room for them is the known column widths.
                        // On a narrow map the legend is folded: the wide map's right-hand
                        // column would leave the place no room, and Leaflet then zoomed out
                        // to all of Söderort.
                        {% if this.frame_place %}
                        var narrow = map.getSize().x < {{ this.narrow_below_px|tojson }};
                        var room = narrow ? {{ this.narrow_padding|tojson }}
                            : {{ this.wide_padding|tojson }};
                        map.fitBounds(byId[wanted].getBounds(), {
                            paddingTopLeft: room[0], paddingBottomRight: room[1],
                        });
                        {% endif %}
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
        self,
        home: list[list[float]],
        serial: int,
        place: str | None,
        home_padding_px: int,
        *,
        frame_place: bool = True,
    ) -> None:
        super().__init__()
        self._name = "MapFrame"
        self.frame_place = frame_place
        self.home = home
        self.serial = serial
        self.place = place
        self.narrow_below_px = LEGEND_FOLD_BELOW_PX
        self.wide_padding = [
            [CONTROL_COLUMN_PX + CHOSEN_PADDING_PX, CHOSEN_PADDING_PX],
            [LEGEND_COLUMN_PX + CHOSEN_PADDING_PX, SCALE_ROW_PX + CHOSEN_PADDING_PX],
        ]
        self.narrow_padding = [
            [CONTROL_COLUMN_PX + NARROW_PADDING_PX, FOLDED_LEGEND_ROW_PX],
            [NARROW_PADDING_PX, SCALE_ROW_PX],
        ]
        self.home_padding = [home_padding_px, home_padding_px]
        self.styles = list(CHOSEN_OUTLINE)


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
