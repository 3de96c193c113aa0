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
import os
import random
import statistics
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parents[1]
for entry in (PROJECT_ROOT / "src", PROJECT_ROOT):
    if str(entry) not in sys.path:
        sys.path.insert(0, str(entry))

from benchmarks import bench, launch, proxy  # noqa: E402
from soderort import paths  # noqa: E402
from soderort.facts import count_by_place  # noqa: E402
from soderort.filters import FilterState, filter_initiatives  # noqa: E402
from soderort.i18n import t  # noqa: E402
from soderort.loading import PlanData, load_plan_data  # noqa: E402

MAX_SESSIONS = 50
MAX_SECONDS = 1800
MAX_REPLICAS = 4
# Words a user might search for, and the empty search that shows everything again.
SEARCH_WORDS = ("hogdalen", "kluster", "telefonplan", "arbetsplatser", "turism", "")
# Places whose labels stand clear of the others at the default zoom (clicked at their centre).
CLICK_PLACES = ("hogdalen", "farsta", "skrubba", "telefonplan", "sodertorn")
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
# The map's right-hand column of controls (layers, legend) that a click must stay clear of.
LEGEND_CLEARANCE_PX = 260
POLL_MS = 100

# True when the sidebar shows `count` and each label shows its number (JSON: [count, labels]).
APPLIED_JS = """
([countText, labels]) => {
  const side = document.querySelector('[data-testid="stSidebar"]');
  if (!side || !side.innerText.includes(countText)) return false;
  const frame = document.querySelector('MAP_FRAME');
  const doc = frame && frame.contentDocument;
  if (!doc) return false;
  for (const [id, n] of Object.entries(labels)) {
    const b = doc.querySelector('.sod-label[data-place="' + id + '"] b');
    if (!b || b.textContent.trim() !== String(n)) return false;
  }
  return doc.querySelectorAll('path.leaflet-interactive').length > 0;
}
""".replace("MAP_FRAME", MAP_FRAME)
SELECTED_JS = """
(text) => {
  const main = document.querySelector('[data-testid="stMain"]');
  return !!main && main.innerText.includes(text);
}
"""
CLOSE_POPUP_JS = """
() => {
  const frame = document.querySelector('MAP_FRAME');
  const doc = frame && frame.contentDocument;
  const close = doc && doc.querySelector('.leaflet-popup-close-button');
  if (close) close.click();
}
""".replace("MAP_FRAME", MAP_FRAME)


# ------------------------------------------------------------------------------ expectations


@dataclass(frozen=True)
class Expected:
    """What the page must show after a search: the sidebar's count and each label's number."""

    count_text: str
    labels: dict[str, int]


def expectations(data: PlanData) -> dict[str, Expected]:
    """Compute the expected view for every search word with the app's own filters."""
    total = len(data.initiatives)
    found = {}
    for word in SEARCH_WORDS:
        shown = filter_initiatives(data, FilterState(text=word))
        counts = count_by_place(data, shown)
        found[word] = Expected(
            t("count.initiatives", "sv", shown=len(shown), total=total),
            {place: counts.get(place, 0) for place in data.places.index},
        )
    return found


# ---------------------------------------------------------------------------------- server


@contextlib.contextmanager
def streamlit_server(data_dir: Path | None) -> Iterator[tuple[str, int]]:
    """Start the app on a free localhost port; yield its URL and process id."""
    env = {
        "SODERORT_TILES_URL": "none",
        # As in production (README): no file watching on a server.
        "STREAMLIT_SERVER_FILE_WATCHER_TYPE": "none",
    }
    if data_dir is not None:
        env[paths.DATA_DIR_ENV] = str(data_dir)
    with launch.streamlit_server(launch.APP_FILE, env) as (url, pid):
        yield url, pid


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time a process has used, in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# -------------------------------------------------------------------------------- sessions


@dataclass
class Results:
    """Every action's outcome, and the server's memory over time."""

    times: dict[str, list[float]] = field(
        default_factory=lambda: {"open": [], "filter": [], "select": []}
    )
    failures: dict[str, list[str]] = field(
        default_factory=lambda: {"open": [], "filter": [], "select": []}
    )
    memory: list[tuple[float, float, int]] = field(default_factory=list)  # (s, MB, sessions)
    replica_memory: list[list[float]] = field(default_factory=list)  # MB per replica, per sample
    active: int = 0

    def record(self, kind: str, started: float) -> None:
        """Count an action of `kind` that succeeded, begun at `started` (perf_counter)."""
        self.times[kind].append(time.perf_counter() - started)

    def fail(self, kind: str, error: BaseException) -> None:
        """Count an action of `kind` that failed, with the first line of its error."""
        first_line = (str(error).splitlines() or [""])[0][:160]
        self.failures[kind].append(f"{type(error).__name__}: {first_line}")


