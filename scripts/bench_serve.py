"""`make bench`, section serve: from saving a module page to the reloaded page under `make serve`.

A copy of the project (docs, templates, scripts, mkdocs.yml) runs `mkdocs serve --strict`
as `make serve` does, on a free loopback port. Each run appends a new sentence to
the module page `modules/banli/index.md` and times the interval from the moment the
file is written until the served page contains the sentence (the server answers a
page request only once the rebuild is finished, as the browser's live reload waits
for it). The report gives the median and the slowest run.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE_SRC = "modules/banli/index.md"
PAGE_URL = "modules/banli/"
#: The first build of a fresh `mkdocs serve` (jieba's dictionary, every plug-in) may take this long.
START_TIMEOUT = 180
RELOAD_TIMEOUT = 60


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=RELOAD_TIMEOUT) as response:
            return response.read().decode("utf-8")
    except (OSError, urllib.error.URLError):
        return None


def _wait_for(url: str, text: str, timeout: float, server: subprocess.Popen) -> float:
    """Seconds until the page at `url` contains `text` (polled every 20 ms)."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        body = _fetch(url)
        if body is not None and text in body:
            return time.perf_counter() - start
        if server.poll() is not None:
            raise RuntimeError(f"mkdocs serve 已退出（返回码 {server.returncode}）")
        time.sleep(0.02)
    raise RuntimeError(f"{timeout:.0f} 秒内 {url} 没有出现新内容")


def reload_seconds(runs: int = 3) -> list[float]:
    """Save-to-served seconds of `runs` edits of the module page under `mkdocs serve --strict`."""
    from tests.support.project import copy_project
    from tests.support.servers import free_port

    with tempfile.TemporaryDirectory(prefix="xinfang-bench-serve-") as tmp:
        project = copy_project(Path(tmp) / "project")
        port = free_port()
        url = f"http://127.0.0.1:{port}/{PAGE_URL}"
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        env.pop("SITE_URL", None)
        log = open(Path(tmp) / "serve.log", "wb")
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}"],
                                  cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            page = project / "docs" / PAGE_SRC
            original = page.read_text(encoding="utf-8")
            _wait_for(url, "信访事项的办理", START_TIMEOUT, server)
            times = []
            for run in range(runs):
                marker = f"保存后重新载入测量第{run + 1}次{time.time_ns()}。"
                page.write_text(original + f"\n\n{marker}\n", encoding="utf-8")
                times.append(_wait_for(url, marker, RELOAD_TIMEOUT, server))
                print(f"serve 第{run + 1}次：{times[-1]:.2f} 秒", file=sys.stderr)
            return times
        except RuntimeError as exc:
            log.close()
            tail = (Path(tmp) / "serve.log").read_text(encoding="utf-8", errors="replace")[-2000:]
            raise RuntimeError(f"{exc}\n{tail}") from None
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
            log.close()


def report(runs: int = 3) -> list[str]:
    try:
        times = reload_seconds(runs)
    except RuntimeError as exc:
        return [f"serve reload：测量失败：{exc}"]
    return [f"serve reload (save {PAGE_SRC} -> page served with the new text), {runs} edits: "
            f"median {statistics.median(times):.2f} s, max {max(times):.2f} s (target 3 s)"]


if __name__ == "__main__":
    print("\n".join(report()))
