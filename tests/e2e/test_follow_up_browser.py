"""A reader's journey through the follow-up: a place where something happened, one without news.

On Söderstaden's page the plan's text and, apart from it, the latest follow-up with its source;
the source's link opens in a new tab that cannot reach back into the app. On Skrubba's page the
card says that no follow-up is recorded. Both in Swedish and in English.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, Route, expect

from soderort.loading import load_plan_data
from tests.e2e.walk import open_page, page_url

pytestmark = pytest.mark.e2e

TEXTS = {
    "sv": ("Uppföljning", "Pågår (30 november 2026)", "Ingen uppföljning registrerad"),
    "en": ("Follow-up", "Under way (30 November 2026)", "No follow-up recorded"),
}


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_place_with_a_follow_up_and_one_without(page: Page, server: str, language) -> None:
    data = load_plan_data()
    latest = data.latest_follow_up("soderstaden")
    heading, status, none = TEXTS[language]

    open_page(page, page_url(server, "omrade?place=soderstaden", language))
    # The plan's text, then the follow-up in an element of its own.
    plan = page.get_by_test_id("stMarkdownContainer").filter(
        has_text=data.initiative("soderstaden").uppdrag
    )
    expect(plan.first).to_be_visible(timeout=60_000)
    expect(plan.filter(has_text=latest.text)).to_have_count(0)
    box = page.get_by_test_id("stMarkdownContainer").filter(has_text=f"{heading} · {status}")
    expect(box).to_have_count(1)
    expect(box).to_contain_text(latest.text)
    link = box.get_by_role("link", name=latest.source.title)
    expect(link).to_have_attribute("href", latest.source.url)
    expect(link).to_have_attribute("rel", "noopener noreferrer")

    # The source opens in a tab of its own (no network here: the browser gets a stand-in page),
    # and that tab has no handle on the app.
    def stand_in(route: Route) -> None:
        route.fulfill(status=200, content_type="text/html", body="<title>källa</title>")

    page.context.route(latest.source.url, stand_in)
    with page.context.expect_page() as opened:
        link.click()
    source_tab = opened.value
    source_tab.wait_for_load_state()
    assert source_tab.url == latest.source.url
    assert source_tab.evaluate("window.opener") is None
    source_tab.close()

    open_page(page, page_url(server, "omrade?place=skrubba", language))
    expect(page.get_by_text(none)).to_be_visible(timeout=60_000)
    expect(page.get_by_text(status)).to_have_count(0)