async def _open(page: Any, url: str, expected: Expected, timeout_ms: int) -> None:
    await page.goto(url, wait_until="commit")
    await page.wait_for_function(
        APPLIED_JS,
        arg=[expected.count_text, expected.labels],
        timeout=timeout_ms,
        polling=POLL_MS,
    )


async def _search(page: Any, word: str, expected: Expected, timeout_ms: int) -> float:
    box = page.get_by_test_id("stSidebar").get_by_role("textbox", name=t("sidebar.search", "sv"))
    await box.fill(word)
    started = time.perf_counter()
    await box.press("Enter")
    await page.wait_for_function(
        APPLIED_JS,
        arg=[expected.count_text, expected.labels],
        timeout=timeout_ms,
        polling=POLL_MS,
    )
    return started


async def _visible_place(page: Any, rng: random.Random, timeout_ms: int) -> tuple[str, dict]:
    """Pick a place whose label is in view, clear of the map's controls and legend.

    A popup pans the map to fit, so a label can end up outside the frame; a user clicks what
    they see.
    """
    frame = await page.locator(MAP_FRAME).bounding_box(timeout=timeout_ms)
    if frame is None:
        raise RuntimeError("no map")
    left, right = frame["x"] + 60, frame["x"] + frame["width"] - LEGEND_CLEARANCE_PX
    top, bottom = frame["y"] + 40, frame["y"] + frame["height"] - 40
    labels = page.frame_locator(MAP_FRAME)
    visible = []
    for place in CLICK_PLACES:
        box = await labels.locator(f'.sod-label[data-place="{place}"]').bounding_box(
            timeout=timeout_ms
        )
        if box is not None:
            x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
            if left <= x <= right and top <= y <= bottom:
                visible.append((place, {"x": x, "y": y}))
    if not visible:
        raise RuntimeError("no place in view")
    return rng.choice(visible)


async def _select(page: Any, data: PlanData, rng: random.Random, timeout_ms: int) -> float:
    await page.evaluate(CLOSE_POPUP_JS)
    place, point = await _visible_place(page, rng, timeout_ms)
    started = time.perf_counter()
    # Labels let the pointer through to the place under them.
    await page.mouse.click(point["x"], point["y"])
    text = t("map.selected", "sv", place=data.place_name(place, "sv")).replace("**", "")
    await page.wait_for_function(SELECTED_JS, arg=text, timeout=timeout_ms, polling=POLL_MS)
    return started


async def session(
    number: int,
    browser: Any,
    url: str,
    data: PlanData,
    expected: dict[str, Expected],
    results: Results,
    start_at: float,
    stop_at: float,
    timeout_ms: int,
) -> None:
    """One user: open the page, then search and click places until `stop_at`."""
    rng = random.Random(number)
    await asyncio.sleep(max(0.0, start_at - time.monotonic()))
    context = await browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
    page = await context.new_page()
    results.active += 1
    try:
        needs_open = True
        step = 0
        while time.monotonic() < stop_at:
            if needs_open:
                started = time.perf_counter()
                try:
                    await _open(page, url, expected[""], timeout_ms)
                    results.record("open", started)
                    needs_open = False
                except Exception as error:  # a failed action is counted, and the user retries
                    results.fail("open", error)
                    await asyncio.sleep(2)
                    continue
            await asyncio.sleep(rng.uniform(1.0, 3.0))
            if time.monotonic() >= stop_at:
                break
            kind = "filter" if step % 2 == 0 else "select"
            step += 1
            try:
                if kind == "filter":
                    word = rng.choice(SEARCH_WORDS)
                    started = await _search(page, word, expected[word], timeout_ms)
                else:
                    # A place keeps its label whatever the search, so any place can be clicked.
                    started = await _select(page, data, rng, timeout_ms)
                results.record(kind, started)
            except Exception as error:
                results.fail(kind, error)
                needs_open = True  # start over from a fresh page, as a user would
    finally:
        results.active -= 1
        await context.close()


# ------------------------------------------------------------------- the protocol client


