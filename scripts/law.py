"""The project's copy of the law texts, read from the Markdown pages that publish them.

The 条例 text exists once, in `docs/law/index.md` (2022) and `docs/law/tiaoli-2005.md`
(the 2005 《信访条例》, for 新旧对照). Those pages use a fixed format:

    ## 第四章　信访事项的办理 {#chapter-4}

    ### 第三十四条 {#art-34}

    paragraph one

    paragraph two

Every check that needs article text (citations, quiz explanations, report checker)
reads it through [`load_law`][scripts.law.load_law], so the law text is never re-typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

#: The two law texts the course uses, by key: their pages, relative to docs/.
LAW_PAGES = {
    "2022": "law/index.md",
    "2005": "law/tiaoli-2005.md",
}
#: The title each law is cited by.
LAW_TITLES = {"2022": "《信访工作条例》", "2005": "《信访条例》"}

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_DIGITS = "零一二三四五六七八九"

#: A line that is a 项 (item) of the 款 before it: （一）（二）…
ITEM_RE = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")  # the 2005 text writes (一)

_CHAPTER_RE = re.compile(r"^## (第.+?章)[\s　]+(.+?) \{#chapter-(\d+)\}\s*$")
_ARTICLE_RE = re.compile(r"^### (第.+?条) \{#art-(\d+)\}\s*$")


class LawFormatError(ValueError):
    """The law page does not follow the fixed format; the message says where."""


def cn_to_int(text: str) -> int:
    """Convert a Chinese numeral up to 999 (三十四, 一百零五, 十) to an int.

    Raises:
        ValueError: if `text` is not a Chinese numeral.
    """
    if not text or any(ch not in _DIGITS and ch not in "十百" for ch in text):
        raise ValueError(f"不是汉字数字：{text!r}")
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _DIGITS[ch]
    return total + current


def int_to_cn(number: int) -> str:
    """Write 1–999 the way the 条例 numbers its articles: 34 -> 三十四, 10 -> 十, 105 -> 一百零五."""
    if not 0 < number < 1000:
        raise ValueError(f"条号超出范围：{number}")
    hundreds, rest = divmod(number, 100)
    tens, ones = divmod(rest, 10)
    out = ""
    if hundreds:
        out += _CN_DIGITS[hundreds] + "百"
        if rest and tens == 0:
            out += "零"
    if tens:
        out += ("" if tens == 1 and not hundreds else _CN_DIGITS[tens]) + "十"
    if ones:
        out += _CN_DIGITS[ones]
    return out


def article_label(number: int) -> str:
    """`34` -> `第三十四条`."""
    return f"第{int_to_cn(number)}条"


@dataclass
class Article:
    """One article: its number, label (第三十四条), chapter number and paragraphs."""

    number: int
    label: str
    chapter: int
    paragraphs: list[str] = field(default_factory=list)
    line: int = 0
    paragraph_lines: list[int] = field(default_factory=list)

    @property
    def text(self) -> str:
        """All paragraphs joined, for searching a quotation or a figure."""
        return "".join(self.paragraphs)

    @property
    def clauses(self) -> list[Clause]:
        """The article's 款, each with its 项.

        How they are counted (the one definition the checks use): every paragraph of the
        article is a 款, except a paragraph that opens with （一）（二）…, which is a 项 of
        the 款 before it, and a paragraph between two 项 of one 款 (（三）…, text, （四）),
        which continues the 项 before it. So 第二十二条 has two 款, the first with three 项,
        and 原《信访条例》第二十一条 has two 款, the first with four 项.
        """
        clauses: list[Clause] = []
        for para in self.paragraphs:
            m = ITEM_RE.match(para)
            if m and clauses:
                number = cn_to_int(m.group(0)[1:-1])
                previous = clauses[-2] if len(clauses) > 1 else None
                if number > 1 and not clauses[-1].items and previous and len(previous.items) == number - 1:
                    # 2005 第二十一条: a paragraph between （三） and （四） continues （三）.
                    previous.items[-1] += "\n" + clauses.pop().text
                clauses[-1].items.append(para)
            else:
                clauses.append(Clause(len(clauses) + 1, para))
        return clauses

    def locate(self, clause: int | None = None, item: int | None = None) -> str | None:
        """Why 第N条第M款第K项 (款 and 项 each optional) does not exist in this article, or None when it does.

        A bare 第K项 (no 款) means the 项 of the 款 that has them; every article of both
        texts has its 项 in one 款 only.
        """
        clauses = self.clauses
        if clause is not None and not 1 <= clause <= len(clauses):
            return f"{self.label}只有{len(clauses)}款" if len(clauses) > 1 else f"{self.label}只有1款，不分款"
        if item is None:
            return None
        if clause is not None:
            count = len(clauses[clause - 1].items)
            where = f"{self.label}第{int_to_cn(clause)}款"
        else:
            with_items = [c for c in clauses if c.items]
            if len(with_items) > 1:
                return f"{self.label}有{len(with_items)}款列有项，请写明第几款"
            count = len(with_items[0].items) if with_items else 0
            where = self.label if not with_items or len(clauses) == 1 else f"{self.label}第{int_to_cn(with_items[0].number)}款"
        if count == 0:
            return f"{where}不分项"
        if not 1 <= item <= count:
            return f"{where}只有{count}项"
        return None


@dataclass
class Clause:
    """One 款 of an article: its number, its text and its 项 (lines （一）（二）…)."""

    number: int
    text: str
    items: list[str] = field(default_factory=list)


@dataclass
class Chapter:
    """One chapter: number, label (第四章), title and its article numbers."""

    number: int
    label: str
    title: str
    articles: list[int] = field(default_factory=list)
    line: int = 0


@dataclass
class Law:
    """A whole law text as published on the site."""

    key: str
    title: str
    path: Path
    chapters: list[Chapter]
    articles: dict[int, Article]

    def article(self, number: int) -> Article | None:
        return self.articles.get(number)


def parse_law(text: str, key: str, path: Path) -> Law:
    """Parse a law page in the fixed format.

    Raises:
        LawFormatError: with file and line, when a heading is malformed, an anchor
            does not match its label, or articles are out of order.
    """
    chapters: list[Chapter] = []
    articles: dict[int, Article] = {}
    current: Article | None = None
    in_front_matter = False
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if lineno == 1 and line == "---":
            in_front_matter = True
            continue
        if in_front_matter:
            in_front_matter = line != "---"
            continue
        if m := _CHAPTER_RE.match(line):
            label, title, anchor = m.group(1), m.group(2), int(m.group(3))
            if label != f"第{int_to_cn(anchor)}章":
                raise LawFormatError(f"{path}:{lineno}: 章标题“{label}”与锚点 chapter-{anchor} 不一致")
            chapters.append(Chapter(anchor, label, title, line=lineno))
            current = None
            continue
        if m := _ARTICLE_RE.match(line):
            label, number = m.group(1), int(m.group(2))
            if label != article_label(number):
                raise LawFormatError(f"{path}:{lineno}: 条标题“{label}”与锚点 art-{number} 不一致")
            if number != len(articles) + 1:
                raise LawFormatError(f"{path}:{lineno}: {label} 出现的位置不对，应为{article_label(len(articles) + 1)}")
            if not chapters:
                raise LawFormatError(f"{path}:{lineno}: {label} 前面没有章标题")
            current = Article(number, label, chapters[-1].number, line=lineno)
            articles[number] = current
            chapters[-1].articles.append(number)
            continue
        if line.startswith("#"):
            current = None
            continue
        if current is not None and line.strip():
            current.paragraphs.append(line.strip())
            current.paragraph_lines.append(lineno)
    if not articles:
        raise LawFormatError(f"{path}:1: 没有找到任何条文（格式应为“### 第一条 {{#art-1}}”）")
    return Law(key, LAW_TITLES.get(key, key), path, chapters, articles)


@lru_cache(maxsize=None)
def load_law(key: str = "2022", docs: Path = DOCS) -> Law:
    """Load a law text from its page under `docs` (`key` is "2022" or "2005")."""
    page = Path(docs) / LAW_PAGES[key]
    return parse_law(page.read_text(encoding="utf-8"), key, page)


def load_laws(docs: Path = DOCS) -> dict[str, Law]:
    """Both law texts, by key."""
    return {key: load_law(key, Path(docs)) for key in LAW_PAGES}
