"""Finding article citations (第N条) in Chinese text and deciding which law they cite.

Recognised forms (Chinese numerals, as the 条例 writes them):

- 第三十四条, 第三十一条第六项, 第三十六条第三款, 第二十二条第一款第三项
- 第二十二、三十四、三十五、三十六条 (a list)
- 第四十三至四十六条, 第四十三条至第四十六条 (a range)
- 第十五条第一、二款, 第二十六条第一项至第三项 (lists and ranges of 款 or 项)
- 同条第二款, 该条第三项, 本条第二款: the article of the citation before it on the line

Which document a citation refers to is decided from the same sentence: the nearest
《title》 before it (《信访工作条例》 → 2022, 《信访条例》 → 2005, any other title → that
document, which the course does not check), the words 原条例/旧条例 (→ 2005), or a link
target (`law/tiaoli-2005.md` → 2005). With none of these a citation refers to the 2022 条例.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scripts.law import cn_to_int

_NUM = r"[零〇一二两三四五六七八九十百]+"
_JOIN = r"(?:、|，|至第?|到第?|和第?|及第?)"
#: 第M款 / 第M项 after an article, with lists and ranges: 第一、二款, 第一项至第三项.
_PART = rf"第{_NUM}(?:[款项]?{_JOIN}{_NUM})*[款项]"
#: 第 + numbers joined by 、 or a range with 至 + 条, then optional 第N款/项.
CITATION_RE = re.compile(
    rf"第(?P<nums>{_NUM}(?:{_JOIN}{_NUM})*)条"
    rf"(?:(?:\]\([^)\s]*\))?(?P<tail>(?:{_PART})+))?"  # [第三十一条](…#art-31)第六项: the 项 is the link's
    rf"|(?P<same>[同该本])条(?P<same_tail>(?:{_PART})+)"
    rf"|第(?P<arabic>\d+)条"
)
_PART_RE = re.compile(rf"第(?P<nums>{_NUM}(?:[款项]?{_JOIN}{_NUM})*)(?P<kind>[款项])")
_LINK_CLOSE_RE = re.compile(r"\]\([^)\s]*\)")
_SPLIT_RE = re.compile(r"(、|，|至第?|到第?|和第?|及第?)")
_SENTENCE_END = "。！？；\n|"  # a table cell is a sentence too
_TITLE_RE = re.compile(r"《([^《》]+)》")

#: Titles that mean the current 条例 / the 2005 条例 when they precede a citation.
TITLES_2022 = {"信访工作条例", "条例"}
TITLES_2005 = {"信访条例"}


@dataclass(frozen=True)
class Citation:
    """One citation found in a line of text.

    Attributes:
        line: 1-based line number in the file.
        start: column where the citation starts in that line.
        raw: the text as written, e.g. "第四十三至四十六条".
        articles: article numbers it names, ranges expanded.
        law: "2022", "2005", or the 《title》 of another document.
        numeral_style: "chinese" or "arabic" (第34条 is not how the 条例 writes it).
        clauses: the 款 named after the (last) article, e.g. (1,) for 第二十二条第一款第三项.
        items: the 项 named after it, e.g. (3,).
    """

    line: int
    start: int
    raw: str
    articles: tuple[int, ...]
    law: str
    numeral_style: str = "chinese"
    clauses: tuple[int, ...] = ()
    items: tuple[int, ...] = ()

    @property
    def end(self) -> int:
        """Column just after the citation."""
        return self.start + len(self.raw)

    @property
    def label(self) -> str:
        """The citation as a reader sees it: `第三十一条第六项`, without the link markup in between."""
        return _LINK_CLOSE_RE.sub("", self.raw)


def parse_numbers(nums: str) -> tuple[int, ...]:
    """`二十二、三十四` -> (22, 34); `四十三至四十六` -> (43, 44, 45, 46)."""
    parts = _SPLIT_RE.split(nums)
    numbers: list[int] = [cn_to_int(parts[0])]
    for sep, value in zip(parts[1::2], parts[2::2]):
        n = cn_to_int(value)
        if sep.startswith(("至", "到")) and n > numbers[-1]:
            numbers.extend(range(numbers[-1] + 1, n + 1))
        else:
            numbers.append(n)
    return tuple(numbers)


def parse_parts(tail: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """`第一款第三项` -> ((1,), (3,)); `第一、二款` -> ((1, 2), ()); `第一项至第三项` -> ((), (1, 2, 3))."""
    clauses: list[int] = []
    items: list[int] = []
    for m in _PART_RE.finditer(tail):
        nums = re.sub(r"[款项]", "", m.group("nums"))
        (clauses if m.group("kind") == "款" else items).extend(parse_numbers(nums))
    return tuple(clauses), tuple(items)


def law_for(line_text: str, start: int, link_target: str | None = None) -> str:
    """Decide which document the citation at `start` in `line_text` refers to."""
    if link_target is not None:
        if "tiaoli-2005" in link_target:
            return "2005"
        if "law/" in link_target or link_target.startswith("#art-") or link_target.startswith("index.md#art-"):
            return "2022"
    sentence_start = max(line_text.rfind(ch, 0, start) for ch in _SENTENCE_END) + 1
    before = line_text[sentence_start:start]
    titles = list(_TITLE_RE.finditer(before))
    old_words = [before.rfind(w) for w in ("原条例", "旧条例", "原《信访条例》")]
    last_old = max(old_words)
    if titles:
        last = titles[-1]
        if last_old > last.start():
            return "2005"
        name = last.group(1)
        if name in TITLES_2022:
            return "2022"
        if name in TITLES_2005:
            return "2005"
        return f"《{name}》"
    if last_old >= 0:
        return "2005"
    return "2022"


_LINK_RE = re.compile(r"\[([^\]]*)\]\(([^)\s]+)\)")


def find_citations(line_text: str, line: int) -> list[Citation]:
    """All citations in one line; link text takes its law from the link target."""
    link_spans = [(m.start(1), m.end(1), m.group(2)) for m in _LINK_RE.finditer(line_text)]
    found: list[Citation] = []
    for m in CITATION_RE.finditer(line_text):
        target = next((t for s, e, t in link_spans if s <= m.start() < e), None)
        if m.group("arabic"):
            law = law_for(line_text, m.start(), target)
            found.append(Citation(line, m.start(), m.group(0), (int(m.group("arabic")),), law, "arabic"))
            continue
        if m.group("same"):
            if not found:
                continue  # 本条 with nothing before it: not a citation we can resolve
            previous = found[-1]
            clauses, items = parse_parts(m.group("same_tail"))
            found.append(Citation(line, m.start(), m.group(0), previous.articles[-1:], previous.law, previous.numeral_style, clauses, items))
            continue
        law = law_for(line_text, m.start(), target)
        clauses, items = parse_parts(m.group("tail") or "")
        found.append(Citation(line, m.start(), m.group(0), parse_numbers(m.group("nums")), law, "chinese", clauses, items))
    return found


def iter_links(line_text: str):
    """Yield (text, target, column) for each Markdown inline link in the line."""
    for m in _LINK_RE.finditer(line_text):
        yield m.group(1), m.group(2), m.start()
