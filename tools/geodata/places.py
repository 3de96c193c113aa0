"""The action plan's named places, drawn from districts, sourced points and SCB municipalities."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import shapely
from shapely.geometry import LineString, Polygon
from shapely.geometry.base import BaseGeometry

from tools.geodata.credits import (
    AREAS_SOURCE,
    ARENA_NAME_SOURCE,
    FARSTA_AREA_SOURCE,
    HOGDALEN_AREA_SOURCE,
    LICENCE_KOMMUNER,
    LICENCE_STADSDELAR,
    POINT_LICENCES,
    SKRUBBA_AREA_SOURCES,
    SKRUBBA_SCB_JUDGEMENT,
    SODERSTADEN_AREA_SOURCES,
)
from tools.geodata.districts import DISTRICT_TOLERANCE_M, OUTLINE_METHOD, Districts
from tools.geodata.geometry import drop_small_parts, from_parts, polygon_parts
from tools.geodata.names import swedish_name
from tools.geodata.sources import (
    KOMMUNER_FILE,
    STADSDELAR_FILE,
    SourcePoint,
    read_kommuner,
)

# Södertörn's eight municipalities by SCB code, and Stockholm's.
SODERTORN_KOMMUNER: dict[str, str] = {
    "0126": "Huddinge",
    "0127": "Botkyrka",
    "0128": "Salem",
    "0136": "Haninge",
    "0138": "Tyresö",
    "0140": "Nykvarn",
    "0181": "Södertälje",
    "0192": "Nynäshamn",
}
STOCKHOLM_KOMMUN = "0180"

# SCB's municipalities are already generalized to tens of vertices; this only thins them.
REGION_TOLERANCE_M = 100.0

# Parts smaller than this left over after cutting Stockholm out of Södertörn are slivers.
MIN_REGION_PART_M2 = 10_000.0
# 16 segments per quarter circle: the polygon stays within 1 m of a true 900 m circle.
BUFFER_QUAD_SEGS = 16

# Radii (metres) of the circles drawn round sourced points.
RADIUS_TELEFONPLAN_M = 600
RADIUS_HOGDALEN_M = 700
RADIUS_KUNGENS_KURVA_M = 800

# The stadsdelar of the city's programme Tyngdpunkt Farsta (FARSTA_AREA_SOURCE).
FARSTA_STADSDELAR: tuple[str, ...] = ("FARSTA", "LARSBODA", "FARSTA STRAND")


@dataclass
class Place:
    """A named place of the action plan before serialisation (geometry in EPSG:3006)."""

    id: str
    name: str
    name_en: str
    kind: str
    method: str
    source: str
    licence: str
    approximate: bool
    geom: BaseGeometry
    radius_m: int | None = None
    anchor: SourcePoint | None = None
    point_ids: tuple[str, ...] = ()
    # Two point ids: label the line between them (at `label_fraction` of the way) instead of at
    # its midpoint, where the label would sit on top of other places' labels.
    label_on_line: tuple[str, str] | None = None
    label_fraction: float = 0.5
    # An area (EPSG:3006) to put the label in, for a place that holds all the others.
    label_area: BaseGeometry | None = None


def circle(point: SourcePoint, radius_m: int) -> Polygon:
    """Buffer a sourced point by a radius in metres (EPSG:3006).

    Parameters
    ----------
    point : SourcePoint
        Centre.
    radius_m : int
        Radius in metres.

    Returns
    -------
    shapely.geometry.Polygon
        The circle in EPSG:3006.
    """
    return point.metric.buffer(radius_m, quad_segs=BUFFER_QUAD_SEGS)


def clip_to_outline(geom: BaseGeometry, outline: BaseGeometry) -> tuple[BaseGeometry, bool]:
    """Keep only the part of a Söderort place that lies inside Söderort.

    Parameters
    ----------
    geom : shapely.geometry.base.BaseGeometry
        Place geometry in EPSG:3006.
    outline : shapely.geometry.base.BaseGeometry
        Söderort's simplified outline in EPSG:3006.

    Returns
    -------
    geometry : shapely.geometry.base.BaseGeometry
        The clipped geometry (the input itself when nothing lay outside).
    clipped : bool
        Whether more than a square metre was cut away, so the method text can say so.
    """
    if outline.covers(geom):
        return geom, False
    inside = drop_small_parts(geom.intersection(outline), 1.0)
    return inside, geom.area - inside.area > 1.0


def _stadsdel_holding(districts: Districts, stadsdel: str, point: SourcePoint) -> BaseGeometry:
    """Return a stadsdel's simplified polygon, checking that a sourced point lies inside it.

    The point confirms that the polygon picked by name is the right one.
    """
    geom = districts.by_name(stadsdel)
    if not geom.contains(point.metric):
        raise ValueError(f"{point.id} is not inside stadsdel {stadsdel}")
    return geom


def _district_source(name: str) -> str:
    return f"{STADSDELAR_FILE} ({name})"


_SIMPLIFY_NOTE = f"förenklad med tolerans {DISTRICT_TOLERANCE_M:g} m"
_CLIPPED_NOTE = "; delen utanför Söderort är bortklippt."


def _outline_place(districts: Districts) -> Place:
    return Place(
        id="hela-soderort",
        name="Hela Söderort",
        name_en="All of Söderort",
        kind="outline",
        method=OUTLINE_METHOD,
        source=AREAS_SOURCE,
        licence=LICENCE_STADSDELAR,
        approximate=False,
        geom=districts.outline,
        # Its centre is crowded by the other places' labels; Bagarmossen, in the east, is not.
        label_area=districts.geoms[districts.names.index("BAGARMOSSEN")],
    )


def _sodertorn_place(districts: Districts, sources: Path) -> Place:
    kommuner = read_kommuner(sources, SODERTORN_KOMMUNER)
    for code, expected in SODERTORN_KOMMUNER.items():
        if kommuner[code][0] != expected:
            raise ValueError(f"SCB code {code} is {kommuner[code][0]}, expected {expected}")
    region = shapely.union_all([geom for _, geom in kommuner.values()])
    region = region.simplify(REGION_TOLERANCE_M, preserve_topology=True)
    # SCB's generalized edge overlaps Söderort by several km²; cutting the accurate outline
    # out keeps a click in Farsta from also hitting Södertörn.
    region = drop_small_parts(region.difference(districts.outline), MIN_REGION_PART_M2)
    codes = ", ".join(f"{name} {code}" for code, name in sorted(SODERTORN_KOMMUNER.items()))
    return Place(
        id="sodertorn",
        name="Södertörn",
        name_en="Södertörn",
        kind="region",
        method="Sammanslagning av SCB:s generaliserade gränser för Södertörns åtta kommuner, "
        f"förenklad med tolerans {REGION_TOLERANCE_M:g} m; Söderort är bortklippt.",
        source=f"{KOMMUNER_FILE} ({codes})",
        licence=LICENCE_KOMMUNER,
        approximate=True,
        geom=region,
    )


def _point_buffer_place(
    districts: Districts,
    point: SourcePoint,
    radius: int,
    names: tuple[str, str, str],
    what: str,
) -> Place:
    place_id, name, name_en = names
    geom, clipped = clip_to_outline(circle(point, radius), districts.outline)
    method = f"Cirkel med radien {radius} m runt {what}, beräknad i SWEREF 99 TM"
    return Place(
        id=place_id,
        name=name,
        name_en=name_en,
        kind="point_buffer",
        method=method + (_CLIPPED_NOTE if clipped else "."),
        source=point.credit(),
        licence=POINT_LICENCES[point.id],
        approximate=True,
        radius_m=radius,
        geom=geom,
        anchor=point,
        point_ids=(point.id,),
    )


def _hogdalen_place(districts: Districts, point: SourcePoint) -> Place:
    stadsdel = _stadsdel_holding(districts, "HÖGDALEN", point)
    # Högdalenverket stands a few tens of metres inside Högdalen's southern border, so a bare
    # circle would put half of the place in Fagersjö. The industrial area lies in the south-east
    # of the stadsdel (HOGDALEN_AREA_SOURCE); no source gives its outline, so the circle is
    # clipped to the stadsdel, which also leaves out Högdalen's centre 1.1 km to the west.
    geom = drop_small_parts(circle(point, RADIUS_HOGDALEN_M).intersection(stadsdel), 1.0)
    return Place(
        id="hogdalen",
        name="Högdalens industriområde",
        name_en="Högdalen industrial area",
        kind="point_buffer",
        method=f"Den del av stadsdelen Högdalen ({_SIMPLIFY_NOTE}) som ligger inom "
        f"{RADIUS_HOGDALEN_M} m från Högdalenverket, beräknad i SWEREF 99 TM. Industriområdet "
        "ligger i stadsdelens sydöstra del, men ingen källa ger dess gräns; grannstadsdelen "
        "Fagersjö ingår inte.",
        source=f"{_district_source('HÖGDALEN')}; {point.credit()}; {HOGDALEN_AREA_SOURCE}",
        licence=f"{LICENCE_STADSDELAR}; punkt: {POINT_LICENCES[point.id]}",
        approximate=True,
        radius_m=RADIUS_HOGDALEN_M,
        geom=geom,
        anchor=point,
        point_ids=(point.id,),
    )


def scb_land_north_of_skrubba(districts: Districts, sources: Path) -> BaseGeometry:
    """Find the land north of Skrubba that only SCB's generalized boundary puts in Stockholm.

    SCB's boundary of Stockholm reaches about 1 km north of the stadsdel Skrubba, towards Älta,
    where the stadsdel file has no polygon. That boundary is generalized to tens of vertices
    and disagrees with the stadsdelar all round the city, so this land is measured only to say
    in Skrubba's method text what was left out.

    Parameters
    ----------
    districts : Districts
        Simplified Söderort districts and the rest of the city.
    sources : pathlib.Path
        The geodata-sources folder (for SCB's boundary of Stockholm).

    Returns
    -------
    shapely.geometry.base.BaseGeometry
        The parts (EPSG:3006) that touch Skrubba.

    Raises
    ------
    ValueError
        If no such land is found or it is not of the expected size.
    """
    _, stockholm = read_kommuner(sources, [STOCKHOLM_KOMMUN])[STOCKHOLM_KOMMUN]
    skrubba = districts.by_name("SKRUBBA")
    covered = shapely.union_all([districts.rest_of_city, *districts.geoms])
    parts = [
        part
        for part in polygon_parts(stockholm.difference(covered))
        if part.area >= MIN_REGION_PART_M2 and part.distance(skrubba) < 1.0
    ]
    land = from_parts(parts) if parts else Polygon()
    if not 0.2e6 <= land.area <= 0.6e6:
        raise ValueError(f"SCB's land north of Skrubba is {land.area / 1e6:.2f} km², not ~0.4")
    return land


def _km2(geom: BaseGeometry) -> str:
    return f"{geom.area / 1e6:.2f}".replace(".", ",")


def _skrubba_place(districts: Districts, point: SourcePoint, scb_north: BaseGeometry) -> Place:
    stadsdel = _stadsdel_holding(districts, "SKRUBBA", point)
    return Place(
        id="skrubba",
        name="Skrubba",
        name_en="Skrubba",
        kind="district",
        method=f"Stadsdelen Skrubbas gräns, {_SIMPLIFY_NOTE}. Skrubba ligger i Stockholms kommun, "
        "söder om Älta i Nacka och mot Tyresö. Bedömning: SCB:s generaliserade kommungräns "
        f"lägger ytterligare {_km2(scb_north)} km² norr om stadsdelen i Stockholm, men den "
        "gränsen är inte noggrann på gatunivå och avviker från stadsdelsgränserna runt hela "
        "staden; ingen noggrann källa lägger den marken i Stockholm, så den ingår inte. Inte "
        "heller marken i Nacka (Erstavik 6:1, Skrubbatriangeln) som Tyresö köpte av Stockholm "
        "2018 ingår.",
        source=f"{_district_source('SKRUBBA')}; {point.credit()}; {SKRUBBA_AREA_SOURCES}; "
        f"{SKRUBBA_SCB_JUDGEMENT}",
        licence=f"{LICENCE_STADSDELAR}; punkt: {POINT_LICENCES[point.id]}",
        approximate=False,
        geom=stadsdel,
        anchor=point,
        point_ids=(point.id,),
    )


def _kungens_kurva_place(districts: Districts, points: dict[str, SourcePoint]) -> Place:
    kk, skh = points["kungens_kurva"], points["skarholmen_centrum"]
    skarholmen = _stadsdel_holding(districts, "SKÄRHOLMEN", skh)
    # Only the circle's part outside the other stadsdelar is added: inside the city the place
    # is Skärholmen itself, not its neighbours. At 800 m the circle reaches no other
    # stadsdel, but a larger radius would reach Sätra or Vårberg.
    others = shapely.union_all(
        [
            geom
            for name, geom in zip(districts.names, districts.geoms, strict=True)
            if name != "SKÄRHOLMEN"
        ]
    )
    kk_part = circle(kk, RADIUS_KUNGENS_KURVA_M).difference(others)
    combined = drop_small_parts(shapely.union_all([skarholmen, kk_part]), 1.0)
    return Place(
        id="kungens-kurva-skarholmen",
        name="Kungens kurva/Skärholmen",
        name_en="Kungens kurva/Skärholmen",
        kind="district_and_buffer",
        method=f"Stadsdelen Skärholmen ({_SIMPLIFY_NOTE}) sammanslagen med en cirkel med "
        f"radien {RADIUS_KUNGENS_KURVA_M} m runt Kungens kurva i Huddinge, beräknad i "
        "SWEREF 99 TM.",
        source=f"{_district_source('SKÄRHOLMEN')}; {skh.credit()}; {kk.credit()}",
        licence=f"{LICENCE_STADSDELAR}; punkter: {POINT_LICENCES['kungens_kurva']}",
        approximate=True,
        radius_m=RADIUS_KUNGENS_KURVA_M,
        geom=combined,
        # The Söderort end: the dashboard is about Söderort, and Kungens kurva is in Huddinge.
        anchor=skh,
        point_ids=("skarholmen_centrum", "kungens_kurva"),
    )


def _corridor_place(points: dict[str, SourcePoint]) -> Place:
    # Only sourced points may be vertices; these three lie along Nynäsvägen (road 73)
    # from its Stockholm end to the port. Without a road geometry the line stays schematic.
    corridor_ids = ("globen", "farsta", "norvik")
    return Place(
        id="globen-norvik",
        name="Stråket Globen–Norvik",
        name_en="Globen–Norvik corridor",
        kind="corridor",
        method="Schematisk linje genom källsatta punkter (Globen, Farsta, Norvik) längs "
        "Nynäsvägen/väg 73; följer inte vägens exakta sträckning. Norvikpunkten har låg "
        "säkerhet.",
        source="; ".join(points[pid].credit() for pid in corridor_ids),
        licence="; ".join(f"{pid}: {POINT_LICENCES[pid]}" for pid in corridor_ids),
        approximate=True,
        geom=LineString([points[pid].metric for pid in corridor_ids]),
        anchor=points["globen"],
        point_ids=corridor_ids,
        # Label just south of Farsta: the Globen–Farsta stretch is crowded by other labels.
        label_on_line=("farsta", "norvik"),
        label_fraction=0.1,
    )


def _farsta_place(districts: Districts, point: SourcePoint) -> Place:
    farsta = _stadsdel_holding(districts, "FARSTA", point)
    others = [districts.by_name(name) for name in FARSTA_STADSDELAR if name != "FARSTA"]
    names = [swedish_name(name) for name in FARSTA_STADSDELAR]
    listed = f"{', '.join(names[:-1])} och {names[-1]}"
    return Place(
        id="farsta",
        name="Farsta",
        name_en="Farsta",
        kind="district",
        method=f"Stadsdelarna {listed} sammanslagna ({_SIMPLIFY_NOTE}): de stadsdelar som "
        "stadens program Tyngdpunkt Farsta (2012–2016) omfattade. Planen 2010 säger "
        "”området kring Farsta” utan gräns; programmets område är stadens egen avgränsning.",
        source="; ".join([*(_district_source(name) for name in FARSTA_STADSDELAR), point.credit()])
        + f"; {FARSTA_AREA_SOURCE}",
        licence=f"{LICENCE_STADSDELAR}; punkt: {POINT_LICENCES[point.id]}",
        approximate=False,
        geom=shapely.coverage_union_all([farsta, *others]),
        anchor=point,
        point_ids=(point.id,),
    )


def _soderstaden_place(districts: Districts, points: dict[str, SourcePoint]) -> Place:
    globen, arena = points["globen"], points["tele2_arena"]
    johanneshov = _stadsdel_holding(districts, "JOHANNESHOV", globen)
    _stadsdel_holding(districts, "JOHANNESHOV", arena)
    return Place(
        id="soderstaden",
        name="Söderstaden",
        name_en="Söderstaden",
        kind="district",
        method=f"Stadsdelen Johanneshovs gräns, {_SIMPLIFY_NOTE}. Söderstaden är enligt staden "
        "Globenområdet, Slakthusområdet och Gullmarsplan–Nynäsvägen, och alla tre ligger i "
        "Johanneshov; punkterna Globe City och Tele2 Arena (arenan heter sedan 1 januari 2025 "
        "3Arena) bekräftar stadsdelen. Ungefärlig: ingen källa ger Söderstadens gräns, och "
        "stadsdelen rymmer också bostäder på båda sidor om Nynäsvägen som staden inte räknar "
        "till Söderstaden, så platsen är något större än området.",
        source=f"{_district_source('JOHANNESHOV')}; {globen.credit()}; {arena.credit()}; "
        f"{SODERSTADEN_AREA_SOURCES}; {ARENA_NAME_SOURCE}",
        licence=f"{LICENCE_STADSDELAR}; punkter: globen: {POINT_LICENCES['globen']}, "
        f"tele2_arena: {POINT_LICENCES['tele2_arena']}",
        approximate=True,
        geom=johanneshov,
        anchor=globen,
        point_ids=("globen", "tele2_arena"),
    )


def build_places(
    districts: Districts, points: dict[str, SourcePoint], sources: Path
) -> list[Place]:
    """Draw the action plan's named places.

    Parameters
    ----------
    districts : Districts
        Simplified Söderort districts.
    points : dict of str to SourcePoint
        The sourced points from points.csv.
    sources : pathlib.Path
        The geodata-sources folder (for the SCB municipalities).

    Returns
    -------
    list of Place
        One per place id, geometries in EPSG:3006.
    """
    scb_north_of_skrubba = scb_land_north_of_skrubba(districts, sources)
    return [
        _outline_place(districts),
        _sodertorn_place(districts, sources),
        _point_buffer_place(
            districts,
            points["telefonplan"],
            RADIUS_TELEFONPLAN_M,
            ("telefonplan", "Telefonplan", "Telefonplan"),
            "Telefonplans tunnelbanestation (Telefonplan är ingen stadsdel; den ligger i "
            "Midsommarkransen)",
        ),
        _hogdalen_place(districts, points["hogdalen_industri"]),
        _skrubba_place(districts, points["skrubba"], scb_north_of_skrubba),
        _kungens_kurva_place(districts, points),
        _corridor_place(points),
        _farsta_place(districts, points["farsta"]),
        _soderstaden_place(districts, points),
    ]
