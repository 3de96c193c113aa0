"""A live map's value as streamlit-folium sends it, read in one place (`livemap.map_reply`).

The replies are built as the component's front end builds them: the clicked shape is Leaflet's
``layer.toGeoJSON()`` of a feature of the app's own place layer, the click a ``{lat, lng}``,
and the app's scripts add the drawn report and a popup link's request to the whole value.
"""

from __future__ import annotations

import pytest

from soderort.livemap.map_behaviour import OPEN_PLACE_KEY, PlaceRequest
from soderort.livemap.map_reply import MAP_DRAWN_KEY, RETURNED_OBJECTS, MapReply, read_reply
from soderort.render import map_layers


def layer_feature(data, place_id: str) -> dict:
    """The place's feature in the layer the live map is given (what toGeoJSON gives back)."""
    layers = map_layers.build_map_layers(data, data.initiatives)
    for child in layers.places._children.values():
        features = getattr(child, "data", {}).get("features", []) if hasattr(child, "data") else []
        for feature in features:
            if feature["properties"]["id"] == place_id:
                return {
                    "type": "Feature",
                    "properties": dict(feature["properties"]),
                    "geometry": feature["geometry"],
                }
    raise AssertionError(f"{place_id} is not in the place layer")


def click_reply(data, place_id: str, lat: float, lng: float, count: int = 1) -> dict:
    """What the map page's map sends after a click on a place (only `RETURNED_OBJECTS`)."""
    return {
        "last_active_drawing": layer_feature(data, place_id),
        "last_object_clicked": {"lat": lat, "lng": lng},
        "last_object_clicked_count": count,
    }


def test_the_map_page_asks_for_what_it_reads() -> None:
    assert RETURNED_OBJECTS == (
        "last_active_drawing",
        "last_object_clicked",
        "last_object_clicked_count",
    )


def test_before_any_click_the_reply_says_nothing(plan_data) -> None:
    nothing = {"last_active_drawing": None, "last_object_clicked": None}
    assert read_reply(nothing, plan_data) == MapReply()
    assert read_reply(None, plan_data) == MapReply()


def test_a_click_names_its_place_and_each_click_is_new(plan_data) -> None:
    first = read_reply(click_reply(plan_data, "hogdalen", 59.2636, 18.0431), plan_data)
    assert first.clicked_place == "hogdalen"
    assert first.click is not None and not first.drawn and first.open_place is None
    # The same place clicked again (after "show all places") is a new click.
    again = read_reply(click_reply(plan_data, "hogdalen", 59.2641, 18.0425), plan_data)
    assert again.clicked_place == "hogdalen" and again.click != first.click
    # streamlit-folium sends the last click again on every rerun: the same fingerprint.
    resent = read_reply(click_reply(plan_data, "hogdalen", 59.2636, 18.0431), plan_data)
    assert resent.click == first.click
    # Enter on the same place twice: the same point, a new count, a new click.
    entered = read_reply(click_reply(plan_data, "hogdalen", 59.2636, 18.0431, 2), plan_data)
    assert entered.click != first.click


def test_the_first_maps_report_rides_on_every_later_value(plan_data) -> None:
    report = {"last_active_drawing": None, "last_object_clicked": None, MAP_DRAWN_KEY: True}
    assert read_reply(report, plan_data) == MapReply(drawn=True)
    click = {**click_reply(plan_data, "farsta", 59.2437, 18.0929), MAP_DRAWN_KEY: True}
    reply = read_reply(click, plan_data)
    assert reply.drawn and reply.clicked_place == "farsta"


def test_a_popup_link_asks_for_its_place_page(plan_data) -> None:
    # The place page's and the presentation's maps return nothing of their own (`[]`).
    reply = read_reply({OPEN_PLACE_KEY: {"place": "farsta", "stamp": "17-a"}}, plan_data)
    assert reply.open_place == PlaceRequest("farsta", "17-a")
    assert reply.click is None and reply.clicked_place is None


@pytest.mark.parametrize(
    "value",
    [
        "hogdalen",
        ["hogdalen"],
        {"last_active_drawing": "hogdalen", "last_object_clicked": None},
        {"last_active_drawing": {"properties": None}},
        {"last_active_drawing": {"properties": {"id": 3}}},
        {"last_active_drawing": {"properties": {"id": "atlantis"}}},
        {"last_active_drawing": {"properties": {"id": "constructor"}}},
        {MAP_DRAWN_KEY: "true"},
        {OPEN_PLACE_KEY: {"place": "atlantis", "stamp": "1"}},
    ],
)
def test_anything_else_from_the_browser_names_no_place(plan_data, value) -> None:
    reply = read_reply(value, plan_data)
    assert reply.clicked_place is None and reply.open_place is None and not reply.drawn
