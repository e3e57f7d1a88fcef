"""Reading a module page as teaching material: key points, subsections, tables, diagrams, citations."""

from __future__ import annotations

from scripts.teaching.module_text import CASE, read_module, read_modules
from tests.conftest import ROOT

PAGE = """---
title: 第九章 示例
objectives:
  - 能说出第七条的格局
  - 能区分两类联席会议
  - 能列举七项职责
hours: 2
audience: [党校学员]
quiz:
  enabled: true
---

# 第九章 示例

导语引用[第一条](../../law/index.md#art-1)。

## 一、格局

[第七条](../../law/index.md#art-7)规定了格局。第二句不进要点。

### 表格小节

| 项 | 内容 |
|---|---|
| （一） | 见[第八条](../../law/index.md#art-8) |

```mermaid
flowchart TB
  A --> B
```

!!! abstract "本节要点"

    - 格局有五个方面（[第七条](../../law/index.md#art-7)）。
    - 对照[原《信访条例》第五条](../../law/tiaoli-2005.md#art-5)。

## 教学案例（情节虚构）

**案情。** 某区的事。

1. **依据何在？** 见[第九条](../../law/index.md#art-9)。

## 讨论题

1. 讨论[第十条](../../law/index.md#art-10)。

## 小测验

<!-- bank-quiz module="tizhi" -->

## 重点回顾

- 回顾一条。
"""


def test_a_page_read_into_sections_key_points_tables_and_citations(tmp_path):
    path = tmp_path / "index.md"
    path.write_text(PAGE, encoding="utf-8")
    module = read_module("demo", path)
    assert module.title == "第九章 示例" and module.hours == 2 and len(module.objectives) == 3
    assert module.quiz_module == "tizhi"
    section, sub = module.content_parts()
    assert section.title == "一、格局" and sub.title == "表格小节" and sub.level == 3
    # The box at the end of the ## section belongs to it, not to its last subsection.
    assert section.key_points == ["格局有五个方面（第七条）。", "对照原《信访条例》第五条。"]
    assert section.summary() == section.key_points
    assert section.articles == ["第七条", "第八条", "原《信访条例》第五条"]
    assert sub.tables[0].header == ["项", "内容"] and sub.tables[0].rows == [["（一）", "见第八条"]]
    assert sub.tables[0].articles == ["第八条"]
    assert sub.diagrams == [0]
    [case] = module.case_parts()
    assert case.title == CASE and case.raw_items[0].startswith("**依据何在？**")
    assert module.part("讨论题").items == ["讨论第十条。"]
    assert module.part("重点回顾").items == ["回顾一条。"]


def test_a_subsection_without_a_box_is_summed_up_by_first_sentences(tmp_path):
    path = tmp_path / "index.md"
    path.write_text(PAGE, encoding="utf-8")
    section = read_module("demo", path).content_parts()[0]
    section.key_points = []
    assert section.summary() == ["第七条规定了格局。"]


def test_every_course_module_has_sections_and_key_points():
    modules = read_modules(ROOT / "docs")
    assert [m.code for m in modules][:6] == ["zongze", "tizhi", "tichu-shouli", "banli", "jiandu-zhuize", "fuze"]
    assert "xinjiu-duizhao" in [m.code for m in modules]
    for module in modules:
        assert module.content_parts(), module.code
        assert module.key_points(), f"{module.code} 没有读到本节要点"
