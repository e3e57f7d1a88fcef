"""成绩码: a short code of a mock paper and the answers given, re-scored from the bank.

This module is the one definition of the format. The exam page and the 阅卷 page
do not restate it: the build hook writes `spec()` and `paper_spec()` into those
pages as JSON, and `assets/records.js` only follows them.

A code is 35 characters of Crockford base-32 (`0-9 A-Z` without I, L, O, U;
read case-insensitively, `O` as 0, `I` and `L` as 1, hyphens and spaces
ignored), shown in groups of five: `A3K0P-…`. In order:

| Part | Characters | Holds |
|---|---|---|
| paper | 1 | the paper letter, `A`, `B` or `C` |
| version | 2 | CRC-32 of the paper's questions and option orders, low 10 bits: a code from an older build of the paper is recognised as such |
| day | 3 | the day of 交卷, days since 2020-01-01 (local date) |
| answers | `length` of the paper (25 for 50 questions) | one mixed-radix number, first question least significant |
| check | 4 | CRC-32 of the 31+ characters before it (ASCII), low 20 bits |

The answer digit of each question, in paper order, with its radix:

- single choice and true/false with *n* options: radix *n*+1; 0 = not answered,
  *k*+1 = the option at position *k* on the paper (A = 0);
- multiple choice with *n* options: radix 2^*n*; the bit *k* set = position *k*
  chosen, 0 = not answered;
- fill-in-the-blank: radix 3; 0 = not answered, 1 = answered but not the bank's
  answer, 2 = the bank's answer (the page compares after folding full-width
  characters and dropping spaces). The typed text itself is not in the code.

The check detects a mistyped or altered code (an accidental change passes with a
chance of one in a million). It is not a seal: the format is public and the answer
keys are on the site, so a code proves what was answered only as far as the
instructor trusts whoever typed it.
"""

from __future__ import annotations

import datetime as _dt
import sys
import zlib
from dataclasses import dataclass

from scripts.bank.model import FILL, MULTIPLE, TYPE_NAMES, Bank, option_letter
from scripts.bank.papers import PASS_MARK, POINTS, Paper, build_papers

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
#: Characters read as another: Crockford's rule, for codes copied by hand.
ALIASES = {"O": "0", "I": "1", "L": "1"}
VERSION_CHARS = 2
DAY_CHARS = 3
CHECK_CHARS = 4
EPOCH = _dt.date(2020, 1, 1)
GROUP = 5
NOT_ANSWERED, FILL_WRONG, FILL_RIGHT = 0, 1, 2


class CodeError(ValueError):
    """A code that cannot be read; the message is the one line shown to the user."""


def crc32(text: str) -> int:
    return zlib.crc32(text.encode("utf-8")) & 0xFFFFFFFF


def to_base32(number: int, width: int) -> str:
    chars = []
    for _ in range(width):
        number, digit = divmod(number, 32)
        chars.append(ALPHABET[digit])
    if number:
        raise ValueError("number does not fit")
    return "".join(reversed(chars))


def from_base32(text: str) -> int:
    number = 0
    for ch in text:
        number = number * 32 + ALPHABET.index(ch)
    return number


def radix(q, order: list[int]) -> int:
    if q.type == FILL:
        return 3
    if q.type == MULTIPLE:
        return 2 ** len(order)
    return len(order) + 1


def paper_orders(paper: Paper) -> list[list[int]]:
    """Each question's option order on the paper (bank option index at each position)."""
    from scripts.bank.render import option_order

    return [option_order(q, paper.letter) for q in paper.questions]


def paper_version(paper: Paper) -> str:
    orders = paper_orders(paper)
    text = paper.letter + "|" + ";".join(f"{q.id}:{','.join(map(str, o))}" for q, o in zip(paper.questions, orders))
    return to_base32(crc32(text) % 32**VERSION_CHARS, VERSION_CHARS)


def answers_length(radices: list[int]) -> int:
    product = 1
    for r in radices:
        product *= r
    width = 0
    while 32**width < product:
        width += 1
    return width


