"""The benchmark keeps working: its quick mode's measures run on tiny sizes and fill every row.

Nothing here compares a time with a threshold (the machine decides those); the tests check that
every row is there and that each figure is a real measurement (finite, and positive where a
zero would mean nothing was measured).
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from benchmarks import bench
from benchmarks.browser import measure_browser
from benchmarks.downloads import ONE_PLACE, one_place_folder
from benchmarks.machine import machine_info
from benchmarks.phone import measure_phone
from benchmarks.plan import Plan
from benchmarks.slides import STEPS
from benchmarks.table import Row, Table
from soderort import paths
from soderort.loading import load_plan_data

TINY = Plan(
    sizes=(30,),
    repeats=1,
    cold_repeats=1,
    browser=False,
    browser_repeats=1,
    sessions=2,
    servers=1,
)


def rows_by_key(table: Table) -> dict[tuple[str, str], Row]:
    keys = [(row.measure, row.data) for row in table.rows]
    assert len(keys) == len(set(keys)), keys
    return dict(zip(keys, table.rows, strict=True))


def assert_sane(row: Row, *, may_be_zero: bool = False) -> None:
    assert row.samples, row
    assert all(math.isfinite(value) for value in row.samples), row
    if not may_be_zero:
        assert all(value > 0 for value in row.samples), row


def test_the_quick_table_has_every_row_with_real_figures(tmp_path: Path) -> None:
    table = bench.run_benchmark(TINY, tmp_path)
    rows = rows_by_key(table)
    expected = [
        ("Rerun after a filter change, ours", "real"),
        ("Rerun after a change, bare app", "real"),
        ("Rerun, ours / bare", "real"),
        ("Cold first run, ours", "real"),
        ("Cold first run, bare app", "real"),
    ]
    expected.append(("Rerun after a filter change", "30"))
    for label in ("real", "30"):
        expected += [
            ("Rerun after a text search", label),
            ("Map sent to the browser (component args)", label),
            ("All messages of the rerun", label),
            ("Memory per extra session (AppTest sessions in one process)", label),
            ("Report PDF", label),
            ("Place sheet PDF (the busiest place)", label),
        ]
    assert sorted(rows) == sorted(expected)
    for key, row in rows.items():
        # Memory can shrink between two readings (garbage collected); it must still be a number.
        assert_sane(row, may_be_zero=key[0].startswith("Memory"))
    # The map of the plan with more places sends more; the page sends at least the map.
    map_row = "Map sent to the browser (component args)"
    assert rows[(map_row, "30")].median > rows[(map_row, "real")].median
    for label in ("real", "30"):
        assert rows[("All messages of the rerun", label)].median >= rows[(map_row, label)].median

    text = table.markdown()
    assert "| Rerun, ours / bare | real |" in text
    assert "Cores: " in text and "Memory: " in text and "Load average" in text


def test_the_one_place_plan_names_one_place_only(tmp_path: Path) -> None:
    data = load_plan_data(one_place_folder(tmp_path, size=40))
    assert len(data.initiatives) == 40
    assert {place for item in data.initiatives for place in item.places} == {ONE_PLACE}


@pytest.mark.e2e
def test_the_browser_rows_are_measured_in_chromium(tmp_path: Path) -> None:
    table = Table(machine_info())
    plan = Plan(**{**TINY.__dict__, "browser": True})
    measure_browser(table, {"real": paths.GEODATA_DIR}, plan, tmp_path)
    rows = rows_by_key(table)
    assert sorted(rows) == sorted(
        [
            ("Memory per extra session", "real"),
            ("Open → map drawn, ours", "real"),
            ("Open → map drawn, bare app", "real"),
            ("Open → map drawn, static file (floor)", "real"),
            ("Open, ours / bare", "real"),
            ("Open, ours / floor", "real"),
            ("Open → map drawn, light map (/karta.html)", "real"),
            ("Open, light map / ours", "real"),
            ("Map drawn → filters usable, ours", "real"),
            ("Whole-load layout shift, ours (1400×1000)", "real"),
            ("Whole-load layout shift, presentation (1400×1000)", "real"),
            ("Filter change → map updated, ours", "real"),
            ("Layer change → map updated, bare app", "real"),
            ("Filter change, ours, a page's first", "real"),
            ("Filter change, ours, a page's second", "real"),
            ("Layer change, bare app, a page's first", "real"),
            ("Layer change, bare app, a page's second", "real"),
            ("Filter change, ours / bare", "real"),
            ("Slide step → new slide drawn, ours", "real"),
            ("Slide step, ours / bare layer swap", "real"),
        ]
    )
    for key, row in rows.items():
        # A page that does not move at all has a layout shift of 0.
        assert_sane(row, may_be_zero=key[0].startswith(("Memory", "Whole-load layout shift")))
    # A page's first and second changes are the whole of the changes, split.
    changes = rows[("Filter change → map updated, ours", "real")].samples
    first = rows[("Filter change, ours, a page's first", "real")].samples
    second = rows[("Filter change, ours, a page's second", "real")].samples
    assert sorted(first + second) == sorted(changes) and len(first) == len(second)
    # Every step forward and back was timed and paired with a bare layer swap.
    assert len(rows[("Slide step, ours / bare layer swap", "real")].samples) == 2 * STEPS


@pytest.mark.e2e
def test_the_phone_profile_rows_are_measured_cold_and_warm(tmp_path: Path) -> None:
    table = Table(machine_info())
    measure_phone(table, paths.GEODATA_DIR, TINY)
    rows = rows_by_key(table)
    expected = []
    for cache in ("cold", "warm"):
        expected += [
            (f"Open → map drawn, ours, {cache}", "direct"),
            (f"Open → map drawn, bare app, {cache}", "direct"),
            (f"Open, ours / bare, {cache}", "direct"),
            (f"Open → filters usable, ours, {cache}", "direct"),
            (f"Whole-load layout shift, ours, {cache}", "direct"),
            (f"Bytes before the map is drawn, ours, {cache}", "direct"),
            (f"Bytes before the map is drawn, bare app, {cache}", "direct"),
            (f"Open → map drawn, light map, {cache}", "direct"),
            (f"Bytes before the map is drawn, light map, {cache}", "direct"),
        ]
    assert sorted(rows) == sorted(expected)
    for (measure, _), row in rows.items():
        # Opened again, the light map may come whole from the browser's cache.
        assert_sane(
            row,
            may_be_zero=measure.endswith("light map, warm")
            or measure.startswith("Whole-load layout shift"),
        )
    # A cold open fetches the front end's code; a warm one finds it in the browser's cache.
    for app in ("ours", "bare app", "light map"):
        cold = rows[(f"Bytes before the map is drawn, {app}, cold", "direct")].median
        warm = rows[(f"Bytes before the map is drawn, {app}, warm", "direct")].median
        assert warm < cold
