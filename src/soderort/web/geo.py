"""The initiatives and places as map data: GeoJSON, KML and GeoPackage.

An initiative on several places is one feature per place it names, with that place's geometry
(as the map counts it). GeoJSON keeps the records whole (`soderort.web.records`); KML and
GeoPackage, whose fields are flat, carry the Table page's texts. The files are written by
libraries, never assembled as text: `json` for GeoJSON, GDAL (through geopandas and pyogrio) for
KML and GeoPackage, which escapes every name and value for XML or SQLite itself.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import geopandas as gpd
from shapely.geometry import mapping

from soderort import inert
from soderort.exports import cell_text, header, places_text, themes_text
from soderort.facts import committee_line, count_by_place
from soderort.followup import latest_plain, today_status
from soderort.i18n import follow_up_label, status_label
from soderort.loading import PlanData
from soderort.model import Initiative
from soderort.web.records import initiative_record, licence, place_record
from soderort.web.tables import json_bytes

# The layer's name in a GIS (KML folder, GeoPackage table).
LAYER_NAME = "soderort_2030_initiativ"
CRS = "EPSG:4326"


def _placed(data: PlanData, initiatives: Sequence[Initiative]) -> list[tuple[Initiative, str]]:
    # Each initiative once on each place it names that has a geometry.
    return [
        (item, place)
        for item in initiatives
        for place in dict.fromkeys(item.places)
        if place in data.places.index
    ]


def _place_fields(data: PlanData, place: str, language: str) -> dict[str, Any]:
    record = place_record(data, place, 0, language)
    return {
        "place_id": place,
        "place_name": record["name"],
        "geometry_licence": record["licence"],
        "geometry_approximate": record["approximate"],
    }


def initiatives_geojson(data: PlanData, initiatives: Sequence[Initiative], language: str) -> bytes:
    """Write one GeoJSON feature per initiative and place it names, with every field.

    Returns
    -------
    bytes
        A FeatureCollection (RFC 7946, WGS84) with ``licence`` and ``source`` beside the
        features; each feature's id is ``<initiative>@<place>`` and its properties the
        initiative's record, the place's id and name and its geometry's licence.
    """
    records = {item.id: initiative_record(data, item, language) for item in initiatives}
    features = [
        {
            "type": "Feature",
            "id": f"{item.id}@{place}",
            "geometry": mapping(data.places.geometry[place]),
            "properties": {**records[item.id], **_place_fields(data, place, language)},
        }
        for item, place in _placed(data, initiatives)
    ]
    return json_bytes(
        {"type": "FeatureCollection", **licence(data, language), "features": features}
    )


def places_geojson(data: PlanData, initiatives: Sequence[Initiative], language: str) -> bytes:
    """Write the places with how many of the initiatives name each and how each was drawn.

    Returns
    -------
    bytes
        A FeatureCollection of every place, in the plan's order, each with `place_record`'s
        fields (count, method, source, credit, licence, approximate, radius).
    """
    counts = count_by_place(data, initiatives)
    features = [
        {
            "type": "Feature",
            "id": place,
            "geometry": mapping(data.places.geometry[place]),
            "properties": place_record(data, place, counts.get(place, 0), language),
        }
        for place in data.place_order
        if place in data.places.index
    ]
    return json_bytes(
        {"type": "FeatureCollection", **licence(data, language), "features": features}
    )


def flat_frame(
    data: PlanData, initiatives: Sequence[Initiative], language: str
) -> gpd.GeoDataFrame:
    """Return the features as a flat table: one row per initiative and place, text fields only.

    The columns are ASCII (GIS tools and GDAL drivers differ on others); the values are the
    Table page's texts. ``Name`` and ``Description`` are what KML readers show.
    """
    about = licence(data, language)
    rows = []
    for item, place in _placed(data, initiatives):
        place_name = data.place_name(place, language)
        rows.append(
            {
                "Name": f"{item.rubrik} – {place_name}",
                "Description": _description(data, item, language),
                # Not "id": KML's placemarks have an id attribute of their own.
                "initiative_id": item.id,
                **{
                    field: cell_text(item, field, language)
                    for field in ("rubrik", "uppdrag", "uppdragsgivare", "forvantat_resultat")
                },
                "tidplan": cell_text(item, "tidplan", language),
                "ansvarig_namnd": cell_text(item, "ansvarig_namnd", language),
                "places": places_text(data, item, language),
                "committees": committee_line(data, item, language),
                "themes": themes_text(data, item, language),
                "status": status_label(item.timeline.status, language),
                "start": item.timeline.earliest_start,
                "target": item.timeline.target,
                "status_today": follow_up_label(today_status(data, item.id), language),
                "follow_up": latest_plain(data, item.id, language),
                **_place_fields(data, place, language),
                **about,
                "geometry": data.places.geometry[place],
            }
        )
    if not rows:
        return gpd.GeoDataFrame(
            {"Name": [], "Description": [], "initiative_id": []}, geometry=[], crs=CRS
        )
    frame = gpd.GeoDataFrame(rows, geometry="geometry", crs=CRS)
    for column in ("start", "target"):
        frame[column] = frame[column].astype("Int64")
    return frame


def _description(data: PlanData, item: Initiative, language: str) -> str:
    # Google Earth shows a KML description as HTML: every value is escaped as HTML text here,
    # then GDAL escapes the whole for XML.
    lines = [
        *(
            (header(field, language), cell_text(item, field, language))
            for field in ("uppdrag", "forvantat_resultat", "tidplan")
        ),
        (header("committees", language), committee_line(data, item, language)),
        (header("follow_up_status", language), latest_plain(data, item.id, language)),
        (header("id", language), item.id),
    ]
    return "<br>".join(f"<b>{inert.html(label)}</b>: {inert.html(value)}" for label, value in lines)


def initiatives_kml(data: PlanData, initiatives: Sequence[Initiative], language: str) -> bytes:
    """Write the features as KML (OGC KML 2.2), for Google Earth and QGIS."""
    buffer = io.BytesIO()
    flat_frame(data, initiatives, language).to_file(
        buffer, driver="KML", layer=LAYER_NAME, engine="pyogrio"
    )
    return buffer.getvalue()


def initiatives_gpkg(data: PlanData, initiatives: Sequence[Initiative], language: str) -> bytes:
    """Write the features as a GeoPackage (one layer), for QGIS and ArcGIS."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{LAYER_NAME}.gpkg"
        flat_frame(data, initiatives, language).to_file(
            path, driver="GPKG", layer=LAYER_NAME, engine="pyogrio"
        )
        return path.read_bytes()
