"""The Table page: every matching initiative with every column, and downloads of exactly those.

Expected rows come from the raw YAML; the downloads are read back as a user's program would.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from soderort.viewstate import SS_DOWNLOAD_CSV, SS_DOWNLOAD_XLSX
from tests.app.conftest import open_app
from tests.readings import shown

PAGE = "pages/table.py"
pytestmark = pytest.mark.usefixtures("st_folium")


def open_table(query: dict[str, str] | None = None) -> AppTest:
    return open_app(PAGE, query)


def csv_rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


@pytest.mark.parametrize(
    ("language", "title", "first_header"),
    [("sv", "Initiativen i tabellform", "Rubrik"), ("en", "The initiatives as a table", "Heading")],
)
def test_table_lists_every_initiative_in_both_languages(
    records, downloads, language, title, first_header
) -> None:
    at = open_table({"lang": language})
    assert [t.value for t in at.title] == [title]
    frame = at.dataframe[0].value
    assert list(frame["id"]) == [r["id"] for r in records]
    assert list(frame[first_header]) == [shown(r, "rubrik", language) for r in records]
    stem = f"soderort-2030-initiativ-{dt.date.today().isoformat()}"
    assert sorted(downloads) == [f"{stem}.csv", f"{stem}.xlsx"]
    assert [r[first_header] for r in csv_rows(downloads[f"{stem}.csv"])] == [
        shown(r, "rubrik", language) for r in records
    ]


def test_the_committee_filter_gives_exactly_its_rows(records, downloads) -> None:
    at = open_table({"committee": "exploateringsnamnden"})
    want = [
        shown(r) for r in records if "exploateringsnamnden" in [c["id"] for c in r["committees"]]
    ]
    assert 0 < len(want) < len(records)
    assert list(at.dataframe[0].value["Rubrik"]) == want
    assert any(f"**{len(want)} av {len(records)} initiativ**" == m.value for m in at.markdown)
    csv_file = next(data for name, data in downloads.items() if name.endswith(".csv"))
    assert [row["Rubrik"] for row in csv_rows(csv_file)] == want
    xlsx_file = next(data for name, data in downloads.items() if name.endswith(".xlsx"))
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_file)).active
    headings = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert headings == want


def test_lead_only_narrows_the_table_to_the_bodies_leading(records) -> None:
    at = open_table({"committee": "exploateringsnamnden", "lead": "1"})
    want = [
        shown(r)
        for r in records
        if any(c["id"] == "exploateringsnamnden" and c["role"] == "lead" for c in r["committees"])
    ]
    assert list(at.dataframe[0].value["Rubrik"]) == want


def test_the_buttons_say_what_the_files_are(downloads) -> None:
    at = open_table()
    buttons = {b.key: b for b in at.get("download_button")}
    assert buttons[SS_DOWNLOAD_CSV].label == "CSV för Excel"
    assert buttons[SS_DOWNLOAD_XLSX].label == "Excel-fil (XLSX)"
    captions = " ".join(c.value for c in at.caption)
    assert "UTF-8 med BOM" in captions and "semikolon" in captions
    assert "decimaltecken" in captions


def test_no_match_gives_a_notice_and_no_download() -> None:
    at = open_table({"q": "ingenting-matchar-detta"})
    assert not at.dataframe
    assert any("Inga initiativ matchar filtren" in w.value for w in at.warning)
    assert all(b.proto.disabled for b in at.get("download_button"))


def test_years_are_numbers_a_start_period_is_text_and_the_id_is_hidden() -> None:
    at = open_table()
    frame = at.dataframe[0].value
    assert str(frame["Mål"].dtype) == "Int64"
    # "början av 2000-talet" is a period, shown as one, not as the year 2000.
    starts = dict(zip(frame["id"], frame["Start"], strict=True))
    assert starts["kungens-kurva-skarholmen"] == "2000–2009"
    assert starts["sociala-foretag"] == "2010"
    config = json.loads(at.dataframe[0].proto.columns)
    assert config["id"] == {"hidden": True}
    assert config["Mål"]["type_config"] == {"type": "number", "format": "%d"}
    assert config["Start"]["type_config"] == {"type": "text"}
    assert config["Uppdrag"]["type_config"] == {"type": "text"}
    assert config["Uppdrag"]["help"] == "Uppdraget som det står i källan"
