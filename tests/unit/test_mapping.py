"""The map builders, checked on the HTML they render (in the style of geopandas' test_explore).

The map is rendered with ``m.get_root().render()`` and the place layer by adding it to a map;
what Leaflet receives as strings (popups, tooltips, labels) is read back with `json.loads`, so a
test sees exactly the HTML a browser would put into the page.
"""

from __future__ import annotations

import dataclasses
import json
import re
from html.parser import HTMLParser
from unittest.mock import patch

import folium
import pytest
import streamlit_folium

from soderort import assets, palette
from soderort.facts import count_by_place
from soderort.filters import FilterState, filter_initiatives
from soderort.i18n import column_label
from soderort.livemap.map_reply import RETURNED_OBJECTS
from soderort.render import map_file, map_layers, map_popups, map_positions, map_scripts
from tests.place_layer import bound_texts, render_layer

# Tags the popups, tooltips and labels may contain; anything else came from the data.
ALLOWED_TAGS = {"div", "h3", "h4", "p", "dl", "dt", "dd", "span", "a", "details", "summary", "b"}
# The follow-up box's heading.
ALLOWED_TAGS.add("h5")
CDN_HOSTS = (
    "cdn.jsdelivr",
    "cdnjs",
    "unpkg",
    "code.jquery",
    "bootstrapcdn",
    "fonts.googleapis",
)
HOSTILE = {
    "rubrik": '<script>alert("rubrik")</script>',
    "uppdrag": "<img src=x onerror=alert(1)>",
    "forvantat_resultat": "\" onmouseover='alert(2)' data-x=\"",
    "tidplan": "</div><script>alert(3)</script> ${alert(4)} `",
}
PLACE_FEATURE = re.compile(r'\{"count": (\d+), "id": "([^"]+)", "name": "((?:[^"\\]|\\.)*)"\}')
JS_STRING = r'"((?:[^"\\]|\\.)*)"'


class _Tags(HTMLParser):
    """Collect the tags, attributes and text of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data) -> None:
        self.text.append(data)


def parse(fragment: str) -> _Tags:
    parser = _Tags()
    parser.feed(fragment)
    parser.close()
    return parser


def assert_harmless(fragment: str) -> None:
    """No tag but the builders' own, and no event handler or script URL in any attribute."""
    parsed = parse(fragment)
    for tag, attrs in parsed.tags:
        assert tag in ALLOWED_TAGS, (tag, fragment[:200])
        allowed = {"class", "lang", "data-place", "title", "href", "target", "rel", "aria-hidden"}
        assert set(attrs) <= allowed, attrs
        assert not (attrs.get("href") or "").lower().startswith("javascript")


def render_map(m: folium.Map) -> str:
    return m.get_root().render()


def labels(html: str) -> list[str]:
    return [json.loads(f'"{raw}"') for raw in re.findall(rf'"html": {JS_STRING}', html)]


def place_features(html: str) -> dict[str, tuple[int, str]]:
    """Place id -> (count, name) of every feature of the place layer."""
    return {
        place_id: (int(count), json.loads(f'"{name}"'))
        for count, place_id, name in PLACE_FEATURE.findall(html)
    }


@pytest.fixture(scope="module")
def layer_html(plan_data) -> str:
    return render_layer(map_layers.build_place_layer(plan_data, plan_data.initiatives))


@pytest.fixture(scope="module")
def hostile(plan_data):
    """Hogdalen's initiative with markup, quotes and template syntax in every text field."""
    initiative = plan_data.initiative("miljoteknik-hogdalen")
    return initiative.model_copy(update={**HOSTILE, "truncated": ["uppdrag"]})


# ------------------------------------------------------------------------------- the layer
def test_every_place_is_a_feature_with_its_count(plan_data, layer_html) -> None:
    features = place_features(layer_html)
    counts = count_by_place(plan_data, plan_data.initiatives)
    assert set(features) == set(plan_data.places.index)
    for place_id, (count, name) in features.items():
        assert count == counts[place_id]
        assert name == plan_data.place_name(place_id, "sv")
    assert features["hela-soderort"][0] == 12


