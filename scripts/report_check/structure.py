"""The outline of a report: title, numbered parts (一、二、…) and items ((一)(二)…).

Reports written in government offices number their parts 一、二、三 and the items
inside a part （一）（二）. A Markdown draft may use `##`/`###` headings instead.
`outline` finds these parts and decides
what each part is (measures, shortcomings, the principal leader's duties, next
year's plans) from the words of its heading, which is how a reader of the report
finds them too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scripts.markdown_text import front_matter_end
from scripts.report_check.reader import Report

_CN = "一二三四五六七八九十"
_PART_RE = re.compile(rf"^(?:#{{1,6}}\s*)?([{_CN}]+)\s*[、．.]\s*(.*)$")
_ITEM_RE = re.compile(rf"^(?:#{{1,6}}\s*)?[（(]([{_CN}]+)[）)]\s*(.*)$")
_MD_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*)$")

#: Kinds of part, decided from the heading (checked in this order).
KIND_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("leader", re.compile(r"第一责任人|主要负责人|述法|主要领导|一把手")),
    ("plans", re.compile(r"下一步|下一年度|下步|明年|安排|打算|工作计划|工作思路|\d{4}年.{0,6}(?:计划|思路|举措)")),
    ("shortcomings", re.compile(r"不足|差距|短板|存在的.{0,4}问题|问题和|薄弱")),
    ("measures", re.compile(r"举措|成效|主要工作|工作情况|做法|成绩|进展")),
]

#: Names of the kinds as the summary prints them.
KIND_NAMES = {
    "measures": "主要举措和成效",
    "shortcomings": "存在的不足和原因",
    "leader": "党政主要负责人履行推进法治建设第一责任人职责情况",
    "plans": "下一年度主要安排",
    "other": "其他",
}


def clean(line: str) -> str:
    """The line without surrounding spaces (including the full-width space)."""
    return line.strip().strip("\u3000").strip()


def heading_text(text: str) -> str:
    """The heading part of an item line: text up to the first 。 (items often run on)."""
    cut = text.split("。", 1)[0]
    return cut


@dataclass
class Item:
    """An item （一） inside a part, from its heading line to `end`."""

    line: int
    heading: str
    end: int


@dataclass
class Part:
    """A numbered part of the report: heading line, kind and extent."""

    line: int
    heading: str
    kind: str
    end: int
    items: list[Item] = field(default_factory=list)

    def body_lines(self) -> range:
        """Line numbers after the heading up to the end of the part."""
        return range(self.line + 1, self.end + 1)


@dataclass
class Outline:
    """The report's title line and parts."""

    title_line: int
    title: str
    parts: list[Part]

    def of_kind(self, kind: str) -> list[Part]:
        return [p for p in self.parts if p.kind == kind]


def classify(heading: str) -> str:
    """Kind of a part from its heading text; "other" when no pattern matches."""
    for kind, pattern in KIND_PATTERNS:
        if pattern.search(heading):
            return kind
    return "other"


def _level(text: str) -> tuple[int, str] | None:
    """(1, heading) for a part heading, (2, heading) for an item, None for prose."""
    if m := _PART_RE.match(text):
        return 1, heading_text(m.group(2)) or text
    if m := _ITEM_RE.match(text):
        return 2, heading_text(m.group(2)) or text
    if m := _MD_HEADING_RE.match(text):
        hashes, rest = m.groups()
        return (1 if len(hashes) <= 2 else 2), heading_text(rest)
    return None


def outline(report: Report) -> Outline:
    """Find the title and the numbered parts of `report`."""
    lines = report.lines
    start = front_matter_end(lines)
    title_line, title = 0, ""
    for i in range(start, len(lines)):
        if text := clean(lines[i]):
            title_line, title = i + 1, text.lstrip("#").strip()
            break
    last = len(lines)
    while last > 0 and not clean(lines[last - 1]):
        last -= 1
    parts: list[Part] = []
    for number in range(title_line + 1, last + 1):
        text = clean(lines[number - 1])
        level = _level(text) if text else None
        if level is None:
            continue
        depth, heading = level
        if depth == 1:
            if parts:
                parts[-1].end = number - 1
            parts.append(Part(number, heading, classify(heading), last))
        elif parts:
            part = parts[-1]
            if part.items:
                part.items[-1].end = number - 1
            part.items.append(Item(number, heading, part.end))
    for part in parts:
        while part.end > part.line and not clean(lines[part.end - 1]):
            part.end -= 1
        if part.items:
            part.items[-1].end = part.end
            for item in part.items:
                while item.end > item.line and not clean(lines[item.end - 1]):
                    item.end -= 1
    # Parts that name no kind but come before the shortcomings and plans are the
    # year's work, which is how reports without a "主要举措" heading are written.
    first_later = min((p.line for p in parts if p.kind in {"shortcomings", "plans"}), default=last + 1)
    for part in parts:
        if part.kind == "other" and part.line < first_later:
            part.kind = "measures"
    return Outline(title_line, title, parts)