def check_chars(head: str) -> str:
    return to_base32(crc32(head) % 32**CHECK_CHARS, CHECK_CHARS)


def spec() -> dict:
    """What the browser needs to write and read codes (see the module docstring)."""
    return {"alphabet": ALPHABET, "aliases": ALIASES, "versionChars": VERSION_CHARS, "dayChars": DAY_CHARS,
            "checkChars": CHECK_CHARS, "epoch": EPOCH.isoformat(), "group": GROUP}


def paper_spec(paper: Paper) -> dict:
    """Per paper: letter, version, radices and the width of the answers part."""
    radices = [radix(q, o) for q, o in zip(paper.questions, paper_orders(paper))]
    return {"letter": paper.letter, "version": paper_version(paper), "radices": radices,
            "length": answers_length(radices)}


def correct_digit(q, order: list[int]) -> int:
    """The digit a fully correct answer to `q` has."""
    if q.type == FILL:
        return FILL_RIGHT
    positions = [order.index(i) for i in q.correct]
    if q.type == MULTIPLE:
        return sum(1 << p for p in positions)
    return positions[0] + 1


def encode(paper: Paper, digits: list[int], day: _dt.date) -> str:
    """The code for answer digits (one per question, paper order) given on `day`."""
    ps = paper_spec(paper)
    number, weight = 0, 1
    for d, r in zip(digits, ps["radices"], strict=True):
        if not 0 <= d < r:
            raise ValueError(f"digit {d} outside radix {r}")
        number += d * weight
        weight *= r
    head = (paper.letter + ps["version"] + to_base32((day - EPOCH).days, DAY_CHARS)
            + to_base32(number, ps["length"]))
    return format_code(head + check_chars(head))


def format_code(code: str) -> str:
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def normalise(text: str) -> str:
    """Upper case, no spaces or hyphens, Crockford aliases applied."""
    out = []
    for ch in text.strip().upper():
        if ch in " -\t\u3000－—":
            continue
        out.append(ALIASES.get(ch, ch))
    return "".join(out)


@dataclass
class Decoded:
    paper: Paper
    day: _dt.date
    digits: list[int]


def decode(text: str, papers: dict[str, Paper]) -> Decoded:
    """Read a code; raise CodeError with one line saying what is wrong and what to do."""
    code = normalise(text)
    if not code:
        raise CodeError("成绩码是空的：请输入交卷后成绩单上的成绩码")
    bad = sorted({ch for ch in code if ch not in ALPHABET})
    if bad:
        raise CodeError(f"成绩码中有不该出现的字符“{''.join(bad)}”：成绩码只由数字和英文字母组成，请照成绩单重新输入")
    letter = code[0]
    if letter not in papers:
        raise CodeError(f"成绩码的第一个字符应是试卷代号（{'、'.join(papers)}），现为“{letter}”：请照成绩单重新输入")
    paper = papers[letter]
    ps = paper_spec(paper)
    expected = 1 + VERSION_CHARS + DAY_CHARS + ps["length"] + CHECK_CHARS
    if len(code) != expected:
        raise CodeError(f"成绩码应有{expected}个字符（不计连字符），现有{len(code)}个：请照成绩单重新输入")
    head, check = code[:-CHECK_CHARS], code[-CHECK_CHARS:]
    if check_chars(head) != check:
        raise CodeError("成绩码校验不通过：有字符抄错或被改动过，请照成绩单重新输入")
    version = code[1 : 1 + VERSION_CHARS]
    if version != ps["version"]:
        raise CodeError(f"成绩码来自另一版本的{paper.title}（题库更新后试卷已变），无法按当前题库阅卷")
    pos = 1 + VERSION_CHARS
    day = EPOCH + _dt.timedelta(days=from_base32(code[pos : pos + DAY_CHARS]))
    number = from_base32(code[pos + DAY_CHARS : -CHECK_CHARS])
    digits = []
    for r in ps["radices"]:
        number, d = divmod(number, r)
        digits.append(d)
    if number:
        raise CodeError("成绩码的答案部分超出本卷的范围：有字符抄错或被改动过，请照成绩单重新输入")
    return Decoded(paper, day, digits)


