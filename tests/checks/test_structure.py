"""The structure check: pages and nav agree; front matter is complete; module pages have their shape."""

from __future__ import annotations

from scripts.checks import structure
from tests.checks.conftest import write

MODULE = """---
title: 模块
description: 简介
module: m
chapter: 2
objectives:
  - 能说出甲
  - 能说出乙
  - 能说出丙
hours: 2
audience: [党校学员]
quiz:
  enabled: true
---
# 模块

## 一、第一节

## 教学案例（情节虚构）

## 讨论题

## 小测验

## 重点回顾
"""


def run(project):
    return [str(f) for f in structure.check(project)]


def test_complete_project_passes(project):
    """A module page with objectives and its 教学设计 (PLAN, below)."""
    assert with_plan(project) == []


def test_page_missing_from_nav_is_reported(project):
    write(project, "docs/extra.md", "---\ntitle: 额外\ndescription: 简介\n---\n# 额外\n")
    assert run(project) == ["docs/extra.md:1: 页面不在导航中：在 mkdocs.yml 的 nav 中加入 extra.md"]


def test_pages_kept_out_of_the_nav_by_not_in_nav_pass(project):
    (project / "mkdocs.yml").write_text((project / "mkdocs.yml").read_text(encoding="utf-8")
                                        + "not_in_nav: |\n  /maintainer/\n", encoding="utf-8")
    write(project, "docs/maintainer/index.md", "---\ntitle: 维护\ndescription: 简介\n---\n# 维护\n")
    write(project, "docs/extra.md", "---\ntitle: 额外\ndescription: 简介\n---\n# 额外\n")
    assert run(project) == ["docs/extra.md:1: 页面不在导航中：在 mkdocs.yml 的 nav 中加入 extra.md"]


def test_nav_entry_without_file_is_reported_with_its_line(project):
    (project / "docs/modules/m/index.md").unlink()
    assert run(project) == ["mkdocs.yml:6: 导航中的 modules/m/index.md 在 docs/ 中不存在：新建该文件或从导航中删除"]


def test_missing_description_is_reported(project):
    write(project, "docs/index.md", "---\ntitle: 首页\n---\n# 首页\n")
    assert run(project) == ["docs/index.md:1: front matter 缺少 `description`：每个页面都要写明标题和一句话简介"]


def test_module_page_with_two_objectives_and_no_case_is_reported(project):
    bad = MODULE.replace("  - 能说出丙\n", "").replace("## 教学案例（情节虚构）\n\n", "")
    write(project, "docs/modules/m/index.md", bad)
    found = run(project)
    assert "docs/modules/m/index.md:6: `objectives` 应有3至5条学习目标，现有2条" in found
    assert any(f.startswith("docs/modules/m/index.md:14: 缺少二级标题“## 教学案例（情节虚构）”") for f in found)


def test_invalid_front_matter_yaml_is_reported_not_raised(project):
    write(project, "docs/index.md", "---\ntitle: [未闭合\ndescription: x\n---\n# 首页\n")
    found = run(project)
    assert len(found) == 1 and found[0].startswith("docs/index.md:") and "YAML" in found[0]


PLAN = """---
title: 教学设计
description: 简介
unit: modules/m/index.md
---
# 教学设计

## 教学目标

<!-- 教学目标 -->

## 重点难点

- 重点。

## 课时安排

| 课时 | 分钟 | 活动 | 内容 |
|---|---|---|---|
| 第1节 | 30 | 讲授 | 第一节 |
| | 15 | 随堂测验 | 小测验 |
| 第2节 | 25 | 案例研讨 | 案例 |
| | 20 | 小组讨论 | 讨论题 |

## 案例研讨指导

!!! success instructor-only "参考要点"

    1. 见[第三十四条](../law/index.md#art-34)。

## 课后任务

1. 练习。
"""


