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
  against the same folium map opened as a static HTML file (the floor).

With ``--proxy`` the phone profile also runs behind the README's nginx (``benchmarks/proxy.py``),
ours and the bare app each behind its own; with ``--websocket-compression`` it compares
``server.enableWebsocketCompression`` off and on, counting the bytes on the wire.

The basemap tiles are off everywhere (``SODERORT_TILES_URL=none``): the machine may have no
network, and tiles are the same cost for every variant.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import math
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parents[1]
if str(PROJECT_ROOT) not in sys.path:  # app.py imports ui/ and pages/ from the project root
    sys.path.insert(0, str(PROJECT_ROOT))

from benchmarks import proxy  # noqa: E402
from benchmarks.launch import CHROMIUM, CHROMIUM_ARGS, streamlit_server  # noqa: E402
from soderort import paths  # noqa: E402
from soderort.loading import PlanData, load_plan_data  # noqa: E402

APP_FILE = PROJECT_ROOT / "app.py"
BARE_APP_FILE = PROJECT_ROOT / "benchmarks" / "bare_app.py"
BASE_ENV = {"SODERORT_TILES_URL": "none"}
FULL_SIZES = (1_000, 10_000)
QUICK_SIZES = (200,)
N_PLACES = 100
SEED = 2030
APPTEST_TIMEOUT_S = 900
BROWSER_TIMEOUT_MS = 600_000
# After a session's map is drawn, the server settles (the rest of the page, garbage) before its
# memory is read.
SETTLE_S = 3.0
# The filter the rerun measures: one theme on, then off again (timed: back to every initiative,
# the page's default and heaviest state). The text search is timed from empty to this word.
THEME = "turism"
SEARCH_WORD = "hogdalen"
# Each timed search looks for another word, as a user does (a repeated search is remembered).
SEARCH_WORDS = ("hogdalen", "kluster", "skarholmen", "samverkan", "utbildning", "foretag", "turism")
COMPONENT_ARGS_SKIPPED = ("on_change",)
# The bare app's one widget (benchmarks/bare_app.py, TOGGLE_LABEL; importing that module would
# run the app).
BARE_TOGGLE_LABEL = "Byt färg"


# ------------------------------------------------------------------------------------ results
@dataclass
class Row:
    """One line of the table: a measure, the data it ran on, and its samples."""

    section: str
    measure: str
    data: str
    unit: str
    samples: list[float]
    target: str = ""
    limit: float | None = None

    @property
    def median(self) -> float:
        """The median sample (NaN when there are none)."""
        return statistics.median(self.samples) if self.samples else math.nan

    @property
    def verdict(self) -> str:
        """Return ok or over against the limit (empty without one)."""
        if self.limit is None or not self.samples:
            return ""
        return "ok" if self.median <= self.limit else "**over**"

    def cells(self) -> list[str]:
        """Return the row's cells as the table prints them."""
        if self.samples:
            figures = [_fmt(self.median), _fmt(min(self.samples)), _fmt(max(self.samples))]
        else:
            figures = ["–", "–", "–"]
        runs = str(len(self.samples))
        return [self.measure, self.data, *figures, self.unit, runs, self.target, self.verdict]


@dataclass
class Table:
    """The benchmark's result: the machine it ran on and the rows."""

    machine: dict[str, str]
    rows: list[Row] = field(default_factory=list)

    def add(self, row: Row) -> Row:
        """Append a row and return it."""
        self.rows.append(row)
        return row

    def markdown(self) -> str:
        """Return the machine and the table as Markdown."""
        lines = [f"- {key}: {value}" for key, value in self.machine.items()]
        header = ["Measure", "Data", "Median", "Min", "Max", "Unit", "Runs", "Target", ""]
        lines += ["", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        section = None
        for row in self.rows:
            if row.section != section:
                section = row.section
                lines.append(f"| **{section}** |" + " |" * (len(header) - 1))
            lines.append("| " + " | ".join(row.cells()) + " |")
        return "\n".join(lines)

    def as_json(self) -> dict[str, Any]:
        """Every sample, for a later look."""
        return {
            "machine": self.machine,
            "rows": [
                {
                    "section": r.section,
                    "measure": r.measure,
                    "data": r.data,
                    "unit": r.unit,
                    "samples": r.samples,
                    "target": r.target,
                }
                for r in self.rows
            ],
        }


def _fmt(value: float) -> str:
    if not math.isfinite(value):
        return "–"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def ratios(ours: Sequence[float], theirs: Sequence[float]) -> list[float]:
    """Paired ratios of samples taken back to back."""
    return [a / b for a, b in zip(ours, theirs, strict=False) if b > 0]


# ------------------------------------------------------------------------------------ machine
def _meminfo_gb() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024**2:.1f} GB"
    return "unknown"


def _cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def machine_info() -> dict[str, str]:
    """Cores, memory, CPU, load and versions of the machine the run is on."""
    import folium
    import streamlit
    import streamlit_folium

    return {
        "Cores": str(os.cpu_count()),
        "Memory": _meminfo_gb(),
        "CPU": _cpu_model(),
        "Load average at start (1/5/15 min)": _load(),
        "Python": platform.python_version(),
        "Versions": (
            f"streamlit {streamlit.__version__}, folium {folium.__version__}, "
            f"streamlit-folium {getattr(streamlit_folium, '__version__', '0.27.4')}"
        ),
        "Started": time.strftime("%Y-%m-%d %H:%M:%S"),
    }


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


