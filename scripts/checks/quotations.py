"""Quotations and figures: what a page says the 条例 says must be in the article it cites.

Two rules (编写规范 三、引用规则 5):

- **Quotations.** A quotation “……” attached to an article citation must appear
  verbatim in that article (in one of the articles, for 第四十三至四十六条).
- **Figures.** A period or a number of people written with a citation in the same
  clause (15日, 60日, 5个工作日, 5人) must appear in the cited article's text.

A citation of the 2005 《信访条例》 (原《信访条例》第三十三条, or a link to
`law/tiaoli-2005.md`) is checked against the 2005 text; which law a citation refers
to is decided by [`scripts.citations.law_for`][scripts.citations.law_for].

What counts as attached, chosen so the check does not cry wolf:

- A quotation belongs to the citation right after it (``“……”（第三条）``,
  ``“……”是第三条的规定``), otherwise to the nearest citation before it in the same
  sentence (``第七条规定：“……”``, ``第五条第二项“……”``). A sentence ends at
  。！？； outside quotation marks; in a table row each cell is a sentence, and a quotation
  whose cell has no citation belongs to the citations in the other cells of the row.
- A quotation is not checked when a document other than the 条例 (《……》) or a chapter
  (第N章) is named between its citation and itself: it is that document's wording.
- A quotation right after a negation (没有“……”, 不是“……”, 删去了“……”) or a change
  (原《信访条例》第一条的“甲”扩展为“乙”) is not checked against that citation: the page
  says the article does not contain it.
- A 第N条 inside quotation marks is part of the quoted text, not a citation; a citation
  that only says which matters are meant (第三十一条第六项规定的信访事项, 违反第二十条、
  第二十六条规定的) is not the source of the words or figures around it.
- A figure belongs to the citations in its clause (a clause ends at ， too); when its clause
  has none, to the citations that lead its sentence (依据第三十四条，……) or close it in
  parentheses (……60日内办结（第三十四条）。).
- Inside a `<quiz>` (see [`scripts.quiz_text`][scripts.quiz_text]), wrong options and the
  statement of a true/false question whose answer is 错误 are not read: they are false on
  purpose. A true/false statement marked 正确, a fill-in stem (blanks filled) and a correct
  option are claims: without a citation of their own, they belong to the articles the
  question cites (its `articles` and the citations of its stem and explanation).

Quotations are compared after removing Markdown emphasis and links, ‘’ read as “”;
an ellipsis (…… ) splits a quotation into parts that must appear in order, and a
full stop closing the quotation may be the quoter's.

Each finding prints the article's actual wording nearest to what was written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from pathlib import Path

from scripts.citations import Citation, find_citations
from scripts.findings import Finding
from scripts.law import Law, article_label, load_laws
from scripts.markdown_text import markdown_files, prose_lines
from scripts.quiz_text import FALSE_STATEMENT, MARKUP, RIGHT_OPTION, STEM, WRONG_OPTION, fill_blanks, quiz_lines

#: Characters that end a sentence when they are outside quotation marks.
SENTENCE_END = "。！？；!?;"
#: ... and those that end a clause (for figures).
CLAUSE_END = SENTENCE_END + "，,"
#: A figure as the 条例 writes it: 15日, 5个工作日, 5人. Not a date's day (5月1日).
FIGURE_RE = re.compile(r"(?<![\d.月])(\d+)(个工作日|日|人)")
#: Between a quotation and a citation that counts as "right after" it.
_RIGHT_AFTER_RE = re.compile(
    r"^[\s（(\[]*(?:的?[，,]?(?:属于|是|即|见)|出自|引自|语出|源自)?[\s（(\[]*(?:原?《[^《》]+》|原条例|本?条例)?$"
)
#: Words just before a quotation that say the cited article does NOT contain it
#: (没有“……”), or that it is what the cited wording was changed into (原条例的“甲”改为“乙”).
_NEGATION_RE = re.compile(r"(?:没有|不是|并非|而非|而不是|未写|未规定|不含|不包括|删去了?|删除了?|取消了?|去掉了?|不再[写用]?|改为|改成|变为|变成|扩展为|替换为)[^，。；“”]{0,4}$")
#: After a citation: it names which matters are meant (第三十一条第六项规定的信访事项), not the source.
_N = "[零〇一二两三四五六七八九十百]+"
_DESCRIPTIVE_RE = re.compile(
    rf"^(?:\]\([^)]*\))?(?:第{_N}[款项])*"
    rf"(?:[、和及与]\[?(?:本条例)?第{_N}条(?:\]\([^)]*\))?(?:第{_N}[款项])*)*"  # 第二十条、第二十六条规定的
    rf"(?:规定的(?:信访事项|事项|情形|行为|[，,])|(?:信访)?事项)"
)
#: What stops a quotation from belonging to an earlier citation.
_BARRIER_RE = re.compile(r"《([^《》]+)》|第[零〇一二两三四五六七八九十百\d]+章")
_TITLES_OF_LAWS = {"信访工作条例", "条例", "信访条例"}
_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP_RE = re.compile(r"<[^>]+>|\*\*|__|==|\^\^|~~|\*|\[\[|\]\]|\{[^}]*\}")
_ELLIPSIS_RE = re.compile(r"…+|\.{3,}")


@dataclass(frozen=True)
class Quote:
    """A quotation in a line: columns of its opening “ and closing ”, and the text between."""

    start: int
    end: int  # column just after the closing ”
    text: str


def find_quotes(line: str) -> list[Quote]:
    """Outermost “……” spans of a line (nested “” stay part of the text); unclosed ones are ignored."""
    quotes: list[Quote] = []
    depth, opened = 0, 0
    for i, ch in enumerate(line):
        if ch == "“":
            if depth == 0:
                opened = i
            depth += 1
        elif ch == "”" and depth:
            depth -= 1
            if depth == 0:
                quotes.append(Quote(opened, i + 1, line[opened + 1 : i]))
    return quotes


def _inside(pos: int, quotes: list[Quote]) -> bool:
    return any(q.start < pos < q.end for q in quotes)


def _boundaries(line: str, quotes: list[Quote], ends: str) -> list[int]:
    """Columns of sentence (or clause) ends outside quotation marks; table cell bars count too.

    A quotation that closes a sentence (“……。”) ends the sentence too, unless a
    parenthesis follows it (“……。”（第五十条）).
    """
    table = _is_table(line)
    bounds = [
        i for i, ch in enumerate(line)
        if (ch in ends or (table and ch == "|" and (i == 0 or line[i - 1] != "\\"))) and not _inside(i, quotes)
    ]
    for q in quotes:
        if q.text.endswith(("。", "！", "？")) and not line[q.end : q.end + 1] in ("（", "("):
            bounds.append(q.end - 1)
    return sorted(bounds)


def _is_table(line: str) -> bool:
    return line.lstrip().startswith("|")


def _citations(line: str, lineno: int) -> list[Citation]:
    """Citations of a line; in a table row each cell is read alone, so a title in one cell
    does not decide the law of a citation in the next."""
    if not _is_table(line):
        return find_citations(line, lineno)
    found: list[Citation] = []
    offset = 0
    for cell in re.split(r"(?<!\\)\|", line):
        found += [replace(c, start=c.start + offset) for c in find_citations(cell, lineno)]
        offset += len(cell) + 1
    return found


def _descriptive(line: str, cite: Citation) -> bool:
    """第三十一条第六项规定的信访事项: the citation says which matters, not where the words are."""
    return bool(_DESCRIPTIVE_RE.match(line[cite.start + len(cite.raw) :]))


def _span(pos: int, bounds: list[int], length: int) -> tuple[int, int]:
    """(start, end) of the sentence or clause containing column `pos`."""
    start = max((b + 1 for b in bounds if b < pos), default=0)
    end = min((b for b in bounds if b >= pos), default=length)
    return start, end


def clean(text: str) -> str:
    """Quotation text as a reader sees it: no links, emphasis or tags; ‘’ as “”; no spaces."""
    text = _LINK_RE.sub(r"\1", text)
    text = _MARKUP_RE.sub("", text)
    text = text.replace("‘", "“").replace("’", "”")
    return re.sub(r"\s+", "", text)


def occurs_in(quote: str, text: str) -> bool:
    """True if `quote` (parts split by an ellipsis, in order) occurs verbatim in `text`."""
    variants = [quote]
    if quote.endswith("。"):
        variants.append(quote[:-1])  # the quoter's full stop
    for variant in variants:
        parts = [p for p in _ELLIPSIS_RE.split(variant) if p]
        pos, ok = 0, bool(parts)
        for part in parts:
            found = text.find(part, pos)
            if found < 0:
                ok = False
                break
            pos = found + len(part)
        if ok:
            return True
    return False


def nearest_wording(quote: str, law: Law, numbers: list[int], width: int = 60) -> str:
    """The cited articles' wording closest to `quote`: the aligned stretch of the best paragraph."""
    best = (-1.0, "")
    for number in numbers:
        article = law.article(number)
        if article is None:
            continue
        for para in article.paragraphs:
            matcher = SequenceMatcher(None, quote, para, autojunk=False)
            score = sum(b.size for b in matcher.get_matching_blocks())
            if score <= best[0]:
                continue
            block = matcher.find_longest_match(0, len(quote), 0, len(para))
            start = max(0, block.b - block.a - 3) if block.size else 0  # a little context before
            span = max(len(quote) + 8, 20)
            snippet = para[start : start + min(span, width + len(quote))]
            if start + len(snippet) < len(para):
                snippet += "……"
            if start > 0:
                snippet = "……" + snippet
            best = (score, snippet)
    return best[1]