def _back_message(widgets: list[Any]) -> bytes:
    """Write a request for a script run with these widget values, as the front end does."""
    from streamlit.proto.BackMsg_pb2 import BackMsg

    message = BackMsg()
    message.rerun_script.query_string = ""
    message.rerun_script.page_script_hash = ""
    message.rerun_script.widget_states.widgets.extend(widgets)
    return message.SerializeToString()


@dataclass
class _Run:
    """The elements of one finished script run, by kind (markdown bodies, widget ids)."""

    markdown: list[str] = field(default_factory=list)
    widget_ids: dict[str, str] = field(default_factory=dict)  # text_input key or component


async def _await_run(ws: Any, check: Any, timeout_s: float) -> _Run:
    """Read messages until a run finishes whose elements pass `check`; return that run."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    deadline = time.monotonic() + timeout_s
    run = last = _Run()
    while True:
        remaining = deadline - time.monotonic()
        try:
            if remaining <= 0:
                raise TimeoutError
            raw = await asyncio.wait_for(ws.recv(), timeout=remaining)
        except TimeoutError:
            shown = [body for body in last.markdown if "initiativ" in body or "Valt" in body]
            raise TimeoutError(
                f"no run showed the result within {timeout_s:.0f} s; the last showed {shown}"
            ) from None
        message = ForwardMsg()
        message.ParseFromString(raw)
        kind = message.WhichOneof("type")
        if kind == "new_session":  # every script run starts with one
            run = _Run()
        elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            element = message.delta.new_element
            element_kind = element.WhichOneof("type")
            if element_kind == "markdown":
                run.markdown.append(element.markdown.body)
            elif element_kind == "text_input" and element.text_input.id.endswith("filter_text"):
                run.widget_ids["search"] = element.text_input.id
            elif element_kind == "component_instance" and (
                element.component_instance.component_name.endswith("st_folium")
            ):
                run.widget_ids["map"] = element.component_instance.id
        elif kind == "script_finished" and message.script_finished == 0:
            if check(run):
                return run  # finished successfully, showing the result
            last = run


def _shows(text: str, needs_map: bool = True) -> Any:
    return lambda run: (
        any(text in body for body in run.markdown) and ("map" in run.widget_ids or not needs_map)
    )


async def _warm_up(url: str, expected: Expected, timeout_s: float) -> None:
    """Open one session and run the app once, untimed."""
    import websockets

    stream = url.replace("http://", "ws://", 1) + "/_stcore/stream"
    async with websockets.connect(
        stream, origin=url, subprotocols=["streamlit"], max_size=None
    ) as ws:
        await ws.send(_back_message([]))
        await _await_run(ws, _shows(expected.count_text), timeout_s)


async def protocol_session(
    number: int,
    url: str,
    data: PlanData,
    expected: dict[str, Expected],
    results: Results,
    start_at: float,
    stop_at: float,
    timeout_s: float,
) -> None:
    """One user over the WebSocket: open, then search and select places until `stop_at`."""
    import websockets
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    rng = random.Random(number)
    await asyncio.sleep(max(0.0, start_at - time.monotonic()))
    stream = url.replace("http://", "ws://", 1) + "/_stcore/stream"
    results.active += 1
    try:
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            try:
                # Same origin as the page would be, or the server refuses the WebSocket.
                ws = await websockets.connect(
                    stream, origin=url, subprotocols=["streamlit"], max_size=None
                )
                await ws.send(_back_message([]))
                run = await _await_run(ws, _shows(expected[""].count_text), timeout_s)
                results.record("open", started)
                # The sidebar's widgets get new ids after a session's first run (in that run
                # some of their parameters differ); one untimed run settles them, so that the
                # values sent next reach the widgets (the browser's front end follows the new
                # ids by itself as it redraws).
                await ws.send(_back_message([]))
                run = await _await_run(ws, _shows(expected[""].count_text), timeout_s)
            except Exception as error:
                results.fail("open", error)
                await asyncio.sleep(2)
                continue
            word, step = "", 0
            try:
                while time.monotonic() < stop_at:
                    await asyncio.sleep(rng.uniform(1.0, 3.0))
                    if time.monotonic() >= stop_at:
                        break
                    kind = "filter" if step % 2 == 0 else "select"
                    step += 1
                    widgets = []
                    if kind == "filter":
                        word = rng.choice(SEARCH_WORDS)
                        check = _shows(expected[word].count_text)
                    else:
                        place = rng.choice(CLICK_PLACES)
                        lat, lon = rng.uniform(59.2, 59.3), rng.uniform(17.9, 18.2)
                        # What streamlit-folium sends for a click on a place: the feature and
                        # where it was clicked (a new position makes it a new click).
                        click = {
                            "last_active_drawing": {"properties": {"id": place}},
                            "last_object_clicked": {"lat": lat, "lng": lon},
                        }
                        widgets.append(
                            WidgetState(id=run.widget_ids["map"], json_value=json.dumps(click))
                        )
                        name = data.place_name(place, "sv")
                        check = _shows(t("map.selected", "sv", place=name))
                    # The search box's value goes with every request, as the browser's would.
                    widgets.append(WidgetState(id=run.widget_ids["search"], string_value=word))
                    started = time.perf_counter()
                    try:
                        await ws.send(_back_message(widgets))
                        run = await _await_run(ws, check, timeout_s)
                        results.record(kind, started)
                    except Exception as error:
                        results.fail(kind, error)
                        break  # start over with a fresh connection
            finally:
                await ws.close()
    finally:
        results.active -= 1


async def sample_memory(
    pids: list[int], results: Results, every_s: float, stop: asyncio.Event
) -> None:
    """Sample the servers' RSS (their sum, and each replica's) until `stop` is set."""
    begun = time.monotonic()
    while not stop.is_set():
        each = [bench.rss_mb(pid) for pid in pids]
        results.memory.append((time.monotonic() - begun, sum(each), results.active))
        results.replica_memory.append(each)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=every_s)


async def run_protocol_load(
    args: argparse.Namespace, url: str, pids: list[int], data: PlanData
) -> Results:
    """Drive WebSocket sessions against the server; return what happened."""
    expected = expectations(data)
    # One untimed session first on each replica: it loads the data and fills its caches.
    for replica_url in args.replica_urls:
        await _warm_up(replica_url, expected[""], args.timeout)
    results = Results()
    stop = asyncio.Event()
    sampler = asyncio.create_task(sample_memory(pids, results, args.sample, stop))
    now = time.monotonic()
    stop_at = now + args.ramp + args.seconds
    await asyncio.gather(
        *(
            protocol_session(
                number,
                url,
                data,
                expected,
                results,
                now + args.ramp * number / max(1, args.sessions),
                stop_at,
                args.timeout,
            )
            for number in range(args.sessions)
        )
    )
    await asyncio.sleep(args.cooldown)
    stop.set()
    await sampler
    return results


async def run_load(args: argparse.Namespace, url: str, pids: list[int], data: PlanData) -> Results:
    """Drive browser sessions against the server; return what happened."""
    from playwright.async_api import async_playwright

    expected = expectations(data)
    results = Results()
    stop = asyncio.Event()
    async with async_playwright() as playwright:
        browsers = [
            await playwright.chromium.launch(
                executable_path=str(launch.CHROMIUM),
                args=[*launch.CHROMIUM_ARGS, "--disable-extensions"],
            )
            for _ in range(args.browsers)
        ]
        # One untimed visit first: the server loads the data and fills its caches.
        warm = await browsers[0].new_context()
        warm_page = await warm.new_page()
        await _open(warm_page, url, expected[""], args.timeout * 1000)
        await warm.close()

        sampler = asyncio.create_task(sample_memory(pids, results, args.sample, stop))
        now = time.monotonic()
        stop_at = now + args.ramp + args.seconds
        tasks = [
            session(
                number,
                browsers[number % len(browsers)],
                url,
                data,
                expected,
                results,
                now + args.ramp * number / max(1, args.sessions),
                stop_at,
                args.timeout * 1000,
            )
            for number in range(args.sessions)
        ]
        await asyncio.gather(*tasks)
        # After the sessions close: does the server give the memory back?
        await asyncio.sleep(args.cooldown)
        stop.set()
        await sampler
        for browser in browsers:
            await browser.close()
    return results


# --------------------------------------------------------------------------------- report


def percentile(values: list[float], share: float) -> float:
    """Return the `share` quantile (0–1) by linear interpolation; NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    position = (len(ordered) - 1) * share
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def memory_trend(samples: list[tuple[float, float, int]], full_from: float, end: float) -> float:
    """MB per minute the RSS grew over the second half of the time all sessions ran."""
    middle = full_from + (end - full_from) / 2
    late = [(s, mb) for s, mb, _ in samples if middle <= s <= end]
    if len(late) < 3:
        return float("nan")
    xs, ys = [s for s, _ in late], [mb for _, mb in late]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mean_x) ** 2 for x in xs
    )
    return slope * 60