# --------------------------------------------------------------------------------------- data
def prepare_data(sizes: Sequence[int], workdir: Path, seed: int = SEED) -> dict[str, Path]:
    """Return data folders by label: the real data, then a generated plan per size."""
    from benchmarks.synthetic import generate_data_folder

    folders = {"real": paths.GEODATA_DIR}
    for size in sizes:
        target = workdir / f"plan-{size}"
        generate_data_folder(target, size, n_places=N_PLACES, seed=seed)
        folders[f"{size:,}"] = target
    return folders


def expected_paths(data: PlanData) -> int:
    """SVG paths of a drawn map: one per outline, stadsdel and place feature."""
    return len(data.outline) + len(data.districts) + len(data.places)


@contextlib.contextmanager
def environment(values: dict[str, str]) -> Iterator[None]:
    """Set environment variables for the block (AppTest reads them in this process)."""
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def data_env(data_dir: Path) -> dict[str, str]:
    """Return the environment that points an app at a data folder."""
    return {**BASE_ENV, paths.DATA_DIR_ENV: str(data_dir)}


# ------------------------------------------------------------------------------------ AppTest
@dataclass
class Capture:
    """What the last st_folium call sent, and the bytes of the page's messages."""

    component_args: dict[str, Any] = field(default_factory=dict)
    message_bytes: int = 0

    @property
    def map_bytes(self) -> int:
        """Bytes of the component's arguments as they go to the browser (JSON)."""
        args = {k: v for k, v in self.component_args.items() if k not in COMPONENT_ARGS_SKIPPED}
        return len(json.dumps(args, default=str).encode("utf-8"))


@contextlib.contextmanager
def capture_output(count_messages: bool = False) -> Iterator[Capture]:
    """Record st_folium's component arguments (and, if asked, every message's size)."""
    import streamlit_folium
    from streamlit.runtime.forward_msg_queue import ForwardMsgQueue

    capture = Capture()
    component = streamlit_folium._component_func
    enqueue = ForwardMsgQueue.enqueue

    def recording_component(**kwargs: Any) -> Any:
        capture.component_args = kwargs
        return component(**kwargs)

    def counting_enqueue(self: ForwardMsgQueue, msg: Any) -> None:
        capture.message_bytes += msg.ByteSize()
        enqueue(self, msg)

    streamlit_folium._component_func = recording_component
    if count_messages:
        ForwardMsgQueue.enqueue = counting_enqueue
    try:
        yield capture
    finally:
        streamlit_folium._component_func = component
        ForwardMsgQueue.enqueue = enqueue


class Session:
    """One AppTest session of an app on a data folder, driven the way the bench needs."""

    def __init__(self, app_file: Path, data_dir: Path) -> None:
        from streamlit.testing.v1 import AppTest

        self.env = data_env(data_dir)
        self.at = AppTest.from_file(str(app_file), default_timeout=APPTEST_TIMEOUT_S)
        self.is_bare = app_file == BARE_APP_FILE
        self.flip = False

    def run(self) -> float:
        """Run the script once; return the seconds it took."""
        gc.collect()
        with environment(self.env):
            start = time.perf_counter()
            self.at.run()
            elapsed = time.perf_counter() - start
        if self.at.exception:
            raise RuntimeError(f"the app failed: {[e.value for e in self.at.exception]}")
        return elapsed

    def filter_change(self) -> float:
        """Time a rerun after a filter change (the bare app: its layer recoloured)."""
        if self.is_bare:
            self.flip = not self.flip
            self.at.toggle[0].set_value(self.flip)
            return self.run()
        self.set_theme(True)
        self.run()
        self.set_theme(False)
        return self.run()

    def set_theme(self, on: bool) -> None:
        """Select the benchmark's theme in the sidebar, or clear the theme filter."""
        from soderort.viewstate import SS_FILTER_THEMES

        self.at.multiselect(key=SS_FILTER_THEMES).set_value([THEME] if on else [])

    def search(self, word: str = SEARCH_WORD) -> float:
        """Time a rerun after typing a word into the free-text search (from an empty box)."""
        from soderort.viewstate import SS_FILTER_TEXT

        self.clear_search()
        self.run()
        self.at.text_input(key=SS_FILTER_TEXT).set_value(word)
        return self.run()

    def clear_search(self) -> None:
        """Empty the free-text search box (takes effect on the next run)."""
        from soderort.viewstate import SS_FILTER_TEXT

        self.at.text_input(key=SS_FILTER_TEXT).set_value("")


def clear_caches() -> None:
    """Forget every st.cache_* entry, so that the next run loads the data again."""
    import streamlit as st

    st.cache_resource.clear()
    st.cache_data.clear()


def cold_runs(app_file: Path, data_dir: Path, repeats: int) -> list[float]:
    """First runs of fresh sessions with the caches cleared (the interpreter stays warm)."""
    samples = []
    for _ in range(repeats):
        clear_caches()
        samples.append(Session(app_file, data_dir).run())
    return samples


