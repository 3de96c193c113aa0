"""The phone profile (throttled chromium): direct, behind nginx, WebSocket compression off/on."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks import proxy
from benchmarks.browser import (
    BROWSER_TIMEOUT_MS,
    DRAWN_JS,
    FILTERS_USABLE_JS,
    LIGHT_MAP_PATH,
    RECORD_SHIFTS_JS,
    change_to_update,
    chromium,
    first_visits,
    our_filter_change,
    ours_and_bare,
    wait_idle,
    whole_load_shift,
)
from benchmarks.launch import streamlit_server
from benchmarks.plan import SEARCH_WORD, Plan, data_env, expected_paths, log
from benchmarks.sent import RECORD_SENDS_JS
from benchmarks.table import Row, Table, ratios
from soderort.loading import load_plan_data

# A mid-range phone on a mobile network: the viewport of a common phone, its CPU a quarter as fast
# as this machine's core, and a slow 4G/fast 3G link (DevTools' own presets are close to these).
PHONE_VIEWPORT = {"width": 390, "height": 844}
PHONE_CPU_SLOWDOWN = 4
PHONE_LATENCY_MS = 150
PHONE_DOWN_BITS_PER_S = 1_600_000
PHONE_UP_BITS_PER_S = 750_000
# The light map on the phone behind nginx (issue 'A shared link at the speed of a static page').
LIGHT_COLD_TARGET_MS = 3_000.0
LIGHT_WARM_TARGET_MS = 1_000.0
LIGHT_BYTES_TARGET_KB = 250.0


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
    context.add_init_script(RECORD_SENDS_JS)
    context.add_init_script(RECORD_SHIFTS_JS)
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
    layout_shift: float | None = None


def phone_open(page: Any, wire: WireCount, url: str, n_paths: int, *, filters: bool) -> PhoneOpen:
    """Open `url` in the phone page; when the map is drawn (and, if asked, the filters usable)."""
    wire.http = wire.websocket = 0
    page.goto(url, wait_until="commit")
    drawn = page.wait_for_function(DRAWN_JS, arg=n_paths, timeout=BROWSER_TIMEOUT_MS)
    bytes_before_map = wire.total
    filters_ms = shift = None
    if filters:
        usable = page.wait_for_function(FILTERS_USABLE_JS, timeout=BROWSER_TIMEOUT_MS)
        filters_ms = float(usable.json_value())
        shift = whole_load_shift(page)
    return PhoneOpen(float(drawn.json_value()), filters_ms, bytes_before_map, shift)


def phone_times(
    urls: dict[str, str], n_paths: int, repeats: int
) -> dict[str, dict[str, list[PhoneOpen]]]:
    """Cold (new context) and warm (same context, opened again) opens of each app on the phone.

    Each app is first visited once, untimed, in a context of its own.
    """
    found: dict[str, dict[str, list[PhoneOpen]]] = {name: {"cold": [], "warm": []} for name in urls}
    with chromium() as browser:
        first_visits(browser, urls.values(), n_paths)
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
        light = found["light"][cache]
        table.add(
            Row(
                section,
                f"Open → map drawn, light map, {cache}",
                label,
                "ms",
                [o.map_ms for o in light],
            )
        )
        table.add(
            Row(
                section,
                f"Bytes before the map is drawn, light map, {cache}",
                label,
                "KB",
                [o.bytes_before_map / 1000 for o in light],
            )
        )
        ours, bare = found["ours"][cache], found["bare"][cache]
        ours_ms = [o.map_ms for o in ours]
        bare_ms = [o.map_ms for o in bare]
        rows = (
            (f"Open → map drawn, ours, {cache}", "ms", ours_ms, "", None),
            (f"Open → map drawn, bare app, {cache}", "ms", bare_ms, "", None),
            (f"Open, ours / bare, {cache}", "×", ratios(ours_ms, bare_ms), "≤ 1.25", 1.25),
            (
                f"Open → filters usable, ours, {cache}",
                "ms",
                [o.filters_ms for o in ours if o.filters_ms is not None],
                "",
                None,
            ),
            (
                f"Whole-load layout shift, ours, {cache}",
                "",
                [o.layout_shift for o in ours if o.layout_shift is not None],
                "< 0.1",
                0.1,
            ),
            (
                f"Bytes before the map is drawn, ours, {cache}",
                "KB",
                [o.bytes_before_map / 1000 for o in ours],
                "",
                None,
            ),
            (
                f"Bytes before the map is drawn, bare app, {cache}",
                "KB",
                [o.bytes_before_map / 1000 for o in bare],
                "",
                None,
            ),
        )
        for measure, unit, samples, target, limit in rows:
            table.add(Row(section, measure, label, unit, samples, target, limit))


# What the phone waits for is mostly bytes: the proxy's compression and the WebSocket's.
WEBSOCKET_COMPRESSION_ENV = "STREAMLIT_SERVER_ENABLE_WEBSOCKET_COMPRESSION"
PHONE_BEHIND_PROXY = "behind nginx"
PHONE_COLD_TARGET_MS = 10_000.0


def measure_phone_proxy(table: Table, data_dir: Path, plan: Plan) -> None:
    """Measure the phone profile's rows behind the README's nginx.

    Ours and the bare app, each behind its own nginx with the same configuration
    (``benchmarks/proxy.py``).
    """
    n_paths = expected_paths(load_plan_data(data_dir))
    log("phone profile: behind nginx")
    with (
        ours_and_bare(data_dir, plan.app_file) as (ours_app, bare_app),
        proxy.nginx([ours_app]) as ours_url,
        proxy.nginx([bare_app]) as bare_url,
    ):
        urls = {"ours": ours_url, "bare": bare_url, "light": ours_url + LIGHT_MAP_PATH}
        found = phone_times(urls, n_paths, plan.phone_repeats)
    first = len(table.rows)
    phone_rows(table, found, PHONE_BEHIND_PROXY)
    targets = {
        "Open → map drawn, ours, cold": PHONE_COLD_TARGET_MS,
        "Open → map drawn, light map, cold": LIGHT_COLD_TARGET_MS,
        "Open → map drawn, light map, warm": LIGHT_WARM_TARGET_MS,
        "Bytes before the map is drawn, light map, cold": LIGHT_BYTES_TARGET_KB,
    }
    for row in table.rows[first:]:
        if row.measure in targets:
            limit = targets[row.measure]
            row.target, row.limit = f"≤ {limit:,.0f}", limit


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
        with chromium() as browser:
            first_visits(browser, [url for url, _ in relays.values()], n_paths)
            for _ in range(plan.phone_repeats):
                for setting, (url, counted) in relays.items():
                    found[setting].append(wire_sample(browser, counted, url, n_paths))
    return found


def measure_websocket_compression(table: Table, data_dir: Path, plan: Plan) -> None:
    """Measure the phone profile with the WebSocket's compression off and on."""
    log("phone profile: WebSocket compression off and on")
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


def measure_phone(table: Table, data_dir: Path, plan: Plan) -> None:
    """Measure the phone profile's rows: ours and the bare app, served directly."""
    n_paths = expected_paths(load_plan_data(data_dir))
    log("phone profile: direct")
    with ours_and_bare(data_dir, plan.app_file) as (ours_url, bare_url):
        urls = {"ours": ours_url, "bare": bare_url, "light": ours_url + LIGHT_MAP_PATH}
        found = phone_times(urls, n_paths, plan.phone_repeats)
    phone_rows(table, found, "direct")
