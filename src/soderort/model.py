"""The domain model: the plan's initiatives, the bodies responsible, themes and places.

Every record is a frozen pydantic model, so that a loaded plan can be shared between sessions
without being changed by any of them.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from soderort.web_address import web_address

YEAR_MIN = 1990
YEAR_MAX = 2100

Year = Annotated[int, Field(ge=YEAR_MIN, le=YEAR_MAX, strict=True)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
# Names (of places, bodies, themes) and headings are shown whole, on map labels, cards and
# slides; longer is a pasted paragraph, not a name. The plan's longest heading has 87 characters,
# its longest name 40.
MAX_NAME_CHARS = 100
MAX_HEADING_CHARS = 200
MAX_TEXT_CHARS = 5000
# Control characters other than the line break and the tab: invisible, and dropped or run as
# commands by some readers (spreadsheets, terminals).
_CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _without_control_characters(text: str) -> str:
    found = _CONTROL_CHARACTER.search(text)
    if found:
        raise ValueError(
            f"innehåller ett styrtecken (U+{ord(found.group()):04X}) vid tecken "
            f"{found.start() + 1}; ta bort det"
        )
    return text


_Printable = AfterValidator(_without_control_characters)
NonEmptyText = Annotated[str, Field(min_length=1, max_length=MAX_TEXT_CHARS), _Printable]
Text = Annotated[str, Field(max_length=MAX_TEXT_CHARS), _Printable]
Name = Annotated[str, Field(min_length=1, max_length=MAX_NAME_CHARS), _Printable]
Heading = Annotated[str, Field(min_length=1, max_length=MAX_HEADING_CHARS), _Printable]

# The eight columns of the source table, in the source's order.
TEXT_FIELDS: tuple[str, ...] = (
    "rubrik",
    "uppdrag",
    "uppdragsgivare",
    "forvantat_resultat",
    "tidplan",
    "ansvarig_namnd",
    "ansvarig_handlaggare",
    "handlaggare_slk",
)


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Role(StrEnum):
    """A body's part in an initiative."""

    LEAD = "lead"
    COLLABORATOR = "collaborator"


class Status(StrEnum):
    """Where an initiative stood when the plan was written."""

    ONGOING = "ongoing"
    STARTED = "started"
    PLANNED = "planned"
    NOT_STATED = "not_stated"


class CommitteeKind(StrEnum):
    """What kind of body a committee in the registry is."""

    COMMITTEE = "committee"
    CITY_COMPANY = "city_company"
    DISTRICT_COUNCIL = "district_council"
    EXTERNAL = "external"


class SourcePlace(_Record):
    """Page and row of the source table."""

    page: Annotated[int, Field(ge=1, le=50, strict=True)]
    row: Annotated[int, Field(ge=1, le=100, strict=True)]


class SourceRef(SourcePlace):
    """Where an initiative stands in the source, and where the source refers back to it."""

    also_at: list[SourcePlace] = []


class Milestone(_Record):
    """A year the plan names on the way, with what is to be reached then."""

    year: Year
    label: NonEmptyText


class Period(_Record):
    """A span of years that the plan names as a whole ("början av 2000-talet"), not one year."""

    first: Year
    last: Year
    # The plan's own words for the span, shown wherever the period is.
    label: NonEmptyText

    @model_validator(mode="after")
    def _first_not_after_last(self) -> Period:
        if self.first > self.last:
            raise ValueError(f"perioden börjar ({self.first}) efter att den slutar ({self.last})")
        return self


class OtherReading(_Record):
    """A second reading of a Tidplan cell that the text allows as well as the first.

    "Samma mål som för Söderort" names no year of its own (the first reading), but can as well
    mean the Söderort targets and their years; both are kept, and every view shows both.
    """

    # What the second reading takes the text to mean, e.g. "Söderorts mål".
    label: NonEmptyText
    milestones: list[Milestone] = []
    target: Year | None = None

    @model_validator(mode="after")
    def _has_years_in_order(self) -> OtherReading:
        if not self.milestones and self.target is None:
            raise ValueError("den andra läsningen anger inget år")
        for milestone in self.milestones:
            if self.target is not None and milestone.year > self.target:
                raise ValueError(f"delmålet {milestone.year} ligger efter målåret ({self.target})")
        return self

    @property
    def years(self) -> tuple[int, ...]:
        """Every year the second reading names, ascending."""
        named = [*(m.year for m in self.milestones), self.target]
        return tuple(sorted({year for year in named if year is not None}))


