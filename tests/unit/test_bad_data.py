"""Every broken data file gets a message that names the file, the record and the field."""

import shutil
from pathlib import Path
from unittest.mock import patch

import pytest

from soderort import loading, parsing, paths, plan_files
from soderort.__main__ import main
from soderort.errors import DataError
from soderort.validate import validate_path

BAD = paths.PROJECT_ROOT / "tests" / "data" / "bad"
# Where the corpus repeats the fifth record's rubrik: the line moves as the plan's notes grow.
REPEATED_KEY_LINE = (BAD / "plan_duplicate_key.yaml").read_text(
    encoding="utf-8"
).splitlines().index("    rubrik: Nya kluster") + 1

# file -> (what the message must say, the record it must name or None, the field or None)
EXPECTED = {
    "plan_empty.yaml": ("filen är tom", None, None),
    "plan_whitespace_only.yaml": ("filen är tom", None, None),
    "plan_truncated.yaml": ("går inte att läsa som YAML", None, None),
    "plan_latin1.yaml": ("inte UTF-8", None, None),
    "plan_bom.yaml": ("BOM", None, None),
    "plan_not_a_mapping.yaml": ("ska börja med nyckeln", None, None),
    "plan_duplicate_id.yaml": ("'hela-soderort' förekommer redan", "initiativ nr 20", "id"),
    "plan_unknown_place.yaml": ("okänd plats 'atlantis'", "miljoteknik-hogdalen", "places[2]"),
    "plan_unknown_committee.yaml": ("inget giltigt id", "hela-soderort", "committees[1].id"),
    "plan_unknown_committee_id.yaml": (
        "okänd nämnd 'trafiknamnden'",
        "hela-soderort",
        "committees[1].id",
    ),
    "plan_unknown_theme.yaml": ("okänt tema 'rymdfart'", "samverkan-med-naringslivet", "themes[1]"),
    "plan_year_20300.yaml": (
        "20300 är för stort (högst 2100)",
        "fler-arbetsplatser",
        "timeline.target",
    ),
    "plan_year_1900.yaml": (
        "1900 är för litet (minst 1990)",
        "straket-globen-norvik",
        "timeline.start",
    ),
    "plan_year_as_text.yaml": ("heltal", "straket-globen-norvik", "timeline.start"),
    "plan_milestone_after_target.yaml": (
        "delmålet 2035 ligger efter målåret",
        "fler-arbetsplatser",
        "timeline",
    ),
    "plan_start_after_target.yaml": ("start (2012) ligger efter", "centrumutveckling", "timeline"),
    "plan_missing_rubrik.yaml": ("saknas men krävs", "nya-klusterbildningar", "rubrik"),
    "plan_empty_rubrik.yaml": ("får inte vara tom", "nya-klusterbildningar", "rubrik"),
    "plan_missing_timeline.yaml": ("saknas men krävs", "samverkan-sodertorn", "timeline"),
    "plan_no_places.yaml": ("minst ett värde", "telefonplan-kreativa-naringar", "places"),
    "plan_bad_status.yaml": (
        "'kanske' är inget giltigt värde",
        "foretagsomraden",
        "timeline.status",
    ),
    "plan_bad_role.yaml": ("'chef' är inget giltigt värde", "hela-soderort", "committees[1].role"),
    "plan_unknown_field.yaml": ("okänt fält", "skrubba-lask", "ansvarig_namd"),
    "plan_truncated_unknown_column.yaml": ("okänd kolumn slutsats", "kungens-kurva", "truncated"),
    "plan_bad_id.yaml": ("inget giltigt id", "nr 1", "id"),
    "plan_repeated_place.yaml": ("hogdalen mer än en gång", "miljoteknik-hogdalen", None),
    "committees_duplicate.yaml": (
        "'stockholm-business-region' förekommer redan",
        "nämnd nr 19",
        "id",
    ),
    "committees_bad_kind.yaml": ("'nämnd' är inget giltigt värde", "kommunstyrelsen", "kind"),
    "themes_missing_name.yaml": ("saknas men krävs", "arbetsplatser", "name"),
    "places_invalid_json.geojson": ("inte giltig JSON", None, None),
    "places_not_featurecollection.geojson": ("ingen GeoJSON FeatureCollection", None, None),
    "places_no_features.geojson": ("inga features", None, "features"),
    "places_self_intersecting.geojson": ("Self-intersection", "hogdalen", "geometry"),
    "places_empty_geometry.geojson": ("geometrin är tom", "hogdalen", "geometry"),
    "places_null_geometry.geojson": ("geometri saknas", "hogdalen", "geometry"),
    "places_wrong_crs.geojson": ("fel koordinatsystem", None, "crs"),
    "places_sweref_without_crs.geojson": ("utanför WGS84", "hogdalen", "geometry"),
    "places_swapped_lat_lon.geojson": ("omkastade", "hogdalen", "geometry"),
    "places_missing_name.geojson": ("ska vara text", "hogdalen", "properties.name"),
    "places_duplicate_id.geojson": ("'hogdalen' förekommer redan", "plats nr 2", "id"),
    "places_approximate_not_bool.geojson": (
        "true eller false",
        "hogdalen",
        "properties.approximate",
    ),
    # Each of these once crashed the loader with a Python error or never finished.
    "plan_impossible_date.yaml": ("'2010-02-30' är inget giltigt datum", None, None),
    "plan_duplicate_key.yaml": (
        f"nyckeln 'rubrik' förekommer två gånger (rad {REPEATED_KEY_LINE}, kolumn 5)",
        None,
        None,
    ),
    "plan_alias_bomb.yaml": (
        "ska vara ett heltal, inte en lista med 10 värden",
        "straket-globen-norvik",
        "timeline.start",
    ),
    "places_empty.geojson": ("filen är tom", None, None),
    "places_duplicate_key.geojson": ("nyckeln 'kind' förekommer två gånger", None, None),
    "places_huge_number.geojson": ("fler än 100 siffror", None, None),
    "places_deep_nesting.geojson": ("för djupt nästlad", None, None),
    "places_crs_malformed.geojson": ("fel koordinatsystem", None, "crs"),
    # The follow-up file: file, initiative, entry and field in every refusal.
    "follow_up_missing_source.yaml": (
        "saknas men krävs",
        "uppföljning för 'miljoteknik-hogdalen' (nr 1)",
        "entries[1].source",
    ),
    "follow_up_unknown_initiative.yaml": (
        "okänt initiativ 'hamn-pa-manen' (finns inte i action_plan.yaml)",
        "nr 1",
        "initiative",
    ),
    "follow_up_bad_date.yaml": (
        "'2020-13' är inget giltigt datum (ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD)",
        "miljoteknik-hogdalen",
        "entries[1].date",
    ),
    "follow_up_unknown_status.yaml": (
        "'klar' är inget giltigt värde; giltiga är 'genomförd'",
        "miljoteknik-hogdalen",
        "entries[1].status",
    ),
    "follow_up_bad_recorded.yaml": (
        "'igår' är inget giltigt datum",
        "miljoteknik-hogdalen",
        "entries[1].recorded",
    ),
    "follow_up_before_plan.yaml": (
        "datumet 2004 ligger före planens datum (2010-04-15)",
        "miljoteknik-hogdalen",
        "entries[1].date",
    ),
    "follow_up_script_url.yaml": (
        "ska vara en webbadress som börjar med https://",
        "miljoteknik-hogdalen",
        "entries[1].source.url",
    ),
    "follow_up_reading_day_as_date.yaml": (
        "datumet 2026-11-30 är dagen källan lästes eller posten skrevs in",
        "miljoteknik-hogdalen",
        "entries[1].date",
    ),
    "follow_up_after_recorded.yaml": (
        "datumet 2099 ligger efter dagen posten skrevs in (2026-11-30)",
        "miljoteknik-hogdalen",
        "entries[1].date",
    ),
    "follow_up_source_not_read.yaml": (
        "saknas men krävs",
        "miljoteknik-hogdalen",
        "entries[1].source.read",
    ),
    "follow_up_undated_field.yaml": (
        "okänt fält",
        "miljoteknik-hogdalen",
        "entries[1].source.undated",
    ),
    "follow_up_neither_entries_nor_searched.yaml": (
        "varken poster (entries) eller en sökning (searched)",
        "miljoteknik-hogdalen",
        None,
    ),
    "follow_up_url_userinfo.yaml": (
        "har ett användarnamn före värden (@)",
        "miljoteknik-hogdalen",
        "entries[1].source.url",
    ),
    "follow_up_url_backslash.yaml": (
        "innehåller tecknet '\\\\'",
        "miljoteknik-hogdalen",
        "entries[1].source.url",
    ),
    "follow_up_text_control.yaml": (
        "innehåller ett styrtecken (U+001B)",
        "miljoteknik-hogdalen",
        "entries[1].text",
    ),
}


