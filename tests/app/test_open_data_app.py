"""The open data in the running app: the export page's /data/ address, the Om page's section."""

from __future__ import annotations

import pytest

from soderort.public_url import PUBLIC_URL_ENV
from tests.app.conftest import open_app

pytestmark = pytest.mark.usefixtures("st_folium")


def open_export(**params: str):
    return open_app("pages/export.py", params)


def test_page_shows_the_views_open_data_address(monkeypatch) -> None:
    monkeypatch.setenv(PUBLIC_URL_ENV, "https://soderort.example.se/")
    at = open_export(area="hogdalen", q="miljö", lang="en", place="farsta")
    # The page's two addresses to copy: the data's, then the embed snippet's.
    [code] = [block for block in at.code if "/data/" in block.value]
    # The filters and the language; the selected place is the dashboard's, not a filter.
    assert code.value == (
        "https://soderort.example.se/data/initiatives.geojson?area=hogdalen&q=milj%C3%B6&lang=en"
    )


@pytest.mark.parametrize(("language", "heading"), [("sv", "Öppna data"), ("en", "Open data")])
def test_the_about_page_describes_the_open_data(monkeypatch, language, heading) -> None:
    monkeypatch.setenv(PUBLIC_URL_ENV, "https://soderort.example.se")
    at = open_app("pages/about.py", {"lang": language})
    assert not at.exception
    assert heading in [h.value for h in at.header]
    text = " ".join(m.value for m in at.markdown)
    for address in (
        "`https://soderort.example.se/data/initiatives.geojson`",
        "`https://soderort.example.se/data/initiatives.kml`",
        "`https://soderort.example.se/data/initiatives.csv`",
        "`https://soderort.example.se/data/initiatives.json`",
        "`https://soderort.example.se/data/places.geojson`",
        "`https://soderort.example.se/data/followups.atom?place=farsta`",
    ):
        assert address in text
    assert "QGIS" in text and "Excel" in text and "geometry_licence" in text


def test_the_map_data_buttons_name_their_format() -> None:
    from soderort.viewstate import SS_EXPORT_GEOJSON, SS_EXPORT_GPKG, SS_EXPORT_KML

    labels = {b.key: b.label for b in open_export(lang="en").get("download_button")}
    assert labels[SS_EXPORT_GEOJSON] == "Download GeoJSON"
    assert labels[SS_EXPORT_KML] == "Download KML"
    assert labels[SS_EXPORT_GPKG] == "Download GeoPackage"
