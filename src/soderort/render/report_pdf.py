"""The meeting-room handout: the map and the filters, then the initiatives place by place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from soderort.exports import cell_text, header, source_text, themes_text
from soderort.facts import committee_entries, count_by_place, group_by_place
from soderort.followup import history_lines
from soderort.i18n import format_date, initiative_count, status_label, t
from soderort.loading import PlanData
from soderort.model import Initiative
from soderort.palette import LIGHT_RULE_COLOUR, MUTED_TEXT_COLOUR
from soderort.readings import noted_text, reading_notes
from soderort.render.pdf_pages import (
    A4_FRAME_WIDTH_MM,
    REPORT_TITLE,
    footer_text,
    map_figure,
    tagged_pdf,
    text,
)

SOURCE_FIELDS = ("uppdrag", "uppdragsgivare", "forvantat_resultat", "tidplan", "ansvarig_namnd")

# An initiative's labelled columns; the place sheet sets them smaller (`COMPACT_CSS`).
INITIATIVE_CSS = f"""
.initiative {{ break-inside: avoid; margin-bottom: 4mm; }}
table.fields {{ width: 100%; }}
table.fields th {{
  width: 36mm; font-size: 8pt; font-weight: bold; color: {MUTED_TEXT_COLOUR};
  vertical-align: top; padding: 2.5pt 4pt 1.4pt 0;
}}
table.fields td {{ font-size: 9.2pt; vertical-align: top; padding: 1.4pt 4pt 1.4pt 0; }}
table.fields tr.follow-up th, table.fields tr.follow-up td {{
  background: #f4f6f8; border-top: 0.6pt solid #5a5a5a;
  border-bottom: 0.4pt solid {LIGHT_RULE_COLOUR}; padding-bottom: 6.4pt;
}}
"""
REPORT_CSS = f"""
.role {{ color: {MUTED_TEXT_COLOUR}; }}
ul.filters li, p.filters {{ font-size: 10pt; }}
.printed {{ margin-top: 5mm; }}
.none {{ margin-top: 4mm; }}
"""


# ------------------------------------------------------------------------------ initiatives


def _committee_lines(data: PlanData, initiative: Initiative, language: str) -> str:
    return "<br>".join(
        f'{text(entry.name)} <span class="role">({text(entry.role)})</span>'
        for entry in committee_entries(data, initiative, language)
    )


def _meta_line(initiative: Initiative, language: str) -> str:
    parts = [
        f"{t('common.status', language)}: {status_label(initiative.timeline.status, language)}"
    ]
    if initiative.timeline.target is not None:
        parts.append(f"{t('common.target', language)}: {initiative.timeline.target}")
    parts.append(f"{t('common.source', language)}: {source_text(initiative, language)}")
    return text(" · ".join(parts))


def source_cell(initiative: Initiative, field: str, language: str) -> str:
    """Return one source column's text as it prints, with a note where the source cuts it off."""
    value = cell_text(initiative, field, language, notes=True)
    cell = text(value) if value.strip() else text(t("report.empty", language))
    if initiative.is_truncated(field):
        cell += f'<p class="note">{text(t("truncated.explanation", language))}</p>'
    return cell


def reading_note_lines(initiative: Initiative, language: str) -> str:
    """Print the reader's notes for the numbers `noted_text` puts after uncertain readings."""
    return "".join(
        f'<p class="note">{text(note)}</p>' for note in reading_notes(initiative, language)
    )


def initiative_block(
    data: PlanData, initiative: Initiative, language: str, compact: bool = False
) -> str:
    """Heading, a small status line and the labelled source columns of one initiative."""
    rows = [
        (header(field, language), source_cell(initiative, field, language))
        for field in SOURCE_FIELDS
    ]
    rows.append((t("common.committees", language), _committee_lines(data, initiative, language)))
    if not compact:
        rows.append((t("common.themes", language), text(themes_text(data, initiative, language))))
    cells = "".join(
        f'<tr><th scope="row">{text(label)}</th><td>{value}</td></tr>' for label, value in rows
    )
    # What became of it, on a shaded row of its own under the plan's columns: every entry,
    # oldest first, beside the plan's expected result and timeline above.
    history = "".join(
        f"<p>{text(line)}</p>" for line in history_lines(data, initiative.id, language)
    )
    cells += (
        f'<tr class="follow-up"><th scope="row">{text(t("followup.heading", language))}</th>'
        f"<td>{history}</td></tr>"
    )
    return (
        '<section class="initiative">'
        f"<h3>{text(noted_text(initiative, 'rubrik', language))}</h3>"
        f"{reading_note_lines(initiative, language)}"
        f'<p class="meta">{_meta_line(initiative, language)}</p>'
        f'<table class="fields"><tbody>{cells}</tbody></table></section>'
    )


