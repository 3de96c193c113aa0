"""A notice for a page address that Streamlit ignores whole: too many parameters, or too long.

Streamlit drops the whole query of an address with more than 1,000 parameters or 512 Ki
characters before the app sees it (`streamlit.runtime.state.query_params`), so to the app it looks
like an address without one, and a valid ``theme=`` among them would be lost without a word. The
browser still has the address: while the app sees no query, a small script compares the address
with Streamlit's limits and, past one, shows the notice in the reader's language.
"""

from __future__ import annotations

import json

import streamlit as st
from streamlit.runtime.state.query_params import (
    CLIENT_STATE_QUERY_STRING_MAX_FIELDS as MAX_QUERY_FIELDS,
)
from streamlit.runtime.state.query_params import (
    CLIENT_STATE_QUERY_STRING_MAX_LENGTH as MAX_QUERY_CHARS,
)

from soderort import viewstate
from soderort.i18n import LANGUAGES, t

# The box follows Streamlit's warning colours (dark text on light yellow, contrast above 7:1).
_CHECK = """
<div class="soderort-query-limit" role="status" hidden
     style="background:#fffce7;color:#6d3a00;border-radius:0.5rem;padding:0.75rem 1rem"></div>
<script>
(() => {
  const query = window.location.search.slice(1);
  const fields = query ? query.split("&").length : 0;
  const tooLong = query.length > MAX_CHARS;
  if (fields <= MAX_FIELDS && !tooLong) return;
  const english = new URLSearchParams(query).get("lang") === "en";
  const texts = TEXTS[english ? "en" : "sv"];
  const count = (tooLong ? query.length : fields).toLocaleString(english ? "en-GB" : "sv-SE");
  const text = (tooLong ? texts.long : texts.many).replace("{count}", count);
  for (const box of document.querySelectorAll(".soderort-query-limit")) {
    box.textContent = text;
    box.hidden = false;
  }
})();
</script>
"""


def _number(value: int, language: str) -> str:
    return f"{value:,}".replace(",", "," if language == "en" else "\u00a0")


def notice_script() -> str:
    """Return the HTML and script that show the notice when the address is past a limit."""
    texts = {
        language: {
            # {count} stays for the script, which knows the address.
            "many": t(
                "notice.query_too_many",
                language,
                count="{count}",
                limit=_number(MAX_QUERY_FIELDS, language),
            ),
            "long": t(
                "notice.query_too_long",
                language,
                count="{count}",
                limit=_number(MAX_QUERY_CHARS, language),
            ),
        }
        for language in LANGUAGES
    }
    # JSON inside a script element: "<" escaped, so no text can close the element.
    data = json.dumps(texts, ensure_ascii=False).replace("<", "\\u003c")
    return (
        _CHECK.replace("MAX_FIELDS", str(MAX_QUERY_FIELDS))
        .replace("MAX_CHARS", str(MAX_QUERY_CHARS))
        .replace("TEXTS", data)
    )


def render_query_limit_notice() -> None:
    """Let the browser say when the address was past a limit (it shows nothing otherwise).

    Drawn on every run, with or without a query: an element drawn only on some runs would move
    every element after it, and Streamlit would then mount the page's map anew (a new frame, its
    popup and the click it was sending lost).
    """
    # While the notice is hidden its container takes no room, from the first paint on, also while
    # Streamlit still loads the code that draws it (static/first-paint.css).
    with st.container(key=viewstate.QUERY_LIMIT_KEY):
        st.html(notice_script(), unsafe_allow_javascript=True)