def rerun_pair(
    data_dir: Path, repeats: int, app_file: Path = APP_FILE
) -> tuple[list[float], list[float]]:
    """Reruns after a filter change, ours and the bare app's, interleaved."""
    ours, bare = Session(app_file, data_dir), Session(BARE_APP_FILE, data_dir)
    ours.run()
    bare.run()
    ours.filter_change()  # the first change compiles what the first run did not need
    bare.filter_change()
    ours_samples, bare_samples = [], []
    for _ in range(repeats):
        ours_samples.append(ours.filter_change())
        bare_samples.append(bare.filter_change())
    return ours_samples, bare_samples


def rerun_and_payload(
    data_dir: Path, repeats: int, app_file: Path = APP_FILE
) -> tuple[list[float], list[float], int, int]:
    """Our reruns (theme cleared; text search), the map's bytes and the page's bytes."""
    session = Session(app_file, data_dir)
    session.run()
    session.filter_change()
    changes = [session.filter_change() for _ in range(repeats)]
    searches = [session.search(SEARCH_WORDS[i % len(SEARCH_WORDS)]) for i in range(repeats)]
    session.clear_search()
    session.set_theme(True)
    session.run()
    session.set_theme(False)
    with capture_output(count_messages=True) as capture:
        session.run()  # the timed change once more: back to every initiative
    return changes, searches, capture.map_bytes, capture.message_bytes


def apptest_memory(data_dir: Path, sessions: int, app_file: Path = APP_FILE) -> list[float]:
    """MB this process grows by for each extra AppTest session (all kept alive)."""
    kept = [Session(app_file, data_dir)]
    kept[0].run()
    gc.collect()
    before = rss_mb(os.getpid())
    samples = []
    for _ in range(sessions - 1):
        session = Session(app_file, data_dir)
        session.run()
        kept.append(session)
        gc.collect()
        after = rss_mb(os.getpid())
        samples.append(after - before)
        before = after
    return samples


# -------------------------------------------------------------------------------------- browser
# JavaScript run in the page: the map's document (the component's iframe, or the page itself
# for the static file), the number of drawn paths, and a signature of what the layer shows.
_MAP_JS = """
const mapDocument = () => {
  const frame = document.querySelector('iframe[title="streamlit_folium.st_folium"]');
  if (frame) return frame.contentDocument;
  return document.querySelector('.leaflet-container') ? document : null;
};
const drawnPaths = (d) => d.querySelectorAll('.leaflet-overlay-pane path').length;
const signature = (d) => {
  const fills = [...d.querySelectorAll('.leaflet-overlay-pane path')]
    .map((p) => p.getAttribute('fill') || '').join(',');
  const labels = [...d.querySelectorAll('.sod-label')].map((e) => e.textContent).join(',');
  return fills + '|' + labels;
};
"""
DRAWN_JS = (
    "(n) => {"
    + _MAP_JS
    + "const d = mapDocument(); return d && drawnPaths(d) >= n ? performance.now() : false; }"
)
SIGNATURE_JS = "() => {" + _MAP_JS + "const d = mapDocument(); return d ? signature(d) : ''; }"
CHANGED_JS = (
    "([n, before]) => {"
    + _MAP_JS
    + "const d = mapDocument(); return !!d && drawnPaths(d) >= n && signature(d) !== before; }"
)


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    """Debian's chromium through Playwright, with the flags this machine needs."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        raise RuntimeError("Debian's chromium is missing: run `bash scripts/setup --dev`")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _new_page(browser: Any) -> Any:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="sv-SE")
    page = context.new_page()
    page.set_default_timeout(BROWSER_TIMEOUT_MS)
    return page


def open_to_map(browser: Any, url: str, n_paths: int) -> tuple[float, Any]:
    """Open a fresh page; ms from navigation start to the map drawn, and the open page."""
    page = _new_page(browser)
    page.goto(url, wait_until="commit")
    handle = page.wait_for_function(DRAWN_JS, arg=n_paths, timeout=BROWSER_TIMEOUT_MS)
    return float(handle.json_value()), page


def change_to_update(page: Any, act: Callable[[], None], n_paths: int) -> float:
    """Ms from a user's change (`act`) to the map showing something else."""
    before = page.evaluate(SIGNATURE_JS)
    start = time.perf_counter()
    act()
    page.wait_for_function(CHANGED_JS, arg=[n_paths, before], timeout=BROWSER_TIMEOUT_MS)
    return (time.perf_counter() - start) * 1000


def _search_box(page: Any) -> Any:
    from soderort.i18n import t

    return page.get_by_test_id("stSidebar").get_by_role("textbox", name=t("sidebar.search", "sv"))


def our_filter_change(page: Any, word: str) -> Callable[[], None]:
    """Type a word (or nothing) into the search; return the Enter press that sends it."""
    box = _search_box(page)
    box.fill(word)
    return lambda: box.press("Enter")


def bare_change(page: Any) -> Callable[[], None]:
    """Return the click that flips the bare app's toggle."""
    return lambda: page.get_by_text(BARE_TOGGLE_LABEL).click()


def floor_file(data: PlanData, folder: Path) -> Path:
    """Write the folium map of every initiative as a static HTML file (the floor)."""
    from soderort.render import map_file, map_layers

    layers = map_layers.build_map_layers(data, list(data.initiatives), tiles=None)
    target = folder / "floor.html"
    html = map_file.standalone_html(data, layers, title="Söderort 2030")
    target.write_text(html, encoding="utf-8")
    return target


