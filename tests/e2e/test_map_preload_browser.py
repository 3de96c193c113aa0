"""The map's own files are fetched while the page comes, and the map's frame takes them from the
browser's cache instead of asking the network again, one after the other, once the map's data
has arrived (a phone's last second before the map)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from soderort import assets
from tests.e2e.walk import device_context, map_frame, pass_first_visit

pytestmark = pytest.mark.e2e

# How each of the frame's files reached it: bytes over the network (0: from the browser's cache).
TRANSFERRED = """(urls) => urls.map((url) => {
  const entry = performance.getEntriesByType('resource').find((e) => e.name.endsWith(url));
  return entry ? entry.transferSize : null;
})"""
PRELOADED = """() => [...document.head.querySelectorAll('link[rel="preload"]')]
  .map((link) => link.getAttribute('href'))"""


@pytest.mark.parametrize("path", ["", "omrade?place=farsta", "presentation?slide=2"])
def test_the_maps_frame_takes_leaflet_from_the_cache_on_a_first_visit(
    browser: Browser, server: str, path: str
) -> None:
    pass_first_visit(browser, server)
    context = device_context(browser, "phone")  # a fresh context: an empty cache
    try:
        page = context.new_page()
        page.goto(f"{server}/{path}", wait_until="commit")
        frame = map_frame(page)
        urls = [url for url, kind in assets.MAP_FRAME_FILES if kind in ("script", "style")]
        assert set(urls) <= set(page.evaluate(PRELOADED))
        # Each script and style sheet the frame loaded came from the cache, none over the wire.
        assert frame.evaluate(TRANSFERRED, urls) == [0] * len(urls)
    finally:
        context.close()
