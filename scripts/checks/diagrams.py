"""Diagrams: every ```mermaid fence under docs/ has its SVG stored by `make diagrams`.

The build only reads `scripts/data/diagrams/<key>.svg` (see `scripts.diagrams`); the key
changes with the fence's text, the pinned mermaid version and the drawing settings. A fence
without its file was added or edited (or mermaid was upgraded) since `make diagrams` last ran.
"""

from __future__ import annotations

from pathlib import Path

from scripts.diagrams.source import CACHE_PATH, STALE, cached_svg, find_diagrams, markdown_pages, mermaid_version
from scripts.findings import Finding


def check(root: Path, cache: Path | None = None) -> list[Finding]:
    """A finding at the opening fence of each diagram whose SVG is not stored."""
    cache = cache or root / CACHE_PATH
    findings = []
    version = None
    for page in markdown_pages(root / "docs"):
        text = page.read_text(encoding="utf-8")
        if "```mermaid" not in text:
            continue
        version = version or mermaid_version(root / "package-lock.json")
        for d in find_diagrams(text, version):
            if not cached_svg(d.key, cache).is_file():
                findings.append(Finding(page.relative_to(root).as_posix(), d.line, STALE))
    return findings