def test_the_corpus_is_complete():
    assert sorted(p.name for p in BAD.iterdir()) == sorted(EXPECTED)
    assert len(EXPECTED) >= 25


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_validate_names_file_record_field_and_problem(name):
    message, record, field = EXPECTED[name]
    with pytest.raises(DataError) as caught:
        validate_path(BAD / name)
    problems = caught.value.problems
    matching = [p for p in problems if message in p.message]
    assert matching, f"{name}: {[str(p) for p in problems]}"
    problem = matching[0]
    assert problem.file == name
    # Short enough to read: a value from the file is quoted in part, never dumped whole.
    assert all(len(str(p)) < 400 for p in problems), max(problems, key=lambda p: len(str(p)))
    if record:
        assert record in (problem.record or ""), str(problem)
    if field:
        assert problem.field == field, str(problem)


@pytest.mark.parametrize("name", ["plan_year_20300.yaml", "places_swapped_lat_lon.geojson"])
def test_validate_command_prints_the_problem_and_exits_non_zero(name, capsys):
    assert main(["validate", str(BAD / name)]) == 1
    printed = capsys.readouterr().err
    assert name in printed
    assert EXPECTED[name][0] in printed
    assert "Traceback" not in printed


def test_validate_command_passes_on_the_shipped_data(capsys):
    assert main(["validate"]) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith("OK: 19 initiativ")
    assert len(out.splitlines()) == 1


