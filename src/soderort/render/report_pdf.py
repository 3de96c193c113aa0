"""The meeting-room handout: the map and the filters, then the initiatives place by place."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    Spacer,
    TableStyle,
)

from soderort.exports import cell_text, header, source_text, themes_text
from soderort.facts import (
    committee_entries,
    group_by_place,
)
from soderort.followup import history_lines
from soderort.i18n import format_date, initiative_count, status_label, t
from soderort.loading import PlanData
from soderort.model import Initiative
from soderort.palette import (
    LIGHT_RULE_COLOUR,
    MUTED_TEXT_COLOUR,
)
from soderort.readings import noted_text, reading_notes
from soderort.render.pdf_pages import (
    FONT,
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

# ------------------------------------------------------------------------------ initiatives


def _committee_lines(data: PlanData, initiative: Initiative, language: str) -> str:
    return "<br/>".join(
        f"{markup(entry.name)} <font color='{MUTED_TEXT_COLOUR}'>({markup(entry.role)})</font>"
        for entry in committee_entries(data, initiative, language)
    )


def _meta_line(initiative: Initiative, language: str) -> str:
    parts = [
        f"{t('common.status', language)}: {status_label(initiative.timeline.status, language)}"
    ]
    if initiative.timeline.target is not None:
        parts.append(f"{t('common.target', language)}: {initiative.timeline.target}")
    parts.append(f"{t('common.source', language)}: {source_text(initiative, language)}")
    return markup(" · ".join(parts))


def source_cell(
    initiative: Initiative,
    field: str,
    language: str,
    style: ParagraphStyle,
    note_style: ParagraphStyle,
) -> list[Flowable]:
    """Return one source column's text as it prints, with a note where the source cuts it off."""
    text = cell_text(initiative, field, language, notes=True)
    cell: list[Flowable] = [
        Paragraph(markup(text) if text.strip() else t("report.empty", language), style)
    ]
    if initiative.is_truncated(field):
        cell.append(Paragraph(markup(t("truncated.explanation", language)), note_style))
    return cell


def reading_note_paragraphs(
    initiative: Initiative, language: str, style: ParagraphStyle
) -> list[Flowable]:
    """Print the reader's notes for the numbers `noted_text` puts after uncertain readings."""
    return [Paragraph(markup(note), style) for note in reading_notes(initiative, language)]


def initiative_block(
    data: PlanData, initiative: Initiative, language: str, compact: bool = False
) -> list[Flowable]:
    """Heading, a small status line and the labelled source columns of one initiative."""
    styles = paragraph_styles(compact)
    rows: list[list[Any]] = []
    for field in ("uppdrag", "uppdragsgivare", "forvantat_resultat", "tidplan", "ansvarig_namnd"):
        cell = source_cell(initiative, field, language, styles["value"], styles["note"])
        rows.append([Paragraph(markup(header(field, language)), styles["label"]), cell])
    rows.append(
        [
            Paragraph(markup(t("common.committees", language)), styles["label"]),
            Paragraph(_committee_lines(data, initiative, language), styles["value"]),
        ]
    )
    if not compact:
        rows.append(
            [
                Paragraph(markup(t("common.themes", language)), styles["label"]),
                Paragraph(markup(themes_text(data, initiative, language)), styles["value"]),
            ]
        )
    # What became of it, on a shaded row of its own under the plan's columns: every entry,
    # oldest first, beside the plan's expected result and timeline above.
    rows.append(
        [
            Paragraph(markup(t("followup.heading", language)), styles["label"]),
            [
                Paragraph(markup(line), styles["value"])
                for line in history_lines(data, initiative.id, language)
            ],
        ]
    )
    label_width = (30 if compact else 36) * mm
    table = Table(rows, colWidths=[label_width, frame_width() - label_width], hAlign="LEFT")
    padding = 1.0 if compact else 1.4
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                # Cells hold Paragraphs, but the table still sets its own font per cell.
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), padding),
                # The smaller label type would sit higher than the value's first line.
                ("TOPPADDING", (0, 0), (0, -1), padding + 1.1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
                ("LINEBELOW", (0, -1), (-1, -1), 0.4, colors.HexColor(LIGHT_RULE_COLOUR)),
                ("BOTTOMPADDING", (0, -1), (-1, -1), padding + (3 if compact else 5)),
                ("LINEABOVE", (0, -1), (-1, -1), 0.6, colors.HexColor("#5a5a5a")),
                ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#f4f6f8")),
            ]
        )
    )
    return [
        Paragraph(markup(noted_text(initiative, "rubrik", language)), styles["h3"]),
        *reading_note_paragraphs(initiative, language, styles["note"]),
        Paragraph(_meta_line(initiative, language), styles["meta"]),
        split_if_too_tall(table),
        Spacer(1, (2 if compact else 4) * mm),
    ]


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
        An A4 PDF: a cover page, then the initiatives grouped by place, each page with the
        source document and "Sida n av N" in its footer.
    """
    styles = paragraph_styles()
    document = data.document
    story: list[Flowable] = [
        Paragraph(markup(REPORT_TITLE), styles["title"]),
        Paragraph(markup(document.title), styles["subtitle"]),
        Paragraph(
            markup(
                f"{document.publisher} · {format_date(document.date, language)} · {document.status}"
            ),
            styles["subtitle"],
        ),
        Spacer(1, 4 * mm),
    ]
    if map_png:
        story.append(map_image(map_png, frame_width(), 128 * mm))
    story.append(
        Paragraph(
            markup(t("report.of", language, n=len(initiatives), total=len(data.initiatives))),
            styles["count"],
        )
    )
    story.append(Paragraph(markup(t("common.filters", language)), styles["label"]))
    if filters_description:
        story.append(
            ListFlowable(
                [
                    ListItem(Paragraph(markup(line), styles["bullet"]), leftIndent=12)
                    for line in filters_description
                ],
                bulletType="bullet",
                bulletFontName=FONT,
                bulletFontSize=9,
                start="•",
                leftIndent=12,
            )
        )
    else:
        story.append(Paragraph(markup(t("report.no_filters", language)), styles["bullet"]))
    story.append(Spacer(1, 5 * mm))
    story.append(
        Paragraph(
            markup(
                t(
                    "report.printed",
                    language,
                    date=format_date(printed or dt.date.today(), language),
                )
            ),
            styles["small"],
        )
    )
    groups = group_by_place(data, initiatives)
    if groups:
        story.append(PageBreak())
    else:
        # Nothing matches: the cover says so, and the report ends there.
        story.append(Spacer(1, 4 * mm))
        story.append(Paragraph(markup(t("report.no_initiatives", language)), styles["body"]))
    for index, (place_id, items) in enumerate(groups):
        if index:
            # A new place starts on the same page only when a good part of it fits there.
            story.append(CondPageBreak(70 * mm))
        heading = Paragraph(
            markup(data.place_name_or_id(place_id, language))
            + f" <font size='10' color='{MUTED_TEXT_COLOUR}'>"
            + markup(initiative_count(len(items), language))
            + "</font>",
            styles["h2"],
        )
        for position, initiative in enumerate(items):
            block = initiative_block(data, initiative, language)
            # The place heading never stands alone at the foot of a page.
            story.append(KeepTogether([heading, *block] if position == 0 else block))

    buffer = io.BytesIO()
    doc = pdf_document(buffer, REPORT_TITLE)
    doc.build(story, canvasmaker=numbered_canvas(footer_text(data, language), language))
    return buffer.getvalue()
