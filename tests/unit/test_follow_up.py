"""The follow-up: sourced entries beside the plan, and every view that shows them agreeing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import shutil
from pathlib import Path

import plotly.graph_objects as go
import pytest
import yaml
from pypdf import PdfReader

from soderort import exports, followup, palette, paths, plan_files, views, viewstate
from soderort.describe import describe_filters
from soderort.errors import DataError
from soderort.filters import FilterState, filter_initiatives
from soderort.i18n import follow_up_label
from soderort.loading import PlanData, load_plan_data
from soderort.model import FollowUpEntry, FollowUpSearch
from soderort.plan_files import load_follow_ups
from soderort.render import map_file, map_layers, map_popups
from soderort.render.place_pdf import build_place_pdf
from soderort.render.report_pdf import build_report_pdf
from soderort.render.timeline_chart import build_timeline_figure
from soderort.render.timeline_rows import date_position
from soderort.render.timeline_traces import FOLLOW_UP_SYMBOL
from soderort.validate import validate_path
from tests.conftest import RULES_FOLLOW_UP
from tests.hostile import unescape_markdown
from tests.place_layer import place_fills
from tests.unit.test_mapping import assert_harmless, parse
from ui.cards import follow_up_markdown

SHIPPED = yaml.safe_load(paths.FOLLOW_UP_FILE.read_text(encoding="utf-8"))["follow_ups"]
SHIPPED_ENTRIES = [(item["initiative"], e) for item in SHIPPED for e in item.get("entries", [])]
# The tests of a rule or a view read the tests' own follow-ups (tests/data/follow_up_rules.yaml,
# the `follow_up_plan` fixture), not the research shipped in geodata/.
RULES = yaml.safe_load(RULES_FOLLOW_UP.read_text(encoding="utf-8"))["follow_ups"]
WITH_FOLLOW_UP = [item["initiative"] for item in RULES]
HOSTILE = "<script>alert(1)</script> [klick](javascript:alert(1)) **fet** =SUMMA(A1)"


# ------------------------------------------------------------------------------ the data
def test_every_shipped_entry_cites_a_public_source_and_when_it_was_recorded(plan_data) -> None:
    with_entries = [item["initiative"] for item in SHIPPED if item.get("entries")]
    assert len(with_entries) == 17 and len(SHIPPED_ENTRIES) == 44
    # Every initiative is in the file: the two without a source say where one was searched.
    assert sorted(item["initiative"] for item in SHIPPED) == sorted(
        i.id for i in plan_data.initiatives
    )
    searched_only = [item for item in SHIPPED if not item.get("entries")]
    assert len(searched_only) == 2 and all(item["searched"] for item in searched_only)
    for initiative, entry in SHIPPED_ENTRIES:
        source = entry["source"]
        assert source["title"].strip() and source["publisher"].strip(), initiative
        assert source["url"].startswith(("https://", "http://")), initiative
        assert str(entry["recorded"]) == "2026-12-07"
        assert str(source["read"]) <= str(entry["recorded"]), initiative


def test_no_shipped_entry_gives_its_reading_day_as_an_event_date() -> None:
    assert SHIPPED_ENTRIES
    for initiative, entry in SHIPPED_ENTRIES:
        read = entry["source"]["read"]
        assert "undated" not in entry["source"], initiative
        if "date" in entry and str(entry["date"]) == str(read):
            assert str(entry["source"].get("date")) == str(read), initiative


def test_entries_are_ordered_by_date_and_the_latest_is_today_status(follow_up_plan) -> None:
    entries = follow_up_plan.follow_up_entries("soderstaden")
    # The undated entry sorts by the day its source was read, after the dated ones.
    assert [entry.date for entry in entries] == ["2013-07-20", "2017-02-02", None]
    assert follow_up_plan.latest_follow_up("soderstaden") is entries[-1]
    assert followup.today_status(follow_up_plan, "soderstaden") == "pagar"
    assert followup.today_status(follow_up_plan, "farsta-tyngdpunkt") == "andrad-inriktning"
    assert followup.today_status(follow_up_plan, "skrubba-lask") == followup.NO_FOLLOW_UP
    assert follow_up_plan.latest_follow_up("skrubba-lask") is None


def _entry(date: str | None, read: str = "2026-11-30", **source: str) -> FollowUpEntry:
    record = {
        "status": "okänt",
        "text": "t",
        "source": {"title": "a", "publisher": "b", "read": read, "reference": "r", **source},
        "recorded": "2026-11-30",
    }
    if date is not None:
        record["date"] = date
    return FollowUpEntry.model_validate(record)


def test_a_year_sorts_before_the_days_within_it() -> None:
    dates = ["2020-05-27", "2020", "2020-05", "2019-12-31"]
    assert sorted(dates, key=lambda d: _entry(d).sort_key) == [
        "2019-12-31",
        "2020",
        "2020-05",
        "2020-05-27",
    ]


def test_an_undated_entry_sorts_by_its_reading_day_after_that_days_dated_entries() -> None:
    undated = _entry(None, read="2024-03-01")
    same_day = _entry("2024-03-01", read="2026-11-30")
    later = _entry("2024-03-02")
    earlier = _entry("2024")
    ordered = sorted([later, undated, same_day, earlier], key=lambda e: e.sort_key)
    assert ordered == [earlier, same_day, undated, later]


def test_a_folder_without_the_file_has_no_follow_ups(tmp_path: Path) -> None:
    folder = tmp_path / "geodata"
    shutil.copytree(paths.GEODATA_DIR, folder)
    (folder / paths.FOLLOW_UP_FILE.name).unlink()
    data = load_plan_data(folder)
    assert data.follow_ups == {} and data.follow_up_searches == {}
    assert {followup.today_status(data, i.id) for i in data.initiatives} == {"ingen"}
    assert validate_path(folder).endswith(
        "0 av 19 initiativ har en källbelagd uppföljning (0 poster); "
        "0 har sökts utan att en källa hittats"
    )


def test_validate_says_how_many_initiatives_have_a_follow_up(plan_data) -> None:
    assert followup.follow_up_count(plan_data) == 17
    summary = validate_path(paths.GEODATA_DIR)
    assert summary.endswith(
        "17 av 19 initiativ har en källbelagd uppföljning (44 poster); "
        "2 har sökts utan att en källa hittats"
    )
    single = validate_path(paths.FOLLOW_UP_FILE)
    assert single.startswith("OK: 17 av 19 initiativ")


def test_validate_counts_the_follow_ups_the_file_holds(follow_up_plan, follow_up_folder) -> None:
    assert followup.follow_up_count(follow_up_plan) == 5
    assert "5 av 19 initiativ har en källbelagd uppföljning (9 poster)" in validate_path(
        follow_up_folder
    )


def test_the_readme_states_the_same_count(plan_data) -> None:
    readme = (paths.PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    count = followup.follow_up_count(plan_data)
    assert f"{count} av de {len(plan_data.initiatives)} initiativen" in readme
    assert "**17 av de 19 initiativen**" in readme and "44 entries" in readme
    assert count == 17 and sum(len(v) for v in plan_data.follow_ups.values()) == 44


def test_a_follow_up_never_changes_the_plan(plan_data, action_plan_yaml) -> None:
    for record in action_plan_yaml["initiatives"]:
        initiative = plan_data.initiative(record["id"])
        assert initiative.uppdrag == record["uppdrag"].strip()
        assert initiative.timeline.status.value == record["timeline"]["status"]


# ---------------------------------------------------------------------- filter and URL
def test_the_status_today_filter_and_its_url(follow_up_plan) -> None:
    none = filter_initiatives(follow_up_plan, FilterState(follow_up=("ingen",)))
    assert sorted(i.id for i in none) == sorted(
        i.id for i in follow_up_plan.initiatives if i.id not in WITH_FOLLOW_UP
    )
    ongoing = filter_initiatives(follow_up_plan, FilterState(follow_up=("pagar",)))
    assert [i.id for i in ongoing] == [
        "miljoteknik-hogdalen",
        "kungens-kurva-skarholmen",
        "soderstaden",
    ]
    view = viewstate.ViewState(filters=FilterState(follow_up=("pagar", "ingen")))
    query = viewstate.encode_query(view, follow_up_plan)
    assert query == {"followup": "pagar,ingen"}
    decoded, notices = viewstate.decode_query({"followup": "pagar,ingen,klar"}, follow_up_plan)
    assert decoded.filters.follow_up == ("pagar", "ingen")
    assert [notice.value for notice in notices] == ["klar"]


# ------------------------------------------------------------------------------- views
def test_the_map_colours_places_by_status_today(follow_up_plan) -> None:
    layer = map_layers.build_place_layer(
        follow_up_plan, follow_up_plan.initiatives, colour_by="follow_up"
    )
    fills = place_fills(layer)
    colours = palette.FOLLOW_UP_STATUS_COLOURS
    assert set(colours) == set(followup.FOLLOW_UP_VALUES)
    assert fills["soderstaden"] == colours["pagar"]
    assert fills["farsta"] == colours["andrad-inriktning"]
    assert fills["skrubba"] == colours["ingen"]
    legend = map_layers.build_base_map(follow_up_plan, colour_by="follow_up", language="en")
    html = legend.get_root().render()
    for value in followup.FOLLOW_UP_VALUES:
        assert follow_up_label(value, "en") in html


@pytest.mark.parametrize("initiative_id", ["soderstaden", "skrubba-lask"])
def test_popup_csv_and_card_show_the_same_latest_entry(follow_up_plan, initiative_id) -> None:
    initiative = follow_up_plan.initiative(initiative_id)
    place = initiative.places[0]
    popup = "".join(parse(map_popups.popup_html(follow_up_plan, place, [initiative])).text)
    card = follow_up_markdown(follow_up_plan, initiative, "sv")
    frame = exports.initiatives_table(follow_up_plan, [initiative])
    row = frame.iloc[0]
    latest = follow_up_plan.latest_follow_up(initiative_id)
    assert "Uppföljning" in popup and "**Uppföljning**" in card
    if latest is None:
        assert row["Status i dag"] == "Ingen uppföljning" and row["Uppföljningens källa"] == ""
        assert "Ingen uppföljning registrerad" in popup and "Ingen uppföljning registrerad" in card
        return
    # Söderstaden's latest entry has no date of its own: no view gives the reading day as one.
    assert latest.date is None
    assert row["Status i dag"] == "Pågår" and row["Uppföljningens datum"] == ""
    assert latest.source.url in row["Uppföljningens källa"]
    assert "läst 30 november 2026" in row["Uppföljningens källa"]
    assert latest.text in popup and latest.source.title in popup
    said = "Pågår (enligt Stockholms stad, Stockholm växer, läst 30 november 2026)"
    assert said in popup and said in unescape_markdown(card)
    assert "Pågår (30 november 2026)" not in popup + unescape_markdown(card)
    assert f"]({latest.source.url})" in card


def test_the_place_sheet_prints_the_follow_up(follow_up_plan) -> None:
    items = [follow_up_plan.initiative("soderstaden")]
    pdf = build_place_pdf(follow_up_plan, "soderstaden", items, None, "sv")
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    text = " ".join(text.split())
    assert "Uppföljning" in text and "Pågår (enligt Stockholms stad, Stockholm växer," in text
    assert "Pågår (30 november 2026)" not in text


def test_the_timeline_draws_each_entry_as_its_own_mark_after_the_plan(follow_up_plan) -> None:
    figure = build_timeline_figure(follow_up_plan, follow_up_plan.initiatives, language="en")
    marks = [
        trace
        for trace in figure.data
        if isinstance(trace, go.Scatter) and trace.marker.symbol == FOLLOW_UP_SYMBOL
    ]
    drawn = sum(len(trace.x) for trace in marks)
    timed = [i for i in follow_up_plan.initiatives if not i.timeline.is_unknown]
    dated = [e for i in timed for e in follow_up_plan.follow_up_entries(i.id) if e.date]
    # Only entries dated by their source get a mark: three of the nine are not.
    assert drawn == len(dated) == 6
    plan_x = date_position(follow_up_plan.document.date)
    reading_x = date_position(dt.date(2026, 11, 30))
    assert all(plan_x < x < reading_x for trace in marks for x in trace.x)
    assert {trace.name for trace in marks} == {
        "Follow-up: Under way",
        "Follow-up: In part",
        "Follow-up: Unknown",
    }


def test_the_standalone_map_carries_the_follow_up(follow_up_plan) -> None:
    layers = map_layers.build_map_layers(follow_up_plan, follow_up_plan.initiatives)
    html = map_file.standalone_html(follow_up_plan, layers, title="Söderort 2030")
    url = follow_up_plan.latest_follow_up("straket-globen-norvik").source.url
    assert f'href=\\"{url}\\" target=\\"_blank\\" rel=\\"noopener noreferrer\\"' in html


# ------------------------------------------------------------------ hostile follow-up text
def _hostile_plan(plan_data: PlanData) -> PlanData:
    entry = FollowUpEntry.model_validate(
        {
            "date": "2020",
            "status": "genomförd",
            "text": HOSTILE,
            "source": {
                "title": HOSTILE,
                "publisher": HOSTILE,
                "date": "2020",
                "read": "2026-11-30",
                "url": "https://example.org/a_(b)?q=1&r=2",
                "reference": HOSTILE,
            },
            "recorded": "2026-11-30",
        }
    )
    return dataclasses.replace(plan_data, follow_ups={"miljoteknik-hogdalen": (entry,)})


def test_hostile_follow_up_text_stays_inert(plan_data) -> None:
    data = _hostile_plan(plan_data)
    initiative = data.initiative("miljoteknik-hogdalen")
    popup = map_popups.popup_html(data, "hogdalen", [initiative])
    assert_harmless(popup)
    assert HOSTILE in "".join(parse(popup).text)
    card = follow_up_markdown(data, initiative, "sv")
    assert "<script>" not in card and "](javascript" not in card and "**fet**" not in card
    assert "[" + r"\<script\>alert\(1\)\</script\>" in card
    assert "](https://example.org/a_%28b%29?q=1&r=2)" in card


def test_the_example_staff_are_shown_passes_validation_and_matches_the_readme(
    tmp_path: Path,
) -> None:
    example = tmp_path / "follow_up.yaml"
    example.write_text(followup.EXAMPLE_ENTRY, encoding="utf-8")
    loaded = load_follow_ups(example, ["soderstaden"])
    assert [entry.status.value for entry in loaded.entries["soderstaden"]] == ["delvis"]
    readme = (paths.PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    for line in followup.EXAMPLE_ENTRY.splitlines():
        assert f"   {line}".rstrip() in readme, line


def test_the_filter_is_described_in_words_for_the_report(plan_data) -> None:
    filters = FilterState(follow_up=("pagar", "ingen"))
    assert describe_filters(filters, plan_data, "sv") == ["Status i dag: Pågår, Ingen uppföljning"]
    assert describe_filters(filters, plan_data, "en") == ["Status today: Under way, No follow-up"]


@pytest.mark.parametrize(("date", "end"), [("2010", "2010-12-31"), ("2012-02", "2012-02-29")])
def test_a_year_or_month_counts_to_its_last_day(date, end) -> None:
    assert _entry(date).period_end.isoformat() == end


# ------------------------------------------------------------------ dates that mean one thing
TODAY = dt.date(2026, 12, 7)
SEARCH = {
    "date": "2026-12-07",
    "where": "Stockholm växer (vaxer.stockholm), stockholm.se (nämndernas protokoll), pressen",
}


def _load_changed(tmp_path: Path, change) -> plan_files.FollowUps:
    """Load the tests' follow-up file with one change made to its raw records."""
    data = yaml.safe_load(RULES_FOLLOW_UP.read_text(encoding="utf-8"))
    change(data["follow_ups"])
    path = tmp_path / "follow_up.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    ids = [item.id for item in load_plan_data().initiatives]
    return plan_files.load_follow_ups(path, ids, dt.date(2010, 4, 15), today=TODAY)


