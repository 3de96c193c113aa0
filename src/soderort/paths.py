"""Where the project's files live, resolved from this file and never from the working directory."""

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parents[1]
GEODATA_DIR = PROJECT_ROOT / "geodata"
STATIC_DIR = PROJECT_ROOT / "static"
VENDOR_DIR = STATIC_DIR / "vendor"
PAGES_DIR = PROJECT_ROOT / "pages"
# The Streamlit script that app.py serves (in a folder of its own: see its docstring).
DASHBOARD_SCRIPT = PROJECT_ROOT / "ui" / "dashboard" / "main.py"

ACTION_PLAN_FILE = GEODATA_DIR / "action_plan.yaml"
COMMITTEES_FILE = GEODATA_DIR / "committees.yaml"
THEMES_FILE = GEODATA_DIR / "themes.yaml"
PLACES_FILE = GEODATA_DIR / "places.geojson"
DISTRICTS_FILE = GEODATA_DIR / "stadsdelar.geojson"
AREAS_FILE = GEODATA_DIR / "stadsdelsomraden.geojson"
OUTLINE_FILE = GEODATA_DIR / "soderort.geojson"
POINTS_FILE = GEODATA_DIR / "points.geojson"
# Optional: what became of the initiatives since the plan; a folder without it has no follow-ups.
FOLLOW_UP_FILE = GEODATA_DIR / "follow_up.yaml"
GEODATA_SOURCES_FILE = GEODATA_DIR / "SOURCES.md"
# The files the plan is loaded from: a change to any of them is a new version of the data.
DATA_FILE_NAMES: tuple[str, ...] = tuple(
    path.name
    for path in (
        ACTION_PLAN_FILE,
        COMMITTEES_FILE,
        THEMES_FILE,
        PLACES_FILE,
        DISTRICTS_FILE,
        AREAS_FILE,
        OUTLINE_FILE,
        FOLLOW_UP_FILE,
    )
)

# The app reads its data from here; benchmarks and tests point it at generated or broken data.
DATA_DIR_ENV = "SODERORT_DATA_DIR"


def app_data_dir() -> Path:
    """Return the folder the app reads its data from: `DATA_DIR_ENV` if set, else geodata/."""
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    return Path(override).resolve() if override else GEODATA_DIR
