"""What a politician on a phone (390×844, touch) taps and reads: the names on the map, a place's
link, the menu, the timeline and the place page's table, walked with a finger, with screenshots
in artifacts/ (look at them).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from soderort import viewstate
from soderort.render.map_positions import place_bounds, soderort_bounds
from tests.e2e.walk import MAP_IFRAME, device_context, map_frame, open_page, pass_first_visit

pytestmark = pytest.mark.e2e

# The map's edge and a label's: at least this much room between them, in pixels.
EDGE_ROOM_PX = 2


@pytest.fixture
def phone(browser: Browser, server: str) -> Iterator[Page]:
    pass_first_visit(browser, server)
    context = device_context(browser, "phone")
    try:
        yield context.new_page()
    finally:
        context.close()


def settled_map(phone: Page):
    """Scroll the map into view, wait until it and its labels have come to rest; its frame."""
    phone.locator(MAP_IFRAME).scroll_into_view_if_needed()
    frame = map_frame(phone)
    box = None
    for _ in range(30):
        settled = phone.locator(MAP_IFRAME).bounding_box()
        if settled == box:
            break
        box = settled
        phone.wait_for_timeout(300)
    phone.wait_for_timeout(300)  # the labels' layout follows the map's last move
    return frame


def pixel_box(frame, bounds: list[list[float]]) -> dict[str, float]:
    """Where a [[south, west], [north, east]] box lies on the map, in the map's pixels."""
    return frame.evaluate(
        """(b) => {
            const sw = map_div.latLngToContainerPoint(b[0]);
            const ne = map_div.latLngToContainerPoint(b[1]);
            const size = map_div.getSize();
            return {left: sw.x, right: ne.x, top: ne.y, bottom: sw.y,
                    width: size.x, height: size.y};
        }""",
        bounds,
    )


@pytest.mark.parametrize(
    ("place_id", "name"),
    [("telefonplan", "Telefonplan"), ("kungens-kurva-skarholmen", "Kungens kurva/Skärholmen")],
)
def test_a_tapped_label_opens_its_own_place(
    phone: Page, server: str, artifacts, place_id: str, name: str
) -> None:
    open_page(phone, f"{server}/")
    settled_map(phone)
    label = phone.frame_locator(MAP_IFRAME).locator(f'.sod-label[data-place="{place_id}"]')
    box = label.bounding_box()
    assert box is not None, f"{name}'s label is not on the map"
    phone.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    popup = phone.frame_locator(MAP_IFRAME).locator(".leaflet-popup")
    expect(popup.locator("h3")).to_have_text(name)
    expect(popup.get_by_role("button", name="Stäng rutan")).to_be_visible()
    main = phone.get_by_test_id("stMain")
    expect(main).to_contain_text(f"Valt område: {name}")
    phone.wait_for_timeout(500)
    phone.screenshot(path=str(artifacts / f"journey-phone-label-{place_id}.png"))


def test_the_phone_map_shows_soderort_with_every_label_whole(
    phone: Page, server: str, plan_data, artifacts
) -> None:
    open_page(phone, f"{server}/")
    frame = settled_map(phone)
    soderort = pixel_box(frame, soderort_bounds(plan_data))
    # Söderort across the map's width, and not a thin band in a tall map of water.
    assert soderort["left"] >= 0 and soderort["right"] <= soderort["width"]
    assert soderort["right"] - soderort["left"] >= 0.8 * soderort["width"]
    assert soderort["bottom"] - soderort["top"] >= 0.35 * soderort["height"], soderort
    edges = frame.evaluate(
        """() => {
            const map = map_div.getContainer().getBoundingClientRect();
            return [...document.querySelectorAll('.sod-label')]
                .filter((label) => getComputedStyle(label).visibility !== 'hidden')
                .map((label) => {
                    const box = label.getBoundingClientRect();
                    return [label.dataset.place, box.left - map.left, map.right - box.right,
                            box.top - map.top, map.bottom - box.bottom];
                });
        }"""
    )
    shown = [edge for edge in edges if edge[3] >= 0 and edge[4] >= 0]
    assert {edge[0] for edge in shown} >= {"kungens-kurva-skarholmen", "telefonplan", "skrubba"}
    for place, left, right, _top, _bottom in shown:
        assert left >= EDGE_ROOM_PX and right >= EDGE_ROOM_PX, (place, left, right)
    phone.screenshot(path=str(artifacts / "journey-phone-map.png"))


