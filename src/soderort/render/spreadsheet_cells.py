"""Text for spreadsheet cells that a spreadsheet shows as text and never runs as a formula.

A spreadsheet runs a cell as a formula when its first character, after any spaces, quotes or
control characters it skips, is ``=``, ``+``, ``-`` or ``@`` (OWASP, "CSV Injection"). Two
things make that more than a check of the first character:

- A CSV file is split into cells by the list separator of the reader's computer: ``;`` where the
  comma is the decimal separator (Sweden), ``,`` elsewhere, a tab in some programs. Text that
  holds ``området,=cmd|…`` is one cell for one reader and two for another, the second a formula.
  So in a CSV field, a formula character is neutralised wherever a cell could begin: at the start,
  and after every ``,``, ``;`` and line break (tabs are gone by then, see below).
- Control characters are dropped by some readers and by the XLSX writer; dropped after the check,
  U+0001 followed by ``=1+1`` becomes ``=1+1``. So they are removed first: a tab becomes a space,
  a carriage return a line break, the rest are dropped.

A neutralised cell begins with an apostrophe, which Excel and LibreOffice read as "this is text".
"""

from __future__ import annotations

import re
from typing import Any

# The characters that start a formula, with their full-width forms (an input method may keep them).
FORMULA_STARTS = "=+-@\uff1d\uff0b\uff0d\uff20"
# Whatever a reader may skip before it looks at the first character: white space (without the
# line break, which ends a row for some readers), quotes, and the invisible format characters.
_SKIPPED = (
    "[^\\S\\n]"
    "|[\"'`\u2018\u2019\u201c\u201d\u200b-\u200f\u2060-\u2064\u202a-\u202e\u2066-\u2069\ufeff]"
)
# Control characters other than the line break (C0, DEL and C1).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# In one cell (XLSX), a line break is skipped too.
_FORMULA_AT_START = re.compile(f"^(?:{_SKIPPED}|\\n)*[{re.escape(FORMULA_STARTS)}]")
# A place where a reader could begin a cell, followed by what starts a formula.
_FORMULA_AT_A_CELL = re.compile(f"(^|[,;\\n])(?=(?:{_SKIPPED})*[{re.escape(FORMULA_STARTS)}])")
# The list separators of the readers a CSV file may meet.
LIST_SEPARATORS = (",", ";", "\t")


def without_control_characters(text: str) -> str:
    """Return the text with tabs as spaces, carriage returns as line breaks, other controls gone."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL.sub("", text)


def neutralise_formula(value: Any) -> Any:
    """Make a cell that a spreadsheet would run as a formula show as text (for XLSX).

    Values other than text come back unchanged; text without control characters, with a leading
    apostrophe when it would start a formula after what a spreadsheet skips.
    """
    if not isinstance(value, str):
        return value
    text = without_control_characters(value)
    return "'" + text if _FORMULA_AT_START.match(text) else text


def neutralise_csv_field(value: Any) -> Any:
    """Make a CSV field show as text in every cell a reader could split it into.

    Values other than text come back unchanged; text without control characters, with an
    apostrophe before every start of a formula at its beginning or after ``,``, ``;`` or a line
    break.
    """
    if not isinstance(value, str):
        return value
    return _FORMULA_AT_A_CELL.sub(r"\1'", without_control_characters(value))
