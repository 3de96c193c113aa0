"""The transcribed action plan: complete, correct Swedish, provenance, explicit structure."""

import re

import pytest
import yaml

from soderort import loading, paths
from soderort.model import TEXT_FIELDS, Role, Status

OCR_DAMAGE = [
    "Séderort",
    "nédmnd",
    "6ka",
    "6ver",
    "klusterbilningar",
    "Vammuinctural",
    "Businesss",
    "Soderort",
    "naringsliv",
    "namnd",
    "Hogdalen",
    "Skarholmen",
    "forvantat",
    "markutnuttnyttjande",
    "gemnsamma",
    "univirsitet",
    "attraktiav",
    "Lilieholmen",
    "stadsdelssnamnd",
    "Stockhblm",
]


@pytest.fixture(scope="module")
def plan():
    return loading.load_action_plan()


def _all_text(initiative):
    return " ".join(getattr(initiative, name) for name in TEXT_FIELDS)


def test_every_row_of_the_table_is_an_initiative(plan):
    rubriker = [i.rubrik for i in plan.initiatives]
    assert len(plan.initiatives) == 19
    assert len(set(i.id for i in plan.initiatives)) == 19
    for expected in [
        "Hela Söderort",
        "Telefonplan, kreativa näringar",
        "Miljöteknik Högdalen",
        "Skrubba (LASK-projektet)",
        "Kungens Kurva/Skärholmen",
        "Stråket Globen-Norvik",
        "Söderstaden inklusive överdäckning av Nynäsvägen",
        "Turism till Söderort",
        "Gemensamma mål näringslivsutveckling",
    ]:
        assert expected in rubriker
    # The page-2 "Se ovan" row is the page-1 initiative again, not a record of its own.
    assert rubriker.count("Kungens Kurva/Skärholmen") == 1
    kungens = next(i for i in plan.initiatives if i.rubrik == "Kungens Kurva/Skärholmen")
    assert [(p.page, p.row) for p in kungens.source.also_at] == [(2, 6)]


def test_each_initiative_has_a_place_a_committee_and_a_theme(plan):
    for initiative in plan.initiatives:
        assert initiative.places, initiative.id
        assert initiative.committees, initiative.id
        assert initiative.lead_committees(), f"{initiative.id} has no lead"
        assert initiative.themes, initiative.id


@pytest.mark.parametrize("damage", OCR_DAMAGE)
def test_no_ocr_damage_survives(plan, damage):
    pattern = re.compile(rf"\b{re.escape(damage)}", re.IGNORECASE)
    for initiative in plan.initiatives:
        assert not pattern.search(_all_text(initiative)), (initiative.id, damage)


def test_swedish_letters_are_restored(plan):
    text = " ".join(_all_text(i) for i in plan.initiatives)
    for word in [
        "Söderort",
        "näringslivet",
        "nämnden",
        "Södertörn",
        "förändrad",
        "Högdalen",
        "ökat",
    ]:
        assert word.lower() in text.lower(), word


def test_provenance_is_kept_for_every_row(plan):
    positions = [(i.source.page, i.source.row) for i in plan.initiatives]
    assert len(set(positions)) == len(positions)
    assert {page for page, _ in positions} == {1, 2, 3}
    assert plan.document.date.isoformat() == "2010-04-15"
    assert plan.document.status == "arbetsmaterial"
    assert "Söderort 2030" in plan.document.title


def test_cells_cut_off_by_the_page_edge_stay_cut_and_are_marked(plan):
    by_id = {i.id: i for i in plan.initiatives}
    skrubba = by_id["skrubba-lask"]
    assert skrubba.forvantat_resultat.endswith("med Nacka och")
    assert skrubba.is_truncated("forvantat_resultat")
    assert skrubba.ansvarig_namnd == "Exploateringsnämnden i samverkan med Stockholm"
    assert skrubba.is_truncated("ansvarig_namnd")
    fler = by_id["fler-arbetsplatser"]
    assert fler.forvantat_resultat.endswith("minst 90 % av")
    assert fler.is_truncated("forvantat_resultat")
    # A complete cell is not marked.
    assert not by_id["hela-soderort"].truncated


def test_the_empty_columns_are_kept_empty(plan):
    raw = yaml.safe_load(paths.ACTION_PLAN_FILE.read_text(encoding="utf-8"))
    for record in raw["initiatives"]:
        assert record["ansvarig_handlaggare"] == ""
        assert record["handlaggare_slk"] == ""


def test_timelines_take_only_years_the_text_names(plan):
    for initiative in plan.initiatives:
        for year in initiative.timeline.years:
            approximate = (
                initiative.timeline.start_approximate and year == initiative.timeline.start
            )
            assert approximate or str(year) in initiative.tidplan, (initiative.id, year)
        if not initiative.tidplan.strip():
            assert initiative.timeline.is_unknown
            assert initiative.timeline.status is Status.NOT_STATED
    fler = next(i for i in plan.initiatives if i.id == "fler-arbetsplatser")
    assert [(m.year, m.label) for m in fler.timeline.milestones] == [
        (2015, "Delmål 82 %"),
        (2020, "Delmål 85 %"),
    ]
    assert fler.timeline.target == 2030


def test_committee_names_come_from_the_registry(plan):
    committees = loading.load_committees()
    assert committees["exploateringsnamnden"].name == "Exploateringsnämnden"
    assert committees["stockholm-business-region"].kind == "city_company"
    assert committees["farsta-sdn"].kind == "district_council"
    used = {ref.id for i in plan.initiatives for ref in i.committees}
    assert used <= set(committees)


def test_an_initiatives_bodies_come_with_their_roles_leads_first(plan_data):
    item = plan_data.initiative("miljoteknik-hogdalen")
    # The lead listed last in the source still comes first.
    reordered = item.model_copy(update={"committees": list(reversed(item.committees))})
    assert reordered.committee_roles() == [
        ("stockholm-business-region", Role.LEAD),
        ("exploateringsnamnden", Role.COLLABORATOR),
        ("stadsbyggnadsnamnden", Role.COLLABORATOR),
    ]
    assert plan_data.committee_name("exploateringsnamnden") == "Exploateringsnämnden"
    assert plan_data.committee_name("no-such-body") == "no-such-body"


def test_places_and_themes_are_named_in_the_language_or_by_their_id(plan_data):
    assert plan_data.place_name_or_id("hogdalen") == plan_data.place_name("hogdalen")
    assert plan_data.place_name_or_id("hela-soderort", "en") == "All of Söderort"
    assert plan_data.place_name_or_id("no-such-place", "en") == "no-such-place"
    theme = plan_data.themes["turism"]
    assert plan_data.theme_name("turism") == theme.name
    assert plan_data.theme_name("turism", "en") == theme.name_en != theme.name
    assert plan_data.theme_name("no-such-theme") == "no-such-theme"