def summary(args: argparse.Namespace, results: Results, cpu_s: list[float], wall_s: float) -> dict:
    """Everything worth keeping from a run, as plain values."""
    actions = {}
    for kind in ("open", "filter", "select"):
        times = results.times[kind]
        failed = results.failures[kind]
        tried = len(times) + len(failed)
        actions[kind] = {
            "tried": tried,
            "succeeded": len(times),
            "success_rate": len(times) / tried if tried else float("nan"),
            "median_s": percentile(times, 0.5),
            "p95_s": percentile(times, 0.95),
            "max_s": max(times, default=float("nan")),
            "failures": sorted(set(failed))[:10],
        }
    samples = results.memory
    full_from = args.ramp
    end = args.ramp + args.seconds
    during = [mb for s, mb, _ in samples if s <= end]
    return {
        "mode": args.mode,
        "sessions": args.sessions,
        "browsers": args.browsers,
        "seconds": args.seconds,
        "ramp_s": args.ramp,
        "cpu_count": os.cpu_count(),
        "load_average_end": os.getloadavg(),
        "actions": actions,
        "replicas": args.replicas,
        "proxy": args.proxy,
        "server_cpu_percent": 100 * sum(cpu_s) / wall_s if wall_s else float("nan"),
        "server_cpu_percent_per_replica": [100 * c / wall_s if wall_s else None for c in cpu_s],
        "rss_mb_per_replica": [
            {
                "start": results.replica_memory[0][index],
                "peak": max(each[index] for each in results.replica_memory[: len(during)]),
            }
            for index in range(len(cpu_s))
        ]
        if results.replica_memory and during
        else [],
        "rss_mb": {
            "start": samples[0][1] if samples else float("nan"),
            "peak": max(during, default=float("nan")),
            "end_of_load": during[-1] if during else float("nan"),
            "after_cooldown": samples[-1][1] if samples else float("nan"),
            "growth_mb_per_min_second_half": memory_trend(samples, full_from, end),
        },
        "rss_samples": [(round(s, 1), round(mb, 1), n) for s, mb, n in samples],
    }


