"""Strict-build warnings as findings that name the Markdown line the author edits.

`mkdocs build --strict` stops at the end of a build that logged a warning, and names the
page but not the line (“Doc file 'guide/index.md' contains a link 'x.md', but the target
is not found among documentation files.”). Each such warning becomes a finding at the line
of `docs/guide/index.md` that holds the link; a warning that names no page is reported
against mkdocs.yml, with the warning's own words.
"""

from __future__ import annotations

import re
from pathlib import Path

from scripts.findings import Finding
from scripts.sources import line_containing

_WARNING_RE = re.compile(r"^(?:WARNING|ERROR)\s+-\s+(?P<text>.+)$")
_DOC_LINK_RE = re.compile(r"Doc file '(?P<page>[^']+)' contains (?:a|an) [^']*?link '(?P<link>[^']+)'")
_DOC_RE = re.compile(r"Doc file '(?P<page>[^']+)'")
#: mkdocstrings/autorefs name the Python source: "from /…/scripts/law.py:135: (scripts.law…) …"
_SOURCE_RE = re.compile(r"from (?P<path>/\S+?\.py):(?P<line>\d+):")


def findings(output: str, root: Path) -> list[Finding]:
    """One finding per warning in the build `output` (the build failed when there is any)."""
    found: list[Finding] = []
    lines = output.splitlines()
    nav = _NOT_IN_NAV_RE.search(output)
    if nav:  # worded as the structure check words it, so the two findings are one
        for page in re.findall(r"-\s*(\S+)", nav.group("pages")):
            found.append(Finding(f"docs/{page}", 1, f"页面不在导航中：在 mkdocs.yml 的 nav 中加入 {page}"))
    for i, raw in enumerate(lines):
        m = _WARNING_RE.match(raw.strip())
        if not m:
            continue
        text = m.group("text").strip()
        if nav and "not included in the" in text:
            continue
        # A warning may continue on indented lines (mkdocs wraps long messages).
        for more in lines[i + 1 :]:
            if not more.startswith((" ", "\t")) or _WARNING_RE.match(more.strip()):
                break
            text += " " + more.strip()
        found.append(_finding(text, root))
    return found


_NOT_IN_NAV_RE = re.compile(r"not included in the \"nav\" configuration:(?P<pages>(?:\s*-\s*\S+)+)")


#: A hook's own warning already in the form `path:line: message` (scripts/hooks/diagrams.py).
_PATH_LINE_RE = re.compile(r"^(?P<path>(?:docs|overrides|scripts)/\S+?):(?P<line>\d+): (?P<message>.+)$")


def _finding(text: str, root: Path) -> Finding:
    own = _PATH_LINE_RE.match(text)
    if own:
        return Finding(own.group("path"), int(own.group("line")), own.group("message"))
    link = _DOC_LINK_RE.search(text)
    doc = _DOC_RE.search(text)
    if doc:
        page = root / "docs" / doc.group("page")
        shown = f"docs/{doc.group('page')}"
        line = line_containing(page, [f"({link.group('link')})", link.group("link")]) if link else 0
        return Finding(shown, line or 1, f"严格构建警告：{text}")
    source = _SOURCE_RE.search(text)
    if source:
        path = Path(source.group("path"))
        try:
            shown = path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            shown = path.as_posix()
        return Finding(shown, int(source.group("line")), f"严格构建警告（脚本 API 页面的文档字符串）：{text}")
    return Finding("mkdocs.yml", 1, f"严格构建警告：{text}")