def _cited(cite: Citation) -> str:
    labels = "、".join(article_label(n) for n in cite.articles)
    if not cite.raw:
        return f"本题所考的{labels}"  # a quiz claim without a citation of its own
    return labels if len(cite.articles) == 1 else f"{cite.raw}（{labels}）"


def _where_else(quote: str, laws: dict[str, Law], cited_key: str, cited: set[int]) -> str:
    """A hint naming where the quotation does occur, if anywhere (the cited law first)."""
    places = []
    for key in (cited_key, *[k for k in laws if k != cited_key]):
        law = laws[key]
        hits = [n for n, a in law.articles.items() if occurs_in(quote, a.text) and not (key == cited_key and n in cited)]
        if not hits:
            continue
        labels = "、".join(article_label(n) for n in hits[:3])
        if key == cited_key:
            places.append(labels)
        elif key == "2005":
            places.append(f"原《信访条例》{labels}（引用旧条例应写明“原《信访条例》”并链接 law/tiaoli-2005.md）")
        else:
            places.append(f"{law.title}{labels}")
    return f"；这段文字见于{'，又见于'.join(places)}" if places else ""


def _is_claim(role) -> bool:
    """A quiz line that states what its articles say: a true/false statement marked 正确,
    a fill-in stem, or a correct option."""
    return (role.role == RIGHT_OPTION or role.role == STEM and role.quiz.kind in ("truefalse", "fill")) and bool(role.quiz.articles)


