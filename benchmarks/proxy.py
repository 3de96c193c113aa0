"""nginx in front of several app replicas, configured as the README's "Running in production".

The upstream uses the README's cookie affinity (``hash $soderort_node consistent``): a client
without the cookie gets a random key, so sessions spread over the replicas, and every later
request of that client reaches the same one. Responses are compressed with the README's gzip
and brotli settings (``COMPRESSION``; ``tests/unit/test_load_proxy.py`` checks that the README
has the same lines). Loopback only, plain HTTP (TLS is not what is measured), in a temporary
folder that is removed afterwards.

`counting_relay` is a plain TCP relay that counts the bytes on the wire, for the benchmark's
WebSocket compression rows.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

from benchmarks.launch import free_port

NGINX = Path("/usr/sbin/nginx")
# Debian's brotli filter (package libnginx-mod-http-brotli-filter). Debian's own nginx.conf loads
# it from modules-enabled/; this configuration is standalone, so it loads the module itself.
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so")
INSTALL = "apt-get install -y nginx libnginx-mod-http-brotli-filter (or bash scripts/setup --dev)"
START_TIMEOUT_S = 20

# The README's compression lines, word for word (inside its `server` block). Streamlit sends its
# front end (about 2.4 MB of scripts, the page and its styles) uncompressed, and compresses only
# its own small responses; nginx passes those on as they are (it never compresses twice).
COMPRESSION_TYPES = (
    "text/css application/javascript text/javascript application/json application/geo+json "
    "application/vnd.google-earth.kml+xml application/atom+xml image/svg+xml text/csv text/plain"
)
COMPRESSION = f"""
gzip on;
gzip_proxied any;
gzip_vary on;
gzip_comp_level 5;
gzip_min_length 1024;
gzip_types {COMPRESSION_TYPES};
brotli on;
brotli_comp_level 5;
brotli_min_length 1024;
brotli_types {COMPRESSION_TYPES};
"""

CONFIG = """
load_module {brotli};
worker_processes 1;
{user}
error_log {folder}/error.log warn;
pid {folder}/nginx.pid;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;

    map $http_upgrade $connection_upgrade {{
        default upgrade;
        ''      close;
    }}
    limit_req_zone $binary_remote_addr zone=soderort_limit:10m rate=10r/s;
    proxy_cache_path {folder}/cache levels=1:2 keys_zone=soderort_cache:10m max_size=100m
                     inactive=1h use_temp_path=off;
    map $cookie_soderort_node $soderort_node {{
        ""      $request_id;
        default $cookie_soderort_node;
    }}
    upstream soderort {{
        hash $soderort_node consistent;
{servers}
    }}
    server {{
        listen 127.0.0.1:{port};
{compression}
{open_data}
        location / {{
            proxy_pass http://soderort;
            proxy_http_version 1.1;
            # With the port: the app compares a WebSocket's Origin with it.
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 1d;
            proxy_buffering off;
            add_header Set-Cookie
                "soderort_node=$soderort_node; Path=/; HttpOnly; SameSite=Lax" always;
        }}
    }}
}}
"""


# The README's location for the open data, word for word (inside its `server` block).
OPEN_DATA = """
location /data/ {
    limit_req zone=soderort_limit burst=20 nodelay;
    limit_req_status 429;
    proxy_pass http://soderort;
    proxy_http_version 1.1;
    proxy_set_header Host $http_host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;
    proxy_cache soderort_cache;
    proxy_cache_key $scheme$http_host$request_uri;
    proxy_cache_revalidate on;
    proxy_cache_lock on;
    proxy_cache_use_stale error timeout updating;
    add_header X-Cache-Status $upstream_cache_status always;
}
"""


def config(upstreams: list[str], port: int, folder: Path) -> str:
    """Return nginx's configuration for the given replica URLs (``http://127.0.0.1:PORT``)."""
    servers = "\n".join(f"        server {url.removeprefix('http://')};" for url in upstreams)
    user = "user root;" if os.geteuid() == 0 else ""
    compression = "\n".join(f"        {line}" for line in COMPRESSION.strip().splitlines())
    open_data = "\n".join(f"        {line}" for line in OPEN_DATA.strip().splitlines())
    return CONFIG.format(
        brotli=BROTLI_MODULE,
        user=user,
        folder=folder,
        servers=servers,
        port=port,
        compression=compression,
        open_data=open_data,
    )


def missing() -> str | None:
    """Return what this machine lacks to run the proxy (nginx, its brotli module), or None."""
    lacking = [str(path) for path in (NGINX, BROTLI_MODULE) if not path.exists()]
    if not lacking:
        return None
    return f"{' and '.join(lacking)} missing: {INSTALL}"


@contextlib.contextmanager
def nginx(upstreams: list[str]) -> Iterator[str]:
    """Run nginx in front of `upstreams` on a free loopback port; yield its URL."""
    lacking = missing()
    if lacking:
        raise RuntimeError(lacking)
    folder = Path(tempfile.mkdtemp(prefix="soderort-nginx-"))
    port = free_port()
    (folder / "nginx.conf").write_text(config(upstreams, port, folder), encoding="utf-8")
    command = [str(NGINX), "-p", str(folder), "-c", str(folder / "nginx.conf"), "-g", "daemon off;"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            with (
                contextlib.suppress(OSError),
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer,
            ):
                if answer.status == 200:
                    break
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"nginx did not start; see {folder}/error.log")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(folder, ignore_errors=True)


class WireBytes:
    """Bytes a relay has passed each way: to the browser (`down`) and to the server (`up`)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.down = 0
        self.up = 0

    def add(self, *, down: int = 0, up: int = 0) -> None:
        """Count bytes passed on."""
        with self._lock:
            self.down += down
            self.up += up

    def reset(self) -> None:
        """Start counting from zero."""
        with self._lock:
            self.down = self.up = 0


def _pump(source: socket.socket, target: socket.socket, count: Callable[[int], None]) -> None:
    """Copy one direction of a connection until it closes, counting what passes."""
    with contextlib.suppress(OSError):
        while chunk := source.recv(65536):
            count(len(chunk))
            target.sendall(chunk)
    with contextlib.suppress(OSError):
        target.shutdown(socket.SHUT_WR)


@contextlib.contextmanager
def counting_relay(upstream: str) -> Iterator[tuple[str, WireBytes]]:
    """Relay TCP from a free loopback port to `upstream` (``http://HOST:PORT``), counting bytes.

    Yields the relay's URL and the counts. The bytes are those on the wire, HTTP and WebSocket
    alike, as compressed: the DevTools protocol reports WebSocket frames only after the browser
    has inflated them.
    """
    host, port = upstream.removeprefix("http://").rsplit(":", 1)
    counted = WireBytes()
    listener = socket.create_server(("127.0.0.1", 0))
    connections: list[socket.socket] = []

    def serve() -> None:
        with contextlib.suppress(OSError):
            while True:
                browser_side, _ = listener.accept()
                server_side = socket.create_connection((host, int(port)))
                connections.extend((browser_side, server_side))
                for source, target, count in (
                    (server_side, browser_side, lambda n: counted.add(down=n)),
                    (browser_side, server_side, lambda n: counted.add(up=n)),
                ):
                    threading.Thread(
                        target=_pump, args=(source, target, count), daemon=True
                    ).start()

    threading.Thread(target=serve, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}", counted
    finally:
        listener.close()
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.close()
