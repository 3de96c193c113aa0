"""Serve the app (`streamlit run app.py`) on a free localhost port; how to start Debian's chromium.

The one launcher for the browser tests (``tests/e2e/conftest.py``), the benchmark
(``benchmarks/bench.py``) and the load test (``benchmarks/load_test.py``). Only the standard
library: it runs the app in a child process with this project's ``src/`` and root on its path.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO

PROJECT_ROOT = Path(__file__).resolve().parents[1]
APP_FILE = PROJECT_ROOT / "app.py"
START_TIMEOUT_S = 180
"""How long a server may take to answer its health check (seconds; two busy cores are slow)."""

CHROMIUM = Path("/usr/bin/chromium")
"""Debian's chromium: Playwright drives it, so ``playwright install`` is never needed."""
CHROMIUM_MISSING = "Debian's chromium is missing: run `bash scripts/setup --dev`"

CHROMIUM_ARGS: tuple[str, ...] = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    # No requests of the browser's own (updates, sync, field trials) among the app's.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)

_LOG_TAIL_CHARS = 2_000


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(
    app_file: Path = APP_FILE,
    env: Mapping[str, str] | None = None,
    *,
    timeout_s: float = START_TIMEOUT_S,
) -> Iterator[tuple[str, int]]:
    """Serve `app_file` with ``streamlit run`` until the block ends; yield URL and pid.

    Parameters
    ----------
    app_file : Path
        The script to serve; the app by default.
    env : Mapping[str, str], optional
        Variables added to this process's environment (e.g. ``SODERORT_TILES_URL=none``).
    timeout_s : float
        How long to wait for the server's health check to answer.

    Yields
    ------
    (str, int)
        The server's URL (``http://127.0.0.1:<port>``) and its process id.

    Raises
    ------
    RuntimeError
        If the server exits or does not answer in time; the message ends with its log.
    """
    port = free_port()
    full_env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(PROJECT_ROOT / "src"), str(PROJECT_ROOT)]),
        **(env or {}),
    }
    # The app serves its static files from its own route (app.py); a plain script, such as the
    # benchmark's bare app, has Streamlit serve the static/ folder beside it.
    static_serving = "false" if app_file.name == APP_FILE.name else "true"
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app_file),
        "--server.enableStaticServing",
        static_serving,
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
    ]
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as log:
        process = subprocess.Popen(
            command, cwd=PROJECT_ROOT, env=full_env, stdout=subprocess.DEVNULL, stderr=log
        )
        try:
            _wait_until_healthy(url, process, timeout_s, log)
            yield url, process.pid
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_until_healthy(
    url: str, process: subprocess.Popen, timeout_s: float, log: IO[str]
) -> None:
    """Return once ``/_stcore/health`` answers 200; raise with the server's log otherwise."""
    deadline = time.monotonic() + timeout_s
    while True:
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer,
        ):
            if answer.status == 200:
                return
        if process.poll() is not None or time.monotonic() > deadline:
            log.seek(0)
            tail = log.read()[-_LOG_TAIL_CHARS:]
            state = "exited" if process.poll() is not None else f"no answer in {timeout_s} s"
            raise RuntimeError(f"streamlit did not start ({state}) at {url}:\n{tail}")
        time.sleep(0.3)
