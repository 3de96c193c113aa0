"""A page's own parameters in the address beside the view.

The map's colouring, the presentation's slide and its "Då och nu": their keys are named in
`soderort.viewstate` with the others, and the dashboard reads and writes them with the view
(`ui.view`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from soderort.viewstate import (
    COLOUR_MODES,
    DEFAULT_COLOUR,
    MAX_VALUE_LENGTH,
    QP_COLOUR,
    QP_SLIDE,
    QP_THEN_NOW,
    REASON_REPEATED,
    REASON_UNKNOWN_VALUE,
    Notice,
    query_values,
)


@dataclass(frozen=True)
class PageState:
    """What a page keeps in the address beside the view.

    Parameters
    ----------
    colour : str
        The map's colouring, one of `COLOUR_MODES`.
    slide : tuple of str
        The presentation's ``slide`` values as the address held them: the presentation reads
        them against its number of slides (`soderort.livemap.presentation.parse_slide_param`), which
        depends on the filters, and says itself what it cannot use.
    then_now : bool
        Whether the presentation shows the plan beside its follow-up ("Då och nu").
    """

    colour: str = DEFAULT_COLOUR
    slide: tuple[str, ...] = ()
    then_now: bool = False


def decode_page(params: Mapping[str, str | list[str]]) -> tuple[PageState, list[Notice]]:
    """Read a page's own parameters (`PAGE_QUERY_KEYS`) from URL query parameters.

    Parameters
    ----------
    params : Mapping of str to str or list of str
        The query parameters; a list holds the values of a repeated key.

    Returns
    -------
    PageState
        The colouring and the "Då och nu" mode, defaults where the address says nothing usable,
        and the slide's values as they stood.
    list of Notice
        One per dropped colouring or mode value (an unknown or repeated value). The slide is
        not checked here.
    """
    notices: list[Notice] = []

    def first(param: str, allowed: tuple[str, ...]) -> str | None:
        values = [value.strip() for value in query_values(params.get(param, []))]
        values = [value for value in values if value]
        for extra in values[1:]:
            notices.append(Notice(param, extra, REASON_REPEATED))
        if values and values[0].lower() not in allowed:
            notices.append(Notice(param, values[0][:MAX_VALUE_LENGTH], REASON_UNKNOWN_VALUE))
            return None
        return values[0].lower() if values else None

    colour = first(QP_COLOUR, COLOUR_MODES) or DEFAULT_COLOUR
    then_now = first(QP_THEN_NOW, ("0", "1")) == "1"
    slide = tuple(query_values(params.get(QP_SLIDE, [])))
    return PageState(colour=colour, slide=slide, then_now=then_now), notices


def encode_page(page: PageState) -> dict[str, list[str]]:
    """Write a page's own parameters, leaving out every default.

    Parameters
    ----------
    page : PageState
        The page's state.

    Returns
    -------
    dict of str to list of str
        ``colour`` unless it is `DEFAULT_COLOUR`, ``then_now=1`` when on, and the slide's
        values as they were read. ``decode_page(encode_page(p))`` gives back ``p``.
    """
    query: dict[str, list[str]] = {}
    if page.slide:
        query[QP_SLIDE] = list(page.slide)
    if page.colour != DEFAULT_COLOUR:
        query[QP_COLOUR] = [page.colour]
    if page.then_now:
        query[QP_THEN_NOW] = ["1"]
    return query
