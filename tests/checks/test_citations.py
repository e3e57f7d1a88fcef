"""The citations check: 第N条 names an existing article; a link to an article anchor lands on the article it names."""

from __future__ import annotations

import pytest

from scripts.checks import citations
from scripts.citations import find_citations, law_for, parse_numbers
from tests.checks.conftest import write

PAGE = "docs/modules/m/index.md"
FRONT = "---\ntitle: 模块\ndescription: 简介\n---\n# 模块\n\n"


def findings_for(project, body):
    write(project, PAGE, FRONT + body)
    return [str(f) for f in citations.check(project)]


def test_correct_citations_pass(project):
    body = (
        "信访部门应当在15日内分别处理（[第二十二条](../../law/index.md#art-22)）。\n"
        "期限见第三十四、三十五、三十六条，追责见第四十三至四十六条，第三十一条第六项，第三十六条第三款。\n"
        "见[第四章](../../law/index.md#chapter-4)和[原《信访条例》第三十三条](../../law/tiaoli-2005.md#art-33)。\n"
        "《法治政府建设与责任落实督察工作规定》第二十四条规定了公开时间。\n"
        "原《信访条例》第五十一条是旧条例的施行条款。\n"
    )
    assert findings_for(project, body) == []


def test_article_that_does_not_exist_is_reported_with_line(project):
    assert findings_for(project, "第一段。\n\n根据第五十一条，应当受理。\n") == [
        f"{PAGE}:9: “第五十一条”：《信访工作条例》没有第五十一条（共50条）"
    ]


def test_range_reaching_past_the_last_article_is_reported(project):
    assert any("没有第五十二条" in f for f in findings_for(project, "见第四十八至五十二条。\n"))


def test_link_whose_text_names_another_article_is_reported(project):
    found = findings_for(project, "期限见[第三十五条](../../law/index.md#art-34)。\n")
    assert len(found) == 1
    assert found[0].startswith(f"{PAGE}:7: 链接文字“第三十五条”与锚点 #art-34 不是同一条")
    assert "对本条例第三十一条第六项规定的信访事项" in found[0]


def test_link_to_missing_anchor_or_without_article_in_text_is_reported(project):
    found = findings_for(project, "见[这里](../../law/index.md#art-34)和[第五十一条](../../law/index.md#art-51)。\n")
    assert any("没有写明条号" in f for f in found)
    assert any("#art-51" in f and "没有第五十一条" in f for f in found)


def test_arabic_article_numbers_are_reported(project):
    assert findings_for(project, "见第34条。\n") == [f"{PAGE}:7: “第34条”应按条例写法用汉字条号，如“第三十四条”"]


def test_2005_article_cited_as_2022_is_checked_against_2005_text(project):
    # 《信访条例》 has 51 articles, so its 第五十一条 exists; the 条例's does not.
    assert findings_for(project, "原《信访条例》第五十一条。\n") == []
    assert findings_for(project, "《信访条例》第五十二条。\n") == [f"{PAGE}:7: “第五十二条”：《信访条例》没有第五十二条（共51条）"]


def test_code_and_comments_are_not_read(project):
    assert findings_for(project, "```\n第九十九条\n```\n\n<!-- 第九十九条 -->\n`第九十九条`\n") == []


@pytest.mark.parametrize(("nums", "expected"), [("二十二、三十四", (22, 34)), ("四十三至四十六", (43, 44, 45, 46)), ("十", (10,))])
def test_parse_numbers(nums, expected):
    assert parse_numbers(nums) == expected


def test_law_for_uses_nearest_title_in_the_sentence():
    line = "《信访工作条例》第七条。《信访条例》第五条，而《信访工作条例》第五条"
    assert [c.law for c in find_citations(line, 1)] == ["2022", "2005", "2022"]
    assert law_for("《某某规定》第三条", 6) == "《某某规定》"


# -- 款 and 项 ------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "message"), [
    ("依据第三十一条第八项处理。", "“第三十一条第八项”不存在：第三十一条只有6项"),
    ("见第二十三条第六款。", "“第二十三条第六款”不存在：第二十三条只有4款"),
    ("第三十四条第七项另有规定。", "“第三十四条第七项”不存在：第三十四条不分项"),
    ("第二十二条第二款第一项", "“第二十二条第二款第一项”不存在：第二十二条第二款不分项"),
    ("第二十二条第一款第四项", "“第二十二条第一款第四项”不存在：第二十二条第一款只有3项"),
    ("第三十四条第二款", "“第三十四条第二款”不存在：第三十四条只有1款，不分款"),
    ("[第三十一条](../../law/index.md#art-31)第八项", "“第三十一条第八项”不存在：第三十一条只有6项"),
    ("第二十六条第一项至第七项", "“第二十六条第一项至第七项”不存在：第二十六条只有6项"),
    ("依据第三十二条第一款第三项，不予支持；依据同条第三款，做好疏导教育。", "“同条第三款”不存在：第三十二条只有2款"),
    ("[原《信访条例》第十四条](../../law/tiaoli-2005.md#art-14)第三款", "“第十四条第三款”不存在：原《信访条例》第十四条只有2款"),
])
def test_a_clause_or_item_that_does_not_exist_is_reported(project, text, message):
    found = findings_for(project, text + "\n")
    assert len(found) == 1 and found[0].startswith(f"{PAGE}:7: {message}"), found


def test_existing_clauses_and_items_pass(project):
    body = (
        "第二十二条第一款第三项、第二十二条第二款、第三十一条第六项、第十五条第一、二款、第二十六条第一项至第六项。\n"
        "第十四条第一款第七项；依据第三十二条第一款第三项，……；依据同条第二款，……。\n"
        "原《信访条例》第二十一条第一款第四项、原《信访条例》第二十一条第二款、原《信访条例》第六条第二款第六项。\n"
    )
    assert findings_for(project, body) == []


def test_clauses_items_and_same_article_are_parsed():
    found = find_citations("依据[第三十二条](x#art-32)第一款第三项；同条第二款；第十五条第一、二款", 1)
    assert [(c.label, c.articles, c.clauses, c.items) for c in found] == [
        ("第三十二条第一款第三项", (32,), (1,), (3,)),
        ("同条第二款", (32,), (2,), ()),
        ("第十五条第一、二款", (15,), (1, 2), ()),
    ]
