"""Every colour the dashboard draws with: count shades, theme and group hues, lines, text, focus.

The map, its legend, the printed map and the timeline take their colours from here, so that a
place with two initiatives has the same blue on screen and on paper, and a theme the same hue on
the map and on the timeline. `contrast_ratio` lets the tests check every pair of text and
background colours in `TEXT_ON_BACKGROUND` against WCAG 2.1 AA.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

# ColorBrewer "Blues": sequential and safe for colour-blind readers. Grey for zero, so "nothing
# here" never looks like "a little"; the first step is dark enough to stand out from the faint
# wash of the wide areas underneath. (lowest count, highest count or None for "and more", colour)
COUNT_BINS: tuple[tuple[int, int | None, str], ...] = (
    (0, 0, "#f2f2f2"),
    (1, 1, "#9ecae1"),
    (2, 2, "#4292c6"),
    (3, 4, "#2171b5"),
    (5, None, "#08306b"),
)
# A place none of the shown initiatives names, whatever the colouring.
NO_MATCH_COLOUR = COUNT_BINS[0][2]

# Okabe & Ito (2008): hues that stay distinguishable with the common colour-vision deficiencies.
# Ordered so that the groups named first (the registry's first themes) get the strongest hues;
# yellow last but one because it is faint on white. Okabe–Ito's black is swapped for a purple: a
# black area reads as a hole in the map, and black competes with the timeline's date lines.
QUALITATIVE: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#D55E00",  # vermillion
    "#56B4E9",  # sky blue
    "#CC79A7",  # reddish purple
    "#F0E442",  # yellow
    "#5D3A9B",  # purple
)

# Lines and areas of the map and the printed map.
OUTLINE_COLOUR = "#1a1a1a"
DISTRICT_COLOUR = "#7a7a7a"
# Not in either palette: the corridor is a line of its own kind, whatever the colouring.
CORRIDOR_COLOUR = "#7a1f3d"
MAP_BACKGROUND_COLOUR = "#eef2f5"
# The edge of a place with matches, and of every place on the printed map.
PLACE_EDGE_COLOUR = "#08306b"
# The edge of a place without matches.
EMPTY_EDGE_COLOUR = "#6b6b6b"

# Text.
TEXT_COLOUR = "#1a1a1a"
MUTED_TEXT_COLOUR = "#5a5a5a"
HEADING_COLOUR = "#08306b"
# The printed note under a cell the source cuts off.
NOTE_COLOUR = "#8a4b00"
# Names and the scale bar on the printed map, drawn on a white halo; leader lines to labels.
PRINT_LABEL_COLOUR = "#111111"
LEADER_LINE_COLOUR = "#333333"

# Rules, frames and grids.
RULE_COLOUR = "#c8c8c8"
LIGHT_RULE_COLOUR = "#d0d0d0"
TABLE_HEADER_BACKGROUND = "#eef3f9"
MINOR_GRID_COLOUR = "#eeeeee"
FAINT_GRID_COLOUR = "#f2f2f2"
# Stockholm blue, as the app's theme: links, and a keyboard user's place in the map.
FOCUS_COLOUR = "#00539B"
# The count chip on a map label (white digits on it), and on a place without matches.
LABEL_CHIP_COLOUR = "#08306b"
LABEL_CHIP_EMPTY_COLOUR = "#6b6b6b"
WHITE = "#ffffff"

# The timeline's marks that are not a group: the symbol legend, outlines and the date lines.
NEUTRAL_MARK_COLOUR = "#555555"
MARK_OUTLINE_COLOUR = "#222222"
TODAY_COLOUR = "#B2182B"
PLAN_DATE_COLOUR = "#444444"

# Today's status of an initiative, by its follow-up's status name (soderort.followup): the map's
# "Status i dag" colouring, its legend and the timeline's follow-up marks. Okabe–Ito hues, so that
# the statuses stay apart for colour-blind readers; "ingen" (no follow-up) a pale grey.
FOLLOW_UP_STATUS_COLOURS: dict[str, str] = {
    "genomford": "#009E73",
    "pagar": "#0072B2",
    "delvis": "#56B4E9",
    "ej-genomford": "#D55E00",
    "andrad-inriktning": "#CC79A7",
    "okant": "#8c8c8c",
    "ingen": "#d4d4d4",
}

# Text drawn on a background, where it is drawn: each pair must reach WCAG AA (4.5:1).
TEXT_ON_BACKGROUND: tuple[tuple[str, str, str], ...] = (
    ("map label count", WHITE, LABEL_CHIP_COLOUR),
    ("map label count, no matches", WHITE, LABEL_CHIP_EMPTY_COLOUR),
    ("map text", TEXT_COLOUR, WHITE),
    ("popup link", FOCUS_COLOUR, WHITE),
    ("report heading", HEADING_COLOUR, WHITE),
    ("report small text", MUTED_TEXT_COLOUR, WHITE),
    ("report note", NOTE_COLOUR, WHITE),
    ("report table header", TEXT_COLOUR, TABLE_HEADER_BACKGROUND),
    ("printed map label", PRINT_LABEL_COLOUR, WHITE),
    ("timeline today", TODAY_COLOUR, WHITE),
    ("timeline plan date", PLAN_DATE_COLOUR, WHITE),
    ("timeline text", MARK_OUTLINE_COLOUR, WHITE),
    ("timeline annotation", NEUTRAL_MARK_COLOUR, WHITE),
)
AA_TEXT_CONTRAST = 4.5


def count_colour(count: int) -> str:
    """Return the fill colour for a place with `count` matching initiatives.

    Parameters
    ----------
    count : int
        Number of matching initiatives (0 or more).

    Returns
    -------
    str
        The colour of the bin of `COUNT_BINS` that holds the count.
    """
    return count_bin_of(count)[2]


def count_bin_label(low: int, high: int | None) -> str:
    """Name a bin of `COUNT_BINS` as its legend does: "2", "3–4", "5+"."""
    if high is None:
        return f"{low}+"
    if low == high:
        return str(low)
    return f"{low}–{high}"


def count_bin_of(count: int) -> tuple[int, int | None, str]:
    """Return the bin of `COUNT_BINS` that holds `count`."""
    for low, high, colour in COUNT_BINS:
        if count >= low and (high is None or count <= high):
            return low, high, colour
    return COUNT_BINS[-1]


def group_colours(keys: Iterable[str]) -> dict[str, str]:
    """Give each key a hue of `QUALITATIVE`, in the order given (repeating after eight).

    Parameters
    ----------
    keys : iterable of str
        E.g. every theme id in the registry's order.

    Returns
    -------
    dict of str to str
        Key to hex colour.
    """
    return {key: QUALITATIVE[index % len(QUALITATIVE)] for index, key in enumerate(keys)}


def theme_colours(theme_ids: Sequence[str]) -> dict[str, str]:
    """Return every theme's colour: the same on the map, in its legend and on the timeline.

    Parameters
    ----------
    theme_ids : sequence of str
        Every theme id in the registry's order (``list(data.themes)``), so that a theme keeps
        its colour whatever the filters show.

    Returns
    -------
    dict of str to str
        Theme id to hex colour.
    """
    return group_colours(theme_ids)


def _channel(value: int) -> float:
    share = value / 255
    return share / 12.92 if share <= 0.03928 else ((share + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """Return a ``#rrggbb`` colour's relative luminance as WCAG 2.1 defines it."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(foreground: str, background: str) -> float:
    """Return the WCAG contrast ratio of two ``#rrggbb`` colours, from 1 to 21."""
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)
