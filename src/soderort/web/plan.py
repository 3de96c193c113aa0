"""The plan for the app's own routes: the published plan (`soderort.published`) and its version."""

from __future__ import annotations

from soderort import paths, published
from soderort.errors import DataError
from soderort.loading import PlanData
from soderort.web.versioning import DataVersion, data_version


def current_plan() -> tuple[PlanData, DataVersion]:
    """Return the plan the app serves and the version of the files it was read from.

    The same plan the dashboard shows: a broken newer version leaves the last good one serving.

    Raises
    ------
    soderort.errors.DataError
        When no version of the data folder was ever good (the refusal's problems).
    """
    data_dir = paths.app_data_dir()
    publication = published.current(data_dir)
    if publication.data is None:
        refused = publication.refused
        assert refused is not None  # no plan is always a refusal (soderort.published)
        raise DataError(list(refused.problems))
    return publication.data, data_version(data_dir, publication.fingerprint)
