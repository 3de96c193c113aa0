"""The load test's nginx is the README's: the same sticky upstream and WebSocket settings.

The figures in docs/reliability.md for several replicas are only worth something if they were
measured behind the proxy the README tells operators to run.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
import urllib.request
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


def compression_statements(text: str) -> list[str]:
    """The gzip and brotli statements of a configuration, in order."""
    return [line for line in normalised_lines(text) if re.match(r"(gzip|brotli)(_[a-z_]+)? ", line)]


def normalised_lines(text: str) -> list[str]:
    """The configuration's statements in order, without comments and extra spaces."""
    lines = (re.sub(r"\s+", " ", re.sub(r"#.*", "", line)).strip() for line in text.splitlines())
    return [line for line in lines if line]


def test_the_proxy_compresses_exactly_as_the_readme_says(tmp_path: Path):
    readme_block = re.search(r"```nginx\n(.*?)```", README, re.DOTALL)
    assert readme_block, "the README's nginx recipe"
    ours = compression_statements(readme_block.group(1))
    theirs = compression_statements(proxy.config(["http://127.0.0.1:1"], 3, tmp_path))
    assert ours == theirs
    # What a phone's first visit needs compressed: scripts, styles, JSON and GeoJSON, SVG.
    for directive in ("gzip_types", "brotli_types"):
        (types,) = [line for line in ours if line.startswith(directive + " ")]
        for kind in ("application/javascript", "text/css", "application/json", "image/svg+xml"):
            assert kind in types.split(), (directive, kind)
    assert "gzip_proxied any;" in ours
    assert "gzip_vary on;" in ours


def test_the_relay_passes_bytes_on_unchanged_and_counts_them(tmp_path: Path):
    body = bytes(range(256)) * 400
    (tmp_path / "file.bin").write_bytes(body)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            upstream = f"http://127.0.0.1:{server.server_address[1]}"
            with proxy.counting_relay(upstream) as (url, counted):
                with urllib.request.urlopen(f"{url}/file.bin", timeout=10) as answer:
                    assert answer.read() == body
                request_size = counted.up
                assert len(body) < counted.down < len(body) + 1_000  # the body and its headers
                assert 0 < request_size < 1_000
                counted.reset()
                assert (counted.down, counted.up) == (0, 0)
        finally:
            server.shutdown()


def test_the_proxy_serves_the_open_data_as_the_readme_says(tmp_path: Path):
    readme_block = re.search(r"```nginx\n(.*?)```", README, re.DOTALL)
    assert readme_block, "the README's nginx recipe"
    readme = normalised_lines(readme_block.group(1))
    config = normalised_lines(proxy.config(["http://127.0.0.1:1"], 3, tmp_path))
    location = normalised_lines(proxy.OPEN_DATA)
    start = readme.index("location /data/ {")
    assert readme[start : start + len(location)] == location
    start = config.index("location /data/ {")
    assert config[start : start + len(location)] == location
    # The rate limit's zone is the README's; the cache lives in the proxy's own folder.
    zone = "limit_req_zone $binary_remote_addr zone=soderort_limit:10m rate=10r/s;"
    assert zone in readme
    assert zone in config
    assert any(line.startswith("proxy_cache_path ") for line in readme)