def _refusal(tmp_path: Path, change) -> list[tuple[str | None, str | None, str]]:
    with pytest.raises(DataError) as caught:
        _load_changed(tmp_path, change)
    return [(p.record, p.field, p.message) for p in caught.value.problems]


def _first_entry(change):
    """A change to Miljöteknik Högdalen's only entry (dated 2015, its source undated)."""
    return lambda items: change(items[0]["entries"][0])


def test_an_entry_dated_the_day_its_source_was_read_is_refused(tmp_path: Path) -> None:
    [(record, field, message)] = _refusal(
        tmp_path, _first_entry(lambda e: e.update(date="2026-11-30"))
    )
    assert record == "uppföljning för 'miljoteknik-hogdalen' (nr 1)"
    assert field == "entries[1].date"
    assert "dagen källan lästes eller posten skrevs in" in message
    assert "utelämna date" in message


def test_an_entry_dated_the_day_it_was_recorded_is_refused(tmp_path: Path) -> None:
    def change(entry: dict) -> None:
        entry.update(date="2026-11-30")
        entry["source"]["read"] = "2026-11-20"

    [(_, field, message)] = _refusal(tmp_path, _first_entry(change))
    assert field == "entries[1].date" and "dagen källan lästes eller posten skrevs in" in message


def test_the_reading_day_may_be_the_event_date_when_the_source_is_dated_so(tmp_path) -> None:
    def change(entry: dict) -> None:
        entry.update(date="2026-11-30")
        entry["source"]["date"] = "2026-11-30"

    loaded = _load_changed(tmp_path, _first_entry(change))
    assert loaded.entries["miljoteknik-hogdalen"][0].date == "2026-11-30"


