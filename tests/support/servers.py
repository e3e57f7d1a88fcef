"""Real servers on loopback for the tests."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from scripts.publish.nginx import loopback_server_config

NGINX = Path("/usr/sbin/nginx")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Nginx:
    """nginx in the foreground, serving `root` under `subpath` on 127.0.0.1:`port`."""

    def __init__(self, root: Path, prefix: Path, port: int, subpath: str = "/xinfang/"):
        self.port = port
        self.subpath = subpath
        self.prefix = prefix
        prefix.mkdir(parents=True, exist_ok=True)
        self.conf = prefix / "nginx.conf"
        self.conf.write_text(loopback_server_config(prefix=prefix, port=port, subpath=subpath, root=root), encoding="utf-8")
        self.proc: subprocess.Popen | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.subpath}"

    def start(self) -> "Nginx":
        check = subprocess.run([str(NGINX), "-t", "-c", str(self.conf), "-p", str(self.prefix)], capture_output=True, text=True)
        if check.returncode:
            raise RuntimeError(f"nginx 配置无效：{check.stderr}")
        self.proc = subprocess.Popen([str(NGINX), "-c", str(self.conf), "-p", str(self.prefix)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.base_url, timeout=1)
                return self
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError(f"nginx 没有启动：{self.proc.stderr.read().decode()}")
                time.sleep(0.1)
        raise RuntimeError("nginx 10秒内没有响应")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
