"""Conditions: a restatement of a conditional figure or duty of the 条例 carries its condition.

The knowledge lives in `scripts/data/conditions.yml` (one reviewed entry per conditional
rule: 60日 only for 第三十一条第六项规定的信访事项, 延长 only 情况复杂的 and 经本机关、单位负责人
批准, …); this module is a small reader of it. It does two things:

1. **Verifies the data against the law text**: every entry's `says` and condition `words`
   occur verbatim in the article (in its 款 when `clause` is given), and a `when` word is
   what the article says. A wrong entry is reported at its line in the data file.
2. **Reads every claim of docs/** — a sentence, a table row, a list item, or a quiz claim
   (a true/false statement marked 正确, a filled-in stem, a choice stem with a correct
   option; see [`scripts.quiz_text`][scripts.quiz_text]) — and when a claim cites the
   entry's article (or, for `uncited` entries, cites nothing) and says its figure or duty
   (`when`), every condition group (`needs`) must be written in the same claim: the
   article's words or a reviewed equivalent (`accept`).

An author who has scoped a whole section already (a heading such as “第三十一条第六项规定的
信访事项的办理期限”) says so with a marker below the heading, honoured until the next
heading of the same or a higher level:

    <!-- 条件已述：60日办结、延长办理期限 -->

A marker naming an unknown entry is itself a finding; there is no page-wide switch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from scripts.checks.quotations import clean, find_quotes
from scripts.citations import find_citations
from scripts.findings import Finding
from scripts.law import Law, article_label, int_to_cn, load_laws
from scripts.markdown_text import markdown_files, prose_lines
from scripts.quiz_text import EXPLANATION, RIGHT_OPTION, STEM, QuizLine, fill_blanks, quiz_lines

DATA = Path(__file__).resolve().parents[1] / "data" / "conditions.yml"
DATA_SHOWN = "scripts/data/conditions.yml"

_MARKER_RE = re.compile(r"<!--\s*条件已述[:：]\s*(?P<ids>.*?)\s*-->")
_HEADING_RE = re.compile(r"^(#{1,6})\s")
_LIST_RE = re.compile(r"^\s*(?:[-*+]|\d+\.)\s")
_SEPARATOR_RE = re.compile(r"^\s*\|?\s*:?-{3,}")
_SENTENCE_END = "。！？!?"
#: "…" in a pattern: up to this many characters of anything but a sentence end.
_GAP = r"[^。！？|]{0,15}?"


@dataclass
class Group:
    """One condition: the article's words, and reviewed equivalents that also carry it."""

    words: str
    accept: list[str] = field(default_factory=list)

    def patterns(self) -> list[re.Pattern]:
        return [_pattern(p) for p in [self.words, *self.accept]]


@dataclass
class Rule:
    """One conditional figure or duty (an entry of conditions.yml)."""

    id: str
    articles: tuple[int, ...]
    says: str
    when: list[str]
    needs: list[Group]
    reason: str
    clause: int | None = None
    context: list[str] = field(default_factory=list)
    provision: list[str] = field(default_factory=list)
    uncited: bool = False
    scope_only: bool = False
    line: int = 0

    def applies(self, text: str, scope: str, exact: bool = False) -> bool:
        """The claim restates this figure or duty: a `when` word and a `provision` word
        (unless it cites the rule's 款 exactly) in its segment, a `context` word in its sentence."""
        if not any(_pattern(w).search(text) for w in self.when):
            return False
        if self.context and not any(_pattern(c).search(scope) for c in self.context):
            return False
        return exact or not self.provision or any(_pattern(c).search(text) for c in self.provision)

    def missing(self, text: str) -> list[Group]:
        """The condition groups the claim does not write."""
        return [g for g in self.needs if not any(p.search(text) for p in g.patterns())]


class ConditionsDataError(ValueError):
    """conditions.yml is malformed; the message has the file and line."""


def _pattern(text: str) -> re.Pattern:
    return re.compile(_GAP.join(re.escape(part) for part in text.split("…")))


