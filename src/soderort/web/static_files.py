"""The app's own static files (static/), which a browser may keep for a while without asking.

Without a Cache-Control header a browser guesses how long a file stays fresh from its age, and
asks again (a round trip each, 150 ms on a phone's network) for files checked out recently. The
vendored files change once in years (their manifest is checked at start); the light map's own
style is linked with its content's hash, so a new version is a new address.
"""

from __future__ import annotations

import os

from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

# An hour: a changed vendored file (after an upgrade) reaches every browser within it.
CACHE_CONTROL = "public, max-age=3600"


class AppStaticFiles(StaticFiles):
    """Starlette's static files, with `CACHE_CONTROL` on every answer."""

    def file_response(
        self,
        full_path: str | os.PathLike[str],
        stat_result: os.stat_result,
        scope: Scope,
        status_code: int = 200,
    ) -> Response:
        """Answer with the file (or 304), and say how long it may be kept."""
        response = super().file_response(full_path, stat_result, scope, status_code)
        response.headers["Cache-Control"] = CACHE_CONTROL
        return response
