"""The conditions check: a restatement of a conditional figure or duty of the 条例 carries its
condition in the same sentence, table row, list item or question — and the data file that
says so is itself checked against the law text."""

from __future__ import annotations

import pytest

from scripts.checks import conditions
from scripts.checks.conditions import claims, load_rules, verify_rules
from scripts.law import load_law
from tests.conftest import ROOT

PAGE = "docs/modules/m/index.md"
FRONT = "---\ntitle: 模块\ndescription: 简介\n---\n# 模块\n\n"
FIRST = 7
A = "../../law/index.md#art-"
LAW = load_law("2022", ROOT / "docs")
RULES = load_rules()


def findings_for(body: str) -> list[str]:
    return [str(f) for f in conditions.check_text(FRONT + body, PAGE, RULES, LAW)]


# -- the data file ----------------------------------------------------------------------


def test_every_entry_is_verified_against_the_law_text():
    assert verify_rules(RULES, LAW) == []
    assert len(RULES) >= 25
    covered = set().union(*(r.articles for r in RULES))
    assert covered >= set(range(18, 48)) - {21, 25, 26, 27, 30, 32, 35, 38, 39, 40}  # chapters 3–5


def test_an_entry_whose_words_are_not_the_article_is_reported_at_its_line(tmp_path):
    data = tmp_path / "conditions.yml"
    data.write_text(
        "- id: 好记录\n  article: 33\n  says: 应当制作调解协议书或者和解协议书\n  when: [协议书]\n"
        "  needs:\n    - words: 达成一致意见\n  reason: 条件\n"
        "- id: 坏记录\n  article: 34\n  says: 自受理之日起90日内办结\n  when: [90日]\n"
        "  needs:\n    - words: 经本机关负责人批准\n  reason: 条件\n", encoding="utf-8")
    found = [str(f) for f in verify_rules(load_rules(data, "x.yml"), LAW, "x.yml")]
    assert found == [
        "x.yml:8: 坏记录：“自受理之日起90日内办结”不是第三十四条的原文，请对照条文改正",
        "x.yml:8: 坏记录：“经本机关负责人批准”不是第三十四条的原文，请对照条文改正",
    ]


def test_a_malformed_data_file_gets_one_line(tmp_path):
    data = tmp_path / "conditions.yml"
    data.write_text("- id: 甲\n  article: 34\n", encoding="utf-8")
    with pytest.raises(conditions.ConditionsDataError, match=r"^x\.yml:1: 记录缺少字段：says、when、needs、reason$"):
        load_rules(data, "x.yml")


# -- restatements that drop a condition, and the same with it -----------------------------

DROPPED = [
    (f"依照[第三十四条]({A}34)，信访事项应当自受理之日起60日内办结。", "60日办结"),
    (f"延长期限不得超过30日（[第三十四条]({A}34)）。", "延长办理期限"),
    (f"| 延长 | 经本机关、单位负责人批准 | 不超过30日 | [第三十四条]({A}34) |", "延长办理期限"),
    (f"- 转送、交办来的，5个工作日内提出异议（[第二十三条]({A}23)）。", "5个工作日异议"),
    (f"转送、交办的信访事项，自收到之日起15日内书面告知信访人（[第二十三条]({A}23)第三款）。", "转送交办15日告知"),
    (f"不能当场告知的，自收到之日起15日内书面告知（[第二十三条]({A}23)第二款）。", "直接提出15日告知"),
    (f"市、县级党委和政府组织有关机关、单位联合接待（[第十八条]({A}18)）。", "联合接待"),
    (f"可以调解、和解，并制作协议书（[第三十三条]({A}33)）。", "调解协议书"),
    (f"受理有争议的，由共同的信访工作联席会议协调处理（[第二十四条]({A}24)）。", "受理争议联席会议"),
    (f"信访人不服的，不再受理（[第三十六条]({A}36)）。", "不再受理"),
    (f"信访部门应当向巡视巡察机构提供有关情况（[第四十一条]({A}41)第二款）。", "巡视巡察"),
    (f"对直接负责的主管人员和其他直接责任人员依规依纪依法严肃处理（[第四十四条]({A}44)）。", "上级责令改正后严肃处理"),
    ("信访事项应当自受理之日起60日内办结。", "60日办结"),  # specific enough without a citation
]

