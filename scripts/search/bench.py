"""Search figures for `make bench`: the course's search against Material's default zh search.

Both sites are the course's own pages: the course build, and the same build
without scripts/hooks/search.py (Material's search plugin and worker, jieba with
the course's user dictionary: what the course shipped before issue 11). Each is
served by nginx under /xinfang/ on loopback and driven in Chromium:

- index bytes: what a page fetches from search/ while it loads, and the whole
  index (raw and gzip -6, as nginx compresses it) with when it is fetched;
- recall@1 and @5 on the public and the held-out query sets
  (tests/data/search-queries*.yml; ranks as in tests/browser/test_search.py);
- keypress -> results: milliseconds from the key event in the search box to the
  first rendered result (or the "no result" line), median and 95th percentile
  over every query, after one warm-up query.
"""

from __future__ import annotations

import gzip
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SUBPATH = "/xinfang/"


def material_search_config(tmp: Path) -> Path:
    """mkdocs.yml without the course's search hook and its page script."""
    sys.path.insert(0, str(ROOT))
    from scripts.config_file import _Loader
    import yaml

    data = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    hooks = [str(ROOT / h) for h in data["hooks"] if not h.endswith("hooks/search.py")]
    config = tmp / "material-search.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        f"docs_dir: {ROOT / 'docs'}\n"
        f"theme:\n  custom_dir: {ROOT / 'overrides'}\n"
        "hooks:\n" + "".join(f"  - {h}\n" for h in hooks) +
        "extra_javascript: []\n",
        encoding="utf-8",
    )
    return config


def build(config: Path, site: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--clean", "-q", "-f", str(config), "-d", str(site)],
                   cwd=ROOT, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def measure(browser, base: str, queries: dict) -> dict:
    """Index bytes fetched at page load and on focus, ranks per query set, timings."""
    from tests.support import search as support

    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    fetched: list[tuple[str, str, int]] = []  # (phase, url, bytes)
    phase = ["load"]

    def on_response(res):
        if "/search/" in res.url:
            try:
                fetched.append((phase[0], res.url.rsplit("/", 1)[-1], len(res.body())))
            except Exception:  # noqa: BLE001 - a redirect has no body
                pass

    page.on("response", on_response)
    page.goto(base + "law/", wait_until="networkidle")
    page.wait_for_timeout(500)
    phase[0] = "focus"
    page.locator("input.md-search__input").focus()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    phase[0] = "query"
    support.type_query(page, "信访")  # warm-up: the index is built in the worker
    out = {"fetched": fetched, "sets": {}}
    times: list[float] = []
    for name, qs in queries.items():
        ranks = []
        for query in qs:
            times.append(support.type_query(page, query.q))
            ranks.append(support.rank(support.results(page, base), query))
        labels = [r for q, r in zip(qs, ranks) if q.kind == "label"]
        out["sets"][name] = {"n": len(qs), "r1": support.recall(ranks, 1), "r5": support.recall(ranks, 5),
                             "label_r1": support.recall(labels, 1),
                             "misses": [(q.q, r) for q, r in zip(qs, ranks) if r != 1]}
    out["median"], out["p95"] = statistics.median(times), percentile(times, 95)
    context.close()
    return out


def run(course_site: Path, tmp: Path) -> int:
    """Build the baseline, serve both sites, print the figures."""
    sys.path.insert(0, str(ROOT))
    from playwright.sync_api import sync_playwright

    from scripts import chromium
    from tests.support import search as support
    from tests.support.servers import Nginx, free_port

    material_site = tmp / "material-search"
    build(material_search_config(tmp), material_site)
    queries = {"public": support.load_queries(support.QUERIES), "held-out": support.load_queries(support.HELDOUT)}
    sites = {"course search": (course_site, course_site / "search" / "course-index.json"),
             "Material zh search": (material_site, material_site / "search" / "search_index.json")}
    results = {}
    servers = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium.CHROMIUM, args=chromium.CHROMIUM_ARGS)
            for name, (site, _) in sites.items():
                server = Nginx(site, tmp / f"nginx-{len(servers)}", free_port(), SUBPATH).start()
                servers.append(server)
                print(f"{name}：在 Chromium 中逐条输入 {sum(len(q) for q in queries.values())} 个查询…", file=sys.stderr)
                results[name] = measure(browser, server.base_url, queries)
            browser.close()
    finally:
        for server in servers:
            server.stop()
    print()
    print("search (Chromium against nginx; keypress = key event in the search box -> first result rendered)")
    for name, (site, index) in sites.items():
        r = results[name]
        load = sum(b for phase, _, b in r["fetched"] if phase == "load")
        later = ", ".join(f"{u} {b / 1e3:.1f} KB on {phase}" for phase, u, b in r["fetched"] if phase != "load") or "nothing"
        print(f"{name}:")
        print(f"  index {index.name}: {index.stat().st_size / 1e3:.0f} KB raw, {gzip_size(index) / 1e3:.0f} KB gzip")
        print(f"  fetched while a page loads: {load / 1e3:.1f} KB "
              f"({', '.join(f'{u} {b} B' for p, u, b in r['fetched'] if p == 'load') or 'nothing'}); later: {later}")
        for set_name, s in r["sets"].items():
            print(f"  {set_name:8} ({s['n']:3} queries): recall@1 {s['r1']:.3f}, recall@5 {s['r5']:.3f}, "
                  f"article labels recall@1 {s['label_r1']:.3f}")
        print(f"  keypress -> results: median {r['median']:.1f} ms, p95 {r['p95']:.1f} ms")
    print("not first (course search):")
    for set_name, s in results["course search"]["sets"].items():
        print(f"  {set_name}: " + "；".join(f"{q}（{r or '—'}）" for q, r in s["misses"]))
    return 0
