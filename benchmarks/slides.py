"""The presentation's step in the browser: a key pressed until the room sees the new slide whole.

A slide counts as drawn when the counter shows the new number, the slide's heading is the new
one, no element of the old run is left on the page (Streamlit marks them ``data-stale`` until the
new run replaces or removes them), and the map has come to rest at the new slide's view.
streamlit-folium moves the map with Leaflet's ``setView``, which would animate a pan or a zoom
of up to four levels for 0.25 s (the presentation's map asks it not to, see
``soderort.livemap.map_behaviour.SlideKeys``); the room sees the slide complete only once the map is
still, so its view, its pane's position and its shapes' layer must stay the same for
`STABLE_MS`. The time
runs from the step's request to the server (``benchmarks.sent``) to the first frame of that rest.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from benchmarks.sent import sent_at, sent_count
from soderort.livemap.presentation import KIND_PLACE, build_slides, slide_view
from soderort.loading import PlanData

# Steps forward from the first slide, then as many back: the samples cover STEPS + 1 places.
STEPS = 3
# Leaflet's animations move the map every frame (about 16 ms) and redraw the shapes one frame
# after a zoom's ends: still for this long, the map is at rest.
STABLE_MS = 100
# The presentation's url_path (app.py), its slide's container ("st-key-" and the key
# pages/presentation.SLIDE_KEY) and its counter's class (importing the page would run it).
PRESENTATION_PATH = "presentation"
SLIDE_CONTAINER = ".st-key-presentation_slide"
COUNTER = "span.sod-counter"

_PAGE_JS = """
const presentationMap = () => {
  for (const frame of document.querySelectorAll('iframe')) {
    try { if (frame.contentWindow.map) return frame.contentWindow.map; } catch (error) {}
  }
  return null;
};
const slideHeading = () => document.querySelector('SLIDE_CONTAINER :is(h1, h2)');
const mapView = (map) => {
  const centre = map.getCenter();
  return [centre.lat.toFixed(5), centre.lng.toFixed(5), map.getZoom()].join(',');
};
""".replace("SLIDE_CONTAINER", SLIDE_CONTAINER)
# The slide's text and the map are there (a session's first run draws the map alone).
READY_JS = (
    "() => {"
    + _PAGE_JS
    + "const map = presentationMap(); return !!(slideHeading() && map && map._loaded); }"
)
# Before a step: the heading and the map's view, to be told apart from the new slide's.
BEFORE_JS = (
    "() => {"
    + _PAGE_JS
    + "window.__sodSlideSeen = null;"
    + "return [slideHeading().textContent, mapView(presentationMap())]; }"
)
# The new slide drawn and the map at rest; returns for how many ms it has been so.
DRAWN_JS = (
    "([number, heading, view]) => {"
    + _PAGE_JS
    + """
  const counter = document.querySelector('COUNTER');
  const title = slideHeading();
  const map = presentationMap();
  const shown = counter ? parseInt((counter.textContent.match(/\\d+/) || ['0'])[0], 10) : 0;
  const moving = !map || map._animatingZoom || (map._panAnim && map._panAnim._inProgress);
  const drawn = shown === number && title && title.textContent !== heading && !moving
    && mapView(map) !== view
    && !document.querySelector('[data-testid="stMain"] [data-stale="true"]');
  if (!drawn) { window.__sodSlideSeen = null; return false; }
  const shapes = map.getPane('overlayPane').querySelector('svg');
  const state = [title.textContent, mapView(map), map.getPane('mapPane').style.transform,
    shapes ? shapes.style.transform + shapes.getAttribute('viewBox') : ''].join('|');
  const now = performance.now();
  const seen = window.__sodSlideSeen;
  if (!seen || seen.state !== state) {
    window.__sodSlideSeen = { state: state, since: now };
    return false;
  }
  return now - seen.since >= STABLE_MS ? seen.since : false;
}""".replace("COUNTER", COUNTER).replace("STABLE_MS", str(STABLE_MS))
)


def first_slide(data: PlanData, steps: int = STEPS) -> int:
    """Return the number (1-based) of the first of the last `steps` + 1 place slides in a row.

    Each of them moves the map, so every step of the measure shows another place.
    """
    slides = build_slides(data, list(data.initiatives))
    views = [slide_view(data, slide) for slide in slides]
    for start in range(len(slides) - steps - 1, -1, -1):
        run = range(start, start + steps + 1)
        if all(slides[i].kind == KIND_PLACE for i in run) and all(
            views[i] != views[i + 1] for i in run[:-1]
        ):
            return start + 1
    raise ValueError(f"no {steps + 1} place slides in a row with different views")


def presentation_url(app_url: str, slide: int) -> str:
    """Return the presentation's address at a slide."""
    return f"{app_url}/{PRESENTATION_PATH}?slide={slide}"


def wait_ready(page: Any) -> None:
    """Wait until the presentation shows its slide's text and its map."""
    page.wait_for_function(READY_JS)


def step_to_drawn(page: Any, key: str, number: int) -> float:
    """Press `key` on the page (not in a field); ms from its request until slide `number` is drawn.

    Drawn: at rest, as `DRAWN_JS` says; the request is the step's rerun request to the server.
    """
    heading, view = page.evaluate(BEFORE_JS)
    # The keys belong to the page, as for a presenter who has not clicked into a field.
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    sent_before = sent_count(page)
    page.keyboard.press(key)
    handle = page.wait_for_function(DRAWN_JS, arg=[number, heading, view], polling="raf")
    return float(handle.json_value()) - sent_at(page, sent_before)


def step_samples(
    page: Any, first: int, idle: Callable[[Any], None], paired: Callable[[], float]
) -> tuple[list[float], list[float]]:
    """Step `STEPS` slides forward from `first` (→) and back (←), each once the page is idle.

    Returns each step's ms and, measured right after it, the `paired` measure's.
    """
    steps: list[float] = []
    pairs: list[float] = []
    number = first
    for target in [*range(first + 1, first + STEPS + 1), *range(first + STEPS - 1, first - 1, -1)]:
        idle(page)
        steps.append(step_to_drawn(page, "ArrowRight" if target > number else "ArrowLeft", target))
        pairs.append(paired())
        number = target
    return steps, pairs
