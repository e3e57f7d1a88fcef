"""Links: every internal link and anchor in the built site resolves.

MkDocs validates the links it writes from Markdown; this check also covers
links in templates and generated HTML, and it never depends on a verbose build
(`mkdocs build --strict -v` silently stops checking anchors). Each finding names the
Markdown, template or mkdocs.yml line that wrote the link ([`scripts.sources`][scripts.sources]).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from scripts.findings import Finding
from scripts.site_html import html_files, read_page, shown_path
from scripts.sources import SourceMap

#: Attributes whose URL the browser navigates to or loads from this site.
_CHECKED = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src")}


def _target_file(site: Path, page: Path, path: str) -> Path | None:
    target = (site / path.lstrip("/")) if path.startswith("/") else (page.parent / path)
    target = Path(unquote(str(target)))
    if target.is_dir():
        target = target / "index.html"
    if target.is_file():
        return target.resolve()
    return None


def check(site: Path, root: Path | None = None) -> list[Finding]:
    """Check every HTML file under `site`; paths are shown relative to `root` when given."""
    site = site.resolve()
    pages = {p.resolve(): read_page(p) for p in html_files(site)}
    findings: list[Finding] = []
    sources = SourceMap(site, root) if root is not None else None

    def report(path: Path, url: str, line: int, message: str) -> Finding:
        built = shown_path(path, site, root)
        shown, at = sources.locate(path, url, line) if sources else (built, line)
        return Finding(shown, at, message + (f"（在 {built}）" if shown != built else ""))

    for path, page in pages.items():
        for ref in page.references:
            if (ref.tag, ref.attr) not in _CHECKED:
                continue
            parts = urlsplit(ref.url)
            if parts.scheme or parts.netloc or ref.url.startswith(("mailto:", "javascript:", "data:")):
                continue
            if ref.tag == "link" and ref.rel in {"canonical", "alternate"}:
                continue
            if parts.path:
                target = _target_file(site, path, parts.path)
                if target is None:
                    findings.append(report(path, ref.url, ref.line, f"链接 {ref.url} 指向的文件不存在"))
                    continue
            else:
                target = path
            if parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else read_page(target).ids
                fragment = unquote(parts.fragment)
                if fragment not in ids and fragment != "__skip":
                    findings.append(report(path, ref.url, ref.line, f"链接 {ref.url} 的锚点 #{fragment} 在目标页面中不存在"))
    return findings

