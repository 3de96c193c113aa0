"""The place pages: one per named place and Hela Söderort, chosen in the URL or in a list.

Expected initiatives come from the raw YAML. The map's component needs a browser; here it is
replaced by a mock that records what the page hands it.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import folium
import pytest
from pypdf import PdfReader
from streamlit import config
from streamlit.testing.v1 import AppTest

from soderort import paths
from soderort.render.map_positions import place_bounds
from soderort.viewstate import PLACE_MAP_KEY, SS_PLACE_PDF, SS_PLACE_PICKER
from tests import asgi
from tests.app.conftest import card_titles, link_buttons, open_app, unescape
from tests.readings import shown

PAGE = "pages/place.py"
pytestmark = pytest.mark.usefixtures("st_folium")


def open_place(query: dict[str, str] | None = None) -> AppTest:
    return open_app(PAGE, query)


def main_text(at: AppTest) -> str:
    return unescape("\n".join(m.value for m in at.main.markdown))


@pytest.mark.parametrize(
    ("language", "name"), [("sv", "Högdalens industriområde"), ("en", "Högdalen industrial area")]
)
def test_hogdalen_shows_its_initiative_and_no_other(records, language, name) -> None:
    at = open_place({"place": "hogdalen", "lang": language})
    assert [t.value for t in at.title] == [name]
    assert card_titles(at.main) == ["Miljöteknik Högdalen"]
    text = main_text(at)
    for record in records:
        if "hogdalen" not in record["places"]:
            assert record["rubrik"] not in text, record["rubrik"]
    # The card opens with its full text.
    assert all(e.proto.expanded for e in at.main.expander)
    assert at.selectbox(key=SS_PLACE_PICKER).value == "hogdalen"


def test_the_place_page_shows_bodies_geometry_timeline_and_map(plan_data, st_folium) -> None:
    at = open_place({"place": "hogdalen"})
    table = at.table[0].value
    assert table.values.tolist() == [
        ["Stockholm Business Region", "Stadsägt bolag", "Ansvarig", "Miljöteknik Högdalen"],
        ["Stadsbyggnadsnämnden", "Nämnd", "I samverkan", "Miljöteknik Högdalen"],
        ["Exploateringsnämnden", "Nämnd", "I samverkan", "Miljöteknik Högdalen"],
    ]
    text = main_text(at)
    place = plan_data.places.loc["hogdalen"]
    assert place["method"] in text and "**Radie:** 700 m" in text
    assert "**Avgränsning:** Ungefärlig" in text
    assert len(at.get("plotly_chart")) == 1  # Miljöteknik Högdalen has a target year

    # The first run drew the default page (the map); the last call is the place page's.
    args, kwargs = st_folium.call_args
    assert kwargs["key"] == PLACE_MAP_KEY and kwargs["returned_objects"] == []
    frames = [c for c in args[0]._children.values() if isinstance(c, folium.map.FitBounds)]
    assert frames[-1].bounds == place_bounds(plan_data, "hogdalen")


def test_the_place_sheet_downloads_as_a_one_page_pdf(follow_up_folder, monkeypatch) -> None:
    # On the tests' own follow-ups: Högdalen's one initiative with its one entry fits a page.
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(follow_up_folder))
    at = open_place({"place": "hogdalen"})
    label, link = link_buttons(at)[SS_PLACE_PDF]
    assert label == "Områdesblad (PDF)"
    answer = asgi.get(link)
    name = f"soderort-2030-hogdalen-{dt.date.today().isoformat()}.pdf"
    assert f'attachment; filename="{name}"' in answer.headers["content-disposition"]
    reader = PdfReader(io.BytesIO(answer.body))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Högdalen" in text and "Miljöteknik Högdalen" in text


def test_the_filters_apply_to_a_place(records) -> None:
    at = open_place({"place": "hela-soderort", "committee": "kommunstyrelsen"})
    on_place = [r for r in records if "hela-soderort" in r["places"]]
    want = [
        r["rubrik"] for r in on_place if "kommunstyrelsen" in [c["id"] for c in r["committees"]]
    ]
    assert 0 < len(want) < len(on_place)
    assert card_titles(at.main) == want
    assert f"{len(want)} av områdets {len(on_place)} initiativ matchar filtren." in main_text(at)


def test_a_place_with_nothing_matching_says_so() -> None:
    at = open_place({"place": "skrubba", "committee": "kulturnamnden"})
    assert card_titles(at.main) == []
    assert any("Inga av områdets initiativ matchar filtren" in w.value for w in at.warning)
    assert not at.table and not at.get("plotly_chart")


def test_a_place_without_stated_time_has_no_chart_but_says_why() -> None:
    at = open_place({"place": "skrubba"})
    assert card_titles(at.main) == ["Skrubba (LASK-projektet)"]
    assert not at.get("plotly_chart")
    captions = unescape(" ".join(c.value for c in at.main.caption))
    assert "Inget av områdets initiativ som visas har en angiven tid" in captions
    assert "Skrubba (LASK-projektet)" in captions


def test_an_unknown_place_gives_a_notice_and_the_picker() -> None:
    at = open_place({"place": "atlantis"})
    assert any("atlantis" in w.value for w in at.warning)
    picker = at.selectbox(key=SS_PLACE_PICKER)
    assert picker.value is None
    assert [t.value for t in at.title] == ["Områden"]
    assert card_titles(at.main) == []
    assert any("Välj ett område" in i.value for i in at.info)


def test_picking_a_place_opens_it_and_puts_it_in_the_url(plan_data) -> None:
    at = open_place()
    picker = at.selectbox(key=SS_PLACE_PICKER)
    assert picker.value is None
    # Every place has a page, Hela Söderort included, named in the interface language.
    assert sorted(picker.options) == sorted(plan_data.places["name"])
    picker.set_value("telefonplan").run()
    assert not at.exception
    assert [t.value for t in at.title] == [plan_data.place_name("telefonplan", "sv")]
    assert card_titles(at.main) == ["Telefonplan, kreativa näringar"]
    assert at.query_params["place"] == "telefonplan"


@pytest.mark.parametrize(
    "place",
    [
        "hela-soderort",
        "sodertorn",
        "telefonplan",
        "skrubba",
        "kungens-kurva-skarholmen",
        "globen-norvik",
        "soderstaden",
        "farsta",
    ],
)
def test_every_place_page_opens(records, place) -> None:
    at = open_place({"place": place})
    assert card_titles(at.main) == [shown(r) for r in records if place in r["places"]]


def test_the_small_maps_links_stay_inside_the_app_under_a_base_path(st_folium) -> None:
    before = config.get_option("server.baseUrlPath")
    config.set_option("server.baseUrlPath", "soderort")
    try:
        open_place({"place": "farsta"})
    finally:
        config.set_option("server.baseUrlPath", before)
    rendered = st_folium.call_args.args[0].get_root().render()
    links = re.findall(r'href=\\?"([^"\\]*place=[^"\\]*)', rendered)
    assert links
    assert all(link.startswith("/soderort/omrade?") for link in links), links
