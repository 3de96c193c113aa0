"""Values derived from one loaded plan, computed once per plan and dropped with it.

A loaded `PlanData` never changes (an edited data file gives a new one), so what is derived from
it (its lookups, search texts and filter results, label points, the GeoJSON of the base map, the
folder it came from) can be kept beside it. PlanData holds GeoDataFrames and cannot be hashed;
entries are kept by the plan's identity, with a weak reference that drops them when the plan is
dropped. This is the one cache of `soderort`; the app's Streamlit caches (`ui.data`) key on the
folder and files' times this keeps for each plan.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from soderort.loading import PlanData

T = TypeVar("T")

_ENTRIES: dict[int, tuple[weakref.ref[PlanData], dict[str, Any]]] = {}
_LOCK = threading.Lock()


def per_plan(data: PlanData, name: str, compute: Callable[[], T]) -> T:
    """Return the value kept for `data` under `name`, computing it on first use.

    Parameters
    ----------
    data : PlanData
        The loaded plan the value is derived from.
    name : str
        What the value is; one name per kind of value.
    compute : callable
        Makes the value (called without arguments, at most once per plan and name unless two
        threads ask at the same moment, when both results are equal and the first is kept).

    Returns
    -------
    object
        The kept value. Callers must not change it.
    """
    key = id(data)
    with _LOCK:
        entry = _ENTRIES.get(key)
        if entry is None or entry[0]() is not data:
            entry = (weakref.ref(data, lambda _ref, key=key: _ENTRIES.pop(key, None)), {})
            _ENTRIES[key] = entry
        values = entry[1]
        if name in values:
            return values[name]
    value = compute()
    with _LOCK:
        return values.setdefault(name, value)
