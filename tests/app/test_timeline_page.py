"""The Timeline page: the chart of the matching initiatives, the colour switch, and the list of
initiatives with no stated time (which the chart leaves out).

Expected sets come from the raw YAML: an initiative has a time when its timeline names a start,
a target or a milestone.
"""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from soderort.render.timeline_rows import shorten
from soderort.viewstate import SS_TIMELINE_COLOUR_BY
from tests.app.conftest import open_app, unescape
from tests.readings import named_years, shown

PAGE = "pages/timeline.py"
pytestmark = pytest.mark.usefixtures("st_folium")


def has_time(record: dict) -> bool:
    return bool(named_years(record))


def open_timeline(query: dict[str, str] | None = None) -> AppTest:
    return open_app(PAGE, query)


def figure(at: AppTest) -> dict:
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    return json.loads(charts[0].proto.spec)


def row_labels(spec: dict) -> list[str]:
    return list(spec["layout"]["yaxis"]["categoryarray"])


def listed_without_time(at: AppTest) -> str:
    return unescape("\n".join(m.value for m in at.main.markdown))


@pytest.mark.parametrize(
    ("language", "title", "heading"),
    [
        ("sv", "Initiativen över tid", "Initiativ utan angiven tid"),
        ("en", "The initiatives over time", "Initiatives without a stated time"),
    ],
)
def test_chart_draws_the_timed_and_lists_the_rest(records, language, title, heading) -> None:
    at = open_timeline({"lang": language})
    assert [t.value for t in at.title] == [title]
    timed = [r for r in records if has_time(r)]
    untimed = [r for r in records if not has_time(r)]
    assert timed and untimed
    labels = row_labels(figure(at))
    assert len(labels) == len(timed)
    assert [h.value for h in at.main.subheader] == [f"{heading} ({len(untimed)})"]
    text = listed_without_time(at)
    for record in untimed:
        assert f"**{shown(record)}**" in text
        assert record["rubrik"] not in labels and shorten(record["rubrik"]) not in labels
    for record in timed:
        assert f"**{shown(record)}**" not in text


def test_the_filters_apply_to_chart_and_list(records) -> None:
    at = open_timeline({"committee": "exploateringsnamnden"})
    named = [r for r in records if "exploateringsnamnden" in [c["id"] for c in r["committees"]]]
    timed = [r for r in named if has_time(r)]
    untimed = [r for r in named if not has_time(r)]
    assert timed and untimed
    assert len(row_labels(figure(at))) == len(timed)
    text = listed_without_time(at)
    listed = [r["rubrik"] for r in records if f"**{shown(r)}**" in text]
    assert listed == [r["rubrik"] for r in untimed]


def test_no_match_gives_a_notice_and_no_chart() -> None:
    at = open_timeline({"q": "ingenting-matchar-detta"})
    assert not at.get("plotly_chart")
    assert any("Inga initiativ matchar filtren" in w.value for w in at.warning)
    assert [h.value for h in at.main.subheader] == ["Initiativ utan angiven tid (0)"]


def test_colour_by_committee_recolours_the_chart() -> None:
    # Whether the choice survives a page switch only a browser can tell (AppTest keeps widget
    # values across `switch_page`): see tests/e2e/test_staff_pages_browser.py.
    at = open_timeline()
    assert figure(at)["layout"]["legend"]["title"]["text"] == "<b>Tema</b>"
    toggle = at.segmented_control(key=SS_TIMELINE_COLOUR_BY)
    assert toggle.value == "theme"
    toggle.set_value("committee").run()
    assert not at.exception
    spec = figure(at)
    assert spec["layout"]["legend"]["title"]["text"] == "<b>Ansvarig</b>"
    names = {
        trace.get("name") for trace in spec["data"] if trace.get("legend", "legend") == "legend"
    }
    assert "Stockholm Business Region" in names
