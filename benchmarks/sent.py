"""The page's requests to the server, timed in the page's own clock.

A change (a search sent, a toggle flipped, a slide stepped) is timed from the rerun request it
sends to what it changes on screen, both in the page's clock, for ours and the bare app alike.
"""

from __future__ import annotations

from typing import Any

# Every message the page sends to the server (a rerun's request), timed in the page's clock. A
# change is timed from its request on: a click and a key press take Playwright different times
# to deliver (a click first checks that the element is visible, still and not covered), which
# would count against the app whose change is a click.
RECORD_SENDS_JS = """
(() => {
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    (window.__sodSent = window.__sodSent || []).push(performance.now());
    return send.call(this, data);
  };
})();
"""
SENT_COUNT_JS = "() => (window.__sodSent || []).length"
SENT_AT_JS = "(index) => (window.__sodSent || [])[index] ?? null"


def sent_count(page: Any) -> int:
    """How many messages the page has sent to the server so far (`RECORD_SENDS_JS`)."""
    return int(page.evaluate(SENT_COUNT_JS))


def sent_at(page: Any, index: int) -> float:
    """When (page clock, ms) the page sent its message number `index` (from 0)."""
    at = page.evaluate(SENT_AT_JS, index)
    if at is None:
        raise RuntimeError("the change sent no request to the server")
    return float(at)
