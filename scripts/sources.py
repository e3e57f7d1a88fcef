"""From the built site back to what the author edits.

A check of the built site finds a problem at a line of `site/modules/banli/index.html`;
the author edits `docs/modules/banli/index.md`, a template in `overrides/`, `mkdocs.yml`
or a stylesheet in `overrides/assets/`. [`SourceMap.locate`][scripts.sources.SourceMap.locate]
finds that file and line by looking for what produced the URL:

1. the page's Markdown source: the URL as written, or a Markdown link whose target
   becomes it (`../law/index.md#art-34` is built as `../law/#art-34`);
2. the templates under `overrides/`, then the hooks under `scripts/hooks/` that write HTML;
3. `mkdocs.yml` (extra_css, extra_javascript, theme settings).

Where none holds it, the finding names the page's Markdown source (line 1), and only a page
with no Markdown source (404.html, search) is named by its built file.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from scripts.site_html import shown_path

_MD_TARGET_RE = re.compile(r"\]\(\s*<?([^)\s>]+)>?")


class SourceMap:
    """Where the files of a build of `root` (built into `site`) come from."""

    def __init__(self, site: Path, root: Path):
        self.site = site.resolve()
        self.root = root.resolve()
        self.docs = self.root / "docs"

    # -- pages ---------------------------------------------------------------------------
    def page_source(self, built: Path) -> Path | None:
        """The Markdown page a built HTML file was made from, if any."""
        try:
            rel = built.resolve().relative_to(self.site)
        except ValueError:
            return None
        parts = rel.with_suffix("").parts
        if parts and parts[-1] == "index":
            parts = parts[:-1]
        stem = "/".join(parts)
        candidates = [f"{stem}.md", f"{stem}/index.md", f"{stem}/README.md"] if stem else ["index.md", "README.md"]
        for candidate in candidates:
            path = self.docs / candidate
            if path.is_file():
                return path
        return None

    def stylesheet_source(self, built: Path) -> Path | None:
        """The project stylesheet a built CSS file was copied from (overrides/ or docs/)."""
        rel = built.resolve().relative_to(self.site)
        for base in (self.root / "overrides", self.docs):
            if (base / rel).is_file():
                return base / rel
        return None

    # -- locating a URL ------------------------------------------------------------------
    def locate(self, built: Path, url: str, built_line: int) -> tuple[str, int]:
        """(file, line) the author edits for `url`, found on line `built_line` of `built`."""
        page = self.page_source(built)
        needles = _needles(url)
        if page is not None:
            line = line_containing(page, needles) or self._markdown_link(page, built, url)
            if line:
                return self._shown(page), line
        for template in _files(self.root / "overrides", "*.html") + _files(self.root / "scripts" / "hooks", "*.py"):
            line = line_containing(template, needles)
            if line:
                return self._shown(template), line
        config = self.root / "mkdocs.yml"
        line = line_containing(config, needles) if config.is_file() else 0
        if line:
            return "mkdocs.yml", line
        if page is not None:
            return self._shown(page), 1
        return shown_path(built.resolve(), self.site, self.root), built_line

    def locate_css(self, built: Path, line: int) -> tuple[str, int]:
        """(file, line) of a built stylesheet's line in its source, else the built file."""
        source = self.stylesheet_source(built)
        if source is not None:
            return self._shown(source), line
        return shown_path(built.resolve(), self.site, self.root), line

    def _markdown_link(self, page: Path, built: Path, url: str) -> int:
        """Line of the Markdown link in `page` that MkDocs turned into `url`."""
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            return 0
        want = self._built_target(built, parts.path)
        for n, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            for target in _MD_TARGET_RE.findall(line):
                t = urlsplit(target)
                if t.scheme or t.netloc or unquote(t.fragment) != unquote(parts.fragment):
                    continue
                if self._docs_target(page, t.path) == want:
                    return n
        return 0

    def _built_target(self, built: Path, path: str) -> str:
        """The docs page (without .md) a built URL path points at: `law/index`."""
        if not path:
            rel = built.resolve().relative_to(self.site).as_posix()
        else:
            rel = posixpath.normpath(posixpath.join(built.resolve().relative_to(self.site).parent.as_posix(), unquote(path)))
        rel = re.sub(r"(^|/)index\.html$", r"\1", rel).removesuffix(".html").rstrip("/")
        return rel or "."

    def _docs_target(self, page: Path, path: str) -> str:
        rel_page = page.relative_to(self.docs)
        if not path:
            rel = rel_page.as_posix()
        else:
            rel = posixpath.normpath(posixpath.join(rel_page.parent.as_posix(), unquote(path)))
        rel = re.sub(r"(^|/)(index|README)\.md$", r"\1", rel).removesuffix(".md").rstrip("/")
        return rel or "."

    def _shown(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def _needles(url: str) -> list[str]:
    """What to look for in a source: the URL as built, then without ./ and ../ prefixes."""
    needles = [url]
    stripped = re.sub(r"^(?:\.\.?/|/)+", "", url)
    if stripped and stripped != url and len(stripped) > 3:
        needles.append(stripped)
    return needles


def _lines(path: Path) -> tuple[str, ...]:
    try:
        return tuple(path.read_text(encoding="utf-8").splitlines())
    except (OSError, UnicodeDecodeError):
        return ()


def line_containing(path: Path, needles: list[str]) -> int:
    """The first line of `path` holding the first of `needles` found (0 when none is)."""
    for needle in needles:
        for n, line in enumerate(_lines(path), start=1):
            if needle in line:
                return n
    return 0


def _files(folder: Path, pattern: str) -> list[Path]:
    return sorted(folder.rglob(pattern)) if folder.is_dir() else []
