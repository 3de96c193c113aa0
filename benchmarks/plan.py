"""How much the bench measures (`Plan`), on which data, and the apps it compares."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
if str(PROJECT_ROOT) not in sys.path:  # app.py imports ui/ and pages/ from the project root
    sys.path.insert(0, str(PROJECT_ROOT))

from soderort import paths  # noqa: E402
from soderort.loading import PlanData  # noqa: E402

APP_FILE = PROJECT_ROOT / "app.py"
BARE_APP_FILE = PROJECT_ROOT / "benchmarks" / "bare_app.py"


def streamlit_script(app_file: Path) -> Path:
    """Return the Streamlit script `app_file` serves: an app.py's dashboard script, else itself.

    AppTest runs a script, not the server in app.py.
    """
    if app_file.name == APP_FILE.name:
        return app_file.parent / paths.DASHBOARD_SCRIPT.relative_to(PROJECT_ROOT)
    return app_file


BASE_ENV = {"SODERORT_TILES_URL": "none"}
FULL_SIZES = (1_000, 10_000)
QUICK_SIZES = (200,)
N_PLACES = 100
SEED = 2030
# The text search is timed from empty to this word (in the browser, then back to empty).
SEARCH_WORD = "hogdalen"


@dataclass(frozen=True)
class Plan:
    """How much the bench measures."""

    sizes: tuple[int, ...]
    repeats: int
    cold_repeats: int
    browser: bool
    browser_repeats: int
    sessions: int
    servers: int
    phone_repeats: int = 1
    # Only the chromium open and filter-change rows and the phone profile (no AppTest, no memory).
    browser_only: bool = False
    # The app under test: app.py, or a candidate change laid out like the project (its own
    # app.py and pages/, importing src/ and ui/ from the project).
    app_file: Path = APP_FILE
    # The wire: the phone profile behind the README's nginx, and the WebSocket's compression
    # off and on; `phone_only` leaves out every other row.
    proxy: bool = False
    websocket_compression: bool = False
    phone_only: bool = False


FULL = Plan(
    sizes=FULL_SIZES,
    repeats=7,
    cold_repeats=3,
    browser=True,
    browser_repeats=5,
    # Six memory samples and five phone opens a row: with four and three, the verdicts of the
    # rows near their targets changed from run to run (docs/performance.md, "Round two: the
    # rows still over").
    sessions=4,
    servers=2,
    phone_repeats=5,
)
QUICK = Plan(
    sizes=QUICK_SIZES,
    repeats=2,
    cold_repeats=1,
    browser=True,
    browser_repeats=1,
    sessions=2,
    servers=1,
)


def log(message: str) -> None:
    """Print a timestamped progress line to stderr (the table goes to stdout)."""
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def prepare_data(sizes: Sequence[int], workdir: Path, seed: int = SEED) -> dict[str, Path]:
    """Return data folders by label: the real data, then a generated plan per size."""
    from benchmarks.synthetic import generate_data_folder

    folders = {"real": paths.GEODATA_DIR}
    for size in sizes:
        target = workdir / f"plan-{size}"
        generate_data_folder(target, size, n_places=N_PLACES, seed=seed)
        folders[f"{size:,}"] = target
    return folders


def expected_paths(data: PlanData) -> int:
    """SVG paths of a drawn map: one per outline, stadsdel and place feature."""
    return len(data.outline) + len(data.districts) + len(data.places)


@contextlib.contextmanager
def environment(values: dict[str, str]) -> Iterator[None]:
    """Set environment variables for the block (AppTest reads them in this process)."""
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def data_env(data_dir: Path) -> dict[str, str]:
    """Return the environment that points an app at a data folder."""
    return {**BASE_ENV, paths.DATA_DIR_ENV: str(data_dir)}
