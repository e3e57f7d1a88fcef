"""What each line inside a `<quiz>` block says, for the checks that read claims.

A quiz mixes true and false sentences on purpose: a wrong option, or the statement of a
true/false question whose answer is 错误, is false by design and must not be read as a
claim. What a question does claim:

- the statement of a true/false question whose answer is 正确;
- the stem of a fill-in-the-blank question, with its blanks filled;
- the stem of a choice question together with each correct option;
- its explanation.

A question names the articles it tests in its metadata comment
(`<!-- q id="banli-29" articles="31,34" -->`, see 编写规范 §五); the articles it cites are
those and every 2022 citation in its stem and explanation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scripts.citations import find_citations

_OPTION_RE = re.compile(r"^\s*[-*]\s*\[(?P<mark>[xX ]?)\]\s?(?P<text>.*)$")
_META_RE = re.compile(r'^<!--\s*q\b.*?articles="(?P<articles>[^"]*)".*?-->\s*$')
_BLANK_RE = re.compile(r"\[\[([^\]]*)\]\]")
_TRUE_FALSE = ("正确", "错误")

#: Roles of a quiz line.
STEM, RIGHT_OPTION, WRONG_OPTION, FALSE_STATEMENT, EXPLANATION, MARKUP = (
    "stem", "right-option", "wrong-option", "false-statement", "explanation", "markup",
)


@dataclass
class Quiz:
    """One `<quiz>` block: where it is, its kind, its stem lines and the articles it cites."""

    first_line: int
    kind: str  # "choice", "truefalse" or "fill"
    stem_lines: list[int] = field(default_factory=list)
    articles: set[int] = field(default_factory=set)


@dataclass(frozen=True)
class QuizLine:
    """One line of a quiz: its role, and the quiz it belongs to."""

    role: str
    quiz: Quiz


def fill_blanks(text: str) -> str:
    """`自受理之日起[[60]]日内` -> `自受理之日起60日内` (blanks read with their answers)."""
    return _BLANK_RE.sub(lambda m: m.group(1).split("|")[0], text)


def quiz_lines(text: str) -> dict[int, QuizLine]:
    """Line number -> role for every line inside a `<quiz>` block of a page's Markdown."""
    lines = text.splitlines()
    roles: dict[int, QuizLine] = {}
    i = 0
    while i < len(lines):
        if lines[i].strip() != "<quiz>":
            i += 1
            continue
        end = i + 1
        while end < len(lines) and lines[end].strip() != "</quiz>":
            end += 1
        meta = _META_RE.match(lines[i - 1].strip()) if i else None
        body = list(range(i + 1, end))
        options = [k for k in body if _OPTION_RE.match(lines[k])]
        marks = {k: _OPTION_RE.match(lines[k]).group("mark").lower() == "x" for k in options}
        texts = {k: _OPTION_RE.match(lines[k]).group("text").strip() for k in options}
        first_option = options[0] if options else None
        if options and sorted(texts.values()) == sorted(_TRUE_FALSE):
            kind = "truefalse"
        elif not options and any(_BLANK_RE.search(lines[k]) for k in body):
            kind = "fill"
        else:
            kind = "choice"
        quiz = Quiz(i + 1, kind)
        if meta:
            quiz.articles |= {int(n) for n in re.findall(r"\d+", meta.group("articles"))}
        false_statement = kind == "truefalse" and any(marks[k] and texts[k] == "错误" for k in options)
        for k in body:
            line = lines[k]
            if k in marks:
                role = RIGHT_OPTION if marks[k] and kind == "choice" else WRONG_OPTION if kind == "choice" else MARKUP
            elif line.strip() in ("", "---"):
                role = MARKUP
            elif (k < first_option) if first_option is not None else not _after_separator(lines, i, k):
                role = FALSE_STATEMENT if false_statement else STEM
                quiz.stem_lines.append(k + 1)
            else:
                role = EXPLANATION
            roles[k + 1] = QuizLine(role, quiz)
            if role in (STEM, FALSE_STATEMENT, EXPLANATION):
                quiz.articles |= {n for c in find_citations(line, k + 1) if c.law == "2022" for n in c.articles}
        i = end + 1
    return roles


def _after_separator(lines: list[str], start: int, k: int) -> bool:
    """In a fill-in question the explanation follows a `---` line."""
    return any(lines[j].strip() == "---" for j in range(start + 1, k))