class Timeline(_Record):
    """The structured reading of the Tidplan cell; never more than the text says.

    A start is either one year (`start`) or, where the plan names a span such as a decade, a
    period (`start_period`) in which the work began; never both.
    """

    start: Year | None = None
    start_period: Period | None = None
    milestones: list[Milestone] = []
    target: Year | None = None
    target_label: Text = ""
    status: Status
    # A second reading the text allows as well; the fields above are the first.
    other_reading: OtherReading | None = None

    @model_validator(mode="after")
    def _years_in_order(self) -> Timeline:
        if self.start is not None and self.start_period is not None:
            raise ValueError("start och start_period kan inte båda anges")
        first = self.earliest_start
        if first is not None and self.target is not None and first > self.target:
            raise ValueError(f"start ({first}) ligger efter målåret ({self.target})")
        for milestone in self.milestones:
            if self.target is not None and milestone.year > self.target:
                raise ValueError(f"delmålet {milestone.year} ligger efter målåret ({self.target})")
            if first is not None and milestone.year < first:
                raise ValueError(f"delmålet {milestone.year} ligger före starten ({first})")
        return self

    @property
    def earliest_start(self) -> int | None:
        """The start year, or the first year of the start period; None without a start."""
        return self.start_period.first if self.start_period else self.start

    @property
    def years(self) -> tuple[int, ...]:
        """Every year the timeline names, ascending; a start period by its first and last year."""
        period = self.start_period
        named = [
            self.start,
            *((period.first, period.last) if period else ()),
            *(m.year for m in self.milestones),
            self.target,
        ]
        return tuple(sorted({year for year in named if year is not None}))

    def overlaps(self, first: int, last: int) -> bool:
        """Whether a year the timeline names, or any year of its start period, is in first–last.

        A second reading's years count too: either reading may be the one the plan meant.
        """
        if self.other_reading and any(first <= y <= last for y in self.other_reading.years):
            return True
        period = self.start_period
        if period is not None and period.first <= last and first <= period.last:
            return True
        return any(first <= year <= last for year in self.years)

    @property
    def is_unknown(self) -> bool:
        """True when the source names no year at all."""
        return not self.years


class UncertainReading(_Record):
    """Words of a text column that guess at what the OCR's letters mean.

    Every view shows the reading with a mark and the OCR's own letters
    (`soderort.readings.shown_text`).
    """

    field: str
    reading: NonEmptyText
    ocr: NonEmptyText

    @field_validator("field")
    @classmethod
    def _field_is_a_column(cls, value: str) -> str:
        if value not in TEXT_FIELDS:
            raise ValueError(f"okänd kolumn {value}; giltiga: {', '.join(TEXT_FIELDS)}")
        return value


class CommitteeRole(_Record):
    """A reference from an initiative to a body in the registry, with its role."""

    id: Slug
    role: Role


