"""Streamlit's own front-end texts, which Streamlit writes in English whatever the app says.

Each table maps Streamlit's English to the Swedish that `ui.interface` puts in its place in a
Swedish interface (in English it puts Streamlit's words back). Keyed by Streamlit's text, not
by a key of ours: two English words may share one Swedish word ("Close" and "Dismiss").
"""

from __future__ import annotations

# Whole texts: a label, a title or an aria-label that is exactly this.
WORDS: dict[str, str] = {
    "Skip to main content": "Hoppa till huvudinnehållet",
    "Sidebar": "Sidomeny",
    "Collapse sidebar": "Fäll in sidomenyn",
    "Expand sidebar": "Fäll ut sidomenyn",
    "App pages": "Sidor",
    "Open": "Öppna",
    "Close": "Stäng",
    "Dismiss": "Stäng",
    "Link to heading": "Länk till rubriken",
    "Clear value": "Rensa valet",
    "Clear all": "Rensa alla",
    "Remove": "Ta bort",
    "No results": "Inga träffar",
    "Fullscreen": "Helskärm",
    "Exit fullscreen": "Lämna helskärm",
    "Download plot as a PNG": "Ladda ned diagrammet som PNG",
    "Running...": "Arbetar …",
    "Stop": "Stoppa",
    "Choose an option": "Välj ett alternativ",
    # The table's toolbar: its buttons' tooltips and the column chooser.
    "Show/hide columns": "Visa eller dölj kolumner",
    "Download as CSV": "Ladda ned som CSV",
    "Search": "Sök",
    "Select all": "Markera alla",
    "(index)": "(radnummer)",
}
# Texts that stand before a label of ours, e.g. "Help for Tidplan".
PREFIXES: dict[str, str] = {
    "Help for ": "Hjälp om ",
    "Show/hide columns: ": "Visa eller dölj kolumner: ",
    "Download as CSV: ": "Ladda ned som CSV: ",
    "Search: ": "Sök: ",
    "Fullscreen: ": "Helskärm: ",
    "Shortcut ": "Kortkommando ",
}
# Texts that stand after a label of ours, e.g. the slider's thumbs.
SUFFIXES: dict[str, str] = {
    " — start": " — början",
    " — end": " — slut",
}
