"""Where the project's files live, resolved from this file and never from the working directory."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parents[1]
GEODATA_DIR = PROJECT_ROOT / "geodata"
STATIC_DIR = PROJECT_ROOT / "static"
VENDOR_DIR = STATIC_DIR / "vendor"

ACTION_PLAN_FILE = GEODATA_DIR / "action_plan.yaml"
COMMITTEES_FILE = GEODATA_DIR / "committees.yaml"
THEMES_FILE = GEODATA_DIR / "themes.yaml"
PLACES_FILE = GEODATA_DIR / "places.geojson"
DISTRICTS_FILE = GEODATA_DIR / "stadsdelar.geojson"
AREAS_FILE = GEODATA_DIR / "stadsdelsomraden.geojson"
OUTLINE_FILE = GEODATA_DIR / "soderort.geojson"
POINTS_FILE = GEODATA_DIR / "points.geojson"
GEODATA_SOURCES_FILE = GEODATA_DIR / "SOURCES.md"

DEFAULT_SOURCES_DIR = PROJECT_ROOT.parent / "shared" / "geodata-sources"