@pytest.mark.parametrize("date", [2099, "2026-12", "2026-12-01"])
def test_an_entry_dated_after_it_was_recorded_is_refused(tmp_path: Path, date) -> None:
    [(record, field, message)] = _refusal(tmp_path, _first_entry(lambda e: e.update(date=date)))
    assert record == "uppföljning för 'miljoteknik-hogdalen' (nr 1)"
    assert field == "entries[1].date"
    assert f"datumet {date} ligger efter dagen posten skrevs in (2026-11-30)" in message


def test_a_day_not_yet_come_is_refused(tmp_path: Path) -> None:
    def change(entry: dict) -> None:
        entry.update(date=2099, recorded="2099-01-01")
        entry["source"]["read"] = "2099-01-01"

    problems = _refusal(tmp_path, _first_entry(change))
    assert {field for _, field, _ in problems} == {"entries[1].recorded", "entries[1].source.read"}
    assert all("har inte kommit än (i dag är det 2026-12-07)" in m for _, _, m in problems)


def test_a_source_read_after_the_entry_was_recorded_is_refused(tmp_path: Path) -> None:
    change = _first_entry(lambda e: e["source"].update(read="2026-12-01"))
    [(_, field, message)] = _refusal(tmp_path, change)
    assert field == "entries[1].source.read" and "efter dagen posten skrevs in" in message


