"""What streamlit-folium sends back after a click: the place clicked, and its fingerprint."""

from __future__ import annotations

import json
from typing import Any

from soderort.loading import PlanData

# What the page asks streamlit-folium to send back. A click on a place changes them; panning and
# zooming change none, so they do not rerun the script. The frame's count of clicks makes a
# second click on the same place count (after "show all places", say), also a second Enter.
RETURNED_OBJECTS = ("last_active_drawing", "last_object_clicked", "last_object_clicked_count")


def clicked_place(returned: dict[str, Any] | None, data: PlanData) -> str | None:
    """Return the id of the place the user clicked, from streamlit-folium's return value.

    Parameters
    ----------
    returned : dict or None
        What ``st_folium`` returned (its ``last_active_drawing`` holds the clicked feature).
    data : PlanData
        The loaded data, to accept only known place ids.

    Returns
    -------
    str or None
        A place id, or None when nothing known was clicked.
    """
    if not isinstance(returned, dict):
        return None
    feature = returned.get("last_active_drawing")
    if not isinstance(feature, dict):
        return None
    properties = feature.get("properties")
    if not isinstance(properties, dict):
        return None
    place_id = properties.get("id")
    return place_id if isinstance(place_id, str) and place_id in data.places.index else None


def click_signature(returned: dict[str, Any] | None) -> str | None:
    """Return a fingerprint of the last click in streamlit-folium's return value.

    streamlit-folium returns the last click on every rerun, not only in the run the click
    caused; a page compares fingerprints to act on each click once.

    Parameters
    ----------
    returned : dict or None
        What ``st_folium`` returned.

    Returns
    -------
    str or None
        A string that changes with every new click, or None before any click.
    """
    if not isinstance(returned, dict):
        return None
    clicked = {key: returned.get(key) for key in RETURNED_OBJECTS}
    if not any(clicked.values()):
        return None
    return json.dumps(clicked, sort_keys=True, default=str)
