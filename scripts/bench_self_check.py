"""`make bench`, section 报告自查: how fast the page checks a report, and what it downloads.

A built site is served by nginx on 127.0.0.1 (the course's own configuration,
with its CSP, gzip and cache headers) and opened in Debian's Chromium:

- cold: a new browser profile (empty cache) opens the page and at once opens the
  sample report; the time until the findings are shown (the page loads Pyodide
  first), and until the checker is ready;
- later checks: the same page checks the sample report (.txt) and a .docx of it again;
- reopened: the page opened again in the same profile (files from the browser's cache);
- bytes: every response of the cold visit, as sent (gzip) and unpacked.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "fixtures" / "reports" / "sample-district-report-2025.txt"
PAGE = "reporting/self-check/"
SUBPATH = "/xinfang/"
SHOWN = "#sc-result:not([hidden]), #sc-error:not([hidden])"


def _docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    for line in SAMPLE.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    document.save(str(path))
    return path


def _check(page, path: Path) -> float:
    page.evaluate("document.getElementById('sc-result').hidden = true")
    start = time.perf_counter()
    page.set_input_files("#sc-file", str(path))
    page.wait_for_selector(SHOWN, timeout=60_000)
    return time.perf_counter() - start


def _cold_visit(browser, url: str, runs: int, docx_path: Path) -> dict:
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    requests = []
    page.on("requestfinished", lambda request: requests.append(request))
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.set_input_files("#sc-file", str(SAMPLE))
    page.wait_for_selector(SHOWN, timeout=60_000)
    first = time.perf_counter() - start
    page.wait_for_selector("#sc-progress[hidden]", state="attached")
    warm = [_check(page, p) for _ in range(runs) for p in (SAMPLE, docx_path)]
    sent = sum(r.sizes()["responseBodySize"] for r in requests)
    unpacked = 0
    pyodide_sent = 0
    for r in requests:
        response = r.response()
        body = response.body() if response else b""
        unpacked += len(body)
        if "/assets/vendor/pyodide/" in r.url or "/assets/self-check/" in r.url:
            pyodide_sent += r.sizes()["responseBodySize"]
    again_page = context.new_page()
    start = time.perf_counter()
    again_page.goto(url, wait_until="commit")
    again_page.set_input_files("#sc-file", str(SAMPLE))
    again_page.wait_for_selector(SHOWN, timeout=60_000)
    reopened = time.perf_counter() - start
    context.close()
    return {"first": first, "warm": warm, "reopened": reopened, "requests": len(requests),
            "sent": sent, "unpacked": unpacked, "pyodide_sent": pyodide_sent}


def report(site: Path, runs: int = 5, visits: int = 3) -> list[str]:
    """The section's lines for a site built into `site` (nginx and Chromium as the browser tests use them)."""
    from scripts import chromium
    from tests.support.servers import NGINX, Nginx, free_port

    if not NGINX.exists() or not Path(chromium.CHROMIUM).exists():
        return ["报告自查：跳过（需要 nginx 和 chromium：sudo apt-get install -y nginx chromium）"]
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="xinfang-bench-nginx-") as tmp:
        server = Nginx(site, Path(tmp), free_port(), SUBPATH).start()
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=chromium.CHROMIUM, args=chromium.CHROMIUM_ARGS)
                docx_path = _docx(Path(tmp) / "sample.docx")
                results = []
                for visit in range(visits):
                    results.append(_cold_visit(browser, server.base_url + PAGE, runs, docx_path))
                    print(f"报告自查第{visit + 1}次冷启动：{results[-1]['first']:.2f} 秒", file=sys.stderr)
                browser.close()
        finally:
            server.stop()
    first = [r["first"] for r in results]
    warm = [t for r in results for t in r["warm"]]
    reopened = [r["reopened"] for r in results]
    last = results[-1]
    return [
        f"self-check page, loopback nginx, {visits} cold visits: first result {statistics.median(first):.2f} s median "
        f"(max {max(first):.2f} s; target 8 s)",
        f"self-check later checks (sample .txt and .docx, {len(warm)} checks): median {statistics.median(warm) * 1000:.0f} ms, "
        f"max {max(warm) * 1000:.0f} ms (target 1 s)",
        f"self-check reopened with a warm cache: first result {statistics.median(reopened):.2f} s median",
        f"self-check downloads on a cold visit: {last['requests']} requests, {last['sent'] / 1e6:.2f} MB sent "
        f"({last['unpacked'] / 1e6:.2f} MB unpacked); Pyodide and the checker bundle {last['pyodide_sent'] / 1e6:.2f} MB of it",
    ]
