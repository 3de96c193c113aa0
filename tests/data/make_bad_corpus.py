"""Write the corpus of broken data files under tests/data/bad/ from the shipped data.

Run from the project root: `python tests/data/make_bad_corpus.py`. Each file holds one mistake a
person editing the data by hand could make; tests/unit/test_bad_data.py says what `validate` must
answer for each. The follow-up cases break the tests' own follow-up file
(tests/data/follow_up_rules.yaml), which stays as it is when the shipped research is read again.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
BAD = Path(__file__).resolve().parent / "bad"
PLAN = ROOT / "geodata" / "action_plan.yaml"
COMMITTEES = ROOT / "geodata" / "committees.yaml"
THEMES = ROOT / "geodata" / "themes.yaml"
FOLLOW_UP = ROOT / "tests" / "data" / "follow_up_rules.yaml"

# A small place near Högdalen, valid in every respect; the geodata cases break one thing each.
_PLACE_PROPERTIES = {
    "id": "hogdalen",
    "name": "Högdalens industriområde",
    "name_en": "Högdalen industrial area",
    "kind": "point_buffer",
    "method": "Cirkel kring en källsatt punkt",
    "source": "test",
    "approximate": True,
    "radius_m": 600,
    "label_lon": 18.061,
    "label_lat": 59.256,
}
_SQUARE = [[18.05, 59.25], [18.07, 59.25], [18.07, 59.26], [18.05, 59.26], [18.05, 59.25]]


def _plan() -> dict:
    return yaml.safe_load(PLAN.read_text(encoding="utf-8"))


def _follow_up_with(change) -> str:
    """The tests' follow-up file with one change made to its first initiative's first entry."""
    data = yaml.safe_load(FOLLOW_UP.read_text(encoding="utf-8"))
    change(data["follow_ups"][0])
    return _dump(data)


def _entry_set(key: str, value: object):
    def change(item: dict) -> None:
        item["entries"][0][key] = value

    return change


def _dump(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def _plan_with(change) -> str:
    data = _plan()
    change(data["initiatives"])
    return _dump(data)


def _collection(*features: dict, **extra: object) -> str:
    return json.dumps({"type": "FeatureCollection", **extra, "features": list(features)})


def _feature(geometry: object, **properties: object) -> dict:
    return {
        "type": "Feature",
        "properties": {**_PLACE_PROPERTIES, **properties},
        "geometry": geometry,
    }


def _polygon(ring: list) -> dict:
    return {"type": "Polygon", "coordinates": [ring]}


def _set(index: int, path: str, value: object):
    def change(initiatives: list) -> None:
        node = initiatives[index]
        *parents, last = path.split(".")
        for key in parents:
            node = node[key]
        node[last] = value

    return change


def _delete(index: int, key: str):
    def change(initiatives: list) -> None:
        del initiatives[index][key]

    return change


def _duplicate_first(initiatives: list) -> None:
    initiatives.append(copy.deepcopy(initiatives[0]))


def _alias_bomb(plan_text: str) -> str:
    """A few hundred bytes that expand to 10**9 values: nine levels of ten aliases each.

    PyYAML builds references, not copies, so parsing is cheap; anything that walks or prints
    the value (a message quoting it with repr) never ends.
    """
    lines = ["x-bomb-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, 9):
        name, previous = "abcdefghi"[level], "abcdefghi"[level - 1]
        lines.append(f"x-bomb-{name}: &{name} [{', '.join([f'*{previous}'] * 10)}]")
    marked = _plan_with(_set(9, "timeline.start", "BOMB"))
    assert marked.count("start: BOMB") == 1
    return "\n".join(lines) + "\n" + marked.replace("start: BOMB", "start: *i")


def _repeat_key(plan_text: str) -> str:
    """The fifth record with its rubrik given twice (a copy-and-paste slip)."""
    line = "    rubrik: Nya klusterbildningar\n"
    return _replace_once(plan_text, line, line + "    rubrik: Nya kluster\n")


def _replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def _nested(depth: int) -> str:
    """A geometry whose coordinates nest `depth` lists deep."""
    coordinates = "[" * depth + "]" * depth
    properties = json.dumps(_PLACE_PROPERTIES)
    return (
        '{"type": "FeatureCollection", "features": [{"type": "Feature", '
        f'"properties": {properties}, '
        f'"geometry": {{"type": "Polygon", "coordinates": {coordinates}}}}}]}}'
    )


def cases() -> dict[str, str | bytes]:
    """Return the corpus as file name -> content."""
    plan_text = PLAN.read_text(encoding="utf-8")
    cut = plan_text.index("source: {page: 1, row: 6}") + len("source: {page: 1, ro")
    committees = yaml.safe_load(COMMITTEES.read_text(encoding="utf-8"))
    duplicate_committee = copy.deepcopy(committees)
    duplicate_committee["committees"].append(copy.deepcopy(committees["committees"][0]))
    bad_kind = copy.deepcopy(committees)
    bad_kind["committees"][1]["kind"] = "nämnd"
    themes = yaml.safe_load(THEMES.read_text(encoding="utf-8"))
    del themes["themes"][0]["name"]
    sweref = [
        [674000.0, 6575000.0],
        [675000.0, 6575000.0],
        [675000.0, 6576000.0],
        [674000.0, 6575000.0],
    ]
    return {
        "plan_empty.yaml": "",
        "plan_whitespace_only.yaml": "\n   \n",
        "plan_truncated.yaml": plan_text[:cut],
        "plan_latin1.yaml": plan_text.encode("latin-1", errors="replace"),
        "plan_bom.yaml": b"\xef\xbb\xbf" + plan_text.encode("utf-8"),
        "plan_not_a_mapping.yaml": "- en lista\n- i stället för en mappning\n",
        "plan_duplicate_id.yaml": _plan_with(_duplicate_first),
        "plan_unknown_place.yaml": _plan_with(_set(6, "places", ["hogdalen", "atlantis"])),
        "plan_unknown_committee.yaml": _plan_with(
            _set(0, "committees", [{"id": "nämnden-som-inte-finns", "role": "lead"}])
        ),
        "plan_unknown_committee_id.yaml": _plan_with(
            _set(0, "committees", [{"id": "trafiknamnden", "role": "lead"}])
        ),
        "plan_unknown_theme.yaml": _plan_with(_set(2, "themes", ["rymdfart"])),
        "plan_year_20300.yaml": _plan_with(_set(1, "timeline.target", 20300)),
        "plan_year_1900.yaml": _plan_with(_set(9, "timeline.start", 1900)),
        "plan_year_as_text.yaml": _plan_with(_set(9, "timeline.start", "tjugohundranio")),
        "plan_milestone_after_target.yaml": _plan_with(
            _set(1, "timeline.milestones", [{"year": 2035, "label": "Delmål"}])
        ),
        "plan_start_after_target.yaml": _plan_with(_set(13, "timeline.start", 2012)),
        "plan_missing_rubrik.yaml": _plan_with(_delete(4, "rubrik")),
        "plan_empty_rubrik.yaml": _plan_with(_set(4, "rubrik", "")),
        "plan_missing_timeline.yaml": _plan_with(_delete(3, "timeline")),
        "plan_no_places.yaml": _plan_with(_set(5, "places", [])),
        "plan_bad_status.yaml": _plan_with(_set(10, "timeline.status", "kanske")),
        "plan_bad_role.yaml": _plan_with(
            _set(0, "committees", [{"id": "kommunstyrelsen", "role": "chef"}])
        ),
        "plan_unknown_field.yaml": _plan_with(_set(7, "ansvarig_namd", "stavfel i fältnamnet")),
        "plan_truncated_unknown_column.yaml": _plan_with(_set(8, "truncated", ["slutsats"])),
        "plan_bad_id.yaml": _plan_with(_set(0, "id", "Hela Söderort")),
        "plan_repeated_place.yaml": _plan_with(_set(6, "places", ["hogdalen", "hogdalen"])),
        "committees_duplicate.yaml": _dump(duplicate_committee),
        "committees_bad_kind.yaml": _dump(bad_kind),
        "themes_missing_name.yaml": _dump(themes),
        "places_invalid_json.geojson": _collection(_feature(_polygon(_SQUARE)))[:-7],
        "places_not_featurecollection.geojson": json.dumps(_feature(_polygon(_SQUARE))),
        "places_no_features.geojson": _collection(),
        "places_self_intersecting.geojson": _collection(
            _feature(
                _polygon(
                    [[18.05, 59.25], [18.07, 59.26], [18.07, 59.25], [18.05, 59.26], [18.05, 59.25]]
                )
            )
        ),
        "places_empty_geometry.geojson": _collection(
            _feature({"type": "Polygon", "coordinates": []})
        ),
        "places_null_geometry.geojson": _collection(_feature(None)),
        "places_wrong_crs.geojson": _collection(
            _feature(_polygon(sweref)),
            crs={"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3006"}},
        ),
        "places_sweref_without_crs.geojson": _collection(_feature(_polygon(sweref))),
        "places_swapped_lat_lon.geojson": _collection(
            _feature(_polygon([[lat, lon] for lon, lat in _SQUARE]))
        ),
        "places_missing_name.geojson": _collection(_feature(_polygon(_SQUARE), name=None)),
        "places_duplicate_id.geojson": _collection(
            _feature(_polygon(_SQUARE)), _feature(_polygon(_SQUARE))
        ),
        "places_approximate_not_bool.geojson": _collection(
            _feature(_polygon(_SQUARE), approximate="kanske")
        ),
        # Found by tests/unit/test_properties.py and the reliability review: each of these once
        # crashed the loader with a Python error, or (the alias bomb) never finished.
        "plan_impossible_date.yaml": _replace_once(
            plan_text, "date: 2010-04-15", "date: 2010-02-30"
        ),
        "plan_duplicate_key.yaml": _repeat_key(plan_text),
        "plan_alias_bomb.yaml": _alias_bomb(plan_text),
        "places_empty.geojson": "",
        "places_duplicate_key.geojson": _replace_once(
            _collection(_feature(_polygon(_SQUARE))),
            '"kind": "point_buffer"',
            '"kind": "point_buffer", "kind": "district"',
        ),
        "places_huge_number.geojson": _replace_once(
            _collection(_feature(_polygon(_SQUARE))), '"radius_m": 600', '"radius_m": ' + "6" * 5000
        ),
        "places_deep_nesting.geojson": _nested(100_000),
        "places_crs_malformed.geojson": _collection(
            _feature(_polygon(_SQUARE)), crs={"type": "name", "properties": ["EPSG:4326"]}
        ),
        # The follow-up file: each of the refusals staff can meet when adding an entry.
        "follow_up_missing_source.yaml": _follow_up_with(
            lambda item: item["entries"][0].pop("source")
        ),
        "follow_up_unknown_initiative.yaml": _follow_up_with(
            lambda item: item.update(initiative="hamn-pa-manen")
        ),
        "follow_up_bad_date.yaml": _follow_up_with(_entry_set("date", "2020-13")),
        "follow_up_unknown_status.yaml": _follow_up_with(_entry_set("status", "klar")),
        "follow_up_bad_recorded.yaml": _follow_up_with(_entry_set("recorded", "igår")),
        "follow_up_before_plan.yaml": _follow_up_with(_entry_set("date", 2004)),
        "follow_up_script_url.yaml": _follow_up_with(
            lambda item: item["entries"][0]["source"].update(url="javascript:alert(1)")
        ),
        # Dates that mean one thing: the reading day is no event's date, and no event is dated
        # after the day it was recorded.
        "follow_up_reading_day_as_date.yaml": _follow_up_with(_entry_set("date", "2026-11-30")),
        "follow_up_after_recorded.yaml": _follow_up_with(_entry_set("date", 2099)),
        "follow_up_source_not_read.yaml": _follow_up_with(
            lambda item: item["entries"][0]["source"].pop("read")
        ),
        "follow_up_undated_field.yaml": _follow_up_with(
            lambda item: item["entries"][0]["source"].update(undated=True)
        ),
        "follow_up_neither_entries_nor_searched.yaml": _follow_up_with(
            lambda item: item.update(entries=[])
        ),
        "follow_up_url_userinfo.yaml": _follow_up_with(
            lambda item: item["entries"][0]["source"].update(
                url="https://vaxer.stockholm@example.org/"
            )
        ),
        "follow_up_url_backslash.yaml": _follow_up_with(
            lambda item: item["entries"][0]["source"].update(url="https://vaxer.stockholm/\\")
        ),
        "follow_up_text_control.yaml": _follow_up_with(_entry_set("text", "Pågår\x1b[31m")),
    }


def main() -> None:
    """Write every case to tests/data/bad/, replacing what was there."""
    BAD.mkdir(exist_ok=True)
    for old in BAD.iterdir():
        old.unlink()
    for name, content in cases().items():
        target = BAD / name
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    print(f"{len(cases())} filer i {BAD}")


if __name__ == "__main__":
    main()
