"""What a data file may cost, and one verdict per version of a file.

A data file is checked cheaply before it is parsed in full: a YAML file is streamed as parser
events and refused at the first limit it passes (nodes, items in one list or mapping, nesting,
seconds), a JSON file by an upper bound of its values counted in one pass. A file's verdict
(what its loader returned, or the problems it found) is kept for that version of the file (path,
size, modification time and inode), so a broken file is parsed once, not once per run of every
session. A file that changes while it is read is refused as `FileChangedError` and its verdict is
not kept: it is probably still being written.
"""

from __future__ import annotations

import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml

from soderort.errors import DataError, Problem

T = TypeVar("T")

# A plan of 10,000 initiatives has about 750,000 YAML nodes (the shipped 19 have 1,439).
MAX_YAML_NODES = 2_000_000
# The longest list of a plan is its initiatives; nothing else holds more than a few dozen items.
MAX_COLLECTION_ITEMS = 20_000
# The plan nests six levels deep; deeper is a sign of a generated or hostile file.
MAX_DEPTH = 40
# The events of the largest file allowed (20 MB) stream in about 3 s on a slow machine.
MAX_SCAN_SECONDS = 10.0
# The shipped GeoJSON holds about 30,000 values; a detailed city map a few hundred thousand.
MAX_JSON_VALUES = 2_000_000
# Files whose verdicts are kept (one version each); a data folder has seven.
MAX_VERDICTS = 64
# How many events pass between two looks at the clock.
_CLOCK_EVERY = 10_000
_NODE_EVENTS = (yaml.ScalarEvent, yaml.AliasEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)
_YAML_PARSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

CHANGED_MESSAGE = (
    "filen ändrades medan den lästes (storlek eller ändringstid var inte densamma före och "
    "efter); den skrivs troligen fortfarande. Publicera en ändring genom att skriva en ny fil "
    "bredvid och byta namn på den med mv (se README)"
)


class FileChangedError(DataError):
    """A data file changed while it was read: its content may be half written."""


def _refuse(name: str, message: str) -> DataError:
    return DataError([Problem(name, message)])


def check_yaml_cost(text: str, name: str, *, max_seconds: float = MAX_SCAN_SECONDS) -> None:
    """Refuse YAML text whose parse would cost too much, before it is parsed in full.

    Parameters
    ----------
    text : str
        The file's text.
    name : str
        The file's name, for the message.
    max_seconds : float
        How long the scan may take.

    Raises
    ------
    DataError
        Naming the limit passed: `MAX_YAML_NODES`, `MAX_COLLECTION_ITEMS`, `MAX_DEPTH` or
        `max_seconds`.
    yaml.YAMLError
        On a syntax error (the caller reports it with its line).
    """
    deadline = time.monotonic() + max_seconds
    nodes = 0
    items: list[int] = []  # per open list or mapping: the nodes directly inside it
    loader = _YAML_PARSER(text)
    try:
        while (event := loader.get_event()) is not None:
            if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                items.pop()
                continue
            if not isinstance(event, _NODE_EVENTS):
                continue
            nodes += 1
            if items:
                items[-1] += 1
                # A mapping's entries are two nodes each.
                if items[-1] > 2 * MAX_COLLECTION_ITEMS:
                    raise _refuse(
                        name,
                        f"en lista eller mappning har fler än {MAX_COLLECTION_ITEMS:,} poster "
                        f"(rad {event.start_mark.line + 1}); gränsen är {MAX_COLLECTION_ITEMS:,}",
                    )
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                items.append(0)
                if len(items) > MAX_DEPTH:
                    raise _refuse(
                        name,
                        f"filen är nästlad i mer än {MAX_DEPTH} nivåer "
                        f"(rad {event.start_mark.line + 1}); gränsen är {MAX_DEPTH}",
                    )
            if nodes > MAX_YAML_NODES:
                limit = f"{MAX_YAML_NODES:,}"
                raise _refuse(name, f"filen har fler än {limit} värden; gränsen är {limit}")
            if nodes % _CLOCK_EVERY == 0 and time.monotonic() > deadline:
                raise _refuse(
                    name, f"filen tar längre än {max_seconds:g} sekunder att läsa; det är gränsen"
                )
    finally:
        loader.dispose()