def map_alt(
    data: PlanData, initiatives: Sequence[Initiative], language: str, place_id: str | None = None
) -> str:
    """Return the map's text alternative: what it frames and the count it colours each place by."""
    counts = [
        t("report.map_alt_count", language, place=data.place_name_or_id(place, language), n=n)
        for place, n in count_by_place(data, initiatives).items()
        if n
    ]
    listed = ", ".join(counts) if counts else t("report.map_alt_none", language)
    if place_id is None:
        return t("report.map_alt", language, counts=listed)
    name = data.place_name_or_id(place_id, language)
    return t("report.map_alt_place", language, place=name, counts=listed)


# ---------------------------------------------------------------------------------- reports


def build_report_pdf(
    data: PlanData,
    initiatives: Sequence[Initiative],
    filters_description: list[str],
    map_png: bytes | None,
    language: str = "sv",
    printed: dt.date | None = None,
) -> bytes:
    """Make the printable report of the current view, for handing out in a meeting.

    Parameters
    ----------
    data : PlanData
        The loaded plan.
    initiatives : sequence of Initiative
        The matching initiatives, already filtered, in source order.
    filters_description : list of str
        One readable line per active filter ("Nämnd: Kulturnämnden"); empty for none.
    map_png : bytes or None
        The map of the view (see `render_map_png`), printed on the cover.
    language : str
        "sv" or "en" for the labels; the initiative texts stay Swedish.
    printed : datetime.date, optional
        The printing date shown on the cover; defaults to today.

    Returns
    -------
    bytes
        A tagged A4 PDF (PDF/UA-1): a cover page, then the initiatives grouped by place, each
        page with the source document and "Sida n av N" in its footer.
    """
    document = data.document
    parts = [
        f"<h1>{text(REPORT_TITLE)}</h1>",
        f'<p class="subtitle">{text(document.title)}</p>',
        f'<p class="subtitle">{text(document.publisher)} · '
        f"{text(format_date(document.date, language))} · {text(document.status)}</p>",
        '<div style="height: 4mm"></div>',
    ]
    if map_png:
        alt = map_alt(data, initiatives, language)
        parts.append(map_figure(map_png, alt, A4_FRAME_WIDTH_MM, 128))
    count = t("report.of", language, n=len(initiatives), total=len(data.initiatives))
    parts.append(f'<p class="count-line">{text(count)}</p>')
    parts.append(f'<p class="label">{text(t("common.filters", language))}</p>')
    if filters_description:
        items = "".join(f"<li>{text(line)}</li>" for line in filters_description)
        parts.append(f'<ul class="filters">{items}</ul>')
    else:
        parts.append(f'<p class="filters">{text(t("report.no_filters", language))}</p>')
    printed_on = format_date(printed or dt.date.today(), language)
    parts.append(
        f'<p class="small printed">{text(t("report.printed", language, date=printed_on))}</p>'
    )
    groups = group_by_place(data, initiatives)
    if not groups:
        # Nothing matches: the cover says so, and the report ends there.
        parts.append(f'<p class="none">{text(t("report.no_initiatives", language))}</p>')
    for index, (place_id, items) in enumerate(groups):
        name = text(data.place_name_or_id(place_id, language))
        count_text = text(initiative_count(len(items), language))
        blocks = "".join(initiative_block(data, item, language) for item in items)
        first = ' style="break-before: page"' if index == 0 else ""
        parts.append(
            f'<section class="place"{first}>'
            f'<h2>{name} <span class="count">{count_text}</span></h2>{blocks}</section>'
        )
    return tagged_pdf(
        title=REPORT_TITLE,
        language=language,
        footer=footer_text(data, language),
        body="".join(parts),
        css=INITIATIVE_CSS + REPORT_CSS,
    )
