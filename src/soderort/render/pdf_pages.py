"""What the PDFs share: the fonts, the paragraph styles, and the A4 page with its numbered footer.

Every text from the data goes through `markup` (`soderort.inert.paragraph`) before it reaches a
ReportLab Paragraph, which reads its input as markup: an initiative's text must print as typed.
"""

from __future__ import annotations

import functools
import io
from pathlib import Path
from typing import Any

import matplotlib
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
    Image,
    SimpleDocTemplate,
    Table,
)

from soderort import inert
from soderort.i18n import t
from soderort.loading import PlanData
from soderort.palette import (
    HEADING_COLOUR,
    MUTED_TEXT_COLOUR,
    NOTE_COLOUR,
    RULE_COLOUR,
    TEXT_COLOUR,
)

REPORT_TITLE = "Söderort 2030 – Näringslivs- och arbetsplatsutveckling"


FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"

PAGE_MARGIN = 18 * mm
FOOTER_SPACE = 10 * mm
FOOTER_SIZE = 7


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
def paragraph_styles(compact: bool = False) -> dict[str, ParagraphStyle]:
    """Return the PDFs' paragraph styles by name; `compact` scales them down for the place sheet."""
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


def footer_text(data: PlanData, language: str) -> str:
    """Return the footer's source line: the plan's title, publisher, date and status."""
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


def numbered_canvas(footer: str, language: str) -> type[rl_canvas.Canvas]:
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
            self.drawString(PAGE_MARGIN, y, fit_line(footer, room, FONT, FOOTER_SIZE))
            self.restoreState()

    return NumberedCanvas


def fit_line(text: str, width: float, font: str, size: float) -> str:
    """Shorten a one-line text with "…" until it fits the width."""
    text = inert.drawn_text(text)
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def pdf_document(buffer: io.BytesIO, title: str) -> SimpleDocTemplate:
    """Return an A4 document with the PDFs' margins and metadata, written into `buffer`."""
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


def frame_width() -> float:
    """Return the width of the page's text frame, in points."""
    return A4[0] - 2 * PAGE_MARGIN


def frame_height() -> float:
    """Return the height of the page's text frame, in points."""
    return A4[1] - PAGE_MARGIN - (PAGE_MARGIN + FOOTER_SPACE - 8 * mm)


def split_if_too_tall(table: Table) -> Table:
    """Let a row split across pages only when it could not fit on any page.

    A row holding a very long text would otherwise stop the build; ordinary rows stay whole
    and move to the next page instead.
    """
    table.wrap(frame_width(), frame_height())
    if max(table._rowHeights, default=0) > 0.8 * frame_height():
        table.splitInRow = 1
    return table


def map_image(map_png: bytes, max_width: float, max_height: float) -> Image:
    """Return the map's PNG as a centred image, scaled to fit the given box."""
    reader = ImageReader(io.BytesIO(map_png))
    pixel_width, pixel_height = reader.getSize()
    scale = min(max_width / pixel_width, max_height / pixel_height)
    image = Image(
        io.BytesIO(map_png), width=pixel_width * scale, height=pixel_height * scale, kind="direct"
    )
    image.hAlign = "CENTER"
    return image
