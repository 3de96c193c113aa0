"""A one-page sheet for one place: its name, how it is drawn, the map, its initiatives."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Spacer,
    TableStyle,
)

from soderort.exports import header, source_text
from soderort.facts import (
    place_drawing,
    place_initiatives,
)
from soderort.followup import latest_plain
from soderort.i18n import status_label, t
from soderort.loading import PlanData
from soderort.model import Initiative
from soderort.palette import (
    HEADING_COLOUR,
    LIGHT_RULE_COLOUR,
    TABLE_HEADER_BACKGROUND,
)
from soderort.readings import noted_text
from soderort.render.pdf_pages import (
    FONT,
    FONT_BOLD,
    REPORT_TITLE,
    footer_text,
    frame_width,
    map_image,
    markup,
    numbered_canvas,
    paragraph_styles,
    pdf_document,
    split_if_too_tall,
)
from soderort.render.print_speed import Paragraph, Table
from soderort.render.report_pdf import initiative_block, reading_note_paragraphs, source_cell

# The place sheet shows up to this many initiatives in full, more as one condensed table.
PLACE_BLOCKS_MAX = 2
_PLACE_TABLE_FIELDS = ("uppdrag", "forvantat_resultat", "tidplan", "ansvarig_namnd")


def _place_table(data: PlanData, items: Sequence[Initiative], language: str) -> Table:
    """Condense a place's initiatives into one table: heading, then the main source columns."""
    styles = paragraph_styles(compact=True)
    cell_style = ParagraphStyle("cell", parent=styles["value"], fontSize=7.2, leading=8.9)
    head_style = ParagraphStyle("head", parent=styles["label"], fontSize=7.2, leading=8.9)
    note_style = ParagraphStyle("cellnote", parent=styles["note"], fontSize=6.2, leading=7.4)
    meta_style = ParagraphStyle("cellmeta", parent=styles["meta"], fontSize=6.4, leading=7.8)
    title_style = ParagraphStyle(
        "celltitle", parent=cell_style, fontName=FONT_BOLD, fontSize=7.2, leading=8.9
    )
    headings = [header("rubrik", language), *(header(f, language) for f in _PLACE_TABLE_FIELDS)]
    rows: list[list[Any]] = [[Paragraph(markup(text), head_style) for text in headings]]
    for initiative in items:
        meta = markup(
            f"{status_label(initiative.timeline.status, language)} · "
            f"{source_text(initiative, language)}"
        )
        follow_up = markup(
            f"{t('followup.heading', language)}: "
            f"{latest_plain(data, initiative.id, language, text=False)}"
        )
        row: list[Any] = [
            [
                Paragraph(markup(noted_text(initiative, "rubrik", language)), title_style),
                *reading_note_paragraphs(initiative, language, note_style),
                Paragraph(meta, meta_style),
                Paragraph(follow_up, note_style),
            ]
        ]
        for field in _PLACE_TABLE_FIELDS:
            row.append(source_cell(initiative, field, language, cell_style, note_style))
        rows.append(row)
    shares = (0.22, 0.22, 0.22, 0.14, 0.20)
    table = Table(
        rows, colWidths=[share * frame_width() for share in shares], repeatRows=1, hAlign="LEFT"
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                # Cells hold Paragraphs, but the table still sets its own font per cell.
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.HexColor(HEADING_COLOUR)),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, colors.HexColor(LIGHT_RULE_COLOUR)),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(TABLE_HEADER_BACKGROUND)),
            ]
        )
    )
    return split_if_too_tall(table)


def build_place_pdf(
    data: PlanData,
    place_id: str,
    initiatives: Sequence[Initiative],
    map_png: bytes | None,
    language: str = "sv",
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

    Returns
    -------
    bytes
        An A4 PDF.

    Raises
    ------
    KeyError
        When the place is not in the data.
    """
    if place_id not in data.places.index:
        raise KeyError(place_id)
    styles = paragraph_styles(compact=True)
    items = place_initiatives(initiatives, place_id)
    name = data.place_name_or_id(place_id, language)
    story: list[Flowable] = [
        Paragraph(markup(REPORT_TITLE), styles["meta"]),
        Paragraph(markup(name), styles["title"]),
    ]
    for label, value in place_drawing(data, place_id, language):
        story.append(Paragraph(markup(f"{label}: {value}"), styles["small"]))
    story.append(Spacer(1, 3 * mm))
    # A few initiatives are shown in full; more become one table, so the sheet keeps to a page.
    as_table = len(items) > PLACE_BLOCKS_MAX
    if map_png:
        map_height = {0: 120, 1: 120, 2: 95}.get(len(items), 90 if len(items) <= 6 else 72) * mm
        story.append(map_image(map_png, frame_width(), map_height))
        story.append(Spacer(1, 2 * mm))
    heading = Paragraph(markup(t("report.place_initiatives", language, n=len(items))), styles["h2"])
    if not items:
        story += [heading, Paragraph(markup(t("report.no_initiatives", language)), styles["body"])]
    elif as_table:
        story += [heading, _place_table(data, items, language)]
    else:
        for position, initiative in enumerate(items):
            block = initiative_block(data, initiative, language, compact=True)
            # The heading never stands alone at the foot of the map's page.
            story.append(KeepTogether([heading, *block] if position == 0 else block))

    buffer = io.BytesIO()
    doc = pdf_document(buffer, f"{name} – {REPORT_TITLE}")
    doc.build(story, canvasmaker=numbered_canvas(footer_text(data, language), language))
    return buffer.getvalue()
