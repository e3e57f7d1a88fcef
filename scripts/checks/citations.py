"""Citations: every 第N条 that refers to the 条例 names an existing article (and 款 and 项:
第N条第M款, 第N条第M项, 第N条第M款第K项, counted as [`Article.clauses`][scripts.law.Article.clauses]
counts them), and every link to an article anchor lands on the article its text names.

Which law a citation refers to is decided by [`scripts.citations.law_for`][scripts.citations.law_for].
The law pages themselves are not checked: they are the verbatim text.
"""

from __future__ import annotations

import re
from pathlib import Path

from scripts.citations import find_citations, iter_links
from scripts.findings import Finding
from scripts.law import article_label, load_laws
from scripts.markdown_text import markdown_files, prose_lines

_ANCHOR_RE = re.compile(r"^(art|chapter)-(\d+)$")


def check(root: Path) -> list[Finding]:
    """Check every page under `root/docs` except the law texts."""
    docs = root / "docs"
    laws = load_laws(docs)
    law_files = {law.path.resolve(): key for key, law in laws.items()}
    findings: list[Finding] = []
    for page in markdown_files(docs):
        if page.resolve() in law_files:
            continue
        findings += check_text(page.read_text(encoding="utf-8"), page.relative_to(root).as_posix(), page, docs, laws)
    return findings


def _missing_parts(cite, law, shown: str, lineno: int) -> list[Finding]:
    """第N条第M款/第M项 that the article does not have (the 款/项 belong to the last article named)."""
    if not (cite.clauses or cite.items):
        return []
    article = law.article(cite.articles[-1])
    if article is None:
        return []
    problems = []
    for clause in cite.clauses or (None,):
        for item in cite.items or (None,):
            why = article.locate(clause, item)
            if why and why not in problems:
                problems.append(why)
    where = "原《信访条例》" if law.key == "2005" else ""
    return [Finding(shown, lineno, f"“{cite.label}”不存在：{where}{why}，请核对条文（{law.path.relative_to(law.path.parents[1]).as_posix()}#art-{article.number}）") for why in problems]


def check_text(text: str, shown: str, page: Path, docs: Path, laws) -> list[Finding]:
    """Citation findings for one page's Markdown `text` (`page` locates its relative links)."""
    findings: list[Finding] = []
    law_by_file = {law.path.resolve(): key for key, law in laws.items()}
    for lineno, line in prose_lines(text):
        for cite in find_citations(line, lineno):
            if cite.law not in laws:
                continue  # another document's article: not checked here
            law = laws[cite.law]
            if cite.numeral_style == "arabic":
                findings.append(Finding(shown, lineno, f"“{cite.raw}”应按条例写法用汉字条号，如“{article_label(cite.articles[0])}”"))
            for number in cite.articles:
                if law.article(number) is None:
                    last = max(law.articles)
                    findings.append(Finding(shown, lineno, f"“{cite.raw}”：{law.title}没有{article_label(number)}（共{last}条）"))
            findings += _missing_parts(cite, law, shown, lineno)
        for link_text, target, _ in iter_links(line):
            path_part, _, fragment = target.partition("#")
            if not fragment:
                continue
            resolved = (page.parent / path_part).resolve() if path_part else page.resolve()
            key = law_by_file.get(resolved)
            if key is None:
                continue
            law = laws[key]
            m = _ANCHOR_RE.match(fragment)
            if not m:
                findings.append(Finding(shown, lineno, f"链接 {target} 的锚点不是条文锚点（应为 #art-N 或 #chapter-N）"))
                continue
            kind, number = m.group(1), int(m.group(2))
            if kind == "chapter":
                if number not in {c.number for c in law.chapters}:
                    findings.append(Finding(shown, lineno, f"链接 {target}：{law.title}没有第{number}章"))
                continue
            if law.article(number) is None:
                findings.append(Finding(shown, lineno, f"链接 {target}：{law.title}没有{article_label(number)}"))
                continue
            named = [c for c in find_citations(link_text, lineno) if c.law in (key, "2022", "2005")]
            if not named:
                findings.append(Finding(shown, lineno, f"链接文字“{link_text}”没有写明条号：指向 #art-{number} 的链接应写作“{article_label(number)}”"))
            elif named[0].articles[0] != number:
                findings.append(Finding(
                    shown, lineno,
                    f"链接文字“{link_text}”与锚点 #art-{number} 不是同一条：{article_label(number)}是“{law.article(number).text[:30]}……”",
                ))
    return findings
