"""Reading Markdown pages as the checks need them: front matter, and prose lines with line numbers."""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Iterator
from pathlib import Path

_FENCE_RE = re.compile(r"^\s*(`{3,}|~{3,})")
_INLINE_CODE_RE = re.compile(r"`[^`\n]*`")
_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)


class FrontMatterError(ValueError):
    """Front matter is not valid YAML; the message has file and line."""


def front_matter_end(lines: list[str]) -> int:
    """Index of the first line after the front matter (0 when there is none or it is not closed)."""
    if lines and lines[0].strip() == "---":
        for i, line in enumerate(lines[1:], start=1):
            if line.strip() == "---":
                return i + 1
    return 0


def split_front_matter(text: str, path: str = "<text>") -> tuple[dict, int]:
    """Return (front matter as a dict, line number where the body starts).

    A build reads some pages' front matter many times (study hours, lesson plans, the bank), and
    `mkdocs serve` again after every change: a text already read is not parsed again (the caller
    gets its own copy).

    Raises:
        FrontMatterError: when the YAML between the `---` lines does not parse.
    """
    meta, body_line = _parse_front_matter(text, path)
    return copy.deepcopy(meta), body_line


@functools.lru_cache(maxsize=512)
def _parse_front_matter(text: str, path: str) -> tuple[dict, int]:
    import yaml  # here, not at the top: the report checker imports this module in the browser, where there is no yaml

    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return {}, 1
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            block = "\n".join(lines[1:i])
            try:
                data = yaml.safe_load(block) or {}
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                where = (mark.line + 2) if mark else 1
                raise FrontMatterError(f"{path}:{where}: front matter 不是有效的 YAML：{getattr(exc, 'problem', exc)}") from None
            if not isinstance(data, dict):
                raise FrontMatterError(f"{path}:2: front matter 应当是“键: 值”的映射")
            return data, i + 2
    raise FrontMatterError(f"{path}:1: front matter 缺少结束行 ---")


def prose_lines(text: str) -> Iterator[tuple[int, str]]:
    """Yield (line number, text) for the lines a reader sees as prose.

    Skips front matter and fenced code blocks; blanks out inline code and HTML
    comments (keeping columns and line numbers), so checks don't read examples.
    """
    # Blank out comments but keep their newlines so line numbers stay right.
    text = _COMMENT_RE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    lines = text.splitlines()
    start = front_matter_end(lines)
    fence: str | None = None
    for idx in range(start, len(lines)):
        line = lines[idx]
        m = _FENCE_RE.match(line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            continue
        if m:
            fence = m.group(1)
            continue
        # Indented code inside admonitions is prose; only fences are code here.
        yield idx + 1, _INLINE_CODE_RE.sub(lambda m: " " * len(m.group(0)), line)


def markdown_files(docs: Path) -> list[Path]:
    """All Markdown pages under `docs`, sorted, except snippet sources in docs/includes."""
    return sorted(p for p in docs.rglob("*.md") if "includes" not in p.relative_to(docs).parts[:1])
