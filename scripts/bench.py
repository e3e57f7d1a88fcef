"""`make bench`: build time, serve reload, Lighthouse scores, search quality, 报告自查 speed.

Build: the baseline builds the same `docs/` with Material's defaults: no project
hooks, no quiz or mkdocstrings plugins, no Markdown extensions, default search.
Both are built alternately, several times, in this one command, and the report
gives the median of each and their ratio (machines here are noisy: compare
ratios, not seconds), plus the total size of the built site and of its search index.
The course's builds keep results from one build to the next (scripts.build_cache)
in a folder of the benchmark's own; the first of them, with that folder empty, is
reported on its own line: it is what a fresh clone or an edit to `scripts/` costs.

Serve (scripts/bench_serve.py): under `mkdocs serve --strict` (what `make serve`
runs), the seconds from saving a module page to the page served with the new text.

Lighthouse (scripts/bench_lighthouse.py): the built course served by nginx with the
release configuration; the mobile performance score and bytes transferred of each
page type. `--no-lighthouse` skips it for a quick run.

Search (scripts/search/bench.py): the course's search against Material's default zh
search over the same course pages, both served by nginx and typed into in Chromium.

报告自查 (scripts/bench_self_check.py): the course's build served by nginx on loopback,
the 报告自查 page timed in Chromium: the first result after opening the page cold,
later checks, and the bytes the page downloads.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BASELINE_CONFIG = """site_name: baseline
docs_dir: {docs}
theme:
  name: material
  language: zh
exclude_docs: |
  /includes/
"""


def build_seconds(config: Path, site: Path, cache: Path | None = None) -> float:
    """Wall-clock seconds of one clean `mkdocs build` (non-strict: the baseline lacks our extensions),
    keeping results between builds in `cache` (scripts.build_cache) when given."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if cache is not None:
        env["BUILD_CACHE_DIR"] = str(cache)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--clean", "-q", "-f", str(config), "-d", str(site)],
                   cwd=ROOT, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def tree_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="builds of each variant (default 5)")
    parser.add_argument("--no-serve", action="store_true", help="skip the serve reload measurement")
    parser.add_argument("--serve-runs", type=int, default=3, help="page edits timed under mkdocs serve (default 3)")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse (about 3 minutes a run)")
    parser.add_argument("--lighthouse-runs", type=int, default=1, help="Lighthouse runs of each page (default 1)")
    parser.add_argument("--no-search", action="store_true", help="skip the search benchmark")
    parser.add_argument("--no-self-check", action="store_true", help="skip the 报告自查 section")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="xinfang-bench-") as tmp:
        tmp = Path(tmp)
        baseline = tmp / "baseline.yml"
        baseline.write_text(BASELINE_CONFIG.format(docs=ROOT / "docs"), encoding="utf-8")
        course_site, baseline_site = tmp / "course", tmp / "baseline"
        # The course's builds keep results in a folder of their own, empty at first: the first
        # build is what a fresh clone (or a change to scripts/) costs, the others what a build
        # after editing pages costs (scripts.build_cache).
        cache = tmp / "build-cache"
        first = build_seconds(ROOT / "mkdocs.yml", course_site, cache)
        course, base = [], []
        for run in range(args.runs):
            course.append(build_seconds(ROOT / "mkdocs.yml", course_site, cache))
            base.append(build_seconds(baseline, baseline_site))
            print(f"第{run + 1}轮：课程 {course[-1]:.2f} 秒，基线 {base[-1]:.2f} 秒", file=sys.stderr)
        c, b = statistics.median(course), statistics.median(base)
        index = course_site / "search" / "course-index.json"
        print(f"clean build, median of {args.runs}: course {c:.2f} s, baseline {b:.2f} s, ratio {c / b:.2f} (target 1.3)")
        print(f"first build, nothing kept from an earlier one (.cache/build empty): course {first:.2f} s, "
              f"ratio {first / b:.2f}")
        print(f"course site: {tree_size(course_site) / 1e6:.1f} MB in {sum(1 for _ in course_site.rglob('*.html'))} HTML pages; "
              f"search index {index.stat().st_size / 1e6:.2f} MB")
        print(f"baseline site: {tree_size(baseline_site) / 1e6:.1f} MB; search index "
              f"{(baseline_site / 'search' / 'search_index.json').stat().st_size / 1e6:.2f} MB", flush=True)
        if not args.no_serve:
            from scripts.bench_serve import report as serve_report

            print("\n".join(serve_report(args.serve_runs)), flush=True)
        if not args.no_lighthouse:
            from scripts.bench_lighthouse import report as lighthouse_report

            print("\n".join(lighthouse_report(course_site, args.lighthouse_runs)), flush=True)
        if not args.no_self_check:
            from scripts.bench_self_check import report

            print("\n".join(report(course_site)))
        if not args.no_search:
            from scripts.search import bench as search_bench

            return search_bench.run(course_site, tmp)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
