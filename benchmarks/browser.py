"""The browser measures (Playwright, Debian's chromium): open, filter change, slide step, memory."""

from __future__ import annotations

import contextlib
import functools
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from benchmarks.launch import CHROMIUM, CHROMIUM_ARGS, CHROMIUM_MISSING, streamlit_server
from benchmarks.machine import rss_mb
from benchmarks.plan import (
    APP_FILE,
    BARE_APP_FILE,
    SEARCH_WORD,
    Plan,
    data_env,
    expected_paths,
    log,
)
from benchmarks.sent import RECORD_SENDS_JS, sent_at, sent_count
from benchmarks.slides import first_slide, presentation_url, step_samples, wait_ready
from benchmarks.table import Row, Table, ratios
from soderort.loading import PlanData, load_plan_data

BROWSER_TIMEOUT_MS = 600_000
# The light map's page on the app's own server (soderort.web.light_page.PAGE_PATH).
LIGHT_MAP_PATH = "/karta.html"
# The light map's open on a laptop against the dashboard's: issue 'A shared link at the speed of
# a static page'.
LIGHT_LAPTOP_RATIO = 0.5
# After a session's map is drawn, the server settles (the rest of the page, garbage) before its
# memory is read.
SETTLE_S = 3.0
# The bare app's one widget (benchmarks/bare_app.py, TOGGLE_LABEL; importing that module would
# run the app).
BARE_TOGGLE_LABEL = "Byt färg"
# The sidebar's free-text search box drawn and enabled: the filters can be used.
# A filter change's map update against the bare app's layer swap.
FILTER_CHANGE_RATIO = 1.6
FILTERS_USABLE_JS = """() => {
  const box = document.querySelector('[data-testid="stSidebar"] input[type="text"]');
  return box && !box.disabled ? performance.now() : false;
}"""


# The st_folium component's iframe, which holds the map on the app's pages.
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
# JavaScript run in the page: the map's document (the component's iframe, or the page itself
# for the static file), the number of drawn paths, and a signature of what the layer shows.
_MAP_JS = """
const mapDocument = () => {
  const frame = document.querySelector('MAP_FRAME');
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
""".replace("MAP_FRAME", MAP_FRAME)
DRAWN_JS = (
    "(n) => {"
    + _MAP_JS
    + "const d = mapDocument(); return d && drawnPaths(d) >= n ? performance.now() : false; }"
)
SIGNATURE_JS = "() => {" + _MAP_JS + "const d = mapDocument(); return d ? signature(d) : ''; }"
# The time (page clock) of the first animation frame that shows the map changed.
CHANGED_JS = (
    "([n, before]) => {"
    + _MAP_JS
    + "const d = mapDocument();"
    + "return !!d && drawnPaths(d) >= n && signature(d) !== before ? performance.now() : false; }"
)


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    """Debian's chromium through Playwright, with the flags this machine needs."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        raise RuntimeError(CHROMIUM_MISSING)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _new_page(browser: Any) -> Any:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="sv-SE")
    context.add_init_script(RECORD_SENDS_JS)
    context.add_init_script(RECORD_SHIFTS_JS)
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
    """Ms from the request a user's change (`act`) sends to the map showing something else."""
    before = page.evaluate(SIGNATURE_JS)
    sent_before = sent_count(page)
    act()
    changed = page.wait_for_function(
        CHANGED_JS, arg=[n_paths, before], timeout=BROWSER_TIMEOUT_MS, polling="raf"
    )
    return float(changed.json_value()) - sent_at(page, sent_before)


def search_box(page: Any) -> Any:
    """Return the sidebar's free-text search box (a locator, in Playwright's sync or async API)."""
    from soderort.i18n import t

    return page.get_by_test_id("stSidebar").get_by_role("textbox", name=t("sidebar.search", "sv"))