def browser_times(
    data_dir: Path, repeats: int, workdir: Path, app_file: Path = APP_FILE
) -> dict[str, list[float]]:
    """Open and filter-change times in the browser: ours, the bare app and the floor."""
    data = load_plan_data(data_dir)
    n_paths = expected_paths(data)
    floor_url = floor_file(data, workdir).as_uri()
    env = data_env(data_dir)
    found: dict[str, list[float]] = {
        "open_ours": [],
        "open_bare": [],
        "open_floor": [],
        "change_ours": [],
        "change_bare": [],
        "filters_after_map": [],
    }
    with (
        streamlit_server(app_file, env) as (ours_url, _),
        streamlit_server(BARE_APP_FILE, env) as (bare_url, _),
        chromium() as browser,
    ):
        # A first visit each, untimed: Streamlit loads the data and compiles on first use.
        for url in (ours_url, bare_url, floor_url):
            _, page = open_to_map(browser, url, n_paths)
            page.context.close()
        for _ in range(repeats):
            for key, url in (
                ("open_ours", ours_url),
                ("open_bare", bare_url),
                ("open_floor", floor_url),
            ):
                elapsed, page = open_to_map(browser, url, n_paths)
                found[key].append(elapsed)
                if key == "open_ours":
                    ours_page = page
                    usable = page.wait_for_function(FILTERS_USABLE_JS, timeout=BROWSER_TIMEOUT_MS)
                    found["filters_after_map"].append(float(usable.json_value()) - elapsed)
                elif key == "open_bare":
                    bare_page = page
                else:
                    page.context.close()
            for word in (SEARCH_WORD, ""):
                act = our_filter_change(ours_page, word)
                found["change_ours"].append(change_to_update(ours_page, act, n_paths))
                found["change_bare"].append(
                    change_to_update(bare_page, bare_change(bare_page), n_paths)
                )
            ours_page.context.close()
            bare_page.context.close()
    return found


# ----------------------------------------------------------------------------- phone profile
# A mid-range phone on a mobile network: the viewport of a common phone, its CPU a quarter as fast
# as this machine's core, and a slow 4G/fast 3G link (DevTools' own presets are close to these).
PHONE_VIEWPORT = {"width": 390, "height": 844}
PHONE_CPU_SLOWDOWN = 4
PHONE_LATENCY_MS = 150
PHONE_DOWN_BITS_PER_S = 1_600_000
PHONE_UP_BITS_PER_S = 750_000
# The sidebar's free-text search box drawn and enabled: the filters can be used.
FILTERS_USABLE_JS = """() => {
  const box = document.querySelector('[data-testid="stSidebar"] input[type="text"]');
  return box && !box.disabled ? performance.now() : false;
}"""


@dataclass
class WireCount:
    """Bytes that reached the page over the (emulated) network: HTTP bodies and WebSocket frames."""

    http: int = 0
    websocket: int = 0

    @property
    def total(self) -> int:
        """All bytes counted so far."""
        return self.http + self.websocket

    def on_loading_finished(self, event: dict[str, Any]) -> None:
        """Count a finished HTTP response as sent on the wire (compressed, with headers)."""
        self.http += int(event.get("encodedDataLength", 0))

    def on_frame(self, event: dict[str, Any]) -> None:
        """Count a WebSocket frame's payload (binary frames arrive base64-encoded)."""
        response = event.get("response", {})
        payload = response.get("payloadData", "")
        self.websocket += len(payload) * 3 // 4 if response.get("opcode") == 2 else len(payload)


def phone_page(browser: Any) -> tuple[Any, WireCount]:
    """Open a fresh phone context (empty cache) with CPU and network throttled; count its bytes."""
    context = browser.new_context(
        viewport=PHONE_VIEWPORT, is_mobile=True, has_touch=True, locale="sv-SE"
    )
    page = context.new_page()
    page.set_default_timeout(BROWSER_TIMEOUT_MS)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": PHONE_LATENCY_MS,
            "downloadThroughput": PHONE_DOWN_BITS_PER_S / 8,
            "uploadThroughput": PHONE_UP_BITS_PER_S / 8,
        },
    )
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": PHONE_CPU_SLOWDOWN})
    wire = WireCount()
    cdp.on("Network.loadingFinished", wire.on_loading_finished)
    cdp.on("Network.webSocketFrameReceived", wire.on_frame)
    return page, wire


@dataclass
class PhoneOpen:
    """One open of a page on the phone profile."""

    map_ms: float
    filters_ms: float | None
    bytes_before_map: int


def phone_open(page: Any, wire: WireCount, url: str, n_paths: int, *, filters: bool) -> PhoneOpen:
    """Open `url` in the phone page; when the map is drawn (and, if asked, the filters usable)."""
    wire.http = wire.websocket = 0
    page.goto(url, wait_until="commit")
    drawn = page.wait_for_function(DRAWN_JS, arg=n_paths, timeout=BROWSER_TIMEOUT_MS)
    bytes_before_map = wire.total
    filters_ms = None
    if filters:
        usable = page.wait_for_function(FILTERS_USABLE_JS, timeout=BROWSER_TIMEOUT_MS)
        filters_ms = float(usable.json_value())
    return PhoneOpen(float(drawn.json_value()), filters_ms, bytes_before_map)


