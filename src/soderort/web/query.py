"""A request's query read as the dashboard's view, or refused with a 400 that names the parameter.

The addresses under ``/data/`` take the dashboard's own parameters (`soderort.viewstate`): the
same decoder, the same ids, so that a link's query gives the same initiatives here as on the
dashboard. Where the dashboard drops what it cannot use and shows a notice, an address for
programs must not answer with other data than asked for: every notice is a `QueryError`, and the
limits on the query are the app's (Streamlit reads no query past them).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from soderort.i18n import LANGUAGES, reason_label, t
from soderort.loading import PlanData
from soderort.viewstate import (
    PAGE_QUERY_KEYS,
    QP_LANGUAGE,
    Notice,
    ViewState,
    decode_query,
)

# The app's limits on a query (Streamlit's CLIENT_STATE_QUERY_STRING_MAX_FIELDS and _LENGTH; a
# unit test checks they agree): the dashboard reads no query past them, so neither does /data/.
MAX_QUERY_FIELDS = 1000
MAX_QUERY_CHARS = 512 * 1024
# Reasons of this module's own, beside `soderort.viewstate.REASONS`: the whole query is refused.
MAX_QUERY_CHARS_REASON = "query_too_long"
MAX_QUERY_FIELDS_REASON = "query_too_many"
# The name a notice about the whole query gives as its parameter.
QUERY_PARAM = "query"


@dataclass(frozen=True)
class QueryError(Exception):
    """The query holds what cannot be used: one `Notice` per parameter value."""

    notices: tuple[Notice, ...]
    language: str

    def body(self) -> dict[str, Any]:
        """Return the 400's JSON body: a sentence, and each parameter with its value and reason."""
        language = self.language
        items = [
            t(
                "notice.item",
                language,
                param=notice.param,
                value=notice.value,
                reason=_reason(notice.reason, language),
            )
            for notice in self.notices
        ]
        return {
            "error": t("data.bad_query", language, items="; ".join(items)),
            "parameters": [
                {
                    "parameter": notice.param,
                    "value": notice.value,
                    "reason": notice.reason,
                    "message": _reason(notice.reason, language),
                }
                for notice in self.notices
            ],
        }


def _reason(reason: str, language: str) -> str:
    if reason == MAX_QUERY_CHARS_REASON:
        return t("data.reason.query_too_long", language, limit=MAX_QUERY_CHARS)
    if reason == MAX_QUERY_FIELDS_REASON:
        return t("data.reason.query_too_many", language, limit=MAX_QUERY_FIELDS)
    return reason_label(reason, language)


def _language(items: list[tuple[str, str]]) -> str:
    # The error's language: the query's own lang= where it names one, else Swedish.
    for key, value in items:
        if key == QP_LANGUAGE and value.strip().lower() in LANGUAGES:
            return value.strip().lower()
    return "sv"


def read_view(
    query_string: str,
    items: Iterable[tuple[str, str]],
    data: PlanData,
    *,
    ignored: Iterable[str] = PAGE_QUERY_KEYS,
) -> ViewState:
    """Read a request's query as the dashboard's view, refusing anything it cannot use.

    Parameters
    ----------
    query_string : str
        The raw query (for the length limit).
    items : iterable of (str, str)
        The query's key and value pairs in order, repeated keys repeated (Starlette's
        ``request.query_params.multi_items()``).
    data : PlanData
        The loaded plan, for the valid ids and years.
    ignored : iterable of str
        Keys the dashboard's pages read themselves (the presentation's ``slide``): a dashboard
        link keeps them, and they change nothing here.

    Returns
    -------
    ViewState
        The filters, the place and the language the query names.

    Raises
    ------
    QueryError
        With every value that cannot be used: an unknown parameter or id, a year outside the
        plan, a repeated key, a value too long, or a query past the app's limits.
    """
    pairs = list(items)
    language = _language(pairs)
    if len(query_string) > MAX_QUERY_CHARS:
        notice = Notice(QUERY_PARAM, f"{len(query_string)}", MAX_QUERY_CHARS_REASON)
        raise QueryError((notice,), language)
    if len(pairs) > MAX_QUERY_FIELDS:
        raise QueryError((Notice(QUERY_PARAM, f"{len(pairs)}", MAX_QUERY_FIELDS_REASON),), language)
    skipped = set(ignored)
    params: dict[str, list[str]] = {}
    for key, value in pairs:
        if key not in skipped:
            params.setdefault(key, []).append(value)
    view, notices = decode_query(params, data)
    if notices:
        raise QueryError(tuple(notices), language)
    return view
