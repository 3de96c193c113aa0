"""Load test: many concurrent sessions against one local server, for a fixed time.

Run from the project root::

    .venv/bin/python -m benchmarks.load_test                      # 20 browser sessions, 3 min
    .venv/bin/python -m benchmarks.load_test --mode protocol      # 20 WebSocket sessions, 3 min
    .venv/bin/python -m benchmarks.load_test --sessions 5 --seconds 60 --out artifacts/load.json

It starts one ``streamlit run app.py`` on 127.0.0.1 (tiles off, file watcher off) and holds
``--sessions`` sessions open, started over ``--ramp`` seconds. Each session opens the app, then,
until the time is up, alternately searches for a word (a filter change) and selects a place on
the map, with a random pause of one to three seconds between actions. Two kinds of client:

- ``--mode browser`` (default): real browsers. Playwright contexts spread over ``--browsers``
  chromium processes (Debian's chromium); a place is selected by clicking its label on the map.
  Times run from the user's action to the page showing the result, rendering included.
- ``--mode protocol``: a WebSocket client that speaks Streamlit's own protocol (the BackMsg and
  ForwardMsg protobufs of the installed Streamlit), as the browser's front end does: it asks for
  script runs with the widget values a user would set (the search box; the map component's
  click). No page is rendered, so many sessions cost the client little and the figures are the
  server's: from the request to the last message of the run that shows the result.

Every action is checked, not only timed. A filter change counts as applied when the sidebar's
count (and, in the browser, every place label on the map) shows the numbers `soderort.filters`
computes for that word; a selection when the list says "Valt område: <that place>"; the open when
the map is drawn (browser) or sent (protocol) with the default count. A check not met within
``--timeout`` seconds is a failure, after which the session starts over with a fresh page.

It reports the success rate per action, the median, 95th percentile and maximum times, the
server's CPU use, and its resident memory (RSS) sampled every ``--sample`` seconds with whether it
levelled off (growth over the second half of the run). Client and server share the machine: in
browser mode the browsers' own work is part of every time measured.

Bounded by design: localhost only, at most `MAX_SESSIONS` sessions and `MAX_SECONDS` seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
for entry in (PROJECT_ROOT / "src", PROJECT_ROOT):
    if str(entry) not in sys.path:
        sys.path.insert(0, str(entry))

from benchmarks import launch, proxy  # noqa: E402
from benchmarks.load_browser import run_load  # noqa: E402
from benchmarks.load_protocol import run_protocol_load  # noqa: E402
from benchmarks.load_results import print_summary, summary  # noqa: E402
from benchmarks.machine import cpu_seconds  # noqa: E402
from benchmarks.plan import BASE_ENV, data_env  # noqa: E402
from soderort import paths  # noqa: E402
from soderort.loading import load_plan_data  # noqa: E402

MAX_SESSIONS = 50
MAX_SECONDS = 1800
MAX_REPLICAS = 4


@contextlib.contextmanager
def streamlit_server(data_dir: Path | None) -> Iterator[tuple[str, int]]:
    """Start the app on a free localhost port; yield its URL and process id."""
    env = {
        **(BASE_ENV if data_dir is None else data_env(data_dir)),
        # As in production (README): no file watching on a server.
        "STREAMLIT_SERVER_FILE_WATCHER_TYPE": "none",
    }
    with launch.streamlit_server(launch.APP_FILE, env) as (url, pid):
        yield url, pid


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Read and bound the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--mode",
        choices=("browser", "protocol"),
        default="browser",
        help="chromium sessions, or WebSocket clients speaking Streamlit's protocol (browser)",
    )
    parser.add_argument("--sessions", type=int, default=20, help="concurrent sessions (20)")
    parser.add_argument("--seconds", type=int, default=180, help="time at full load (180)")
    parser.add_argument("--ramp", type=int, default=30, help="seconds to start them all (30)")
    parser.add_argument("--browsers", type=int, default=2, help="chromium processes (2)")
    parser.add_argument("--timeout", type=int, default=60, help="seconds an action may take")
    parser.add_argument("--sample", type=float, default=5.0, help="seconds between RSS samples")
    parser.add_argument("--cooldown", type=int, default=20, help="seconds sampled after the end")
    parser.add_argument("--data-dir", type=Path, default=None, help="another data folder")
    parser.add_argument("--replicas", type=int, default=1, help="app processes (1)")
    parser.add_argument(
        "--proxy",
        choices=("none", "nginx"),
        default="none",
        help="nginx in front, with the README's sticky sessions (required for --replicas > 1)",
    )
    parser.add_argument("--out", type=Path, default=None, help="write the summary as JSON")
    args = parser.parse_args(argv)
    if not 1 <= args.sessions <= MAX_SESSIONS:
        parser.error(f"--sessions must be 1–{MAX_SESSIONS}")
    if not 1 <= args.seconds <= MAX_SECONDS:
        parser.error(f"--seconds must be 1–{MAX_SECONDS}")
    if args.browsers < 1:
        parser.error("--browsers must be at least 1")
    args.browsers = min(args.browsers, args.sessions)
    if not 1 <= args.replicas <= MAX_REPLICAS:
        parser.error(f"--replicas must be 1–{MAX_REPLICAS}")
    if args.replicas > 1 and args.proxy == "none":
        parser.error("--replicas > 1 needs --proxy nginx")
    return args


def main(argv: list[str] | None = None) -> int:
    """Run the load test; exit 1 when any action failed."""
    args = parse_args(argv)
    if args.mode == "browser" and not launch.CHROMIUM.exists():
        print(launch.CHROMIUM_MISSING, file=sys.stderr)
        return 2
    data = load_plan_data(args.data_dir or paths.GEODATA_DIR)
    with contextlib.ExitStack() as stack:
        servers = [
            stack.enter_context(streamlit_server(args.data_dir)) for _ in range(args.replicas)
        ]
        pids = [pid for _, pid in servers]
        args.replica_urls = [server_url for server_url, _ in servers]
        url = servers[0][0]
        if args.proxy == "nginx":
            url = stack.enter_context(proxy.nginx(args.replica_urls))
        cpu_before, wall_before = [cpu_seconds(pid) for pid in pids], time.monotonic()
        drive = run_protocol_load if args.mode == "protocol" else run_load
        results = asyncio.run(drive(args, url, pids, data))
        wall_s = time.monotonic() - wall_before
        cpu_s = [cpu_seconds(pid) - before for pid, before in zip(pids, cpu_before, strict=True)]
    report = summary(args, results, cpu_s, wall_s)
    print_summary(report)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, indent=1, default=str), encoding="utf-8")
        print(f"written to {args.out}")
    failed = sum(len(v) for v in results.failures.values())
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
