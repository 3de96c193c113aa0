"""The live maps' requests to the page: what a popup link's click sends, read back safely."""

from __future__ import annotations

import pytest

from soderort.livemap.map_behaviour import OPEN_PLACE_KEY, PlaceRequest, open_place_request


def test_a_link_click_names_the_place_and_its_stamp(plan_data) -> None:
    returned = {"last_object_clicked": None, OPEN_PLACE_KEY: {"place": "farsta", "stamp": "17-a"}}
    assert open_place_request(returned, plan_data) == PlaceRequest("farsta", "17-a")


@pytest.mark.parametrize(
    "returned",
    [
        None,
        {},
        {OPEN_PLACE_KEY: None},
        {OPEN_PLACE_KEY: "farsta"},
        {OPEN_PLACE_KEY: {"place": "atlantis", "stamp": "1"}},
        {OPEN_PLACE_KEY: {"place": "farsta"}},
        {OPEN_PLACE_KEY: {"place": ["farsta"], "stamp": "1"}},
    ],
)
def test_anything_else_from_the_browser_is_no_request(plan_data, returned) -> None:
    assert open_place_request(returned, plan_data) is None