def phone_times(
    urls: dict[str, str], n_paths: int, repeats: int
) -> dict[str, dict[str, list[PhoneOpen]]]:
    """Cold (new context) and warm (same context, opened again) opens of each app on the phone."""
    found: dict[str, dict[str, list[PhoneOpen]]] = {name: {"cold": [], "warm": []} for name in urls}
    with chromium() as browser:
        for _ in range(repeats):
            for name, url in urls.items():
                page, wire = phone_page(browser)
                filters = name == "ours"
                found[name]["cold"].append(phone_open(page, wire, url, n_paths, filters=filters))
                found[name]["warm"].append(phone_open(page, wire, url, n_paths, filters=filters))
                page.context.close()
    return found


def phone_rows(table: Table, found: dict[str, dict[str, list[PhoneOpen]]], label: str) -> None:
    """Add the phone profile's rows for one way of serving (direct, or behind a proxy)."""
    section = (
        f"Phone profile ({PHONE_VIEWPORT['width']}×{PHONE_VIEWPORT['height']}, CPU ÷"
        f"{PHONE_CPU_SLOWDOWN}, {PHONE_LATENCY_MS} ms, {PHONE_DOWN_BITS_PER_S / 1e6:g} Mbit/s; "
        f"{label})"
    )
    for cache in ("cold", "warm"):
        ours, bare = found["ours"][cache], found["bare"][cache]
        ours_ms = [o.map_ms for o in ours]
        bare_ms = [o.map_ms for o in bare]
        table.add(Row(section, f"Open → map drawn, ours, {cache}", label, "ms", ours_ms))
        table.add(Row(section, f"Open → map drawn, bare app, {cache}", label, "ms", bare_ms))
        table.add(
            Row(
                section,
                f"Open, ours / bare, {cache}",
                label,
                "×",
                ratios(ours_ms, bare_ms),
                "≤ 1.25",
                1.25,
            )
        )
        table.add(
            Row(
                section,
                f"Open → filters usable, ours, {cache}",
                label,
                "ms",
                [o.filters_ms for o in ours if o.filters_ms is not None],
            )
        )
        table.add(
            Row(
                section,
                f"Bytes before the map is drawn, ours, {cache}",
                label,
                "KB",
                [o.bytes_before_map / 1000 for o in ours],
            )
        )
        table.add(
            Row(
                section,
                f"Bytes before the map is drawn, bare app, {cache}",
                label,
                "KB",
                [o.bytes_before_map / 1000 for o in bare],
            )
        )


IDLE_JS = "() => !document.querySelector('[data-testid=\"stStatusWidgetRunningIcon\"]')"


def wait_idle(page: Any) -> None:
    """Wait until the script run has finished (Streamlit's running icon gone for a second)."""
    while True:
        page.wait_for_function(IDLE_JS, timeout=BROWSER_TIMEOUT_MS)
        time.sleep(1.0)
        if page.evaluate(IDLE_JS):
            return


def server_memory(
    data_dir: Path, sessions: int, servers: int, app_file: Path = APP_FILE
) -> list[float]:
    """MB a real server grows by for each extra session open in chromium."""
    n_paths = expected_paths(load_plan_data(data_dir))
    samples = []
    with chromium() as browser:
        for _ in range(servers):
            with streamlit_server(app_file, data_env(data_dir)) as (url, pid):
                pages = []
                before = None
                for _ in range(sessions):
                    _, page = open_to_map(browser, url, n_paths)
                    pages.append(page)
                    wait_idle(page)
                    time.sleep(SETTLE_S)
                    now = rss_mb(pid)
                    if before is not None:
                        samples.append(now - before)
                    before = now
                for page in pages:
                    page.context.close()
    return samples


# ------------------------------------------------------------------------------------- the wire
# What the phone waits for is mostly bytes: the proxy's compression and the WebSocket's.
WEBSOCKET_COMPRESSION_ENV = "STREAMLIT_SERVER_ENABLE_WEBSOCKET_COMPRESSION"
PHONE_BEHIND_PROXY = "behind nginx"
PHONE_COLD_TARGET_MS = 10_000.0


def first_visits(urls: Sequence[str], n_paths: int) -> None:
    """Open each URL once, untimed: Streamlit loads the data and compiles on first use."""
    with chromium() as browser:
        for url in urls:
            _, page = open_to_map(browser, url, n_paths)
            page.context.close()


def measure_phone_proxy(table: Table, data_dir: Path, plan: Plan) -> None:
    """Measure the phone profile's rows behind the README's nginx.

    Ours and the bare app, each behind its own nginx with the same configuration
    (``benchmarks/proxy.py``).
    """
    n_paths = expected_paths(load_plan_data(data_dir))
    env = data_env(data_dir)
    _log("phone profile: behind nginx")
    with (
        streamlit_server(plan.app_file, env) as (ours_app, _),
        streamlit_server(BARE_APP_FILE, env) as (bare_app, _),
        proxy.nginx([ours_app]) as ours_url,
        proxy.nginx([bare_app]) as bare_url,
    ):
        first_visits((ours_url, bare_url), n_paths)
        found = phone_times({"ours": ours_url, "bare": bare_url}, n_paths, plan.phone_repeats)
    first = len(table.rows)
    phone_rows(table, found, PHONE_BEHIND_PROXY)
    for row in table.rows[first:]:
        if row.measure == "Open → map drawn, ours, cold":
            row.target, row.limit = f"≤ {PHONE_COLD_TARGET_MS:,.0f}", PHONE_COLD_TARGET_MS


