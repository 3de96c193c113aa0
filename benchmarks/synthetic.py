"""Generated plans for benchmarks: many initiatives over many places, shaped like the real plan.

`generate_data_folder` writes a complete data folder (the layout of ``geodata/``) that
``python -m soderort validate`` accepts and the app reads when ``SODERORT_DATA_DIR`` points at
it. Everything is drawn from a seeded generator, so one seed always gives the same bytes.

The shape follows the real plan: each text column's length is drawn from the lengths that
column has in the real plan (with a little jitter), its words from the real plan's words, and
the Tidplan text with its structured timeline from one real initiative, so that they agree.
A few places draw most initiatives (as Hela Söderort does in the real plan), the rest a few.
"""

from __future__ import annotations

import json
import math
import random
import re
import shutil
from pathlib import Path
from typing import Any

import yaml
from shapely import affinity
from shapely.geometry import Point, mapping, shape

from soderort import paths
from soderort.loading import PlanData, load_plan_data
from soderort.model import TEXT_FIELDS

# Context layers copied as they are; the app and `load_plan_data` read the first three.
CONTEXT_FILES: tuple[str, ...] = (
    paths.OUTLINE_FILE.name,
    paths.DISTRICTS_FILE.name,
    paths.AREAS_FILE.name,
    paths.POINTS_FILE.name,
)
# Generated places are small areas (a centre, an industrial estate) of this radius in metres.
RADIUS_RANGE_M = (250, 900)
# Exponent of the Zipf-like weights that decide how many initiatives name each place.
POPULARITY_EXPONENT = 0.9
COORDINATE_DECIMALS = 5
_METRES_PER_DEGREE_LAT = 110_540.0
_METRES_PER_DEGREE_LON_AT_EQUATOR = 111_320.0
_SUFFIXES: tuple[tuple[str, str, str], ...] = (
    # (id part, Swedish, English)
    ("centrum", "centrum", "centre"),
    ("foretagsomrade", "företagsområde", "business park"),
    ("station", "station", "station"),
    ("torg", "torg", "square"),
    ("verksamhetsomrade", "verksamhetsområde", "industrial estate"),
)
_WORD = re.compile(r"[A-Za-zÅÄÖåäöÉé0-9%-]+")


def _vocabulary(data: PlanData) -> list[str]:
    words = []
    for initiative in data.initiatives:
        for field in TEXT_FIELDS:
            words.extend(_WORD.findall(getattr(initiative, field)))
    return words


def _sentence(rng: random.Random, words: list[str], length: int) -> str:
    """Real-plan words joined up to about `length` characters (empty for 0)."""
    if length <= 0:
        return ""
    parts: list[str] = []
    size = -1
    while size < length:
        word = rng.choice(words)
        parts.append(word)
        size += len(word) + 1
    text = " ".join(parts)
    return text[0].upper() + text[1:]


def _jitter(rng: random.Random, length: int) -> int:
    return max(1, round(length * rng.uniform(0.8, 1.2))) if length else 0


def _circle(lon: float, lat: float, radius_m: float) -> Any:
    """Return a circle of `radius_m` metres around a point, as a polygon in degrees."""
    dx = radius_m / (_METRES_PER_DEGREE_LON_AT_EQUATOR * math.cos(math.radians(lat)))
    dy = radius_m / _METRES_PER_DEGREE_LAT
    unit = Point(0.0, 0.0).buffer(1.0, quad_segs=8)
    return affinity.translate(affinity.scale(unit, xfact=dx, yfact=dy, origin=(0, 0)), lon, lat)


def _rounded(geometry_json: dict[str, Any]) -> dict[str, Any]:
    def walk(node: Any) -> Any:
        if isinstance(node, list | tuple):
            if node and all(isinstance(v, float | int) for v in node):
                return [round(float(v), COORDINATE_DECIMALS) for v in node]
            return [walk(child) for child in node]
        return node

    return {"type": geometry_json["type"], "coordinates": walk(geometry_json["coordinates"])}


