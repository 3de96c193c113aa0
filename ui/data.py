"""Loading the plan data once per process, the caches keyed on it, and the broken-data page.

Every file or table a page makes from the plan is cached with `cache_per_plan`: Streamlit's data
cache, with a loaded plan hashed as `plan_key` (the folder it was read from and its files'
modification times). A page passes the plan itself; an edited file in the folder the app reads
(`SODERORT_DATA_DIR` or geodata/) gives a new plan, a new key and new files.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import streamlit as st

from soderort import datafiles, inert, paths
from soderort.errors import DataError
from soderort.filters import prepare_search
from soderort.i18n import t
from soderort.loading import PlanData, load_plan_data
from soderort.memo import per_plan
from ui.sidebar import current_language

# The files load_plan_data reads; a change to any of them gives a new cache entry.
DATA_FILES: tuple[str, ...] = paths.DATA_FILE_NAMES
VALIDATE_COMMAND = "python -m soderort validate"
# For data read from another folder: the variable, not its value, so that the page does not show
# the server's paths, and the command checks the folder the app read (not geodata/).
VALIDATE_ENV_COMMAND = f'{VALIDATE_COMMAND} "${paths.DATA_DIR_ENV}"'
# A broken GeoJSON file can have a problem per feature; the page lists this many and counts the
# rest (the validate command lists them all).
MAX_PROBLEMS_SHOWN = 30
# A data file changed less than this long ago may still be being written in place; until it has
# been still this long, sessions keep the last complete plan (and say so).
SETTLE_SECONDS = 2.0
# By data folder: the file times and the plan of the last complete load, shared by every session.
_LAST_GOOD: dict[str, tuple[tuple[tuple[str, int | None], ...], PlanData]] = {}

PlanKey = tuple[str, tuple[tuple[str, int | None], ...]]
F = TypeVar("F", bound=Callable[..., Any])


def data_file_mtimes(data_dir: Path) -> tuple[tuple[str, int | None], ...]:
    """Each data file's modification time in nanoseconds (None when it is missing)."""
    stamps = []
    for name in DATA_FILES:
        path = data_dir / name
        try:
            stamps.append((name, path.stat().st_mtime_ns))
        except OSError:
            stamps.append((name, None))
    return tuple(stamps)


# Shared by every session (the data is read-only: frozen records and GeoDataFrames that no page
# may change). Keyed by plain values only, so that an edited file is read again without a restart.
# A DataError is not cached, so a fixed file is picked up on the next run.
@st.cache_resource(show_spinner=False, max_entries=4)
def _load_plan_data(data_dir: str, mtimes: tuple[tuple[str, int | None], ...]) -> PlanData:
    data = load_plan_data(Path(data_dir))
    prepare_search(data)
    # Where the plan came from, kept beside it: the key of every cache derived from it.
    per_plan(data, "origin", lambda: (data_dir, mtimes))
    return data


def plan_key(data: PlanData) -> PlanKey:
    """Say which loaded plan this is: its folder and its files' modification times.

    A plan loaded elsewhere than `get_plan_data` (a test's own) is keyed by the object itself,
    which lives as long as the caller holds it.
    """
    return per_plan(data, "origin", lambda: (f"plan object {id(data)}", ()))


def cache_per_plan(max_entries: int) -> Callable[[F], F]:
    """Cache a function of a loaded plan and plain values, keyed by `plan_key` and the values.

    Parameters
    ----------
    max_entries : int
        How many results to keep.

    Returns
    -------
    callable
        A decorator: Streamlit's data cache with `PlanData` hashed as `plan_key`.
    """
    return st.cache_data(
        show_spinner=False, max_entries=max_entries, hash_funcs={PlanData: plan_key}
    )


def get_plan_data(data_dir: Path | str | None = None, *, notify: bool = False) -> PlanData:
    """Return the loaded plan data; on a broken data file, show what is wrong and stop the run.

    While a data file is being written (it changed less than `SETTLE_SECONDS` ago, or while it
    was read), the last complete plan is returned instead, with a notice when `notify` is set
    (the frame sets it, so that the notice is shown once per run).
    """
    directory = Path(data_dir) if data_dir is not None else paths.app_data_dir()
    from_env = data_dir is None and directory != paths.GEODATA_DIR
    mtimes = data_file_mtimes(directory)
    last_mtimes, last_good = _LAST_GOOD.get(str(directory), (None, None))
    if last_good is not None and mtimes != last_mtimes:
        files = [directory / name for name in DATA_FILES]
        changing = datafiles.recently_changed(files, SETTLE_SECONDS)
        if changing:
            return _keep_last_good(last_good, changing, notify)
    try:
        data = _load_plan_data(str(directory), mtimes)
    except datafiles.FileChangedError as err:
        if last_good is None:
            _stop_with_data_error(err, from_env)
        return _keep_last_good(last_good, err.files, notify)
    except DataError as err:
        _stop_with_data_error(err, from_env)
    _LAST_GOOD[str(directory)] = (mtimes, data)
    return data


def _keep_last_good(last_good: PlanData, changing: list[str], notify: bool) -> PlanData:
    if notify:
        names = ", ".join(f"**{inert.markdown(name)}**" for name in changing)
        count = len(last_good.initiatives)
        text = t("data.changing", current_language(), files=names, count=count)
        st.warning(text, icon=":material/sync:")
    return last_good


def _stop_with_data_error(err: DataError, from_env: bool) -> NoReturn:
    render_data_error(err, current_language(), from_env=from_env)
    st.stop()


def render_data_error(err: DataError, language: str, *, from_env: bool = False) -> None:
    """Show a friendly page naming the broken files and every problem, then stop the run.

    Parameters
    ----------
    err : DataError
        What is wrong; each problem is shown as plain text, never as Markdown or HTML.
    language : str
        Interface language.
    from_env : bool
        Whether the data folder was set with `paths.DATA_DIR_ENV`; the page then tells how to
        check that folder rather than geodata/.
    """
    files = ", ".join(f"**{inert.markdown(name)}**" for name in err.files)
    lines = [t("data_error.files", language, files=files), ""]
    shown = err.problems[:MAX_PROBLEMS_SHOWN]
    lines.extend(f"- {inert.markdown(str(problem))}" for problem in shown)
    hidden = len(err.problems) - len(shown)
    if hidden:
        lines.append(f"- {t('data_error.more', language, count=hidden)}")
    if from_env:
        command = f"`{VALIDATE_ENV_COMMAND}`"
        lines.extend(["", t("data_error.check_env", language, command=command)])
    else:
        lines.extend(["", t("data_error.check", language, command=f"`{VALIDATE_COMMAND}`")])
    st.title(t("data_error.title", language))
    st.error("\n".join(lines), icon=":material/error:")
    st.stop()
