"""Browser-test fixtures: the app started as the README says (`streamlit run app.py`) on a free
port, and Debian's chromium.

pytest-playwright provides `browser`, `context` and `page`; this file points it at Debian's
chromium (so ``playwright install`` is never needed) and sets the viewport and locale. On a
failure it keeps a screenshot and a Playwright trace in ``artifacts/playwright/`` (the options
are in pyproject.toml).

`server` is shared by the whole session (starting Streamlit costs seconds on two cores);
`start_server` starts another one with its own environment (e.g. other data or no tiles). Both
use the launcher the benchmarks use (`benchmarks.launch`).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from benchmarks.launch import CHROMIUM, CHROMIUM_ARGS, CHROMIUM_MISSING, streamlit_server
from soderort import assets, paths

ARTIFACTS = paths.PROJECT_ROOT / "artifacts"
VIEWPORT = {"width": 1400, "height": 1000}
LOCALE = "sv-SE"
# A rerun on a busy two-core machine can take seconds; the default 5 s makes tests flaky.
expect.set_options(timeout=20_000)


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    """The app as shipped, on a free localhost port."""
    with streamlit_server() as (url, _pid):
        yield url


@pytest.fixture
def start_server() -> Iterator[Callable[[dict[str, str]], str]]:
    """Start the app with extra environment variables; stopped after the test."""
    with contextlib.ExitStack() as servers:

        def start(extra_env: dict[str, str]) -> str:
            url, _pid = servers.enter_context(streamlit_server(env=extra_env))
            return url

        yield start


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """pytest-playwright's launch options, with Debian's chromium and its flags."""
    if not CHROMIUM.exists():
        pytest.fail(CHROMIUM_MISSING)
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": list(CHROMIUM_ARGS),
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    """Every page a desktop window, in Swedish."""
    return {**browser_context_args, "viewport": VIEWPORT, "locale": LOCALE}


@pytest.fixture
def page(page: Page) -> Page:
    """pytest-playwright's page, waiting longer for the busy machine."""
    page.set_default_timeout(30_000)
    return page


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Folder for screenshots and files a person looks at after a run (ignored by git)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def is_tile_url() -> Callable[[str], bool]:
    """Whether a URL is on the configured tile server (``{s}`` standing for any subdomain)."""
    tiles = assets.tile_config()
    assert tiles is not None, "these tests expect a tile server"
    host = urlsplit(tiles.url.replace("{s}", "SUBDOMAIN")).hostname or ""
    pattern = re.compile(re.escape(host).replace("subdomain", "[a-z0-9-]+") + r"\Z")
    return lambda url: bool(pattern.match(urlsplit(url).hostname or ""))