def test_corridor_is_a_line_and_places_are_areas(plan_data, layer_html) -> None:
    found = re.findall(
        r'"type": "(\w+)"\}, "properties": \{"count": \d+, "id": "([^"]+)"', layer_html
    )
    kinds = {place: geometry for geometry, place in found}
    assert kinds.pop("globen-norvik") == "LineString"
    assert set(kinds.values()) <= {"Polygon", "MultiPolygon"}
    assert len(kinds) == len(plan_data.places) - 1


def test_labels_and_tooltips_show_name_and_count(plan_data) -> None:
    only_hogdalen = [plan_data.initiative("miljoteknik-hogdalen")]
    html = render_layer(map_layers.build_place_layer(plan_data, only_hogdalen))
    shown = {}
    for label in labels(html):
        parsed = parse(label)
        place = parsed.tags[0][1]["data-place"]
        shown[place] = "".join(parsed.text)
    assert shown["hogdalen"] == "Högdalens industriområde1"
    assert shown["hela-soderort"] == "Hela Söderort0"
    assert set(shown) == set(plan_data.places.index)
    texts = bound_texts(html)
    assert (
        "".join(parse(texts["hogdalen"]["tooltip"]).text)
        == "Högdalens industriområde – 1 initiativ"
    )
    assert "".join(parse(texts["farsta"]["tooltip"]).text) == "Farsta – 0 initiativ"
    assert texts["farsta"]["name"] == "Farsta: 0 initiativ"
    english = render_layer(map_layers.build_place_layer(plan_data, only_hogdalen, language="en"))
    texts = bound_texts(english)
    assert "".join(parse(texts["hogdalen"]["tooltip"]).text) == (
        "Högdalen industrial area – 1 initiative"
    )
    assert "".join(parse(texts["hela-soderort"]["tooltip"]).text) == (
        "All of Söderort – 0 initiatives"
    )


def test_fill_follows_the_count_bins(plan_data) -> None:
    assert [palette.count_colour(n) for n in (0, 1, 2, 3, 4, 5, 12)] == [
        "#f2f2f2",
        "#9ecae1",
        "#4292c6",
        "#2171b5",
        "#2171b5",
        "#08306b",
        "#08306b",
    ]
    html = render_layer(map_layers.build_place_layer(plan_data, plan_data.initiatives))
    fills = set(re.findall(r'"fillColor": "(#[0-9a-fA-F]{6})"', html))
    # Hela Söderort (12), Södertörn (2) and the single-initiative places.
    assert {"#08306b", "#4292c6", "#9ecae1"} <= fills


def test_theme_colouring_uses_the_most_common_theme(plan_data) -> None:
    colours = palette.theme_colours(list(plan_data.themes))
    assert len(set(colours.values())) == len(plan_data.themes)
    hogdalen = [plan_data.initiative("miljoteknik-hogdalen")]  # theme: kluster
    html = render_layer(map_layers.build_place_layer(plan_data, hogdalen, colour_by="theme"))
    fills = re.findall(r'"fillColor": "(#[0-9a-fA-F]{6})"', html)
    assert colours["kluster"] in fills
    assert palette.NO_MATCH_COLOUR in fills
    assert not set(fills) - {colours["kluster"], palette.NO_MATCH_COLOUR}
    # A tie goes to the registry's order.
    order = list(plan_data.themes)
    telefonplan = plan_data.initiative("telefonplan-kreativa-naringar")
    assert map_layers.dominant_theme([telefonplan], order) == min(
        telefonplan.themes, key=order.index
    )
    assert map_layers.dominant_theme([], order) is None