def _is_barrier(text: str) -> bool:
    return any(m.group(1) is None or m.group(1) not in _TITLES_OF_LAWS for m in _BARRIER_RE.finditer(text))


def _attached(quote: Quote, line: str, cites: list[Citation], sentence_bounds: list[int]) -> list[Citation]:
    """The citation(s) a quotation belongs to (see the module docstring); [] when none."""
    s_start, s_end = _span(quote.start, sentence_bounds, len(line))
    if _NEGATION_RE.search(line[s_start : quote.start]):
        return []  # “没有‘……’”: says the article does not contain it
    after = [c for c in cites if quote.end <= c.start < s_end and _RIGHT_AFTER_RE.match(line[quote.end : c.start])]
    if after:
        return [after[0]]
    before = [c for c in cites if s_start <= c.start and c.start + len(c.raw) <= quote.start and not _descriptive(line, c)]
    if before:
        nearest = before[-1]
        between = line[nearest.start + len(nearest.raw) : quote.start]
        between = _LINK_RE.sub(lambda m: " " * len(m.group(0)), between)  # a link's target is no barrier
        return [] if _is_barrier(between) else [nearest]
    if _is_table(line):
        in_cell = [c for c in cites if s_start <= c.start < s_end]
        if not in_cell and not _is_barrier(line[s_start:quote.start]):
            return [c for c in cites if not (s_start <= c.start < s_end) and not _descriptive(line, c)]
    return []


#: What may stand around the citations of a sentence's first clause for them to source the
#: whole sentence: 依据第三十四条，… / 《信访工作条例》第二十六条规定，… / 第三十四条明确：…
_LEAD_RE = re.compile(
    r"^\s*(?:[-*+>]\s*|\d+\.\s*)?(?:\*\*)?(?:依据|根据|按照|依照|对照|参照|按|据)?\s*(?:《[^《》]*》|条例|本条例)?"
    r"\s*(?:的?(?:规定|要求|明确|指出|写明|载明|强调|提出)了?|中|里|来看|看)?(?:\*\*)?[：:]?\s*$"
)
#: A sentence that ends by naming its source: ……，这是第三十四条的规定。/ ……，见第三十四条。
_TRAILING_RE = re.compile(r"^[\s，,]*(?:这|以上|上述|此)?(?:是|属于|见|依据|出自|即)?(?:《[^《》]*》|本?条例)?\s*$")
_TRAILING_TAIL_RE = re.compile(r"^(?:\]\([^)]*\))?(?:第[零〇一二两三四五六七八九十百]+[款项])*(?:的|之)?(?:规定|要求)?\s*[。！？；|]?\s*$")
_CLOSING_RE = re.compile(r"[（(]([^（）()]*)[）)][\s。！？；|]*$")


