"""The files a page offers follow the data folder the app reads, also after it is edited.

The exports used to be cached on geodata/'s modification times: with SODERORT_DATA_DIR set, an
edited data file left the report, the place sheet and the HTML map as they were.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import geopandas as gpd
import pytest
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from soderort import paths
from tests import asgi
from tests.app.conftest import link_buttons

APP_FILE = paths.DASHBOARD_SCRIPT
OLD_HEADING = "Miljöteknik Högdalen"
NEW_HEADING = "Miljöteknikcentrum Högdalen"


pytestmark = pytest.mark.usefixtures("st_folium")


def offered_files(downloads: dict[str, object], page: str, **query: str) -> dict[str, str]:
    """Open a page in a fresh session and get every file it offers; their text by suffix."""
    downloads.clear()
    at = AppTest.from_file(str(APP_FILE), default_timeout=90)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(str(paths.PROJECT_ROOT / page))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    made = {name: make() for name, make in downloads.items()}
    # The PDFs are links to the app's download route: followed as a browser does.
    for _label, link in link_buttons(at).values():
        answer = asgi.get(link)
        assert answer.status == 200, link
        made[answer.headers["content-disposition"].split('"')[1]] = answer.body
    files = {}
    for name, data in made.items():
        if name.endswith(".pdf"):
            text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
        elif name.endswith(".gpkg"):
            # Read as a GIS user's tool reads it: its features' headings.
            text = " ".join(gpd.read_file(io.BytesIO(data))["rubrik"])
        else:
            text = data.decode("utf-8")
        files[name.split("-")[2] + name.rsplit(".", 1)[1]] = " ".join(text.split())
    return files


def rename_initiative(folder: Path) -> None:
    plan = folder / paths.ACTION_PLAN_FILE.name
    text = plan.read_text(encoding="utf-8")
    assert f"rubrik: {OLD_HEADING}\n" in text
    plan.write_text(text.replace(f"rubrik: {OLD_HEADING}\n", f"rubrik: {NEW_HEADING}\n"))
    # Another modification time, even on a file system with coarse timestamps, and one that is
    # not recent: a file changed in the last seconds may still be being written (ui.data).
    stamp = plan.stat().st_mtime_ns - 10_000_000_000
    os.utime(plan, ns=(stamp, stamp))


def test_export_page_files_follow_an_edited_data_folder(app_data_dir, downloads) -> None:
    before = offered_files(downloads, "pages/export.py", area="hogdalen")
    assert set(before) == {
        "rapportpdf",
        "hogdalenpdf",
        "oversiktpdf",
        "kartahtml",
        "initiativgeojson",
        "initiativkml",
        "initiativgpkg",
    }
    assert OLD_HEADING in before["rapportpdf"] and OLD_HEADING in before["hogdalenpdf"]
    assert "Milj\\u00f6teknik H\\u00f6gdalen" in before["kartahtml"]
    for gis in ("initiativgeojson", "initiativkml", "initiativgpkg"):
        assert OLD_HEADING in before[gis], gis

    rename_initiative(app_data_dir)
    after = offered_files(downloads, "pages/export.py", area="hogdalen")
    assert NEW_HEADING in after["rapportpdf"] and OLD_HEADING not in after["rapportpdf"]
    assert NEW_HEADING in after["hogdalenpdf"]
    assert "Milj\\u00f6teknikcentrum H\\u00f6gdalen" in after["kartahtml"]
    for gis in ("initiativgeojson", "initiativkml", "initiativgpkg"):
        assert NEW_HEADING in after[gis] and OLD_HEADING not in after[gis], gis


def test_place_page_sheet_follows_an_edited_data_folder(app_data_dir, downloads) -> None:
    before = offered_files(downloads, "pages/place.py", place="hogdalen")
    assert OLD_HEADING in before["hogdalenpdf"]
    rename_initiative(app_data_dir)
    after = offered_files(downloads, "pages/place.py", place="hogdalen")
    assert NEW_HEADING in after["hogdalenpdf"]
