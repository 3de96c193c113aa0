"""A one-page sheet for one place: its name, how it is drawn, the map, its initiatives."""

from __future__ import annotations

from collections.abc import Sequence

from soderort.exports import header, source_text
from soderort.facts import place_drawing, place_initiatives
from soderort.followup import latest_plain
from soderort.i18n import status_label, t
from soderort.loading import PlanData
from soderort.model import Initiative
from soderort.palette import (
    HEADING_COLOUR,
    LIGHT_RULE_COLOUR,
    MUTED_TEXT_COLOUR,
    NOTE_COLOUR,
    TABLE_HEADER_BACKGROUND,
)
from soderort.readings import noted_text
from soderort.render.pdf_pages import (
    A4_FRAME_WIDTH_MM,
    REPORT_TITLE,
    footer_text,
    map_figure,
    tagged_pdf,
    text,
)
from soderort.render.report_pdf import (
    INITIATIVE_CSS,
    REPORT_CSS,
    initiative_block,
    map_alt,
    reading_note_lines,
    source_cell,
)

# The place sheet shows up to this many initiatives in full, more as one condensed table.
PLACE_BLOCKS_MAX = 2
_PLACE_TABLE_FIELDS = ("uppdrag", "forvantat_resultat", "tidplan", "ansvarig_namnd")
_PLACE_TABLE_SHARES = (22, 22, 22, 14, 20)

# Set in smaller type (0.86 of the report's) to fit one A4 page.
PLACE_CSS = f"""
html {{ font-size: 8.6pt; }}
h1 {{ font-size: 18pt; line-height: 22.4pt; margin-bottom: 5pt; }}
h2 {{ font-size: 12.9pt; margin: 3.4pt 0 5.2pt; }}
h3 {{ font-size: 9.9pt; }}
.meta {{ font-size: 6.9pt; }}
.note {{ font-size: 6.2pt; }}
.small {{ font-size: 7.3pt; }}
.initiative {{ margin-bottom: 2mm; }}
table.fields th {{ width: 30mm; font-size: 6.9pt; padding: 2.1pt 4pt 1pt 0; }}
table.fields td {{ font-size: 7.9pt; padding: 1pt 4pt 1pt 0; }}
table.fields tr.follow-up th, table.fields tr.follow-up td {{ padding-bottom: 4pt; }}
table.places {{ width: 100%; font-size: 7.2pt; line-height: 8.9pt; }}
table.places thead {{ display: table-header-group; }}
table.places th {{
  font-size: 7.2pt; font-weight: bold; color: {MUTED_TEXT_COLOUR};
  background: {TABLE_HEADER_BACKGROUND}; border-bottom: 0.8pt solid {HEADING_COLOUR};
}}
table.places th, table.places td {{ vertical-align: top; padding: 2pt 3pt 2.5pt 2pt; }}
table.places td {{ border-bottom: 0.3pt solid {LIGHT_RULE_COLOUR}; }}
table.places tr {{ break-inside: avoid; }}
table.places .title {{ font-weight: bold; }}
table.places .meta {{ font-size: 6.4pt; line-height: 7.8pt; margin: 0; }}
table.places .note {{ font-size: 6.2pt; line-height: 7.4pt; color: {NOTE_COLOUR}; }}
"""


def _place_table(data: PlanData, items: Sequence[Initiative], language: str) -> str:
    """Condense a place's initiatives into one table: heading, then the main source columns."""
    headings = [header("rubrik", language), *(header(f, language) for f in _PLACE_TABLE_FIELDS)]
    columns = "".join(f'<col style="width: {share}%">' for share in _PLACE_TABLE_SHARES)
    head = "".join(f'<th scope="col">{text(heading)}</th>' for heading in headings)
    rows = []
    for initiative in items:
        meta = (
            f"{t('common.status', language)}: "
            f"{status_label(initiative.timeline.status, language)} · "
            f"{source_text(initiative, language)}"
        )
        follow_up = (
            f"{t('followup.heading', language)}: "
            f"{latest_plain(data, initiative.id, language, text=False)}"
        )
        first = (
            f'<p class="title">{text(noted_text(initiative, "rubrik", language))}</p>'
            f"{reading_note_lines(initiative, language)}"
            f'<p class="meta">{text(meta)}</p><p class="note">{text(follow_up)}</p>'
        )
        cells = "".join(
            f"<td>{source_cell(initiative, field, language)}</td>" for field in _PLACE_TABLE_FIELDS
        )
        rows.append(f"<tr><td>{first}</td>{cells}</tr>")
    return (
        f'<table class="places"><colgroup>{columns}</colgroup><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def build_place_pdf(
    data: PlanData,
    place_id: str,
    initiatives: Sequence[Initiative],
    map_png: bytes | None,
    language: str = "sv",
    filters_description: Sequence[str] = (),
) -> bytes:
    """Make a one-page sheet for one place: its name, how it is drawn, the map, its initiatives.

    Set in smaller type to fit one A4 page; a place with many initiatives flows onto a second.

    Parameters
    ----------
    data : PlanData
        The loaded plan.
    place_id : str
        The place (an id of `data.places`).
    initiatives : sequence of Initiative
        The initiatives to list; those that do not name the place are left out.
    map_png : bytes or None
        The map framed on the place (see `render_map_png` with ``place_id``).
    language : str
        "sv" or "en" for the labels; the initiative texts stay Swedish.
    filters_description : sequence of str
        One readable line per active filter ("Nämnd: Kulturnämnden"), named on the sheet so
        that a filtered sheet is never read as the place's whole plan; empty for none.

    Returns
    -------
    bytes
        A tagged A4 PDF (PDF/UA-1).

    Raises
    ------
    KeyError
        When the place is not in the data.
    """
    if place_id not in data.places.index:
        raise KeyError(place_id)
    items = place_initiatives(initiatives, place_id)
    name = data.place_name_or_id(place_id, language)
    parts = [f'<p class="meta">{text(REPORT_TITLE)}</p>', f"<h1>{text(name)}</h1>"]
    for label, value in place_drawing(data, place_id, language):
        parts.append(f'<p class="small">{text(f"{label}: {value}")}</p>')
    if filters_description:
        filters = f"{t('common.filters', language)}: {'; '.join(filters_description)}"
        parts.append(f'<p class="small filters">{text(filters)}</p>')
    parts.append('<div style="height: 3mm"></div>')
    if map_png:
        map_height = {0: 120, 1: 120, 2: 95}.get(len(items), 90 if len(items) <= 6 else 72)
        alt = map_alt(data, initiatives, language, place_id)
        parts.append(map_figure(map_png, alt, A4_FRAME_WIDTH_MM, map_height))
        parts.append('<div style="height: 2mm"></div>')
    heading = f"<h2>{text(t('report.place_initiatives', language, n=len(items)))}</h2>"
    if not items:
        parts += [heading, f"<p>{text(t('report.no_initiatives', language))}</p>"]
    elif len(items) > PLACE_BLOCKS_MAX:
        # A few initiatives are shown in full; more become one table, so the sheet keeps to a page.
        parts += [heading, _place_table(data, items, language)]
    else:
        parts.append(heading)
        parts += [initiative_block(data, item, language, compact=True) for item in items]
    return tagged_pdf(
        title=f"{name} – {REPORT_TITLE}",
        language=language,
        footer=footer_text(data, language),
        body="".join(parts),
        css=INITIATIVE_CSS + REPORT_CSS + PLACE_CSS,
    )