@dataclass
class Marked:
    number: int
    question: object
    digit: int
    correct: bool

    def given(self, order: list[int]) -> str:
        """The answer given, as the paper shows it: `B`, `A、C`, `正确`, `（未答）`."""
        q = self.question
        if self.digit == NOT_ANSWERED:
            return "（未答）"
        if q.type == FILL:
            return "与答案一致" if self.digit == FILL_RIGHT else "与答案不一致"
        if q.type == MULTIPLE:
            return "、".join(option_letter(p) for p in range(len(order)) if self.digit >> p & 1)
        position = self.digit - 1
        if q.type == "truefalse":
            return q.options[order[position]]
        return option_letter(position)


@dataclass
class Result:
    paper: Paper
    day: _dt.date
    marked: list[Marked]

    @property
    def correct(self) -> int:
        return sum(m.correct for m in self.marked)

    @property
    def points(self) -> int:
        return self.correct * POINTS

    @property
    def passed(self) -> bool:
        return self.points >= PASS_MARK

    def breakdown(self, key) -> list[tuple[str, int, int]]:
        """[(name, correct, total) …] grouped by `key(question)`, in first-appearance order."""
        rows: dict[str, list[int]] = {}
        for m in self.marked:
            row = rows.setdefault(key(m.question), [0, 0])
            row[0] += m.correct
            row[1] += 1
        return [(name, c, t) for name, (c, t) in rows.items()]


def score(decoded: Decoded) -> Result:
    orders = paper_orders(decoded.paper)
    marked = [
        Marked(n, q, d, d == correct_digit(q, o))
        for n, (q, o, d) in enumerate(zip(decoded.paper.questions, orders, decoded.digits), start=1)
    ]
    return Result(decoded.paper, decoded.day, marked)


def report(result: Result, bank: Bank) -> list[str]:
    """The lines `python -m scripts score` prints."""
    paper = result.paper
    total = len(result.marked)
    d = result.day
    lines = [
        f"{paper.title}　{d.year}年{d.month}月{d.day}日交卷",
        f"得分：{result.points}分（答对{result.correct}题，共{total}题，每题{POINTS}分），"
        f"{'及格' if result.passed else '不及格'}（{PASS_MARK}分及格）",
        "按题型：" + "；".join(f"{name}{c}/{t}" for name, c, t in result.breakdown(lambda q: TYPE_NAMES[q.type])),
        "按章节：" + "；".join(f"{name}{c}/{t}" for name, c, t in
                             result.breakdown(lambda q: bank.titles.get(q.module, q.module))),
    ]
    orders = paper_orders(paper)
    wrong = [m for m in result.marked if not m.correct]
    if wrong:
        lines.append("错题：" + "；".join(
            f"第{m.number}题（{_answer(m, orders[m.number - 1])}，应为{_key(m, orders[m.number - 1])}）" for m in wrong))
    else:
        lines.append("错题：无")
    return lines


def _answer(m: Marked, order: list[int]) -> str:
    return "未答" if m.digit == NOT_ANSWERED else "答" + m.given(order)


def _key(m: Marked, order: list[int]) -> str:
    q = m.question
    return q.answer_text() if q.type == FILL else Marked(m.number, q, correct_digit(q, order), True).given(order)


def main(argv: list[str]) -> int:
    """`python -m scripts score CODE`: re-score a 成绩码 from the bank; exit 2 for a bad code."""
    if len(argv) != 1 or argv[0] in {"-h", "--help"}:
        print("用法：python -m scripts score 成绩码（成绩单上的成绩码，连字符可有可无）", file=sys.stderr)
        return 0 if argv[:1] in (["-h"], ["--help"]) else 2
    from scripts.bank.model import load_bank

    bank = load_bank()
    if bank.problems:
        print(f"{bank.problems[0]}（题库有误，先运行 python -m scripts quiz-check）", file=sys.stderr)
        return 1
    try:
        result = score(decode(argv[0], build_papers(bank)))
    except CodeError as exc:
        print(exc, file=sys.stderr)
        return 2
    print("\n".join(report(result, bank)))
    return 0
