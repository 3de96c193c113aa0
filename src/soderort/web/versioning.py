"""The data's version, and the HTTP caching headers that follow from it.

A response under ``/data/`` is fully determined by the data files, the request's address and
the code that writes it. The version is a hash of each data file's name, size and modification
time (and `FORMAT_REVISION`): it is the ETag, and the newest file's time is Last-Modified, so
that a client or proxy revalidates with a 304 and every replica reading the same files gives the
same validators without sharing any state.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path

from soderort import paths

# Raised when a writer's output changes for the same data, so that caches drop the old answers.
FORMAT_REVISION = "1"
# Clients may reuse an answer for five minutes, then ask again with its ETag (a cheap 304 while
# the data is the same); an edited file reaches every reader within that time.
CACHE_CONTROL = "public, max-age=300, must-revalidate"


@dataclass(frozen=True)
class DataVersion:
    """Which version of the data files an answer comes from.

    Attributes
    ----------
    tag : str
        A hash of the files' names, sizes and times; the ETag's value.
    modified : datetime.datetime
        The newest file's modification time (UTC, whole seconds); Last-Modified.
    """

    tag: str
    modified: dt.datetime

    @property
    def etag(self) -> str:
        """The ETag header's value: the tag, quoted."""
        return f'"{self.tag}"'


def data_version(data_dir: Path) -> DataVersion:
    """Read the version of the data files in a folder from their names, sizes and times.

    Parameters
    ----------
    data_dir : Path
        The folder the plan is read from.

    Returns
    -------
    DataVersion
        A missing file counts as its own state (the optional follow-up file may be absent).
    """
    digest = hashlib.sha256(FORMAT_REVISION.encode())
    newest = 0
    for name in paths.DATA_FILE_NAMES:
        try:
            stat = (data_dir / name).stat()
        except OSError:
            digest.update(f"{name}:missing;".encode())
            continue
        digest.update(f"{name}:{stat.st_size}:{stat.st_mtime_ns};".encode())
        newest = max(newest, stat.st_mtime_ns)
    modified = dt.datetime.fromtimestamp(newest // 1_000_000_000, tz=dt.UTC)
    return DataVersion(digest.hexdigest()[:32], modified)


def cache_headers(version: DataVersion) -> dict[str, str]:
    """Return the ETag, Last-Modified and Cache-Control headers of an answer of this version."""
    return {
        "ETag": version.etag,
        "Last-Modified": format_datetime(version.modified, usegmt=True),
        "Cache-Control": CACHE_CONTROL,
    }


def _etags(header: str) -> list[str]:
    # Weak comparison (RFC 9110, 13.1.2): a proxy that compresses an answer marks its ETag weak.
    return [tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()]


def not_modified(headers: Mapping[str, str], version: DataVersion) -> bool:
    """Say whether a conditional request already holds this version (answer it with a 304).

    Parameters
    ----------
    headers : Mapping of str to str
        The request's headers (case-insensitive keys, as Starlette's).
    version : DataVersion
        The version the answer would come from.

    Returns
    -------
    bool
        If-None-Match decides when it is present (``*`` or a matching tag); otherwise
        If-Modified-Since, when it is a date no earlier than Last-Modified.
    """
    if_none_match = headers.get("if-none-match")
    if if_none_match is not None:
        tags = _etags(if_none_match)
        return "*" in tags or version.etag in tags
    if_modified_since = headers.get("if-modified-since")
    if not if_modified_since:
        return False
    try:
        since = parsedate_to_datetime(if_modified_since)
    except (TypeError, ValueError):
        return False
    if since.tzinfo is None:
        since = since.replace(tzinfo=dt.UTC)
    return version.modified <= since
