"""Today's status of the initiatives, from the follow-up file: one owner for every view.

The plan says what was to be done in 2010; a follow-up entry says, from a cited source, what
became of it. Every view (map, cards, place page, timeline, presentation, exports) asks this
module for an initiative's status today, its name, its colour and how to write its date and
source, so that they never disagree. An initiative without an entry has the status
`NO_FOLLOW_UP`, never a guess, and is told as "ingen källa hittad (sökt …)" where the file says
where and when a source was looked for, else as "ingen uppföljning registrerad".

An entry's date is only ever the event's: an entry whose source gives no date for it is told
as "enligt <källa>, läst <datum>", never with the reading day as if something happened then.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from soderort.i18n import MONTHS, follow_up_label, t
from soderort.loading import PlanData
from soderort.model import FollowUpEntry, FollowUpStatus, Initiative

# The example entry the Om page shows staff (a test checks that it passes validation).
EXAMPLE_ENTRY = """\
follow_ups:
  - initiative: soderstaden
    entries:
      - date: 2013-07-20
        status: delvis
        text: >-
          Arenan som planen kallar Stockholmsarenan, senare Tele2 Arena och i dag 3Arena, öppnade
          den 20 juli 2013, det år planen angav.
        source:
          title: 3Arena (Stockholm)
          publisher: Wikipedia (engelska)
          read: 2026-12-07
          url: https://en.wikipedia.org/wiki/3Arena_(Stockholm)
        recorded: 2026-12-07
"""
# The value for "no follow-up recorded", in filters, URLs and colours.
NO_FOLLOW_UP = "ingen"
# Each status's ASCII name in URLs and interface keys (the file writes the Swedish words).
STATUS_SLUGS: dict[FollowUpStatus, str] = {
    FollowUpStatus.DONE: "genomford",
    FollowUpStatus.ONGOING: "pagar",
    FollowUpStatus.PARTLY: "delvis",
    FollowUpStatus.NOT_DONE: "ej-genomford",
    FollowUpStatus.CHANGED: "andrad-inriktning",
    FollowUpStatus.UNKNOWN: "okant",
}
# The values of the "status today" filter and legend, in this order.
FOLLOW_UP_VALUES: tuple[str, ...] = (*STATUS_SLUGS.values(), NO_FOLLOW_UP)


def status_slug(status: FollowUpStatus | str) -> str:
    """Return a status's ASCII name, e.g. ``"pagar"`` for "pågår"."""
    return STATUS_SLUGS[FollowUpStatus(status)]


def today_status(data: PlanData, initiative_id: str) -> str:
    """Return the slug of an initiative's latest status, or `NO_FOLLOW_UP` when none is recorded."""
    latest = data.latest_follow_up(initiative_id)
    return status_slug(latest.status) if latest is not None else NO_FOLLOW_UP


def entry_status_label(entry: FollowUpEntry, language: str) -> str:
    """Return the name of an entry's status in the interface language."""
    return follow_up_label(status_slug(entry.status), language)


def entry_when(entry: FollowUpEntry, language: str) -> str:
    """Return when an entry holds: its date ("juli 2013"), or "enligt <källa>, läst <datum>"."""
    if entry.date is not None:
        return format_partial_date(entry.date, language)
    return t(
        "followup.according_to",
        language,
        source=entry.source.publisher,
        date=format_day(entry.source.read, language),
    )


def status_on(entry: FollowUpEntry, language: str) -> str:
    """Return an entry's status with when it holds, e.g. "genomförd (juli 2013)"."""
    return t(
        "followup.status_on",
        language,
        status=entry_status_label(entry, language),
        date=entry_when(entry, language),
    )


def searched_text(data: PlanData, initiative_id: str, language: str) -> str:
    """Say that an initiative has no entry: "Ingen källa hittad (sökt …)" or "… registrerad"."""
    search = data.follow_up_searched(initiative_id)
    if search is None:
        return t("followup.none", language)
    return t("followup.searched", language, date=format_day(search.date, language))


def searched_where(data: PlanData, initiative_id: str) -> str:
    """Return where a source was last looked for (empty when no search is recorded)."""
    search = data.follow_up_searched(initiative_id)
    return search.where if search is not None else ""


def dominant_status(data: PlanData, initiatives: Iterable[Initiative]) -> str | None:
    """Return the most common status today among initiatives, ties to `FOLLOW_UP_VALUES` order.

    None when there are no initiatives (the place is then coloured as having no match).
    """
    counts = Counter(today_status(data, item.id) for item in initiatives)
    if not counts:
        return None
    order = list(FOLLOW_UP_VALUES)
    return max(order, key=lambda value: (counts.get(value, 0), -order.index(value)))


