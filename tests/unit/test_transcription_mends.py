"""Every change from the OCR text is listed, with what the OCR had, in the record's notes.

The transcription restores å, ä and ö from the letters the OCR put for them (the seed's README
names é, 6, G, a and o); that restoration is the one change made without a note. Each row's
cells are compared, word by word, with the OCR text between its heading and the next row's
heading; any other difference is a mend and must be named in the row's notes, both the words
written and the OCR's own letters. Skips where the shared seeds folder is absent.
"""

from __future__ import annotations

import difflib
import re
from functools import cache

import pytest

from soderort import plan_files
from soderort.model import TEXT_FIELDS, Initiative
from tools.geodata.sources import DEFAULT_SOURCES_DIR

SEEDS = DEFAULT_SOURCES_DIR.parent / "seeds"
needs_seeds = pytest.mark.skipif(
    not SEEDS.is_dir(), reason=f"the OCR seed is not at {SEEDS} on this machine"
)

# å, ä, ö and the OCR's letters for them (seeds/README.md), all one letter to the comparison;
# the G stands for Ö/ö only at a word's start in the OCR, so it is folded only in capitals.
_RESTORED = re.compile(r"[aoåäöé6AOÅÄÖÉG]")
_PUNCTUATION = ".,;:()\"'”"
# The 2010 document's own slips: mended, and noted as the document's, not the OCR's.
DOCUMENT_SLIPS = {
    "soderstaden": ("Stockholmarenan", "Stockholmsarenan"),
    "centrumutveckling": ("attraktiav", "attraktiva"),
    "kommunala-arbetsplatser": ("kommunal", "kommunala"),
}
SLIP_NOTE = "the 2010 document's own slip"


def _fold(word: str) -> str:
    return _RESTORED.sub("#", word)


@cache
def _plan():
    return plan_files.load_action_plan()


@cache
def _ocr_words() -> tuple[str, ...]:
    source = _plan().document.source_file.removeprefix("seeds/")
    return tuple(re.findall(r"\S+", (SEEDS / source).read_text(encoding="utf-8")))


def _start_of(initiative: Initiative) -> int:
    """Where the row's heading starts in the OCR words (its first three words, folded)."""
    words = [_fold(w.lower()) for w in _ocr_words()]
    # Located as the OCR has it: any case, and the hyphen the en dash was written for.
    head = [_fold(w.lower().replace("–", "-")) for w in initiative.rubrik.split()[:3]]
    for at in range(len(words)):
        if words[at : at + len(head)] == head:
            return at
    raise AssertionError(f"{initiative.id}: heading not found in the OCR text")


def _region(initiative: Initiative) -> list[str]:
    """The OCR words of the row: from its heading to the next row's heading."""
    starts = sorted(_start_of(item) for item in _plan().initiatives)
    at = _start_of(initiative)
    following = [start for start in starts if start > at]
    return list(_ocr_words()[at : following[0] if following else None])


def mends(initiative: Initiative) -> list[tuple[str, str]]:
    """Each (OCR words, written words) where a cell differs from the OCR beyond å/ä/ö."""
    region = _region(initiative)
    found = []
    for field in TEXT_FIELDS:
        written = re.findall(r"\S+", getattr(initiative, field))
        if not written:
            continue
        matcher = difflib.SequenceMatcher(
            None, [_fold(w) for w in region], [_fold(w) for w in written], autojunk=False
        )
        blocks = [block for block in matcher.get_matching_blocks() if block.size]
        first, last = blocks[0], blocks[-1]
        # The cell's span in the OCR: from where its first word would be to where its last is.
        ocr_part = region[
            first.a - first.b : last.a + last.size + len(written) - last.b - last.size
        ]
        inner = difflib.SequenceMatcher(
            None, [_fold(w) for w in ocr_part], [_fold(w) for w in written], autojunk=False
        )
        for op, a1, a2, b1, b2 in inner.get_opcodes():
            if op == "equal":
                continue
            found.append((" ".join(ocr_part[a1:a2]), " ".join(written[b1:b2])))
    return found


def _core(words: str) -> list[str]:
    return [word.strip(_PUNCTUATION) for word in words.split() if word.strip(_PUNCTUATION)]


@needs_seeds
@pytest.mark.parametrize("initiative_id", [item.id for item in _plan().initiatives])
def test_every_mend_is_noted_with_what_the_ocr_had(initiative_id: str) -> None:
    initiative = next(item for item in _plan().initiatives if item.id == initiative_id)
    notes = " ".join(initiative.notes)
    readings = {r.reading: r.ocr for r in initiative.uncertain_readings}
    for ocr, written in mends(initiative):
        if any(word in reading for reading in readings for word in _core(written)):
            continue  # an uncertain reading: recorded with its OCR letters and marked
        for word in _core(written):
            assert word in notes, f"{initiative_id}: {written!r} (OCR {ocr!r}) is not noted"
        for word in _core(ocr):
            assert word in notes, f"{initiative_id}: the OCR's {ocr!r} is not in the notes"


@needs_seeds
def test_the_mends_the_review_found_are_among_those_detected() -> None:
    by_id = {item.id: mends(item) for item in _plan().initiatives}
    for initiative_id, ocr, written in (
        ("samverkan-med-naringslivet", "Stockhblm", "Stockholm"),
        ("kungens-kurva-skarholmen", "kurva/Skirholmen", "kurva/Skärholmen"),
        ("fler-arbetsplatser", "85%", "85 %"),
        *((key, old, new) for key, (old, new) in DOCUMENT_SLIPS.items()),
    ):
        assert any(ocr in o and written in w for o, w in by_id[initiative_id]), initiative_id


def test_the_documents_own_slips_are_told_apart_from_ocr_damage() -> None:
    for initiative_id, (as_written, mended) in DOCUMENT_SLIPS.items():
        initiative = next(item for item in _plan().initiatives if item.id == initiative_id)
        [note] = [note for note in initiative.notes if f'"{as_written}"' in note]
        assert note.startswith(SLIP_NOTE[0].upper() + SLIP_NOTE[1:]), note
        assert f'"{mended}"' in note
        text = " ".join(getattr(initiative, field) for field in TEXT_FIELDS)
        assert re.search(rf"\b{mended}\b", text) and not re.search(rf"\b{as_written}\b", text)
    slips = [
        note for item in _plan().initiatives for note in item.notes if SLIP_NOTE in note.lower()
    ]
    assert len(slips) == len(DOCUMENT_SLIPS)