KEPT = [
    f"依照[第三十四条]({A}34)，对第三十一条第六项规定的信访事项应当自受理之日起60日内办结。",
    f"情况复杂的，经本机关、单位负责人批准，可以适当延长，但延长期限不得超过30日（[第三十四条]({A}34)）。",
    f"| 延长 | 情况复杂的，经本机关、单位负责人批准 | 不超过30日 | [第三十四条]({A}34) |",
    f"- 转送、交办来且不属于本机关、单位或者本系统职权范围的，5个工作日内提出异议（[第二十三条]({A}23)）。",
    f"转送、交办的信访事项，属于本机关、单位职权范围的，自收到之日起15日内书面告知信访人（[第二十三条]({A}23)第三款）。",
    f"不能当场告知的，自收到之日起15日内书面告知，但信访人的姓名（名称）、住址不清的除外（[第二十三条]({A}23)第二款）。",
    f"市、县级党委和政府根据工作需要组织有关机关、单位联合接待（[第十八条]({A}18)）。",
    f"经调解、和解达成一致意见的，应当制作调解协议书或者和解协议书（[第三十三条]({A}33)）。",
    f"受理有争议且没有共同的上一级机关、单位的，由共同的信访工作联席会议协调处理（[第二十四条]({A}24)）。",
    f"对复核意见不服，仍然以同一事实和理由提出投诉请求的，不再受理（[第三十六条]({A}36)）。",
    # mentions that restate nothing
    f"不予受理、不再受理以[第十九条]({A}19)第三款和[第三十六条]({A}36)第三款为准。",
    f"同样是聚集，什么时候由公安机关处置？请以[第四十七条]({A}47)为据说明。",
    "数字与条例写法一致：15日、60日、30日、5人。",
]


@pytest.mark.parametrize(("text", "rule"), DROPPED)
def test_a_dropped_condition_is_reported_at_its_line(text, rule):
    found = findings_for(text + "\n")
    assert any(f.startswith(f"{PAGE}:{FIRST}: ") and f"（{rule}）缺少条件" in f for f in found), found


@pytest.mark.parametrize("text", KEPT)
def test_a_restatement_with_its_condition_passes(text):
    assert findings_for(text + "\n") == []


def test_the_condition_may_stand_anywhere_in_the_sentence_or_row_but_not_in_the_next_sentence():
    assert findings_for(f"情况复杂的，经本机关、单位负责人批准，延长不超过30日（[第三十四条]({A}34)）。\n") == []
    found = findings_for(f"情况复杂的要特别注意。延长不超过30日（[第三十四条]({A}34)）。\n")
    assert len(found) == 1 and "延长办理期限" in found[0]


def test_a_verbatim_fragment_that_loses_its_condition_is_reported():
    found = findings_for("“信访事项应当自受理之日起60日内办结”（《信访工作条例》第三十四条）。\n")
    assert len(found) == 1 and "60日办结" in found[0]


# -- the scope marker ---------------------------------------------------------------------


def test_a_marker_scopes_its_section_only():
    body = (
        "## 第三十一条第六项事项的期限\n\n<!-- 条件已述：60日办结 -->\n\n"
        f"该局应当自受理之日起60日内办结（[第三十四条]({A}34)）。\n\n"
        "## 下一节\n\n"
        f"信访事项应当自受理之日起60日内办结（[第三十四条]({A}34)）。\n"
    )
    found = findings_for(body)
    assert len(found) == 1 and found[0].startswith(f"{PAGE}:{FIRST + 8}: ")


def test_a_marker_naming_an_unknown_entry_is_reported():
    found = findings_for("<!-- 条件已述：没有这条 -->\n")
    assert found == [f"{PAGE}:{FIRST}: 条件已述标记中的记录名不存在：没有这条（见 scripts/data/conditions.yml）"]


# -- quizzes ------------------------------------------------------------------------------

QUIZ = """<!-- q id="m-01" articles="{articles}" tags="" -->
<quiz>
{stem}
{options}

{explanation}
</quiz>
"""


def quiz(stem, options, explanation, articles="34"):
    return QUIZ.format(articles=articles, stem=stem, options=options, explanation=explanation)


def test_a_true_statement_without_its_condition_is_reported_and_a_false_one_is_not():
    true = quiz("信访事项最多可以延长30日。", "- [x] 正确\n- [ ] 错误", f"依据[第三十四条]({A}34)。")
    false = quiz("信访事项一律可以延长30日。", "- [ ] 正确\n- [x] 错误", f"依据[第三十四条]({A}34)，情况复杂的，经本机关、单位负责人批准，可以适当延长。")
    assert any("延长办理期限" in f for f in findings_for(true))
    assert findings_for(false) == []


def test_a_correct_option_is_read_with_its_stem_and_the_explanation_may_carry_the_condition():
    stem = "信访事项延长办理期限，最多延长多少日？"
    dropped = quiz(stem, "- [x] 30日\n- [ ] 60日", f"依据[第三十四条]({A}34)。")
    carried = quiz(stem, "- [x] 30日\n- [ ] 60日", f"依据[第三十四条]({A}34)，情况复杂的，经本机关、单位负责人批准，可以适当延长，但延长期限不得超过30日。")
    assert any(f.startswith(f"{PAGE}:{FIRST + 3}: ") for f in findings_for(dropped))
    assert findings_for(carried) == []


def test_claims_are_sentences_rows_and_list_items():
    text = FRONT + "甲。乙（第三十四条）。\n\n- 丙；丁\n\n| 戊 | 己 |\n|---|---|\n| 庚 | 辛 |\n"
    units = [(c.line, c.text) for c in claims(text)]
    assert (FIRST, "甲。") in units and (FIRST, "乙（第三十四条）。") in units
    assert (FIRST + 2, "-丙；") in units and (FIRST + 2, "丁") in units
    assert (FIRST + 6, "庚") in units
