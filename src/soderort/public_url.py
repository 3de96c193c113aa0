"""The dashboard's published address, where files and feeds made by the app link back to it."""

from __future__ import annotations

import os
from urllib.parse import urlsplit

# The address where the dashboard is published, e.g. "https://soderort.example.se". The
# standalone HTML map's popups link to its place pages there, and the open data's feed and
# Link headers name it; without it the HTML map has no links (the file has no server) and the
# open data names the address its reader used.
PUBLIC_URL_ENV = "SODERORT_PUBLIC_URL"


def public_site_url() -> str | None:
    """Return the published address (`PUBLIC_URL_ENV`) without a trailing slash, or None.

    An address that is not http(s) with a host is ignored: a link must lead somewhere.
    """
    base = os.environ.get(PUBLIC_URL_ENV, "").strip().rstrip("/")
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return base
