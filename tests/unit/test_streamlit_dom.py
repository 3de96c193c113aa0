"""Every Streamlit test id the code relies on is listed in ui/streamlit_dom.py, and rechecked."""

from __future__ import annotations

import importlib.metadata
import re

from soderort import paths
from ui import streamlit_dom

# What ships to the browser from the app's own code (the tests find elements their own way).
SOURCES = (
    "app.py",
    "ui",
    "pages",
    "src",
    "static/js",
    "static/first-paint.css",
    "static/presentation-frame.css",
)
TEST_ID = re.compile(r"data-testid=\\?[\"']?(\w+)")


def used_test_ids() -> dict[str, set[str]]:
    used: dict[str, set[str]] = {}
    for root in SOURCES:
        base = paths.PROJECT_ROOT / root
        files = [base] if base.is_file() else [*base.rglob("*.py"), *base.rglob("*.js")]
        for path in files:
            for found in TEST_ID.findall(path.read_text(encoding="utf-8")):
                used.setdefault(found, set()).add(str(path.relative_to(paths.PROJECT_ROOT)))
    return used


def test_every_test_id_in_use_is_listed_with_its_reason_and_none_else() -> None:
    used = used_test_ids()
    assert set(used) == set(streamlit_dom.TEST_IDS), used
    for test_id, files in used.items():
        # The reason names where each is used.
        assert all(name.split("/")[-1] in streamlit_dom.TEST_IDS[test_id] for name in files)


def test_the_list_is_rechecked_when_streamlit_changes() -> None:
    assert importlib.metadata.version("streamlit") == streamlit_dom.CHECKED_STREAMLIT_VERSION, (
        "Streamlit changed: check each test id in ui/streamlit_dom.py, then update the version"
    )