def test_every_label_lies_in_the_first_view(plan_data) -> None:
    (south, west), (north, east) = map_positions.soderort_bounds(plan_data)
    for place_id in plan_data.places.index:
        lat, lon = map_positions.label_point(plan_data, place_id)
        assert south < lat < north and west < lon < east, place_id
    # Södertörn's label sits in Södertörn, the corridor's on its line.
    from shapely.geometry import Point

    lat, lon = map_positions.label_point(plan_data, "sodertorn")
    assert plan_data.places.loc["sodertorn", "geometry"].contains(Point(lon, lat))
    lat, lon = map_positions.label_point(plan_data, "globen-norvik")
    assert plan_data.places.loc["globen-norvik", "geometry"].distance(Point(lon, lat)) < 1e-6


# ------------------------------------------------------------------------------- the popups
def test_popup_shows_heading_fields_and_committees_lead_first(follow_up_plan) -> None:
    initiative = follow_up_plan.initiative("miljoteknik-hogdalen")
    html = map_popups.popup_html(follow_up_plan, "hogdalen", [initiative])
    parsed = parse(html)
    text = "".join(parsed.text)
    assert "<h3>Högdalens industriområde</h3>" in html
    assert "<h4>Miljöteknik Högdalen</h4>" in html
    for label in ("Uppdrag", "Förväntat resultat", "Tidplan", "Ansvariga"):
        assert f"<dt>{label}</dt>" in html
    assert initiative.uppdrag in text
    committees = text[text.index("Ansvariga") :]
    lead = follow_up_plan.committees[initiative.lead_committees()[0]].name
    assert committees.index(f"{lead} (ansvarig)") < committees.index("(i samverkan)")
    links = [attrs["href"] for tag, attrs in parsed.tags if tag == "a"]
    # The follow-up's source, then the place page.
    source = follow_up_plan.latest_follow_up(initiative.id).source.url
    assert links == [source, "/omrade?place=hogdalen"]


def test_popup_escapes_everything_from_the_data(plan_data, hostile) -> None:
    html = map_popups.popup_html(plan_data, "hogdalen", [hostile])
    assert_harmless(html)
    text = "".join(parse(html).text)
    for value in HOSTILE.values():
        assert value in text  # shown as written, not interpreted
    assert "&lt;script&gt;" in html and "&quot;" in html and "&#x27;" in html


def test_rendered_popups_and_tooltips_are_harmless(plan_data, hostile) -> None:
    places = plan_data.places.copy()
    places.loc["hogdalen", "name"] = '<img src=x onerror="alert(5)">Hög`${x}`'
    data = dataclasses.replace(plan_data, places=places)
    html = render_layer(map_layers.build_place_layer(data, [hostile]))
    texts = bound_texts(html)
    assert set(texts) == set(plan_data.places.index)
    popups = [text["popup"] for text in texts.values()]
    tooltips = [text["tooltip"] for text in texts.values()]
    for fragment in [*popups, *tooltips, *labels(html)]:
        assert_harmless(fragment)
    for value in HOSTILE.values():
        assert value not in html  # never pasted into the page as it stands
    assert 'data-place="hogdalen"' in texts["hogdalen"]["popup"]
    assert HOSTILE["rubrik"] in "".join(parse(texts["hogdalen"]["popup"]).text)
    assert '<img src=x onerror="alert(5)">Hög`${x}`' in "".join(
        "".join(parse(tip).text) for tip in tooltips
    )


def test_cut_off_text_is_marked(plan_data) -> None:
    cut = [item for item in plan_data.initiatives if item.truncated]
    assert cut, "the plan has texts cut off at the page edge"
    initiative = cut[0]
    field = next(f for f in initiative.truncated if f in ("forvantat_resultat", "uppdrag"))
    place = initiative.places[0]
    html = map_popups.popup_html(plan_data, place, [initiative])
    value = html.split(f"<dt>{column_label(field, 'sv')}</dt><dd>", 1)[1]
    value = value.split("</dd>", 1)[0]
    assert value.endswith("…</span>")
    assert 'class="sod-cut" title="Texten är avklippt i källan"' in value
    whole = initiative.model_copy(update={"truncated": []})
    assert "…" not in map_popups.popup_html(plan_data, place, [whole]).split("<dl>")[1]


