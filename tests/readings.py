"""The plan's raw records as the app shows them: what tests expect, read from the YAML itself.

An uncertain reading is followed by its mark, worded in `soderort.i18n` ("reading.mark"); a
start period counts for every year in it.
"""

from __future__ import annotations

from soderort.i18n import t


def shown(record: dict, field: str = "rubrik", language: str = "sv") -> str:
    """A raw record's column with each uncertain reading in it marked, as every view shows it."""
    text = record[field]
    for reading in record.get("uncertain_readings") or []:
        if reading["field"] == field:
            mark = t("reading.mark", language, ocr=reading["ocr"])
            text = text.replace(reading["reading"], f"{reading['reading']} {mark}", 1)
    return text


def named_years(record: dict) -> set[int]:
    """Every year a raw record's timeline names, each year of a start period included."""
    timeline = record["timeline"]
    named = {timeline.get("start"), timeline.get("target")}
    named |= {m["year"] for m in timeline.get("milestones") or []}
    period = timeline.get("start_period")
    if period:
        named |= set(range(period["first"], period["last"] + 1))
    return {year for year in named if year is not None}