@dataclass
class WireSample:
    """One phone open, cold and warm, and its filter changes, with the bytes sent to the browser."""

    open_cold_ms: float
    open_warm_ms: float
    bytes_cold: int
    bytes_warm: int
    change_ms: list[float]
    change_bytes: list[int]


def _wire_open(page: Any, counted: proxy.WireBytes, url: str, n_paths: int) -> tuple[float, int]:
    """Ms from navigation to the map drawn, and the bytes the browser received until then."""
    counted.reset()
    page.goto(url, wait_until="commit")
    drawn = page.wait_for_function(DRAWN_JS, arg=n_paths, timeout=BROWSER_TIMEOUT_MS)
    return float(drawn.json_value()), counted.down


def wire_sample(browser: Any, counted: proxy.WireBytes, url: str, n_paths: int) -> WireSample:
    """Open cold and warm on the phone, then search and clear the search; count each one's bytes."""
    page, _ = phone_page(browser)
    cold_ms, cold_bytes = _wire_open(page, counted, url, n_paths)
    warm_ms, warm_bytes = _wire_open(page, counted, url, n_paths)
    wait_idle(page)
    # On a phone the sidebar starts closed: open it as a person does, then search.
    page.get_by_test_id("stExpandSidebarButton").click()
    change_ms, change_bytes = [], []
    for word in (SEARCH_WORD, ""):
        act = our_filter_change(page, word)
        counted.reset()
        change_ms.append(change_to_update(page, act, n_paths))
        wait_idle(page)  # the whole rerun's bytes, not only the map's
        change_bytes.append(counted.down)
    page.context.close()
    return WireSample(cold_ms, warm_ms, cold_bytes, warm_bytes, change_ms, change_bytes)


def websocket_compression_times(data_dir: Path, plan: Plan) -> dict[str, list[WireSample]]:
    """Return phone samples with server.enableWebsocketCompression off and on.

    Both servers are served directly and measured in turn; a relay in front of each counts the
    bytes on the wire.
    """
    n_paths = expected_paths(load_plan_data(data_dir))
    found: dict[str, list[WireSample]] = {"off": [], "on": []}
    with contextlib.ExitStack() as stack:
        relays = {}
        for setting in found:
            env = {
                **data_env(data_dir),
                WEBSOCKET_COMPRESSION_ENV: "true" if setting == "on" else "false",
            }
            app_url, _ = stack.enter_context(streamlit_server(plan.app_file, env))
            relays[setting] = stack.enter_context(proxy.counting_relay(app_url))
        first_visits([url for url, _ in relays.values()], n_paths)
        with chromium() as browser:
            for _ in range(plan.phone_repeats):
                for setting, (url, counted) in relays.items():
                    found[setting].append(wire_sample(browser, counted, url, n_paths))
    return found


def measure_websocket_compression(table: Table, data_dir: Path, plan: Plan) -> None:
    """Measure the phone profile with the WebSocket's compression off and on."""
    _log("phone profile: WebSocket compression off and on")
    found = websocket_compression_times(data_dir, plan)
    section = "WebSocket compression (phone profile, direct; bytes to the browser on the wire)"
    measures = (
        ("Open → map drawn, cold", "ms", lambda s: [s.open_cold_ms]),
        ("Open → map drawn, warm", "ms", lambda s: [s.open_warm_ms]),
        ("Bytes before the map is drawn, cold", "KB", lambda s: [s.bytes_cold / 1000]),
        ("Bytes before the map is drawn, warm", "KB", lambda s: [s.bytes_warm / 1000]),
        ("Filter change → map updated", "ms", lambda s: s.change_ms),
        ("Filter change, bytes of the rerun", "KB", lambda s: [b / 1000 for b in s.change_bytes]),
    )
    for measure, unit, value in measures:
        values = {
            setting: [v for sample in samples for v in value(sample)]
            for setting, samples in found.items()
        }
        for setting, samples in values.items():
            table.add(Row(section, measure, f"compression {setting}", unit, samples))
        on_off = ratios(values["on"], values["off"])
        table.add(Row(section, f"{measure}, on / off", "ratio", "×", on_off))


# ---------------------------------------------------------------------------------- the table
@dataclass(frozen=True)
class Plan:
    """How much the bench measures."""

    sizes: tuple[int, ...]
    repeats: int
    cold_repeats: int
    browser: bool
    browser_repeats: int
    sessions: int
    servers: int
    phone_repeats: int = 1
    # Only the chromium open and filter-change rows and the phone profile (no AppTest, no memory).
    browser_only: bool = False
    # The app under test: app.py, or a candidate change laid out like the project (its own
    # app.py and pages/, importing src/ and ui/ from the project).
    app_file: Path = APP_FILE
    # The wire: the phone profile behind the README's nginx, and the WebSocket's compression
    # off and on; `phone_only` leaves out every other row.
    proxy: bool = False
    websocket_compression: bool = False
    phone_only: bool = False


FULL = Plan(
    sizes=FULL_SIZES,
    repeats=7,
    cold_repeats=3,
    browser=True,
    browser_repeats=5,
    sessions=3,
    servers=2,
    phone_repeats=3,
)
QUICK = Plan(
    sizes=QUICK_SIZES,
    repeats=2,
    cold_repeats=1,
    browser=True,
    browser_repeats=1,
    sessions=2,
    servers=1,
)


