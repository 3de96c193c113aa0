"""The benchmark's wire rows: the phone profile behind the README's nginx, and the WebSocket's
compression off and on, each a real measurement (no time is compared with a threshold here)."""

from __future__ import annotations

import pytest

from benchmarks import proxy
from benchmarks.machine import machine_info
from benchmarks.phone import (
    PHONE_BEHIND_PROXY,
    PHONE_COLD_TARGET_MS,
    measure_phone_proxy,
    measure_websocket_compression,
)
from benchmarks.table import Table
from soderort import paths
from tests.app.test_bench_quick import TINY, assert_sane, rows_by_key

pytestmark = pytest.mark.e2e


@pytest.mark.skipif(proxy.missing() is not None, reason=f"{proxy.missing()}")
def test_the_phone_profile_is_measured_behind_the_readmes_nginx() -> None:
    table = Table(machine_info())
    measure_phone_proxy(table, paths.GEODATA_DIR, TINY)
    rows = rows_by_key(table)
    label = PHONE_BEHIND_PROXY
    for cache in ("cold", "warm"):
        for measure in (
            f"Open → map drawn, ours, {cache}",
            f"Open → map drawn, bare app, {cache}",
            f"Open, ours / bare, {cache}",
            f"Bytes before the map is drawn, ours, {cache}",
        ):
            assert_sane(rows[(measure, label)])
    # The cold open behind the proxy carries the 10 s target.
    assert rows[("Open → map drawn, ours, cold", label)].limit == PHONE_COLD_TARGET_MS
    assert "≤ 10,000" in table.markdown()


def test_websocket_compression_sends_a_filter_change_in_fewer_bytes() -> None:
    table = Table(machine_info())
    measure_websocket_compression(table, paths.GEODATA_DIR, TINY)
    rows = rows_by_key(table)
    for row in rows.values():
        assert_sane(row)
    change = "Filter change, bytes of the rerun"
    # The rerun's map (GeoJSON and HTML text) shrinks several times when deflated.
    compressed = rows[(change, "compression on")].median
    assert compressed < rows[(change, "compression off")].median / 2
    cold = "Bytes before the map is drawn, cold"
    assert rows[(cold, "compression on")].median < rows[(cold, "compression off")].median
