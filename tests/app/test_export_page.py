"""The export page in the running app, and the files its buttons make."""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import pytest
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from soderort import paths
from soderort.filters import FilterState
from soderort.i18n import format_date, t
from soderort.public_url import PUBLIC_URL_ENV
from soderort.viewstate import (
    SS_EXPORT_GEOJSON,
    SS_EXPORT_GPKG,
    SS_EXPORT_HANDOUT_A3,
    SS_EXPORT_HANDOUT_A4,
    SS_EXPORT_HTML,
    SS_EXPORT_KML,
    SS_EXPORT_PLACE,
    SS_EXPORT_PLACE_PDF,
    SS_EXPORT_REPORT,
)
from tests import asgi
from tests.app.conftest import link_buttons, open_app, unescape
from ui.exporting import filter_key, filters_from_key, place_pdf, report_pdf

PAGE = "pages/export.py"
NO_MTIMES: tuple = ()
pytestmark = pytest.mark.usefixtures("st_folium")


def open_export(**params: str) -> AppTest:
    return open_app(PAGE, params)


def pdf_text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize(
    ("language", "title", "report"),
    [
        ("sv", "Skriv ut och exportera", "Ladda ned rapporten (PDF)"),
        ("en", "Print and export", "Download the report (PDF)"),
    ],
)
def test_page_in_both_languages_has_its_downloads(language, title, report) -> None:
    at = open_export(lang=language)
    assert [t.value for t in at.title] == [title]
    assert {button.key for button in at.get("download_button")} == {
        SS_EXPORT_GEOJSON,
        SS_EXPORT_KML,
        SS_EXPORT_GPKG,
    }
    links = link_buttons(at)
    assert set(links) == {
        SS_EXPORT_REPORT,
        SS_EXPORT_PLACE_PDF,
        SS_EXPORT_HANDOUT_A4,
        SS_EXPORT_HANDOUT_A3,
        SS_EXPORT_HTML,
    }
    assert links[SS_EXPORT_REPORT][0] == report


def test_page_describes_the_filters_and_picks_the_filtered_place() -> None:
    at = open_export(area="hogdalen", q="miljö")
    text = unescape(" ".join(m.value for m in at.markdown))
    assert "1 av 19 initiativ" in text
    assert "Område: Högdalens industriområde" in text
    assert "Sökord: miljö" in text
    assert at.selectbox(key=SS_EXPORT_PLACE).value == "hogdalen"
    label, _ = link_buttons(at)[SS_EXPORT_PLACE_PDF]
    assert label == "Ladda ned bladet för Högdalens industriområde (PDF)"


def test_choosing_another_place_names_it_on_the_button() -> None:
    at = open_export()
    at.selectbox(key=SS_EXPORT_PLACE).select("skrubba").run()
    assert not at.exception
    label, _ = link_buttons(at)[SS_EXPORT_PLACE_PDF]
    assert label == "Ladda ned bladet för Skrubba (PDF)"


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_report_link_downloads_the_pdf_of_the_pages_view(language) -> None:
    at = open_export(area="hogdalen", q="miljö", lang=language)
    _, link = link_buttons(at)[SS_EXPORT_REPORT]
    answer = asgi.get(link)
    assert answer.status == 200
    assert answer.headers["content-type"] == "application/pdf"
    # The name says the filters: a filtered report is not the whole plan's.
    name = f"soderort-2030-rapport-hogdalen-miljo-{dt.date.today().isoformat()}.pdf"
    assert answer.headers["content-disposition"].startswith(f'attachment; filename="{name}"')
    _, text = pdf_text(answer.body)
    assert "Miljöteknik Högdalen" in text
    # The filters in the file's words are the page's.
    words = t("describe.text", language, text="miljö")
    assert words in text
    assert words in unescape(" ".join(m.value for m in at.markdown))


def test_the_place_link_downloads_the_chosen_places_sheet(follow_up_folder, monkeypatch) -> None:
    # On the tests' own follow-ups: Skrubba's one initiative without a history fits a page.
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(follow_up_folder))
    at = open_export()
    at.selectbox(key=SS_EXPORT_PLACE).select("skrubba").run()
    _, link = link_buttons(at)[SS_EXPORT_PLACE_PDF]
    answer = asgi.get(link)
    assert answer.status == 200
    name = f"soderort-2030-skrubba-{dt.date.today().isoformat()}.pdf"
    assert f'filename="{name}"' in answer.headers["content-disposition"]
    pages, text = pdf_text(answer.body)
    assert pages == 1 and "Skrubba" in text


def test_a_filtered_place_sheet_names_its_filters_as_the_page_does() -> None:
    at = open_export(area="hogdalen", q="miljö")
    _, link = link_buttons(at)[SS_EXPORT_PLACE_PDF]
    _, text = pdf_text(asgi.get(link).body)
    words = t("describe.text", "sv", text="miljö")
    assert words in unescape(" ".join(m.value for m in at.markdown))
    assert words in " ".join(text.split())
    # Unfiltered, the sheet says nothing of filters.
    _, link = link_buttons(open_export())[SS_EXPORT_PLACE_PDF]
    _, text = pdf_text(asgi.get(link).body)
    assert f"{t('common.filters', 'sv')}:" not in text