def our_filter_change(page: Any, word: str) -> Callable[[], None]:
    """Type a word (or nothing) into the search; return the Enter press that sends it."""
    box = search_box(page)
    box.fill(word)
    return lambda: box.press("Enter")


def first_visits(browser: Any, urls: Iterable[str], n_paths: int) -> None:
    """Open each URL once, untimed: Streamlit loads the data and compiles on first use."""
    for url in urls:
        _, page = open_to_map(browser, url, n_paths)
        page.context.close()


def bare_change(page: Any) -> Callable[[], None]:
    """Return the click that flips the bare app's toggle."""
    return lambda: page.get_by_text(BARE_TOGGLE_LABEL).click()


def bare_swap(page: Any, n_paths: int) -> float:
    """Ms from flipping the bare app's toggle to its map showing the recoloured layer."""
    return change_to_update(page, bare_change(page), n_paths)


def floor_file(data: PlanData, folder: Path) -> Path:
    """Write the folium map of every initiative as a static HTML file (the floor)."""
    from soderort.render import map_file, map_layers

    layers = map_layers.build_map_layers(data, list(data.initiatives), tiles=None)
    target = folder / "floor.html"
    html = map_file.standalone_html(data, layers, title="Söderort 2030")
    target.write_text(html, encoding="utf-8")
    return target


@contextlib.contextmanager
def ours_and_bare(data_dir: Path, app_file: Path = APP_FILE) -> Iterator[tuple[str, str]]:
    """Serve the app under test and the bare app on the same data; yield their URLs."""
    env = data_env(data_dir)
    with (
        streamlit_server(app_file, env) as (ours_url, _),
        streamlit_server(BARE_APP_FILE, env) as (bare_url, _),
    ):
        yield ours_url, bare_url


def browser_times(
    data_dir: Path, repeats: int, workdir: Path, app_file: Path = APP_FILE
) -> dict[str, list[float]]:
    """Open, filter-change and slide-step times in the browser: ours, the bare app, the floor."""
    data = load_plan_data(data_dir)
    n_paths = expected_paths(data)
    slide = first_slide(data)
    floor_url = floor_file(data, workdir).as_uri()
    found: dict[str, list[float]] = {
        "open_ours": [],
        "open_bare": [],
        "open_floor": [],
        "open_light": [],
        "change_ours": [],
        "change_bare": [],
        "filters_after_map": [],
        "shift_ours": [],
        "shift_presentation": [],
        "step_ours": [],
        "step_bare": [],
    }
    with ours_and_bare(data_dir, app_file) as (ours_url, bare_url), chromium() as browser:
        light_url = ours_url + LIGHT_MAP_PATH
        first_visits(browser, (ours_url, bare_url, floor_url, light_url), n_paths)
        for _ in range(repeats):
            for key, url in (
                ("open_ours", ours_url),
                ("open_bare", bare_url),
                ("open_floor", floor_url),
                ("open_light", light_url),
            ):
                elapsed, page = open_to_map(browser, url, n_paths)
                found[key].append(elapsed)
                if key == "open_ours":
                    ours_page = page
                    usable = page.wait_for_function(FILTERS_USABLE_JS, timeout=BROWSER_TIMEOUT_MS)
                    found["filters_after_map"].append(float(usable.json_value()) - elapsed)
                    found["shift_ours"].append(whole_load_shift(page))
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
            slides_page = _new_page(browser)
            slides_page.goto(presentation_url(ours_url, slide))
            wait_ready(slides_page)
            found["shift_presentation"].append(whole_load_shift(slides_page))
            steps, swaps = step_samples(
                slides_page,
                slide,
                wait_idle,
                functools.partial(bare_swap, bare_page, n_paths),
            )
            found["step_ours"] += steps
            found["step_bare"] += swaps
            slides_page.context.close()
            bare_page.context.close()
    return found


