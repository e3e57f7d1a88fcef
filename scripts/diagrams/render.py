"""`python -m scripts diagrams` (`make diagrams`): draw every diagram whose SVG is not stored yet.

For each ```mermaid fence under docs/ without its `scripts/data/diagrams/<key>.svg`, mermaid
(the copy `npm ci` installs, pinned in package-lock.json) draws the SVG in Debian Chromium
through Playwright, with the settings of [`scripts.diagrams.source`][scripts.diagrams.source];
the SVG is cleaned ([`scripts.diagrams.svg`][scripts.diagrams.svg]) and stored. Stored SVGs that
no fence uses any more are deleted. Commit the folder with the Markdown: the build, `make serve`
and the release only read it, and need no Chromium.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scripts.chromium import CHROMIUM, CHROMIUM_ARGS
from scripts.diagrams.source import CACHE_DIR, MERMAID_CONFIG, ROOT, Diagram, cached_svg, find_diagrams, markdown_pages
from scripts.diagrams.svg import DiagramSvgError, clean_svg

MERMAID_JS = ROOT / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"


class RenderError(Exception):
    """A problem reported as one line, exit code 2."""


def all_diagrams(docs: Path) -> list[tuple[Path, Diagram]]:
    return [(page, d) for page in markdown_pages(docs) for d in find_diagrams(page.read_text(encoding="utf-8"))]


def render(sources: list[tuple[str, str]], browser=None) -> dict[str, str]:
    """{key: mermaid's SVG} for [(key, mermaid text)], drawn in one page of `browser`
    (a Playwright Chromium; Debian's Chromium is started when none is given)."""
    if not MERMAID_JS.is_file():
        raise RenderError(f"缺少 {MERMAID_JS.relative_to(ROOT)}：请先运行 make setup（其中执行 npm ci）")
    if browser is not None:
        return _draw(browser, sources)
    if not Path(CHROMIUM).exists():
        raise RenderError(f"缺少 {CHROMIUM}：生成流程图需要 Chromium，请运行 sudo apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return _draw(browser, sources)
        finally:
            browser.close()


def _draw(browser, sources: list[tuple[str, str]]) -> dict[str, str]:
    """Each diagram in a fresh page: mermaid lays out a diagram slightly differently after
    drawing others in the same page, and the stored SVG must depend on its source alone."""
    from playwright.sync_api import Error as PlaywrightError

    drawn = {}
    for key, text in sources:
        page = browser.new_page()
        try:
            page.set_content("<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'></head><body></body></html>")
            page.add_script_tag(path=str(MERMAID_JS))
            page.evaluate("config => mermaid.initialize(config)", MERMAID_CONFIG)
            drawn[key] = page.evaluate("async ([id, text]) => (await mermaid.render(id, text)).svg", [f"diagram-{key}", text])
        except PlaywrightError as exc:
            raise RenderError(f"mermaid 无法绘制：{str(exc).splitlines()[0]}") from None
        finally:
            page.close()
    return drawn


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts diagrams", description="为 docs/ 中每个 mermaid 流程图生成静态 SVG")
    parser.add_argument("--all", action="store_true", help="全部重新生成，不论是否已有")
    args = parser.parse_args(argv)
    docs = ROOT / "docs"
    diagrams = all_diagrams(docs)
    wanted: dict[str, tuple[Path, Diagram]] = {}
    for page, d in diagrams:
        wanted.setdefault(d.key, (page, d))
    todo = [(key, d.source) for key, (_, d) in wanted.items() if args.all or not cached_svg(key).is_file()]
    try:
        drawn = render(todo) if todo else {}
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        for key, raw in drawn.items():
            page, d = wanted[key]
            try:
                cached_svg(key).write_text(clean_svg(raw, key), encoding="utf-8")
            except DiagramSvgError as exc:
                raise RenderError(f"{page.relative_to(ROOT).as_posix()}:{d.line}: {exc}") from None
    except RenderError as exc:
        print(f"diagrams：{exc}", file=sys.stderr)
        return 2
    removed = [p for p in sorted(CACHE_DIR.glob("*.svg")) if p.stem not in wanted]
    for p in removed:
        p.unlink()
    print(f"流程图 {len(wanted)} 张：新生成 {len(drawn)} 张，删除不再使用的 {len(removed)} 张（{CACHE_DIR.relative_to(ROOT).as_posix()}/）")
    return 0
