"""成绩码 (scripts.bank.scorecode): written and read back, altered codes rejected, the CLI."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.bank import scorecode
from scripts.bank.model import FILL, load_bank
from scripts.bank.papers import build_papers

ROOT = Path(__file__).resolve().parents[2]
DAY = dt.date(2026, 3, 2)


@pytest.fixture(scope="module")
def papers():
    return build_papers(load_bank(ROOT / "docs", ROOT))


def all_right(paper):
    return [scorecode.correct_digit(q, o) for q, o in zip(paper.questions, scorecode.paper_orders(paper))]


def test_round_trip_and_score(papers):
    paper = papers["B"]
    digits = all_right(paper)
    digits[0] = 0  # not answered
    digits[-1] = scorecode.FILL_WRONG
    code = scorecode.encode(paper, digits, DAY)
    assert len(code.replace("-", "")) == 35 and code.startswith("B")
    decoded = scorecode.decode(code.lower().replace("-", " "), papers)
    assert decoded.paper is paper and decoded.day == DAY and decoded.digits == digits
    result = scorecode.score(decoded)
    assert (result.correct, result.points, result.passed) == (48, 96, True)
    assert [m.number for m in result.marked if not m.correct] == [1, 50]


def test_every_single_character_change_is_rejected(papers):
    paper = papers["A"]
    code = scorecode.encode(paper, all_right(paper), DAY).replace("-", "")
    for i in range(len(code)):
        for ch in "0Z7":
            if ch == code[i]:
                continue
            altered = code[:i] + ch + code[i + 1 :]
            with pytest.raises(scorecode.CodeError):
                scorecode.decode(altered, papers)


@pytest.mark.parametrize("text, message", [
    ("", "空的"),
    ("A!!", "不该出现的字符"),
    ("D" + "0" * 34, "试卷代号"),
    ("A123", "应有35个字符"),
])
def test_malformed_codes_get_one_clear_line(papers, text, message):
    with pytest.raises(scorecode.CodeError) as exc:
        scorecode.decode(text, papers)
    assert message in str(exc.value) and "\n" not in str(exc.value)


def test_a_code_of_another_build_of_the_paper_is_recognised(papers):
    paper = papers["C"]
    other = type(paper)(paper.letter, list(reversed(paper.questions)))
    code = scorecode.encode(other, [0] * len(paper.questions), DAY)
    with pytest.raises(scorecode.CodeError, match="另一版本"):
        scorecode.decode(code, papers)


def test_fill_questions_carry_only_whether_they_matched(papers):
    paper = papers["A"]
    radices = scorecode.paper_spec(paper)["radices"]
    assert [r for q, r in zip(paper.questions, radices) if q.type == FILL] == [3] * 10


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "scripts", "score", *args], cwd=ROOT, capture_output=True, text=True)


def test_cli_scores_a_code_and_rejects_an_altered_one(papers):
    paper = papers["A"]
    digits = all_right(paper)
    for i in range(0, 50, 5):
        digits[i] = 0
    code = scorecode.encode(paper, digits, DAY)
    proc = run_cli(code)
    assert proc.returncode == 0, proc.stderr
    assert "模拟试卷A　2026年3月2日交卷" in proc.stdout
    assert "得分：80分（答对40题，共50题，每题2分），及格（60分及格）" in proc.stdout
    altered = code[:-1] + ("0" if code[-1] != "0" else "1")
    proc = run_cli(altered)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.strip().count("\n") == 0 and "校验不通过" in proc.stderr
    proc = run_cli()
    assert proc.returncode == 2 and "用法" in proc.stderr
