"""The one boundary for text from the data or a URL: each function makes it inert for one medium.

Every string a user or a data file can set reaches the reader through exactly one of these, for
the medium it is written into:

- `markdown`: Streamlit's Markdown (st.markdown, captions, titles, alerts, st.table cells,
  widget labels and help), including its own extensions: ``:material/…:`` icons, ``:smile:``
  emoji, ``:red[…]`` colours, ``$…$`` maths, bare URL and e-mail autolinks and typographic
  replacements;
- `html`: HTML text and attribute values (map popups, tooltips, labels, the HTML map file);
- `plotly`: Plotly's small HTML (tick labels, legend entries, hover texts, annotations);
- `printed_html`: the HTML the PDFs are made from (WeasyPrint), and `css_string` for the texts
  their style sheets print (the page numbers);
- `isolate` alone: plain text that is no markup but sits next to other text (a select option
  with a count);
- `drawn_text`: text drawn as given, by matplotlib (the PDFs' map, with `MATPLOTLIB_TEXT`, since
  ``$…$`` would be mathtext);
- `script_json`: values written as JSON into an inline ``<script>`` of the page (the interface's
  texts, the map's files to preload).

Bidirectional controls are isolated where the medium applies the Unicode bidi algorithm (the
browser: Markdown, HTML, Plotly; Pango in the PDFs): a string that holds right-to-left text or
explicit controls is balanced and wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, so
an unclosed U+202E turns only its own string around, never the app's text or another string.
Matplotlib applies no bidi algorithm, so there the controls are dropped. Spreadsheet cells are
`soderort.render.spreadsheet_cells`' concern.

Each function takes any text from the data, a URL or the caller and returns it ready for its
medium.
"""

from __future__ import annotations

import json
import re
import unicodedata
from html import escape as _escape_html
from types import MappingProxyType

# An invisible character that joins the characters on either side: it splits a token that
# Streamlit's front end rewrites after Markdown is parsed, without a visible change.
WORD_JOINER = "\u2060"

# ------------------------------------------------------------------------------------ bidi