def print_summary(report: dict) -> None:
    """Print the summary as a short table."""
    print(
        f"\n{report['sessions']} {report['mode']} sessions"
        + (f" in {report['browsers']} chromium process(es)" if report["mode"] == "browser" else "")
        + ", "
        f"{report['seconds']} s after a {report['ramp_s']} s ramp, on {report['cpu_count']} CPUs, "
        f"{report['replicas']} replica(s)"
        + (f" behind {report['proxy']}" if report["proxy"] != "none" else "")
    )
    print(
        f"{'action':<8}{'tried':>7}{'ok':>7}{'success':>9}{'median s':>10}{'p95 s':>8}{'max s':>8}"
    )
    for kind, row in report["actions"].items():
        print(
            f"{kind:<8}{row['tried']:>7}{row['succeeded']:>7}{row['success_rate']:>9.1%}"
            f"{row['median_s']:>10.2f}{row['p95_s']:>8.2f}{row['max_s']:>8.2f}"
        )
        for failure in row["failures"]:
            print(f"    {failure}")
    memory = report["rss_mb"]
    print(
        f"server CPU {report['server_cpu_percent']:.0f} % of one core; RSS MB: start "
        f"{memory['start']:.0f}, peak {memory['peak']:.0f}, end of load "
        f"{memory['end_of_load']:.0f}, after cool-down {memory['after_cooldown']:.0f}; "
        f"growth over the last half {memory['growth_mb_per_min_second_half']:+.1f} MB/min"
    )
    if report["replicas"] > 1:
        per_replica = zip(
            report["rss_mb_per_replica"], report["server_cpu_percent_per_replica"], strict=True
        )
        for number, (rss, cpu) in enumerate(per_replica, start=1):
            print(
                f"replica {number}: CPU {cpu:.0f} % of one core; "
                f"RSS MB start {rss['start']:.0f}, peak {rss['peak']:.0f}"
            )
    print("RSS over time (s, MB of all replicas, sessions open):")
    samples = report["rss_samples"]
    step = max(1, len(samples) // 20)
    print("  " + "  ".join(f"{s:.0f}s:{mb:.0f}({n})" for s, mb, n in samples[::step]))


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
        print("Debian's chromium is missing: run `bash scripts/setup --dev`", file=sys.stderr)
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