def with_plan(project, plan=PLAN):
    """The project with a complete module page and its plan in the nav."""
    write(project, "docs/modules/m/index.md", MODULE)
    write(project, "docs/teaching/m.md", plan)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "  - 教学设计: teaching/m.md\n", encoding="utf-8")
    return run(project)


def test_unit_with_objectives_but_no_plan_is_reported(project):
    write(project, "docs/modules/m/index.md", MODULE)
    assert run(project) == ["docs/modules/m/index.md:1: 这个单元写了学习目标，但没有教学设计："
                            "在 docs/teaching/ 中新建一页，front matter 写 `unit: modules/m/index.md`"]


def test_plan_whose_minutes_do_not_fill_the_hours_is_reported(project):
    short = PLAN.replace("| | 20 | 小组讨论 | 讨论题 |", "| | 10 | 小组讨论 | 讨论题 |")
    assert with_plan(project, short) == ["docs/teaching/m.md:16: 课时表共80分钟，建议学时2学时应为90分钟（允许相差3分钟）"]


def test_plan_within_the_tolerance_passes(project):
    assert with_plan(project, PLAN.replace("| | 20 | 小组讨论 | 讨论题 |", "| | 18 | 小组讨论 | 讨论题 |")) == []


def test_plan_with_too_long_a_period_and_an_unknown_activity_is_reported(project):
    bad = PLAN.replace("| 第1节 | 30 | 讲授 |", "| 第1节 | 40 | 讲座 |").replace("| 第2节 | 25 |", "| 第2节 | 15 |")
    assert with_plan(project, bad) == [
        "docs/teaching/m.md:20: 活动“讲座”应为讲授、案例研讨、小组讨论、随堂测验之一",
        "docs/teaching/m.md:20: 第1节共55分钟，超过一节课的45分钟",
    ]


def test_plan_with_one_period_for_two_hours_is_reported(project):
    bad = PLAN.replace("| 第2节 | 25 |", "| | 25 |").replace("| 第1节 | 30 |", "| 第1节 | 30 |")
    found = with_plan(project, bad)
    assert "docs/teaching/m.md:16: 建议学时2学时应排2节课，课时表排了1节" in found


def test_key_points_not_marked_instructor_only_are_reported(project):
    bad = PLAN.replace('!!! success instructor-only "参考要点"', '!!! success "参考要点"')
    assert with_plan(project, bad) == [
        "docs/teaching/m.md:27: “参考要点”只给教员看，提示框要加上类名 instructor-only，"
        '如 !!! success instructor-only "参考要点"']


def test_key_points_without_an_article_link_are_reported(project):
    bad = PLAN.replace("见[第三十四条](../law/index.md#art-34)。", "见条文。")
    assert with_plan(project, bad) == [
        "docs/teaching/m.md:27: “参考要点”要引用条文并链接，如 [第三十四条](../law/index.md#art-34)"]


def test_plan_with_copied_objectives_instead_of_the_marker_is_reported(project):
    bad = PLAN.replace("<!-- 教学目标 -->", "1. 能说出甲")
    assert with_plan(project, bad) == [
        "docs/teaching/m.md:6: “## 教学目标”下要写一行 <!-- 教学目标 -->，由构建填入单元的学习目标，不要手抄"]


def test_plan_naming_a_missing_unit_is_reported(project):
    write(project, "docs/modules/m/index.md", MODULE)
    write(project, "docs/teaching/m.md", PLAN.replace("unit: modules/m/index.md", "unit: modules/x/index.md"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "  - 教学设计: teaching/m.md\n", encoding="utf-8")
    found = run(project)
    assert "docs/teaching/m.md:4: `unit` 指向的 modules/x/index.md 在 docs/ 中不存在：写单元页面相对 docs/ 的路径，如 modules/banli/index.md" in found
    assert any(f.startswith("docs/modules/m/index.md:1: 这个单元写了学习目标，但没有教学设计") for f in found)
