"""The plan as the app's own routes read it: loaded once per version of the data files.

The dashboard's sessions load the plan through Streamlit's cache (`ui.data`); the routes here
run outside any session and keep their own copy, read again when a data file's time changes.
A file that changes while it is read keeps the last complete plan, as the dashboard does.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from pathlib import Path

from soderort import paths
from soderort.datafiles import DATA_FILES, FileChangedError, data_file_mtimes, recently_changed
from soderort.filters import prepare_search
from soderort.loading import PlanData, load_plan_data

# A file changed less than this long ago may still be being written (as in `ui.data`).
SETTLE_SECONDS = 2.0


@dataclass(frozen=True)
class LoadedPlan:
    """A loaded plan and its version: a short hash of its folder and its files' times."""

    data: PlanData
    version: str


_lock = threading.Lock()
_loaded: dict[str, tuple[tuple[tuple[str, int | None], ...], LoadedPlan]] = {}


def _version(directory: Path, mtimes: tuple[tuple[str, int | None], ...]) -> str:
    stamp = repr((str(directory), mtimes)).encode("utf-8")
    return hashlib.sha256(stamp).hexdigest()[:16]


def current_plan(data_dir: Path | None = None) -> LoadedPlan:
    """Return the plan of the app's data folder, loading it again when a file has changed.

    Raises
    ------
    DataError
        When the files cannot be used and no complete plan was read before.
    """
    directory = data_dir if data_dir is not None else paths.app_data_dir()
    key = str(directory)
    with _lock:
        mtimes = data_file_mtimes(directory)
        known = _loaded.get(key)
        if known is not None and known[0] == mtimes:
            return known[1]
        files = [directory / name for name in DATA_FILES]
        if known is not None and recently_changed(files, SETTLE_SECONDS):
            return known[1]
        try:
            data = load_plan_data(directory)
        except FileChangedError:
            if known is None:
                raise
            return known[1]
        prepare_search(data)
        loaded = LoadedPlan(data, _version(directory, mtimes))
        _loaded[key] = (mtimes, loaded)
        return loaded
