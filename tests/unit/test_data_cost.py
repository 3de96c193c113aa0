"""A data file's cost is bounded before it is parsed, and each version of a file is parsed once.

The files here are large by count, not by bytes (all well under the 20 MB limit): millions of
one-letter items, lists nested past any plan's depth, GeoJSON with millions of values. Each must
be refused with a message that names the limit passed, without the full parser running, and a
refused file must not be parsed again until it changes.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest

from soderort import datafiles, loading, parsing, paths, plan_files
from soderort.__main__ import main
from soderort.errors import DataError

PLAN = paths.ACTION_PLAN_FILE.name


def plan_with_document(document: str) -> str:
    """The shipped plan with its `document:` mapping replaced by the given YAML value."""
    text = paths.ACTION_PLAN_FILE.read_text(encoding="utf-8")
    start = text.index("\ndocument:")
    end = text.index("\ninitiatives:")
    return f"{text[:start]}\ndocument: {document}{text[end:]}"


# The file of the report: 2.4 million one-letter items under `document:`, 4.8 MB.
ONE_LETTER_BOMB = plan_with_document("[" + "a," * 2_400_000 + "a]")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(paths.GEODATA_DIR, folder)
    return folder


@pytest.fixture
def full_parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry per YAML document that reached the full parser (the costly part)."""
    seen: list[int] = []
    original = parsing._DataLoader.get_single_data

    def counting(self):
        seen.append(1)
        return original(self)

    monkeypatch.setattr(parsing._DataLoader, "get_single_data", counting)
    return seen


def validate(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["validate", str(path)])
    return code, capsys.readouterr().err


def test_millions_of_one_letter_items_are_refused_before_the_full_parse(
    tmp_path, capsys, full_parses
) -> None:
    bomb = tmp_path / PLAN
    bomb.write_text(ONE_LETTER_BOMB, encoding="utf-8")
    assert bomb.stat().st_size < parsing.MAX_FILE_BYTES / 4
    code, err = validate(bomb, capsys)
    assert code == 1
    assert f"fler än {datafiles.MAX_COLLECTION_ITEMS:,} poster" in err
    assert "gränsen är" in err and "rad " in err
    assert full_parses == []


def test_many_lists_each_under_the_item_limit_are_refused_by_the_node_limit(tmp_path) -> None:
    per_list = datafiles.MAX_COLLECTION_ITEMS - 1
    lists = datafiles.MAX_YAML_NODES // per_list + 1
    notes = "\n".join(f"  - [{'a,' * (per_list - 1)}a]" for _ in range(lists))
    path = tmp_path / PLAN
    path.write_text(plan_with_document("{}") + f"\nextra:\n{notes}\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        plan_files.load_action_plan(path)
    assert f"fler än {datafiles.MAX_YAML_NODES:,} värden" in str(caught.value)


def test_nesting_past_the_depth_limit_is_refused_with_the_limit(tmp_path) -> None:
    depth = datafiles.MAX_DEPTH + 1
    path = tmp_path / PLAN
    path.write_text(plan_with_document("[" * depth + "]" * depth), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        plan_files.load_action_plan(path)
    assert f"nästlad i mer än {datafiles.MAX_DEPTH} nivåer" in str(caught.value)


def test_the_scan_has_a_time_limit() -> None:
    with pytest.raises(DataError) as caught:
        datafiles.check_yaml_cost(ONE_LETTER_BOMB.replace("[", "{", 1), PLAN, max_seconds=0)
    assert "tar längre än 0 sekunder" in str(caught.value)


def test_geojson_with_millions_of_values_is_refused_before_it_is_parsed(data_dir, capsys) -> None:
    places = data_dir / paths.PLACES_FILE.name
    values = ",".join(["0"] * (datafiles.MAX_JSON_VALUES + 1))
    places.write_text(f'{{"type": "FeatureCollection", "features": [[{values}]]}}')
    code, err = validate(places, capsys)
    assert code == 1
    assert f"fler än {datafiles.MAX_JSON_VALUES:,} värden" in err


def test_the_shipped_data_is_well_inside_every_limit() -> None:
    datafiles.check_yaml_cost(paths.ACTION_PLAN_FILE.read_text(encoding="utf-8"), PLAN)
    for name in (paths.PLACES_FILE, paths.DISTRICTS_FILE):
        datafiles.check_json_cost(name.read_text(encoding="utf-8"), name.name)


OTHER_YAML = ("committees.yaml", "themes.yaml")
# Read only with a valid plan: its entries are checked against the plan's initiatives.
FOLLOW_UPS = "follow_up.yaml"


def test_a_broken_file_is_parsed_once_per_version(data_dir, cost_checks) -> None:
    plan = data_dir / PLAN
    plan.write_text(ONE_LETTER_BOMB, encoding="utf-8")
    messages = set()
    for _ in range(5):
        with pytest.raises(DataError) as caught:
            loading.load_plan_data(data_dir)
        messages.add(str(caught.value))
    assert len(messages) == 1 and "poster" in messages.pop()
    # Each YAML file of the folder was read once; later loads reused the verdicts.
    assert sorted(cost_checks) == sorted([PLAN, *OTHER_YAML])

    # A new version of the file (here: fixed) is read again, and only it.
    shutil.copyfile(paths.ACTION_PLAN_FILE, plan)
    data = loading.load_plan_data(data_dir)
    assert len(data.initiatives) == 19
    assert sorted(cost_checks) == sorted([PLAN, PLAN, *OTHER_YAML, FOLLOW_UPS])


def test_sessions_arriving_together_wait_for_one_parse(data_dir, cost_checks) -> None:
    (data_dir / PLAN).write_text(ONE_LETTER_BOMB, encoding="utf-8")
    errors: list[str] = []

    def load() -> None:
        try:
            loading.load_plan_data(data_dir)
        except DataError as err:
            errors.append(str(err))

    threads = [threading.Thread(target=load) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(errors) == 8 and len(set(errors)) == 1
    assert cost_checks.count(PLAN) == 1


def test_a_file_touched_in_place_is_a_new_version(data_dir, cost_checks) -> None:
    plan = data_dir / PLAN
    loading.load_plan_data(data_dir)
    stat = plan.stat()
    os.utime(plan, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    loading.load_plan_data(data_dir)
    assert cost_checks.count(PLAN) == 2


def test_validate_refuses_a_file_that_changes_while_it_is_read(tmp_path, capsys, monkeypatch):
    plan = tmp_path / PLAN
    complete = paths.ACTION_PLAN_FILE.read_text(encoding="utf-8")
    plan.write_text(complete[: len(complete) // 2], encoding="utf-8")
    original = os.fstat

    def writer_goes_on(fd: int) -> os.stat_result:
        plan.write_text(complete, encoding="utf-8")  # the editor writes the rest meanwhile
        return original(fd)

    monkeypatch.setattr(parsing.os, "fstat", writer_goes_on)
    code, err = validate(plan, capsys)
    assert code == 1
    assert "filen ändrades medan den lästes" in err and "mv" in err
