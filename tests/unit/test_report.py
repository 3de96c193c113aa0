"""The printed report, the place sheet and the static map they carry."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from PIL import Image
from pypdf import PdfReader

from soderort.facts import group_by_place, place_drawing
from soderort.i18n import initiative_count
from soderort.loading import PlanData
from soderort.model import Initiative
from soderort.readings import noted_text
from soderort.render import pdf_pages, place_pdf, print_map, report_pdf

HOSTILE = "<script>alert(1)</script>"
MARKUP_TEXT = "A & B <b>inte fet</b> </para> <font size=40>x</font>"


@pytest.fixture(scope="module")
def overview_png(plan_data: PlanData) -> bytes:
    return print_map.render_map_png(plan_data, plan_data.initiatives)


@pytest.fixture(scope="module")
def full_report(plan_data: PlanData, overview_png: bytes) -> bytes:
    return report_pdf.build_report_pdf(
        plan_data,
        plan_data.initiatives,
        ["Nämnd: Kulturnämnden", "Fritext: <b>fet</b> & mer"],
        overview_png,
        printed=dt.date(2026, 11, 27),
    )


def _reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def _page_texts(pdf: bytes) -> list[str]:
    # Lines wrap anywhere in the layout; compare texts with runs of white space as one space.
    return [" ".join((page.extract_text() or "").split()) for page in _reader(pdf).pages]


def _text(pdf: bytes) -> str:
    return " ".join(_page_texts(pdf))


def _font_names(pdf: bytes) -> set[str]:
    names = set()
    for page in _reader(pdf).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            names.add(str(ref.get_object()["/BaseFont"]))
    return names


def _embedded_font_files(pdf: bytes) -> int:
    count = 0
    for page in _reader(pdf).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            if descriptor is not None and "/FontFile2" in descriptor.get_object():
                count += 1
    return count


def _image_count(page) -> int:  # noqa: ANN001 (pypdf's page type)
    xobjects = page["/Resources"].get_object().get("/XObject", {})
    return sum(1 for ref in xobjects.values() if ref.get_object()["/Subtype"] == "/Image")


def _with_text(base: Initiative, **fields: str) -> Initiative:
    return base.model_copy(update=fields)


# ------------------------------------------------------------------------------------ map


def test_map_png_has_the_asked_size_and_a_white_background(overview_png: bytes) -> None:
    assert overview_png.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(overview_png)).convert("RGB")
    assert image.size == (1400, 1000)
    assert image.getpixel((2, 2)) == (255, 255, 255)


def test_map_png_custom_size(plan_data: PlanData) -> None:
    png = print_map.render_map_png(plan_data, [], width_px=800, height_px=500)
    assert Image.open(io.BytesIO(png)).size == (800, 500)


def _telefonplan_fill(plan_data: PlanData, initiatives: list[Initiative]) -> tuple[int, int, int]:
    png = print_map.render_map_png(plan_data, initiatives, place_id="telefonplan")
    image = Image.open(io.BytesIO(png)).convert("RGB")
    # Framed on the place, its circle lies in the middle; below the label it shows its fill.
    return image.getpixel((image.width // 2, image.height // 2 + 60))


def test_map_fills_a_matching_place_blue_and_a_place_without_match_grey(
    plan_data: PlanData,
) -> None:
    telefonplan = [i for i in plan_data.initiatives if "telefonplan" in i.places]
    red, green, blue = _telefonplan_fill(plan_data, telefonplan)
    assert blue > red + 30, (red, green, blue)
    others = [i for i in plan_data.initiatives if "telefonplan" not in i.places]
    red, green, blue = _telefonplan_fill(plan_data, others)
    assert max(red, green, blue) - min(red, green, blue) < 8, (red, green, blue)


def test_map_changes_with_the_selection(plan_data: PlanData, overview_png: bytes) -> None:
    assert print_map.render_map_png(plan_data, plan_data.initiatives[:1]) != overview_png


@pytest.mark.parametrize("place_id", ["hela-soderort", "globen-norvik", "sodertorn"])
def test_map_frames_every_kind_of_place(plan_data: PlanData, place_id: str) -> None:
    png = print_map.render_map_png(plan_data, plan_data.initiatives, place_id=place_id)
    assert Image.open(io.BytesIO(png)).size == (1400, 1000)


def test_map_refuses_an_unknown_place(plan_data: PlanData) -> None:
    with pytest.raises(KeyError):
        print_map.render_map_png(plan_data, [], place_id="atlantis")


# --------------------------------------------------------------------------------- report


def test_report_opens_and_every_page_has_the_footer(full_report: bytes) -> None:
    pages = _page_texts(full_report)
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert f"Sida {number} av {len(pages)}" in text
        assert "Källa: Handlingsplan för arbetet med Program/Vision Söderort 2030" in text


def test_report_cover(full_report: bytes) -> None:
    cover = _page_texts(full_report)[0]
    assert "Söderort 2030 – Näringslivs- och arbetsplatsutveckling" in cover
    assert "Handlingsplan för arbetet med Program/Vision Söderort 2030" in cover
    assert "15 april 2010" in cover
    assert "arbetsmaterial" in cover
    assert "19 av 19 initiativ" in cover
    assert "Nämnd: Kulturnämnden" in cover
    assert "Fritext: <b>fet</b> & mer" in cover
    assert "Utskrivet 27 november 2026" in cover
    assert _image_count(_reader(full_report).pages[0]) == 1


def test_report_lists_every_initiative_once_with_swedish_letters(
    plan_data: PlanData, full_report: bytes
) -> None:
    body = " ".join(_page_texts(full_report)[1:])
    for initiative in plan_data.initiatives:
        assert body.count(" ".join(noted_text(initiative, "rubrik").split())) >= 1, (
            initiative.rubrik
        )
    assert "Söderstaden inklusive överdäckning av Nynäsvägen" in body
    assert "Miljöteknik Högdalen" in body


def test_report_groups_under_every_place_in_plan_order(
    plan_data: PlanData, full_report: bytes
) -> None:
    body = " ".join(_page_texts(full_report)[1:])
    groups = group_by_place(plan_data, plan_data.initiatives)
    # Each place's heading carries the map's count: an initiative on two places is under both.
    for place_id, items in groups:
        assert f"{plan_data.place_name(place_id)} {initiative_count(len(items), 'sv')}" in body
    # The printed order follows the groups.
    headings = [
        body.index(f"{plan_data.place_name(place_id)} {initiative_count(len(items), 'sv')}")
        for place_id, items in groups
    ]
    assert headings == sorted(headings)


def test_initiative_on_two_places_is_under_both(plan_data: PlanData) -> None:
    both = plan_data.initiative("samverkan-sodertorn")
    assert both.places[:2] == ["sodertorn", "hela-soderort"]
    pdf = report_pdf.build_report_pdf(plan_data, [both], [], None)
    body = " ".join(_page_texts(pdf)[1:])
    assert "Södertörn 1 initiativ" in body and "Hela Söderort 1 initiativ" in body
    assert body.count("Samverkan Södertörn Status") == 2


def test_report_marks_cut_off_text(plan_data: PlanData) -> None:
    cut = plan_data.initiative("fler-arbetsplatser")
    pdf = report_pdf.build_report_pdf(plan_data, [cut], [], None)
    text = _text(pdf)
    assert "utgör minst 90 % av …" in text
    assert text.count("Texten är avklippt i källan") == len(cut.truncated)
    whole = plan_data.initiative("hela-soderort")
    assert "avklippt" not in _text(report_pdf.build_report_pdf(plan_data, [whole], [], None))


def test_report_names_committees_with_roles(plan_data: PlanData) -> None:
    pdf = report_pdf.build_report_pdf(
        plan_data, [plan_data.initiative("fler-arbetsplatser")], [], None
    )
    text = _text(pdf)
    assert "Stockholm Business Region (ansvarig)" in text
    assert "Stadsbyggnadsnämnden (i samverkan)" in text
    for label in ("Uppdrag", "Uppdragsgivare", "Förväntat resultat", "Tidplan", "Ansvarig nämnd"):
        assert label in text


def test_report_without_filters_or_matches(plan_data: PlanData) -> None:
    pdf = report_pdf.build_report_pdf(plan_data, [], [], None)
    pages = _page_texts(pdf)
    assert len(pages) == 1
    assert "0 av 19 initiativ" in pages[0]
    assert "Inga filter" in pages[0]
    assert "Inga initiativ matchar filtren." in pages[0]
    assert "Sida 1 av 1" in pages[0]
    assert _image_count(_reader(pdf).pages[0]) == 0


def test_report_one_initiative_is_cover_and_one_page(plan_data: PlanData) -> None:
    pdf = report_pdf.build_report_pdf(plan_data, plan_data.initiatives[:1], ["Område: Hela"], None)
    assert len(_reader(pdf).pages) == 2
    assert "1 av 19 initiativ" in _page_texts(pdf)[0]


def test_report_embeds_dejavu_fonts(full_report: bytes) -> None:
    names = _font_names(full_report)
    assert names, "the PDF names its fonts"
    assert all("DejaVu-Sans" in name for name in names), names
    assert any("DejaVu-Sans-Bold" in name for name in names), names
    assert _embedded_font_files(full_report) >= 2


def test_report_prints_hostile_text_as_typed(plan_data: PlanData) -> None:
    base = plan_data.initiative("telefonplan-kreativa-naringar")
    hostile = _with_text(
        base, rubrik=HOSTILE, uppdrag=MARKUP_TEXT, tidplan="kontroll\x00\x07tecken"
    )
    pdf = report_pdf.build_report_pdf(plan_data, [hostile], [HOSTILE], None)
    text = _text(pdf)
    assert text.count(HOSTILE) == 2  # the filter line and the heading
    assert MARKUP_TEXT in text
    assert "kontrolltecken" in text


def test_report_survives_a_text_longer_than_a_page(plan_data: PlanData) -> None:
    base = plan_data.initiative("hela-soderort")
    long = _with_text(
        base, uppdrag=("Mycket lång text " * 300)[:5000], forvantat_resultat="X" * 5000
    )
    pdf = report_pdf.build_report_pdf(plan_data, [long], [], None)
    pages = _page_texts(pdf)
    assert len(pages) >= 3
    assert f"Sida {len(pages)} av {len(pages)}" in pages[-1]


def test_report_in_english(plan_data: PlanData) -> None:
    pdf = report_pdf.build_report_pdf(
        plan_data, [plan_data.initiative("fler-arbetsplatser")], [], None, language="en"
    )
    text = _text(pdf)
    assert "1 of 19 initiatives" in text
    assert "No filters" in text
    assert "Page 1 of 2" in text
    assert "Assignment" in text
    assert "Cut off in the source" in text
    assert "All of Söderort 1 initiative " in text
    # The initiative's own text stays Swedish.
    assert "Insatser för fler arbetsplatser" in text


# ----------------------------------------------------------------------------- place sheet


def test_place_sheet_is_one_page_with_map_and_method(follow_up_plan: PlanData) -> None:
    png = print_map.render_map_png(
        follow_up_plan, follow_up_plan.initiatives, place_id="telefonplan"
    )
    pdf = place_pdf.build_place_pdf(follow_up_plan, "telefonplan", follow_up_plan.initiatives, png)
    reader = _reader(pdf)
    assert len(reader.pages) == 1
    assert _image_count(reader.pages[0]) == 1
    text = _text(pdf)
    place = follow_up_plan.places.loc["telefonplan"]
    assert "Telefonplan" in text
    assert " ".join(str(place["method"]).split())[:60] in text
    # Said as the place page says it (soderort.facts.place_drawing), licence included.
    for label, value in place_drawing(follow_up_plan, "telefonplan", "sv"):
        assert f"{label}: {value}"[:60] in " ".join(text.split())
    assert "Telefonplan, kreativa näringar" in text
    assert "Sida 1 av 1" in text


def test_a_place_sheet_never_leaves_its_heading_alone_under_the_map(plan_data: PlanData) -> None:
    # Telefonplan's one initiative, with its follow-up's history, does not fit under the map.
    png = print_map.render_map_png(plan_data, plan_data.initiatives, place_id="telefonplan")
    pdf = place_pdf.build_place_pdf(plan_data, "telefonplan", plan_data.initiatives, png)
    pages = [" ".join(page.extract_text().split()) for page in _reader(pdf).pages]
    heading = "Initiativ som nämner platsen (1)"
    [page] = [text for text in pages if heading in text]
    assert "Telefonplan, kreativa näringar" in page[page.index(heading) :]


def test_place_sheet_lists_only_initiatives_naming_the_place(plan_data: PlanData) -> None:
    pdf = place_pdf.build_place_pdf(plan_data, "farsta", plan_data.initiatives, None)
    text = _text(pdf)
    for initiative in plan_data.initiatives:
        heading = " ".join(noted_text(initiative, "rubrik").split())
        assert (heading in text) == ("farsta" in initiative.places), initiative.id


def test_place_sheet_with_many_initiatives_keeps_every_one(plan_data: PlanData) -> None:
    pdf = place_pdf.build_place_pdf(plan_data, "hela-soderort", plan_data.initiatives, None)
    text = _text(pdf)
    naming = [i for i in plan_data.initiatives if "hela-soderort" in i.places]
    assert len(naming) > 4
    for initiative in naming:
        assert " ".join(noted_text(initiative, "rubrik").split()) in text
    assert "Texten är avklippt i källan" in text
    assert len(_reader(pdf).pages) <= 2
    # The plan's status is named as such, apart from today's in the follow-up's line.
    assert text.count("Status i planen (2010):") == len(naming)


def test_place_sheet_prints_hostile_text_and_embeds_fonts(plan_data: PlanData) -> None:
    base = plan_data.initiative("miljoteknik-hogdalen")
    pdf = place_pdf.build_place_pdf(plan_data, "hogdalen", [_with_text(base, rubrik=HOSTILE)], None)
    assert HOSTILE in _text(pdf)
    assert all("DejaVu-Sans" in name for name in _font_names(pdf))


def test_place_sheet_refuses_an_unknown_place(plan_data: PlanData) -> None:
    with pytest.raises(KeyError):
        place_pdf.build_place_pdf(plan_data, "atlantis", plan_data.initiatives, None)


# ---------------------------------------------------------------------------------- texts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<script>", "&lt;script&gt;"),
        ("A & B", "A &amp; B"),
        ("noll\x00byte", "nollbyte"),
        ("Söderort", "Söderort"),
    ],
)
def test_markup_escapes(text: str, expected: str) -> None:
    assert pdf_pages.text(text) == expected


def test_fonts_come_from_matplotlib() -> None:
    assert re.search(r"matplotlib", str(pdf_pages.font_dir()))
    assert (pdf_pages.font_dir() / "DejaVuSans-Bold.ttf").is_file()
