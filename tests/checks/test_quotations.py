"""The quotations check: a quotation “……” and a figure (15日, 5人) written with a citation
must be in the article cited — the 2005 text for a 原《信访条例》 citation.

Each planted fault must be reported with its line and the article's actual wording;
correct text in the shapes the course pages use must pass.
"""

from __future__ import annotations

import pytest

from scripts.checks import quotations
from scripts.checks.quotations import clean, find_quotes, occurs_in
from tests.checks.conftest import write

PAGE = "docs/modules/m/index.md"
FRONT = "---\ntitle: 模块\ndescription: 简介\n---\n# 模块\n\n"
FIRST = 7  # line number of the first body line
A = "../../law/index.md#art-"
OLD = "../../law/tiaoli-2005.md#art-"


def findings_for(project, body):
    write(project, PAGE, FRONT + body)
    return [str(f) for f in quotations.check(project)]


# -- planted faults ------------------------------------------------------------


def test_wrong_article_for_a_time_limit(project):
    found = findings_for(project, f"申诉求决类事项应当自受理之日起60日内办结（[第三十五条]({A}35)）。\n")
    assert len(found) == 1
    assert found[0].startswith(f"{PAGE}:{FIRST}: “60日”不在所引的第三十五条中")
    assert "30日内请求原办理机关" in found[0]  # the article's actual wording
    assert "60日见于第三十四条" in found[0]  # where the figure really is


def test_wrong_article_for_a_number_of_people(project):
    found = findings_for(project, f"\n多人走访的，代表人数不得超过5人（[第二十一条]({A}21)）。\n")
    assert len(found) == 1
    assert found[0].startswith(f"{PAGE}:{FIRST + 1}: “5人”不在所引的第二十一条中")
    assert "第二十条" in found[0]


def test_one_character_misquote(project):
    body = f"[第七条]({A}7)规定：“构建党委统一领导、政府组织落实、信访工作联席会议协调、信访部门推进、各方齐抓共管的信访工作格局。”\n"
    found = findings_for(project, body)
    assert len(found) == 1
    assert found[0].startswith(f"{PAGE}:{FIRST}: 引文“构建党委统一领导")
    assert "与第七条原文不一致" in found[0]
    assert "信访部门推动" in found[0]  # what the article really says


def test_one_character_misquote_of_a_short_phrase(project):
    found = findings_for(project, f"转送的原则是“属地管理、分层负责”（[第二十二条]({A}22)第二项）。\n")
    assert len(found) == 1 and "属地管理、分级负责" in found[0]


def test_quotation_of_an_article_that_does_not_exist(project):
    found = findings_for(project, "第五十一条规定：“本条例自2022年5月1日起施行。”\n")
    assert found == [f"{PAGE}:{FIRST}: 引文“本条例自2022年5月1日起施行。”所引的第五十一条不存在：《信访工作条例》共50条"]


def test_figure_with_an_article_that_does_not_exist_is_left_to_the_citations_check(project):
    # the citations check reports 第五十二条; this check does not report it twice
    assert findings_for(project, "应当在15日内处理（第五十二条）。\n") == []


def test_2005_article_cited_as_2022(project):
    found = findings_for(project, "第三十三条规定：“信访事项应当自受理之日起60日内办结”。\n")
    assert len(found) == 1
    assert "与第三十三条原文不一致" in found[0]
    assert "申诉求决类事项过程中" in found[0] or "事项过程中" in found[0]  # the 2022 article 33's wording
    assert "原《信访条例》第三十三条" in found[0]


def test_2005_article_is_checked_against_the_2005_text(project):
    ok = f"[原《信访条例》第三十三条]({OLD}33)规定：“信访事项应当自受理之日起60日内办结”。\n"
    assert findings_for(project, ok) == []
    wrong = f"[原《信访条例》第三十四条]({OLD}34)规定：“信访事项应当自受理之日起60日内办结”。\n"
    found = findings_for(project, wrong)
    assert len(found) == 1 and "与原《信访条例》第三十四条原文不一致" in found[0]
    assert "这段文字见于第三十三条" in found[0]


