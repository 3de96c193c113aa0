"""The app's download route: `/download/<kind>?<the view's query>` answers with the file.

The page links here (`download_url`) instead of handing files to Streamlit's per-session media
store; any browser, tab or replica can fetch the same link, and the view in the query is read
as a shared link is (`soderort.viewstate.decode_query`: what cannot be used is left out).
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from soderort import published
from soderort.downloads import download_files
from soderort.i18n import t
from soderort.loading import PlanData
from soderort.viewstate import QP_LANGUAGE, ViewState, decode_query, encode_query

DOWNLOAD_PATH = "/download"


def download_url(base_path: str, kind: str, view: ViewState, data: PlanData) -> str:
    """Return the link to one file of a view (`base_path`: the app's URL prefix, or "")."""
    query = urlencode(encode_query(view, data))
    return f"{base_path}{DOWNLOAD_PATH}/{kind}" + (f"?{query}" if query else "")


def download(request: Request) -> Response:
    """Send the file the path names for the view the query describes, as an attachment."""
    params = {key: request.query_params.getlist(key) for key in request.query_params}
    language = "en" if params.get(QP_LANGUAGE, [""])[0] == "en" else "sv"
    kind = request.path_params["kind"]
    if kind not in download_files.KINDS:
        return PlainTextResponse(t("download.unknown", language), status_code=404)
    publication = published.current()
    if publication.data is None:
        return PlainTextResponse(t("download.no_plan", language), status_code=503)
    view, _dropped = decode_query(params, publication.data)
    made = download_files.make(kind, publication.data, publication.fingerprint, view)
    # RFC 6266: the ASCII name for old clients, the same name encoded for the others.
    name = made.file_name
    disposition = f"attachment; filename=\"{name}\"; filename*=UTF-8''{quote(name)}"
    return Response(
        made.content,
        media_type=made.mime,
        headers={"Content-Disposition": disposition, "Cache-Control": "private, no-store"},
    )
