"""Find an uncertain reading shown without its mark, in any text a page or a file holds.

An occurrence of a reading (e.g. "Farsta läge") is marked when it is followed by the mark in
words (`reading_mark`, either language), or by a note number whose reader's note
(`reading_notes`) the same text holds, or when the OCR's letters stand near it (the Om page's
list of readings and the notes, which explain the reading in a sentence).
"""

from __future__ import annotations

import re

from soderort.loading import PlanData
from soderort.readings import NOTE_MARKS, reading_mark, reading_notes

# How far the OCR's letters may stand from a reading that a sentence explains.
EXPLAINED_WITHIN = 200


def _flat(text: str) -> str:
    return " ".join(text.split())


def unmarked_readings(text: str, data: PlanData) -> list[str]:
    """Return the context of every occurrence of an uncertain reading that carries no mark.

    Parameters
    ----------
    text : str
        Plain text as a reader sees it (HTML unescaped, Markdown escapes undone).
    data : PlanData
        The plan, for its uncertain readings.

    Returns
    -------
    list of str
        A snippet around each unmarked occurrence; empty when every one is marked.
    """
    flat = _flat(text)
    found = []
    for item in data.initiatives:
        for index, reading in enumerate(item.uncertain_readings):
            marks = [reading_mark(reading, language) for language in ("sv", "en")]
            notes = [
                _flat(reading_notes(item, language)[index])[1:].strip() for language in ("sv", "en")
            ]
            for match in re.finditer(re.escape(reading.reading), flat):
                after = flat[match.end() :].lstrip()
                around = flat[
                    max(0, match.start() - EXPLAINED_WITHIN) : match.end() + EXPLAINED_WITHIN
                ]
                if any(after.startswith(mark) for mark in marks):
                    continue
                if after[:1] == NOTE_MARKS[index] and any(note in flat for note in notes):
                    continue
                if reading.ocr in around:
                    continue
                found.append(flat[max(0, match.start() - 60) : match.end() + 60])
    return found
