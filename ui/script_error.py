"""An error the script did not expect, shown in the app's own words.

Streamlit's own error box names the exception and, with details on, links to outside sites;
with `client.showErrorDetails = "none"` it still speaks of Streamlit Cloud's "Manage app". The
handler (app.py passes it to `st.App(on_script_error=...)`) writes the traceback to the server's
log and shows the reader what happened and what to do, in their language, with no link.
"""

from __future__ import annotations

import logging

import streamlit as st

from soderort.i18n import DEFAULT_LANGUAGE, t
from ui.view import current_language

_LOGGER = logging.getLogger("soderort")


def show_script_error(error: Exception) -> bool:
    """Log the error with its traceback and show the app's message instead of Streamlit's box."""
    _LOGGER.error("the page failed", exc_info=error)
    try:
        language = current_language()
    except Exception:  # the reader's language is read from the session, which may be at fault
        language = DEFAULT_LANGUAGE
    st.error(t("error.script", language), icon=":material/error:")
    return True