@pytest.mark.parametrize(
    ("where", "field"),
    [
        (("entries", 0, "text"), "entries[1].text"),
        (("entries", 0, "source", "title"), "entries[1].source.title"),
        (("entries", 0, "source", "publisher"), "entries[1].source.publisher"),
        (("searched", 0, "where"), "searched[1].where"),
    ],
)
def test_a_control_character_in_any_text_is_refused(tmp_path: Path, where, field) -> None:
    def change(items: list) -> None:
        items[0]["searched"] = [dict(SEARCH)]
        target = items[0]
        for key in where[:-1]:
            target = target[key]
        target[where[-1]] = "Pågår\x1b[2J\x00"

    [(record, found, message)] = _refusal(tmp_path, change)
    assert record == "uppföljning för 'miljoteknik-hogdalen' (nr 1)"
    assert found == field and "styrtecken (U+001B)" in message


def test_an_initiative_needs_entries_or_a_search(tmp_path: Path) -> None:
    def change(items: list) -> None:
        items.append({"initiative": "skrubba-lask", "entries": []})

    [(record, field, message)] = _refusal(tmp_path, change)
    assert record == "uppföljning för 'skrubba-lask' (nr 6)" and field is None
    assert "varken poster (entries) eller en sökning (searched)" in message


def test_a_search_is_loaded_and_counted(tmp_path: Path) -> None:
    def change(items: list) -> None:
        items.append({"initiative": "skrubba-lask", "searched": [dict(SEARCH)]})

    loaded = _load_changed(tmp_path, change)
    assert "skrubba-lask" not in loaded.entries
    [search] = loaded.searches["skrubba-lask"]
    assert search.date == TODAY and search.where.startswith("Stockholm växer")
    folder = tmp_path / "geodata"
    shutil.copytree(paths.GEODATA_DIR, folder)
    shutil.copy(tmp_path / "follow_up.yaml", folder / "follow_up.yaml")
    assert validate_path(folder).endswith(
        "5 av 19 initiativ har en källbelagd uppföljning (9 poster); "
        "1 har sökts utan att en källa hittats"
    )


