"""Data changes are never missed or half-taken (soderort.published, the health route).

A publisher replaces files the documented ways (`mv` of a new file, `python -m soderort
publish`) or a deploy tool's way (the old modification time kept). Each test checks what a
visitor sees (the plan, a notice) and what a monitor reads from /healthz.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from soderort import health, paths, published, publishing
from soderort.__main__ import main
from tests import asgi
from tests.app.conftest import unescape

HOUR_AGO_NS = time.time_ns() - 3_600 * 10**9


@pytest.fixture
def served(tmp_path: Path, follow_up_folder: Path) -> Path:
    # The tests' own follow-ups: the shipped research follows every initiative, so a plan cut
    # before its last two would be refused for the follow-ups it leaves without an initiative.
    folder = tmp_path / "served"
    shutil.copytree(follow_up_folder, folder)
    settle(folder)  # that folder's follow-up file may have been written a moment ago
    return folder


def replace_file(path: Path, text: str, *, keep_time_ns: int | None = HOUR_AGO_NS) -> None:
    """Publish a file by `mv`, its modification time set as a deploy tool that keeps it does."""
    new = path.with_name(f".{path.name}.new")
    new.write_text(text, encoding="utf-8")
    if keep_time_ns is not None:
        os.utime(new, ns=(keep_time_ns, keep_time_ns))
    os.replace(new, path)


def settle(folder: Path) -> None:
    """Age the files the publish command just wrote, as time does (`published.SETTLE_SECONDS`)."""
    for name in (*published.DATA_FILES, publishing.MANIFEST_FILE):
        if (folder / name).exists():
            os.utime(folder / name, ns=(HOUR_AGO_NS, HOUR_AGO_NS))


def health_of(folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, dict]:
    """GET /healthz from app.py's routes, the app reading `folder`."""
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(folder))
    answer = asgi.get(health.HEALTH_PATH)
    assert answer.headers["content-type"] == "application/json"
    return answer.status, json.loads(answer.body)


def notify_script(data_dir: str) -> None:
    import streamlit as st

    from ui.data import get_plan_data

    data = get_plan_data(data_dir, notify=True)
    st.write(f"initiatives: {len(data.initiatives)}")


def run_page(folder: Path) -> AppTest:
    at = AppTest.from_function(notify_script, kwargs={"data_dir": str(folder)})
    at.run(timeout=30)
    assert not at.exception
    return at


def shown_count(at: AppTest) -> int:
    line = next(m.value for m in at.markdown if m.value.startswith("initiatives:"))
    return int(line.split(":")[1])


def test_a_change_with_the_old_modification_time_is_taken(served) -> None:
    first = published.current(served).data
    themes = served / paths.THEMES_FILE.name
    before = themes.stat()
    text = themes.read_text(encoding="utf-8")
    assert "name: Turism" in text
    replace_file(themes, text.replace("name: Turism", "name: Besöksnäring", 1), keep_time_ns=None)
    # Written in place, with the size and the modification time put back (cp -p, rsync -t).
    os.utime(themes, ns=(before.st_atime_ns, before.st_mtime_ns))
    again = published.current(served).data
    assert again is not first
    assert again.theme_name("turism") == "Besöksnäring"


def test_a_touched_file_with_the_same_content_is_the_same_plan(served) -> None:
    first = published.current(served).data
    themes = served / paths.THEMES_FILE.name
    os.utime(themes, ns=(HOUR_AGO_NS, HOUR_AGO_NS + 10**9))
    assert published.current(served).data is first


def test_a_broken_new_file_leaves_the_last_good_plan_with_a_notice(served, monkeypatch) -> None:
    at = run_page(served)
    assert shown_count(at) == 19 and not at.warning
    plan = served / paths.ACTION_PLAN_FILE.name
    text = plan.read_text(encoding="utf-8")
    replace_file(plan, text.replace("status: planned", "status: finished", 1))

    at = run_page(served)
    assert shown_count(at) == 19
    notice = unescape(at.warning[0].value)
    assert "En ny version av **action_plan.yaml** kunde inte användas (sedan " in notice
    assert "'finished' är inget giltigt värde" in notice
    assert "den senaste fungerande versionen (19 initiativ)" in notice
    code, report = health_of(served, monkeypatch)
    assert code == 200
    assert report["status"] == "degraded"
    assert report["plan"]["initiatives"] == 19
    assert report["refused"]["files"] == ["action_plan.yaml"]
    assert "'finished' är inget giltigt värde" in report["refused"]["problems"][0]
    since = report["refused"]["since"]

    # The same broken version keeps the time it was first refused.
    time.sleep(1.1)
    assert health_of(served, monkeypatch)[1]["refused"]["since"] == since

    replace_file(plan, text)
    at = run_page(served)
    assert shown_count(at) == 19 and not at.warning
    assert health_of(served, monkeypatch)[1]["status"] == "ok"


