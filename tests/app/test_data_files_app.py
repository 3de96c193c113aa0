"""The running app while a data file is broken or being written.

A broken file is parsed once for every session that opens the app, not once per session and
run; a plan file being written in place never shows as a shorter plan: sessions keep the last
complete plan and say that the file is being changed.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from pathlib import Path
from unittest.mock import MagicMock, patch

import pytest
from streamlit.testing.v1 import AppTest

from soderort import datafiles, parsing, paths
from tests.unit.test_data_cost import ONE_LETTER_BOMB

APP_FILE = paths.DASHBOARD_SCRIPT
PLAN = paths.ACTION_PLAN_FILE.name


@pytest.fixture
def map_component() -> Iterator[MagicMock]:
    with patch("streamlit_folium.st_folium", return_value={}) as fake:
        yield fake


def new_session() -> AppTest:
    at = AppTest.from_file(str(APP_FILE), default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def initiative_count(at: AppTest) -> str:
    text = " ".join(m.value for m in at.sidebar.markdown)
    found = re.search(r"(\d+) av (\d+) initiativ", text)
    assert found, text
    return found.group(0)


def age(path: Path, seconds: float) -> None:
    """Make the file look last written `seconds` ago."""
    then = time.time_ns() - int(seconds * 1e9)
    os.utime(path, ns=(then, then))


def test_twenty_sessions_on_a_broken_file_parse_it_once(app_data_dir, map_component, cost_checks):
    (app_data_dir / PLAN).write_text(ONE_LETTER_BOMB, encoding="utf-8")
    for _ in range(20):
        at = new_session()
        assert [title.value for title in at.title] == ["Datan kunde inte läsas"]
        assert f"fler än {datafiles.MAX_COLLECTION_ITEMS:,} poster" in at.error[0].value
        at.run()  # a rerun of the same session
    assert cost_checks.count(PLAN) == 1
    map_component.assert_not_called()


def cut_at_a_record_boundary(text: str, keep: int) -> str:
    starts = [m.start() for m in re.finditer(r"^  - id: ", text, flags=re.MULTILINE)]
    return text[: starts[keep]]


def test_a_plan_written_in_place_keeps_the_last_complete_plan(app_data_dir, map_component):
    plan = app_data_dir / PLAN
    # Without follow-ups, whose entries would name initiatives the shorter plan no longer has:
    # the cut plan must be a valid plan, so that only the file's age can tell it apart.
    (app_data_dir / paths.FOLLOW_UP_FILE.name).unlink()
    assert initiative_count(new_session()) == "19 av 19 initiativ"
    # An editor saves in place, and a session opens the app between two of its writes.
    with plan.open("r+", encoding="utf-8") as handle:
        cut = cut_at_a_record_boundary(handle.read(), keep=7)
        handle.seek(0)
        handle.write(cut)
        handle.truncate()
    at = new_session()
    assert initiative_count(at) == "19 av 19 initiativ"
    [notice] = at.warning
    assert "**action_plan.yaml** håller på att ändras" in re.sub(r"\\(.)", r"\1", notice.value)
    assert "senaste fullständiga versionen (19 initiativ)" in notice.value
    # Once the file has been still for a while it is what the editor meant, and it is read.
    age(plan, 2 * 60)
    at = new_session()
    assert initiative_count(at) == "7 av 7 initiativ"
    assert not at.warning


def test_a_file_that_changes_while_it_is_read_is_not_used(app_data_dir, map_component, monkeypatch):
    plan = app_data_dir / PLAN
    complete = plan.read_text(encoding="utf-8")
    assert initiative_count(new_session()) == "19 av 19 initiativ"
    plan.write_text(cut_at_a_record_boundary(complete, keep=7), encoding="utf-8")
    age(plan, 60)
    original = parsing.parse_yaml_text

    def writer_goes_on(text: str, name: str):
        if name == PLAN:  # the editor writes the rest while the app parses the first part
            plan.write_text(complete, encoding="utf-8")
            age(plan, 30)
        return original(text, name)

    monkeypatch.setattr(parsing, "parse_yaml_text", writer_goes_on)
    at = new_session()
    assert initiative_count(at) == "19 av 19 initiativ"
    assert "håller på att ändras" in at.warning[0].value