FIRST_STRONG_ISOLATE = "\u2068"
POP_DIRECTIONAL_ISOLATE = "\u2069"
POP_DIRECTIONAL_FORMATTING = "\u202c"
# LRE, RLE, LRO, RLO: closed by PDF. LRI, RLI, FSI: closed by PDI.
_EMBEDDINGS = frozenset("\u202a\u202b\u202d\u202e")
_ISOLATES = frozenset("\u2066\u2067\u2068")
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Bidi classes that can reorder text around them: right-to-left letters, Arabic digits and the
# explicit controls. Text without any of them is left as it is.
_REORDERING_CLASSES = frozenset(
    {"R", "AL", "AN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}
)
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _reorders(text: str) -> bool:
    return any(unicodedata.bidirectional(char) in _REORDERING_CLASSES for char in text)


def isolate(text: str) -> str:
    """Keep a string's direction to itself, for a medium that applies the bidi algorithm.

    Text with right-to-left letters or explicit bidi controls is balanced (a closer with no
    opener is dropped, an opener left open is closed at the end) and wrapped in FSI … PDI.
    Other text is returned unchanged.

    Returns the text, isolated when it could reorder what stands around it.
    """
    if not _reorders(text):
        return text
    kept: list[str] = []
    open_controls: list[str] = []
    for char in text:
        if char in _EMBEDDINGS or char in _ISOLATES:
            open_controls.append(char)
        elif char == POP_DIRECTIONAL_FORMATTING:
            if not open_controls or open_controls[-1] not in _EMBEDDINGS:
                continue
            open_controls.pop()
        elif char == POP_DIRECTIONAL_ISOLATE:
            if not any(control in _ISOLATES for control in open_controls):
                continue
            # A PDI also ends the embeddings opened inside its isolate.
            while open_controls.pop() not in _ISOLATES:
                pass
        kept.append(char)
    closers = [
        POP_DIRECTIONAL_ISOLATE if control in _ISOLATES else POP_DIRECTIONAL_FORMATTING
        for control in reversed(open_controls)
    ]
    return f"{FIRST_STRONG_ISOLATE}{''.join(kept)}{''.join(closers)}{POP_DIRECTIONAL_ISOLATE}"


# -------------------------------------------------------------------------------- Markdown

# Every ASCII punctuation character can be backslash-escaped in CommonMark. These are the ones
# that Streamlit's Markdown gives a meaning: emphasis, links and images, lists, tables, headings
# (# and setext = or -), HTML and entities (< &), LaTeX ($), directives (:).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|:~$&=])")
# Streamlit's front end rewrites these tokens, standing alone between spaces, into —, →, ≤ …
# after escapes are resolved. A word joiner after the first character keeps them.
_STREAMLIT_TYPOGRAPHY = re.compile(r"(?<!\S)(<(?=->)|-(?=>)|<(?=-)|-(?=-)|>(?==)|<(?==)|~(?==))")
# Also after escapes are resolved: ":material/home:" becomes an icon, ":smile:" an emoji, and
# "http://…", "www.…" and "name@host.se" become links (GFM's literal autolinks). A word joiner
# inside each breaks the pattern; the reader sees the same characters.
_SHORTCODE_COLON = re.compile(r":(?=[\w+-]+[:/])")
_URL_START = re.compile(r"(?i)(https?)(?=://)|(www)(?=\.)")
_EMAIL_AT = re.compile(r"(?<=[-.\w+])@(?=[-\w])")
# Four spaces (or a tab) at the start of a line make an indented code block; the first of them,
# written as a character reference, is the same space to the reader but no indent to the parser.
_LINE_INDENT = re.compile(r"(^|\n|\r)([ \t])")
_CHARACTER_REFERENCE = {" ": "&#32;", "\t": "&#9;"}


def markdown(text: str) -> str:
    """Escape text so that Streamlit's Markdown shows it as typed.

    No emphasis, link, image, list, heading, table, code, HTML, maths, colour, icon, emoji,
    autolink or typographic replacement is made of it, and its direction is isolated.

    Returns markdown that renders as exactly `text`, with only invisible characters added (word
    joiners, and bidi isolates around right-to-left text).
    """
    text = isolate(str(text))
    text = _STREAMLIT_TYPOGRAPHY.sub(rf"\1{WORD_JOINER}", text)
    text = _SHORTCODE_COLON.sub(f":{WORD_JOINER}", text)
    text = _URL_START.sub(lambda match: f"{match.group(0)}{WORD_JOINER}", text)
    text = _EMAIL_AT.sub(f"@{WORD_JOINER}", text)
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return _LINE_INDENT.sub(
        lambda match: match.group(1) + _CHARACTER_REFERENCE[match.group(2)], text
    )


# ------------------------------------------------------------------------------------ HTML


def html(text: str) -> str:
    """Escape text for HTML, as element content or a quoted attribute value.

    Returns the text with ``& < > " '`` escaped and its direction isolated.
    """
    return _escape_html(isolate(str(text)), quote=True)


# ---------------------------------------------------------------------------------- Plotly


def plotly(text: str) -> str:
    """Escape text for Plotly's small HTML (tick labels, legend entries, hovers, annotations).

    Plotly knows only the entities ``&amp; &lt; &gt;`` of HTML's quoting ones (a ``&quot;``
    would show as written), and quotes mean nothing outside its tags, so only ``& < >`` are
    escaped.

    Returns the text as Plotly shows it literally, its direction isolated.
    """
    return _escape_html(isolate(str(text)), quote=False)


# ------------------------------------------------------------------------- JSON in a script


def script_json(value: object) -> str:
    r"""Write a value as JSON for an inline ``<script>`` element of the page.

    Returns ``json.dumps(value)`` with every ``<``, ``>`` and ``&`` written as its ``\u`` escape
    (as Jinja's ``tojson``), the same string to JavaScript, so that no string in it can end the
    script element or open a comment in it.
    """
    return json.dumps(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# ------------------------------------------------------------------------------ printed HTML


def printed_html(text: str) -> str:
    """Escape text for the HTML the PDFs are made from (WeasyPrint).

    Pango applies the bidi algorithm, so the direction is isolated as in a browser; control
    characters, which a PDF would draw as missing glyphs, are dropped.

    Returns the text with ``& < > " '`` escaped, control characters dropped, direction isolated.
    """
    return html(_CONTROL_CHARACTERS.sub("", str(text)))


def css_string(text: str) -> str:
    """Write text as a quoted CSS string (for ``content:``), every character literal.

    Returns ``"…"`` with backslashes, quotes, angle brackets and white-space controls written
    as CSS escapes (the rest of the controls dropped), so that no text ends the string or rule.
    """
    escaped = "".join(
        f"\\{ord(char):x} " if char in _CSS_STRING_SPECIAL else char for char in drawn_text(text)
    )
    return f'"{escaped}"'


_CSS_STRING_SPECIAL = frozenset("\\\"'<>\t\n\r")


# ------------------------------------------------------------------------------- matplotlib

# Keyword arguments for every matplotlib Text drawn from data (``ax.annotate(..., **this)``,
# ``artist.update(this)``): with an even number of "$" matplotlib reads text as mathtext, which
# draws "$\sqrt{x}$" as a root sign and fails on "$a_$". Per artist rather than in rcParams,
# which are global and would race between two PDFs drawn at once.
MATPLOTLIB_TEXT = MappingProxyType({"parse_math": False})


def drawn_text(text: str) -> str:
    """Prepare text for matplotlib (with `MATPLOTLIB_TEXT`), which draws it as given, no markup.

    Returns the text without control characters and bidi controls, which would be drawn as
    missing glyphs: matplotlib applies no bidi algorithm.
    """
    return "".join(
        char for char in _CONTROL_CHARACTERS.sub("", str(text)) if char not in BIDI_CONTROLS
    )