def load_rules(path: Path = DATA, shown: str = DATA_SHOWN) -> list[Rule]:
    """Read conditions.yml into rules.

    Raises:
        ConditionsDataError: with file and line, for YAML or field errors.
    """
    text = path.read_text(encoding="utf-8")
    try:
        entries = yaml.safe_load(text) or []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConditionsDataError(f"{shown}:{mark.line + 1 if mark else 1}: 不是有效的 YAML：{getattr(exc, 'problem', exc)}") from None
    lines = text.splitlines()
    rules: list[Rule] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries if isinstance(entries, list) else [None]):
        where = _entry_line(lines, entry, index)
        if not isinstance(entry, dict):
            raise ConditionsDataError(f"{shown}:{where}: 每条记录应当是一个映射（id、article、says、when、needs、reason）")
        missing = [k for k in ("id", "article", "says", "when", "needs", "reason") if not entry.get(k)]
        if missing:
            raise ConditionsDataError(f"{shown}:{where}: 记录缺少字段：{'、'.join(missing)}")
        if entry["id"] in seen:
            raise ConditionsDataError(f"{shown}:{where}: 记录名“{entry['id']}”重复")
        seen.add(entry["id"])
        articles = entry["article"] if isinstance(entry["article"], list) else [entry["article"]]
        try:
            needs = [Group(str(g["words"]), [str(a) for a in g.get("accept") or []]) for g in entry["needs"]]
        except (TypeError, KeyError):
            raise ConditionsDataError(f"{shown}:{where}: needs 的每一组应当有 words（条文原文）和可选的 accept（等价写法）") from None
        rules.append(Rule(
            id=str(entry["id"]), articles=tuple(int(a) for a in articles), says=str(entry["says"]),
            when=[str(w) for w in entry["when"]], needs=needs, reason=str(entry["reason"]),
            clause=entry.get("clause"), context=[str(c) for c in entry.get("context") or []],
            provision=[str(c) for c in entry.get("provision") or []],
            uncited=bool(entry.get("uncited")), scope_only=bool(entry.get("scope_only")), line=where,
        ))
    return rules


def _entry_line(lines: list[str], entry, index: int) -> int:
    if isinstance(entry, dict) and entry.get("id"):
        for n, line in enumerate(lines, start=1):
            if re.match(rf"^-\s+id:\s*{re.escape(str(entry['id']))}\s*$", line):
                return n
    starts = [n for n, line in enumerate(lines, start=1) if line.startswith("- ")]
    return starts[index] if index < len(starts) else 1


def verify_rules(rules: list[Rule], law: Law, shown: str = DATA_SHOWN) -> list[Finding]:
    """Each entry's `says` and condition words are in its article (款), and it says a `when` word."""
    findings: list[Finding] = []
    for rule in rules:
        for number in rule.articles:
            article = law.article(number)
            if article is None:
                findings.append(Finding(shown, rule.line, f"{rule.id}：条例没有{article_label(number)}"))
                continue
            if rule.clause is not None:
                if article.locate(rule.clause) is not None:
                    findings.append(Finding(shown, rule.line, f"{rule.id}：{article.locate(rule.clause)}"))
                    continue
                clause = article.clauses[rule.clause - 1]
                text = clause.text + "".join(clause.items)
                where = f"{article.label}第{int_to_cn(rule.clause)}款"
            else:
                text, where = article.text, article.label
            for words in [rule.says, *(g.words for g in rule.needs)]:
                if words not in text:
                    findings.append(Finding(shown, rule.line, f"{rule.id}：“{words}”不是{where}的原文，请对照条文改正"))
            if not any(_pattern(w).search(rule.says) for w in rule.when):
                findings.append(Finding(shown, rule.line, f"{rule.id}：when 中没有一个写法出现在 says（“{rule.says}”）里"))
    return findings


@dataclass
class Claim:
    """Where a figure or duty may be restated, and what counts as its context.

    `text` is one segment (a table cell, or a clause of a sentence or list item up to ；);
    it must hold the figure or duty and the citation (its own, or else its sentence's, list
    item's or row's). `scope` is what the conditions may be written in: the whole
    sentence, list item, or table row with its header row; for a quiz claim, the whole
    question (stem, correct options and explanation).
    """

    line: int
    text: str
    scope: str
    cited: set[tuple[int, int | None]]  # (article, 款 or None)
    has_citation: bool
    sentence: str = ""  # the sentence (or table row) holding the segment


