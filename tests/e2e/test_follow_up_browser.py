"""A reader's journey through the follow-up: a place where something happened, one without news.

On Söderstaden's page the plan's text and, apart from it, the follow-up's history under today's
status, told by the day its source was read where the source gives no date; the source's link
opens in a new tab that cannot reach back into the app. On Skrubba's page the card says that no
follow-up is recorded. Both in Swedish and in English. On the map, a popup's "Senaste av 3
uppgifter" leads to the place page with all three, and its source's link opens the source, not
the place page.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, Route, expect

from soderort import paths
from tests.e2e.test_popup_link_browser import open_popup
from tests.e2e.walk import open_page, page_url

pytestmark = pytest.mark.e2e

TEXTS = {
    "sv": (
        "Uppföljning",
        # Today's status, named apart from the plan's ("Status i planen (2010)").
        "Status i dag: Pågår (enligt Stockholms stad, Stockholm växer, läst 30 november 2026)",
        "Ingen uppföljning registrerad",
    ),
    "en": (
        "Follow-up",
        "Status today: Under way (according to Stockholms stad, Stockholm växer, read 30 "
        "November 2026)",
        "No follow-up recorded",
    ),
}


@pytest.fixture
def rules_server(start_server, follow_up_folder) -> str:
    """The app on the tests' own follow-ups (tests/data/follow_up_rules.yaml), not the research."""
    return start_server({paths.DATA_DIR_ENV: str(follow_up_folder)})


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_place_with_a_follow_up_and_one_without(
    page: Page, rules_server: str, follow_up_plan, language
) -> None:
    server, data = rules_server, follow_up_plan
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
    # Every entry, oldest first.
    for entry in data.follow_up_entries("soderstaden"):
        expect(box).to_contain_text(entry.text)
    expect(box.get_by_role("listitem")).to_have_count(3)
    link = box.get_by_role("listitem").last.get_by_role("link", name=latest.source.title)
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


def test_the_popup_leads_to_the_history_and_its_source_opens_as_itself(
    page: Page, rules_server: str, follow_up_plan
) -> None:
    server, plan_data = rules_server, follow_up_plan
    latest = plan_data.latest_follow_up("soderstaden")
    open_page(page, server)
    popup = open_popup(page, "soderstaden")

    # The source's link opens the source in a tab of its own; the map stays where it was.
    def stand_in(route: Route) -> None:
        route.fulfill(status=200, content_type="text/html", body="<title>källa</title>")

    page.context.route(latest.source.url, stand_in)
    with page.context.expect_page() as opened:
        popup.get_by_role("link", name=latest.source.title).last.click()
    source_tab = opened.value
    source_tab.wait_for_load_state()
    assert source_tab.url == latest.source.url
    source_tab.close()
    expect(page).not_to_have_url(re.compile(r"/omrade"))

    popup.get_by_role("link", name="Senaste av 3 uppgifter").click()
    expect(page).to_have_url(re.compile(r"/omrade\?place=soderstaden\b"))
    main = page.get_by_test_id("stMain")
    for entry in plan_data.follow_up_entries("soderstaden"):
        expect(main.get_by_text(entry.text)).to_be_visible(timeout=60_000)
