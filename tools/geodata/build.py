"""The whole build: read the sources, build every layer, write the files and SOURCES.md."""

from __future__ import annotations

from pathlib import Path

from soderort import paths
from tools.geodata.credits import check_provenance
from tools.geodata.districts import build_districts
from tools.geodata.features import (
    district_features,
    dump_collection,
    outline_feature,
    place_feature,
    point_features,
)
from tools.geodata.places import build_places
from tools.geodata.sources import read_points
from tools.geodata.sources_doc import sources_markdown

# File names only: the same names are written into --out, which tests point at a tmp dir.
OUTLINE_NAME = paths.OUTLINE_FILE.name
AREAS_NAME = paths.AREAS_FILE.name
DISTRICTS_NAME = paths.DISTRICTS_FILE.name
PLACES_NAME = paths.PLACES_FILE.name
POINTS_NAME = paths.POINTS_FILE.name
SOURCES_DOC_NAME = paths.GEODATA_SOURCES_FILE.name
OUTPUT_FILES = (OUTLINE_NAME, AREAS_NAME, DISTRICTS_NAME, PLACES_NAME, POINTS_NAME)


def build(sources: Path, out_dir: Path) -> dict[str, int]:
    """Build every geodata file from the sources.

    Parameters
    ----------
    sources : pathlib.Path
        The geodata-sources folder (read only).
    out_dir : pathlib.Path
        Where to write; created if missing. Other files in it are left alone.

    Returns
    -------
    dict of str to int
        Size in bytes of each written file, SOURCES.md included.
    """
    check_provenance(sources)
    points = read_points(sources)
    districts = build_districts(sources)
    places = build_places(districts, points, sources)
    stadsdelar, areas = district_features(districts)
    outline = outline_feature(next(place for place in places if place.kind == "outline"))
    place_feats = [place_feature(place, points) for place in places]
    point_feats = point_features(places, points)

    collections = {
        OUTLINE_NAME: [outline],
        AREAS_NAME: areas,
        DISTRICTS_NAME: stadsdelar,
        PLACES_NAME: place_feats,
        POINTS_NAME: point_feats,
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    sizes: dict[str, int] = {}
    for name in OUTPUT_FILES:
        data = dump_collection(collections[name]).encode("utf-8")
        (out_dir / name).write_bytes(data)
        sizes[name] = len(data)
    counts = {name: len(items) for name, items in collections.items()}
    doc = sources_markdown(sources, places, points, point_feats, sizes, counts).encode("utf-8")
    (out_dir / SOURCES_DOC_NAME).write_bytes(doc)
    return {**sizes, SOURCES_DOC_NAME: len(doc)}