class Initiative(_Record):
    """One row of the action plan's table."""

    id: Slug
    source: SourceRef
    rubrik: Heading
    uppdrag: NonEmptyText
    uppdragsgivare: Text = ""
    forvantat_resultat: Text = ""
    tidplan: Text = ""
    ansvarig_namnd: Text = ""
    ansvarig_handlaggare: Text = ""
    handlaggare_slk: Text = ""
    truncated: list[str] = []
    places: Annotated[list[Slug], Field(min_length=1)]
    committees: Annotated[list[CommitteeRole], Field(min_length=1)]
    themes: Annotated[list[Slug], Field(min_length=1)]
    timeline: Timeline
    uncertain_readings: list[UncertainReading] = []
    notes: list[NonEmptyText] = []

    @field_validator("truncated")
    @classmethod
    def _truncated_names_a_column(cls, value: list[str]) -> list[str]:
        unknown = [name for name in value if name not in TEXT_FIELDS]
        if unknown:
            raise ValueError(
                f"okänd kolumn {', '.join(unknown)}; giltiga: {', '.join(TEXT_FIELDS)}"
            )
        return value

    @model_validator(mode="after")
    def _references_are_unique(self) -> Initiative:
        for name, ids in (
            ("places", self.places),
            ("themes", self.themes),
            ("committees", [ref.id for ref in self.committees]),
        ):
            repeated = sorted({i for i in ids if ids.count(i) > 1})
            if repeated:
                raise ValueError(f"{name} nämner {', '.join(repeated)} mer än en gång")
        for name in self.truncated:
            if not getattr(self, name).strip():
                raise ValueError(f"kolumnen {name} är markerad som avklippt men är tom")
        for reading in self.uncertain_readings:
            if reading.reading not in getattr(self, reading.field):
                raise ValueError(
                    f"den osäkra läsningen ”{reading.reading}” står inte i kolumnen {reading.field}"
                )
        return self

    def is_truncated(self, field: str) -> bool:
        """Whether the source cuts the given column off at the page edge."""
        return field in self.truncated

    def lead_committees(self) -> list[str]:
        """Ids of the bodies that lead the initiative, in the source's order."""
        return [ref.id for ref in self.committees if ref.role is Role.LEAD]

    def committee_ids(self) -> list[str]:
        """Ids of every body named, leads first, each group in the source's order."""
        leads = self.lead_committees()
        return leads + [ref.id for ref in self.committees if ref.id not in leads]

    def committee_roles(self) -> list[tuple[str, Role]]:
        """Every body named with its role, in the order of `committee_ids` (leads first)."""
        roles = {ref.id: ref.role for ref in self.committees}
        return [(committee_id, roles[committee_id]) for committee_id in self.committee_ids()]


class Document(_Record):
    """The source document, named once."""

    title: Heading
    section: Heading
    publisher: NonEmptyText
    date: dt.date
    status: NonEmptyText
    pages: Annotated[int, Field(ge=1, strict=True)]
    source_file: NonEmptyText
    editorial_notes: list[NonEmptyText] = []


class ActionPlan(_Record):
    """The whole action plan file: the document and its initiatives."""

    document: Document
    initiatives: list[Initiative]


class Committee(_Record):
    """A body in the registry of committees."""

    id: Slug
    name: Name
    kind: CommitteeKind


class CommitteeRegistry(_Record):
    """The committees file."""

    committees: Annotated[list[Committee], Field(min_length=1)]


class Theme(_Record):
    """A theme of the controlled vocabulary."""

    id: Slug
    name: Name
    name_en: Name


class ThemeRegistry(_Record):
    """The themes file."""

    themes: Annotated[list[Theme], Field(min_length=1)]


class PlaceKind(StrEnum):
    """How a named place's geometry was made."""

    OUTLINE = "outline"
    DISTRICT = "district"
    POINT_BUFFER = "point_buffer"
    DISTRICT_AND_BUFFER = "district_and_buffer"
    CORRIDOR = "corridor"
    REGION = "region"


class PlaceProperties(BaseModel):
    """The properties every named place in places.geojson carries."""

    model_config = ConfigDict(extra="allow", frozen=True)

    id: Slug
    name: Name
    name_en: Name
    kind: PlaceKind
    method: NonEmptyText
    source: NonEmptyText
    # A short credit in Swedish for readers; `source` keeps the full provenance for reviewers.
    credit: Text = ""
    approximate: bool
    radius_m: Annotated[int, Field(ge=0, le=100_000)] | None = None
    label_lon: Annotated[float, Field(ge=-180, le=180)]
    label_lat: Annotated[float, Field(ge=-90, le=90)]


class AreaProperties(BaseModel):
    """The properties of a context layer's feature (stadsdel, stadsdelsområde, outline)."""

    model_config = ConfigDict(extra="allow", frozen=True)

    id: Slug
    name: Name


class FollowUpStatus(StrEnum):
    """What became of an initiative, as a follow-up entry's source states it (Swedish words)."""

    DONE = "genomförd"
    ONGOING = "pågår"
    PARTLY = "delvis"
    NOT_DONE = "ej genomförd"
    CHANGED = "ändrad inriktning"
    UNKNOWN = "okänt"


# A follow-up's date is as exact as its source: a year, a month or a day.
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
PARTIAL_DATE_HINT = "ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD"