def claims(text: str) -> list[Claim]:
    """Every claim segment of a page's Markdown, with the 2022 articles it cites."""
    roles = quiz_lines(text)
    questions = _question_texts(text, roles)
    found: list[Claim] = []
    header = ""
    for lineno, line in prose_lines(text):
        role = roles.get(lineno)
        if role is not None:
            found += _quiz_claims(lineno, line, role, questions)
            continue
        stripped = line.strip()
        if not stripped.startswith("|"):
            header = ""
        if not stripped or _SEPARATOR_RE.match(stripped):
            continue
        if stripped.startswith("|"):
            if not header:
                header = line  # a table's first row names its columns
            found += _segments(lineno, _cells(line), header + line)
        elif _LIST_RE.match(line) or _HEADING_RE.match(stripped):
            found += _segments(lineno, _clauses(line), line)
        else:
            for sentence in _split(line, _SENTENCE_END):
                found += _segments(lineno, _clauses(sentence), sentence)
    return found


def _question_texts(text: str, roles: dict[int, QuizLine]) -> dict[int, str]:
    """Quiz first line -> what the question claims: stem, correct options and explanation."""
    lines = text.splitlines()
    texts: dict[int, str] = {}
    for lineno, role in roles.items():
        if role.role in (STEM, RIGHT_OPTION, EXPLANATION):
            texts[role.quiz.first_line] = texts.get(role.quiz.first_line, "") + fill_blanks(lines[lineno - 1]) + "\n"
    return texts


def _quiz_claims(lineno: int, line: str, role: QuizLine, questions: dict[int, str]) -> list[Claim]:
    quiz = role.quiz
    question = questions.get(quiz.first_line, line)
    if role.role == EXPLANATION:
        # The explanation's claims may rely on the question: its stem and answer count as context.
        found = [c for sentence in _split(line, _SENTENCE_END) for c in _segments(lineno, _clauses(sentence), sentence)]
        for claim in found:
            claim.scope = clean(question)
        return found
    if role.role == STEM and quiz.kind == "choice":
        return []  # a question, not a claim: read with each correct option
    if role.role not in (STEM, RIGHT_OPTION):
        return []  # wrong options and false statements are false on purpose
    stem = "".join(fill_blanks(l) for l in questions.get(quiz.first_line, "").splitlines()[: len(quiz.stem_lines)])
    text = fill_blanks(line) if role.role == STEM else stem + " " + line
    claim = _claim(lineno, text, question, text)
    claim.cited |= {(n, None) for n in quiz.articles}
    claim.has_citation = claim.has_citation or bool(quiz.articles)
    return [claim]


def _segments(lineno: int, parts: list[str], scope: str) -> list[Claim]:
    whole = bool(find_citations(scope, lineno))
    found = []
    for part in parts:
        claim = _claim(lineno, part, scope, part if find_citations(part, lineno) else scope, whole)
        sentence = next((s for s in _split(scope, _SENTENCE_END) if part in s), scope)
        claim.sentence = clean(sentence if not scope.lstrip().startswith("|") else scope)
        found.append(claim)
    return found


def _claim(lineno: int, text: str, scope: str, cited_in: str, has_citation: bool | None = None) -> Claim:
    cites = [c for c in find_citations(cited_in, lineno) if c.law == "2022"]
    cited = {(n, clause) for c in cites for n in c.articles for clause in (c.clauses or (None,))}
    if has_citation is None:
        has_citation = bool(find_citations(cited_in, lineno))
    return Claim(lineno, clean(text), clean(scope), cited, has_citation)


def _split(text: str, ends: str) -> list[str]:
    """`text` cut after each character of `ends` that is outside quotation marks."""
    quotes = find_quotes(text)
    cuts = [i for i, ch in enumerate(text) if ch in ends and not any(q.start < i < q.end for q in quotes)]
    parts, start = [], 0
    for cut in cuts:
        parts.append(text[start : cut + 1])
        start = cut + 1
    if text[start:].strip():
        parts.append(text[start:])
    return parts


def _clauses(sentence: str) -> list[str]:
    return _split(sentence, "；;。！？")


def _cells(row: str) -> list[str]:
    return [cell for cell in re.split(r"(?<!\\)\|", row) if cell.strip()]


