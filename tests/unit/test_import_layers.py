"""The import graph runs one way: plain data, then the renderers, then Streamlit's side, then pages.

A module may import from its own layer and the layers below it, never from one above; nothing
under src/ imports Streamlit. Read from the source with `ast`, so a new module is checked as soon
as it exists.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from soderort import paths

ROOT = paths.PROJECT_ROOT
SRC = ROOT / "src"

# Each layer is a folder (a module belongs to the deepest one named here): the live maps and
# the presentation's slides (soderort.livemap), the downloads' files and route
# (soderort.downloads) and the open data's and light map's routes (soderort.web) draw on the
# renderers' map positions, controls, PDFs and sheets, and sit below Streamlit's side.
LAYERS = ("soderort", "soderort.render", "soderort above render", "ui", "pages")
ABOVE_RENDER = ("soderort.livemap", "soderort.downloads", "soderort.web")
STREAMLIT = ("streamlit", "streamlit_folium")


def _module_name(path: Path) -> str:
    base = SRC if path.is_relative_to(SRC) else ROOT
    parts = list(path.relative_to(base).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    files = [*SRC.rglob("*.py"), *(ROOT / "ui").rglob("*.py"), *(ROOT / "pages").glob("*.py")]
    modules = {_module_name(path): path for path in files}
    modules["app"] = ROOT / "app.py"
    return modules


MODULES = _modules()


def _layer(module: str) -> int:
    if any(module == name or module.startswith(name + ".") for name in ABOVE_RENDER):
        return LAYERS.index("soderort above render")
    if module == "app" or module.startswith("pages"):
        return LAYERS.index("pages")
    for name in ("ui", "soderort.render", "soderort"):
        if module == name or module.startswith(name + "."):
            return LAYERS.index(name)
    raise AssertionError(f"{module} belongs to no layer")


def _nodes(tree: ast.AST, at_run_time: bool) -> list[ast.AST]:
    """Every node of a tree, without the blocks under `if TYPE_CHECKING:` when `at_run_time`."""
    nodes = []
    pending = [tree]
    while pending:
        node = pending.pop()
        nodes.append(node)
        if at_run_time and isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            pending.extend(node.orelse)
            continue
        pending.extend(ast.iter_child_nodes(node))
    return nodes


def _imports(path: Path, at_run_time: bool = False) -> set[str]:
    """Every module a file imports, `from package import submodule` counted as the submodule."""
    found: set[str] = set()
    for node in _nodes(ast.parse(path.read_text(encoding="utf-8")), at_run_time):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = {f"{node.module}.{alias.name}" for alias in node.names}
            submodules = names & MODULES.keys()
            found.update(submodules)
            if names - submodules:
                found.add(node.module)
    return found


def _project_imports(module: str, at_run_time: bool = False) -> set[str]:
    imported = _imports(MODULES[module], at_run_time)
    return {name for name in imported if name in MODULES and name != module}


def test_every_layer_has_modules() -> None:
    layers = {_layer(module) for module in MODULES}
    assert layers == set(range(len(LAYERS)))


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_imports_from_a_layer_above_it(module: str) -> None:
    upward = sorted(name for name in _project_imports(module) if _layer(name) > _layer(module))
    assert not upward, f"{module} ({LAYERS[_layer(module)]}) imports {upward} from above"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.startswith("soderort")))
def test_nothing_under_src_imports_streamlit(module: str) -> None:
    streamlit = sorted(
        name for name in _imports(MODULES[module]) if name.split(".")[0] in STREAMLIT
    )
    assert not streamlit, f"{module} imports {streamlit}"


def test_the_renderers_are_a_subpackage_of_their_own() -> None:
    render = [module for module in MODULES if module.startswith("soderort.render.")]
    assert {"soderort.render.map_layers", "soderort.render.report_pdf"} <= set(render)
    for module in render:
        assert _layer(module) == LAYERS.index("soderort.render")


def test_no_module_imports_itself_round_a_cycle() -> None:
    graph = {module: _project_imports(module, at_run_time=True) for module in MODULES}
    state: dict[str, str] = {}

    def visit(module: str, trail: list[str]) -> None:
        state[module] = "open"
        for name in sorted(graph[module]):
            if state.get(name) == "open":
                cycle = [*trail[trail.index(name) :], name] if name in trail else [module, name]
                raise AssertionError(" -> ".join(cycle))
            if name not in state:
                visit(name, [*trail, name])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])


def _streamlit_calls(module: str, names: set[str]) -> set[str]:
    """Which of `names` (``st.<name>``) a module uses."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    return {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr in names
        and isinstance(node.value, ast.Name)
        and node.value.id == "st"
    }


def test_one_module_reads_and_writes_the_address() -> None:
    # The page's address is the view's: read once per run and written by `ui.view` alone.
    address = {"query_params", "switch_page"}
    using = sorted(module for module in MODULES if _streamlit_calls(module, address))
    assert using == ["ui.view"]
