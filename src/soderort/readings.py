"""Uncertain readings: words where the transcription guesses at what the OCR's letters mean.

Every view (card, popup, place page, PDF, table, CSV/XLSX, timeline) shows a text column
through `shown_text`, so that a guess such as "Farsta läge" (OCR: "Farsta large") carries the
same mark and the OCR's own letters wherever it appears. The mark is plain text: each view
escapes it with the rest of the column for its medium.
"""

from __future__ import annotations

from collections.abc import Iterable

from soderort.i18n import column_label, t
from soderort.model import Initiative, UncertainReading


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
        The column's text with `reading_mark` after the first occurrence of each reading.
    """
    text = str(getattr(initiative, field))
    for reading in initiative.uncertain_readings:
        if reading.field != field:
            continue
        at = text.find(reading.reading)
        if at >= 0:
            end = at + len(reading.reading)
            text = f"{text[:end]} {reading_mark(reading, language)}{text[end:]}"
    return text


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
