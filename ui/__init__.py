"""The Streamlit side of the dashboard: cached loaders, the sidebar and small helpers for pages."""

from __future__ import annotations

import re

# Every ASCII punctuation character can be backslash-escaped in CommonMark. These are the ones
# that Streamlit's Markdown gives a meaning (emphasis, links, lists, tables, HTML, LaTeX with $,
# colour and icon directives with :), so text from data files or URLs is shown as written.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|:~$&])")


def escape_markdown(text: str) -> str:
    """Escape text so that st.markdown shows it literally (no links, emphasis, lists or HTML)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)