def _searched_plan(plan_data: PlanData) -> PlanData:
    search = FollowUpSearch.model_validate(SEARCH)
    return dataclasses.replace(plan_data, follow_up_searches={"skrubba-lask": (search,)})


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_searched_initiative_says_no_source_was_found_in_every_view(follow_up_plan, language):
    data = _searched_plan(follow_up_plan)
    initiative = data.initiative("skrubba-lask")
    said = {
        "sv": "Ingen källa hittad (sökt 7 december 2026)",
        "en": "No source found (searched 7 December 2026)",
    }[language]
    popup = "".join(parse(map_popups.popup_html(data, "skrubba", [initiative], language)).text)
    card = unescape_markdown(follow_up_markdown(data, initiative, language))
    row = exports.initiatives_table(data, [initiative], language).iloc[0]
    pdf = build_place_pdf(data, "skrubba", [initiative], None, language)
    sheet = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    for shown in (popup, card, row.iloc[-1], sheet):
        assert said in shown
        assert "registrerad" not in shown and "recorded" not in shown
    assert SEARCH["where"] in card and SEARCH["where"] in row.iloc[-1]
    # Its status today stays "no follow-up": a search is not an outcome.
    assert followup.today_status(data, "skrubba-lask") == followup.NO_FOLLOW_UP
    other = data.initiative("telefonplan-kreativa-naringar")
    assert followup.latest_plain(data, other.id, "sv") == "Ingen uppföljning registrerad"


