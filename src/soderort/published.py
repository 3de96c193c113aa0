"""The current published plan: the one owner that the dashboard and the app's routes ask.

A data folder's version is its files' contents (sha256), not their modification times: a deploy
tool that keeps file times would otherwise go unnoticed. The contents are hashed again when a
file's status changes and at least every `RECHECK_SECONDS`. A new version is loaded once for the
process; if it is broken, or does not match the manifest the publishing step wrote
(`soderort.publishing`), the last good plan keeps serving and `Publication.refused` says why and
since when (shown as a notice on every page and by the health route). While a file is being
written (changed less than `SETTLE_SECONDS` ago, or changing while it is read) the last good
plan serves too, with `Publication.changing` naming the files.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from soderort import datafiles, paths, publishing
from soderort.errors import DataError, Problem
from soderort.filters import prepare_search
from soderort.loading import PlanData, load_plan_data
from soderort.memo import per_plan

# The files load_plan_data reads; a change to any of them is a new version of the plan.
DATA_FILES: tuple[str, ...] = paths.DATA_FILE_NAMES
# A data file changed less than this long ago may still be being written in place.
SETTLE_SECONDS = 2.0
# The contents are hashed again at least this often, even when no file's status changed.
RECHECK_SECONDS = 5.0

# Each file's name and the sha256 of its content (None when it is missing).
Fingerprint = tuple[tuple[str, str | None], ...]


@dataclass(frozen=True)
class Refusal:
    """A newer version of the data that could not be used: why, and since when."""

    fingerprint: Fingerprint
    since: dt.datetime
    problems: tuple[Problem, ...]

    @property
    def files(self) -> list[str]:
        """The files named by the problems, in order."""
        return list(dict.fromkeys(problem.file for problem in self.problems))


@dataclass(frozen=True)
class Publication:
    """What the app serves from one data folder, and what it could not take."""

    data: PlanData | None
    fingerprint: Fingerprint | None
    loaded_at: dt.datetime | None
    refused: Refusal | None = None
    changing: tuple[str, ...] = ()

    @property
    def status(self) -> str:
        """Say "ok", "degraded" (the last good plan serves, a newer one refused) or "error"."""
        if self.data is None:
            return "error"
        return "degraded" if self.refused is not None else "ok"


@dataclass
class _Folder:
    lock: threading.Lock = field(default_factory=threading.Lock)
    stats: tuple[object, ...] | None = None
    hashed_at: float = 0.0
    fingerprint: Fingerprint | None = None
    publication: Publication | None = None


_FOLDERS: dict[str, _Folder] = {}
_GUARD = threading.Lock()


def _stats(directory: Path) -> tuple[object, ...]:
    names = (*DATA_FILES, publishing.MANIFEST_FILE)
    return tuple(datafiles.file_version(directory / name) for name in names)


def fingerprint(directory: Path) -> Fingerprint:
    """Return each data file's name and the sha256 of its content (None when missing)."""
    found = []
    for name in DATA_FILES:
        try:
            digest = publishing.sha256_of(directory / name)
        except OSError:
            digest = None
        found.append((name, digest))
    return tuple(found)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def current(directory: Path | None = None) -> Publication:
    """Return the published plan of a data folder, loading a new version when there is one.

    Parameters
    ----------
    directory : Path, optional
        The data folder; the app's (`paths.app_data_dir`) when None.

    Returns
    -------
    Publication
        The plan to serve (None only when no version of the folder was ever good; then
        `refused` says why) and what was refused or is being written.
    """
    directory = Path(directory) if directory is not None else paths.app_data_dir()
    with _GUARD:
        folder = _FOLDERS.setdefault(str(directory), _Folder())
    with folder.lock:
        stats = _stats(directory)
        clock = time.monotonic()
        if (
            folder.publication is not None
            and stats == folder.stats
            and clock - folder.hashed_at < RECHECK_SECONDS
        ):
            return folder.publication
        prints = fingerprint(directory)
        folder.stats, folder.hashed_at = stats, clock
        if folder.publication is not None and prints == folder.fingerprint:
            return folder.publication
        folder.publication = _next(directory, folder.publication, prints)
        # A version being written is looked at again on the next call, not kept as seen.
        folder.fingerprint = None if folder.publication.changing else prints
        return folder.publication


def _next(directory: Path, last: Publication | None, prints: Fingerprint) -> Publication:
    good = last if last is not None and last.data is not None else None
    if good is not None:
        files = [directory / name for name in (*DATA_FILES, publishing.MANIFEST_FILE)]
        changing = datafiles.recently_changed(files, SETTLE_SECONDS)
        if changing:
            return Publication(
                good.data, good.fingerprint, good.loaded_at, good.refused, tuple(changing)
            )
    try:
        publishing.check_manifest(directory, dict(prints))
        data = load_plan_data(directory)
    except datafiles.FileChangedError as err:
        if good is not None:
            return Publication(
                good.data, good.fingerprint, good.loaded_at, good.refused, tuple(err.files)
            )
        return _refused(None, prints, err)
    except DataError as err:
        return _refused(good, prints, err)
    prepare_search(data)
    # Where the plan came from, kept beside it: the key of every cache derived from it.
    per_plan(data, "origin", lambda: (str(directory), prints))
    return Publication(data, prints, _now())


def _refused(good: Publication | None, prints: Fingerprint, err: DataError) -> Publication:
    earlier = good.refused if good is not None else None
    # The same broken version keeps the time it was first refused.
    since = earlier.since if earlier is not None and earlier.fingerprint == prints else _now()
    refusal = Refusal(prints, since, tuple(err.problems))
    if good is None:
        return Publication(None, None, None, refusal)
    return Publication(good.data, good.fingerprint, good.loaded_at, refusal)


def health(directory: Path | None = None) -> dict[str, object]:
    """Say, as plain values for JSON, what the app serves and what it refused (for monitoring)."""
    publication = current(directory)
    report: dict[str, object] = {"status": publication.status}
    if publication.data is not None and publication.loaded_at is not None:
        report["plan"] = {
            "initiatives": len(publication.data.initiatives),
            "loaded_at": publication.loaded_at.isoformat(timespec="seconds"),
            "files": dict(publication.fingerprint or ()),
        }
    if publication.refused is not None:
        report["refused"] = {
            "since": publication.refused.since.isoformat(timespec="seconds"),
            "files": publication.refused.files,
            "problems": [str(problem) for problem in publication.refused.problems[:30]],
            "problem_count": len(publication.refused.problems),
        }
    if publication.changing:
        report["changing"] = list(publication.changing)
    return report
