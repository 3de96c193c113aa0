"""The published plan for the Streamlit side, the caches keyed on it, and the broken-data page.

The plan itself is owned by `soderort.published` (plain Python, also asked by the app's routes):
this module shows what it says, a notice while the last good plan serves in place of a newer
version that is being written or was refused, or the broken-data page when no version was ever
good. Every file or table a page makes from the plan is cached with `cache_per_plan`: Streamlit's
data cache, with a loaded plan hashed as `plan_key` (the folder it was read from and its files'
contents). An edited file in the folder the app reads (`SODERORT_DATA_DIR` or geodata/) gives a
new plan, a new key and new files.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import streamlit as st

from soderort import inert, paths, published
from soderort.errors import DataError
from soderort.i18n import format_time, t
from soderort.loading import PlanData
from soderort.memo import per_plan
from ui.view import current_language

VALIDATE_COMMAND = "python -m soderort validate"
# For data read from another folder: the variable, not its value, so that the page does not show
# the server's paths, and the command checks the folder the app read (not geodata/).
VALIDATE_ENV_COMMAND = f'{VALIDATE_COMMAND} "${paths.DATA_DIR_ENV}"'
# A broken GeoJSON file can have a problem per feature; the page lists this many and counts the
# rest (the validate command lists them all).
MAX_PROBLEMS_SHOWN = 30
# The refused version's notice names this many of its problems (the health route lists more).
MAX_PROBLEMS_NOTICED = 3

PlanKey = tuple[str, tuple[tuple[str, str | None], ...]]
F = TypeVar("F", bound=Callable[..., Any])


def plan_key(data: PlanData) -> PlanKey:
    """Say which loaded plan this is: its folder and its files' contents.

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
    """Return the published plan; when there is none, show what is wrong and stop the run.

    When the last good plan serves in place of a newer version (being written, or refused),
    a notice says so if `notify` is set (the frame sets it, so that it is shown once per run).
    """
    directory = Path(data_dir) if data_dir is not None else paths.app_data_dir()
    from_env = data_dir is None and directory != paths.GEODATA_DIR
    publication = published.current(directory)
    if publication.data is None:
        refused = publication.refused
        problems = list(refused.problems) if refused is not None else []
        _stop_with_data_error(DataError(problems), from_env)
    if notify:
        _notice(publication, current_language())
    return publication.data


def _notice(publication: published.Publication, language: str) -> None:
    data = publication.data
    count = len(data.initiatives) if data is not None else 0
    if publication.changing:
        names = ", ".join(f"**{inert.markdown(name)}**" for name in publication.changing)
        text = t("data.changing", language, files=names, count=count)
        st.warning(text, icon=":material/sync:")
    elif publication.refused is not None:
        refused = publication.refused
        names = ", ".join(f"**{inert.markdown(name)}**" for name in refused.files)
        shown = refused.problems[:MAX_PROBLEMS_NOTICED]
        lines = [
            t(
                "data.refused",
                language,
                files=names,
                since=format_time(refused.since, language),
                count=count,
            ),
            "",
            *(f"- {inert.markdown(str(problem))}" for problem in shown),
        ]
        hidden = len(refused.problems) - len(shown)
        if hidden:
            lines.append(f"- {t('data_error.more', language, count=hidden)}")
        st.warning("\n".join(lines), icon=":material/history:")


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
