"""An error the script did not expect is shown in the app's own words, with no link."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest


def failing_script() -> None:
    import streamlit as st
    from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

    from ui.script_error import show_script_error
    from ui.view import read_url

    # What app.py's st.App(on_script_error=...) sets on every run's context.
    get_script_run_ctx().on_script_error = show_script_error
    read_url()  # the dashboard script's first step: the reader's language is the address's
    st.write("before the error")
    raise KeyError("coordinates")


@pytest.mark.parametrize(
    ("language", "words"),
    [("sv", "Något gick fel när sidan skulle visas"), ("en", "Something went wrong")],
)
def test_an_unexpected_error_is_the_apps_message_without_links(language, words, caplog) -> None:
    at = AppTest.from_function(failing_script)
    at.query_params["lang"] = language
    at.run(timeout=30)
    assert not at.exception  # Streamlit's own box is not shown
    assert [e.value for e in at.error] and words in at.error[0].value
    assert "http" not in at.error[0].value and "](" not in at.error[0].value
    assert "coordinates" not in at.error[0].value
    # The traceback went to the server's log.
    assert any(r.exc_info and "coordinates" in str(r.exc_info[1]) for r in caplog.records)
