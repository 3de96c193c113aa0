"""The load test's protocol sessions: WebSocket clients speaking Streamlit's BackMsg/ForwardMsg."""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import time
from dataclasses import dataclass, field
from typing import Any

from benchmarks.load_expected import CLICK_PLACES, SEARCH_WORDS, Expected, expectations
from benchmarks.load_results import Results, sample_memory
from soderort.i18n import t
from soderort.loading import PlanData


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
    map_default: dict[str, Any] = field(default_factory=dict)  # the map component's first value


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
                run.map_default = json.loads(element.component_instance.json_args)["default"]
        elif kind == "script_finished" and message.script_finished == 0:
            if check(run):
                return run  # finished successfully, showing the result
            last = run


def _shows(text: str, needs_map: bool = True, needs_sidebar: bool = False) -> Any:
    return lambda run: (
        any(text in body for body in run.markdown)
        and ("map" in run.widget_ids or not needs_map)
        and ("search" in run.widget_ids or not needs_sidebar)
    )


def _map_drawn(run: _Run) -> Any:
    """Write the map's report that the browser has drawn it: its first value, marked drawn.

    The map's own script sends it (`ui.maps.MapDrawn`); the run it starts adds the sidebar.
    """
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    from soderort.livemap.map_reply import MAP_DRAWN_KEY

    value = {**run.map_default, MAP_DRAWN_KEY: True}
    return WidgetState(id=run.widget_ids["map"], json_value=json.dumps(value))


async def _full_run(ws: Any, first: _Run, expected: Expected, timeout_s: float) -> _Run:
    """After a session's first run (the map only), report the map drawn; return the full run.

    The full run is the first with the sidebar; its widget ids hold for the session's later runs.
    """
    await ws.send(_back_message([_map_drawn(first)]))
    return await _await_run(ws, _shows(expected.count_text, needs_sidebar=True), timeout_s)


def _connect(url: str) -> Any:
    """Open the app's WebSocket as its page does (an awaitable, or an async context manager)."""
    import websockets

    stream = url.replace("http://", "ws://", 1) + "/_stcore/stream"
    # Same origin as the page would be, or the server refuses the WebSocket.
    return websockets.connect(stream, origin=url, subprotocols=["streamlit"], max_size=None)


async def _warm_up(url: str, expected: Expected, timeout_s: float) -> None:
    """Open one session as a user does (the map, then the sidebar), untimed."""
    async with _connect(url) as ws:
        await ws.send(_back_message([]))
        first = await _await_run(ws, _shows(expected.count_text), timeout_s)
        await _full_run(ws, first, expected, timeout_s)


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
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    from soderort.livemap.map_reply import MAP_DRAWN_KEY

    rng = random.Random(number)
    await asyncio.sleep(max(0.0, start_at - time.monotonic()))
    results.active += 1
    try:
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            try:
                ws = await _connect(url)
                await ws.send(_back_message([]))
                run = await _await_run(ws, _shows(expected[""].count_text), timeout_s)
                results.record("open", started)  # the map sent; the sidebar comes next
                run = await _full_run(ws, run, expected[""], timeout_s)
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
                        # where it was clicked (a new position makes it a new click), with the
                        # map's report that it was drawn, which every later value carries.
                        click = {
                            "last_active_drawing": {"properties": {"id": place}},
                            "last_object_clicked": {"lat": lat, "lng": lon},
                            MAP_DRAWN_KEY: True,
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
