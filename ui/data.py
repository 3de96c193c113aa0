"""Loading the plan data once per process, and the page shown when a data file is broken."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from soderort import paths
from soderort.errors import DataError
from soderort.filters import prepare_search
from soderort.i18n import t
from soderort.loading import PlanData, load_plan_data
from ui import escape_markdown
from ui.sidebar import current_language

# The files load_plan_data reads; a change to any of them gives a new cache entry.
DATA_FILES: tuple[str, ...] = (
    paths.ACTION_PLAN_FILE.name,
    paths.COMMITTEES_FILE.name,
    paths.THEMES_FILE.name,
    paths.PLACES_FILE.name,
    paths.DISTRICTS_FILE.name,
    paths.AREAS_FILE.name,
    paths.OUTLINE_FILE.name,
    paths.FOLLOW_UP_FILE.name,
)
VALIDATE_COMMAND = "python -m soderort validate"
# For data read from another folder: the variable, not its value, so that the page does not show
# the server's paths, and the command checks the folder the app read (not geodata/).
VALIDATE_ENV_COMMAND = f'{VALIDATE_COMMAND} "${paths.DATA_DIR_ENV}"'
# A broken GeoJSON file can have a problem per feature; the page lists this many and counts the
# rest (the validate command lists them all).
MAX_PROBLEMS_SHOWN = 30


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
    # `mtimes` is only part of the cache key.
    data = load_plan_data(Path(data_dir))
    prepare_search(data)
    return data


def get_plan_data(data_dir: Path | str | None = None) -> PlanData:
    """Return the loaded plan data; on a broken data file, show what is wrong and stop the run."""
    directory = Path(data_dir) if data_dir is not None else paths.app_data_dir()
    try:
        return _load_plan_data(str(directory), data_file_mtimes(directory))
    except DataError as err:
        from_env = data_dir is None and directory != paths.GEODATA_DIR
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
    files = ", ".join(f"**{escape_markdown(name)}**" for name in err.files)
    lines = [t("data_error.files", language, files=files), ""]
    shown = err.problems[:MAX_PROBLEMS_SHOWN]
    lines.extend(f"- {escape_markdown(str(problem))}" for problem in shown)
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
