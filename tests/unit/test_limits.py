"""Stated limits of the data: names, headings, control characters, and what a place may be.

Each limit is checked where a user would meet it: `python -m soderort validate` on a copy of the
shipped data with one value past the limit must exit 1 and name the file, the record, the field
and the limit.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from soderort import paths
from soderort.__main__ import main
from soderort.model import MAX_HEADING_CHARS, MAX_NAME_CHARS


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(paths.GEODATA_DIR, folder)
    return folder


def validate(folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["validate", str(folder)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def edit_place(folder: Path, place_id: str, **changes) -> None:
    path = folder / paths.PLACES_FILE.name
    collection = json.loads(path.read_text(encoding="utf-8"))
    for feature in collection["features"]:
        if feature["properties"]["id"] == place_id:
            for key, value in changes.items():
                if key == "geometry":
                    feature["geometry"] = value
                else:
                    feature["properties"][key] = value
    path.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")


def edit_initiative(folder: Path, initiative_id: str, **changes) -> None:
    path = folder / paths.ACTION_PLAN_FILE.name
    plan = yaml.safe_load(path.read_text(encoding="utf-8"))
    for item in plan["initiatives"]:
        if item["id"] == initiative_id:
            item.update(changes)
    path.write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")


def test_a_place_name_of_5000_characters_is_refused_with_the_limit(data_dir, capsys) -> None:
    edit_place(data_dir, "hogdalen", name="Högdalen " * 555)
    code, output = validate(data_dir, capsys)
    assert code == 1
    assert "places.geojson: plats 'hogdalen' (nr" in output
    assert f"fält properties.name: är för lång (högst {MAX_NAME_CHARS} tecken)" in output


def test_a_heading_past_the_limit_is_refused_with_the_limit(data_dir, capsys) -> None:
    edit_initiative(data_dir, "miljoteknik-hogdalen", rubrik="Miljöteknik " * 30)
    code, output = validate(data_dir, capsys)
    assert code == 1
    assert "initiativ 'miljoteknik-hogdalen'" in output
    assert f"fält rubrik: är för lång (högst {MAX_HEADING_CHARS} tecken)" in output


@pytest.mark.parametrize("character", ["\x01", "\x1b", "\x7f", "\x9b"])
def test_a_control_character_in_a_text_is_refused(data_dir, capsys, character) -> None:
    edit_initiative(data_dir, "miljoteknik-hogdalen", uppdrag=f"Utveckling{character}=1+1")
    code, output = validate(data_dir, capsys)
    assert code == 1
    assert (
        f"fält uppdrag: innehåller ett styrtecken (U+{ord(character):04X}) vid tecken 11" in output
    )


def test_a_control_character_in_a_name_is_refused(data_dir, capsys) -> None:
    edit_place(data_dir, "farsta", name_en="Farsta\u0007")
    code, output = validate(data_dir, capsys)
    assert code == 1
    assert "fält properties.name_en: innehåller ett styrtecken (U+0007)" in output


def test_line_breaks_and_tabs_in_long_text_are_kept(data_dir, capsys) -> None:
    edit_initiative(data_dir, "miljoteknik-hogdalen", uppdrag="Första raden\nandra\traden")
    code, _ = validate(data_dir, capsys)
    assert code == 0


@pytest.mark.parametrize(
    "geometry",
    [
        {"type": "Point", "coordinates": [18.04, 59.26]},
        {"type": "MultiPoint", "coordinates": [[18.04, 59.26], [18.05, 59.27]]},
    ],
)
def test_a_place_drawn_as_a_point_is_refused_with_what_to_do(data_dir, capsys, geometry) -> None:
    edit_place(data_dir, "hogdalen", geometry=geometry)
    code, output = validate(data_dir, capsys)
    assert code == 1
    assert f"fält geometry: geometrin är en punkt ({geometry['type']})" in output
    assert "cirkel runt punkten" in output
