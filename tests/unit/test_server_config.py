"""The server's settings in .streamlit/config.toml: the hardening a deployment relies on.

Each value is checked where a user would notice its loss: without XSRF protection another site
could post to the app, without CORS protection any site could open its WebSocket, with error
details a visitor would read tracebacks and paths. Every key must also be an option this
Streamlit knows, so that a misspelt key (silently ignored by Streamlit) fails here.
"""

from __future__ import annotations

import tomllib
from typing import Any

import pytest
from streamlit import config as streamlit_config

from soderort import paths

CONFIG_FILE = paths.PROJECT_ROOT / ".streamlit" / "config.toml"


@pytest.fixture(scope="module")
def settings() -> dict[str, Any]:
    with CONFIG_FILE.open("rb") as handle:
        parsed = tomllib.load(handle)
    return {
        f"{section}.{key}": value
        for section, values in parsed.items()
        for key, value in values.items()
    }


def test_every_key_is_a_streamlit_option(settings) -> None:
    known = set(streamlit_config._config_options_template)
    assert set(settings) <= known, sorted(set(settings) - known)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        # Cross-site request forgery: uploads and other posts need the session's token.
        ("server.enableXsrfProtection", True),
        # True means CORS *protection* is on: no "Access-Control-Allow-Origin: *", and the
        # WebSocket refuses pages from other origins (see README, "Running in production").
        ("server.enableCORS", True),
        # A visitor sees a generic message; the traceback goes to the server's log.
        ("client.showErrorDetails", "none"),
        # No telemetry leaves the server.
        ("browser.gatherUsageStats", False),
        # A server has no browser to open and must not wait for an e-mail prompt.
        ("server.headless", True),
        # Code is never re-run because a file changed under a running server.
        ("server.runOnSave", False),
    ],
)
def test_hardening_setting(settings, key, value) -> None:
    assert settings.get(key) == value


def test_uploads_are_capped_small(settings) -> None:
    # The app takes no uploads; the cap bounds what a hostile client can make the server hold.
    default = streamlit_config._config_options_template["server.maxUploadSize"].default_val
    assert isinstance(settings.get("server.maxUploadSize"), int)
    assert 1 <= settings["server.maxUploadSize"] <= 10 < default


def test_the_developer_menu_is_hidden(settings) -> None:
    # "minimal" hides rerun, clear cache and deploy from visitors, whatever their address.
    assert settings.get("client.toolbarMode") in ("minimal", "viewer")


def test_nothing_in_the_file_weakens_the_defaults(settings) -> None:
    # Options that would open the app up if someone added them here "to make it work".
    assert settings.get("server.corsAllowedOrigins", []) == []
    assert settings.get("server.enableAgentApi", False) is False
    assert settings.get("server.allowedHosts", []) != ["*"]
    assert "server.cookieSecret" not in settings  # a secret belongs in the environment
