"""The Streamlit side of the dashboard: cached loaders, the sidebar and small helpers for pages."""

from __future__ import annotations

import re

import streamlit as st

# Every ASCII punctuation character can be backslash-escaped in CommonMark. These are the ones
# that Streamlit's Markdown gives a meaning (emphasis, links, lists, tables, HTML, LaTeX with $,
# colour and icon directives with :), so text from data files or URLs is shown as written.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|:~$&])")
# Streamlit's Markdown also turns these tokens, standing alone between spaces, into —, →, ≤ …
# after escapes are resolved. An invisible word joiner after the first character keeps them.
_STREAMLIT_TYPOGRAPHY = re.compile(r"(?<!\S)(<(?=->)|-(?=>)|<(?=-)|-(?=-)|>(?==)|<(?==)|~(?==))")
WORD_JOINER = "\u2060"


def escape_markdown(text: str) -> str:
    """Escape text so that st.markdown shows it literally (no links, emphasis, lists or HTML)."""
    kept = _STREAMLIT_TYPOGRAPHY.sub(rf"\1{WORD_JOINER}", text)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", kept)


def app_path(page: str = "") -> str:
    """The URL path of one of the app's pages, under ``server.baseUrlPath`` when one is set.

    Links written into HTML (the map's popups) are resolved by the browser, not by Streamlit's
    router: a root-relative "/omrade" would leave an app served under a prefix (behind a proxy).
    """
    prefix = str(st.get_option("server.baseUrlPath") or "").strip("/")
    return "/" + "/".join(part for part in (prefix, page.strip("/")) if part)
