"""`python -m scripts check`: run every content check on docs/ and on a fresh strict build.

Docs checks read the Markdown; site checks read a build made here with
`mkdocs build --strict` (or the folder given with `--site`). Every finding is
printed as `path:line: message`; the exit code is 1 when there is any.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from scripts.checks import build_log, citations, diagrams, links, offline, structure
from scripts.findings import Finding

ROOT = Path(__file__).resolve().parents[2]

#: name -> check of the Markdown sources (takes the project root)
DOCS_CHECKS: dict[str, Callable[[Path], list[Finding]]] = {
    "structure": structure.check,
    "citations": citations.check,
    "diagrams": diagrams.check,
}
#: name -> check of the built site (takes the site folder and the project root)
SITE_CHECKS: dict[str, Callable[[Path, Path], list[Finding]]] = {
    "links": links.check,
    "offline": offline.check,
}


def register_docs_check(name: str, func: Callable[[Path], list[Finding]]) -> None:
    """Add a docs check (used by modules that bring their own, e.g. the quiz checks)."""
    DOCS_CHECKS[name] = func


def strict_build(root: Path, site: Path) -> tuple[bool, str]:
    """Build `root` into `site` with --strict; return (ok, output)."""
    return build(root, site, strict=True)


def build(root: Path, site: Path, *, strict: bool) -> tuple[bool, str]:
    """Build `root` into `site`, strict or plain; return (ok, output)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run(
        # Never -q here: in MkDocs 1.6 it raises the log level above WARNING, and a strict
        # build that logs no warning counts none, so it passes with warnings.
        [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), "--clean",
         "-f", str(root / "mkdocs.yml"), "-d", str(site)],
        cwd=root, capture_output=True, text=True, env=env,
    )
    return proc.returncode == 0, proc.stdout + proc.stderr


def _load_extra_checks() -> None:
    # Checks that live beside their subject register themselves on import.
    for module in ("scripts.checks.quotations", "scripts.checks.conditions", "scripts.checks.law_lock", "scripts.checks.quizzes", "scripts.checks.typography"):
        try:
            __import__(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise


def main(argv: list[str] | None = None) -> int:
    _load_extra_checks()
    parser = argparse.ArgumentParser(prog="python -m scripts check", description="运行全部内容检查")
    parser.add_argument("--root", type=Path, default=ROOT, help="项目目录（默认：本项目）")
    parser.add_argument("--site", type=Path, help="检查已构建好的网站目录，不再重新构建")
    parser.add_argument("--only", action="append", choices=sorted({*DOCS_CHECKS, *SITE_CHECKS}), help="只运行指定的检查，可重复")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    wanted = set(args.only or [*DOCS_CHECKS, *SITE_CHECKS])
    findings: list[Finding] = []
    for name, func in DOCS_CHECKS.items():
        if name in wanted:
            findings += func(root)
    failed_build = False
    ok = True
    if wanted & set(SITE_CHECKS):
        with tempfile.TemporaryDirectory(prefix="xinfang-check-") as tmp:
            site = args.site.resolve() if args.site else Path(tmp) / "site"
            if not args.site:
                ok, output = strict_build(root, site)
                if not ok:
                    failed_build = True
                    warnings = build_log.findings(output, root)
                    if warnings:
                        findings += warnings
                    else:
                        print(output.strip(), file=sys.stderr)
                        print("mkdocs.yml:1: 严格构建（mkdocs build --strict）失败，见上面的输出", file=sys.stderr)
                    # The check fails either way; a plain build still lets the site checks
                    # report everything else in the same run.
                    built, _ = build(root, site, strict=False)
                    failed_build = not built
            if not failed_build:
                for name, func in SITE_CHECKS.items():
                    if name in wanted:
                        findings += func(site, root)
    for finding in sorted(set(findings)):
        print(finding)
    total = len(set(findings))
    if total or failed_build or (wanted & set(SITE_CHECKS) and not args.site and not ok):
        print(f"检查未通过：{total} 处问题。", file=sys.stderr)
        return 1
    print("检查通过。", file=sys.stderr)
    return 0
