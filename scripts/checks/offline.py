"""Offline: no resource of the built site points at another host.

Checked: `src`/`href` of scripts, stylesheets, icons, preloads, images, frames,
media and objects in every HTML page; `url()` and `@import` in every CSS file
and in inline styles. Plain links (`<a href>`) are not resources and are not
checked. Fallback URLs inside third-party JavaScript bundles (Material keeps
one for mermaid) are not read here: the browser tests prove they are never
requested.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from scripts.findings import Finding
from scripts.site_html import html_files, read_page, shown_path
from scripts.sources import SourceMap

#: <link rel=…> values that make the browser fetch or connect.
_FETCHING_RELS = {"stylesheet", "icon", "shortcut icon", "preload", "prefetch", "preconnect", "dns-prefetch",
                  "modulepreload", "manifest", "apple-touch-icon"}
_RESOURCE_TAGS = {"script", "img", "iframe", "frame", "source", "video", "audio", "track", "embed", "object", "input", "image", "use"}
_CSS_URL_RE = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)['"]""")


def is_external(url: str) -> bool:
    """True for a URL that names another host (http:, https:, protocol-relative //host)."""
    parts = urlsplit(url.strip())
    if parts.scheme in {"data", "blob", "about", "javascript", "mailto", "tel", ""}:
        return bool(parts.netloc) or url.strip().startswith("//")
    return parts.scheme not in {"file"}


def css_urls(css: str):
    """Yield (line offset, url) for every url() and @import in CSS text."""
    for m in _CSS_URL_RE.finditer(css):
        yield css.count("\n", 0, m.start()), m.group(1) or m.group(2)


def check(site: Path, root: Path | None = None) -> list[Finding]:
    """Check every HTML and CSS file under `site`."""
    site = site.resolve()
    findings: list[Finding] = []
    sources = SourceMap(site, root) if root is not None else None

    def where(path: Path, url: str, line: int) -> tuple[str, int]:
        return sources.locate(path, url, line) if sources else (shown_path(path.resolve(), site, root), line)

    for path in html_files(site):
        page = read_page(path)
        for ref in page.references:
            fetching = ref.tag in _RESOURCE_TAGS or (ref.tag == "link" and (set(ref.rel.split()) & _FETCHING_RELS or ref.rel in _FETCHING_RELS))
            if fetching and is_external(ref.url):
                findings.append(Finding(*where(path, ref.url, ref.line), f"<{ref.tag} {ref.attr}> 从其他主机加载资源：{ref.url}。内网无法访问，请改为站内文件"))
        for line, css in page.styles:
            for offset, url in css_urls(css):
                if is_external(url):
                    findings.append(Finding(*where(path, url, line + offset), f"内联样式从其他主机加载资源：{url}"))
    for path in sorted(site.rglob("*.css")):
        css = path.read_text(encoding="utf-8", errors="replace")
        for offset, url in css_urls(css):
            if is_external(url):
                shown, line = sources.locate_css(path, offset + 1) if sources else (shown_path(path.resolve(), site, root), offset + 1)
                findings.append(Finding(shown, line, f"样式表从其他主机加载资源：{url}。请改为站内文件（字体用系统字体）"))
    return findings
