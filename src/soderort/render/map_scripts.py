"""The live maps' browser behaviours: one script file each in ``static/js/``, called from the map.

Each behaviour is a function in ``static/js/<name>.js`` (on ``window.soderort``), loaded by
the map as a ``<script src>`` file the browser keeps (the app's static files, their address
carrying the file's hash), and called by one line of the map's script with the element it acts
on and its options as JSON (`soderort.inert.script_json`). streamlit-folium loads every
element's ``default_js`` in the map's frame; a rendered page (the light map) gets the same
files as links in its head; the standalone HTML file inlines them (`map_file`).
"""

from __future__ import annotations

import functools
import hashlib
import posixpath
from typing import Any, ClassVar

from folium.elements import JSCSSMixin
from folium.template import Template

from soderort import assets, inert, paths
from soderort.render.map_elements import RenderOnce

SCRIPTS_DIR = paths.STATIC_DIR / "js"
# Every behaviour's file, for the page to fetch ahead of the map's frame.
SCRIPT_FILES = tuple(sorted(path.name for path in SCRIPTS_DIR.glob("*.js")))


@functools.cache
def _digest(name: str) -> str:
    # The files do not change while the app runs; a new version is a new address.
    return hashlib.sha256((SCRIPTS_DIR / name).read_bytes()).hexdigest()[:12]


def script_url(name: str) -> str:
    """Return the address of ``static/js/<name>``, beside the vendored files, with its hash."""
    static = posixpath.dirname(assets.vendor_base_url())
    return f"{static}/js/{name}?v={_digest(name)}"


def script_text(name: str) -> str:
    """Return the text of ``static/js/<name>`` (for the standalone file, which inlines it)."""
    return (SCRIPTS_DIR / name).read_text(encoding="utf-8")


def page_script(name: str, call: str) -> str:
    """Return ``static/js/page/<name>`` and the line that calls it as one inline script element.

    Streamlit's ``st.html`` runs inline scripts of the page; the file is read once per process.
    """
    text = _page_text(name).replace("</script", "<\\/script")
    return f"<script>{text}\n{call}</script>"


@functools.cache
def _page_text(name: str) -> str:
    return (SCRIPTS_DIR / "page" / name).read_text(encoding="utf-8")


class Behaviour(JSCSSMixin, RenderOnce):
    """A map element whose browser side is the function `function` of the file `file`.

    Subclasses name the file and function (and the shared files it `needs`), and give
    `options()` (plain JSON data) and, when the function needs more than the element it is
    added to, `targets()`.
    """

    file: ClassVar[str]
    function: ClassVar[str]
    # Shared files the behaviour's file calls, loaded before it.
    needs: ClassVar[tuple[str, ...]] = ()

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        window.soderort.{{ this.function }}({{ this.arguments() }});
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = type(self).__name__

    @property
    def default_js(self) -> list[tuple[str, str]]:  # type: ignore[override]
        """Return the behaviour's file, for streamlit-folium's frame and a rendered page's head."""
        return [(name, script_url(name)) for name in (*self.needs, self.file)]

    def targets(self) -> list[Any]:
        """Return the folium elements the function is given before its options: its parent."""
        return [self._parent]

    def options(self) -> dict[str, Any]:
        """Return the data the function needs, as plain JSON values."""
        return {}

    def arguments(self) -> str:
        """Return the call's arguments: the targets' variable names, then the options as JSON."""
        names = [target.get_name() for target in self.targets()]
        return ", ".join([*names, inert.script_json(self.options())])