def _lead_citations(line: str, s_start: int, c_bounds: list[int], cites: list[Citation]) -> list[Citation]:
    """依据第三十四条，……: the citations of a sentence's first clause when that clause is only
    the citation (and 依据/根据), so they source the whole sentence."""
    first_end = min((b for b in c_bounds if b >= s_start), default=len(line))
    lead = [c for c in cites if s_start <= c.start < first_end]
    if not lead:
        return []
    clause = list(line[s_start:first_end])
    for c in lead:  # blank the citations themselves, then read what surrounds them
        clause[c.start - s_start : c.end - s_start] = " " * len(c.raw)
    rest = _LINK_RE.sub(r"\1", "".join(clause))
    rest = re.sub(r"原?《[^《》]*》(?=\s*$)|[、和及至\[\]\s]|\*\*", "", rest)
    return lead if _LEAD_RE.match(rest) else []


def _closing_citations(line: str, s_start: int, s_end: int, cites: list[Citation]) -> list[Citation]:
    """……（第三十四条）。 or ……，这是第三十四条的规定。: the citations that close the sentence."""
    masked = re.sub(r"\]\([^)]*\)", lambda m: "]" + " " * (len(m.group(0)) - 1), line)  # link targets
    m = _CLOSING_RE.search(masked[s_start : s_end + 1])
    if m:
        lo, hi = s_start + m.start(), s_start + m.end()
        return [c for c in cites if lo <= c.start < hi and not _descriptive(line, c)]
    inside = [c for c in cites if s_start <= c.start < s_end]
    if not inside:
        return []
    last = inside[-1]
    clause_start = max(masked.rfind(ch, s_start, last.start) for ch in "，,：:") + 1
    head = re.sub(r"\[", "", masked[max(clause_start, s_start) : last.start])
    if _TRAILING_RE.match(head) and _TRAILING_TAIL_RE.match(masked[last.end : s_end + 1]):
        return [c for c in inside if c.start >= clause_start and not _descriptive(line, c)]
    return []


def _figure_citations(pos: int, line: str, cites: list[Citation], clause_bounds, sentence_bounds) -> list[Citation]:
    """Citations in the figure's clause; when the clause only names matters (第三十一条第六项
    规定的信访事项) or has none, the citations that lead or close its sentence (依据第三十四条，……；
    ……（第三十四条）); failing those, when the clause only names matters, any citation of its
    sentence or table row."""
    c_start, c_end = _span(pos, clause_bounds, len(line))
    in_clause = [c for c in cites if c_start <= c.start < c_end]
    sources = [c for c in in_clause if not _descriptive(line, c)]
    if sources:
        return sources
    s_start, s_end = _span(pos, sentence_bounds, len(line))
    sources = _lead_citations(line, s_start, clause_bounds, cites) + _closing_citations(line, s_start, s_end, cites)
    if sources:
        return sources
    if not in_clause:
        # In a table the row is the claim: a cell without citations takes the row's.
        in_cell = [c for c in cites if s_start <= c.start < s_end]
        return [c for c in cites if not _descriptive(line, c)] if _is_table(line) and not in_cell else []
    sources = [c for c in cites if s_start <= c.start < s_end and not _descriptive(line, c)]
    if not sources and _is_table(line):
        sources = [c for c in cites if not _descriptive(line, c)]
    return sources


