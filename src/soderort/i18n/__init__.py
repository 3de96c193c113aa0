"""Interface text in Swedish and English.

Everything the interface says is looked up with `t` and a literal key (a unit test scans the
code for any other kind), so that a search for a key finds every place it is shown; values are
named in words by the functions of `labels`. The initiatives' own texts stay in Swedish.

The texts live in one table per area, each key -> {"sv": ..., "en": ...}: `common` (words
several views share, titles, sidebar, counts, notices), `pages` (each page's own texts),
`statements` (the About page and the accessibility statement) and `outputs` (the map's HTML, the
timeline chart, the printed report); `frontend` holds Streamlit's own widget texts. To add a
text, add a key to the table it belongs to with both languages and the same ``{placeholders}``
in each. One text has one key: the unit tests fail on a key nothing uses and on two keys with
the same text.

Texts are shown with Streamlit's Markdown, so they may use it (file names in backticks); values
filled into a placeholder from data or a URL must be escaped by the caller with
`soderort.inert.markdown`. The `outputs` texts are not Markdown: see that module.
"""

from __future__ import annotations

from soderort.i18n.labels import (
    bad_slide_message,
    chart_labels,
    column_label,
    committee_kind_label,
    follow_up_label,
    map_colour_label,
    place_committee_headers,
    reason_label,
    role_label,
    status_label,
    table_column_help,
    table_column_label,
    timeline_colour_label,
)
from soderort.i18n.lookup import (
    DEFAULT_LANGUAGE,
    LANGUAGE_NAMES,
    LANGUAGES,
    MONTHS,
    STRINGS,
    format_date,
    format_time,
    initiative_count,
    placeholders,
    t,
)

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "MONTHS",
    "STRINGS",
    "bad_slide_message",
    "chart_labels",
    "column_label",
    "committee_kind_label",
    "follow_up_label",
    "format_date",
    "format_time",
    "initiative_count",
    "map_colour_label",
    "place_committee_headers",
    "placeholders",
    "reason_label",
    "role_label",
    "status_label",
    "t",
    "table_column_help",
    "table_column_label",
    "timeline_colour_label",
]