def _log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def measure_apptest(table: Table, folders: dict[str, Path], plan: Plan) -> None:
    """Measure the AppTest rows: rerun cost, cold runs and the scale rows."""
    real = folders["real"]
    _log("rerun: ours and bare, real data")
    ours, bare = rerun_pair(real, plan.repeats, plan.app_file)
    section = "Rerun cost (AppTest)"
    table.add(Row(section, "Rerun after a filter change, ours", "real", "s", ours))
    table.add(Row(section, "Rerun after a change, bare app", "real", "s", bare))
    table.add(Row(section, "Rerun, ours / bare", "real", "×", ratios(ours, bare), "≤ 1.5", 1.5))
    _log("cold first runs")
    table.add(
        Row(
            section,
            "Cold first run, ours",
            "real",
            "s",
            cold_runs(plan.app_file, real, plan.cold_repeats),
        )
    )
    table.add(
        Row(
            section,
            "Cold first run, bare app",
            "real",
            "s",
            cold_runs(BARE_APP_FILE, real, plan.cold_repeats),
        )
    )
    section = "Scale (AppTest; generated plans over 100 places)"
    largest = f"{max(plan.sizes):,}" if plan.sizes else None
    for label, folder in folders.items():
        _log(f"scale: {label}")
        changes, searches, map_bytes, page_bytes = rerun_and_payload(
            folder, plan.repeats, plan.app_file
        )
        is_largest = label == largest and max(plan.sizes) >= 10_000
        if label != "real":  # the real data's is the first row of the table
            table.add(
                Row(
                    section,
                    "Rerun after a filter change",
                    label,
                    "s",
                    changes,
                    "< 1 s" if is_largest else "",
                    1.0 if is_largest else None,
                )
            )
        table.add(Row(section, "Rerun after a text search", label, "s", searches))
        payload_target, payload_limit = "", None
        if label == "real":
            payload_target, payload_limit = "< 300 KB", 300.0
        elif is_largest:
            payload_target, payload_limit = "< 3 MB", 3000.0
        table.add(
            Row(
                section,
                "Map sent to the browser (component args)",
                label,
                "KB",
                [map_bytes / 1000],
                payload_target,
                payload_limit,
            )
        )
        table.add(Row(section, "All messages of the rerun", label, "KB", [page_bytes / 1000]))
        if not plan.browser:
            table.add(
                Row(
                    section,
                    "Memory per extra session (AppTest sessions in one process)",
                    label,
                    "MB",
                    apptest_memory(folder, plan.sessions, plan.app_file),
                    "< 30 MB",
                    30.0,
                )
            )


def measure_browser(table: Table, folders: dict[str, Path], plan: Plan, workdir: Path) -> None:
    """Measure the chromium rows: memory per session, open and filter-change times."""
    section = "Server memory (streamlit run, sessions open in chromium)"
    for label, folder in folders.items():
        _log(f"memory: {label}")
        table.add(
            Row(
                section,
                "Memory per extra session",
                label,
                "MB",
                server_memory(folder, plan.sessions, plan.servers, plan.app_file),
                "< 30 MB",
                30.0,
            )
        )
    browser_rows(table, folders["real"], plan, workdir)


def browser_rows(table: Table, data_dir: Path, plan: Plan, workdir: Path) -> None:
    """Measure the chromium open and filter-change rows on the real data."""
    _log("browser: open and filter change")
    found = browser_times(data_dir, plan.browser_repeats, workdir, plan.app_file)
    section = "In the browser (chromium, real data)"
    table.add(Row(section, "Open → map drawn, ours", "real", "ms", found["open_ours"]))
    table.add(Row(section, "Open → map drawn, bare app", "real", "ms", found["open_bare"]))
    table.add(
        Row(section, "Open → map drawn, static file (floor)", "real", "ms", found["open_floor"])
    )
    table.add(
        Row(
            section,
            "Open, ours / bare",
            "real",
            "×",
            ratios(found["open_ours"], found["open_bare"]),
            "≤ 1.25",
            1.25,
        )
    )
    table.add(
        Row(
            section,
            "Open, ours / floor",
            "real",
            "×",
            ratios(found["open_ours"], found["open_floor"]),
        )
    )
    table.add(
        Row(
            section,
            "Map drawn → filters usable, ours",
            "real",
            "ms",
            found["filters_after_map"],
            "≤ 1,000",
            1000.0,
        )
    )
    table.add(Row(section, "Filter change → map updated, ours", "real", "ms", found["change_ours"]))
    table.add(
        Row(section, "Layer change → map updated, bare app", "real", "ms", found["change_bare"])
    )
    table.add(
        Row(
            section,
            "Filter change, ours / bare",
            "real",
            "×",
            ratios(found["change_ours"], found["change_bare"]),
            "≤ 1.5",
            1.5,
        )
    )


def measure_phone(table: Table, data_dir: Path, plan: Plan) -> None:
    """Measure the phone profile's rows: ours and the bare app, served directly."""
    n_paths = expected_paths(load_plan_data(data_dir))
    env = data_env(data_dir)
    _log("phone profile: direct")
    with (
        streamlit_server(plan.app_file, env) as (ours_url, _),
        streamlit_server(BARE_APP_FILE, env) as (bare_url, _),
    ):
        with chromium() as browser:  # a first visit each, untimed, as in browser_times
            for url in (ours_url, bare_url):
                _, page = open_to_map(browser, url, n_paths)
                page.context.close()
        found = phone_times({"ours": ours_url, "bare": bare_url}, n_paths, plan.phone_repeats)
    phone_rows(table, found, "direct")


