"""Publishing a checked data folder, and the manifest that says what was published.

`python -m soderort publish EDITED [--to DATA_DIR]` checks the edited folder as `validate` does,
copies each data file into the served folder atomically (a new file beside it, then a rename),
and last writes `MANIFEST_FILE`: each published file's size and sha256. The app compares the
served files with it, so a file that is valid but not what was published (cut at a record
boundary, half copied, an older copy put back) is refused and the last good plan keeps serving.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from soderort.errors import DataError, Problem
from soderort.validate import validate_path

MANIFEST_FILE = "published.json"
_CHUNK = 1 << 20


def sha256_of(path: Path) -> str:
    """Return the sha256 of a file's content, in hex (OSError when it cannot be read)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def check_manifest(directory: Path, digests: dict[str, str | None]) -> None:
    """Refuse served files that differ from the folder's manifest (none: nothing to compare).

    Parameters
    ----------
    directory : Path
        The served data folder.
    digests : dict
        Each data file's name and the sha256 of its content as it is now (None: missing).

    Raises
    ------
    DataError
        Naming each file whose content is not the published one, and the sizes.
    """
    path = directory / MANIFEST_FILE
    if not path.is_file():
        return
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        files = manifest["files"]
        listed = {name: (int(e["bytes"]), str(e["sha256"])) for name, e in files.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        raise DataError(
            [Problem(MANIFEST_FILE, "manifestet går inte att läsa; publicera mappen igen")]
        ) from None
    problems = []
    for name, (size, digest) in listed.items():
        if name not in digests or digests[name] == digest:
            continue
        try:
            actual = f"{(directory / name).stat().st_size:,} byte".replace(",", "\u00a0")
        except OSError:
            actual = "ingen fil"
        published = f"{size:,} byte".replace(",", "\u00a0")
        problems.append(
            Problem(
                name,
                f"filen är inte den som publicerades ({actual}, enligt {MANIFEST_FILE} "
                f"{published} med en annan sha256); den kan vara avklippt eller halvt kopierad. "
                "Publicera med python -m soderort publish (se README)",
            )
        )
    if problems:
        raise DataError(problems)


def publish(edited: Path, served: Path, names: tuple[str, ...]) -> list[str]:
    """Check `edited`, copy its data files into `served` atomically, then write the manifest.

    Returns
    -------
    list of str
        The names of the files published.

    Raises
    ------
    DataError
        When the edited folder does not validate; nothing is copied then.
    """
    validate_path(edited)
    served.mkdir(parents=True, exist_ok=True)
    entries = {}
    published = []
    for name in names:
        source = edited / name
        if not source.is_file():
            continue
        _replace(served / name, lambda target, source=source: shutil.copyfile(source, target))
        entries[name] = {"bytes": source.stat().st_size, "sha256": sha256_of(served / name)}
        published.append(name)
    text = json.dumps({"files": entries}, indent=2, sort_keys=True) + "\n"
    _replace(served / MANIFEST_FILE, lambda target: target.write_text(text, encoding="utf-8"))
    return published


def _replace(path: Path, write: Callable[[Path], object]) -> None:
    # A reader sees the old file or the new one, never a mix: a rename within one folder.
    temporary = path.with_name(f".{path.name}.new")
    write(temporary)
    os.replace(temporary, path)
