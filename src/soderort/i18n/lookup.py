"""Looking texts up: the languages, `t`, and the formatting of counts and dates."""

from __future__ import annotations

import datetime as dt
import string
from zoneinfo import ZoneInfo

from soderort.i18n import common, outputs, pages, statements

LANGUAGES: tuple[str, ...] = ("sv", "en")
DEFAULT_LANGUAGE = "sv"
# What the language switch shows: each language's name in itself.
LANGUAGE_NAMES: dict[str, str] = {"sv": "Svenska", "en": "English"}

# Month names for `format_date`; Swedish writes them in lower case.
MONTHS: dict[str, tuple[str, ...]] = {
    "sv": (
        "januari", "februari", "mars", "april", "maj", "juni",
        "juli", "augusti", "september", "oktober", "november", "december",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip

# Every key -> {"sv": ..., "en": ...}, from the tables by area; a key lives in one table only.
STRINGS: dict[str, dict[str, str]] = {
    **common.TEXTS,
    **pages.TEXTS,
    **statements.TEXTS,
    **outputs.TEXTS,
}


def t(key: str, language: str, **params: object) -> str:
    """Look up an interface text.

    Parameters
    ----------
    key : str
        A key of `STRINGS`, e.g. ``"page.map"``.
    language : str
        ``"sv"`` or ``"en"``; any other value gives Swedish.
    **params
        Values for the text's ``{placeholders}``.

    Returns
    -------
    str
        The text in the language, with the placeholders filled in.

    Raises
    ------
    KeyError
        When the key is not in `STRINGS` (a programming error, found by the tests).
    """
    texts = STRINGS[key]
    text = texts.get(language, texts[DEFAULT_LANGUAGE])
    return text.format(**params) if params else text


def placeholders(text: str) -> set[str]:
    """Return the names of the ``{placeholders}`` in a text.

    Parameters
    ----------
    text : str
        A format string.

    Returns
    -------
    set of str
        The field names, without format specs.
    """
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def initiative_count(count: int, language: str) -> str:
    """Return a number of initiatives in words, e.g. "3 initiativ" or "1 initiative".

    Parameters
    ----------
    count : int
        How many.
    language : str
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str
        The count with the noun in the right number.
    """
    if count == 1:
        return t("count.one_initiative", language)
    return t("count.n_initiatives", language, n=count)


# The city's clock: a time shown to a reader is Stockholm's.
LOCAL_ZONE = ZoneInfo("Europe/Stockholm")


def format_time(moment: dt.datetime, language: str) -> str:
    """Write a moment as Stockholm's date and time, e.g. "7 december 2026, 06:12"."""
    local = moment.astimezone(LOCAL_ZONE)
    return f"{format_date(local.date(), language)}, {local:%H:%M}"


def format_date(date: dt.date, language: str) -> str:
    """Write a date the way the language does, e.g. "15 april 2010" or "15 April 2010".

    Parameters
    ----------
    date : datetime.date
        The date.
    language : str
        ``"sv"`` or ``"en"``; any other value gives Swedish.

    Returns
    -------
    str
        Day, month name and year.
    """
    months = MONTHS.get(language, MONTHS[DEFAULT_LANGUAGE])
    return f"{date.day} {months[date.month - 1]} {date.year}"
