"""A module page read as teaching material: its front matter, sections, key points, tables,
diagrams, case, discussion questions and review, as plain text with the articles each part cites.

Key points of a section (`## 一、……`) are the items of its 本节要点 box; a section without
one, and each subsection (`###`), is summed up by the first sentence of each paragraph and
its list items. Citations are the articles the section links to (`law/index.md#art-N`, and
`law/tiaoli-2005.md#art-N` for the 2005 《信访条例》).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from scripts.law import article_label
from scripts.markdown_text import split_front_matter

#: The module pages slides are made of, in course order: (code, page under docs/).
MODULE_PAGES = (
    ("zongze", "modules/zongze/index.md"),
    ("tizhi", "modules/tizhi/index.md"),
    ("tichu-shouli", "modules/tichu-shouli/index.md"),
    ("banli", "modules/banli/index.md"),
    ("jiandu-zhuize", "modules/jiandu-zhuize/index.md"),
    ("fuze", "modules/fuze/index.md"),
    ("xinjiu-duizhao", "modules/xinjiu-duizhao/index.md"),
    ("roadmap", "roadmap/index.md"),
    ("reporting", "reporting/index.md"),
)
CASE, DISCUSSION, QUIZ, REVIEW = "教学案例（情节虚构）", "讨论题", "小测验", "重点回顾"
KEY_POINTS_TITLE = "本节要点"

_FENCE = re.compile(r"^(`{3,}|~{3,})\s*(\w*)")
_ADMONITION = re.compile(r'^(!!!|\?\?\?\+?)\s+\w+(?:\s+"([^"]*)")?')
_LIST_ITEM = re.compile(r"^(?:[-*+]|\d+\.)\s+(.*)")
_LAW_LINK = re.compile(r"\]\([^)]*?law/(index|tiaoli-2005)\.md#art-(\d+)\)")
_BANK_QUIZ = re.compile(r'<!--\s*bank-quiz\s+module="([^"]+)"')
_SENTENCE_END = re.compile(r"(?<=[。！？；])")


def plain(markdown: str) -> str:
    """Inline Markdown as the reader sees it: links, emphasis and HTML reduced to their text."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"\*\*|__|(?<!\w)[*_](?!\s)|`", "", text)
    return re.sub(r"\s+", " ", text).strip()


def first_sentence(text: str) -> str:
    parts = [p for p in _SENTENCE_END.split(text) if p.strip()]
    return parts[0].strip() if parts else text


def cited(markdown: str) -> list[str]:
    """Labels of the articles `markdown` links to, in first-seen order: 第七条, 原《信访条例》第五条."""
    seen: list[str] = []
    for law, number in _LAW_LINK.findall(markdown):
        label = article_label(int(number))
        label = label if law == "index" else f"原《信访条例》{label}"
        if label not in seen:
            seen.append(label)
    return seen


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    articles: list[str]


@dataclass
class Part:
    """A `##` or `###` part of the page with what the slides and checks need from it."""

    level: int
    title: str
    line: int
    paragraphs: list[str] = field(default_factory=list)   # plain text, one per paragraph
    items: list[str] = field(default_factory=list)        # plain text of list items
    raw_items: list[str] = field(default_factory=list)    # the same items as written (Markdown)
    key_points: list[str] = field(default_factory=list)   # the 本节要点 box, plain text
    tables: list[Table] = field(default_factory=list)
    diagrams: list[int] = field(default_factory=list)     # index of each diagram on the page
    markdown: list[str] = field(default_factory=list)     # every line of the part, as written

    @property
    def articles(self) -> list[str]:
        return cited("\n".join(self.markdown))

    def summary(self, limit: int = 6) -> list[str]:
        """Key points: the 本节要点 box, else first sentences of paragraphs and the list items."""
        if self.key_points:
            return self.key_points
        points = [first_sentence(p) for p in self.paragraphs[:3]] + self.items
        return points[:limit]


@dataclass
class ModuleText:
    code: str
    path: Path
    title: str
    description: str
    objectives: list[str]
    hours: float | None
    audience: list[str]
    intro: str
    parts: list[Part]           # every ## and ### in order (case, discussion … included)
    quiz_module: str | None

    def part(self, title: str) -> Part | None:
        return next((p for p in self.parts if p.level == 2 and p.title == title), None)

    def content_parts(self) -> list[Part]:
        """The teaching sections (## and ###) before the case, discussion, quiz and review."""
        out, inside = [], True
        for p in self.parts:
            if p.level == 2:
                inside = p.title not in (CASE, DISCUSSION, QUIZ, REVIEW)
            if inside:
                out.append(p)
        return out

    def case_parts(self) -> list[Part]:
        """Each case: the ### under 教学案例, or the ## itself when it has no subsection."""
        out, inside = [], False
        for p in self.parts:
            if p.level == 2:
                inside = p.title == CASE
                if inside:
                    out.append(p)
            elif inside:
                out.append(p)
        subs = [p for p in out if p.level == 3]
        return subs or out

    def key_points(self) -> list[str]:
        return [k for p in self.parts for k in p.key_points]


