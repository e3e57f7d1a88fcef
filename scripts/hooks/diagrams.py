"""Each ```mermaid fence becomes its stored SVG, inline in the page (see `scripts.diagrams`).

The build reads `scripts/data/diagrams/<key>.svg` and never draws: `make serve` and
`make build` need no Chromium, and readers download no diagram script. Inline (not an
`<img>`), the SVG takes its colours from the page's stylesheet, so it follows the light
and dark scheme and prints black on white. It gets `role="img"` with the `<title>` and
`<desc>` written in the comment above the fence.

A fence whose SVG is not stored, or without a title or description, is logged as a
warning at its Markdown line, which fails the strict build (`make check` reports the
missing SVG too: `scripts/checks/diagrams.py`).
"""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs loads hooks by file path; put the project root on sys.path so they can import `scripts`.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import html
import logging
import re

from scripts.diagrams.source import STALE, cached_svg, find_diagrams, mermaid_version

log = logging.getLogger("mkdocs.hooks.diagrams")

NO_TEXT = '流程图缺少无障碍标题或说明：在 ```mermaid 的上一行写 <!-- diagram title="…" desc="…" -->'
#: Natural width (px) above which a diagram, fitted to a 390 px phone's column, would draw its
#: 16 px labels below 11 px; such a diagram scrolls sideways there instead of shrinking.
WIDE = 500
_PLACEHOLDER_RE = re.compile(r'<div class="course-diagram" data-diagram="(\d+)"></div>')
_SVG_OPEN_RE = re.compile(r"<svg\b([^>]*)>")
_WIDTH_RE = re.compile(r'\bwidth="(\d+)"')

_version = ""
#: page source path -> [(shown path, line, key, title, desc)], from on_page_markdown to on_page_content
_pending: dict[str, list[tuple[str, int, str, str, str]]] = {}


def on_config(config):
    global _version
    _version = mermaid_version()
    return config


def on_page_markdown(markdown, page, config, files):
    if "```mermaid" not in markdown:
        return markdown
    shown = f"docs/{page.file.src_uri}"
    # Lines and titles from the file as written (earlier hooks may have changed the text above).
    written = find_diagrams(Path(page.file.abs_src_path).read_text(encoding="utf-8"), _version)
    here = find_diagrams(markdown, _version)
    if [d.key for d in written] != [d.key for d in here]:
        log.warning(f"{shown}:1: 流程图的 ```mermaid 须顶格书写，不能放在列表、提示框或其他块中")
        return markdown
    _pending[page.file.src_uri] = [(shown, d.line, d.key, d.title, d.desc) for d in written]
    for i, d in reversed(list(enumerate(here))):
        markdown = markdown[:d.start] + f'\n<div class="course-diagram" data-diagram="{i}"></div>\n' + markdown[d.end:]
    return markdown


def diagram_html(shown: str, line: int, key: str, title: str, desc: str) -> str:
    """The inline SVG of one diagram, or its source as a block of code (with a warning) when not stored."""
    path = cached_svg(key)
    if not title or not desc:
        log.warning(f"{shown}:{line}: {NO_TEXT}")
    if not path.is_file():
        log.warning(f"{shown}:{line}: {STALE}")
        return f'<div class="course-diagram course-diagram--missing"><p>{STALE}</p></div>'
    svg = path.read_text(encoding="utf-8").strip()
    ids = f"diagram-{key}-title", f"diagram-{key}-desc"
    svg = _SVG_OPEN_RE.sub(
        lambda m: f'<svg{m.group(1)} role="img" aria-labelledby="{ids[0]}" aria-describedby="{ids[1]}">'
                  f'<title id="{ids[0]}">{html.escape(title)}</title><desc id="{ids[1]}">{html.escape(desc)}</desc>',
        svg, count=1)
    width = _WIDTH_RE.search(svg[:400])
    if width and int(width.group(1)) > WIDE:
        # Scrolls sideways on a phone: reachable by keyboard, named for screen readers.
        return f'<div class="course-diagram course-diagram--wide" tabindex="0" role="group" aria-label="{html.escape(title)}">{svg}</div>'
    return f'<div class="course-diagram">{svg}</div>'


def on_page_content(html_text, page, config, files):
    pending = _pending.pop(page.file.src_uri, None)
    if not pending:
        return html_text
    return _PLACEHOLDER_RE.sub(lambda m: diagram_html(*pending[int(m.group(1))]), html_text)
