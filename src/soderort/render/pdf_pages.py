"""What the PDFs share: the font, the page with its numbered footer, and the tagged PDF itself.

The PDFs are written as HTML and CSS and made into tagged PDF (PDF/UA-1) by WeasyPrint: the
document's language and title, its headings, lists and tables, and the map's text alternative
reach a screen reader as a structure tree. Every text from the data goes through `text`
(`soderort.inert.printed_html`) before it reaches the HTML, so it prints as typed.
"""

from __future__ import annotations

import base64
import functools
import io
from pathlib import Path
from typing import Any

import matplotlib
from PIL import Image
from weasyprint import CSS, HTML, Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

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
AUTHOR = "Stockholms stad"
CREATOR = "Söderort 2030-dashboarden"
# PDF/UA-1: tagged, with its language, title and the images' text alternatives.
PDF_VARIANT = "pdf/ua-1"

# Millimetres: the page's margin and the text frame of an A4 page inside it.
PAGE_MARGIN_MM = 18
A4_FRAME_WIDTH_MM = 210 - 2 * PAGE_MARGIN_MM

# Text from the data or the caller, escaped for the HTML the PDFs are made from.
text = inert.printed_html


# ------------------------------------------------------------------------------------- font


def font_dir() -> Path:
    """Return the folder of DejaVu Sans, which ships with matplotlib (a dependency already)."""
    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


@functools.cache
def _font_faces() -> str:
    # DejaVu covers å, ä, ö and more; WeasyPrint embeds the subset each PDF uses.
    folder = font_dir()
    return "\n".join(
        f'@font-face {{ font-family: "DejaVu Sans"; font-weight: {weight}; '
        f'src: url("{(folder / name).as_uri()}"); }}'
        for weight, name in (("normal", "DejaVuSans.ttf"), ("bold", "DejaVuSans-Bold.ttf"))
    )


class _OwnFilesOnly(URLFetcher):
    """Fetch only what the PDFs are made of: the map as a data URL and the font's files."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=("data", "file"))

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        """Fetch a data URL or one of the font's files; refuse anything else."""
        if not (url.startswith("data:") or url.startswith(font_dir().as_uri() + "/")):
            raise ValueError(f"A PDF fetches no {url[:80]!r}")
        return super().fetch(url, headers)


# ------------------------------------------------------------------------------------ style

# The look the ReportLab PDFs had: DejaVu Sans, dark blue headings, grey labels and notes.
BASE_CSS = f"""
html {{ font-family: "DejaVu Sans"; font-size: 10pt; line-height: 1.28; color: {TEXT_COLOUR}; }}
body {{ margin: 0; }}
h1, h2, h3, p, ul {{ margin: 0; }}
h1 {{ font-size: 21pt; line-height: 26pt; margin-bottom: 6pt; }}
h2 {{ font-size: 15pt; color: {HEADING_COLOUR}; margin: 4pt 0 6pt; break-after: avoid; }}
h2 .count {{ font-size: 10pt; font-weight: normal; color: {MUTED_TEXT_COLOUR}; }}
h3 {{ font-size: 11.5pt; margin-bottom: 1pt; break-after: avoid; }}
.subtitle {{ font-size: 11pt; color: {MUTED_TEXT_COLOUR}; margin-bottom: 2pt; }}
.count-line {{ font-size: 15pt; font-weight: bold; margin: 8pt 0 6pt; }}
.meta {{ font-size: 8pt; color: {MUTED_TEXT_COLOUR}; margin-bottom: 3pt; }}
.label {{ font-size: 8pt; font-weight: bold; color: {MUTED_TEXT_COLOUR}; }}
.note {{ font-size: 7.2pt; color: {NOTE_COLOUR}; }}
.small {{ font-size: 8.5pt; color: {MUTED_TEXT_COLOUR}; }}
ul {{ padding-left: 24pt; }}
p, td, th, li {{ overflow-wrap: break-word; }}
figure {{ margin: 0; text-align: center; }}
figure img {{ display: inline-block; }}
table {{ border-collapse: collapse; table-layout: fixed; }}
th {{ text-align: left; }}
.footer {{
  position: running(footer); font-size: 7pt; color: {MUTED_TEXT_COLOUR};
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
}}
"""


