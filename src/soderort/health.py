"""The health route: what the app serves and what it refused, as JSON for monitoring."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse

from soderort import published

HEALTH_PATH = "/healthz"


def healthz(request: Request) -> JSONResponse:
    """Answer with `soderort.published.health`: 200 while a plan is served, 503 when none is.

    A monitor alerts on `"status"` other than `"ok"`: `"degraded"` means the last good plan
    serves because a newer version was refused (`refused` says why and since when).
    """
    report = published.health()
    code = 503 if report["status"] == "error" else 200
    return JSONResponse(report, status_code=code, headers={"Cache-Control": "no-store"})
