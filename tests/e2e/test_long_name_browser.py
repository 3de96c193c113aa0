"""A place name as long as the data allows keeps its map label a label, not a banner.

Before names had a limit, a 5,000-character place name made a label 38,515 px wide. Names now
stop at `MAX_NAME_CHARS` (the loader refuses longer), and a label shows at most about sixteen
letters' width of the name and ends it with "…"; the tooltip still has the whole name.
"""

from __future__ import annotations

import json
import shutil

import pytest
from playwright.sync_api import Page, expect

from soderort import paths
from soderort.model import MAX_NAME_CHARS
from tests.e2e.walk import open_page

pytestmark = pytest.mark.e2e

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
# Wider than any shipped label ("Söderstaden 1" and the like), far narrower than the map.
MAX_LABEL_PX = 320


def test_the_longest_allowed_place_name_keeps_its_label_narrow(page: Page, start_server, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(paths.GEODATA_DIR, folder)
    places = folder / paths.PLACES_FILE.name
    collection = json.loads(places.read_text(encoding="utf-8"))
    long_name = ("Högdalens industriområde och " * 10)[: MAX_NAME_CHARS - 1] + "!"
    for feature in collection["features"]:
        if feature["properties"]["id"] == "hogdalen":
            feature["properties"]["name"] = long_name
    places.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")

    server = start_server({paths.DATA_DIR_ENV: str(folder)})
    page.set_viewport_size({"width": 1400, "height": 900})
    open_page(page, server)
    label = page.frame_locator(MAP_FRAME).locator(".sod-label", has_text="Högdalens industriområde")
    expect(label).to_be_visible(timeout=60_000)
    box = label.bounding_box()
    assert box is not None and box["width"] <= MAX_LABEL_PX, box
    # The other labels are as they were: short names are shown whole.
    farsta = page.frame_locator(MAP_FRAME).locator(".sod-label", has_text="Farsta")
    expect(farsta.locator(".sod-name")).to_have_text("Farsta")