# ------------------------------------------------------------------------------- history
def test_the_popup_shows_the_latest_and_links_to_the_rest(follow_up_plan) -> None:
    initiative = follow_up_plan.initiative("soderstaden")
    popup = map_popups.popup_html(follow_up_plan, "soderstaden", [initiative], "sv")
    assert '<a href="/omrade?place=soderstaden" target="_top">Senaste av 3 uppgifter</a>' in popup
    # The standalone file has no place pages: the count is said, not linked.
    offline = map_popups.popup_html(
        follow_up_plan, "soderstaden", [initiative], "en", place_url=None
    )
    assert "Latest of 3 entries" in "".join(parse(offline).text)
    assert not [tag for tag, attrs in parse(offline).tags if attrs.get("target") == "_top"]


def test_the_history_lists_every_entry_oldest_first_under_todays_status(follow_up_plan) -> None:
    initiative = follow_up_plan.initiative("farsta-tyngdpunkt")
    entries = follow_up_plan.follow_up_entries(initiative.id)
    latest_only = unescape_markdown(follow_up_markdown(follow_up_plan, initiative, "sv"))
    assert entries[0].text not in latest_only and "Senaste av 2 uppgifter" in latest_only
    history = unescape_markdown(follow_up_markdown(follow_up_plan, initiative, "sv", history=True))
    said = "Ändrad inriktning (enligt Stockholms stad, Stockholm växer, läst 30 november 2026)"
    assert history.startswith(f"**Uppföljning** · Status i dag: {said}")
    assert "2 uppgifter, äldst först:" in history
    first, second = (history.index(f"- **{s}**") for s in ("Pågår (juni 2016)", said))
    assert first < second
    assert history.index(entries[0].text) < history.index(entries[1].text)


