"""The handout for the council's table: one page with the map, the counts per place, the filters.

A4 or A3, the same page scaled: every length is set in millimetres times the page's scale.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from soderort.describe import document_source
from soderort.facts import count_by_place
from soderort.i18n import format_date, t
from soderort.loading import PlanData
from soderort.model import Initiative
from soderort.palette import (
    HEADING_COLOUR,
    LIGHT_RULE_COLOUR,
    MUTED_TEXT_COLOUR,
    TABLE_HEADER_BACKGROUND,
)
from soderort.render.pdf_pages import (
    REPORT_TITLE,
    footer_text,
    map_figure,
    tagged_document,
    text,
    write_tagged,
)
from soderort.render.report_pdf import map_alt

# Page size: how much larger than A4 each length is.
SIZES = {"A4": 1.0, "A3": 2**0.5}
_MARGIN_MM = 12
# The map's height on A4, tried in turn until the page holds everything (a long filter list
# takes room from the map, never a second page).
_MAP_HEIGHTS_MM = (135, 115, 95, 75)


def _css(scale: float) -> str:
    def pt(size: float) -> str:
        return f"{size * scale:.2f}pt"

    return f"""
html {{ font-size: {pt(9.5)}; }}
h1 {{ font-size: {pt(17)}; line-height: 1.2; margin-bottom: {pt(3)}; }}
h2 {{ font-size: {pt(11.5)}; margin: 0 0 {pt(4)}; }}
.subtitle {{ font-size: {pt(9)}; }}
.count-line {{ font-size: {pt(13)}; margin: {pt(6)} 0 {pt(4)}; }}
.label {{ font-size: {pt(8)}; }}
.small {{ font-size: {pt(8)}; margin-top: {pt(3)}; }}
ul {{ padding-left: {pt(16)}; }}
.columns {{ margin-top: {pt(6)}; }}
.counts {{ float: left; width: 48%; }}
.facts {{ margin-left: 52%; }}
table.counts-table {{ width: 100%; }}
table.counts-table th, table.counts-table td {{
  padding: {pt(1.6)} {pt(4)}; border-bottom: {pt(0.4)} solid {LIGHT_RULE_COLOUR};
}}
table.counts-table thead th {{
  background: {TABLE_HEADER_BACKGROUND}; border-bottom: {pt(0.8)} solid {HEADING_COLOUR};
  color: {MUTED_TEXT_COLOUR}; font-size: {pt(8)};
}}
table.counts-table td.n, table.counts-table th.n {{ text-align: right; width: 28%; }}
table.counts-table tr.zero td {{ color: {MUTED_TEXT_COLOUR}; }}
.footer {{ font-size: {pt(7)}; }}
@page {{ @bottom-left {{ font-size: {pt(7)}; }} @bottom-right {{ font-size: {pt(7)}; }} }}
"""


def data_date(data: PlanData) -> dt.date | None:
    """Return the day the data was last brought up to date: its latest recorded follow-up."""
    days = [entry.recorded for entries in data.follow_ups.values() for entry in entries]
    return max(days, default=None)


def _counts_table(data: PlanData, initiatives: Sequence[Initiative], language: str) -> str:
    rows = "".join(
        f'<tr{" class=zero" if n == 0 else ""}><th scope="row">'
        f"{text(data.place_name_or_id(place, language))}</th>"
        f'<td class="n">{n}</td></tr>'
        for place, n in count_by_place(data, initiatives).items()
    )
    return (
        '<table class="counts-table"><thead><tr>'
        f'<th scope="col">{text(t("common.place", language))}</th>'
        f'<th scope="col" class="n">{text(t("handout.count", language))}</th>'
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )


def _body(
    data: PlanData,
    initiatives: Sequence[Initiative],
    filters_description: list[str],
    map_png: bytes | None,
    language: str,
    printed: dt.date,
    scale: float,
    map_height_mm: float,
) -> str:
    parts = [
        f"<h1>{text(REPORT_TITLE)}</h1>",
        f'<p class="subtitle">{text(document_source(data, language))}</p>',
    ]
    if map_png:
        width = (210 - 2 * _MARGIN_MM) * scale
        alt = map_alt(data, initiatives, language)
        parts.append(map_figure(map_png, alt, width, map_height_mm * scale))
    count = t("report.of", language, n=len(initiatives), total=len(data.initiatives))
    if filters_description:
        filters = "".join(f"<li>{text(line)}</li>" for line in filters_description)
        filters = f"<ul>{filters}</ul>"
    else:
        filters = f"<p>{text(t('report.no_filters', language))}</p>"
    updated = data_date(data)
    dates = [t("report.printed", language, date=format_date(printed, language))]
    if updated is not None:
        dates.insert(0, t("handout.updated", language, date=format_date(updated, language)))
    parts.append(
        '<div class="columns"><section class="counts">'
        f"<h2>{text(t('handout.counts', language))}</h2>"
        f"{_counts_table(data, initiatives, language)}</section>"
        '<section class="facts">'
        f'<p class="count-line">{text(count)}</p>'
        f'<p class="label">{text(t("common.filters", language))}</p>{filters}'
        + "".join(f'<p class="small">{text(line)}</p>' for line in dates)
        + "</section></div>"
    )
    return "".join(parts)


def build_handout_pdf(
    data: PlanData,
    initiatives: Sequence[Initiative],
    filters_description: list[str],
    map_png: bytes | None,
    language: str = "sv",
    size: str = "A4",
    printed: dt.date | None = None,
) -> bytes:
    """Make the one-page handout of the view: map, counts per place, filters and dates.

    Parameters
    ----------
    data : PlanData
        The loaded plan.
    initiatives : sequence of Initiative
        The matching initiatives, already filtered.
    filters_description : list of str
        One readable line per active filter; empty for none.
    map_png : bytes or None
        The map of the view (see `render_map_png`).
    language : str
        "sv" or "en".
    size : str
        "A4" or "A3" (a key of `SIZES`).
    printed : datetime.date, optional
        The printing date; defaults to today.

    Returns
    -------
    bytes
        A tagged PDF (PDF/UA-1) of exactly one page.
    """
    scale = SIZES[size]
    day = printed or dt.date.today()
    for map_height in _MAP_HEIGHTS_MM:
        document = tagged_document(
            title=t("handout.title", language),
            language=language,
            footer=footer_text(data, language),
            body=_body(
                data, initiatives, filters_description, map_png, language, day, scale, map_height
            ),
            css=_css(scale),
            size=size,
            margin_mm=_MARGIN_MM * scale,
        )
        if len(document.pages) == 1:
            break
    return write_tagged(document)
