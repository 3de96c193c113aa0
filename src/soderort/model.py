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

YEAR_MIN = 1990
YEAR_MAX = 2100

Year = Annotated[int, Field(ge=YEAR_MIN, le=YEAR_MAX, strict=True)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
NonEmptyText = Annotated[str, Field(min_length=1, max_length=5000)]
Text = Annotated[str, Field(max_length=5000)]

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


class Timeline(_Record):
    """The structured reading of the Tidplan cell; never more than the text says."""

    start: Year | None = None
    start_approximate: bool = False
    milestones: list[Milestone] = []
    target: Year | None = None
    target_label: Text = ""
    status: Status

    @model_validator(mode="after")
    def _years_in_order(self) -> Timeline:
        if self.start is not None and self.target is not None and self.start > self.target:
            raise ValueError(f"start ({self.start}) ligger efter målåret ({self.target})")
        for milestone in self.milestones:
            if self.target is not None and milestone.year > self.target:
                raise ValueError(f"delmålet {milestone.year} ligger efter målåret ({self.target})")
            if self.start is not None and milestone.year < self.start:
                raise ValueError(f"delmålet {milestone.year} ligger före starten ({self.start})")
        return self

    @property
    def years(self) -> tuple[int, ...]:
        """Every year the timeline names: start, milestones and target, ascending."""
        named = [self.start, *(m.year for m in self.milestones), self.target]
        return tuple(sorted({year for year in named if year is not None}))

    @property
    def is_unknown(self) -> bool:
        """True when the source names no year at all."""
        return not self.years


class CommitteeRole(_Record):
    """A reference from an initiative to a body in the registry, with its role."""

    id: Slug
    role: Role


class Initiative(_Record):
    """One row of the action plan's table."""

    id: Slug
    source: SourceRef
    rubrik: NonEmptyText
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

    title: NonEmptyText
    section: NonEmptyText
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
    name: NonEmptyText
    kind: CommitteeKind


class CommitteeRegistry(_Record):
    """The committees file."""

    committees: Annotated[list[Committee], Field(min_length=1)]


class Theme(_Record):
    """A theme of the controlled vocabulary."""

    id: Slug
    name: NonEmptyText
    name_en: NonEmptyText


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
    name: NonEmptyText
    name_en: NonEmptyText
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
    name: NonEmptyText


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


_WEB_ADDRESS = re.compile(r"^https?://[^\s<>\"'`]+$")


def _web_address(value: str) -> str:
    """Accept only a plain http(s) address: a source link must never run code or break markup."""
    if not _WEB_ADDRESS.match(value):
        raise ValueError("ska vara en webbadress som börjar med https:// (utan mellanslag)")
    return value


PartialDate = Annotated[str, BeforeValidator(_partial_date)]
Url = Annotated[str, Field(max_length=2000), AfterValidator(_web_address)]


class FollowUpSource(_Record):
    """Where a follow-up entry's outcome is stated: a public page or a document."""

    title: NonEmptyText
    publisher: NonEmptyText
    # The source's own date; where it shows none, the day it was read and `undated` is true.
    date: PartialDate
    undated: bool = False
    url: Url | None = None
    reference: NonEmptyText | None = None

    @model_validator(mode="after")
    def _can_be_found(self) -> FollowUpSource:
        if self.url is None and self.reference is None:
            raise ValueError("källan saknar url eller reference: ange var den finns")
        return self


class FollowUpEntry(_Record):
    """One dated, sourced statement of what became of an initiative."""

    date: PartialDate
    status: FollowUpStatus
    text: Annotated[str, Field(min_length=1, max_length=1000)]
    source: FollowUpSource
    recorded: dt.date

    @property
    def period_end(self) -> dt.date:
        """The last day the date covers: 31 December for a year, a month's last day for a month."""
        parts = [int(part) for part in self.date.split("-")]
        if len(parts) == 3:
            return dt.date(parts[0], parts[1], parts[2])
        if len(parts) == 2:
            following = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date(parts[0], 12, 31)

    @property
    def sort_key(self) -> str:
        """The date padded to a day, so that a year sorts before the days within it."""
        return self.date + "-00-00"[len(self.date) - 4 :]


class InitiativeFollowUp(_Record):
    """The follow-up entries of one initiative, in the file's order."""

    initiative: Slug
    entries: Annotated[list[FollowUpEntry], Field(min_length=1)]


class FollowUpFile(_Record):
    """The follow-up file: entries per initiative, beside the plan and never changing it."""

    follow_ups: list[InitiativeFollowUp]
