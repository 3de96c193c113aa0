"""Speed-ups for the printed files that change nothing on the page.

A cost that grew with the plan before this: matplotlib redrew the whole map figure after each
of its places (geopandas asks the canvas for a redraw after every plot call, and an Agg canvas
draws at once).
"""

from __future__ import annotations

from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg


class QuietCanvas(FigureCanvasAgg):
    """An Agg canvas that draws only when asked to render (``savefig``, ``get_renderer``)."""

    def draw_idle(self, *args: Any, **kwargs: Any) -> None:
        """Skip the redraw geopandas asks for after each plot: the figure is drawn once, saved."""
