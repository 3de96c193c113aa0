"""The map's browser scripts (static/js/): linted and formatted by Biome, each one called."""

from __future__ import annotations

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
    behaviours = {
        cls.file: cls.function for cls in _subclasses(map_scripts.Behaviour) if "file" in vars(cls)
    }
    assert set(behaviours) == set(map_scripts.SCRIPT_FILES)
    for name, function in behaviours.items():
        text = map_scripts.script_text(name)
        assert re.findall(r"^window\.soderort\.(\w+) =", text, re.MULTILINE) == [function]


def _subclasses(cls: type) -> list[type]:
    # The elements live in several layers: import them all, then walk the tree.
    import soderort.map_view  # noqa: F401
    import ui.maps  # noqa: F401

    found = []
    for sub in cls.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found
