"""`make bench`, section Lighthouse: the performance score of each page type on a phone.

The built site is served by nginx on 127.0.0.1 under /xinfang/ with the course's own
configuration (scripts.publish.nginx: gzip, cache headers, CSP), as a host serves a
release. Lighthouse (npm, pinned in package-lock.json, installed by `make setup`)
drives Debian's Chromium with its mobile defaults (simulated slow 4G, 4x CPU
slowdown) and reports, per page: the performance score, first and largest
contentful paint, total blocking time, layout shift and the bytes transferred.

Scores move with the machine's load (main-thread time is measured here, then
slowed down): with `runs` > 1 each page is measured that many times and the
median score is reported.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts.chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = " ".join(["--headless=new", *CHROMIUM_ARGS])
SUBPATH = "/xinfang/"
#: page type -> path under the site root
PAGES: dict[str, str] = {
    "home": "",
    "full text": "law/",
    "module with diagrams": "modules/banli/",
    "roadmap": "roadmap/",
    "handout": "handout/",
    "bank page": "practice/bank/banli/",
    "mock paper": "practice/exams/paper-a/",
    "progress": "practice/progress/",
    "glossary": "glossary/",
    "reporting": "reporting/",
}
#: The issue's bar for every page type.
TARGET = 95


def lighthouse_json(url: str, out: Path) -> dict:
    """One Lighthouse run (performance only, mobile defaults) of `url`; its JSON report."""
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--only-categories=performance", "--output=json", f"--output-path={out}",
         f"--chrome-flags={CHROME_FLAGS}", "--quiet"],
        env=env, capture_output=True, text=True, timeout=300)
    if result.returncode or not out.is_file():
        raise RuntimeError(f"lighthouse {url} 失败（返回码 {result.returncode}）：{result.stderr[-1500:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def summary(report: dict) -> dict:
    audits = report["audits"]

    def value(audit: str) -> float:
        return audits[audit].get("numericValue") or 0.0

    score = report["categories"]["performance"]["score"]
    return {
        "score": round(score * 100) if score is not None else 0,
        "fcp": value("first-contentful-paint") / 1000,
        "lcp": value("largest-contentful-paint") / 1000,
        "tbt": value("total-blocking-time"),
        "cls": value("cumulative-layout-shift"),
        "bytes": value("total-byte-weight"),
    }


def measure(base_url: str, tmp: Path, runs: int = 1, pages: dict[str, str] = PAGES) -> dict[str, dict]:
    """page type -> the run with the median score, for the pages served at `base_url`."""
    results = {}
    for name, path in pages.items():
        rows = []
        for run in range(runs):
            rows.append(summary(lighthouse_json(base_url + path, tmp / f"lh-{len(results)}-{run}.json")))
            print(f"Lighthouse {name}：{rows[-1]['score']}", file=sys.stderr)
        rows.sort(key=lambda r: r["score"])
        results[name] = rows[len(rows) // 2]
        if runs > 1:
            results[name]["scores"] = [r["score"] for r in rows]
    return results


def lines(results: dict[str, dict], runs: int) -> list[str]:
    out = [f"Lighthouse {lighthouse_version()} mobile performance, loopback nginx (release config), "
           f"{runs} run{'s' if runs > 1 else ''} a page{' (median)' if runs > 1 else ''}; target {TARGET} on every page:"]
    width = max(len(name) for name in results)
    for name, r in results.items():
        flag = "" if r["score"] >= TARGET else "  <- below target"
        spread = f" (runs {'/'.join(map(str, r['scores']))})" if "scores" in r else ""
        out.append(f"  {name:<{width}}  {r['score']:3d}{spread}  FCP {r['fcp']:.1f} s  LCP {r['lcp']:.1f} s  "
                   f"TBT {r['tbt']:4.0f} ms  CLS {r['cls']:.3f}  transferred {r['bytes'] / 1000:6.0f} KB{flag}")
    below = [name for name, r in results.items() if r["score"] < TARGET]
    out.append(f"  pages below {TARGET}: {', '.join(below) if below else 'none'}")
    return out


def lighthouse_version() -> str:
    package = ROOT / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"] if package.is_file() else "?"


def report(site: Path, runs: int = 1) -> list[str]:
    """The section's lines for a site built into `site`."""
    from tests.support.servers import NGINX, Nginx, free_port

    if not LIGHTHOUSE.exists():
        return ["Lighthouse：跳过（没有 node_modules/.bin/lighthouse：请运行 make setup）"]
    if not NGINX.exists() or not Path(CHROMIUM).exists():
        return ["Lighthouse：跳过（需要 nginx 和 chromium：sudo apt-get install -y nginx chromium）"]
    with tempfile.TemporaryDirectory(prefix="xinfang-bench-lighthouse-") as tmp:
        server = Nginx(site, Path(tmp) / "nginx", free_port(), SUBPATH).start()
        try:
            results = measure(server.base_url, Path(tmp), runs)
        finally:
            server.stop()
    return lines(results, runs)
