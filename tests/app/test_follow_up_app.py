"""The follow-up in the app: the map's "Status i dag", the filter, the cards, the presentation, Om.

The map's component needs a browser; a mock stands in and records the map the page hands it.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from unittest.mock import MagicMock, patch

import folium
import pytest
import yaml
from streamlit.testing.v1 import AppTest

from soderort import paths
from soderort.filters import FilterState, filter_initiatives
from soderort.livemap.presentation import build_slides
from soderort.viewstate import SS_COLOUR_BY, SS_FILTER_FOLLOW_UP, SS_THEN_NOW

APP_FILE = paths.DASHBOARD_SCRIPT


@pytest.fixture(autouse=True)
def st_folium() -> Iterator[MagicMock]:
    fake = MagicMock(return_value={"last_active_drawing": None, "last_object_clicked": None})
    with patch("streamlit_folium.st_folium", fake):
        yield fake


@pytest.fixture
def rules_app(follow_up_folder, monkeypatch) -> None:
    """The app reads the tests' own follow-ups (tests/data/follow_up_rules.yaml)."""
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(follow_up_folder))


def open_page(page: str | None = None, **query: str) -> AppTest:
    at = AppTest.from_file(str(APP_FILE), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    run(at)
    if page:
        at.switch_page(str(paths.PROJECT_ROOT / page))
        run(at)
    return at


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def unescape(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


def main_text(at: AppTest) -> str:
    return unescape("\n".join(m.value for m in at.main.markdown))


def test_the_map_colours_by_status_today(st_folium) -> None:
    at = open_page()
    control = at.segmented_control(key=SS_COLOUR_BY)
    assert "Status i dag" in control.options
    control.set_value("follow_up")
    run(at)
    base = st_folium.call_args.args[0]
    assert isinstance(base, folium.Map)
    legend = base.get_root().render()
    # The legend's HTML reaches the page as a JSON string, non-ASCII letters escaped.
    for label in ("Status i dag (den vanligaste)", "Ingen uppföljning", "Ändrad inriktning"):
        assert json.dumps(label)[1:-1] in legend, label


@pytest.mark.usefixtures("rules_app")
def test_filtering_by_no_follow_up_keeps_the_other_fourteen(follow_up_plan) -> None:
    at = open_page("pages/table.py")
    at.multiselect(key=SS_FILTER_FOLLOW_UP).set_value(["ingen"])
    run(at)
    assert at.query_params == {"followup": "ingen"}
    table = at.dataframe[0].value
    assert len(table) == 14
    assert set(table["Status i dag"]) == {"Ingen uppföljning"}
    assert "Söderstaden inklusive överdäckning av Nynäsvägen" not in set(table["Rubrik"])


@pytest.mark.usefixtures("rules_app")
def test_the_filter_comes_from_the_url_in_english() -> None:
    at = open_page("pages/table.py", followup="pagar", lang="en")
    assert at.multiselect(key=SS_FILTER_FOLLOW_UP).value == ["pagar"]
    table = at.dataframe[0].value
    assert sorted(table["Status today"]) == ["Under way"] * 3


@pytest.mark.parametrize(
    ("language", "heading", "status", "none"),
    [
        (
            "sv",
            "**Uppföljning**",
            "Pågår (enligt Stockholms stad, Stockholm växer, läst 30 november 2026)",
            "Ingen uppföljning registrerad",
        ),
        (
            "en",
            "**Follow-up**",
            "Under way (according to Stockholms stad, Stockholm växer, read 30 November 2026)",
            "No follow-up recorded",
        ),
    ],
)
@pytest.mark.usefixtures("rules_app")
def test_place_pages_show_the_plan_and_apart_the_follow_up(
    follow_up_plan, language, heading, status, none
) -> None:
    at = open_page("pages/place.py", place="soderstaden", lang=language)
    text = main_text(at)
    initiative = follow_up_plan.initiative("soderstaden")
    latest = follow_up_plan.latest_follow_up("soderstaden")
    assert initiative.uppdrag in text
    today = "Status i dag" if language == "sv" else "Status today"
    assert f"{heading} · {today}: {status}" in text
    assert latest.text in text and f"]({latest.source.url})" in text
    # The place page tells every entry, oldest first; no entry's date is the reading day.
    entries = follow_up_plan.follow_up_entries("soderstaden")
    positions = [text.index(entry.text) for entry in entries]
    assert positions == sorted(positions) and len(positions) == 3
    assert "30 november 2026)" not in text.replace("läst 30 november 2026)", "")
    assert "30 November 2026)" not in text.replace("read 30 November 2026)", "")
    # The plan's text and the follow-up are separate elements: the follow-up never mixes in.
    plan_lines = [m.value for m in at.main.markdown if initiative.uppdrag in unescape(m.value)]
    assert plan_lines and not any(latest.text in unescape(line) for line in plan_lines)

    at = open_page("pages/place.py", place="skrubba", lang=language)
    text = main_text(at)
    assert f"{heading}  \n{none}" in text


@pytest.mark.usefixtures("rules_app")
def test_the_presentation_shows_then_and_now(follow_up_plan) -> None:
    slides = build_slides(follow_up_plan, filter_initiatives(follow_up_plan, FilterState()))
    index = next(i for i, slide in enumerate(slides) if slide.place == "farsta")
    at = open_page("pages/presentation.py", slide=str(index + 1))
    assert "Då: planen 2010" not in main_text(at)
    at.toggle(key=SS_THEN_NOW).set_value(True)
    run(at)
    text = main_text(at)
    latest = follow_up_plan.latest_follow_up("farsta-tyngdpunkt")
    assert "**Då: planen 2010**" in text and "**Nu**" in text
    said = "Ändrad inriktning (enligt Stockholms stad, Stockholm växer, läst 30 november 2026)"
    assert said in text and latest.text in text
    assert "Ändrad inriktning (30 november 2026)" not in text
    # "Nu" is today's latest word, and says how many there are: the history is the place
    # page's (told in full, it made the slide taller than the room's screen).
    earlier = follow_up_plan.follow_up_entries("farsta-tyngdpunkt")[0]
    assert "Status i dag: " + said in text and "Senaste av 2 uppgifter" in text
    assert earlier.text not in text


def test_the_about_page_tells_readers_what_the_follow_up_is_and_staff_are_told_in_the_readme() -> (
    None
):
    at = open_page("pages/about.py")
    text = main_text(at)
    assert "17 av 19 initiativ har en källbelagd uppföljning:" in text
    assert "Vet du mer, eller ser du ett fel?" in text
    # The developer's steps (the file, the command, the commit) are the README's.
    section = text[text.index("Planen är ett arbetsmaterial") : text.index("Vet du mer")]
    section += text[text.index("Vet du mer") :].split("\n", 1)[0]
    for developers in ("follow_up.yaml", "validate", "checka in"):
        assert developers not in section, developers
    assert not at.code
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert "Så lägger du till en uppföljning" in readme and "soderort validate" in readme


@pytest.mark.usefixtures("rules_app")
def test_the_timeline_marks_no_reading_day_and_lists_the_undated_entries(follow_up_plan) -> None:
    at = open_page("pages/timeline.py")
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    marks = [
        trace
        for trace in figure["data"]
        if trace.get("marker", {}).get("symbol") == "hexagon" and trace.get("x")
    ]
    xs = [x for trace in marks for x in trace["x"]]
    assert len(xs) == 6 and max(xs) < 2021
    [text] = [unescape(c.value) for c in at.caption if "källan inte daterar" in c.value]
    assert text.startswith("Uppföljning som källan inte daterar (ingen markering i diagrammet):")
    for said in (
        "**Kungens kurva/Skärholmen**: Pågår (enligt Huddinge kommun, läst 30 november 2026)",
        "**: Pågår (enligt Stockholms stad, Stockholm växer, läst 30 november 2026)",
        "**: Ändrad inriktning (enligt Stockholms stad, Stockholm växer, läst 30 november 2026)",
    ):
        assert said in text, said


def test_a_searched_initiative_says_no_source_was_found(
    tmp_path, monkeypatch, follow_up_folder
) -> None:
    folder = tmp_path / "geodata"
    shutil.copytree(follow_up_folder, folder)
    raw = yaml.safe_load((folder / "follow_up.yaml").read_text(encoding="utf-8"))
    raw["follow_ups"].append(
        {
            "initiative": "skrubba-lask",
            "searched": [{"date": "2026-12-07", "where": "Stockholm växer, stockholm.se"}],
        }
    )
    (folder / "follow_up.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), "utf-8")
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(folder))
    for language, said in (
        (
            "sv",
            "Ingen källa hittad (sökt 7 december 2026)  \nSökt i: Stockholm växer, stockholm.se",
        ),
        ("en", "No source found (searched 7 December 2026)  \nSearched: Stockholm växer"),
    ):
        at = open_page("pages/place.py", place="skrubba", lang=language)
        assert said in main_text(at)
        assert "registrerad" not in main_text(at) and "No follow-up recorded" not in main_text(at)
    at = open_page("pages/table.py")
    row = at.dataframe[0].value.set_index("id").loc["skrubba-lask"]
    assert row["Status i dag"] == "Ingen uppföljning"
    assert row["Uppföljningens källa"].startswith("Ingen källa hittad (sökt 7 december 2026)")


@pytest.mark.usefixtures("rules_app")
def test_the_table_page_puts_the_plan_beside_the_outcome_with_the_filters(follow_up_plan) -> None:
    at = open_page("pages/table.py", followup="andrad-inriktning,ingen", lang="en")
    assert "Plan and outcome" in [h.value for h in at.subheader]
    table, outcome = (frame.value for frame in at.dataframe)
    # The same initiatives as the table above, filtered alike, in the same order.
    assert list(outcome["Heading"]) == list(table["Heading"]) and len(outcome) == 15
    assert list(outcome.columns) == [
        "Heading",
        "Expected result",
        "Timeline",
        "Status today",
        "What the sources say",
    ]
    farsta = outcome.set_index("Heading").loc[
        table.set_index("id").loc["farsta-tyngdpunkt"].Heading
    ]
    assert farsta["Status today"] == "Changed direction"
    assert farsta["What the sources say"].startswith("Under way (June 2016).")
    assert "Changed direction (according to Stockholms stad" in farsta["What the sources say"]