def test_2005_figure_is_checked_against_the_2005_text(project):
    assert findings_for(project, f"原《信访条例》第十八条规定代表人数不得超过5人。\n") == []
    found = findings_for(project, "原《信访条例》第十七条规定代表人数不得超过5人。\n")
    assert len(found) == 1 and "不在所引的原《信访条例》第十七条中" in found[0] and "原《信访条例》第十八条" in found[0]


def test_2005_citation_in_parentheses_right_after_the_quotation(project):
    body = f"[第三十四条]({A}34)与旧规定不同，旧规定是“信访事项应当自受理之日起60日内办结；情况复杂的，经本行政机关负责人批准”（[原《信访条例》第三十三条]({OLD}33)）。\n"
    assert findings_for(project, body) == []
    body = f"[第三十四条]({A}34)与旧规定不同，旧规定是“经本机关负责人批准”（[原《信访条例》第三十三条]({OLD}33)）。\n"
    found = findings_for(project, body)
    assert len(found) == 1 and "与原《信访条例》第三十三条原文不一致" in found[0] and "经本行政机关负责人批准" in found[0]


def test_quotation_of_another_document_right_after_is_not_checked(project):
    assert findings_for(project, f"[第五条]({A}5)之外，还要求“按时公开”（《某某规定》第二十四条）。\n") == []


def test_2022_text_quoted_with_a_2005_citation(project):
    found = findings_for(project, f"[原《信访条例》第一条]({OLD}1)写的是“坚持和加强党对信访工作的全面领导”。\n")
    assert len(found) == 1 and "见于《信访工作条例》第一条" in found[0]


def test_multi_article_citation_needs_the_quotation_in_one_of_them(project):
    assert findings_for(project, "第四十三至四十六条都规定由上级“责令改正”。\n") == []
    found = findings_for(project, "第四十三至四十六条都规定“依法追究刑事责任”。\n")
    # 第四十六条 has it
    assert found == []
    found = findings_for(project, "第四十三至四十五条都规定“依法追究刑事责任”。\n")
    assert len(found) == 1 and "第四十三至四十五条" in found[0]


def test_each_fault_on_its_own_line(project):
    body = (
        f"信访部门应当在15日内分别处理（[第二十一条]({A}21)）。\n"
        "\n"
        f"[第三条]({A}3)说信访工作是“党的群从工作的重要组成部分”。\n"
    )
    found = findings_for(project, body)
    assert [f.split(": ", 1)[0] for f in found] == [f"{PAGE}:{FIRST}", f"{PAGE}:{FIRST + 2}"]


# -- correct text passes -------------------------------------------------------


