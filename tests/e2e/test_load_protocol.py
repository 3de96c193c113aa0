"""The load test's protocol client against the running server: one user opens the app (the map
first, then the sidebar once the map reports it drawn), searches and selects a place."""

from __future__ import annotations

import asyncio
import math
from concurrent.futures import ThreadPoolExecutor

import pytest

from benchmarks.load_expected import expectations
from benchmarks.load_protocol import protocol_session
from benchmarks.load_results import Results
from soderort.loading import PlanData

pytestmark = pytest.mark.e2e

ACTION_TIMEOUT_S = 60


async def _one_user(server: str, data: PlanData) -> Results:
    """Run one session until it has searched and selected a place once (or failed)."""
    results = Results()
    session = asyncio.create_task(
        protocol_session(
            0, server, data, expectations(data), results, 0.0, math.inf, ACTION_TIMEOUT_S
        )
    )
    while not session.done():
        tried = {kind for kind in results.times if results.times[kind] or results.failures[kind]}
        if {"filter", "select"} <= tried or any(results.failures.values()):
            break
        await asyncio.sleep(0.2)
    if session.done():
        session.result()  # a session ends only by an error here: raise it
    session.cancel()
    await asyncio.gather(session, return_exceptions=True)
    return results


def test_a_protocol_session_opens_searches_and_selects(server: str, plan_data: PlanData) -> None:
    # Playwright's sync API keeps an event loop running in this thread when a browser test ran
    # before; asyncio.run needs a thread of its own.
    with ThreadPoolExecutor(max_workers=1) as pool:
        results = pool.submit(asyncio.run, _one_user(server, plan_data)).result(timeout=300)
    assert results.failures == {"open": [], "filter": [], "select": []}
    assert len(results.times["open"]) == 1
    assert results.times["filter"] and results.times["select"]
