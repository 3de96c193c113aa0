"""The AppTest measures (one process): rerun cost, cold runs, the scale rows, big geodata."""

from __future__ import annotations

import contextlib
import gc
import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.machine import rss_mb
from benchmarks.plan import (
    APP_FILE,
    BARE_APP_FILE,
    SEARCH_WORD,
    Plan,
    data_env,
    environment,
    log,
    streamlit_script,
)
from benchmarks.table import Row, Table, ratios
from soderort import paths

APPTEST_TIMEOUT_S = 900
# The filter the rerun measures: one theme on, then off again (timed: back to every initiative,
# the page's default and heaviest state).
THEME = "turism"
# Each timed search looks for another word, as a user does (a repeated search is remembered).
SEARCH_WORDS = ("hogdalen", "kluster", "skarholmen", "samverkan", "utbildning", "foretag", "turism")
COMPONENT_ARGS_SKIPPED = ("on_change",)


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
        self.at = AppTest.from_file(
            str(streamlit_script(app_file)), default_timeout=APPTEST_TIMEOUT_S
        )
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


def measure_apptest(table: Table, folders: dict[str, Path], plan: Plan) -> None:
    """Measure the AppTest rows: rerun cost, cold runs and the scale rows."""
    real = folders["real"]
    log("rerun: ours and bare, real data")
    ours, bare = rerun_pair(real, plan.repeats, plan.app_file)
    section = "Rerun cost (AppTest)"
    table.add(Row(section, "Rerun after a filter change, ours", "real", "s", ours))
    table.add(Row(section, "Rerun after a change, bare app", "real", "s", bare))
    table.add(Row(section, "Rerun, ours / bare", "real", "×", ratios(ours, bare), "≤ 1.5", 1.5))
    log("cold first runs")
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
        log(f"scale: {label}")
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


def first_draw_and_filter_change(data_dir: Path) -> tuple[Capture, Capture]:
    """Capture what the map page sends on `data_dir`: its first draw, then with a theme on."""
    session = Session(APP_FILE, data_dir)
    with capture_output() as first:
        session.run()
    with capture_output() as changed:
        session.set_theme(True)
        session.run()
    return first, changed


def measure_big_geodata(table: Table, workdir: Path) -> None:
    """Measure the map's bytes with a 20 MB places.geojson: first draw and a filter change."""
    from benchmarks.big_geodata import write_big_places

    log("big geodata: writing a 20 MB places.geojson")
    folder = write_big_places(workdir / "big-geodata")
    label = f"{(folder / paths.PLACES_FILE.name).stat().st_size / 1e6:.0f} MB places"
    first, changed = first_draw_and_filter_change(folder)
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