def _cites(claim: Claim, rule: Rule) -> str:
    """"exact" when the claim cites the rule's 款, "article" when it cites the article, else ""."""
    found = ""
    for number, clause in claim.cited:
        if number not in rule.articles:
            continue
        if clause is not None and rule.clause is not None and clause == rule.clause:
            return "exact"
        if clause is None or rule.clause is None:
            if clause is not None and rule.scope_only:
                continue  # the 款 named already says which provision is meant
            found = "article"
    return found


_QUESTION_RE = re.compile(r"(?:什么时候|什么情况|哪些|哪种|怎样|如何|是否)[^，。；？]*$")


def _asked(text: str, rule: Rule) -> bool:
    """什么时候由公安机关处置？: the figure or duty is what a question asks about, not a claim."""
    for part in _split(text, "，,。；？?"):
        if part.rstrip().endswith(("？", "?")) and any(_pattern(w).search(part) for w in rule.when):
            m = next(_pattern(w).search(part) for w in rule.when if _pattern(w).search(part))
            if _QUESTION_RE.search(part[: m.start()]):
                return True
    return False


def _scopes(text: str, known: set[str], shown: str) -> tuple[dict[int, set[str]], list[Finding]]:
    """Line -> rule ids declared by 条件已述 markers for the section the line is in."""
    lines = text.splitlines()
    active: list[tuple[int, set[str]]] = []  # (heading level, ids)
    level = 0
    by_line: dict[int, set[str]] = {}
    findings: list[Finding] = []
    for n, line in enumerate(lines, start=1):
        h = _HEADING_RE.match(line)
        if h:
            level = len(h.group(1))
            active = [(lv, ids) for lv, ids in active if lv < level]
        for m in _MARKER_RE.finditer(line):
            ids = {i.strip() for i in re.split(r"[、，,\s]+", m.group("ids")) if i.strip()}
            unknown = sorted(ids - known)
            if unknown:
                findings.append(Finding(shown, n, f"条件已述标记中的记录名不存在：{'、'.join(unknown)}（见 {DATA_SHOWN}）"))
            active.append((level, ids & known))
        by_line[n] = set().union(*(ids for _, ids in active)) if active else set()
    return by_line, findings


def check_text(text: str, shown: str, rules: list[Rule], law: Law) -> list[Finding]:
    """Condition findings for one page's Markdown `text`."""
    scopes, findings = _scopes(text, {r.id for r in rules}, shown)
    seen: set[tuple[int, str]] = set()
    for claim in claims(text):
        for rule in rules:
            if rule.id in scopes.get(claim.line, ()) or (claim.line, rule.id) in seen:
                continue
            cites = _cites(claim, rule)
            if not (cites or rule.uncited and not claim.has_citation):
                continue
            if "→" in claim.text:
                continue  # a flow chain (提出 → 登记 → …) names steps, it does not restate them
            if not rule.applies(claim.text, claim.sentence or claim.scope, exact=cites == "exact") or _asked(claim.text, rule):
                continue
            missing = rule.missing(claim.scope)
            if not missing:
                continue
            seen.add((claim.line, rule.id))
            label = "、".join(article_label(n) for n in rule.articles)
            conditions = "、".join(f"“{g.words}”" for g in missing)
            findings.append(Finding(
                shown, claim.line,
                f"重述{label}（{rule.id}）缺少条件{conditions}：{rule.reason}"
                f"请在同一句、同一表格行或同一列表项中写出条件，或直接引用原文",
            ))
    return findings


def check(root: Path) -> list[Finding]:
    """Verify the data against the law, then check every page under `root/docs` except the law texts."""
    docs = root / "docs"
    law = load_laws(docs)["2022"]
    try:
        rules = load_rules()
    except ConditionsDataError as exc:
        path, line, message = str(exc).split(":", 2)
        return [Finding(path, int(line), message.strip())]
    findings = verify_rules(rules, law)
    law_files = {law.path.resolve() for law in load_laws(docs).values()}
    for page in markdown_files(docs):
        if page.resolve() in law_files:
            continue
        findings += check_text(page.read_text(encoding="utf-8"), page.relative_to(root).as_posix(), rules, law)
    return findings


try:  # register with `python -m scripts check` (the runner imports this module)
    from scripts.checks.runner import register_docs_check
except ImportError:  # pragma: no cover
    pass
else:
    register_docs_check("conditions", check)