def test_a_broken_file_in_a_data_folder_stops_the_whole_load(tmp_path):
    data_dir = tmp_path / "geodata"
    shutil.copytree(paths.GEODATA_DIR, data_dir)
    shutil.copy(BAD / "plan_year_20300.yaml", data_dir / "action_plan.yaml")
    with pytest.raises(DataError) as caught:
        loading.load_plan_data(data_dir)
    assert caught.value.files == ["action_plan.yaml"]


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(DataError, match="filen finns inte"):
        plan_files.load_action_plan(tmp_path / "action_plan.yaml")


def test_the_command_names_the_folder_it_checked(tmp_path, capsys):
    folder = tmp_path / "data"
    folder.mkdir()
    assert main(["validate", str(folder)]) == 1
    printed = capsys.readouterr().err
    assert f"({folder})" in printed.splitlines()[0]
    assert "action_plan.yaml: filen finns inte" in printed


def test_an_oversized_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "action_plan.yaml"
    with big.open("wb") as handle:
        handle.truncate(20 * 1024 * 1024)
    with pytest.raises(DataError, match="större än gränsen"):
        plan_files.load_action_plan(big)


def test_a_file_that_cannot_be_read_is_named(tmp_path):
    plan = tmp_path / "action_plan.yaml"
    shutil.copy(paths.ACTION_PLAN_FILE, plan)
    denied = PermissionError(13, "Permission denied")
    with (
        patch.object(Path, "open", side_effect=denied),
        pytest.raises(DataError, match="filen kan inte läsas: Permission denied") as caught,
    ):
        plan_files.load_action_plan(plan)
    assert caught.value.files == ["action_plan.yaml"]


def test_a_file_longer_than_its_stated_size_is_refused(tmp_path):
    # /proc files state a size of 0 but hold more: the limit holds for what is read, not only
    # for what stat() says (the same guard covers a file that grows while it is read).
    source = Path("/proc/self/status")
    if not source.is_file() or source.stat().st_size != 0:
        pytest.skip("needs Linux's /proc")
    plan = tmp_path / "action_plan.yaml"
    plan.symlink_to(source)
    with pytest.raises(DataError, match="större än gränsen 100 byte"):
        parsing.read_text(plan, max_bytes=100)
