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
    write(project, "docs/modules/m/index.md", MODULE)
    assert run(project) == []


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
