"""The diagrams of a Markdown page, and the key their SVG is stored under.

An author writes a diagram as a ```mermaid fence at the start of a line, with its
accessible title and description on the line right above it:

    <!-- diagram title="一件信访事项的全程" desc="从提出到不再受理的九个步骤……" -->
    ```mermaid
    flowchart TD
        ...
    ```

The key of a diagram is the first 16 hex digits of the SHA-256 of the fence's text together
with the mermaid version pinned in package-lock.json and the drawing settings below: change
any of them and the stored SVG no longer matches, so `make diagrams` draws it again.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: Where `make diagrams` stores one SVG per diagram key (committed with the Markdown).
CACHE_PATH = "scripts/data/diagrams"
#: What the build and `make check` say of a fence whose SVG is not stored.
STALE = "图表未生成或已过期：运行 make diagrams"
CACHE_DIR = ROOT / CACHE_PATH
PACKAGE_LOCK = ROOT / "package-lock.json"

#: The system CJK font stack of the course (docs/assets/course.css, --md-text-font). Mermaid
#: measures the labels in this font, and the page draws them in it.
FONT_STACK = ('"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "微软雅黑", "Noto Sans CJK SC", '
              '"Source Han Sans SC", "WenQuanYi Micro Hei", "Heiti SC", sans-serif')
#: Settings passed to `mermaid.initialize`. Labels are SVG <text>, not HTML in a
#: <foreignObject>: the page colours them with CSS, and they print as vector text.
MERMAID_CONFIG = {
    "startOnLoad": False,
    "securityLevel": "strict",
    "theme": "neutral",
    "fontFamily": FONT_STACK,
    "htmlLabels": False,
    "flowchart": {"htmlLabels": False, "useMaxWidth": False},
    # Rounded shapes are drawn with roughjs, randomly unless seeded: the same source must
    # give the same SVG.
    "handDrawnSeed": 1,
}
#: Bump when scripts/diagrams/svg.py changes what it writes, so every SVG is drawn again.
SVG_FORMAT = 2

_FENCE_RE = re.compile(r"^```mermaid[ \t]*\n(?P<source>.*?)^```[ \t]*$", re.S | re.M)
_META_RE = re.compile(r"^<!--\s*diagram\b(?P<attrs>.*?)-->[ \t]*\n\Z", re.S)
_ATTR_RE = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Diagram:
    """One ```mermaid fence of a page.

    Attributes:
        line: line of the opening fence (1-based).
        source: the mermaid text between the fences.
        key: the name of its stored SVG (`<key>.svg`).
        title: accessible name (`title=` in the comment above the fence), "" if not written.
        desc: accessible description (`desc=`), "" if not written.
        start: offset of the comment (or of the fence when there is none) in the page text.
        end: offset just after the closing fence.
    """

    line: int
    source: str
    key: str
    title: str
    desc: str
    start: int
    end: int


def mermaid_version(lock: Path = PACKAGE_LOCK) -> str:
    """The mermaid version pinned in package-lock.json."""
    data = json.loads(lock.read_text(encoding="utf-8"))
    return data["packages"]["node_modules/mermaid"]["version"]


def diagram_key(source: str, version: str) -> str:
    settings = json.dumps({"mermaid": version, "config": MERMAID_CONFIG, "svg": SVG_FORMAT}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(f"{settings}\n{source}".encode("utf-8")).hexdigest()[:16]


def find_diagrams(text: str, version: str | None = None) -> list[Diagram]:
    """Every ```mermaid fence in a page's Markdown, in order."""
    version = version or mermaid_version()
    found = []
    for m in _FENCE_RE.finditer(text):
        line_start = text.rfind("\n", 0, max(m.start() - 1, 0)) + 1 if m.start() else 0
        previous = text[line_start:m.start()]
        meta = _META_RE.match(previous)
        attrs = dict(_ATTR_RE.findall(meta.group("attrs"))) if meta else {}
        found.append(Diagram(
            line=text.count("\n", 0, m.start()) + 1,
            source=m.group("source"),
            key=diagram_key(m.group("source"), version),
            title=attrs.get("title", "").strip(),
            desc=attrs.get("desc", "").strip(),
            start=line_start if meta else m.start(),
            end=m.end(),
        ))
    return found


def cached_svg(key: str, cache: Path = CACHE_DIR) -> Path:
    return cache / f"{key}.svg"


def markdown_pages(docs: Path) -> list[Path]:
    return sorted(p for p in docs.rglob("*.md") if p.is_file())