def _place_feature(
    place_id: str,
    name: str,
    name_en: str,
    kind: str,
    geometry: Any,
    *,
    method: str,
    radius_m: int | None,
    label: tuple[float, float],
) -> dict[str, Any]:
    return {
        "type": "Feature",
        "properties": {
            "id": place_id,
            "name": name,
            "name_en": name_en,
            "kind": kind,
            "method": method,
            "source": "Genererad för prestandamätning (benchmarks.synthetic)",
            "approximate": radius_m is not None,
            "radius_m": radius_m,
            "label_lon": round(label[0], COORDINATE_DECIMALS),
            "label_lat": round(label[1], COORDINATE_DECIMALS),
        },
        "geometry": _rounded(mapping(geometry)),
    }


def generate_places(source_dir: Path, n_places: int, rng: random.Random) -> list[dict[str, Any]]:
    """Return GeoJSON features for `n_places` places inside Söderort.

    The real places come first, then each stadsdel as a place of its own, then small circular
    areas (centres, business parks) at random points inside the outline, named after the
    stadsdel they lie in.

    Parameters
    ----------
    source_dir : Path
        A data folder with places.geojson, stadsdelar.geojson and soderort.geojson.
    n_places : int
        How many places to return (at least 1).
    rng : random.Random
        The seeded generator.

    Returns
    -------
    list of dict
        GeoJSON features whose properties fit `soderort.model.PlaceProperties`.
    """
    if n_places < 1:
        raise ValueError("n_places must be at least 1")
    real = json.loads((source_dir / paths.PLACES_FILE.name).read_text(encoding="utf-8"))
    districts = json.loads((source_dir / paths.DISTRICTS_FILE.name).read_text(encoding="utf-8"))
    outline_json = json.loads((source_dir / paths.OUTLINE_FILE.name).read_text(encoding="utf-8"))
    outline = shape(outline_json["features"][0]["geometry"])

    features: list[dict[str, Any]] = list(real["features"])[:n_places]
    used = {f["properties"]["id"] for f in features}
    district_shapes = []
    for district in districts["features"]:
        props = district["properties"]
        geometry = shape(district["geometry"])
        district_shapes.append((props, geometry))
        if len(features) >= n_places:
            continue
        place_id = f"stadsdel-{props['id']}"
        if place_id in used:
            continue
        used.add(place_id)
        point = geometry.representative_point()
        features.append(
            _place_feature(
                place_id,
                props["name"],
                props["name"],
                "district",
                geometry,
                method="Stadsdelens gräns ur stadsdelar.geojson.",
                radius_m=None,
                label=(point.x, point.y),
            )
        )
    west, south, east, north = outline.bounds
    while len(features) < n_places:
        lon, lat = rng.uniform(west, east), rng.uniform(south, north)
        point = Point(lon, lat)
        if not outline.contains(point):
            continue
        district = next((props for props, geom in district_shapes if geom.contains(point)), None)
        if district is None:
            continue
        suffix_id, suffix_sv, suffix_en = rng.choice(_SUFFIXES)
        # The stadsdel's id was made from its name when geodata/ was built.
        base_id = f"{district['id']}-{suffix_id}"
        place_id, number = base_id, 1
        while place_id in used:
            number += 1
            place_id = f"{base_id}-{number}"
        used.add(place_id)
        ordinal = "" if number == 1 else f" {number}"
        radius = rng.randint(*RADIUS_RANGE_M)
        features.append(
            _place_feature(
                place_id,
                f"{district['name']} {suffix_sv}{ordinal}",
                f"{district['name']} {suffix_en}{ordinal}",
                "point_buffer",
                _circle(lon, lat, radius),
                method=f"Cirkel med radien {radius} m kring en slumpad punkt.",
                radius_m=radius,
                label=(lon, lat),
            )
        )
    return features


def _popularity(place_ids: list[str], rng: random.Random) -> list[float]:
    order = list(range(len(place_ids)))
    rng.shuffle(order)
    weights = [0.0] * len(place_ids)
    for rank, index in enumerate(order, start=1):
        weights[index] = 1.0 / rank**POPULARITY_EXPONENT
    return weights


def _distinct(rng: random.Random, pool: list[str], weights: list[float], count: int) -> list[str]:
    count = min(count, len(pool))
    chosen: list[str] = []
    while len(chosen) < count:
        pick = rng.choices(pool, weights=weights)[0]
        if pick not in chosen:
            chosen.append(pick)
    return chosen