def check_json_cost(text: str, name: str) -> None:
    """Refuse JSON text with more values than `MAX_JSON_VALUES`, before it is parsed.

    Every value after the first follows a comma or opens a list or object, so counting those
    characters (also inside strings, which only overcounts) bounds the values in one fast pass.

    Raises
    ------
    DataError
        Naming the limit.
    """
    bound = text.count(",") + text.count("[") + text.count("{") + 1
    if bound > MAX_JSON_VALUES:
        raise _refuse(
            name, f"filen har fler än {MAX_JSON_VALUES:,} värden; gränsen är {MAX_JSON_VALUES:,}"
        )


@dataclass(frozen=True)
class FileVersion:
    """One version of a file, as the file system describes it."""

    size: int
    mtime_ns: int
    inode: int

    @classmethod
    def of(cls, stat: os.stat_result) -> FileVersion:
        """Return the version a stat result describes."""
        return cls(stat.st_size, stat.st_mtime_ns, stat.st_ino)


def file_version(path: Path) -> FileVersion | None:
    """Return the file's current version, or None when it cannot be seen."""
    try:
        return FileVersion.of(path.stat())
    except OSError:
        return None


def changed_error(name: str) -> FileChangedError:
    """Return the error for a file that changed while it was read."""
    return FileChangedError([Problem(name, CHANGED_MESSAGE)])


@dataclass(frozen=True)
class _Verdict:
    version: FileVersion
    value: Any
    problems: tuple[Problem, ...]


_VERDICTS: OrderedDict[tuple[str, str], _Verdict] = OrderedDict()
_LOCKS: dict[tuple[str, str], threading.Lock] = {}
_GUARD = threading.Lock()


def load_once(loader: Callable[[Path], T], path: Path) -> T:
    """Run `loader` on `path` once per version of the file, and give its verdict again after.

    Parameters
    ----------
    loader : callable
        Reads and validates one file (e.g. `soderort.plan_files.load_action_plan`). Its value is
        shared by every caller and must not be changed.
    path : Path
        The file.

    Returns
    -------
    object
        What the loader returned for this version of the file.

    Raises
    ------
    DataError
        The problems the loader found for this version (kept, so the file is not parsed again).
    FileChangedError
        When the file's version differs after the loader ran; nothing is kept.
    """
    key = (f"{loader.__module__}.{loader.__qualname__}", os.path.abspath(path))
    with _GUARD:
        lock = _LOCKS.setdefault(key, threading.Lock())
    # Callers of the same file wait for the first one's verdict instead of parsing it too.
    with lock:
        before = file_version(path)
        if before is None:
            return loader(path)  # a missing file: the loader says so, cheaply
        with _GUARD:
            kept = _VERDICTS.get(key)
            if kept is not None and kept.version == before:
                _VERDICTS.move_to_end(key)
        if kept is None or kept.version != before:
            try:
                kept = _Verdict(before, loader(path), ())
            except FileChangedError:
                raise
            except DataError as err:
                kept = _Verdict(before, None, tuple(err.problems))
            if file_version(path) != before:
                raise changed_error(path.name)
            with _GUARD:
                _VERDICTS[key] = kept
                _VERDICTS.move_to_end(key)
                while len(_VERDICTS) > MAX_VERDICTS:
                    _LOCKS.pop(_VERDICTS.popitem(last=False)[0], None)
    if kept.problems:
        # A new error each time: raising one object again would grow its traceback.
        raise DataError(list(kept.problems))
    return kept.value


def recently_changed(paths: list[Path], seconds: float, now_ns: int | None = None) -> list[str]:
    """Name the files modified less than `seconds` ago: they may still be being written.

    Parameters
    ----------
    paths : list of Path
        The files to look at; missing ones are left out.
    seconds : float
        How recent a change counts.
    now_ns : int, optional
        The current time in nanoseconds since the epoch; the clock's when None.

    Returns
    -------
    list of str
        The names of the recently changed files, in the order given.
    """
    now = time.time_ns() if now_ns is None else now_ns
    names = []
    for path in paths:
        version = file_version(path)
        if version is not None and now - version.mtime_ns < seconds * 1e9:
            names.append(path.name)
    return names
