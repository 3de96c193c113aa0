"""The phone first (390×844, touch): tapping a place shows its details whole, with nothing over
them and no scrolling sideways; labels never cover each other and name their places as room
allows; the legend and the attribution keep out of the way; the timeline shows its marks.

The tests tap and read what is on the screen, as a person with a phone does.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Frame, Page, expect

from tests.e2e.walk import (
    MAP_IFRAME,
    device_context,
    map_frame,
    open_page,
    pass_first_visit,
    tap_place,
)

pytestmark = pytest.mark.e2e


@pytest.fixture
def phone(browser: Browser, server: str):
    pass_first_visit(browser, server)
    context = device_context(browser, "phone")
    yield context.new_page()
    context.close()


def visible_labels(frame: Frame) -> list[dict]:
    return frame.evaluate(
        """() => Array.from(document.querySelectorAll('.sod-label'))
            .filter(label => getComputedStyle(label).visibility !== 'hidden')
            .map(label => {
                const box = label.getBoundingClientRect();
                const name = label.querySelector('.sod-name');
                return {
                    place: label.dataset.place,
                    named: getComputedStyle(name).display !== 'none',
                    left: box.left, right: box.right, top: box.top, bottom: box.bottom,
                };
            })"""
    )


def settled_labels(page: Page, frame: Frame) -> list[dict]:
    """The labels once the map is at rest: two readings 200 ms apart agree (a zoom's animation
    and the layout after it are done; on a loaded machine they take longer than on a quiet one)."""
    before = visible_labels(frame)
    for _ in range(50):
        page.wait_for_timeout(200)
        now = visible_labels(frame)
        if now == before:
            return now
        before = now
    raise AssertionError(f"the labels never came to rest: {now}")


def overlapping(labels: list[dict]) -> list[tuple[str, str]]:
    pairs = []
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            if (
                a["left"] < b["right"]
                and b["left"] < a["right"]
                and a["top"] < b["bottom"]
                and b["top"] < a["bottom"]
            ):
                pairs.append((a["place"], b["place"]))
    return pairs


def test_a_tapped_place_is_read_whole_with_nothing_over_it(
    phone: Page, server: str, plan_data, artifacts
) -> None:
    open_page(phone, server)
    tap_place(phone, plan_data, "hogdalen")
    fl = phone.frame_locator(MAP_IFRAME)
    popup = fl.locator(".leaflet-popup")
    expect(popup.get_by_role("heading", name="Miljöteknik Högdalen")).to_be_visible()
    phone.wait_for_timeout(800)  # the popup's pan comes to rest
    phone.screenshot(path=str(artifacts / "phone-popup.png"))

    frame = map_frame(phone)
    facts = frame.evaluate(
        """() => {
            const popup = document.querySelector('.leaflet-popup');
            const box = popup.getBoundingClientRect();
            const content = popup.querySelector('.sod-popup');
            const hits = [];
            for (let i = 1; i < 6; i++) {
                for (let j = 1; j < 6; j++) {
                    const x = box.left + box.width * i / 6, y = box.top + box.height * j / 6;
                    hits.push(popup.contains(document.elementFromPoint(x, y)));
                }
            }
            return {
                left: box.left, right: box.right, top: box.top, bottom: box.bottom,
                width: innerWidth, height: innerHeight,
                cutSideways: content.scrollWidth > content.clientWidth,
                covered: hits.filter(hit => !hit).length,
            };
        }"""
    )
    # Inside the map on every side, nothing cut sideways, and nothing lies over it.
    assert facts["left"] >= 0 and facts["right"] <= facts["width"], facts
    assert facts["top"] >= 0 and facts["bottom"] <= facts["height"], facts
    assert not facts["cutSideways"], facts
    assert facts["covered"] == 0, facts
    # A finger leaves no tooltip behind: the popup names the place.
    expect(fl.locator(".leaflet-tooltip")).to_have_count(0)
    # The page itself does not scroll sideways.
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 390

    # Closed, the controls are back.
    fl.locator(".leaflet-popup-close-button").tap()
    expect(popup).to_have_count(0)
    expect(fl.locator(".leaflet-control-zoom-in")).to_be_visible()


def test_labels_never_overlap_and_names_come_in_when_zoomed(phone: Page, server: str) -> None:
    open_page(phone, server)
    phone.locator(MAP_IFRAME).scroll_into_view_if_needed()
    frame = map_frame(phone)
    first = settled_labels(phone, frame)
    assert overlapping(first) == []
    named_first = sum(label["named"] for label in first)
    assert named_first >= 1, first

    zoom_in = phone.frame_locator(MAP_IFRAME).locator(".leaflet-control-zoom-in")
    for _ in range(3):
        zoom_in.tap()
        labels = settled_labels(phone, frame)
        assert overlapping(labels) == []
    named_zoomed = sum(label["named"] for label in settled_labels(phone, frame))
    assert named_zoomed >= named_first


def test_legend_and_attribution_keep_out_of_the_way(phone: Page, server: str, artifacts) -> None:
    open_page(phone, server)
    phone.locator(MAP_IFRAME).scroll_into_view_if_needed()
    fl = phone.frame_locator(MAP_IFRAME)
    expect(fl.locator("details.sod-legend")).not_to_have_attribute("open", "")
    scale = fl.locator(".leaflet-control-scale").bounding_box()
    attribution = fl.locator(".leaflet-control-attribution").bounding_box()
    assert scale and attribution
    apart = (
        scale["x"] + scale["width"] <= attribution["x"]
        or attribution["y"] + attribution["height"] <= scale["y"]
    )
    assert apart, (scale, attribution)
    expect(fl.locator(".leaflet-control-attribution")).to_contain_text("OpenStreetMap")
    # One scale bar, in metres or kilometres: a Swedish reader has no use for miles.
    expect(fl.locator(".leaflet-control-scale-line")).to_have_count(1)
    expect(fl.locator(".leaflet-control-scale-line")).to_have_text(re.compile(r"^\d+ k?m$"))
    phone.screenshot(path=str(artifacts / "phone-map.png"))
