"""The bank model and the quiz checks, on small fixture banks with planted faults."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.bank.model import FILL, MULTIPLE, SINGLE, TRUE_FALSE, load_bank
from scripts.checks import quizzes
from scripts.checks.quizzes import check_bank, normalise_stem

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "bank"


def _bank(name):
    root = FIXTURES / name
    return load_bank(root / "docs", root)


def test_types_lines_and_metadata_of_a_good_bank():
    bank = _bank("good")
    assert bank.problems == []
    qs = bank.by_id()
    assert [q.id for q in bank.questions] == ["alpha-01", "alpha-02", "alpha-03", "alpha-04", "alpha-05"]
    assert qs["alpha-01"].type == SINGLE and qs["alpha-01"].correct == [1]
    assert qs["alpha-02"].type == MULTIPLE and qs["alpha-02"].articles == (11, 12)
    assert qs["alpha-02"].tags == ("core", "scenario")
    assert qs["alpha-03"].type == TRUE_FALSE and qs["alpha-03"].answer_text() == "正确"
    assert qs["alpha-04"].type == FILL and qs["alpha-04"].blanks == ["60"]
    assert qs["alpha-04"].explanation.startswith("[第三十四条]")
    assert qs["alpha-05"].articles == ()
    text = (FIXTURES / "good/docs/practice/bank/alpha.md").read_text(encoding="utf-8").splitlines()
    for q in bank.questions:
        assert text[q.line - 1].startswith(f'<!-- q id="{q.id}"')
        assert text[q.line] == "<quiz>"
        for i, line in zip(range(len(q.options)), q.option_lines):
            assert q.options[i] in text[line - 1]
    assert bank.titles == {"alpha": "测试模块甲"}


def test_good_bank_passes_with_its_own_thresholds():
    bank = _bank("good")
    found = check_bank(bank, modules=("alpha",), articles=range(1, 51), min_total=5, min_core=3)
    # Only the coverage of the whole 条例 is missing from a five-question bank.
    assert [f.message for f in found if "没有题目考查" not in f.message] == []


#: planted fault (the FAULT marker in the stem, or the id) -> part of the message that must report it
PLANTED = {
    "no-correct": "没有标出正确选项",
    "multi-one": "题干写“多选”",
    "truefalse-options": "判断题的选项必须恰好是",
    "duplicate-option": "与第1个选项重复",
    "empty-option": "第2个选项为空",
    "no-explanation": "缺少解析",
    "no-article-link": "解析应当写明条号并链接",
    "missing-article": "条号 51 不存在",
    "duplicate-id": "重复（已用于",
    "near-duplicate": "近似重复",
    "bad-id": "id 格式",
    "fill-no-separator": "缺少分隔题干和解析",
    "all-correct": "所有选项都是正确答案",
    "articles-not-digits": "不是阿拉伯数字条号",
    "letter-reference": "解析用字母指称选项",
}


def _block_of(text: list[str], marker: str) -> range:
    """Lines (1-based) from the metadata comment above the marked question to its </quiz>."""
    at = max(i for i, line in enumerate(text) if f"FAULT {marker}：" in line or f"FAULT {marker} " in line)
    start = max(i for i in range(at) if text[i].startswith("<!-- q "))
    end = next(i for i in range(at, len(text)) if text[i] == "</quiz>")
    return range(start + 1, end + 2)


@pytest.mark.parametrize("marker", sorted(PLANTED))
def test_each_planted_fault_is_reported_at_its_question(marker):
    bank = _bank("faulty")
    found = check_bank(bank, modules=("beta",), min_total=1, min_core=1)
    path = "docs/practice/bank/beta.md"
    text = (FIXTURES / "faulty" / path).read_text(encoding="utf-8").splitlines()
    lines = _block_of(text, marker)
    hits = [f for f in found if f.path == path and f.line in lines and PLANTED[marker] in f.message]
    assert hits, f"{marker}: 没有在 {path}:{lines.start}-{lines.stop - 1} 报告“{PLANTED[marker]}”；报告了：\n" + "\n".join(map(str, found))
    assert str(hits[0]).startswith(f"{path}:{hits[0].line}: ")


def test_detached_metadata_is_a_structural_problem():
    bank = _bank("faulty")
    messages = [str(p) for p in bank.problems]
    assert any("下一行不是 <quiz>" in m for m in messages)
    assert any("缺少题目元数据" in m for m in messages)


def test_module_and_whole_bank_thresholds():
    bank = _bank("good")
    found = check_bank(bank, modules=("alpha", "gamma"), min_total=200, min_core=8)
    messages = [str(f) for f in found]
    assert any("docs/practice/bank/gamma.md:0: 模块 gamma 的题库文件不存在" in m for m in messages)
    assert any("core 题只有 4 道" in m for m in messages)
    assert any(m.startswith("docs/practice/bank/:0: 题库共 5 题，少于 200 题") for m in messages)
    assert any("没有题目考查：第1条" in m for m in messages)


def test_stems_are_normalised_before_comparing():
    assert normalise_stem("判断：第七条规定，政府[[组织落实]]。") == normalise_stem("第七条规定 政府组织落实")
    assert normalise_stem("[第七条](../../law/index.md#art-7)规定") == normalise_stem("第七条规定")
    assert normalise_stem("６０日") == normalise_stem("60日")


def test_the_project_bank_passes_every_quiz_check():
    """Acceptance: ≥200 questions, articles 1–50 covered, every module ≥8 core of ≥3 types, no fault."""
    found = quizzes.check(ROOT)
    assert found == [], "\n".join(map(str, found))


def test_quiz_checks_are_registered_with_the_runner():
    from scripts.checks import runner

    runner._load_extra_checks()
    assert runner.DOCS_CHECKS["quizzes"] is quizzes.check


def test_quiz_check_command_prints_path_line_message(capsys):
    code = quizzes.main(["--root", str(FIXTURES / "faulty")])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert any(line.startswith("docs/practice/bank/beta.md:") for line in out)


def test_a_short_note_needs_core_questions_but_not_a_full_modules_eight(monkeypatch):
    from scripts.checks import quizzes

    bank = _bank("good")
    monkeypatch.setattr(quizzes, "NOTES", ("alpha",))
    messages = [str(f) for f in quizzes.check_modules(bank, modules=("alpha",), min_core=8)]
    assert not any("core 题只有" in m for m in messages)
