"""A link shared for one place (`?place=farsta`) opens on that place: the map's first draw frames
and outlines it, on the map page and in the presentation; "show all" brings back all of Söderort.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from soderort.render.map_positions import place_bounds, soderort_bounds
from tests.e2e.walk import MAP_IFRAME, label_point, map_frame, open_page

pytestmark = pytest.mark.e2e

VIEW = """() => {
    const b = window.map.getBounds();
    return {zoom: window.map.getZoom(),
            bounds: [[b.getSouth(), b.getWest()], [b.getNorth(), b.getEast()]]};
}"""
# The chosen place's outline: its corners in the map's own coordinates.
OUTLINE = """() => {
    const paths = [...document.querySelectorAll('path.sod-chosen')];
    return paths.map(p => p.getBBox()).map(b => [b.x, b.y, b.width, b.height]);
}"""


def contains(outer, inner) -> bool:
    (s1, w1), (n1, e1) = outer
    (s2, w2), (n2, e2) = inner
    return s1 <= s2 and w1 <= w2 and n1 >= n2 and e1 >= e2


def share(outer, inner) -> float:
    """How much of `outer`'s height `inner` fills."""
    return (inner[1][0] - inner[0][0]) / (outer[1][0] - outer[0][0])


def test_a_shared_place_opens_framed_and_outlined_and_show_all_goes_back(
    page: Page, server: str, plan_data, artifacts
) -> None:
    open_page(page, f"{server}/?place=farsta")
    frame = map_frame(page)
    farsta, whole = place_bounds(plan_data, "farsta"), soderort_bounds(plan_data)
    # Framed closer than all of Söderort (Farsta lies on its southern edge).
    frame.wait_for_function(
        "([n, w]) => { const b = window.map.getBounds();"
        " return b.getNorth() < n && b.getWest() > w; }",
        arg=[whole[1][0], whole[0][1]],
    )
    view = frame.evaluate(VIEW)
    assert contains(view["bounds"], farsta)
    assert share(view["bounds"], farsta) > 0.4  # Farsta fills the frame, not a corner of it
    outline = frame.evaluate(OUTLINE)
    assert len(outline) == 2  # a black line on a white halo
    expect(page.get_by_test_id("stMain").get_by_text("Valt område: Farsta")).to_be_visible()
    page.mouse.move(5, 5)
    page.screenshot(path=str(artifacts / "shared-place-farsta.png"))

    page.get_by_role("button", name="Visa alla områden").click()
    expect(page).not_to_have_url(re.compile(r"place="))
    frame.wait_for_function(
        "(zoom) => window.map.getZoom() < zoom && !window.map._animatingZoom", arg=view["zoom"]
    )
    page.wait_for_timeout(500)  # the zoom animation's last frame
    after = frame.evaluate(VIEW)
    assert contains(after["bounds"], whole)
    assert frame.evaluate(OUTLINE) == []


def test_a_shared_place_is_where_the_presentation_opens(page: Page, server: str, plan_data) -> None:
    open_page(page, f"{server}/presentation?place=farsta")
    expect(page.get_by_text(re.compile(r"\bBild 1 av"))).to_be_visible(timeout=90_000)
    frame = map_frame(page)
    farsta = place_bounds(plan_data, "farsta")
    frame.wait_for_function(
        "([lat, lng]) => Math.abs(window.map.getCenter().lat - lat) < 0.01"
        " && Math.abs(window.map.getCenter().lng - lng) < 0.01",
        arg=[(farsta[0][0] + farsta[1][0]) / 2, (farsta[0][1] + farsta[1][1]) / 2],
    )
    view = frame.evaluate(VIEW)
    assert contains(view["bounds"], farsta)
    assert share(view["bounds"], farsta) > 0.3
    assert len(frame.evaluate(OUTLINE)) == 2


def test_a_place_every_script_object_has_frames_nothing_and_clicks_still_outline(
    page: Page, server: str, plan_data
) -> None:
    # "constructor" is a name every JavaScript object has: the map's script must not take it
    # for a place, or it throws and the next click draws no outline.
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_page(page, f"{server}/?place=constructor")
    frame = map_frame(page)
    assert frame.evaluate(OUTLINE) == []
    # Click Farsta where its label stands, as a mouse does.
    lat, lon = label_point(plan_data, "farsta")
    point = frame.evaluate("([lat, lon]) => map_div.latLngToContainerPoint([lat, lon])", [lat, lon])
    box = page.locator(MAP_IFRAME).bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    frame.wait_for_function("() => document.querySelectorAll('path.sod-chosen').length === 2")
    assert not errors