def test_the_plan_stands_beside_what_the_sources_say(follow_up_plan) -> None:
    items = [follow_up_plan.initiative(i) for i in ("farsta-tyngdpunkt", "skrubba-lask")]
    frame = views.outcome_table(exports.initiatives_table(follow_up_plan, items, "sv"), "sv")
    assert list(frame.columns) == [
        "Rubrik",
        "Förväntat resultat",
        "Tidplan",
        "Status i dag",
        "Vad källorna säger",
    ]
    farsta, skrubba = (row for _, row in frame.iterrows())
    assert farsta["Förväntat resultat"] == exports.cell_text(items[0], "forvantat_resultat")
    told = farsta["Vad källorna säger"].split(exports.HISTORY_SEPARATOR)
    entries = follow_up_plan.follow_up_entries("farsta-tyngdpunkt")
    assert [line.split(". ", 1)[0] for line in told] == [
        "Pågår (juni 2016)",
        "Ändrad inriktning (enligt Stockholms stad, Stockholm växer, läst 30 november 2026)",
    ]
    assert all(entry.text in line for entry, line in zip(entries, told, strict=True))
    assert skrubba["Vad källorna säger"] == "Ingen uppföljning registrerad"
    searched = views.outcome_table(
        exports.initiatives_table(_searched_plan(follow_up_plan), items[1:], "en"), "en"
    ).iloc[0]
    assert searched["What the sources say"] == (
        f"No source found (searched 7 December 2026): {SEARCH['where']}"
    )


def test_the_report_prints_every_entry_beside_the_plan(follow_up_plan) -> None:
    items = [follow_up_plan.initiative("soderstaden")]
    pages = PdfReader(io.BytesIO(build_report_pdf(follow_up_plan, items, [], None))).pages
    # Compared without spaces: a long address wraps, and reads back with a space in it.
    text = "".join("".join(page.extract_text().split()) for page in pages)
    lines = followup.history_lines(follow_up_plan, "soderstaden", "sv")
    assert len(lines) == 3
    for line in lines:
        assert "".join(line.split()) in text


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [
        # A bare number would be read as seconds since 1970, and pass as 1 January 1970.
        ("source.read", 2026, "2026 är inget giltigt datum (ÅÅÅÅ-MM-DD)"),
        ("recorded", 1764460800, "1764460800 är inget giltigt datum (ÅÅÅÅ-MM-DD)"),
        ("source.read", "2026-11", "'2026-11' är inget giltigt datum (ÅÅÅÅ-MM-DD)"),
        ("recorded", "2026-11-30T10:00:00", "inget giltigt datum (ÅÅÅÅ-MM-DD)"),
    ],
)
def test_a_day_of_the_files_own_work_is_a_whole_day(tmp_path: Path, field, value, said) -> None:
    def change(entry: dict) -> None:
        target = entry["source"] if field.startswith("source.") else entry
        target[field.removeprefix("source.")] = value

    [(_, found, message)] = _refusal(tmp_path, _first_entry(change))
    assert found == f"entries[1].{field}" and said in message