def check_text(text: str, shown: str, laws: dict[str, Law]) -> list[Finding]:
    """Quotation and figure findings for one page's Markdown `text`."""
    findings: list[Finding] = []
    quiz = quiz_lines(text)
    for lineno, line in prose_lines(text):
        role = quiz.get(lineno)
        if role and role.role in (WRONG_OPTION, FALSE_STATEMENT, MARKUP):
            continue  # false on purpose
        if role and role.role in (STEM, RIGHT_OPTION):
            line = fill_blanks(line)
        quotes = find_quotes(line)
        if not quotes and not FIGURE_RE.search(line):
            continue
        cites = [c for c in _citations(line, lineno) if not _inside(c.start, quotes)]
        # A true/false statement marked 正确, a filled-in stem or a correct option says what
        # the articles the question cites say: what has no citation of its own belongs to them.
        question = [Citation(lineno, len(line), "", tuple(sorted(role.quiz.articles)), "2022")] if role and _is_claim(role) else []
        if not cites and not question:
            continue
        sentence_bounds = _boundaries(line, quotes, SENTENCE_END)
        checked_quotes: list[Quote] = []
        for quote in quotes:
            attached = _attached(quote, line, cites, sentence_bounds) if cites else []
            attached = [c for c in attached if c.law in laws] or question
            if not attached:
                continue
            checked_quotes.append(quote)
            findings += _check_quote(quote, attached, laws, shown, lineno)
        clause_bounds = _boundaries(line, quotes, CLAUSE_END)
        for m in FIGURE_RE.finditer(line):
            if _inside(m.start(), checked_quotes):
                continue  # verified verbatim with its quotation
            attached = _figure_citations(m.start(), line, cites, clause_bounds, sentence_bounds) if cites else []
            attached = [c for c in attached if c.law in laws] or question
            if attached:
                findings += _check_figure(m.group(0), attached, laws, shown, lineno)
    return findings


def _check_quote(quote: Quote, attached: list[Citation], laws, shown: str, lineno: int) -> list[Finding]:
    text = clean(quote.text)
    if not text:
        return []
    for cite in attached:
        law = laws[cite.law]
        missing = [n for n in cite.articles if law.article(n) is None]
        if missing:
            return [Finding(shown, lineno, f"引文“{_short(text)}”所引的{article_label(missing[0])}不存在：{law.title}共{max(law.articles)}条")]
        if any(occurs_in(text, law.articles[n].text) for n in cite.articles):
            return []
    cite = attached[0]
    law = laws[cite.law]
    where = "原《信访条例》" if cite.law == "2005" else ""
    wording = nearest_wording(text, law, list(cite.articles))
    hint = _where_else(text, laws, cite.law, set(cite.articles))
    return [Finding(
        shown, lineno,
        f"引文“{_short(text)}”与{where}{_cited(cite)}原文不一致：原文为“{wording}”{hint}",
    )]


def _check_figure(figure: str, cites: list[Citation], laws, shown: str, lineno: int) -> list[Finding]:
    pattern = re.compile(rf"(?<!\d){re.escape(figure)}")
    for cite in cites:
        law = laws[cite.law]
        if any(law.article(n) is not None and pattern.search(law.articles[n].text) for n in cite.articles):
            return []
    cite = cites[0]
    law = laws[cite.law]
    existing = [n for n in cite.articles if law.article(n) is not None]
    if not existing:
        return []  # the citations check reports an article that does not exist
    article = law.articles[existing[0]]
    para = next((p for p in article.paragraphs if FIGURE_RE.search(p)), article.paragraphs[0])
    m = FIGURE_RE.search(para)
    start = max(0, m.start() - 30) if m else 0
    wording = ("……" if start else "") + para[start : start + 60] + ("……" if start + 60 < len(para) else "")
    holders = [n for n, a in law.articles.items() if pattern.search(a.text)]
    where = "原《信访条例》" if cite.law == "2005" else ""
    hint = f"；{figure}见于{where}{'、'.join(article_label(n) for n in holders[:4])}" if holders else f"；{law.title}中没有“{figure}”"
    return [Finding(
        shown, lineno,
        f"“{figure}”不在{'所引的' if cite.raw else ''}{where}{_cited(cite)}中：{where}{article.label}原文为“{wording}”{hint}",
    )]


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "……"


def check(root: Path) -> list[Finding]:
    """Check every page under `root/docs` except the law texts themselves."""
    docs = root / "docs"
    laws = load_laws(docs)
    law_files = {law.path.resolve() for law in laws.values()}
    findings: list[Finding] = []
    for page in markdown_files(docs):
        if page.resolve() in law_files:
            continue
        findings += check_text(page.read_text(encoding="utf-8"), page.relative_to(root).as_posix(), laws)
    return findings


try:  # register with `python -m scripts check` (the runner imports this module)
    from scripts.checks.runner import register_docs_check
except ImportError:  # pragma: no cover - the runner is optional for the tests
    pass
else:
    register_docs_check("quotations", check)
