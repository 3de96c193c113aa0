"""The sidebar in a real browser: the view survives page switches and the URL follows the widgets.

AppTest keeps widget values across `switch_page`; a browser does not (the front end drops widget
state when the page changes), so only this test guards the sidebar's `persist_state`.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from soderort import paths

pytestmark = pytest.mark.e2e

APP_FILE = paths.PROJECT_ROOT / "app.py"
CHROMIUM = Path("/usr/bin/chromium")
START_TIMEOUT_S = 60
# A run on a busy two-core machine can take seconds; the default 5 s makes the test flaky.
expect.set_options(timeout=20_000)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    port = _free_port()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(paths.PROJECT_ROOT / "src"), str(paths.PROJECT_ROOT)]),
    }  # noqa: E501
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(APP_FILE),
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
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            assert process.poll() is None, "streamlit exited while starting"
            assert time.monotonic() < deadline, "streamlit did not start"
            time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture
def page(server: str) -> Iterator[Page]:
    with sync_playwright() as playwright:
        options = {"executable_path": str(CHROMIUM)} if CHROMIUM.exists() else {}
        browser = playwright.chromium.launch(**options)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(30_000)
        yield page
        browser.close()


def _params(url: str) -> str:
    return url.partition("?")[2]


def test_view_survives_page_switches(page: Page, server: str) -> None:
    page.goto(f"{server}/?theme=turism&lang=en")
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text("1 of 19 initiatives")).to_be_visible()

    sidebar.get_by_role("link", name="About").click()
    expect(page.get_by_role("heading", name="The source document")).to_be_visible()
    expect(sidebar.get_by_text("1 of 19 initiatives")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/om\?"))
    assert sorted(_params(page.url).split("&")) == ["lang=en", "theme=turism"]

    sidebar.get_by_role("link", name="Map").click()
    expect(page).not_to_have_url(re.compile(r"/om"))
    expect(sidebar.get_by_text("1 of 19 initiatives")).to_be_visible()
    assert sorted(_params(page.url).split("&")) == ["lang=en", "theme=turism"]


def test_url_follows_the_widgets(page: Page, server: str) -> None:
    page.goto(server)
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text("19 av 19 initiativ")).to_be_visible()
    assert _params(page.url) == ""

    search = sidebar.get_by_role("textbox", name="Sök i texten")
    search.fill("hogdalen")
    search.press("Enter")
    expect(sidebar.get_by_text("1 av 19 initiativ")).to_be_visible()
    expect(page).to_have_url(re.compile(r"\?q=hogdalen$"))

    sidebar.get_by_role("button", name="Återställ filter").click()
    expect(sidebar.get_by_text("19 av 19 initiativ")).to_be_visible()
    expect(search).to_have_value("")
    expect(page).not_to_have_url(re.compile(r"q="))
    # The cleared box stays cleared when another widget sends its state.
    sidebar.get_by_text("Endast som ansvarig").click()
    expect(page).to_have_url(re.compile(r"\?lead=1$"))
    expect(sidebar.get_by_text("19 av 19 initiativ")).to_be_visible()
    expect(search).to_have_value("")
