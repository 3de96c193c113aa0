"""The plan for ``/data/``: loaded once per version of the data files, shared by every request."""

from __future__ import annotations

import threading

from soderort import paths
from soderort.filters import prepare_search
from soderort.loading import PlanData, load_plan_data
from soderort.web.versioning import DataVersion, data_version

_lock = threading.Lock()
# The folder, the version and the plan of the last load: one plan is kept, the current one.
_loaded: tuple[str, DataVersion, PlanData] | None = None


def current_plan() -> tuple[PlanData, DataVersion]:
    """Return the plan in the app's data folder and its version, loading it when it changed.

    Returns
    -------
    (PlanData, DataVersion)
        The plan and the version of the files it was read from.

    Raises
    ------
    soderort.errors.DataError
        When a data file is broken or changes while it is read (nothing is cached then, so the
        next request reads the fixed files).
    """
    global _loaded
    data_dir = paths.app_data_dir()
    version = data_version(data_dir)
    with _lock:
        if _loaded is not None and _loaded[:2] == (str(data_dir), version):
            return _loaded[2], version
        data = load_plan_data(data_dir)
        prepare_search(data)
        _loaded = (str(data_dir), version, data)
        return data, version
