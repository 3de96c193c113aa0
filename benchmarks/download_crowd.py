"""A crowd downloading at once: every file of the download route, many clients together.

Run from the project root::

    .venv/bin/python -m benchmarks.download_crowd                 # 20 at once of each kind
    .venv/bin/python -m benchmarks.download_crowd --clients 10 --rounds 2
    .venv/bin/python -m benchmarks.download_crowd --kind karta.html  # the HTML map alone

It starts one ``streamlit run app.py`` on 127.0.0.1 and, for each kind of file (the report PDF,
a place sheet, CSV, XLSX, the HTML map), sends ``--clients`` requests at the same moment, each
with its own view (a different place, search word or language, as people with their own filters
are). Every answer is checked, not only timed: status 200, the attachment's name, and the content
read back with the library a user's tool uses (pypdf, csv, openpyxl, json): the filtered
initiatives' headings in the report, the map's count and popups, the sheets' rows, against
`soderort.filters` for that view. It reports how many arrived right, and the median and slowest
time per kind.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import statistics
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

PROJECT_ROOT = Path(__file__).resolve().parents[1]
for entry in (PROJECT_ROOT / "src", PROJECT_ROOT):
    if str(entry) not in sys.path:
        sys.path.insert(0, str(entry))

from benchmarks import launch  # noqa: E402
from benchmarks.plan import BASE_ENV  # noqa: E402
from soderort import paths  # noqa: E402
from soderort.filters import FilterState, filter_initiatives  # noqa: E402
from soderort.loading import PlanData, load_plan_data  # noqa: E402
from soderort.readings import shown_text  # noqa: E402
from soderort.render.map_popups import POPUP_LIST_LIMIT  # noqa: E402

KINDS = ("rapport.pdf", "plats.pdf", "initiativ.csv", "initiativ.xlsx", "karta.html")
MAX_CLIENTS = 50
# Words that each leave some initiatives; the crowd's views cycle through them and the places.
WORDS = ("", "miljö", "arbetsplatser", "handel", "kluster", "näringsliv", "turism", "högskola")


@dataclass(frozen=True)
class Outcome:
    """One download: whether it arrived right, in how many seconds, and what was wrong."""

    kind: str
    right: bool
    seconds: float
    problem: str = ""


def views(data: PlanData, count: int) -> list[dict[str, str]]:
    """`count` different views, as a crowd with their own filters has."""
    places = list(data.place_order)
    found = []
    for index in range(count):
        query = {"place": places[index % len(places)]}
        word = WORDS[index % len(WORDS)]
        if word:
            query["q"] = word
        if index % 3 == 2:
            query["lang"] = "en"
        found.append(query)
    return found


def _headings(data: PlanData, query: dict[str, str]) -> list[str]:
    items = filter_initiatives(data, FilterState(text=query.get("q", "")))
    # Uncertain readings are marked in the reader's language.
    return [shown_text(item, "rubrik", query.get("lang", "sv")) for item in items]


def check(kind: str, body: bytes, disposition: str, data: PlanData, query: dict) -> str:
    """Return what is wrong with one downloaded file ("" when it is right)."""
    from openpyxl import load_workbook
    from pypdf import PdfReader

    stem = {"plats.pdf": f"soderort-2030-{query['place']}"}.get(kind, "")
    if stem and stem not in disposition:
        return f"named {disposition!r}"
    want = _headings(data, query)
    if kind.endswith(".pdf"):
        pages = PdfReader(io.BytesIO(body)).pages
        # Without white space: a heading may wrap (and a long word break) at any point.
        text = "".join("".join(page.extract_text() for page in pages).split())
        if kind == "rapport.pdf":
            missing = [h for h in want if "".join(h.split()) not in text]
            return f"headings missing: {missing}" if missing else ""
        return "" if body.startswith(b"%PDF-") and text else "no PDF text"
    if kind.endswith(".html"):
        # The title counts the view's initiatives ("… – 4 av 19 initiativ"); a popup lists a
        # place's first few, so the headings are checked where there are few.
        text = body.decode("utf-8")
        title = re.search(r"<title>[^<]*– (\d+) ", text)
        if not title or int(title[1]) != len(want):
            return f"title {title and title[0]!r}, {len(want)} expected"
        few = want if len(want) <= POPUP_LIST_LIMIT else []
        missing = [h for h in few if json.dumps(h)[1:-1] not in text]
        return f"headings missing: {missing}" if missing else ""
    if kind.endswith(".csv"):
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))[1:]
    else:
        sheet = load_workbook(io.BytesIO(body), read_only=True).active
        rows = list(sheet.iter_rows(min_row=2, values_only=True))
    return "" if len(rows) == len(want) else f"{len(rows)} rows, {len(want)} expected"


def fetch(url: str, kind: str, query: dict, data: PlanData, timeout: float) -> Outcome:
    """Download one file and check it."""
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(
            f"{url}/download/{kind}?{urlencode(query)}", timeout=timeout
        ) as r:
            body, disposition = r.read(), r.headers.get("Content-Disposition", "")
    except OSError as err:
        return Outcome(kind, False, time.perf_counter() - start, str(err))
    seconds = time.perf_counter() - start
    problem = check(kind, body, disposition, data, query)
    return Outcome(kind, not problem, seconds, problem)


def crowd(
    url: str, data: PlanData, kinds: list[str], clients: int, rounds: int, timeout: float
) -> list[Outcome]:
    """Send `clients` requests of each kind at once, `rounds` times; return every outcome."""
    outcomes = []
    for _ in range(rounds):
        for kind in kinds:
            with ThreadPoolExecutor(clients) as pool:
                futures = [
                    pool.submit(fetch, url, kind, query, data, timeout)
                    for query in views(data, clients)
                ]
                outcomes.extend(f.result() for f in futures)
    return outcomes


def main(argv: list[str] | None = None) -> int:
    """Run the crowd against a fresh server; exit 1 when any download was wrong or lost."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=20, help="downloads at once (20)")
    parser.add_argument("--rounds", type=int, default=1, help="crowds of each kind (1)")
    parser.add_argument(
        "--kind", action="append", choices=KINDS, help="only this kind (repeatable; all)"
    )
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds a download may take")
    args = parser.parse_args(argv)
    if not 1 <= args.clients <= MAX_CLIENTS:
        parser.error(f"--clients must be 1–{MAX_CLIENTS}")
    kinds = args.kind or list(KINDS)
    data = load_plan_data(paths.GEODATA_DIR)
    env = {**BASE_ENV, "STREAMLIT_SERVER_FILE_WATCHER_TYPE": "none"}
    with launch.streamlit_server(launch.APP_FILE, env) as (url, _pid):
        outcomes = crowd(url, data, kinds, args.clients, args.rounds, args.timeout)
    print(f"{args.clients} at once, {args.rounds} round(s):")
    for kind in kinds:
        mine = [o for o in outcomes if o.kind == kind]
        right = sum(o.right for o in mine)
        times = [o.seconds for o in mine]
        print(
            f"  {kind:15} {right}/{len(mine)} right, median {statistics.median(times):.2f} s, "
            f"slowest {max(times):.2f} s"
        )
        for outcome in mine:
            if not outcome.right:
                print(f"    wrong: {outcome.problem}")
    return 0 if all(o.right for o in outcomes) else 1


if __name__ == "__main__":
    raise SystemExit(main())