def format_partial_date(text: str, language: str) -> str:
    """Write a follow-up date as exact as it is: "2013", "juni 2016", "20 juli 2013"."""
    parts = text.split("-")
    months = MONTHS.get(language, MONTHS["sv"])
    if len(parts) == 1:
        return parts[0]
    month = months[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


def format_day(day: dt.date, language: str) -> str:
    """Write a day in words: "30 november 2026"."""
    return format_partial_date(day.isoformat(), language)


@dataclass(frozen=True)
class SourceText:
    """An entry's source as plain text parts; each renderer escapes and links them itself."""

    title: str
    publisher: str
    # The source's own date, if it has one, and the day it was read: "9 juni 2016, läst …".
    dates: str
    url: str | None
    reference: str | None

    def line(self) -> str:
        """Return the source on one line: title, publisher, dates, and the address or reference."""
        where = self.url or self.reference or ""
        return f"{self.title} – {self.publisher}, {self.dates}" + (f". {where}" if where else "")


def source_text(entry: FollowUpEntry, language: str) -> SourceText:
    """Return an entry's source for display: its own date, if any, and the day it was read."""
    source = entry.source
    read = t("followup.read_on", language, date=format_day(source.read, language))
    dates = f"{format_partial_date(source.date, language)}, {read}" if source.date else read
    return SourceText(source.title, source.publisher, dates, source.url, source.reference)


def latest_summary(data: PlanData, initiative_id: str, language: str) -> tuple[str, str, str]:
    """Return (status, event date, source) of an initiative's latest entry as plain text.

    The date is the event's as the source gives it, empty for an undated entry (whose source
    says when it was read). An initiative without an entry gives ("Ingen uppföljning", "",
    "Ingen källa hittad (sökt …): where") or, when no search is recorded, ("Ingen uppföljning",
    "", "").
    """
    latest = data.latest_follow_up(initiative_id)
    if latest is None:
        where = searched_where(data, initiative_id)
        said = f"{searched_text(data, initiative_id, language)}: {where}" if where else ""
        return follow_up_label(NO_FOLLOW_UP, language), "", said
    return (
        entry_status_label(latest, language),
        latest.date or "",
        source_text(latest, language).line(),
    )


def entry_plain(entry: FollowUpEntry, language: str, *, text: bool = True) -> str:
    """Return an entry as one plain line: status (when), its text, "Källa: …".

    Without `text` the entry's own words are left out (a condensed sheet).
    """
    said = f" {entry.text}" if text else ""
    source = source_text(entry, language).line()
    return f"{status_on(entry, language)}.{said} {t('common.source', language)}: {source}"


def latest_plain(data: PlanData, initiative_id: str, language: str, *, text: bool = True) -> str:
    """Return the latest entry as one plain line (`entry_plain`).

    For print and other media that escape it themselves; "Ingen källa hittad (sökt …)" or
    "Ingen uppföljning registrerad" when there is no entry.
    """
    latest = data.latest_follow_up(initiative_id)
    if latest is None:
        return searched_text(data, initiative_id, language)
    return entry_plain(latest, language, text=text)


def history_lines(data: PlanData, initiative_id: str, language: str) -> list[str]:
    """Return every entry of an initiative as plain lines, oldest first: what the sources say.

    With no entry, one line: "Ingen källa hittad (sökt …): where" or "Ingen uppföljning
    registrerad".
    """
    entries = data.follow_up_entries(initiative_id)
    if entries:
        return [entry_plain(entry, language) for entry in entries]
    where = searched_where(data, initiative_id)
    said = searched_text(data, initiative_id, language)
    return [f"{said}: {where}" if where else said]


def follow_up_count(data: PlanData) -> int:
    """Return how many of the plan's initiatives have at least one follow-up entry."""
    return sum(1 for item in data.initiatives if data.follow_up_entries(item.id))


def undated_entries(
    data: PlanData, initiatives: Iterable[Initiative]
) -> list[tuple[Initiative, FollowUpEntry]]:
    """Return the entries without an event date of the given initiatives, in their order.

    The timeline draws no mark for them; it lists them beside the chart instead.
    """
    return [
        (item, entry)
        for item in initiatives
        for entry in data.follow_up_entries(item.id)
        if entry.date is None
    ]
