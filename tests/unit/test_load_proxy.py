"""The load test's nginx is the README's: the same sticky upstream and WebSocket settings.

The figures in docs/reliability.md for several replicas are only worth something if they were
measured behind the proxy the README tells operators to run.
"""

from __future__ import annotations

import re
from pathlib import Path

from benchmarks import proxy
from soderort import paths

README = (paths.PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def normalised(text: str) -> set[str]:
    """The configuration's statements, one per line, without comments and extra spaces."""
    lines = (re.sub(r"#.*", "", line) for line in text.splitlines())
    return {re.sub(r"\s+", " ", line).strip() for line in lines} - {""}


def test_the_proxy_uses_the_readmes_cookie_affinity_and_websocket_settings(tmp_path: Path):
    config = normalised(proxy.config(["http://127.0.0.1:1", "http://127.0.0.1:2"], 3, tmp_path))
    for statement in (
        "map $cookie_soderort_node $soderort_node {",
        '"" $request_id;',
        "default $cookie_soderort_node;",
        "hash $soderort_node consistent;",
        "proxy_http_version 1.1;",
        "proxy_set_header Upgrade $http_upgrade;",
        "proxy_set_header Connection $connection_upgrade;",
        "proxy_read_timeout 1d;",
        "proxy_buffering off;",
    ):
        assert statement in normalised(README), statement
        assert statement in config, statement
    assert {"server 127.0.0.1:1;", "server 127.0.0.1:2;", "listen 127.0.0.1:3;"} <= config
