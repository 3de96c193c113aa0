"""Fixtures shared by the unit, app and browser tests. Add new shared fixtures here."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from soderort import datafiles, paths
from soderort.loading import PlanData, load_plan_data
from tests.hostile import HostileData, write_hostile_data


@pytest.fixture(scope="session")
def plan_data() -> PlanData:
    """The shipped data (geodata/), loaded and validated once per test run."""
    return load_plan_data()


@pytest.fixture(scope="session")
def action_plan_yaml() -> dict[str, Any]:
    """The shipped action_plan.yaml as plain YAML, for expectations computed independently of the
    model and the loaders."""
    return yaml.safe_load(paths.ACTION_PLAN_FILE.read_text(encoding="utf-8"))


# ------------------------------------------------------------------------------ follow-ups

RULES_FOLLOW_UP = Path(__file__).resolve().parent / "data" / "follow_up_rules.yaml"


@pytest.fixture(scope="session")
def follow_up_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of geodata/ whose follow-up file is the tests' own (tests/data/follow_up_rules.yaml):
    the tests of a follow-up rule or view hold whatever the shipped research says."""
    folder = tmp_path_factory.mktemp("follow_up_rules") / "geodata"
    shutil.copytree(paths.GEODATA_DIR, folder)
    shutil.copy(RULES_FOLLOW_UP, folder / paths.FOLLOW_UP_FILE.name)
    return folder


@pytest.fixture(scope="session")
def follow_up_plan(follow_up_folder: Path) -> PlanData:
    """The shipped plan with the tests' own follow-ups (`follow_up_folder`), loaded once."""
    return load_plan_data(follow_up_folder)


# ------------------------------------------------------------------------------ hostile text


@pytest.fixture(scope="session")
def hostile_data(tmp_path_factory: pytest.TempPathFactory) -> HostileData:
    """A data folder whose initiative and place texts hold script tags, HTML, a javascript:
    link, an attribute break-out, a 500-character word and a right-to-left override."""
    return write_hostile_data(tmp_path_factory.mktemp("hostile") / "geodata")


@pytest.fixture(scope="session")
def hostile_plan(hostile_data: HostileData) -> PlanData:
    """`hostile_data`, loaded (it is valid data: only its texts are hostile)."""
    return load_plan_data(hostile_data.folder)


# ------------------------------------------------------------------------------ data folders


@pytest.fixture
def app_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of geodata/ that the app reads (``SODERORT_DATA_DIR`` points at it)."""
    folder = tmp_path / "data"
    shutil.copytree(paths.GEODATA_DIR, folder)
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(folder))
    return folder


@pytest.fixture
def cost_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the YAML files whose text was read and scanned at all."""
    seen: list[str] = []
    original = datafiles.check_yaml_cost

    def counting(text: str, name: str, **kwargs):
        seen.append(name)
        return original(text, name, **kwargs)

    monkeypatch.setattr(datafiles, "check_yaml_cost", counting)
    return seen