def test_a_broken_folder_with_no_good_version_is_an_error_page_and_503(served, monkeypatch) -> None:
    plan = served / paths.ACTION_PLAN_FILE.name
    plan.write_text("initiatives: [", encoding="utf-8")
    os.utime(plan, ns=(HOUR_AGO_NS, HOUR_AGO_NS))
    at = run_page(served)
    assert [t.value for t in at.title] == ["Datan kunde inte läsas"]
    code, report = health_of(served, monkeypatch)
    assert code == 503
    assert report["status"] == "error"
    assert "plan" not in report
    assert report["refused"]["files"] == ["action_plan.yaml"]


def cut_at_a_record_boundary(text: str) -> str:
    """The plan's text cut before its last two initiatives: still valid YAML, a shorter plan."""
    cut = text[: text.rindex("\n  - id:", 0, text.rindex("\n  - id:")) + 1]
    assert len(yaml.safe_load(cut)["initiatives"]) == 17
    return cut


def test_a_file_cut_at_a_record_boundary_is_caught_by_the_manifest(
    tmp_path, served, monkeypatch, capsys
) -> None:
    edited = tmp_path / "edited"
    shutil.copytree(served, edited)
    assert main(["publish", str(edited), "--to", str(served)]) == 0
    assert "published.json" in capsys.readouterr().out
    assert (served / publishing.MANIFEST_FILE).is_file()
    settle(served)
    at = run_page(served)
    assert shown_count(at) == 19

    plan = served / paths.ACTION_PLAN_FILE.name
    cut = cut_at_a_record_boundary(plan.read_text(encoding="utf-8"))
    # The cut file on its own is a valid plan: only the manifest tells it from the published.
    (tmp_path / "alone").mkdir()
    shutil.copytree(served, tmp_path / "alone", dirs_exist_ok=True)
    (tmp_path / "alone" / plan.name).write_text(cut, encoding="utf-8")
    assert main(["validate", str(tmp_path / "alone")]) == 0
    replace_file(plan, cut)

    at = run_page(served)
    assert shown_count(at) == 19
    notice = unescape(at.warning[0].value)
    assert "action_plan.yaml" in notice
    assert "filen är inte den som publicerades" in notice
    assert "avklippt" in notice
    assert health_of(served, monkeypatch)[1]["status"] == "degraded"


def test_publish_refuses_an_edit_that_does_not_validate(tmp_path, served, capsys) -> None:
    edited = tmp_path / "edited"
    shutil.copytree(served, edited)
    plan = edited / paths.ACTION_PLAN_FILE.name
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("status: planned", "status: x", 1),
        encoding="utf-8",
    )
    before = (served / plan.name).read_bytes()
    assert main(["publish", str(edited), "--to", str(served)]) == 1
    assert "'x' är inget giltigt värde" in capsys.readouterr().err
    assert (served / plan.name).read_bytes() == before
    assert not (served / publishing.MANIFEST_FILE).exists()


def test_an_edit_published_with_the_command_is_served(tmp_path, served) -> None:
    assert len(published.current(served).data.initiatives) == 19
    edited = tmp_path / "edited"
    shutil.copytree(served, edited)
    plan = edited / paths.ACTION_PLAN_FILE.name
    plan.write_text(cut_at_a_record_boundary(plan.read_text(encoding="utf-8")), encoding="utf-8")
    assert main(["publish", str(edited), "--to", str(served)]) == 0
    settle(served)
    publication = published.current(served)
    assert publication.status == "ok"
    assert len(publication.data.initiatives) == 17