def test_filter_key_is_plain_and_round_trips() -> None:
    filters = FilterState(
        committees=("kulturnamnden",), year_range=(2011, 2013), areas=("hogdalen",), text="x"
    )
    key = filter_key(filters)
    assert isinstance(key, tuple) and hash(key) is not None
    assert filters_from_key(key) == filters


def test_report_pdf_holds_the_filtered_initiatives_and_the_filters(plan_data) -> None:
    key = filter_key(FilterState(areas=("hogdalen", "skrubba")))
    pages, text = pdf_text(report_pdf(plan_data, key, "sv", "2026-01-02"))
    assert pages >= 2
    assert "Miljöteknik Högdalen" in text and "Skrubba (LASK-projektet)" in text
    assert "Område: Högdalens industriområde, Skrubba" in text
    assert "2 av 19 initiativ" in text
    assert "Utskrivet 2 januari 2026" in text
    assert "Telefonplan, kreativa näringar" not in text  # not in the filtered view


def test_place_pdf_is_the_places_sheet(follow_up_plan) -> None:
    # On the tests' own follow-ups: Högdalen's one initiative with its one entry fits a page.
    key = filter_key(FilterState())
    pages, text = pdf_text(place_pdf(follow_up_plan, key, "hogdalen", "en"))
    assert pages == 1
    assert "Högdalens industriområde" in text and "Miljöteknik Högdalen" in text


def download_map(**params: str) -> str:
    """Open the export page with `params` and follow its HTML map link; return the file."""
    at = open_export(**params)
    _, link = link_buttons(at)[SS_EXPORT_HTML]
    answer = asgi.get(link)
    assert answer.status == 200
    assert answer.headers["content-type"].startswith("text/html")
    # The name says the filters (as the link's ids), then the day.
    filters = "-".join(value.replace(",", "-") for key, value in params.items() if key != "lang")
    name = "-".join(filter(None, ["soderort-2030-karta", filters, dt.date.today().isoformat()]))
    assert answer.headers["content-disposition"].startswith(f'attachment; filename="{name}.html"')
    return answer.body.decode("utf-8")


def test_the_map_link_downloads_a_standalone_map_of_the_filtered_view(monkeypatch) -> None:
    monkeypatch.setenv(PUBLIC_URL_ENV, "https://example.org")
    html = download_map(area="hogdalen")
    assert html.startswith("<!DOCTYPE html>")
    # Leaflet is inlined: no script or style sheet is fetched from anywhere.
    assert not re.search(r"<script[^>]+src=", html)
    assert not re.search(r"<link[^>]+stylesheet", html)
    # The popups are JSON strings in a script, with non-ASCII letters as \u escapes.
    assert json.dumps("Miljöteknik Högdalen")[1:-1] in html
    # Links lead back to the published place page with the filters.
    assert "https://example.org/omrade?place=hogdalen" in html
    assert "area=hogdalen" in html


def test_the_map_file_names_its_title_source_filters_and_date() -> None:
    html = download_map(committee="exploateringsnamnden", **{"from": "2010", "to": "2015"})
    title = re.search(r"<title>(.*?)</title>", html)[1]
    assert title.startswith("Söderort 2030 på kartan – 4 av 19 initiativ, varav ")
    assert f"<h1>{title}</h1>" in html
    header = re.search(r'<header class="sod-file">(.*?)</header>', html)[1]
    assert "Källa: Handlingsplan för arbetet med Program/Vision Söderort 2030" in header
    assert "Nämnd: Exploateringsnämnden" in header and "År: 2010–2015" in header
    today = format_date(dt.date.today(), "sv")
    assert f"Exporterad {today}" in header


@pytest.mark.parametrize(
    ("configured", "link"),
    [
        ("", None),
        ("https://soderort.example.se/", "https://soderort.example.se/omrade?place=hogdalen"),
        ("javascript:alert(1)", None),
        ("soderort.example.se", None),
    ],
)
def test_the_map_file_links_to_the_public_address_or_nowhere(monkeypatch, configured, link) -> None:
    monkeypatch.setenv(PUBLIC_URL_ENV, configured)
    html = download_map()
    hrefs = re.findall(r'href=\\"([^"\\]*\?place=[^"\\]*)', html)
    if link is None:
        assert not hrefs
        assert "Filen har ingen server" in html
    else:
        assert any(href.startswith(link) for href in hrefs)
    # Never the server that made the file.
    assert "localhost" not in html and "127.0.0.1" not in html


@pytest.mark.parametrize("suffix", ["geojson", "kml", "gpkg"])
def test_map_data_files_hold_the_filtered_initiatives_on_their_places(plan_data, suffix) -> None:
    import geopandas as gpd

    from soderort.filters import filter_initiatives
    from ui.open_data import gis_file

    filters = FilterState(themes=("kluster",))
    expected = {item.id for item in filter_initiatives(plan_data, filters)}
    # GeoJSON keeps the records whole; the flat formats name the initiative's id apart from
    # KML's own placemark ids.
    column = "id" if suffix == "geojson" else "initiative_id"
    frame = gpd.read_file(io.BytesIO(gis_file(plan_data, filter_key(filters), "sv", suffix)))
    assert set(frame[column]) == expected
    assert frame.crs.to_epsg() == 4326
    assert frame.geometry.notna().all()
    everything = gis_file(plan_data, filter_key(FilterState()), "sv", suffix)
    assert gpd.read_file(io.BytesIO(everything))[column].nunique() == 19
