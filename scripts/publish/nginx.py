"""The nginx configuration shipped with the course, filled in for a host or for a test server.

The template `nginx-location.conf.template` is the one file an intranet host includes;
[`loopback_server_config`][scripts.publish.nginx.loopback_server_config] wraps the same file in a
complete nginx.conf that listens on loopback only, for the browser tests.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

TEMPLATE = Path(__file__).with_name("nginx-location.conf.template")
MIME_TYPES = Path("/etc/nginx/mime.types")


def normalise_subpath(subpath: str) -> str:
    """`xinfang` / `/xinfang` / `/xinfang/` -> `/xinfang/` (and `/` stays `/`)."""
    parts = [p for p in subpath.split("/") if p]
    return "/" + "/".join(parts) + ("/" if parts else "")


def render_location(subpath: str, root: Path | str) -> str:
    """The location blocks for serving the site in `root` under `subpath`."""
    sub = normalise_subpath(subpath)
    text = TEMPLATE.read_text(encoding="utf-8")
    text = text.replace("@SUBPATH_NOSLASH@", sub.rstrip("/") or "/").replace("@SUBPATH@", sub)
    return text.replace("@ROOT@", str(root).rstrip("/"))


def loopback_server_config(*, prefix: Path, port: int, subpath: str, root: Path) -> str:
    """A complete nginx.conf for a foreground server on 127.0.0.1:`port` (files under `prefix`)."""
    prefix = Path(prefix)
    (prefix / "tmp").mkdir(parents=True, exist_ok=True)
    user = "user root;\n" if os.geteuid() == 0 else ""
    return f"""{user}worker_processes 1;
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 256; }}
http {{
    include {MIME_TYPES};
    default_type application/octet-stream;
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/tmp/body;
    proxy_temp_path {prefix}/tmp/proxy;
    fastcgi_temp_path {prefix}/tmp/fastcgi;
    uwsgi_temp_path {prefix}/tmp/uwsgi;
    scgi_temp_path {prefix}/tmp/scgi;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
{render_location(subpath, root)}
    }}
}}
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.publish.nginx", description="输出填好的 nginx 配置")
    parser.add_argument("--subpath", default="/xinfang/")
    parser.add_argument("--root", required=True)
    args = parser.parse_args(argv)
    print(render_location(args.subpath, args.root))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