def _partial_date(value: object) -> str:
    """Accept a date as YAML reads it (a date, a bare year, or text) and return it as ISO text."""
    if isinstance(value, dt.datetime):
        raise ValueError(f"ange ett datum utan klockslag ({PARTIAL_DATE_HINT})")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    match = _PARTIAL_DATE.match(text) if isinstance(text, str) else None
    if match is None:
        shown = repr(text[:40]) if isinstance(text, str) else type(value).__name__
        raise ValueError(f"{shown} är inget giltigt datum ({PARTIAL_DATE_HINT})")
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        raise ValueError(f"{text!r} är inget giltigt datum ({PARTIAL_DATE_HINT})") from None
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise ValueError(f"året {year} ligger utanför {YEAR_MIN}–{YEAR_MAX}")
    return text


PartialDate = Annotated[str, BeforeValidator(_partial_date)]


_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _day(value: object) -> dt.date:
    """Accept a whole day only: pydantic would read a bare number as seconds since 1970."""
    if isinstance(value, dt.datetime):
        raise ValueError("ange en dag utan klockslag (ÅÅÅÅ-MM-DD)")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _DAY.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    shown = repr(value[:40]) if isinstance(value, str) else repr(value)[:40]
    raise ValueError(f"{shown} är inget giltigt datum (ÅÅÅÅ-MM-DD)")


# A day the file states of its own work: when a source was read, an entry written, a search made.
Day = Annotated[dt.date, BeforeValidator(_day)]


def partial_date_bounds(text: str) -> tuple[dt.date, dt.date]:
    """Return the first and last day a partial date covers ("2012-02" is 1–29 February 2012)."""
    parts = [int(part) for part in text.split("-")]
    if len(parts) == 3:
        day = dt.date(parts[0], parts[1], parts[2])
        return day, day
    if len(parts) == 2:
        following = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return dt.date(parts[0], parts[1], 1), following - dt.timedelta(days=1)
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


Url = Annotated[str, Field(max_length=2000), AfterValidator(web_address)]
# Short texts of a follow-up (an entry's text, where a search was made) are shown whole.
FollowUpText = Annotated[str, Field(min_length=1, max_length=1000), _Printable]


class FollowUpSource(_Record):
    """Where a follow-up entry's outcome is stated: a public page or a document."""

    title: NonEmptyText
    publisher: NonEmptyText
    # The source's own date, as it states it; left out when the source shows none.
    date: PartialDate | None = None
    # The day the source was read: what an undated entry is told by ("läst 7 december 2026").
    read: Day
    url: Url | None = None
    reference: NonEmptyText | None = None

    @model_validator(mode="after")
    def _can_be_found(self) -> FollowUpSource:
        if self.url is None and self.reference is None:
            raise ValueError("källan saknar url eller reference: ange var den finns")
        return self


class FollowUpEntry(_Record):
    """One sourced statement of what became of an initiative, dated only as its source dates it."""

    # When what the source describes happened or was in force; None when the source gives no date.
    date: PartialDate | None = None
    status: FollowUpStatus
    text: FollowUpText
    source: FollowUpSource
    recorded: Day

    @property
    def period_end(self) -> dt.date:
        """The last day the event date covers, or the reading day of an undated entry."""
        return partial_date_bounds(self.date)[1] if self.date else self.source.read

    @property
    def sort_key(self) -> tuple[str, int]:
        """The event date padded to a day (a year sorts before its days), else the reading day.

        An undated entry comes after the dated entries of its reading day.
        """
        if self.date is None:
            return self.source.read.isoformat(), 1
        return self.date + "-00-00"[len(self.date) - 4 :], 0


class FollowUpSearch(_Record):
    """Where and when a source for an initiative's outcome was looked for."""

    date: Day
    where: FollowUpText


class InitiativeFollowUp(_Record):
    """The follow-up of one initiative: its entries in the file's order, and its searches."""

    initiative: Slug
    entries: list[FollowUpEntry] = []
    searched: list[FollowUpSearch] = []

    @model_validator(mode="after")
    def _entries_or_searched(self) -> InitiativeFollowUp:
        if not self.entries and not self.searched:
            raise ValueError(
                "initiativet har varken poster (entries) eller en sökning (searched): "
                "ange var och när en källa söktes när ingen hittades"
            )
        return self


class FollowUpFile(_Record):
    """The follow-up file: entries per initiative, beside the plan and never changing it."""

    follow_ups: list[InitiativeFollowUp]