def generate_initiatives(
    data: PlanData, place_ids: list[str], n_initiatives: int, rng: random.Random
) -> list[dict[str, Any]]:
    """Return `n_initiatives` initiative records shaped like the real plan's.

    Parameters
    ----------
    data : PlanData
        The real plan: text lengths, words, timelines, committees and themes are drawn from it.
    place_ids : list of str
        The places the initiatives may name.
    n_initiatives : int
        How many to make.
    rng : random.Random
        The seeded generator.

    Returns
    -------
    list of dict
        Plain records in the layout of action_plan.yaml.
    """
    real = data.initiatives
    words = _vocabulary(data)
    lengths = {field: [len(getattr(i, field)) for i in real] for field in TEXT_FIELDS}
    note_lengths = [len(note) for i in real for note in i.notes] or [60]
    place_weights = _popularity(place_ids, rng)
    committee_ids = list(data.committees)
    theme_ids = list(data.themes)
    records = []
    for index in range(n_initiatives):
        model = rng.choice(real)  # timeline and Tidplan text come from one real initiative
        texts = {}
        for field in TEXT_FIELDS:
            if field == "tidplan":
                texts[field] = model.tidplan
            else:
                length = _jitter(rng, rng.choice(lengths[field]))
                if field in ("rubrik", "uppdrag"):
                    length = max(length, 8)
                texts[field] = _sentence(rng, words, length)
        cuttable = ("uppdrag", "forvantat_resultat", "ansvarig_namnd")
        cut_candidates = [name for name in cuttable if texts[name]]
        shape_model = rng.choice(real)  # how many places, committees, themes, notes, cut columns
        truncated = cut_candidates[: len(shape_model.truncated)]
        committees = _distinct(
            rng, committee_ids, [1.0] * len(committee_ids), len(shape_model.committees)
        )
        records.append(
            {
                "id": f"initiativ-{index + 1:05d}",
                "source": {"page": index // 100 % 50 + 1, "row": index % 100 + 1},
                **texts,
                "truncated": truncated,
                "places": _distinct(rng, place_ids, place_weights, len(shape_model.places)),
                "committees": [
                    {"id": cid, "role": "lead" if n == 0 else "collaborator"}
                    for n, cid in enumerate(committees)
                ],
                "themes": _distinct(
                    rng, theme_ids, [1.0] * len(theme_ids), len(shape_model.themes)
                ),
                "timeline": model.timeline.model_dump(mode="json"),
                "notes": [
                    _sentence(rng, words, _jitter(rng, rng.choice(note_lengths)))
                    for _ in shape_model.notes
                ],
            }
        )
    return records


def generate_data_folder(
    target: Path,
    n_initiatives: int,
    *,
    n_places: int = 100,
    seed: int = 0,
    source_dir: Path = paths.GEODATA_DIR,
) -> Path:
    """Write a complete data folder with a generated plan.

    Parameters
    ----------
    target : Path
        The folder to write (created if missing; its data files are overwritten).
    n_initiatives : int
        How many initiatives the plan has.
    n_places : int
        How many places places.geojson has (the real ones first).
    seed : int
        Seed of the random generator; the same arguments give the same files.
    source_dir : Path
        The real data folder the shapes, words and registries are taken from.

    Returns
    -------
    Path
        `target`, ready for ``load_plan_data`` and ``python -m soderort validate``.
    """
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    data = load_plan_data(source_dir)
    places = generate_places(source_dir, n_places, rng)
    place_ids = [feature["properties"]["id"] for feature in places]
    initiatives = generate_initiatives(data, place_ids, n_initiatives, rng)

    for name in (*CONTEXT_FILES, paths.COMMITTEES_FILE.name, paths.THEMES_FILE.name):
        if (source_dir / name).is_file():
            shutil.copyfile(source_dir / name, target / name)
    collection = {"type": "FeatureCollection", "features": places}
    (target / paths.PLACES_FILE.name).write_text(
        json.dumps(collection, ensure_ascii=False), encoding="utf-8"
    )
    document = data.document.model_dump(mode="json")
    document["editorial_notes"] = [
        f"Genererad plan för prestandamätning: {n_initiatives} initiativ, "
        f"{n_places} platser, frö {seed}. Texterna är slumpade ord ur den riktiga planen."
    ]
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text = yaml.dump(
        {"document": document, "initiatives": initiatives},
        Dumper=dumper,
        allow_unicode=True,
        sort_keys=False,
        width=100,
    )
    (target / paths.ACTION_PLAN_FILE.name).write_text(text, encoding="utf-8")
    return target