def test_popup_for_many_initiatives_is_capped(plan_data) -> None:
    everything = [
        item.model_copy(update={"places": ["hogdalen"]}) for item in plan_data.initiatives
    ]
    html = map_popups.popup_html(plan_data, "hogdalen", everything)
    parsed = parse(html)
    summaries = [tag for tag, _ in parsed.tags if tag == "summary"]
    assert len(summaries) == map_popups.POPUP_LIST_LIMIT
    assert "<h4>" not in html  # folded, not laid out in full
    hidden = len(everything) - map_popups.POPUP_LIST_LIMIT
    assert f"… och {hidden} till på områdessidan" in "".join(parsed.text)
    few = map_popups.popup_html(plan_data, "hogdalen", everything[: map_popups.POPUP_FULL_LIMIT])
    assert few.count("<h4>") == map_popups.POPUP_FULL_LIMIT and "<details>" not in few


def test_a_popup_without_place_pages_lists_every_initiative(plan_data) -> None:
    everything = [
        item.model_copy(update={"places": ["hogdalen"]}) for item in plan_data.initiatives
    ]
    # The standalone file with no address: no place page holds the rest, so none is left out.
    parsed = parse(map_popups.popup_html(plan_data, "hogdalen", everything, place_url=None))
    summaries = [tag for tag, _ in parsed.tags if tag == "summary"]
    assert len(summaries) == len(everything) > map_popups.POPUP_LIST_LIMIT
    assert "områdessidan" not in "".join(parsed.text)


def test_popup_without_matches_says_so_and_links_keep_the_filters(plan_data) -> None:
    html = map_popups.popup_html(
        plan_data, "farsta", [], "en", link_params={"q": "a&b", "lang": "en", "place": "x"}
    )
    assert "No initiative here matches the filters." in html
    href = next(attrs["href"] for tag, attrs in parse(html).tags if tag == "a")
    assert href == "/omrade?place=farsta&q=a%26b&lang=en"


# ---------------------------------------------------------------------------- the base map
def test_base_map_has_outline_districts_legend_and_controls(plan_data) -> None:
    m = map_layers.build_base_map(plan_data, tiles=assets.DEFAULT_TILES)
    html = render_map(m)
    outline_id = plan_data.outline.index[0]
    assert f'"properties": {{"id": "{outline_id}"' in html
    district_names = set(plan_data.districts["name"])
    shown = {json.loads(f'"{raw}"') for raw in re.findall(rf'"name": {JS_STRING}', html)}
    assert district_names <= shown
    assert "L.control.fullscreen" in html
    assert "Antal matchande initiativ" in html and 'position: "topright"' in html
    assert assets.DEFAULT_TILES.url in html and '"subdomains": "abcd"' in html
    assert "zoomSnap" in html and f"{map_layers.ZOOM_SNAP}" in html
    assert "fitBounds" in html


def test_legend_follows_the_colour_mode_and_language(plan_data) -> None:
    count = render_map(map_layers.build_base_map(plan_data, colour_by="count"))
    theme = render_map(map_layers.build_base_map(plan_data, colour_by="theme"))
    english = render_map(map_layers.build_base_map(plan_data, colour_by="theme", language="en"))
    assert "Antal matchande initiativ" in count and "Tema (det vanligaste)" not in count
    assert "Tema (det vanligaste)" in theme and "Antal matchande initiativ" not in theme
    for theme_record in plan_data.themes.values():
        assert json.dumps(theme_record.name)[1:-1] in theme
        assert json.dumps(theme_record.name_en)[1:-1] in english


def test_without_tiles_the_map_has_no_tile_layer(plan_data) -> None:
    html = render_map(map_layers.build_base_map(plan_data, tiles=None))
    assert "L.tileLayer" not in html
    assert palette.MAP_BACKGROUND_COLOUR in html  # the plain background the map is drawn on


