"""Browser-test fixtures: the app started as the README says (`python -m ui.serve`) on a free port,
and Debian's chromium.

`server` is shared by the whole session (starting Streamlit costs seconds on two cores);
`start_server` starts another one with its own environment (e.g. other data or no tiles).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from soderort import assets, paths

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = paths.PROJECT_ROOT / "artifacts"
START_TIMEOUT_S = 90
# A rerun on a busy two-core machine can take seconds; the default 5 s makes tests flaky.
expect.set_options(timeout=20_000)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _launch(extra_env: dict[str, str] | None) -> tuple[str, subprocess.Popen]:
    port = _free_port()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(paths.PROJECT_ROOT / "src"), str(paths.PROJECT_ROOT)]),
        **(extra_env or {}),
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "ui.serve",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
        ],
        cwd=paths.PROJECT_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return url, process
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError("streamlit did not start")
        time.sleep(0.5)


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    """The app as shipped, on a free localhost port."""
    url, process = _launch(None)
    try:
        yield url
    finally:
        _stop(process)


@pytest.fixture
def start_server() -> Iterator[Callable[[dict[str, str]], str]]:
    """Start the app with extra environment variables; stopped after the test."""
    started: list[subprocess.Popen] = []

    def start(extra_env: dict[str, str]) -> str:
        url, process = _launch(extra_env)
        started.append(process)
        return url

    yield start
    for process in started:
        _stop(process)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: run `bash scripts/setup --dev`")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="sv-SE")
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


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
