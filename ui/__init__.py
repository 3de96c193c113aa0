"""The Streamlit side of the dashboard: cached loaders, the sidebar and small helpers for pages."""

from __future__ import annotations

import streamlit as st


def app_path(page: str = "") -> str:
    """The URL path of one of the app's pages, under ``server.baseUrlPath`` when one is set.

    Links written into HTML (the map's popups) are resolved by the browser, not by Streamlit's
    router: a root-relative "/omrade" would leave an app served under a prefix (behind a proxy).
    """
    prefix = str(st.get_option("server.baseUrlPath") or "").strip("/")
    return "/" + "/".join(part for part in (prefix, page.strip("/")) if part)
