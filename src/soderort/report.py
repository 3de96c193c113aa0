"""Printable PDFs of the current view, and the static map they carry.

`build_report_pdf` makes the meeting-room handout: a cover with the map and the filters used,
then every matching initiative grouped by place. `build_place_pdf` makes a one-page sheet for
one place. `render_map_png` draws the map itself with geopandas and matplotlib, without tiles
or network, so it prints the same anywhere.

Every text from the data goes through `markup` (`soderort.inert.paragraph`) before it reaches a
ReportLab Paragraph, which reads its input as markup, and the map's labels are drawn without
mathtext (`soderort.inert.MATPLOTLIB_TEXT`): an initiative's text must print as typed.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import geopandas as gpd
import matplotlib
import shapely
from matplotlib import patheffects
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from shapely.geometry import box
from shapely.ops import polylabel

from soderort import inert
from soderort.exports import cell_text, header, source_text, themes_text
from soderort.facts import (
    committee_entries,
    count_by_place,
    group_by_place,
    place_drawing,
    place_initiatives,
)
from soderort.followup import latest_plain
from soderort.i18n import format_date, initiative_count, status_label, t
from soderort.loading import PlanData
from soderort.model import Initiative
from soderort.palette import (
    COUNT_BINS,
    DISTRICT_COLOUR,
    HEADING_COLOUR,
    LEADER_LINE_COLOUR,
    LIGHT_RULE_COLOUR,
    MUTED_TEXT_COLOUR,
    NOTE_COLOUR,
    OUTLINE_COLOUR,
    PLACE_EDGE_COLOUR,
    PRINT_LABEL_COLOUR,
    RULE_COLOUR,
    TABLE_HEADER_BACKGROUND,
    TEXT_COLOUR,
    count_bin_label,
    count_bin_of,
    count_colour,
)
from soderort.print_speed import Paragraph, QuietCanvas, Table
from soderort.readings import shown_text

REPORT_TITLE = "Söderort 2030 – Näringslivs- och arbetsplatsutveckling"
METRIC_CRS = "EPSG:3006"  # SWEREF 99 TM: metres, true proportions in Stockholm

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"

PAGE_MARGIN = 18 * mm
FOOTER_SPACE = 10 * mm
FOOTER_SIZE = 7

# The map's figure is drawn at this width in inches whatever its pixel size, so that its type
# comes out at the same size on the printed page.
MAP_PRINT_WIDTH_IN = 7.0

# ReportLab's Paragraph markup is escaped at the text boundary.
markup = inert.paragraph


# ------------------------------------------------------------------------------------ fonts


def _font_dir() -> Path:
    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


@functools.cache
def register_fonts() -> tuple[str, str]:
    """Register DejaVu Sans with ReportLab once; its glyphs cover å, ä, ö and more.

    ReportLab's built-in Helvetica is not embedded and lacks many glyphs; a TrueType font is
    embedded (as a subset) in every PDF that uses it, so the PDF prints the same everywhere.
    The font files ship with matplotlib, which the project needs anyway.

    Returns
    -------
    tuple of str
        The names of the regular and the bold font.
    """
    from reportlab.lib.fonts import addMapping

    folder = _font_dir()
    pdfmetrics.registerFont(TTFont(FONT, str(folder / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(folder / "DejaVuSans-Bold.ttf")))
    # Lets <b> inside a Paragraph pick the bold face.
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT)
    addMapping(FONT, 1, 1, FONT_BOLD)
    return FONT, FONT_BOLD


# ----------------------------------------------------------------------------------- styles


@functools.cache
def _styles(compact: bool = False) -> dict[str, ParagraphStyle]:
    register_fonts()
    scale = 0.86 if compact else 1.0

    def style(name: str, size: float, bold: bool = False, **extra: Any) -> ParagraphStyle:
        size *= scale
        return ParagraphStyle(
            name,
            fontName=FONT_BOLD if bold else FONT,
            fontSize=size,
            leading=extra.pop("leading", size * 1.28),
            textColor=extra.pop("textColor", colors.HexColor(TEXT_COLOUR)),
            **extra,
        )

    grey = colors.HexColor(MUTED_TEXT_COLOUR)
    return {
        "title": style("title", 21, bold=True, leading=26, spaceAfter=6),
        "subtitle": style("subtitle", 11, textColor=grey, spaceAfter=2),
        "count": style("count", 15, bold=True, spaceBefore=8, spaceAfter=6),
        "h2": style(
            "h2",
            15,
            bold=True,
            spaceBefore=4,
            spaceAfter=6,
            textColor=colors.HexColor(HEADING_COLOUR),
        ),
        "h3": style("h3", 11.5, bold=True, spaceAfter=1),
        "meta": style("meta", 8, textColor=grey, spaceAfter=3),
        "label": style("label", 8, bold=True, textColor=grey),
        "value": style("value", 9.2),
        "note": style("note", 7.2, textColor=colors.HexColor(NOTE_COLOUR)),
        "body": style("body", 10),
        "small": style("small", 8.5, textColor=grey),
        "bullet": style("bullet", 10),
        "footer": style("footer", 7.5, textColor=grey),
        "footer_right": style("footer_right", 7.5, textColor=grey, alignment=TA_RIGHT),
    }


# ------------------------------------------------------------------------------- page frame


def _footer_text(data: PlanData, language: str) -> str:
    document = data.document
    return t(
        "report.footer_source",
        language,
        title=document.title,
        publisher=document.publisher,
        # ISO dates keep the footer on one line beside the page number.
        date=document.date.isoformat(),
        status=document.status,
    )


def _numbered_canvas(footer: str, language: str) -> type[rl_canvas.Canvas]:
    """Make a canvas class that writes the footer with "Sida n av N" on every page.

    The total is known only when the document is finished, so each page is kept until
    `save` and then drawn with its footer.
    """
    register_fonts()

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Otherwise every page names Helvetica as its starting font, unembedded.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._draw_footer(total)
                super().showPage()
            super().save()

        def _draw_footer(self, total: int) -> None:
            width, _ = self._pagesize
            y = PAGE_MARGIN - 8 * mm
            self.saveState()
            self.setStrokeColor(colors.HexColor(RULE_COLOUR))
            self.setLineWidth(0.5)
            self.line(PAGE_MARGIN, y + 4 * mm, width - PAGE_MARGIN, y + 4 * mm)
            self.setFillColor(colors.HexColor(MUTED_TEXT_COLOUR))
            self.setFont(FONT, FOOTER_SIZE)
            page_label = t("report.page", language, page=self._pageNumber, pages=total)
            self.drawRightString(width - PAGE_MARGIN, y, page_label)
            room = (
                width - 2 * PAGE_MARGIN - self.stringWidth(page_label, FONT, FOOTER_SIZE) - 5 * mm
            )
            self.drawString(PAGE_MARGIN, y, _fit(footer, room, FONT, FOOTER_SIZE))
            self.restoreState()

    return NumberedCanvas


def _fit(text: str, width: float, font: str, size: float) -> str:
    """Shorten a one-line text with "…" until it fits the width."""
    text = inert.drawn_text(text)
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _document(buffer: io.BytesIO, title: str) -> SimpleDocTemplate:
    return SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=PAGE_MARGIN,
        rightMargin=PAGE_MARGIN,
        topMargin=PAGE_MARGIN,
        bottomMargin=PAGE_MARGIN + FOOTER_SPACE - 8 * mm,
        title=title,
        author="Stockholms stad",
        subject=REPORT_TITLE,
        creator="Söderort 2030-dashboarden",
    )


def _frame_width() -> float:
    return A4[0] - 2 * PAGE_MARGIN


def _frame_height() -> float:
    return A4[1] - PAGE_MARGIN - (PAGE_MARGIN + FOOTER_SPACE - 8 * mm)


def _split_if_too_tall(table: Table) -> Table:
    """Let a row split across pages only when it could not fit on any page.

    A row holding a very long text would otherwise stop the build; ordinary rows stay whole
    and move to the next page instead.
    """
    table.wrap(_frame_width(), _frame_height())
    if max(table._rowHeights, default=0) > 0.8 * _frame_height():
        table.splitInRow = 1
    return table


def _map_image(map_png: bytes, max_width: float, max_height: float) -> Image:
    reader = ImageReader(io.BytesIO(map_png))
    pixel_width, pixel_height = reader.getSize()
    scale = min(max_width / pixel_width, max_height / pixel_height)
    image = Image(
        io.BytesIO(map_png), width=pixel_width * scale, height=pixel_height * scale, kind="direct"
    )
    image.hAlign = "CENTER"
    return image


# ------------------------------------------------------------------------------ initiatives


def _committee_lines(data: PlanData, initiative: Initiative, language: str) -> str:
    return "<br/>".join(
        f"{markup(entry.name)} <font color='{MUTED_TEXT_COLOUR}'>({markup(entry.role)})</font>"
        for entry in committee_entries(data, initiative, language)
    )


def _meta_line(initiative: Initiative, language: str) -> str:
    parts = [
        f"{t('report.status', language)}: {status_label(initiative.timeline.status, language)}"
    ]
    if initiative.timeline.target is not None:
        parts.append(f"{t('report.target', language)}: {initiative.timeline.target}")
    parts.append(f"{t('report.source', language)}: {source_text(initiative, language)}")
    return markup(" · ".join(parts))


def _initiative_block(
    data: PlanData, initiative: Initiative, language: str, compact: bool = False
) -> list[Flowable]:
    """Heading, a small status line and the labelled source columns of one initiative."""
    styles = _styles(compact)
    rows: list[list[Any]] = []
    for field in ("uppdrag", "uppdragsgivare", "forvantat_resultat", "tidplan", "ansvarig_namnd"):
        text = cell_text(initiative, field, language)
        cell: list[Flowable] = [
            Paragraph(
                markup(text) if text.strip() else t("report.empty", language), styles["value"]
            )
        ]
        if initiative.is_truncated(field):
            cell.append(Paragraph(markup(t("report.truncated_note", language)), styles["note"]))
        rows.append([Paragraph(markup(header(field, language)), styles["label"]), cell])
    rows.append(
        [
            Paragraph(markup(t("report.committees", language)), styles["label"]),
            Paragraph(_committee_lines(data, initiative, language), styles["value"]),
        ]
    )
    if not compact:
        rows.append(
            [
                Paragraph(markup(t("report.themes", language)), styles["label"]),
                Paragraph(markup(themes_text(data, initiative, language)), styles["value"]),
            ]
        )
    # What became of it, on a shaded row of its own under the plan's columns.
    rows.append(
        [
            Paragraph(markup(t("followup.heading", language)), styles["label"]),
            Paragraph(markup(latest_plain(data, initiative.id, language)), styles["value"]),
        ]
    )
    label_width = (30 if compact else 36) * mm
    table = Table(rows, colWidths=[label_width, _frame_width() - label_width], hAlign="LEFT")
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
        Paragraph(markup(shown_text(initiative, "rubrik", language)), styles["h3"]),
        Paragraph(_meta_line(initiative, language), styles["meta"]),
        _split_if_too_tall(table),
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
    styles = _styles()
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
        story.append(_map_image(map_png, _frame_width(), 128 * mm))
    story.append(
        Paragraph(
            markup(t("report.of", language, n=len(initiatives), total=len(data.initiatives))),
            styles["count"],
        )
    )
    story.append(Paragraph(markup(t("report.filters", language)), styles["label"]))
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
            block = _initiative_block(data, initiative, language)
            # The place heading never stands alone at the foot of a page.
            story.append(KeepTogether([heading, *block] if position == 0 else block))

    buffer = io.BytesIO()
    doc = _document(buffer, REPORT_TITLE)
    doc.build(story, canvasmaker=_numbered_canvas(_footer_text(data, language), language))
    return buffer.getvalue()


# The place sheet shows up to this many initiatives in full, more as one condensed table.
PLACE_BLOCKS_MAX = 2
_PLACE_TABLE_FIELDS = ("uppdrag", "forvantat_resultat", "tidplan", "ansvarig_namnd")


def _place_table(data: PlanData, items: Sequence[Initiative], language: str) -> Table:
    """Condense a place's initiatives into one table: heading, then the main source columns."""
    styles = _styles(compact=True)
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
                Paragraph(markup(shown_text(initiative, "rubrik", language)), title_style),
                Paragraph(meta, meta_style),
                Paragraph(follow_up, note_style),
            ]
        ]
        for field in _PLACE_TABLE_FIELDS:
            text = cell_text(initiative, field, language)
            cell = [
                Paragraph(markup(text) if text.strip() else t("report.empty", language), cell_style)
            ]
            if initiative.is_truncated(field):
                cell.append(Paragraph(markup(t("report.truncated_note", language)), note_style))
            row.append(cell)
        rows.append(row)
    shares = (0.22, 0.22, 0.22, 0.14, 0.20)
    table = Table(
        rows, colWidths=[share * _frame_width() for share in shares], repeatRows=1, hAlign="LEFT"
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
    return _split_if_too_tall(table)


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
    styles = _styles(compact=True)
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
        story.append(_map_image(map_png, _frame_width(), map_height))
        story.append(Spacer(1, 2 * mm))
    story.append(
        Paragraph(markup(t("report.place_initiatives", language, n=len(items))), styles["h2"])
    )
    if not items:
        story.append(Paragraph(markup(t("report.no_initiatives", language)), styles["body"]))
    elif as_table:
        story.append(_place_table(data, items, language))
    else:
        for initiative in items:
            story.append(KeepTogether(_initiative_block(data, initiative, language, compact=True)))

    buffer = io.BytesIO()
    doc = _document(buffer, f"{name} – {REPORT_TITLE}")
    doc.build(story, canvasmaker=_numbered_canvas(_footer_text(data, language), language))
    return buffer.getvalue()


# -------------------------------------------------------------------------------------- map


def _nice_length(span: float) -> float:
    """Pick a round scale-bar length near a fifth of the map's width, in metres."""
    target = span / 5
    for length in (100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000):
        if length >= target:
            return float(length)
    return 100_000.0


def _scale_label(length: float) -> str:
    return f"{length / 1000:g} km" if length >= 1000 else f"{length:g} m"


def _fit_aspect(
    bounds: tuple[float, float, float, float], ratio: float
) -> tuple[float, float, float, float]:
    """Widen the shorter side of a view around its centre to the given width/height ratio."""
    minx, miny, maxx, maxy = bounds
    width, height = maxx - minx, maxy - miny
    if width / height < ratio:
        extra = (height * ratio - width) / 2
        return minx - extra, miny, maxx + extra, maxy
    extra = (width / ratio - height) / 2
    return minx, miny - extra, maxx, maxy + extra


def _frame_bounds(
    place_id: str | None, outline: gpd.GeoDataFrame, places: gpd.GeoDataFrame
) -> tuple[float, float, float, float]:
    if place_id is None:
        minx, miny, maxx, maxy = outline.total_bounds
        margin = 0.04 * max(maxx - minx, maxy - miny)
    else:
        minx, miny, maxx, maxy = places.loc[[place_id]].total_bounds
        # A small place keeps enough surroundings to be recognised.
        margin = max(0.1 * max(maxx - minx, maxy - miny), 2500.0)
    return minx - margin, miny - margin, maxx + margin, maxy + margin


# Places whose area stands for all of Söderort or the region around it.
WASH_KINDS = frozenset({"outline", "region"})
WASH_ALPHA = 0.4

# A label moved further than this from its place's label point gets a leader line.
LEADER_MIN_OFFSET_PT = 20

# Where a label may go, in points from its anchor: on it, then above, below and to the sides.
_LABEL_OFFSETS: tuple[tuple[float, float], ...] = (
    (0, 0),
    (0, 14),
    (0, -14),
    (0, 26),
    (0, -26),
    (42, 0),
    (-42, 0),
    (42, 16),
    (-42, 16),
    (42, -16),
    (-42, -16),
    (0, 38),
    (0, -38),
)


def _interior_point(geometry: Any) -> Any:
    """Pick a point well inside the largest part of a geometry (on a line: its middle)."""
    parts = list(getattr(geometry, "geoms", [geometry]))
    polygons = [part for part in parts if part.geom_type == "Polygon"]
    if polygons:
        largest = max(polygons, key=lambda part: part.area)
        return polylabel(largest, tolerance=max(1.0, math.sqrt(largest.area) / 100))
    longest = max(parts, key=lambda part: part.length)
    return longest.interpolate(0.5, normalized=True)


def _label_anchors(
    places: gpd.GeoDataFrame, place_id: str | None, view: tuple[float, float, float, float]
) -> list[tuple[str, float, float]]:
    """Choose where each place in view is labelled, most important first.

    The framed place first, then the smaller places (they have least room), the areas
    standing for all of Söderort or the region last. A place whose label point lies outside
    the view but which reaches into it is labelled on its visible part.
    """
    view_box = box(*view)
    points = gpd.GeoSeries(
        gpd.points_from_xy(places["label_lon"], places["label_lat"]), index=places.index, crs=4326
    ).to_crs(METRIC_CRS)

    def rank(pid: str) -> tuple[int, int, float]:
        return (
            pid != place_id,
            places.loc[pid, "kind"] in WASH_KINDS,
            places.loc[pid].geometry.area,
        )

    # What a washed area shows of itself: not the parts that smaller places cover.
    specific = shapely.union_all(
        [
            geometry
            for geometry, kind in zip(places.geometry, places["kind"], strict=True)
            if kind not in WASH_KINDS and geometry.geom_type in ("Polygon", "MultiPolygon")
        ]
    )
    inner = view_box.buffer(-0.08 * (view[2] - view[0]))
    anchors = []
    for pid in sorted(places.index, key=rank):
        point = points.loc[pid]
        if not view_box.contains(point):
            visible = places.loc[pid].geometry.intersection(inner)
            if places.loc[pid, "kind"] in WASH_KINDS:
                visible = visible.difference(specific)
            if visible.is_empty:
                continue
            point = _interior_point(visible)
        anchors.append((pid, point.x, point.y))
    return anchors


def _legend_rows(
    places: gpd.GeoDataFrame, counts: dict[str, int], language: str
) -> list[tuple[str, bool, str]]:
    """List the legend's swatches: (colour, washed, label), one per colour drawn on the map.

    The specific places' bins come first, named as the screen's legend names them ("3–4"),
    one swatch per bin some place falls in; each washed area (all of Söderort, the region) gets
    its own lighter swatch named after it, since its tone differs from the same bin's opaque one.
    """
    washed = places["kind"].isin(WASH_KINDS)
    drawn = {count_bin_of(counts[p]) for p in places.index[~washed]}
    rows = [
        (colour, False, count_bin_label(low, high))
        for low, high, colour in COUNT_BINS
        if (low, high, colour) in drawn
    ]
    name_column = "name_en" if language == "en" else "name"
    for pid in places.index[washed]:
        name = inert.drawn_text(places.loc[pid, name_column])
        rows.append((count_colour(counts[pid]), True, f"{counts[pid]} ({name})"))
    return rows


def _place_label(
    ax: Any,
    renderer: Any,
    text: str,
    anchor: tuple[float, float],
    taken: list[Any],
    bold: bool,
    halo: list[Any],
) -> None:
    """Put a label at the first offset where it overlaps no other label, legend or scale bar.

    When no offset is free, the label goes on its anchor anyway: a crowded label is better
    than a missing one.
    """
    axes_box = ax.get_window_extent(renderer)
    style = {
        "ha": "center",
        "va": "center",
        "fontsize": 8.2,
        "fontweight": "bold" if bold else "normal",
        "linespacing": 1.1,
        "color": PRINT_LABEL_COLOUR,
        "path_effects": halo,
        "zorder": 10,
        "textcoords": "offset points",
        **inert.MATPLOTLIB_TEXT,
    }
    for offset in (*_LABEL_OFFSETS, None):
        chosen = offset or (0, 0)
        label = ax.annotate(text, xy=anchor, xytext=chosen, **style)
        extent = label.get_window_extent(renderer).expanded(1.06, 1.1)
        fits = (
            axes_box.x0 <= extent.x0
            and extent.x1 <= axes_box.x1
            and axes_box.y0 <= extent.y0
            and extent.y1 <= axes_box.y1
            and not any(extent.overlaps(other) for other in taken)
        )
        if fits or offset is None:
            # A label moved well off its anchor gets a thin leader line back to it.
            if math.hypot(*chosen) > LEADER_MIN_OFFSET_PT:
                label.remove()
                label = ax.annotate(
                    text,
                    xy=anchor,
                    xytext=chosen,
                    arrowprops={
                        "arrowstyle": "-",
                        "color": LEADER_LINE_COLOUR,
                        "lw": 0.6,
                        "shrinkA": 2,
                    },
                    **style,
                )
            taken.append(extent)
            return
        label.remove()


def render_map_png(
    data: PlanData,
    initiatives: Sequence[Initiative],
    place_id: str | None = None,
    width_px: int = 1400,
    height_px: int = 1000,
    language: str = "sv",
) -> bytes:
    """Draw the map of the view as a PNG, for the printed report.

    Söderort's outline, its stadsdelar thin and grey, every named place filled light to dark
    blue by how many of the given initiatives name it (the screen map's bins and colours), the
    Globen–Norvik corridor as a line, and each place's name and count at its label point.
    Drawn in SWEREF 99 TM so that distances and shapes keep their proportions; no background
    tiles, so no network.

    Parameters
    ----------
    data : PlanData
        The loaded plan.
    initiatives : sequence of Initiative
        The matching initiatives.
    place_id : str, optional
        Frame the map on this place (with a margin) instead of on all of Söderort.
    width_px, height_px : int
        The image's size in pixels.
    language : str
        "sv" or "en" for the place names and the legend.

    Returns
    -------
    bytes
        A PNG of exactly ``width_px`` × ``height_px`` pixels on a white background.
    """
    if place_id is not None and place_id not in data.places.index:
        raise KeyError(place_id)
    counts = count_by_place(data, initiatives)

    outline = data.outline.to_crs(METRIC_CRS)
    districts = data.districts.to_crs(METRIC_CRS)
    places = data.places.to_crs(METRIC_CRS)

    dpi = width_px / MAP_PRINT_WIDTH_IN
    figure = Figure(figsize=(width_px / dpi, height_px / dpi), dpi=dpi, facecolor="white")
    QuietCanvas(figure)
    ax = figure.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.set_facecolor("white")

    is_line = places.geom_type.isin(["LineString", "MultiLineString"])
    areal = places[~is_line]
    # The largest areas first, so that a small place lies on top of the area around it.
    areal = areal.assign(_area=areal.geometry.area).sort_values("_area", ascending=False)
    for pid, row in areal.iterrows():
        # The areas that stand for all of Söderort or the region around it get a lighter wash
        # of their colour: opaque, they would drown the specific places and the stadsdelar.
        wash = row["kind"] in WASH_KINDS
        gpd.GeoSeries([row.geometry], crs=METRIC_CRS).plot(
            ax=ax,
            facecolor=count_colour(counts[pid]),
            alpha=WASH_ALPHA if wash else 1.0,
            edgecolor="none",
            zorder=1 if wash else 2,
        )
        gpd.GeoSeries([row.geometry], crs=METRIC_CRS).boundary.plot(
            ax=ax, color=PLACE_EDGE_COLOUR, linewidth=0.4 if wash else 0.8, zorder=2
        )
    districts.boundary.plot(ax=ax, color=DISTRICT_COLOUR, linewidth=0.35, zorder=3)
    outline.boundary.plot(ax=ax, color=OUTLINE_COLOUR, linewidth=1.4, zorder=4)
    for pid, row in places[is_line].iterrows():
        line = gpd.GeoSeries([row.geometry], crs=METRIC_CRS)
        # A dark casing keeps the line visible on any fill; its core carries the count colour.
        line.plot(ax=ax, color=PLACE_EDGE_COLOUR, linewidth=5.0, zorder=5)
        line.plot(ax=ax, color=count_colour(counts[pid]), linewidth=3.0, zorder=6)

    minx, miny, maxx, maxy = _fit_aspect(
        _frame_bounds(place_id, outline, places), width_px / height_px
    )
    ax.set_xlim(minx, maxx)
    ax.set_ylim(miny, maxy)
    # The limits already have the figure's proportions, so equal scales keep the axes whole.
    ax.set_aspect("equal", adjustable="box")
    halo = [patheffects.withStroke(linewidth=3, foreground="white")]

    # Scale bar in the lower left corner: distances are true in SWEREF 99 TM.
    length = _nice_length(maxx - minx)
    x0 = minx + 0.03 * (maxx - minx)
    y0 = miny + 0.04 * (maxy - miny)
    (bar,) = ax.plot(
        [x0, x0 + length], [y0, y0], color=PRINT_LABEL_COLOUR, linewidth=2.5, zorder=11
    )
    bar_label = ax.annotate(
        _scale_label(length),
        xy=(x0 + length / 2, y0),
        xytext=(0, 4),
        textcoords="offset points",
        ha="center",
        va="bottom",
        fontsize=7,
        path_effects=halo,
        zorder=11,
    )

    legend_rows = _legend_rows(places, counts, language)
    handles = [
        Patch(
            facecolor=colour,
            alpha=WASH_ALPHA if wash else 1.0,
            edgecolor=PLACE_EDGE_COLOUR,
            linewidth=0.6,
            label=label,
        )
        for colour, wash, label in legend_rows
    ]
    legend = ax.legend(
        handles=handles,
        title=t("report.map_legend", language),
        loc="lower right",
        ncols=min(len(handles), 6),
        fontsize=7,
        title_fontsize=7.5,
        frameon=True,
        framealpha=0.92,
        edgecolor=RULE_COLOUR,
        handlelength=1.4,
        columnspacing=0.9,
    )
    legend.set_zorder(12)
    for text in legend.get_texts():
        text.update(inert.MATPLOTLIB_TEXT)

    ax.apply_aspect()
    renderer = figure.canvas.get_renderer()
    taken = [artist.get_window_extent(renderer) for artist in (bar, bar_label, legend)]
    for pid, x, y in _label_anchors(places, place_id, (minx, miny, maxx, maxy)):
        name = inert.drawn_text(places.loc[pid, "name_en" if language == "en" else "name"])
        _place_label(
            ax,
            renderer,
            f"{name}\n{counts[pid]}",
            (x, y),
            taken,
            bold=pid == place_id,
            halo=halo,
        )

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    return buffer.getvalue()