CORRECT = [
    # quotation after the citation, full sentence with its own full stop
    f"[第一条]({A}1)开宗明义：“为了坚持和加强党对信访工作的全面领导，做好新时代信访工作，保持党和政府同人民群众的密切联系，制定本条例。”可以拆成三层：",
    # citation right after the quotation
    f"信访工作是“党的群众工作的重要组成部分”（[第三条]({A}3)）。",
    f"“本条例自2022年5月1日起施行。”（[第五十条]({A}50)）",
    # item of an article, several quotations after one citation
    f"[第五条]({A}5)第一项是“坚持党的全面领导”，第三项是“党政同责、一岗双责，属地管理、分级负责，谁主管、谁负责”。",
    # a term quoted on its own
    f"信访部门按“属地管理、分级负责，谁主管、谁负责”的原则转送（[第二十二条]({A}22)）。",
    # nested quotation marks, as the 条例 writes them or as ‘’
    f"[第四条]({A}4)要求增强“四个意识”、坚定“四个自信”、做到“两个维护”。",
    f"[第四条]({A}4)：“增强‘四个意识’、坚定‘四个自信’、做到‘两个维护’”。",
    # an ellipsis leaves out words
    f"[第三十四条]({A}34)：“对本条例第三十一条第六项规定的信访事项应当自受理之日起60日内办结……但延长期限不得超过30日”。",
    # emphasis inside the quotation
    f"[第二十条]({A}20)第三款：“代表人数不得超过**5人**”。",
    # figures in the clause of their article; a date is not a figure
    f"信访部门收到信访事项，应当在15日内分别处理（[第二十二条]({A}22)）。",
    f"复查、复核都是30日内请求、30日内答复（[第三十五条]({A}35)、[第三十六条]({A}36)）。",
    f"条例自2022年5月1日起施行（[第五十条]({A}50)）。",
    # 第三十一条第六项规定的信访事项 names the matters; 第三十四条 is the source of 60日
    f"依据[第三十四条]({A}34)，对本条例第三十一条第六项规定的信访事项应当自受理之日起60日内办结。",
    f"60日办结期限针对的是[第三十一条]({A}31)第六项规定的信访事项（[第三十四条]({A}34)）。",
    f"依据[第四十七条]({A}47)第一款，信访人违反[第二十条]({A}20)、[第二十六条]({A}26)规定的，“有关机关、单位工作人员应当对其进行劝阻、批评或者教育”。",
    # the quotation is another document's: not checked
    "《法治政府建设与责任落实督察工作规定》第二十四条要求“按时公开”。",
    f"[第五条]({A}5)与《某某规定》都讲“依法办事”。",
    # words the article does NOT contain, said so
    f"[第一条]({A}1)规定的目的里没有“维护信访秩序”。这一表述出自[原《信访条例》第一条]({OLD}1)。",
    f"[原《信访条例》第一条]({OLD}1)的“各级人民政府”扩展为“党和政府”。",
    # a quotation in one table cell, its citation in another
    f"| [第四十九条]({A}49) | “本条例由国家信访局负责解释。” | 解释机关 |",
    f"| 办结 | 60日内办结（仅对第三十一条第六项规定的信访事项） | 自受理之日起 | [第三十四条]({A}34) |",
    f"| 期限 | 自受理之日起60日内（[原《信访条例》第三十三条]({OLD}33)） | 第三十一条第六项规定的信访事项自受理之日起60日内（[第三十四条]({A}34)） |",
    # a quotation without any citation in its sentence is not attributed to the 条例
    "本课程讲“五个法治化”。",
    # a citation closing the sentence sources its figures, not every quotation in it
    f"2022年条例把“各级人民政府”扩展为“党和政府”（[第一条]({A}1)）。",
    f"报告写的“纳入党校培训课程”与条例一致：党校“应当将信访工作作为党性教育内容纳入教学培训”（[第十六条]({A}16)第二款）。",
]


@pytest.mark.parametrize("line", CORRECT)
def test_correct_text_passes(project, line):
    assert findings_for(project, line + "\n") == []


def test_quiz_options_and_false_statements_are_not_read(project):
    body = (
        "<quiz>\n"
        f"[第三十四条]({A}34)规定的60日办结期限，从收到之日起计算，延长不超过15日。\n"
        "- [ ] 正确\n"
        "- [x] 错误\n"
        "\n"
        f"依据[第三十四条]({A}34)，应当“自受理之日起60日内办结”。\n"
        "</quiz>\n"
        "\n"
        "<quiz>\n"
        "对申诉求决类事项，第三十四条规定的办结期限是多少？\n"
        "- [x] 60日（第三十四条）\n"
        "- [ ] 30日（第三十四条）\n"
        "\n"
        f"依据[第三十四条]({A}34)，应当“自受理之日起30日内办结”。\n"
        "</quiz>\n"
    )
    found = findings_for(project, body)
    # only the wrong explanation of the second question is reported
    assert len(found) == 1 and found[0].startswith(f"{PAGE}:{FIRST + 13}: 引文“自受理之日起30日内办结”")


def test_true_statement_of_a_true_false_question_is_read(project):
    body = "<quiz>\n根据第三十四条，信访事项应当自受理之日起90日内办结。\n- [x] 正确\n- [ ] 错误\n\n依据第三十四条。\n</quiz>\n"
    found = findings_for(project, body)
    assert len(found) == 1 and "“90日”不在所引的第三十四条中" in found[0]


