"""Performance of the dashboard against the bare reference app and the static floor.

Run from the project root::

    .venv/bin/python -m benchmarks.bench            # the full table (takes a while)
    .venv/bin/python -m benchmarks.bench --quick    # small sizes, 2 repeats (what CI exercises)
    .venv/bin/python -m benchmarks.bench --phone-only --proxy --websocket-compression  # the wire

It prints one table. Each figure is the median of repeated runs, with the min and max:

- Rerun cost (Streamlit's AppTest, one process): a full script run after a filter change, for
  the real data, against the bare reference app (``benchmarks/bare_app.py``) rerunning with its
  place layer recoloured, as paired ratios; and the cold first run (caches cleared).
- Scale: generated plans (``benchmarks.synthetic``) over 100 places: the rerun, the bytes of the
  map sent to the browser (the st_folium component's arguments: base script, header, feature
  group, captured by wrapping the component function), all bytes of the rerun's page, and the
  server memory that each extra session adds (a real ``streamlit run`` with sessions opened in
  chromium; with ``--no-browser``, AppTest sessions in this process).
- In the browser (Playwright, Debian's chromium): page open to the map drawn (Leaflet's SVG paths
  in the component's iframe) and a filter change to the map updated, against the bare app and
  against the same folium map opened as a static HTML file (the floor); and the presentation's
  step (→ and ←) to the new slide drawn, against the bare app's layer swap
  (``benchmarks/slides.py``).

With ``--proxy`` the phone profile also runs behind the README's nginx (``benchmarks/proxy.py``),
ours and the bare app each behind its own; with ``--websocket-compression`` it compares
``server.enableWebsocketCompression`` off and on, counting the bytes on the wire.

The basemap tiles are off everywhere (``SODERORT_TILES_URL=none``): the machine may have no
network, and tiles are the same cost for every variant.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.apptest import measure_apptest, measure_big_geodata
from benchmarks.browser import browser_rows, measure_browser
from benchmarks.downloads import measure_downloads
from benchmarks.machine import load_average, machine_info
from benchmarks.phone import measure_phone, measure_phone_proxy, measure_websocket_compression
from benchmarks.plan import APP_FILE, FULL, QUICK, Plan, log, prepare_data
from benchmarks.table import Table


def run_benchmark(plan: Plan, workdir: Path) -> Table:
    """Measure everything the plan asks for and return the table."""
    table = Table(machine_info())
    if plan.app_file != APP_FILE:
        table.machine["App under test"] = str(plan.app_file)
    sizes = () if plan.browser_only or plan.phone_only else plan.sizes
    log(f"generating plans of {', '.join(map(str, sizes)) or 'no'} initiatives")
    folders = prepare_data(sizes, workdir)
    if plan.browser_only:
        browser_rows(table, folders["real"], plan, workdir)
    elif not plan.phone_only:
        measure_apptest(table, folders, plan)
        measure_downloads(table, folders, plan, workdir)
        if 1_000 in plan.sizes:
            measure_big_geodata(table, workdir)
        if plan.browser:
            measure_browser(table, folders, plan, workdir)
    if plan.browser:
        measure_phone(table, folders["real"], plan)
        if plan.proxy:
            measure_phone_proxy(table, folders["real"], plan)
        if plan.websocket_compression:
            measure_websocket_compression(table, folders["real"], plan)
    table.machine["Load average at end (1/5/15 min)"] = load_average()
    return table


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark from the command line and print the table."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, 2 repeats")
    parser.add_argument("--no-browser", action="store_true", help="skip chromium and servers")
    parser.add_argument("--repeats", type=int, help="repeats of each AppTest measure")
    parser.add_argument("--sizes", help="comma-separated plan sizes, e.g. 1000,10000")
    parser.add_argument("--json", type=Path, help="also write every sample to this file")
    parser.add_argument(
        "--app", type=Path, help="measure another app file (a candidate change) instead of app.py"
    )
    parser.add_argument(
        "--browser-only",
        type=int,
        metavar="REPEATS",
        help="only the browser's open, filter-change and slide-step rows and the phone profile, "
        "each repeated this often",
    )
    parser.add_argument(
        "--proxy", action="store_true", help="also the phone profile behind the README's nginx"
    )
    parser.add_argument(
        "--websocket-compression",
        action="store_true",
        help="also the phone profile with server.enableWebsocketCompression off and on",
    )
    parser.add_argument(
        "--phone-only", action="store_true", help="only the phone profile's rows (and the above)"
    )
    parser.add_argument("--phone-repeats", type=int, help="repeats of each phone profile measure")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    changes: dict[str, Any] = {
        key: True for key in ("proxy", "websocket_compression", "phone_only") if getattr(args, key)
    }
    if args.phone_repeats:
        changes["phone_repeats"] = args.phone_repeats
    if args.no_browser:
        changes["browser"] = False
    if args.repeats:
        changes["repeats"] = args.repeats
    if args.app:
        changes["app_file"] = args.app.resolve()
        sys.path.insert(0, str(changes["app_file"].parent))  # its own modules, for AppTest
    if args.browser_only:
        changes.update(
            browser_only=True, browser_repeats=args.browser_only, phone_repeats=args.browser_only
        )
    if args.sizes:
        changes["sizes"] = tuple(int(s) for s in args.sizes.split(",") if s.strip())
    if changes:
        plan = Plan(**{**plan.__dict__, **changes})
    with tempfile.TemporaryDirectory(prefix="soderort-bench-") as workdir:
        table = run_benchmark(plan, Path(workdir))
    print(table.markdown())
    if args.json:
        args.json.write_text(json.dumps(table.as_json(), indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
