"""The snapshot of the app's files is the same twice over: comparing two of them means something."""

from __future__ import annotations

from pathlib import Path

from soderort.loading import PlanData
from tools.snapshot_outputs import write_snapshot


def test_the_same_code_writes_the_same_files(plan_data: PlanData, tmp_path: Path) -> None:
    first = write_snapshot(tmp_path / "first", plan_data, views=["text"], languages=["sv"])
    second = write_snapshot(tmp_path / "second", plan_data, views=["text"], languages=["sv"])
    assert [path.name for path in first] == [path.name for path in second]
    kinds = {path.name.split("-")[0] for path in first}
    assert kinds == {"map", "report", "place", "timeline", "table"}
    for one, other in zip(first, second, strict=True):
        assert one.read_bytes() == other.read_bytes(), one.name


def test_the_snapshot_holds_what_a_reader_sees(plan_data: PlanData, tmp_path: Path) -> None:
    written = write_snapshot(tmp_path, plan_data, views=["text"], languages=["sv"])
    by_name = {path.name: path for path in written}
    report = by_name["report-text-sv.txt"].read_text(encoding="utf-8")
    assert "Farsta" in report
    table = by_name["table-text-sv.csv"].read_bytes().decode("utf-8-sig")
    assert "Farsta" in table