@pytest.mark.parametrize("path", ["omrade?place=hogdalen", "?place=hogdalen"])
def test_a_place_link_on_a_phone_frames_the_place(
    phone: Page, server: str, plan_data, artifacts, path: str
) -> None:
    open_page(phone, f"{server}/{path}")
    frame = settled_map(phone)
    place = pixel_box(frame, place_bounds(plan_data, "hogdalen"))
    assert place["left"] >= 0 and place["right"] <= place["width"], place
    assert place["top"] >= 0 and place["bottom"] <= place["height"], place
    # The place fills the map, not a dot in all of Söderort.
    assert place["right"] - place["left"] >= 0.4 * place["width"], place
    name = "place" if path.startswith("omrade") else "map"
    phone.screenshot(path=str(artifacts / f"journey-phone-link-{name}.png"))


@pytest.mark.parametrize("link", ["Tidslinje", "Tabell"])
def test_the_menu_closes_after_choosing_a_page(phone: Page, server: str, link: str) -> None:
    open_page(phone, f"{server}/")
    phone.get_by_role("button", name="Fäll ut sidomenyn").tap()
    sidebar = phone.get_by_test_id("stSidebar")
    expect(sidebar).to_be_in_viewport()
    sidebar.get_by_role("link", name=link).tap()
    expect(phone.get_by_test_id("stMain").locator("h1")).not_to_contain_text("kartan")
    expect(sidebar).not_to_be_in_viewport()
    expect(phone.get_by_role("button", name="Fäll ut sidomenyn")).to_be_visible()


def test_the_timeline_opens_on_its_row_names_and_shows_a_tapped_marks_box(
    phone: Page, server: str, artifacts
) -> None:
    open_page(phone, f"{server}/tidslinje")
    scroller = phone.locator(f".st-key-{viewstate.TIMELINE_SCROLL_KEY}")
    scroller.scroll_into_view_if_needed()
    first_row = scroller.locator(".yaxislayer-above text", has_text="Hela Söderort")
    expect(first_row).to_be_in_viewport()
    assert scroller.evaluate("(box) => box.scrollLeft") == 0
    phone.screenshot(path=str(artifacts / "journey-phone-timeline-1.png"))

    # Swipe to the marks, tap the first one by the screen's left edge.
    view = scroller.bounding_box()
    phone.mouse.move(view["x"] + view["width"] / 2, view["y"] + 200)
    phone.mouse.wheel(1000, 0)
    phone.wait_for_function(
        "(key) => document.querySelector('.st-key-' + key).scrollLeft > 300",
        arg=viewstate.TIMELINE_SCROLL_KEY,
    )
    marks = scroller.locator(".scatterlayer .point")
    mark = None
    for index in range(marks.count()):
        box = marks.nth(index).bounding_box()
        if box and view["x"] <= box["x"] <= view["x"] + 60 and 0 < box["y"] < 800:
            mark = box
            break
    assert mark is not None, "no mark by the left edge after the swipe"
    phone.touchscreen.tap(mark["x"] + mark["width"] / 2, mark["y"] + mark["height"] / 2)
    hover = scroller.locator(".hovertext")
    expect(hover).to_have_count(1)
    phone.wait_for_timeout(300)  # the box is scrolled into view
    shown = scroller.bounding_box()
    box = hover.bounding_box()
    assert box["x"] >= shown["x"] - 1, (box, shown)
    assert box["x"] + box["width"] <= shown["x"] + shown["width"] + 1, (box, shown)
    phone.screenshot(path=str(artifacts / "journey-phone-timeline-2.png"))


def test_the_place_pages_committee_table_fits_a_phone(phone: Page, server: str, artifacts) -> None:
    open_page(phone, f"{server}/omrade?place=hogdalen")
    table = phone.get_by_test_id("stTableStyledTable").first
    expect(table).to_contain_text("Stadsbyggnadsnämnden")
    table.scroll_into_view_if_needed()
    overflowing = table.evaluate(
        """(table) => [...table.querySelectorAll('th, td')]
            .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
            .map((cell) => cell.innerText)"""
    )
    assert overflowing == []
    phone.screenshot(path=str(artifacts / "journey-phone-place-table.png"))
