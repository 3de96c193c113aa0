"""Hostile text for the reliability tests: the data folder that holds it, and HTML checks.

`write_hostile_data` copies geodata/ and writes script tags, HTML, a javascript: link, an
attribute break-out, a 500-character word and a right-to-left override into one initiative and
its place. `Markup` parses HTML as a browser would and says what it holds; `assert_inert_markdown`
checks that Markdown shows text from the data as text.
"""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import yaml

from soderort import paths
from soderort.inert import WORD_JOINER

# What an attacker (or a careless paste) could put into the data's free text. Each must reach the
# reader as the very characters typed: never run, never rendered as markup, never a link.
HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"
HOSTILE_LINK = "[x](javascript:alert(1))"
HOSTILE_BREAKOUT = '"><b>fet</b>'
HOSTILE_LONG_WORD = "Långt" + "ord" * 165  # 500 characters without a space
HOSTILE_RTL = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: turns the rest of a line around
HOSTILE_SQL = "'; DROP TABLE initiativ; -- ../../etc/passwd %00 {{7*7}} ${7*7}"
# Jinja, which folium renders with: evaluated it would show "49"; {% raw %} alone breaks a template.
HOSTILE_TEMPLATE = "{{ 7*7 }} {% raw %} {# x"


@dataclass(frozen=True)
class HostileData:
    """A copy of geodata/ with hostile text in one initiative and one place.

    Attributes
    ----------
    folder : Path
        The data folder (point ``SODERORT_DATA_DIR`` at it).
    initiative_id : str
        The initiative whose texts were replaced.
    place_id : str
        Its place, whose Swedish and English names were replaced.
    texts : dict of str to str
        Field of the initiative -> the exact text written there.
    place_names : dict of str to str
        ``"name"`` and ``"name_en"`` -> the exact place names written.
    payloads : tuple of str
        Every hostile string, each of which occurs in `texts`.
    """

    folder: Path
    initiative_id: str
    place_id: str
    texts: dict[str, str]
    place_names: dict[str, str]
    payloads: tuple[str, ...]


def write_hostile_data(folder: Path) -> HostileData:
    """Copy geodata/ to `folder` and write hostile text into Miljöteknik Högdalen and Högdalen."""
    shutil.copytree(paths.GEODATA_DIR, folder)
    initiative_id, place_id = "miljoteknik-hogdalen", "hogdalen"
    texts = {
        "rubrik": f"Miljöteknik {HOSTILE_SCRIPT} Högdalen",
        "uppdrag": f"Utveckling {HOSTILE_IMG} och {HOSTILE_LINK} av {HOSTILE_TEMPLATE} området",
        "uppdragsgivare": HOSTILE_SQL,
        "forvantat_resultat": f"{HOSTILE_BREAKOUT} {HOSTILE_LONG_WORD} slut",
        "tidplan": f"{HOSTILE_RTL}Klart 2020 tfel-ot-thgir",
        "ansvarig_namnd": f"Stockholm Business Region {HOSTILE_SCRIPT}",
    }
    place_names = {
        "name": f"Högdalen {HOSTILE_SCRIPT} {HOSTILE_LINK} {HOSTILE_TEMPLATE}",
        "name_en": f"Hogdalen {HOSTILE_IMG}",
    }
    plan_file = folder / paths.ACTION_PLAN_FILE.name
    plan = yaml.safe_load(plan_file.read_text(encoding="utf-8"))
    record = next(item for item in plan["initiatives"] if item["id"] == initiative_id)
    record.update(texts)
    record["notes"] = [f"Anteckning {HOSTILE_IMG}"]
    plan_file.write_text(
        yaml.safe_dump(plan, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8"
    )
    places_file = folder / paths.PLACES_FILE.name
    places = json.loads(places_file.read_text(encoding="utf-8"))
    feature = next(f for f in places["features"] if f["properties"]["id"] == place_id)
    feature["properties"].update(place_names)
    places_file.write_text(json.dumps(places, ensure_ascii=False), encoding="utf-8")
    payloads = (
        HOSTILE_SCRIPT,
        HOSTILE_IMG,
        HOSTILE_LINK,
        HOSTILE_BREAKOUT,
        HOSTILE_LONG_WORD,
        HOSTILE_RTL,
        HOSTILE_SQL,
        HOSTILE_TEMPLATE,
    )
    return HostileData(folder, initiative_id, place_id, texts, place_names, payloads)


# Elements a fragment of our HTML may never hold, and URL schemes that run code.
FORBIDDEN_TAGS = {"script", "img", "iframe", "object", "embed", "svg", "style", "link", "meta"}
CODE_SCHEMES = ("javascript:", "data:", "vbscript:")


class Markup(HTMLParser):
    """The elements, attribute names and text of an HTML fragment, as a browser would parse it."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.attributes: Counter[tuple[str, str]] = Counter()
        self.urls: list[str] = []
        self.chunks: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        for name, value in attrs:
            self.attributes[(tag, name)] += 1
            if name in ("href", "src", "action", "formaction") and value is not None:
                self.urls.append(value)

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)

    @property
    def text(self) -> str:
        return "".join(self.chunks)

    def assert_harmless(self) -> None:
        assert not FORBIDDEN_TAGS & set(self.tags), self.tags
        handlers = [name for _tag, name in self.attributes if name.startswith("on")]
        assert not handlers, handlers
        for url in self.urls:
            assert not url.strip().lower().startswith(CODE_SCHEMES), url


def fragments(document: str) -> list[str]:
    """Every HTML fragment a rendered folium map hands to Leaflet as a JavaScript string.

    Tooltips, popups and label icons reach Leaflet as JSON string literals, where "<" may be
    written as \\u003c; these are decoded first. A string counts as HTML when it starts with "<"
    (GeoJSON properties, which Leaflet never puts into the page as HTML, do not).
    """
    found = []
    for literal in re.findall(r'"(?:[^"\\\n]|\\.)*"', document):
        try:
            value = json.loads(literal)
        except json.JSONDecodeError:
            continue
        if isinstance(value, str) and value.lstrip().startswith("<"):
            found.append(value)
    return found


# Markup the app writes itself in Markdown (presentation mode's part label and exit link).
OWN_MARKDOWN_TAGS = {"span", "a", "div", "br", "b", "strong", "em", "i"}
_ESCAPED = re.compile(r"\\.", re.S)


def unescape_markdown(markdown: str) -> str:
    """The text a reader sees of escaped Markdown (escapes made literal, word joiners unseen)."""
    return re.sub(r"\\(.)", r"\1", markdown, flags=re.S).replace(WORD_JOINER, "")


def assert_inert_markdown(markdown: str) -> None:
    """Check that Markdown holds no markup but the app's own.

    A backslash-escaped character is text to CommonMark; masking each escape leaves only what
    could start markup: an HTML tag (only the app's own tags, harmless), a link or autolink to
    a code scheme.
    """
    masked = _ESCAPED.sub("\x00\x00", markdown)
    markup = Markup(masked)
    markup.assert_harmless()
    assert set(markup.tags) <= OWN_MARKDOWN_TAGS, (markup.tags, markdown[:300])
    for url in re.findall(r"\]\(\s*<?([^)\s>]*)", masked):
        assert not url.lower().startswith(CODE_SCHEMES), url
    assert not re.search(r"<\s*(javascript|data|vbscript):", masked, re.IGNORECASE), markdown