def test_no_cdn_anywhere(plan_data) -> None:
    layers = map_layers.build_map_layers(
        plan_data, plan_data.initiatives, colour_by="theme", tiles=assets.DEFAULT_TILES
    )
    layers.places.add_to(layers.base)
    folium.LayerControl().add_to(layers.base)
    html = render_map(layers.base)
    for host in CDN_HOSTS:
        assert host not in html
    assert "$(" not in html  # folium's jQuery-based popups would need a CDN copy of jQuery
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert sources and all(src.startswith("/app/static/") for src in sources)


def test_every_element_points_at_the_vendored_assets(plan_data) -> None:
    layers = map_layers.build_map_layers(plan_data, plan_data.initiatives)
    layers.places.add_to(layers.base)

    def walk(element):
        yield element
        for child in element._children.values():
            yield from walk(child)

    urls = [
        url
        for element in walk(layers.base)
        for _, url in [*getattr(element, "default_js", []), *getattr(element, "default_css", [])]
    ]
    assert set(urls) == {
        assets.LEAFLET_JS,
        assets.LEAFLET_CSS,
        assets.FULLSCREEN_JS,
        assets.FULLSCREEN_CSS,
        map_scripts.script_url("place-bindings.js"),
        map_scripts.script_url("place-labels.js"),
    }
    assert all(url.startswith(("/app/static/vendor/", "/app/static/js/")) for url in urls)


def test_standalone_html_inlines_leaflet(plan_data) -> None:
    missing = assets.missing_assets()
    assert not missing, f"static/vendor/ is incomplete; run `{assets.RESTORE_COMMAND}`"
    layers = map_layers.build_map_layers(plan_data, plan_data.initiatives)
    html = map_file.standalone_html(
        plan_data, layers, title="Karta <b>", lines=["Källa: planen", "Exporterad 1 jan"]
    )
    # The file says what it shows: its title, a heading and the lines under it, as plain text.
    assert "<title>Karta &lt;b&gt;</title>" in html
    assert "<h1>Karta &lt;b&gt;</h1>" in html
    assert "<li>Källa: planen</li><li>Exporterad 1 jan</li>" in html
    assert "<script src=" not in html
    assert "/app/static" not in html
    assert "stylesheet" not in html
    assert "L.map(" in html and json.dumps("Miljöteknik Högdalen")[1:-1] in html
    assert "data:image/png;base64," in html  # leaflet.css's images, inlined
    for host in CDN_HOSTS:
        assert host not in html


# ------------------------------------------------------------------- what streamlit-folium gets
def _component_args(data, initiatives, **kwargs) -> dict:
    """The arguments st_folium sends to its front end for these layers."""
    layers = map_layers.build_map_layers(data, initiatives, **kwargs)
    with patch.object(streamlit_folium, "_component_func") as component:
        streamlit_folium.st_folium(
            layers.base,
            key="map",
            feature_group_to_add=layers.places,
            layer_control=folium.LayerControl(collapsed=True),
            returned_objects=list(RETURNED_OBJECTS),
        )
    return component.call_args.kwargs


def test_filters_change_only_the_place_layer(plan_data) -> None:
    everything = _component_args(plan_data, plan_data.initiatives, tiles=assets.DEFAULT_TILES)
    hogdalen = filter_initiatives(plan_data, FilterState(text="hogdalen"))
    narrowed = _component_args(plan_data, hogdalen, tiles=assets.DEFAULT_TILES)
    # The same base script and key: the front end keeps its map (and the user's zoom and pan).
    assert narrowed["script"] == everything["script"]
    assert narrowed["key"] == everything["key"]
    assert narrowed["feature_group"] != everything["feature_group"]
    # The same filters give the same layer: a rerun for a click leaves the open popup alone.
    again = _component_args(plan_data, plan_data.initiatives, tiles=assets.DEFAULT_TILES)
    assert again["feature_group"] == everything["feature_group"]
    assert again["layer_control"] == everything["layer_control"]
    # The colour mode changes the legend, so the map is rebuilt.
    theme = _component_args(plan_data, plan_data.initiatives, colour_by="theme")
    assert theme["key"] != everything["key"]
    assert everything["returned_objects"] == list(RETURNED_OBJECTS)
