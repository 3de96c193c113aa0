"""The follow-up entries as an Atom feed (RFC 4287), newest first.

Built with the standard library's ElementTree, which escapes every text and attribute for XML;
no part of the feed is assembled as a string. Each entry names its initiative, its places, its
status, the source's link and its dates; the dates that Atom has no field for (when it happened,
when the source was published and read, all as exact as the source) are in the project's own
namespace, and in the entry's text for people.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from soderort.exports import header
from soderort.followup import source_text, status_on
from soderort.i18n import t
from soderort.loading import PlanData
from soderort.model import FollowUpEntry, Initiative
from soderort.viewstate import PLACE_PAGE_PATH, QP_LANGUAGE, QP_PLACE
from soderort.web.records import follow_up_record, licence

ATOM = "http://www.w3.org/2005/Atom"
# The project's namespace for the follow-up's own fields (feed readers show the text instead).
FOLLOW_UP_NS = "urn:x-soderort-2030:uppfoljning"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATUS_SCHEME = f"{FOLLOW_UP_NS}:status"
PLACE_SCHEME = f"{FOLLOW_UP_NS}:place"

ET.register_namespace("", ATOM)
ET.register_namespace("uppf", FOLLOW_UP_NS)


@dataclass(frozen=True)
class FeedLinks:
    """The absolute addresses the feed links to: itself and the dashboard."""

    self_url: str
    site_url: str


def _atom(tag: str) -> str:
    return f"{{{ATOM}}}{tag}"


def _own(tag: str) -> str:
    return f"{{{FOLLOW_UP_NS}}}{tag}"


def _child(parent: ET.Element, tag: str, text: str | None = None, **attrib: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrib)
    if text is not None:
        element.text = text
    return element


def _timestamp(day: dt.date | str) -> str:
    # Atom's dates are full date-times: a day is written as its midnight, UTC.
    text = day.isoformat() if isinstance(day, dt.date) else str(day)
    return f"{text}T00:00:00Z"


def feed_entries(
    data: PlanData, initiatives: Sequence[Initiative]
) -> list[tuple[Initiative, FollowUpEntry]]:
    """Return every follow-up entry of the initiatives, newest first."""
    pairs = [(item, entry) for item in initiatives for entry in data.follow_up_entries(item.id)]
    # When it held (an undated entry by the day its source was read), then when it was written.
    return sorted(pairs, key=lambda pair: (pair[1].sort_key, pair[1].recorded), reverse=True)


def _entry_id(item: Initiative, record: dict[str, Any]) -> str:
    # Stable while the entry is: its initiative, dates, status and source, not its position.
    source = record["source"]
    key = "|".join(
        str(value)
        for value in (
            item.id,
            record["date"],
            record["status"],
            record["recorded"],
            source["url"] or source["reference"],
        )
    )
    return f"{FOLLOW_UP_NS}:{item.id}:{hashlib.sha256(key.encode()).hexdigest()[:16]}"


def _place_url(links: FeedLinks, place: str, language: str) -> str:
    query = {QP_PLACE: place, **({QP_LANGUAGE: language} if language != "sv" else {})}
    return f"{links.site_url}/{PLACE_PAGE_PATH}?{urlencode(query)}"


def _entry(
    feed: ET.Element,
    data: PlanData,
    item: Initiative,
    entry: FollowUpEntry,
    links: FeedLinks,
    language: str,
) -> None:
    record = follow_up_record(entry, language)
    source = record["source"]
    element = _child(feed, _atom("entry"))
    _child(element, _atom("id"), _entry_id(item, record))
    _child(element, _atom("title"), f"{item.rubrik}: {status_on(entry, language)}", type="text")
    _child(element, _atom("updated"), _timestamp(record["recorded"]))
    if source["url"]:
        _child(element, _atom("link"), rel="alternate", type="text/html", href=source["url"])
    places = list(dict.fromkeys(item.places))
    for place in places:
        _child(element, _atom("link"), rel="related", href=_place_url(links, place, language))
    _child(
        element,
        _atom("category"),
        term=record["status"],
        label=record["status_label"],
        scheme=STATUS_SCHEME,
    )
    for place in places:
        name = data.place_name_or_id(place, language)
        _child(element, _atom("category"), term=place, label=name, scheme=PLACE_SCHEME)
    source_line = source_text(entry, language).line()
    lines = [
        status_on(entry, language),
        record["text"],
        f"{t('common.source', language)}: {source_line}",
        f"{t('data.feed.initiative', language)}: {item.rubrik} ({item.id})",
        f"{header('places', language)}: "
        + "; ".join(data.place_name_or_id(place, language) for place in places),
    ]
    _child(element, _atom("summary"), record["text"], type="text")
    _child(element, _atom("content"), "\n".join(lines), type="text")
    _child(element, _own("initiative"), item.rubrik, id=item.id)
    for place in places:
        _child(element, _own("place"), data.place_name_or_id(place, language), id=place)
    _child(element, _own("status"), record["status_label"], id=record["status"])
    for tag, value in (
        ("date", record["date"]),
        ("sourceDate", source["date"]),
        ("read", source["read"]),
        ("recorded", record["recorded"]),
    ):
        if value:
            _child(element, _own(tag), value)


def followups_atom(
    data: PlanData,
    initiatives: Sequence[Initiative],
    language: str,
    links: FeedLinks,
    updated: dt.datetime,
) -> bytes:
    """Write the follow-up entries of the initiatives as an Atom feed, newest first.

    Parameters
    ----------
    data : PlanData
        The loaded plan.
    initiatives : sequence of Initiative
        The initiatives whose entries the feed holds (the query's).
    language : str
        The language of the feed's own words; the entries' texts stay Swedish.
    links : FeedLinks
        The feed's own address and the dashboard's.
    updated : datetime.datetime
        When the data last changed (the feed's ``updated``).

    Returns
    -------
    bytes
        UTF-8 XML with a declaration.
    """
    about = licence(data, language)
    feed = ET.Element(_atom("feed"), {XML_LANG: language})
    _child(feed, _atom("id"), links.self_url)
    _child(feed, _atom("title"), t("data.feed.title", language), type="text")
    _child(feed, _atom("subtitle"), about["source"], type="text")
    _child(feed, _atom("updated"), updated.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    _child(feed, _atom("link"), rel="self", type="application/atom+xml", href=links.self_url)
    _child(feed, _atom("link"), rel="alternate", type="text/html", href=f"{links.site_url}/")
    author = _child(feed, _atom("author"))
    _child(author, _atom("name"), t("map.title", language))
    _child(feed, _atom("rights"), about["licence"], type="text")
    for item, entry in feed_entries(data, initiatives):
        _entry(feed, data, item, entry, links, language)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