# ----------------------------------------------------------------------------- downloads
# The worst case: this many initiatives, every one naming the same place.
ONE_PLACE_SIZE = 5_000
ONE_PLACE = "hogdalen"
ONE_PLACE_LABEL = f"{ONE_PLACE_SIZE:,} at one place"
# A PDF of thousands of initiatives takes seconds: fewer repeats than the reruns.
PDF_REPEATS_MAX = 3


def one_place_folder(target: Path, size: int = ONE_PLACE_SIZE, seed: int = SEED) -> Path:
    """Generate a plan of `size` initiatives that all name `ONE_PLACE` and no other."""
    import yaml

    from benchmarks.synthetic import generate_data_folder

    generate_data_folder(target, size, n_places=N_PLACES, seed=seed)
    plan_file = target / paths.ACTION_PLAN_FILE.name
    plan = yaml.load(plan_file.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    for record in plan["initiatives"]:
        record["places"] = [ONE_PLACE]
    text = yaml.dump(plan, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)
    plan_file.write_text(text, encoding="utf-8")
    return target


def pdf_times(data_dir: Path, repeats: int) -> tuple[list[float], list[float]]:
    """Seconds to build the report and the busiest place's sheet, as a download does.

    The app's own cached builders (`ui.exporting`) are timed with their caches cleared, map
    included; the plan is loaded (and its search prepared) before the clock starts.
    """
    from soderort.facts import count_by_place
    from soderort.filters import FilterState, filter_initiatives
    from ui.exporting import filter_key, place_pdf, report_pdf

    data = load_plan_data(data_dir)
    filters = FilterState()
    counts = count_by_place(data, filter_initiatives(data, filters))
    place = max(data.place_order, key=lambda p: counts.get(p, 0))
    key = filter_key(filters)
    reports, places = [], []
    for _ in range(repeats):
        report_pdf.clear()
        place_pdf.clear()
        gc.collect()
        start = time.perf_counter()
        report_pdf(data, key, "sv", "2026-11-30")
        reports.append(time.perf_counter() - start)
        start = time.perf_counter()
        place_pdf(data, key, place, "sv")
        places.append(time.perf_counter() - start)
    return reports, places


def measure_downloads(table: Table, folders: dict[str, Path], plan: Plan, workdir: Path) -> None:
    """Measure the PDF rows: the real plan, each generated size, 5,000 initiatives at one place."""
    section = "Downloads (PDF built when clicked, map included)"
    found = dict(folders)
    if 1_000 in plan.sizes:
        _log(f"downloads: generating {ONE_PLACE_LABEL}")
        found[ONE_PLACE_LABEL] = one_place_folder(workdir / "plan-one-place")
    repeats = min(plan.repeats, PDF_REPEATS_MAX)
    for label, folder in found.items():
        if label == "10,000":
            continue  # the report of 10,000 is a book: 5,000 at one place is the worst case asked
        _log(f"downloads: {label}")
        reports, places = pdf_times(folder, repeats)
        target, limit = {"real": ("< 1.5 s", 1.5), "1,000": ("< 10 s", 10.0)}.get(label, ("", None))
        table.add(Row(section, "Report PDF", label, "s", reports, target, limit))
        table.add(
            Row(section, "Place sheet PDF (the busiest place)", label, "s", places, target, limit)
        )


def measure_big_geodata(table: Table, workdir: Path) -> None:
    """Measure the map's bytes with a 20 MB places.geojson: first draw and a filter change."""
    from benchmarks.big_geodata import write_big_places

    _log("big geodata: writing a 20 MB places.geojson")
    folder = write_big_places(workdir / "big-geodata")
    label = f"{(folder / paths.PLACES_FILE.name).stat().st_size / 1e6:.0f} MB places"
    session = Session(APP_FILE, folder)
    with capture_output() as first:
        session.run()
    with capture_output() as changed:
        session.set_theme(True)
        session.run()
    section = "Big geodata (AppTest, the map page)"
    for measure, capture in (("first draw", first), ("a filter change", changed)):
        table.add(
            Row(
                section,
                f"Map sent to the browser (component args), {measure}",
                label,
                "KB",
                [capture.map_bytes / 1000],
                "< 1 MB",
                1000.0,
            )
        )
    same = changed.component_args.get("script") == first.component_args.get("script")
    table.add(
        Row(
            section,
            "Base map changed by the filter change (0 = byte for byte the same)",
            label,
            "",
            [0.0 if same else 1.0],
            "0",
            0.0,
        )
    )


def run_benchmark(plan: Plan, workdir: Path) -> Table:
    """Measure everything the plan asks for and return the table."""
    table = Table(machine_info())
    if plan.app_file != APP_FILE:
        table.machine["App under test"] = str(plan.app_file)
    sizes = () if plan.browser_only or plan.phone_only else plan.sizes
    _log(f"generating plans of {', '.join(map(str, sizes)) or 'no'} initiatives")
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
    table.machine["Load average at end (1/5/15 min)"] = _load()
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
        help="only the browser's open and filter-change rows and the phone profile, "
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