def read_module(code: str, path: Path) -> ModuleText:
    text = path.read_text(encoding="utf-8")
    meta, body_line = split_front_matter(text, str(path))
    lines = text.splitlines()[body_line - 1:]
    title, intro = str(meta.get("title", "")), []
    parts: list[Part] = []
    current: Part | None = None
    in_h2: Part | None = None
    fence: str | None = None
    diagrams = 0
    box: list[str] | None = None  # collecting a 本节要点 box
    paragraph: list[str] = []
    table: list[str] = []

    def flush() -> None:
        nonlocal paragraph, table
        target = current
        if paragraph:
            joined = " ".join(s.strip() for s in paragraph)
            if target is None:
                intro.append(plain(joined))
            else:
                item = _LIST_ITEM.match(joined)
                if item:
                    target.raw_items.append(item.group(1))
                    target.items.append(plain(item.group(1)))
                else:
                    target.paragraphs.append(plain(joined))
        if table and target is not None:
            rows = [[plain(c) for c in row.strip().strip("|").split("|")] for row in table
                    if not re.fullmatch(r"\|?[\s:|-]+\|?", row.strip())]
            if rows:
                target.tables.append(Table(rows[0], rows[1:], cited("\n".join(table))))
        paragraph, table = [], []

    def keep(raw: str) -> None:
        """A line as written, for the citations of its subsection and of its section."""
        for part in {id(p): p for p in (current, in_h2) if p is not None}.values():
            part.markdown.append(raw)

    for offset, raw in enumerate(lines):
        line_no = body_line + offset
        stripped = raw.strip()
        fm = _FENCE.match(stripped)
        if fence:
            if fm and fm.group(1)[0] == fence[0]:
                fence = None
            continue
        if fm:
            flush()
            fence = fm.group(1)
            if fm.group(2) == "mermaid":
                if current is not None:
                    current.diagrams.append(diagrams)
                diagrams += 1
            continue
        if box is not None:
            if stripped == "" or raw.startswith(("    ", "\t")):
                item = _LIST_ITEM.match(stripped)
                if item:
                    box.append(item.group(1))
                elif stripped and box:
                    box[-1] += stripped
                keep(raw)
                continue
            target = in_h2 or current
            if target is not None:
                target.key_points += [plain(b) for b in box]
            box = None
        keep(raw)
        heading = re.match(r"^(#{1,3})\s+(.*)", raw)
        if heading:
            flush()
            level = len(heading.group(1))
            if level == 1:
                title = plain(heading.group(2))
                continue
            current = Part(level, plain(heading.group(2)), line_no, markdown=[raw])
            parts.append(current)
            if level == 2:
                in_h2 = current
            continue
        admonition = _ADMONITION.match(stripped)
        if admonition:
            flush()
            if admonition.group(2) == KEY_POINTS_TITLE:
                box = []
            elif current is not None and admonition.group(2):
                paragraph = [f"{admonition.group(2)}："]
            continue
        if not stripped:
            flush()
            continue
        if stripped.startswith("<!--") or stripped.startswith("<"):
            continue
        if stripped.startswith("|"):
            if paragraph:
                flush()
            table.append(stripped)
            continue
        if table:
            flush()
        if _LIST_ITEM.match(stripped) and paragraph:
            flush()
        paragraph.append(stripped)
    flush()
    if box is not None and (in_h2 or current) is not None:
        (in_h2 or current).key_points += [plain(b) for b in box]
    quiz = _BANK_QUIZ.search(text)
    hours = meta.get("hours")
    return ModuleText(
        code=code, path=path, title=title or str(meta.get("title", code)), description=str(meta.get("description", "")),
        objectives=[str(o) for o in meta.get("objectives") or []],
        hours=hours if isinstance(hours, (int, float)) and not isinstance(hours, bool) else None,
        audience=[str(a) for a in meta.get("audience") or []], intro=" ".join(intro), parts=parts,
        quiz_module=quiz.group(1) if quiz else None,
    )


def read_modules(docs: Path) -> list[ModuleText]:
    """Every module page of MODULE_PAGES that exists under `docs`."""
    return [read_module(code, docs / rel) for code, rel in MODULE_PAGES if (docs / rel).is_file()]
