"""Loading the plan data once per process, and the page shown when a data file is broken."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from soderort import paths
from soderort.errors import DataError
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
)
VALIDATE_COMMAND = "python -m soderort validate"
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
    return load_plan_data(Path(data_dir))


def get_plan_data(data_dir: Path | str | None = None) -> PlanData:
    """Return the loaded plan data; on a broken data file, show what is wrong and stop the run."""
    directory = Path(data_dir) if data_dir is not None else paths.app_data_dir()
    try:
        return _load_plan_data(str(directory), data_file_mtimes(directory))
    except DataError as err:
        render_data_error(err, current_language())
        st.stop()


def render_data_error(err: DataError, language: str) -> None:
    """Show a friendly page naming the broken files and every problem, then stop the run."""
    files = ", ".join(f"**{escape_markdown(name)}**" for name in err.files)
    lines = [t("data_error.files", language, files=files), ""]
    shown = err.problems[:MAX_PROBLEMS_SHOWN]
    lines.extend(f"- {escape_markdown(str(problem))}" for problem in shown)
    hidden = len(err.problems) - len(shown)
    if hidden:
        lines.append(f"- {t('data_error.more', language, count=hidden)}")
    lines.extend(["", t("data_error.check", language, command=f"`{VALIDATE_COMMAND}`")])
    st.title(t("data_error.title", language))
    st.error("\n".join(lines), icon=":material/error:")
    st.stop()