IDLE_JS = "() => !document.querySelector('[data-testid=\"stStatusWidgetRunningIcon\"]')"
# Every layout shift since the navigation's start (not those right after a person's input): the
# page's cumulative layout shift, as the browser and Lighthouse count it.
RECORD_SHIFTS_JS = """
window.__sodShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) { window.__sodShifts.push(entry.value); }
  }
}).observe({type: "layout-shift", buffered: true});
"""
WHOLE_LOAD_SHIFT_JS = "() => window.__sodShifts.reduce((sum, value) => sum + value, 0)"
# What still moves after the script has stopped (a frame's last resize) has settled by then.
SETTLE_MS = 1000


def whole_load_shift(page: Any) -> float:
    """Return the page's layout shift from its navigation to its script's end, once settled."""
    wait_idle(page)
    page.wait_for_timeout(SETTLE_MS)
    return float(page.evaluate(WHOLE_LOAD_SHIFT_JS))


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


def measure_browser(table: Table, folders: dict[str, Path], plan: Plan, workdir: Path) -> None:
    """Measure the chromium rows: memory per session, open and filter-change times."""
    section = "Server memory (streamlit run, sessions open in chromium)"
    for label, folder in folders.items():
        log(f"memory: {label}")
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
    """Measure the chromium open, filter-change and slide-step rows on the real data."""
    log("browser: open, filter change and slide step")
    found = browser_times(data_dir, plan.browser_repeats, workdir, plan.app_file)
    section = "In the browser (chromium, real data)"
    rows = (
        ("Open → map drawn, ours", "ms", found["open_ours"], "", None),
        ("Open → map drawn, bare app", "ms", found["open_bare"], "", None),
        ("Open → map drawn, static file (floor)", "ms", found["open_floor"], "", None),
        ("Open, ours / bare", "×", ratios(found["open_ours"], found["open_bare"]), "≤ 1.25", 1.25),
        ("Open, ours / floor", "×", ratios(found["open_ours"], found["open_floor"]), "", None),
        ("Open → map drawn, light map (/karta.html)", "ms", found["open_light"], "", None),
        (
            "Open, light map / ours",
            "×",
            ratios(found["open_light"], found["open_ours"]),
            f"≤ {LIGHT_LAPTOP_RATIO}",
            LIGHT_LAPTOP_RATIO,
        ),
        ("Map drawn → filters usable, ours", "ms", found["filters_after_map"], "≤ 1,000", 1000.0),
        ("Whole-load layout shift, ours (1400×1000)", "", found["shift_ours"], "< 0.1", 0.1),
        (
            "Whole-load layout shift, presentation (1400×1000)",
            "",
            found["shift_presentation"],
            "< 0.1",
            0.1,
        ),
        ("Filter change → map updated, ours", "ms", found["change_ours"], "", None),
        ("Layer change → map updated, bare app", "ms", found["change_bare"], "", None),
        # Each opened page takes two changes, the first while its front end's code is still cold.
        ("Filter change, ours, a page's first", "ms", found["change_ours"][0::2], "", None),
        ("Filter change, ours, a page's second", "ms", found["change_ours"][1::2], "", None),
        ("Layer change, bare app, a page's first", "ms", found["change_bare"][0::2], "", None),
        ("Layer change, bare app, a page's second", "ms", found["change_bare"][1::2], "", None),
        # The goal set when a custom filter component was declined: Streamlit drawing the
        # filter widgets again is the rest of the cost.
        (
            "Filter change, ours / bare",
            "×",
            ratios(found["change_ours"], found["change_bare"]),
            f"≤ {FILTER_CHANGE_RATIO}",
            FILTER_CHANGE_RATIO,
        ),
        ("Slide step → new slide drawn, ours", "ms", found["step_ours"], "", None),
        (
            "Slide step, ours / bare layer swap",
            "×",
            ratios(found["step_ours"], found["step_bare"]),
            "≤ 1.5",
            1.5,
        ),
    )
    for measure, unit, samples, target, limit in rows:
        table.add(Row(section, measure, "real", unit, samples, target, limit))