def page_css(size: str, language: str, margin_mm: float = PAGE_MARGIN_MM) -> str:
    """Return the page rule: its size, margins, and the footer with "Sida n av N" on each page."""
    page_label = t("report.page", language, page="{page}", pages="{pages}")
    parts = []
    for piece in (
        page_label.replace("{pages}", "\0pages\0").replace("{page}", "\0page\0").split("\0")
    ):
        if piece in ("page", "pages"):
            parts.append(f"counter({piece})")
        elif piece:
            parts.append(inert.css_string(piece))
    footer_box = (
        f"vertical-align: top; padding-top: 1.3mm; border-top: 0.5pt solid {RULE_COLOUR}; "
        f"font-size: 7pt; color: {MUTED_TEXT_COLOUR};"
    )
    return f"""
@page {{
  size: {size}; margin: {margin_mm}mm {margin_mm}mm {margin_mm + 2}mm;
  @bottom-left {{ content: element(footer); width: 84%; {footer_box} }}
  @bottom-right {{
    content: {" ".join(parts)}; width: 16%; text-align: right; {footer_box}
  }}
}}
"""


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


def map_figure(map_png: bytes, alt: str, max_width_mm: float, max_height_mm: float) -> str:
    """Return the map's PNG as a centred figure scaled to fit the box, with its text alternative."""
    with Image.open(io.BytesIO(map_png)) as image:
        pixel_width, pixel_height = image.size
    scale = min(max_width_mm / pixel_width, max_height_mm / pixel_height)
    encoded = base64.b64encode(map_png).decode("ascii")
    return (
        f'<figure><img src="data:image/png;base64,{encoded}" alt="{text(alt)}" '
        f'style="width: {pixel_width * scale:.2f}mm; height: {pixel_height * scale:.2f}mm">'
        "</figure>"
    )


def tagged_document(
    *,
    title: str,
    language: str,
    footer: str,
    body: str,
    css: str,
    size: str = "A4",
    margin_mm: float = PAGE_MARGIN_MM,
) -> Document:
    """Lay out the body's HTML as tagged pages (PDF/UA-1), its footer on every page.

    Parameters
    ----------
    title : str
        The document's title, shown in the viewer's window (plain text).
    language : str
        "sv" or "en": the document's language, for a screen reader's voice.
    footer : str
        The footer's line (plain text), shortened with "…" where it would not fit.
    body : str
        The body's HTML, every text from the data already escaped with `text`.
    css : str
        The document's own style, after the shared one.
    size : str
        The page size, "A4" or "A3".
    margin_mm : float
        The page's margin.

    Returns
    -------
    weasyprint.Document
        Its ``pages`` laid out; `write_tagged` makes the PDF.
    """
    lang = "en" if language == "en" else "sv"
    document = f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{text(title)}</title>
<meta name="author" content="{text(AUTHOR)}">
<meta name="description" content="{text(REPORT_TITLE)}">
<meta name="generator" content="{text(CREATOR)}"></head>
<body><div class="footer">{text(footer)}</div>{body}</body></html>"""
    fonts = FontConfiguration()
    style = CSS(
        string=_font_faces() + BASE_CSS + page_css(size, lang, margin_mm) + css,
        font_config=fonts,
        url_fetcher=_OwnFilesOnly(),
    )
    return HTML(string=document, url_fetcher=_OwnFilesOnly()).render(
        stylesheets=[style], font_config=fonts, pdf_variant=PDF_VARIANT
    )


def write_tagged(document: Document) -> bytes:
    """Write the laid-out pages as tagged PDF (PDF/UA-1)."""
    return document.write_pdf(pdf_variant=PDF_VARIANT)


def tagged_pdf(**layout: Any) -> bytes:
    """Make a tagged PDF (PDF/UA-1) of `tagged_document`'s pages (same arguments)."""
    return write_tagged(tagged_document(**layout))
