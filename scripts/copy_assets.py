"""Copy the pinned front-end packages from node_modules/ into static/vendor/.

Run after ``npm ci`` (``bash scripts/setup`` does both). The result is a
self-contained folder that Streamlit serves at ``/app/static/vendor/...``::

    static/vendor/
        MANIFEST.json
        leaflet/leaflet.js, leaflet.css, images/*.png, LICENSE
        leaflet.fullscreen/Control.FullScreen.js, .css, icon-fullscreen.svg, LICENSE

``MANIFEST.json`` lists every copied file with its sha256 and the version of
the npm package it came from. The folder is rebuilt from scratch on every run,
so the output depends only on node_modules/ (no timestamps): running the
script twice gives identical files.

Only the standard library is used, so this works before the virtualenv exists.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = PROJECT_ROOT / "node_modules"
LOCK_FILE = PROJECT_ROOT / "package-lock.json"
VENDOR_DIR = PROJECT_ROOT / "static" / "vendor"
MANIFEST_NAME = "MANIFEST.json"

# url(...) references inside a CSS file; data: URIs and fragments (e.g. IE's
# "#default#VML" behaviour) are not files and are skipped.
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")


class AssetError(Exception):
    """A problem that should stop the copy with a plain message."""


@dataclass(frozen=True)
class PackageSpec:
    """Which files of one npm package to vendor.

    Attributes
    ----------
    name : str
        The npm package name, also the folder name under static/vendor/.
    source_dir : str
        Folder inside the package that holds the distributable files.
    files : tuple of str
        Files (relative to `source_dir`) to copy. Files referenced with
        ``url(...)`` from copied CSS files are added automatically.
    dirs : tuple of str
        Folders (relative to `source_dir`) whose files are all copied.
    extra_files : tuple of str
        Files relative to the package root (e.g. LICENSE), copied flat.
    """

    name: str
    source_dir: str
    files: tuple[str, ...]
    dirs: tuple[str, ...] = ()
    extra_files: tuple[str, ...] = ("LICENSE",)


PACKAGES: tuple[PackageSpec, ...] = (
    PackageSpec(
        name="leaflet",
        source_dir="dist",
        files=("leaflet.js", "leaflet.css"),
        # leaflet.css points at images/ relative to itself, and leaflet.js
        # finds marker-icon*.png / marker-shadow.png through the CSS path.
        dirs=("images",),
    ),
    PackageSpec(
        name="leaflet.fullscreen",
        source_dir=".",
        files=("Control.FullScreen.js", "Control.FullScreen.css"),
    ),
)


def sha256_of(path: Path) -> str:
    """Return the hex sha256 digest of a file.

    Parameters
    ----------
    path : Path
        The file to hash.

    Returns
    -------
    str
        Lower-case hexadecimal digest.
    """
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def css_references(css_text: str) -> list[str]:
    """List the relative file references in a style sheet.

    Parameters
    ----------
    css_text : str
        The style sheet's text.

    Returns
    -------
    list of str
        Each distinct ``url(...)`` target that is a relative file path, in
        order of first appearance (query strings and fragments removed).
    """
    found: list[str] = []
    for match in _CSS_URL.finditer(css_text):
        target = match.group(2).strip()
        if target.startswith(("#", "data:", "/")) or "://" in target:
            continue
        target = re.split(r"[?#]", target, maxsplit=1)[0]
        if target and target not in found:
            found.append(target)
    return found


def locked_versions() -> dict[str, str]:
    """Read the package versions pinned in package-lock.json.

    Returns
    -------
    dict of str to str
        Package name to locked version.

    Raises
    ------
    AssetError
        If the lock file is missing or unreadable.
    """
    try:
        lock = json.loads(LOCK_FILE.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise AssetError(f"{LOCK_FILE.name} is missing in {PROJECT_ROOT}.") from exc
    except json.JSONDecodeError as exc:
        raise AssetError(f"{LOCK_FILE.name} is not valid JSON: {exc}") from exc
    versions: dict[str, str] = {}
    for key, entry in lock.get("packages", {}).items():
        if key.startswith("node_modules/") and "version" in entry:
            versions[key.removeprefix("node_modules/")] = entry["version"]
    return versions


def installed_version(package_dir: Path) -> str:
    """Read the version of an installed npm package.

    Parameters
    ----------
    package_dir : Path
        The package's folder in node_modules/.

    Returns
    -------
    str
        The ``version`` field of its package.json.

    Raises
    ------
    AssetError
        If the package is not installed.
    """
    manifest = package_dir / "package.json"
    if not manifest.is_file():
        raise AssetError(
            f"{package_dir.relative_to(PROJECT_ROOT)} is not installed; "
            "run `npm ci` (or `bash scripts/setup`)."
        )
    return json.loads(manifest.read_text(encoding="utf-8"))["version"]


def plan_package(spec: PackageSpec) -> list[tuple[Path, str]]:
    """Work out which files of one package to copy and where.

    Parameters
    ----------
    spec : PackageSpec
        The package to vendor.

    Returns
    -------
    list of (Path, str)
        Pairs of source file and destination path relative to static/vendor/
        (POSIX style, e.g. ``"leaflet/images/layers.png"``).

    Raises
    ------
    AssetError
        If a listed file, or a file referenced from a copied style sheet, is
        missing from the package.
    """
    package_dir = NODE_MODULES / spec.name
    source_dir = (package_dir / spec.source_dir).resolve()
    wanted: list[str] = list(spec.files)
    for folder in spec.dirs:
        folder_path = source_dir / folder
        if not folder_path.is_dir():
            raise AssetError(f"{spec.name}: folder {folder!r} not found in the package.")
        wanted.extend(
            path.relative_to(source_dir).as_posix()
            for path in sorted(folder_path.rglob("*"))
            if path.is_file()
        )
    for name in list(wanted):
        if name.endswith(".css") and (source_dir / name).is_file():
            css_dir = Path(name).parent
            css_text = (source_dir / name).read_text(encoding="utf-8")
            for ref in css_references(css_text):
                rel = (css_dir / ref).as_posix()
                if rel not in wanted:
                    wanted.append(rel)

    plan: list[tuple[Path, str]] = []
    for rel in wanted:
        source = (source_dir / rel).resolve()
        if not source.is_relative_to(source_dir) or not source.is_file():
            raise AssetError(f"{spec.name}: expected file {rel!r} is missing from the package.")
        plan.append((source, f"{spec.name}/{rel}"))
    for extra in spec.extra_files:
        source = package_dir / extra
        if source.is_file():
            plan.append((source, f"{spec.name}/{extra}"))
    return plan


def build(destination: Path) -> dict[str, Any]:
    """Copy every vendored file into `destination` and write the manifest.

    Parameters
    ----------
    destination : Path
        An empty folder that becomes the new static/vendor/.

    Returns
    -------
    dict
        The manifest that was written.

    Raises
    ------
    AssetError
        If node_modules/ does not match package-lock.json or a file is missing.
    """
    locked = locked_versions()
    packages: dict[str, str] = {}
    files: list[dict[str, str]] = []
    for spec in PACKAGES:
        version = installed_version(NODE_MODULES / spec.name)
        if spec.name not in locked:
            raise AssetError(f"{spec.name} is not in {LOCK_FILE.name}; add it to package.json.")
        if locked[spec.name] != version:
            raise AssetError(
                f"node_modules/{spec.name} is {version} but {LOCK_FILE.name} pins "
                f"{locked[spec.name]}; run `npm ci`."
            )
        packages[spec.name] = version
        for source, rel in plan_package(spec):
            target = destination / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            files.append(
                {"path": rel, "package": spec.name, "version": version, "sha256": sha256_of(target)}
            )
    files.sort(key=lambda entry: entry["path"])
    manifest: dict[str, Any] = {
        "generated_by": "scripts/copy_assets.py",
        "packages": packages,
        "files": files,
    }
    (destination / MANIFEST_NAME).write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return manifest


def replace_dir(new: Path, old: Path) -> None:
    """Put the freshly built folder `new` in place of `old`.

    Parameters
    ----------
    new : Path
        The finished folder.
    old : Path
        The folder to replace; it may not exist yet.
    """
    if old.exists():
        retired = old.with_name(f".{old.name}.old")
        shutil.rmtree(retired, ignore_errors=True)
        old.rename(retired)
        new.rename(old)
        shutil.rmtree(retired, ignore_errors=True)
    else:
        new.rename(old)


def main() -> int:
    """Vendor the front-end assets.

    Returns
    -------
    int
        The process exit status.
    """
    if not NODE_MODULES.is_dir():
        print(
            f"copy_assets: {NODE_MODULES} not found. Run `npm ci` first "
            "(or `bash scripts/setup`, which does both).",
            file=sys.stderr,
        )
        return 1
    VENDOR_DIR.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".vendor-", dir=VENDOR_DIR.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; the web server must read it
    try:
        manifest = build(staging)
        replace_dir(staging, VENDOR_DIR)
    except AssetError as exc:
        print(f"copy_assets: {exc}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    versions = ", ".join(f"{name}@{ver}" for name, ver in manifest["packages"].items())
    print(
        f"copy_assets: {len(manifest['files'])} files from {versions} "
        f"-> {VENDOR_DIR.relative_to(PROJECT_ROOT)}/"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
