"""The load test's browser sessions: Playwright pages that search and click places, checked."""

from __future__ import annotations

import argparse
import asyncio
import random
import time
from typing import Any

from benchmarks import launch
from benchmarks.browser import MAP_FRAME, search_box
from benchmarks.load_expected import CLICK_PLACES, SEARCH_WORDS, Expected, expectations
from benchmarks.load_results import Results, sample_memory
from soderort.i18n import t
from soderort.loading import PlanData

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


async def _open(page: Any, url: str, expected: Expected, timeout_ms: int) -> None:
    await page.goto(url, wait_until="commit")
    await page.wait_for_function(
        APPLIED_JS,
        arg=[expected.count_text, expected.labels],
        timeout=timeout_ms,
        polling=POLL_MS,
    )


async def _search(page: Any, word: str, expected: Expected, timeout_ms: int) -> float:
    box = search_box(page)
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