def test_code_and_comments_are_not_read(project):
    assert findings_for(project, "```\n第七条规定“错误的话”。\n```\n<!-- 第七条规定“错误的话” -->\n`第七条“错误”`\n") == []


def test_runner_registers_the_check():
    from scripts.checks import runner

    runner._load_extra_checks()
    assert runner.DOCS_CHECKS["quotations"] is quotations.check


def test_real_docs_pass():
    """Acceptance: every quotation and figure in the course pages is in its article."""
    from tests.conftest import ROOT

    assert [str(f) for f in quotations.check(ROOT)] == []


# -- helpers -------------------------------------------------------------------


def test_find_quotes_keeps_nested_quotes_inside():
    line = "甲“增强“四个意识””乙“丙"
    assert [q.text for q in find_quotes(line)] == ["增强“四个意识”"]


def test_clean_and_occurs_in():
    assert clean("[第五条](x)**依法**‘四个’ ") == "第五条依法“四个”"
    assert occurs_in("甲……丙", "甲乙丙")
    assert not occurs_in("丙……甲", "甲乙丙")
    assert occurs_in("甲乙。", "甲乙；丙")


# -- every citation form attaches its figure ---------------------------------------------

FORMS = [
    "第二十六条规定，多人走访推选代表不得超过5人。",
    "《信访工作条例》第二十六条规定，代表人数不得超过5人。",
    "依照第二十六条，代表人数不得超过5人。",
    "按照第二十二、二十六条，代表人数不得超过5人。",
    "代表人数不得超过5人（第二十六条）。",
    "代表人数不得超过5人，这是第二十六条的规定。",
    "- 第二十六条：代表人数不得超过5人。",
    "- **第二十六条**明确，代表人数不得超过5人。",
    "| 走访代表 | 不得超过5人 | [第二十六条](../../law/index.md#art-26) |",
    "第二十六条第一款规定：代表人数不得超过5人。",
]


@pytest.mark.parametrize("text", FORMS)
def test_every_citation_form_attaches_its_figure(project, text):
    found = findings_for(project, text + "\n")
    assert len(found) == 1 and "“5人”不在所引的" in found[0] and "5人见于第二十条" in found[0], found


@pytest.mark.parametrize("text", [t.replace("二十六", "二十").replace("第二十二、二十条", "第二十条") for t in FORMS])
def test_the_same_forms_pass_with_the_right_article(project, text):
    assert findings_for(project, text + "\n") == []


QUIZ = """<!-- q id="m-01" articles="{articles}" tags="" -->
<quiz>
{stem}
{options}

依据[第{label}条](../../law/index.md#art-{articles})。
</quiz>
"""


@pytest.mark.parametrize(("stem", "options", "line"), [
    ("多人走访提出共同的信访事项的，代表人数不得超过6人。", "- [x] 正确\n- [ ] 错误", 9),
    ("多人走访提出共同的信访事项的，代表人数最多是几人？", "- [x] 6人\n- [ ] 5人", 10),
    ("多人走访提出共同的信访事项的，代表人数不得超过[[6]]人。", "\n---", 9),
])
def test_a_quiz_claim_is_checked_against_the_articles_the_question_cites(project, stem, options, line):
    found = findings_for(project, QUIZ.format(articles="20", label="二十", stem=stem, options=options))
    assert len(found) == 1 and found[0].startswith(f"{PAGE}:{line}: “6人”不在本题所考的第二十条中"), found


def test_wrong_options_and_false_statements_are_not_claims(project):
    body = QUIZ.format(articles="20", label="二十", stem="代表人数不得超过6人。", options="- [ ] 正确\n- [x] 错误")
    body += QUIZ.format(articles="20", label="二十", stem="代表人数最多几人？", options="- [x] 5人\n- [ ] 6人")
    assert findings_for(project, body) == []
