"""Reading the built site: every HTML page's ids and the URLs it refers to, with line numbers."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


@dataclass(frozen=True)
class Reference:
    """A URL in an attribute: which tag and attribute, the value, its line, and the tag's rel."""

    tag: str
    attr: str
    url: str
    line: int
    rel: str = ""


@dataclass
class HtmlPage:
    """What the checks need from one HTML file."""

    path: Path
    ids: set[str] = field(default_factory=set)
    references: list[Reference] = field(default_factory=list)
    styles: list[tuple[int, str]] = field(default_factory=list)


_URL_ATTRS = {"href", "src", "poster", "data", "action", "srcset"}


class _Parser(HTMLParser):
    def __init__(self, page: HtmlPage):
        super().__init__(convert_charrefs=True)
        self.page = page
        self._style_line: int | None = None

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        values = dict(attrs)
        for name in ("id", "name"):
            if values.get(name) and (name == "id" or tag == "a"):
                self.page.ids.add(values[name])
        rel = (values.get("rel") or "").lower()
        for name, value in attrs:
            if value is None:
                continue
            if name in _URL_ATTRS:
                urls = [part.strip().split(" ")[0] for part in value.split(",")] if name == "srcset" else [value]
                for url in urls:
                    if url:
                        self.page.references.append(Reference(tag, name, url.strip(), line, rel))
            elif name == "style" and "url(" in value:
                self.page.styles.append((line, value))
        if tag == "style":
            self._style_line = line

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "style":
            self._style_line = None

    def handle_data(self, data):
        if self._style_line is not None:
            self.page.styles.append((self._style_line, data))


def read_page(path: Path) -> HtmlPage:
    """Parse one built HTML file."""
    page = HtmlPage(path)
    parser = _Parser(page)
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return page


def html_files(site: Path) -> list[Path]:
    """Every HTML file of the built site, sorted."""
    return sorted(site.rglob("*.html"))


def shown_path(path: Path, site: Path, root: Path | None = None) -> str:
    """How a built file is named in a finding: relative to the project `root` when it lies
    inside it, else `site-folder-name/relative/path`."""
    if root is not None:
        try:
            return path.relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return (Path(site.name) / path.relative_to(site)).as_posix()
