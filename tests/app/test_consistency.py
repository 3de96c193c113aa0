"""Every view shows the same count per place and the same committee lines, on two plans.

The real plan (geodata/) and a generated one (the real places and bodies, each initiative given a
random set of places and bodies, so that many initiatives lie on several places) are rendered
by each view: the map's popups and tooltips, the list under the map, the place pages, the
presentation, the report and place PDFs, the CSV and Excel files and the standalone HTML map.
Each view is read back the way a reader gets it (page text, PDF text, file cells) and compared
with `soderort.facts`.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import random
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from unittest.mock import patch

import openpyxl
import pytest
import yaml
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from soderort import exports, followup, paths, views
from soderort.downloads import download_files
from soderort.facts import committee_entries, committee_line, count_by_place, group_by_place
from soderort.filters import FilterState
from soderort.i18n import initiative_count, t
from soderort.livemap.presentation import KIND_PLACE, build_slides
from soderort.loading import PlanData, load_plan_data
from soderort.render import map_layers, map_popups, place_pdf, report_pdf, spreadsheet_files
from tests.app.conftest import open_list_sections
from tests.place_layer import bound_texts, render_layer

APP_FILE = paths.DASHBOARD_SCRIPT
SEED = 2030


def write_generated_plan(folder: Path, seed: int = SEED) -> Path:
    """Copy geodata/ and give every initiative random places and bodies (1–4 places each)."""
    shutil.copytree(paths.GEODATA_DIR, folder)
    plan = yaml.safe_load((folder / paths.ACTION_PLAN_FILE.name).read_text(encoding="utf-8"))
    places = [
        feature["properties"]["id"]
        for feature in json.loads((folder / paths.PLACES_FILE.name).read_text(encoding="utf-8"))[
            "features"
        ]
    ]
    bodies = [
        entry["id"]
        for entry in yaml.safe_load(
            (folder / paths.COMMITTEES_FILE.name).read_text(encoding="utf-8")
        )["committees"]
    ]
    chooser = random.Random(seed)
    for record in plan["initiatives"]:
        record["places"] = chooser.sample(places, chooser.randint(1, 4))
        chosen = chooser.sample(bodies, chooser.randint(1, 3))
        record["committees"] = [
            {"id": body, "role": "lead" if index == 0 else "collaborator"}
            for index, body in enumerate(chosen)
        ]
    (folder / paths.ACTION_PLAN_FILE.name).write_text(
        yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return folder


@pytest.fixture(scope="module", params=["real", "generated"])
def plan_folder(request, tmp_path_factory) -> Path:
    if request.param == "real":
        return paths.GEODATA_DIR
    return write_generated_plan(tmp_path_factory.mktemp("generated") / "geodata")


@pytest.fixture(scope="module")
def plan(plan_folder: Path) -> PlanData:
    data = load_plan_data(plan_folder)
    if plan_folder != paths.GEODATA_DIR:
        # The generated plan must put initiatives on several places, or it tests nothing new.
        assert any(len(item.places) > 1 for item in data.initiatives)
    return data


@pytest.fixture(autouse=True)
def no_folium_component() -> Iterator[None]:
    with patch("streamlit_folium.st_folium", return_value={}):
        yield


def expected_counts(data: PlanData) -> dict[str, int]:
    return {place: n for place, n in count_by_place(data, data.initiatives).items() if n}


def flat(text: str) -> str:
    return " ".join(text.split())


def pdf_text(pdf: bytes) -> str:
    return flat(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


def popups(data: PlanData) -> dict[str, str]:
    """Each place's popup HTML and tooltip, as the map's place layer binds them."""
    texts = bound_texts(render_layer(map_layers.build_place_layer(data, data.initiatives)))
    return {place: text["tooltip"] + text["popup"] for place, text in texts.items()}


def test_map_popups_and_tooltips(plan: PlanData) -> None:
    shown = popups(plan)
    for place in plan.place_order:
        count = len(dict(group_by_place(plan, plan.initiatives)).get(place, []))
        words = initiative_count(count, "sv")
        assert shown[place].count(words) == 2, place  # tooltip and popup
    # A popup lists its first POPUP_LIST_LIMIT initiatives; the place page has the rest.
    for place, items in group_by_place(plan, plan.initiatives):
        for item in items[: map_popups.POPUP_LIST_LIMIT]:
            line = "; ".join(
                e.text.replace("&", "&amp;") for e in committee_entries(plan, item, "sv")
            )
            assert f"<dd>{line}</dd>" in shown[place], (item.id, place)


def test_standalone_html_map(plan: PlanData) -> None:
    html = download_files.map_html(plan, FilterState(), "sv", dt.date(2026, 1, 2), None).decode()
    for place, count in expected_counts(plan).items():
        # The popup's HTML is a JSON string in the file: its heading, then the count.
        popup = re.search(rf'data-place=\\"{place}\\".{{0,500}}?sod-meta\\"\\u003e([^\\]+)', html)
        assert popup and popup.group(1).startswith(initiative_count(count, "sv")), place
    # The file has no place pages: its popups list every initiative, past POPUP_LIST_LIMIT too.
    for _place, items in group_by_place(plan, plan.initiatives):
        for item in items:
            line = committee_line(plan, item, "sv").replace("&", "&amp;")
            assert json.dumps(line)[1:-1] in html
    assert json.dumps("områdessidan")[1:-1] not in html
    # No server behind the file, and no address configured: no link at all.
    assert "localhost" not in html and "?place=" not in html


def test_report_pdf_and_place_sheets(plan: PlanData) -> None:
    text = pdf_text(report_pdf.build_report_pdf(plan, plan.initiatives, [], None))
    for place, count in expected_counts(plan).items():
        assert f"{plan.place_name(place)} {initiative_count(count, 'sv')}" in text, place
    for item in plan.initiatives:
        for entry in committee_entries(plan, item, "sv"):
            assert flat(entry.text) in text
    for place, count in expected_counts(plan).items():
        sheet = pdf_text(place_pdf.build_place_pdf(plan, place, plan.initiatives, None))
        assert t("report.place_initiatives", "sv", n=count) in sheet, place


def test_csv_and_xlsx(plan: PlanData) -> None:
    frame = exports.initiatives_table(plan, plan.initiatives)
    rows = list(
        csv.DictReader(
            io.StringIO(spreadsheet_files.to_csv_bytes(frame).decode("utf-8-sig")), delimiter=";"
        )
    )
    sheet = openpyxl.load_workbook(io.BytesIO(spreadsheet_files.to_xlsx_bytes(frame))).active
    header = [cell.value for cell in sheet[1]]
    cells = [
        dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)
    ]
    places_column, committees_column = exports.header("places"), exports.header("committees")
    for rows_read in (rows, cells):
        assert [row[committees_column] for row in rows_read] == [
            committee_line(plan, item, "sv") for item in plan.initiatives
        ]
        counted = {
            place: sum(
                plan.place_name(place) in row[places_column].split("; ") for row in rows_read
            )
            for place in plan.place_order
        }
        assert {p: n for p, n in counted.items() if n} == expected_counts(plan)


def test_presentation_slides(plan: PlanData) -> None:
    slides = build_slides(plan, plan.initiatives)
    on_slides: dict[str, int] = {}
    for slide in slides:
        if slide.kind == KIND_PLACE:
            on_slides[slide.place] = on_slides.get(slide.place, 0) + len(slide.initiatives)
    assert on_slides == expected_counts(plan)


@pytest.fixture
def app_on(plan_folder: Path, monkeypatch) -> None:
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(plan_folder))


def unescape(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


def test_map_page_list(plan: PlanData, app_on) -> None:
    at = AppTest.from_file(str(APP_FILE), default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    # Each place's section of the list, named with its count; opened, its cards.
    headings = [unescape(section.label) for section in at.main.expander]
    for place, count in expected_counts(plan).items():
        assert f"{plan.place_name(place)} ({count})" in headings
    open_list_sections(at, plan.place_order)
    text = unescape("\n".join(m.value for m in at.main.markdown))
    for item in plan.initiatives:
        assert committee_line(plan, item, "sv") in text


def test_place_pages(plan: PlanData, app_on) -> None:
    for place, count in list(expected_counts(plan).items())[:4]:
        at = AppTest.from_file(str(APP_FILE), default_timeout=60)
        at.query_params["place"] = place
        at.run()
        at.switch_page(str(paths.PROJECT_ROOT / "pages/place.py"))
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        headers = [h.value for h in at.main.header]
        assert t("place.initiatives.heading", "sv", count=count) in headers
        text = unescape("\n".join(m.value for m in at.main.markdown))
        for item in dict(group_by_place(plan, plan.initiatives))[place]:
            assert committee_line(plan, item, "sv") in text


def test_presentation_page(plan: PlanData, app_on) -> None:
    slides = build_slides(plan, plan.initiatives)
    at = AppTest.from_file(str(APP_FILE), default_timeout=60)
    at.query_params["slide"] = str(len(slides))  # the overview
    at.run()
    at.switch_page(str(paths.PROJECT_ROOT / "pages/presentation.py"))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    text = unescape("\n".join(m.value for m in at.main.markdown))
    rows = dict(re.findall(r"^\| (.+?) \| (\d+) \|$", text, flags=re.MULTILINE))
    shown = {place: int(rows[plan.place_name(place)]) for place in plan.place_order}
    assert {place: n for place, n in shown.items() if n} == expected_counts(plan)
    # A place slide names each initiative's bodies as every other view does.
    first = next(index for index, slide in enumerate(slides) if slide.kind == KIND_PLACE)
    at.query_params["slide"] = str(first + 1)
    at.run()
    text = unescape("\n".join(m.value for m in at.main.markdown))
    for initiative_id in slides[first].initiatives:
        assert committee_line(plan, plan.initiative(initiative_id), "sv") in text


def test_the_follow_up_says_the_same_in_every_view(plan: PlanData) -> None:
    """Each initiative's follow-up, told the same way in popups, PDF, CSV, XLSX, HTML map.

    The latest entry in every view, and every entry in the plan beside the outcome (the table
    page, the files and the report). An entry whose source gives no date is told "enligt
    <källa>, läst <datum>" everywhere, and no view gives its reading day as the day of the
    status.
    """
    shown = html.unescape("".join(popups(plan).values()))
    report = pdf_text(report_pdf.build_report_pdf(plan, plan.initiatives, [], None))
    standalone = download_files.map_html(
        plan, FilterState(), "sv", dt.date(2026, 1, 2), None
    ).decode()
    frame = exports.initiatives_table(plan, plan.initiatives)
    rows = list(
        csv.DictReader(
            io.StringIO(spreadsheet_files.to_csv_bytes(frame).decode("utf-8-sig")), delimiter=";"
        )
    )
    sheet = openpyxl.load_workbook(io.BytesIO(spreadsheet_files.to_xlsx_bytes(frame))).active
    header = [cell.value for cell in sheet[1]]
    cells = [
        dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)
    ]
    status_column = exports.header("follow_up_status")
    date_column = exports.header("follow_up_date")
    source_column = exports.header("follow_up_source")
    history_column = exports.header("follow_up_history")
    outcome = views.outcome_table(views.display_table(plan, plan.initiatives))
    told = 0
    for index, item in enumerate(plan.initiatives):
        # The plan beside the outcome: the same history on screen, in both files and the report.
        history = followup.history_lines(plan, item.id, "sv")
        for row in (rows[index], cells[index], outcome.iloc[index]):
            assert row[history_column] == exports.HISTORY_SEPARATOR.join(history), item.id
        # A long address wraps in the PDF, and its text reads back with a space in it.
        assert all("".join(line.split()) in "".join(report.split()) for line in history), item.id
        latest = plan.latest_follow_up(item.id)
        if latest is None:
            continue
        said = followup.status_on(latest, "sv")
        assert flat(said) in report, item.id
        assert json.dumps(said)[1:-1] in standalone, item.id
        for row in (rows[index], cells[index]):
            assert row[status_column] == followup.entry_status_label(latest, "sv")
            assert (row[date_column] or "") == (latest.date or "")
            assert followup.source_text(latest, "sv").line() == row[source_column]
        if latest.date is None:
            told += 1
            read = followup.format_day(latest.source.read, "sv")
            assert f"enligt {latest.source.publisher}, läst {read}" in said
            wrong = f"{followup.entry_status_label(latest, 'sv')} ({read})"
            for view in (shown, report, standalone):
                # The HTML file holds its popups as JSON strings, letters outside ASCII escaped.
                assert wrong not in view and json.dumps(wrong)[1:-1] not in view, item.id
    # In the shipped follow-ups, twelve of the seventeen initiatives' latest entries are undated.
    assert told == 12
