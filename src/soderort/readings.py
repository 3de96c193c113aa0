"""Readings that are not certain: a guessed word, and a Tidplan that can be read two ways.

Every view (card, popup, place page, table, CSV/XLSX, timeline, HTML map) shows a text column
through `shown_text`, so that a guess such as "Farsta läge" (OCR: "Farsta large") carries the
same mark and the OCR's own letters wherever it appears. Slides and PDFs, read by people who
do not need the OCR's letters in the line, use `noted_text`: a raised number after the words
and a reader's note (`reading_notes`, "osäker läsning av originalet") under them. A Tidplan
with a second reading (`Timeline.other_reading`) is followed by that reading in words in
every view. The marks are plain text: each view escapes them with the column for its medium.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from soderort.i18n import column_label, t
from soderort.model import Initiative, UncertainReading

# The raised numbers that tie a reading in slides and PDFs to its note below.
NOTE_MARKS = "¹²³⁴⁵⁶⁷⁸⁹"


def reading_mark(reading: UncertainReading, language: str) -> str:
    """Return the mark that follows an uncertain reading, with the OCR's letters.

    Parameters
    ----------
    reading : UncertainReading
        The reading.
    language : str
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str
        E.g. ``[osäker läsning; OCR: ”Farsta large”]``.
    """
    return t("reading.mark", language, ocr=reading.ocr)


def _marked(initiative: Initiative, field: str, language: str, mark: Callable) -> str:
    text = str(getattr(initiative, field))
    for index, reading in enumerate(initiative.uncertain_readings):
        if reading.field != field:
            continue
        at = text.find(reading.reading)
        if at >= 0:
            end = at + len(reading.reading)
            text = f"{text[:end]}{mark(index, reading, language)}{text[end:]}"
    if field == "tidplan" and initiative.timeline.other_reading is not None:
        mark = other_reading_mark(initiative, language)
        text = f"{text} {mark}" if text else mark
    return text


def other_reading_mark(initiative: Initiative, language: str) -> str:
    """Return the Tidplan's second reading in words, e.g. ``[kan också läsas som …: 2015, …]``.

    Parameters
    ----------
    initiative : Initiative
        An initiative whose timeline has an ``other_reading``.
    language : str
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str
        The mark that follows the Tidplan text in every view.
    """
    other = initiative.timeline.other_reading
    if other is None:
        raise ValueError(f"{initiative.id} has no second reading of its Tidplan")
    years = ", ".join(str(year) for year in other.years)
    return t("reading.other", language, label=other.label, years=years)


def _bracket(index: int, reading: UncertainReading, language: str) -> str:
    # Every screen view: the mark in words, with the OCR's letters.
    return f" {reading_mark(reading, language)}"


def _note_number(index: int, reading: UncertainReading, language: str) -> str:
    # Slides and PDFs: a raised number, its note below.
    return NOTE_MARKS[index % len(NOTE_MARKS)]


def shown_text(initiative: Initiative, field: str, language: str = "sv") -> str:
    """Return a text column as every view shows it: each uncertain reading marked.

    Parameters
    ----------
    initiative : Initiative
        The initiative.
    field : str
        One of `soderort.model.TEXT_FIELDS`.
    language : str
        Language of the mark; the column's own text stays as the source has it.

    Returns
    -------
    str
        The column's text with `reading_mark` after the first occurrence of each reading, and
        a Tidplan followed by its second reading (`other_reading_mark`) where it has one.
    """
    return _marked(initiative, field, language, _bracket)


def noted_text(initiative: Initiative, field: str, language: str = "sv") -> str:
    """Return a text column as slides and PDFs show it: a note number after each reading.

    Parameters
    ----------
    initiative : Initiative
        The initiative.
    field : str
        One of `soderort.model.TEXT_FIELDS`.
    language : str
        Language of a Tidplan's second reading.

    Returns
    -------
    str
        The column's text, each uncertain reading followed by its number in `NOTE_MARKS`; the
        notes themselves are `reading_notes`.
    """
    return _marked(initiative, field, language, _note_number)


def reading_notes(initiative: Initiative, language: str) -> list[str]:
    """Return the reader's notes for `noted_text`'s numbers, one per uncertain reading.

    Parameters
    ----------
    initiative : Initiative
        The initiative.
    language : str
        ``"sv"`` or ``"en"``.

    Returns
    -------
    list of str
        E.g. ``¹ Osäker läsning av originalet: OCR-texten har ”Farsta large”.``; empty when
        the initiative has no uncertain reading.
    """
    return [
        f"{NOTE_MARKS[index % len(NOTE_MARKS)]} {t('reading.note', language, ocr=reading.ocr)}"
        for index, reading in enumerate(initiative.uncertain_readings)
    ]


def reading_lines(initiatives: Iterable[Initiative], language: str) -> list[str]:
    """List every uncertain reading in words, for the Om page.

    Parameters
    ----------
    initiatives : iterable of Initiative
        The plan's initiatives.
    language : str
        ``"sv"`` or ``"en"``.

    Returns
    -------
    list of str
        Plain text, one line per reading, e.g. ``Prioritera … (Rubrik): ”Farsta läge” för
        OCR-textens ”Farsta large”``; empty when there are none.
    """
    return [
        t(
            "about.readings.line",
            language,
            rubrik=item.rubrik,
            column=column_label(reading.field, language),
            reading=reading.reading,
            ocr=reading.ocr,
        )
        for item in initiatives
        for reading in item.uncertain_readings
    ]
