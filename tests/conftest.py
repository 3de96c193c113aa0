"""Fixtures shared by the unit, app and browser tests. Add new shared fixtures here."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from soderort import paths
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
