"""Short garbage collections in the long-running server: what lives as long as the plan is frozen.

The server keeps for its whole life what its first runs build: the loaded plan and its
GeoDataFrames, Streamlit, pandas, folium and their compiled templates, the caches; about 230,000
objects that Python's garbage collector tracks. Each rerun builds its map and page anew, and
after most of them Python's full collection went through all of those objects: 100–150 ms in
which the server's event loop, which shares the interpreter, sent nothing. A slide step's text and
the run's end waited behind it (``docs/performance.md``, "Round two, last changes"). Frozen
(`gc.freeze`) once they exist, they are left out of every collection; what the runs make is
collected as before.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Hashable

_LOCK = threading.Lock()
# The owner of the objects frozen now (a loaded plan's key); empty before the first freeze.
_frozen_for: list[Hashable] = []


def freeze_long_lived(owner: Hashable) -> bool:
    """Freeze the objects alive now, once per `owner`; return True if this call froze them.

    The app calls this after each complete run, with the loaded plan's key as `owner`: the first
    such run has built what the process keeps. A new owner (an edited data file gave a new plan)
    first thaws the objects frozen for the old one, so that the old plan can be collected.
    Garbage is collected before the freeze: what is frozen is what is alive.
    """
    with _LOCK:
        if _frozen_for and _frozen_for[0] == owner:
            return False
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        _frozen_for[:] = [owner]
        return True
