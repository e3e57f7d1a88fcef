"""Tests of `python -m scripts report-check`: the sample report, a complete report in
three formats, every rule's documented examples, and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from scripts.report_check import cli
from scripts.report_check.reader import Report, ReportInputError, read_report
from scripts.report_check.rules import RULES, analyze, run_rules
from scripts.report_check.rules_page import MARKER, render_rules_markdown, verify_examples

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "reports"
SAMPLE = FIXTURES / "sample-district-report-2025.txt"
COMPLETE = FIXTURES / "complete-report.txt"

#: What a careful reader finds in the sample report: (rule, line).
SAMPLE_FINDINGS = Counter([
    ("RC301", 3),   # 全面推进信访工作法制化
    ("RC307", 3),   # 法治政府建设第一责任人责任
    ("RC308", 6),   # 《中国共产党党委(党组)……》 half-width brackets
    ("RC102", 7),   # （一）加强组织领导: no figure
    ("RC307", 7),
    ("RC102", 9),   # （二）学法用法: no figure
    ("RC303", 10),  # 32余幅
    ("RC304", 10),  # 宣传深入宣传
    ("RC102", 12),  # （四）解决合理诉求: no figure
    ("RC306", 12),  # 信访工作法治化工作指南
    ("RC306", 12),  # 依法分类处理信访诉求清单
    ("RC105", 15),  # no part on the principal leader's duties (insert before 二、)
    ("RC104", 16),  # 一是……二是…… without causes
    ("RC108", 18),  # plans without time or target
    ("RC302", 18),  # 法制宣传教育
    ("RC301", 20),  # 全面落实信访法制化
    ("RC108", 20),
    ("RC108", 22),
    ("RC108", 24),
])

#: Correct sentences of the sample report: no rule may report anything on them.
SAMPLE_CORRECT_SENTENCES = [
    "坚持“早排查、早入手”，开展矛盾纠纷拉网式、地毯式专项排查，全面排查涉房、涉众、涉军等重点领域、重点群体、重点问题、重点人员，一人一策、一事一策，做好化解稳定工作，坚决防止规模性聚集上访。",
    "对进京访突出问题逐案开展“三级评查”，协调推动化解进京越级访案件34件。",
    "将法治建设工作作为“硬指标”，纳入年度工作计划中，与信访业务工作同部署、同落实、同检查。",
    "推动《信访工作条例》入脑入心、落实落地。",
    "深入贯彻落实《中国共产党党委（党组）理论学习中心组学习规则》，认真组织开展专题学习。",
    "发放宣传册2000余册，引导广大群众依法信访、理性维权。",
    "强化安全隐患预测预警预防，对进京越级访、集体访、扬言等隐患线索，“广收集、精研判、早预警、快处置”，紧盯不放。",
    "落实“三个不予受理”和“两个不再受理”具体规定，避免诉访不分、访纪不分。",
    "一是开展普法活动的主动性不强，满足于规定动作。",
    # not from the sample: correct reduplication and 余 after a round number
    "一件一件抓落实，一步一步推进，组织大家研究研究，全年化解积案10余件。",
]


def findings_of(path) -> list[tuple[str, int]]:
    return [(f["rule"], f["line"]) for f in cli.check_file(str(path))["findings"]]


# -- the sample report ------------------------------------------------------------------


def test_sample_findings_are_exactly_what_a_careful_reader_finds():
    assert Counter(findings_of(SAMPLE)) == SAMPLE_FINDINGS


def test_sample_matches_the_shared_original():
    original = ROOT.parent / "shared" / "samples" / "district-petition-office-rule-of-law-report-2025.txt"
    if original.exists():
        assert original.read_bytes() == SAMPLE.read_bytes()


def test_sample_element_statuses():
    result = cli.check_file(str(SAMPLE))
    statuses = [(e["status"], e["first_line"], e["last_line"]) for e in result["elements"]]
    assert statuses == [("薄弱", 5, 14), ("薄弱", 15, 16), ("缺", 0, 0), ("薄弱", 17, 24)]


def test_sample_messages_quote_the_text():
    by_rule = {(f["rule"], f["line"]): f for f in cli.check_file(str(SAMPLE))["findings"]}
    assert "信访工作法制化" in by_rule[("RC301", 3)]["message"]
    assert by_rule[("RC301", 3)]["suggestion"] == "改为“信访工作法治化”"
    assert "32余幅" in by_rule[("RC303", 10)]["message"]
    assert "“32幅”" in by_rule[("RC303", 10)]["suggestion"] and "“30余幅”" in by_rule[("RC303", 10)]["suggestion"]
    assert by_rule[("RC304", 10)]["suggestion"] == "改为“深入宣传”"
    assert "第3行、第7行" in by_rule[("RC105", 15)]["message"]
    assert all(f["severity"] in {"错误", "建议"} and f["suggestion"] for f in by_rule.values())


@pytest.mark.parametrize("sentence", SAMPLE_CORRECT_SENTENCES)
def test_no_false_alarm_on_correct_sentences_of_the_sample(sentence):
    analysis = analyze(Report("<sentence>", [sentence]))
    wording = [r for r in RULES if r.id.startswith(("RC2", "RC3"))]
    assert run_rules(analysis, wording) == []


def test_sample_summary_and_exit_code(capsys):
    assert cli.main([str(SAMPLE)]) == 1
    out = capsys.readouterr().out
    assert "第3行 [错误] RC301" in out
    assert "✗ 缺  党政主要负责人履行推进法治建设第一责任人职责" in out
    assert "问题：错误 6 个，建议 13 个" in out


def test_sample_json(capsys):
    assert cli.main([str(SAMPLE), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["counts"] == {"错误": 6, "建议": 13}
    assert data["unit"] == "行" and data["report_type"] == "fazhi"
    assert {"rule", "severity", "line", "message", "suggestion"} <= set(data["findings"][0])


# -- the complete report in three formats ----------------------------------------------


def test_complete_report_has_no_findings(capsys):
    assert findings_of(COMPLETE) == []
    assert cli.main([str(COMPLETE)]) == 0
    assert "错误 0 个，建议 0 个" in capsys.readouterr().out
    assert {e["status"] for e in cli.check_file(str(COMPLETE))["elements"]} == {"有"}


@pytest.mark.parametrize("encoding", ["gb18030", "gbk"])
def test_gb18030_and_gbk_read_like_utf8(tmp_path, encoding):
    text = COMPLETE.read_text(encoding="utf-8")
    target = tmp_path / "report.txt"
    target.write_bytes(text.encode(encoding))
    report = read_report(target)
    assert report.encoding == "gb18030"
    assert report.lines == text.splitlines()
    assert findings_of(target) == []
    sample = tmp_path / "sample.txt"
    sample.write_bytes(SAMPLE.read_text(encoding="utf-8").encode(encoding))
    assert Counter(findings_of(sample)) == SAMPLE_FINDINGS


def _save_docx(lines: list[str], path: Path) -> Path:
    import docx

    document = docx.Document()
    # A new document starts with no paragraphs; one paragraph per line keeps numbers equal.
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def test_docx_read_like_text(tmp_path, capsys):
    complete = _save_docx(COMPLETE.read_text(encoding="utf-8").splitlines(), tmp_path / "complete.docx")
    report = read_report(complete)
    assert report.unit == "段"
    assert findings_of(complete) == []
    sample = _save_docx(SAMPLE.read_text(encoding="utf-8").splitlines(), tmp_path / "sample.docx")
    assert Counter(findings_of(sample)) == SAMPLE_FINDINGS
    assert cli.main([str(sample)]) == 1
    assert "第3段 [错误] RC301" in capsys.readouterr().out


def test_markdown_draft_with_headings(tmp_path):
    md = tmp_path / "draft.md"
    md.write_text(
        "---\ntitle: 草稿\n---\n# 某局2025年法治政府建设年度报告\n\n## 一、主要举措和成效\n\n### （一）学法\n\n组织学法6次，见[条例](law.md)。\n\n"
        "## 二、主要负责人履行推进法治建设第一责任人职责情况\n\n局长主持研究4次。\n\n## 三、存在的不足和原因\n\n一是培训不足，原因是经费有限。\n\n"
        "## 四、2026年主要安排\n\n### （一）培训\n\n6月底前完成培训。\n",
        encoding="utf-8",
    )
    assert findings_of(md) == []


# -- 信访情况年度报告 -----------------------------------------------------------------------


def test_xinfang_report_items(tmp_path):
    path = tmp_path / "xinfang.txt"
    path.write_text("区信访局2025年信访情况年度报告\n全年受理信访事项1200件，主要涉及住房领域。\n转送、交办800件。\n", encoding="utf-8")
    result = cli.check_file(str(path))
    assert result["report_type"] == "xinfang"
    messages = [f["message"] for f in result["findings"]]
    assert all(f["rule"] == "RC111" for f in result["findings"])
    assert any("被投诉较多的机关、单位" in m for m in messages)
    assert any("督办" in m for m in messages)
    assert any("被采纳情况" in m for m in messages)


# -- citations ----------------------------------------------------------------------------


def test_citation_rules():
    def rules_for(line: str) -> list[str]:
        citation_rules = [r for r in RULES if r.id.startswith("RC2")]
        return [f.rule for f in run_rules(analyze(Report("<t>", ["某局法治政府建设年度报告", line])), citation_rules)]

    assert rules_for("依据第五十八条受理。") == ["RC201"]
    assert rules_for("严格执行条例第34条。") == ["RC202"]
    assert rules_for("按照《信访工作条例》第四十一条编制年度报告。") == []
    assert rules_for("依照原《信访条例》第五十一条。") == []
    assert rules_for("依照原《信访条例》第五十二条。") == ["RC201"]
    assert rules_for("依照《中华人民共和国行政复议法》第五十八条。") == []
    assert rules_for("按照第二十七条“诉求合理的解决问题到位”的要求办理。") == []
    assert rules_for("按照第二十七条“诉求合理的尽快解决”的要求办理。") == ["RC203"]
    assert rules_for("申诉求决类事项依第三十四条在60日内办结。") == []
    assert rules_for("申诉求决类事项依第三十四条在90日内办结。") == ["RC203"]


# -- the rules and their page -------------------------------------------------------------


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_rule_reports_its_bad_example_and_not_its_good_one(rule):
    assert verify_examples(rule)
    assert rule.severity in {"错误", "建议"}
    assert rule.title and rule.checks and rule.why


def test_rule_ids_are_unique():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))


def test_rules_page_lists_every_rule():
    page = render_rules_markdown()
    for rule in RULES:
        assert f"### {rule.id} {rule.title}" in page
        assert f"| [{rule.id}](#{rule.id.lower()}) | {rule.title} | {rule.severity} |" in page


def test_rules_page_source_has_only_the_marker():
    source = (ROOT / "docs" / "maintainer" / "report-rules.md").read_text(encoding="utf-8")
    assert MARKER in source
    assert "RC101" not in source


def test_hook_replaces_the_marker():
    import importlib.util

    spec = importlib.util.spec_from_file_location("report_rules_hook", ROOT / "scripts" / "hooks" / "report_rules.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)

    class File:
        src_uri = "maintainer/report-rules.md"

    class Page:
        file = File()

    out = hook.on_page_markdown(f"# 报告检查规则\n\n{MARKER}\n", Page(), None, None)
    assert MARKER not in out and "### RC101" in out
    File.src_uri = "reporting/index.md"
    assert hook.on_page_markdown(MARKER, Page(), None, None) == MARKER


# -- bad input ------------------------------------------------------------------------------


def _bad_inputs(tmp_path: Path) -> dict[str, Path]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.md"
    blank.write_text(" \n\u3000\n", encoding="utf-8")
    invalid = tmp_path / "invalid.txt"
    invalid.write_bytes(b"\xc3\x28\xff\xfa\xfb\xff")
    garbage = tmp_path / "garbage.md"
    garbage.write_bytes(b"\x81\x30\x81\x30\x84\x31\xa4\x39" * 64)  # valid GB18030, but not text
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    not_zip = tmp_path / "fake.docx"
    not_zip.write_bytes(b"%PDF-1.4 this is not a zip")
    zip_not_word = tmp_path / "zip.docx"
    with zipfile.ZipFile(zip_not_word, "w") as z:
        z.writestr("hello.txt", "hello")
    old_doc = tmp_path / "old.doc"
    old_doc.write_bytes(b"\xd0\xcf\x11\xe0")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    return {
        "missing": tmp_path / "no-such-report.txt",
        "directory": tmp_path,
        "empty": empty,
        "blank": blank,
        "invalid": invalid,
        "garbage": garbage,
        "binary": binary,
        "docx-not-zip": not_zip,
        "docx-zip-not-word": zip_not_word,
        "doc": old_doc,
        "pdf": pdf,
    }


BAD_KINDS = ["missing", "directory", "empty", "blank", "invalid", "garbage", "binary", "docx-not-zip", "docx-zip-not-word", "doc", "pdf"]
EXPECTED_WORDS = {
    "missing": "文件不存在",
    "directory": "目录",
    "empty": "空",
    "blank": "空",
    "invalid": "编码",
    "garbage": "编码",
    "binary": "二进制",
    "docx-not-zip": "不是有效的 .docx",
    "docx-zip-not-word": "无法作为 Word 文档打开",
    "doc": ".doc",
    "pdf": "不支持的文件类型",
}


@pytest.mark.parametrize("kind", BAD_KINDS)
def test_bad_input_one_line_exit_2(tmp_path, capsys, kind):
    path = _bad_inputs(tmp_path)[kind]
    assert cli.main([str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert EXPECTED_WORDS[kind] in lines[0]
    with pytest.raises(ReportInputError):
        read_report(path)


@pytest.mark.parametrize("kind", ["missing", "invalid", "docx-not-zip"])
def test_bad_input_through_the_command_line(tmp_path, kind):
    path = _bad_inputs(tmp_path)[kind]
    proc = subprocess.run(
        [sys.executable, "-m", "scripts", "report-check", str(path)],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "Traceback" not in proc.stderr


def test_bad_arguments_one_line_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main([])
    assert exc.value.code == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_annotated_page_quotes_the_sample_verbatim():
    import re

    page = (ROOT / "docs" / "reporting" / "annotated-report.md").read_text(encoding="utf-8")
    sample = SAMPLE.read_text(encoding="utf-8").splitlines()
    quoted = {int(n): text for n, text in re.findall(r"^> \*\*第(\d+)行\*\*　(.*)$", page, re.M)}
    non_empty = {i for i, line in enumerate(sample, start=1) if line.strip()}
    assert set(quoted) == non_empty
    for n, text in quoted.items():
        assert text == sample[n - 1].strip(), n
