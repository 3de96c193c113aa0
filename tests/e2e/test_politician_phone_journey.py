"""The politician's journey on a phone (390×844, touch): open a link a colleague shared, tap a
place, read its details, open the place's page, and go back, with screenshots of each step in
artifacts/ (look at them).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, expect

from tests.e2e.walk import (
    MAP_IFRAME,
    device_context,
    map_frame,
    open_page,
    pass_first_visit,
    tap_place,
)

pytestmark = pytest.mark.e2e


def test_politician_reads_a_shared_view_on_a_phone(
    browser: Browser, server: str, plan_data, artifacts
) -> None:
    pass_first_visit(browser, server)
    context = device_context(browser, "phone")
    try:
        walk(context.new_page(), server, plan_data, artifacts)
    finally:
        context.close()


def walk(phone, server: str, plan_data, artifacts) -> None:
    # The shared link: the plan's initiatives that mention Högdalen.
    open_page(phone, f"{server}/?q=hogdalen")
    main = phone.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Högdalens industriområde (1)")).to_be_visible()
    phone.screenshot(path=str(artifacts / "journey-phone-1-link.png"))

    # Tap the place and read its details in the popup, whole.
    tap_place(phone, plan_data, "hogdalen")
    popup = phone.frame_locator(MAP_IFRAME).locator(".leaflet-popup")
    expect(popup.get_by_role("heading", name="Högdalens industriområde")).to_be_visible()
    expect(popup.get_by_role("heading", name="Miljöteknik Högdalen")).to_be_visible()
    expect(popup).to_contain_text("1 initiativ")
    expect(popup).to_contain_text("Förväntat resultat")
    expect(main).to_contain_text("Valt område: Högdalens industriområde")
    phone.wait_for_timeout(800)
    phone.screenshot(path=str(artifacts / "journey-phone-2-details.png"))

    # Open the place's page from the menu: the chosen place and the shared filter come along.
    phone.get_by_role("button", name="Fäll ut sidomenyn").tap()
    phone.get_by_test_id("stSidebar").get_by_role("link", name="Områden").tap()
    heading = main.get_by_role("heading", name="Högdalens industriområde", level=1)
    expect(heading).to_be_visible()
    # The menu closes by itself once the page is chosen: the reader reads the page.
    expect(heading).to_be_in_viewport()
    expect(phone.get_by_test_id("stSidebar")).not_to_be_in_viewport()
    phone.wait_for_timeout(500)  # for the picture: the menu's slide has ended
    # The same count as the popup's.
    expect(main).to_contain_text("1 av områdets 1 initiativ matchar filtren.")
    expect(phone).to_have_url(re.compile(r"/omrade\?.*q=hogdalen"))
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 390
    phone.screenshot(path=str(artifacts / "journey-phone-3-place-page.png"))

    # Back, as the phone's back gesture does: the shared view again.
    phone.go_back()
    expect(phone).not_to_have_url(re.compile(r"/omrade"))
    expect(main.get_by_role("heading", name="Högdalens industriområde (1)")).to_be_visible()
    expect(main).to_contain_text("Valt område: Högdalens industriområde")
    expect(phone.get_by_test_id("stSidebar")).to_contain_text("1 av 19 initiativ")
    phone.screenshot(path=str(artifacts / "journey-phone-4-back.png"))
    assert map_frame(phone) is not None
