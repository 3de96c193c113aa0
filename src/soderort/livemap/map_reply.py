"""What a live map sends back through streamlit-folium, read in one place.

streamlit-folium's value holds what the page asked it to return (`RETURNED_OBJECTS`: the last
shape clicked and where), and the app's own scripts add to it: that the first map is drawn
(`MAP_DRAWN_KEY`, `ui.maps.MapDrawn`) and a popup link's request for a place page
(`map_behaviour.OPEN_PLACE_KEY`). The value comes from the browser: whatever does not have the
expected shape, or names no place of the plan, is read as nothing.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from soderort.livemap.map_behaviour import PlaceRequest, open_place_request
from soderort.loading import PlanData

# What the page asks streamlit-folium to send back. A click on a place changes them; panning and
# zooming change none, so they do not rerun the script. The frame's count of clicks makes a
# second click on the same place count (after "show all places", say), also a second Enter.
RETURNED_OBJECTS = ("last_active_drawing", "last_object_clicked", "last_object_clicked_count")
# The key under which a map's value says that it has been drawn.
MAP_DRAWN_KEY = "map_drawn"


@dataclass(frozen=True)
class MapReply:
    """A live map's value, read.

    Parameters
    ----------
    drawn : bool
        The first map of the page load has been drawn.
    clicked_place : str or None
        The id of the place last clicked, if it is one of the plan's.
    click : str or None
        A fingerprint of the last click, new with every click: streamlit-folium sends the last
        click again on every rerun, so a page acts on each fingerprint once.
    open_place : PlaceRequest or None
        A popup link's request to open a place's page.
    """

    drawn: bool = False
    clicked_place: str | None = None
    click: str | None = None
    open_place: PlaceRequest | None = None


def read_reply(value: object, data: PlanData) -> MapReply:
    """Read streamlit-folium's value of a live map (what ``st_folium`` returned, or None).

    Parameters
    ----------
    value : object
        The map's value as it came from the browser.
    data : PlanData
        The loaded plan, to accept only its place ids.

    Returns
    -------
    MapReply
        What the value says; an empty reply for anything that is not a mapping.
    """
    if not isinstance(value, Mapping):
        return MapReply()
    clicked = {key: value.get(key) for key in RETURNED_OBJECTS}
    click = json.dumps(clicked, sort_keys=True, default=str) if any(clicked.values()) else None
    return MapReply(
        drawn=value.get(MAP_DRAWN_KEY) is True,
        clicked_place=_clicked_place(value.get("last_active_drawing"), data),
        click=click,
        open_place=open_place_request(value, data),
    )


def _clicked_place(feature: object, data: PlanData) -> str | None:
    # The clicked shape as GeoJSON (Leaflet's toGeoJSON): the place layer's features carry `id`.
    if not isinstance(feature, Mapping):
        return None
    properties = feature.get("properties")
    if not isinstance(properties, Mapping):
        return None
    place_id = properties.get("id")
    return place_id if isinstance(place_id, str) and place_id in data.places.index else None
