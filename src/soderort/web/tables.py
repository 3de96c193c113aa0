"""The initiatives as tables: JSON records and the CSV that the Table page downloads."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from soderort.exports import initiatives_table
from soderort.loading import PlanData
from soderort.model import Initiative
from soderort.render.spreadsheet_files import to_csv_bytes
from soderort.web.records import initiative_record, licence


def json_bytes(document: dict[str, Any]) -> bytes:
    """Write a document as UTF-8 JSON; ``<``, ``>`` and ``&`` escaped, so no HTML parser acts."""
    text = json.dumps(document, ensure_ascii=False, indent=1)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return text.encode("utf-8")


def initiatives_json(
    data: PlanData, initiatives: Sequence[Initiative], language: str, query: str
) -> bytes:
    """Write the initiatives as JSON: licence and source, the query, and one record each.

    Parameters
    ----------
    data : PlanData
        The loaded plan.
    initiatives : sequence of Initiative
        The initiatives the query lets through, in the plan's order.
    language : str
        The language of the labels the app adds.
    query : str
        The query the initiatives were chosen with, as the request gave it.

    Returns
    -------
    bytes
        ``{"licence", "source", "query", "count", "total", "initiatives": [...]}``.
    """
    return json_bytes(
        {
            **licence(data, language),
            "query": query,
            "count": len(initiatives),
            "total": len(data.initiatives),
            "initiatives": [initiative_record(data, item, language) for item in initiatives],
        }
    )


def initiatives_csv(data: PlanData, initiatives: Sequence[Initiative], language: str) -> bytes:
    """Write the initiatives as the Table page's CSV: its columns, separator and cell rules."""
    return to_csv_bytes(initiatives_table(data, initiatives, language))
