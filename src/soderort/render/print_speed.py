"""Speed-ups for the printed files that change nothing on the page.

Costs that grew with the plan before these: matplotlib redrew the whole map figure after each
of its places (geopandas asks the canvas for a redraw after every plot call, and an Agg canvas
draws at once); ReportLab measured every initiative's table and broke its paragraphs into lines
three or four times (`_split_if_too_tall` measures the table, `KeepTogether` measures it, the
frame measures it again) although a cell's width never changes; and it parsed the same markup
(every block's labels, "ingen uppföljning registrerad") once per paragraph.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as _ReportLabParagraph
from reportlab.platypus import Table as _ReportLabTable

# Parsed paragraphs kept, by text and style: a report repeats its labels on every initiative.
PARSED_KEPT = 4096
_parsed: OrderedDict[tuple[str, ParagraphStyle, Any], tuple[Any, ...]] = OrderedDict()
_parsed_lock = threading.Lock()


class QuietCanvas(FigureCanvasAgg):
    """An Agg canvas that draws only when asked to render (``savefig``, ``get_renderer``)."""

    def draw_idle(self, *args: Any, **kwargs: Any) -> None:
        """Skip the redraw geopandas asks for after each plot: the figure is drawn once, saved."""


class Paragraph(_ReportLabParagraph):
    """ReportLab's Paragraph, broken into lines once per width.

    A paragraph's lines depend only on its text, its style and the width it is given; the
    height it is offered does not change them. So a second `wrap` at the same width returns
    the first one's size and keeps its lines.
    """

    _wrapped_at: float | None = None

    def _setup(self, text: Any, style: Any, bulletText: Any, frags: Any, cleaner: Any) -> None:  # noqa: N803
        # The parse of a text in a style is the same every time; its fragments are only read
        # afterwards (no hyphenation is asked for, the one thing that would change them).
        if frags is not None or not isinstance(text, str):
            super()._setup(text, style, bulletText, frags, cleaner)
            return
        key = (text, style, bulletText)
        with _parsed_lock:
            kept = _parsed.get(key)
            if kept is not None:
                _parsed.move_to_end(key)
        if kept is None:
            super()._setup(text, style, bulletText, frags, cleaner)
            kept = (self.text, self.frags, self.style, self.bulletText)
            with _parsed_lock:
                _parsed[key] = kept
                while len(_parsed) > PARSED_KEPT:
                    _parsed.popitem(last=False)
            return
        self.text, self.frags, self.style, self.bulletText = kept
        self.debug = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """Break the text into lines for this width, unless it already is."""
        if availWidth == self._wrapped_at:
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_at = availWidth
        return size

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803
        """Split as ReportLab does; the pieces (copies of this one) are broken into lines anew."""
        pieces = super().split(availWidth, availHeight)
        for piece in pieces:
            piece._wrapped_at = None
        self._wrapped_at = None
        return pieces


class Table(_ReportLabTable):
    """ReportLab's Table, measured once per width.

    Its rows' heights follow from the cells at the columns' widths; the height offered only
    lets ReportLab stop measuring early, past the room left on a page. A table measured in
    full at a width is therefore not measured again at that width, whatever the height.
    """

    _measured_at: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """Measure the table at this width, unless it already is, in full."""
        if availWidth == self._measured_at:
            self.availWidth = availWidth
            return self._width, self._height
        size = super().wrap(availWidth, availHeight)
        complete = None not in self._rowHeights
        self._measured_at = availWidth if complete else None
        return size
