"""教学设计 (lesson plans, docs/teaching/): what a plan declares, and how its 教学目标 are filled in.

A plan names the unit it teaches in its front matter, as a docs-relative path:

    unit: modules/banli/index.md

- **教学目标** are the unit's own `objectives`, never retyped: the plan writes the line
  `<!-- 教学目标 -->` under `## 教学目标`, and the page hook (scripts/hooks/page_meta.py)
  puts the unit's objectives and 建议学时 there at build time, outside the search index
  (a search for them finds the unit's page). 附则 and 新旧对照 declare objectives and
  hours for their plans without being module pages.
- **课时安排** is a table `| 课时 | 分钟 | 活动 | 内容 |`: one row per activity, the period
  (第1节, 第2节 …) in the first cell of its first row. The unit's `hours` are 45-minute
  periods (3 → three periods; 0.5 → one period of about 22 minutes): the plan has that many
  periods, none longer than 45 minutes, and its minutes add up to hours × 45 within
  TOLERANCE_MINUTES. An activity is one of ACTIVITIES.
- **参考要点** (what a good answer to a discussion question contains) is for instructors:
  every such box is an admonition with the class `instructor-only`
  (`!!! success instructor-only "参考要点"`), which a trainee print drops with one CSS rule,
  `.instructor-only { display: none !important; }`; each box cites at least one article.

The structure check (scripts/checks/structure.py) reports what is wrong with a plan, and
any page with `objectives` in its front matter that no plan teaches.
"""

from __future__ import annotations

import math
import posixpath
import re
from dataclasses import dataclass

#: Where the plans live (docs-relative).
FOLDER = "teaching/"
#: The line a plan writes where its unit's objectives go.
OBJECTIVES_MARKER = "<!-- 教学目标 -->"
#: Second-level headings every plan has, in this order.
REQUIRED_SECTIONS = ("教学目标", "重点难点", "课时安排", "案例研讨指导", "课后任务")
#: What an activity in the 课时安排 table may be.
ACTIVITIES = ("讲授", "案例研讨", "小组讨论", "随堂测验")
PERIOD_MINUTES = 45
#: How far the plan's total may be from hours × 45 (0.5 学时 → 20 to 25 minutes).
TOLERANCE_MINUTES = 3
#: The class that marks instructor-only material; trainee prints hide it.
INSTRUCTOR_CLASS = "instructor-only"
KEY_POINTS_TITLE = "参考要点"
TABLE_HEADER = ("课时", "分钟", "活动", "内容")

_H2 = re.compile(r"^## (.+?)\s*(\{#[^}]*\})?\s*$")
_ADMONITION = re.compile(r'^(\s*)(?:!!!|\?\?\?\+?)\s+([\w\- ]+?)\s*(?:"([^"]*)")?\s*$')
_PERIOD = re.compile(r"^第(\d+)节$")
_LAW_LINK = re.compile(r"\]\((?:\.\./)+law/index\.md#art-\d+\)")


@dataclass(frozen=True)
class Row:
    """One row of the 课时安排 table."""

    line: int
    period: int
    minutes: int
    activity: str


def unit_path(meta: dict) -> str | None:
    """The docs-relative unit a plan's front matter names (None when the page is no plan)."""
    unit = meta.get("unit")
    return unit if isinstance(unit, str) and unit.strip() else None


def objectives_problems(unit_meta: dict) -> list[str]:
    """What stops a unit's front matter from giving a plan its 教学目标 and 学时."""
    found = []
    objectives = unit_meta.get("objectives")
    if not isinstance(objectives, list) or not all(isinstance(o, str) and o.strip() for o in objectives):
        found.append("front matter 没有 `objectives`（学习目标的列表）")
    elif not 3 <= len(objectives) <= 5:
        found.append(f"`objectives` 应有3至5条学习目标，现有{len(objectives)}条")
    hours = unit_meta.get("hours")
    if isinstance(hours, bool) or not isinstance(hours, (int, float)) or hours <= 0:
        found.append("front matter 没有写明 `hours`（建议学时，正数）")
    return found


def render_objectives(unit_meta: dict, plan_src: str, unit_src: str) -> str:
    """Markdown that replaces OBJECTIVES_MARKER: where the objectives come from, then the list."""
    link = posixpath.relpath(unit_src, posixpath.dirname(plan_src) or ".")
    title = str(unit_meta.get("title") or unit_src)
    items = "\n".join(f"{i}. {str(o).strip()}" for i, o in enumerate(unit_meta["objectives"], start=1))
    # Kept out of the search index: the objectives are found on the unit's own page.
    return (f'<div class="lesson-objectives" markdown data-search-exclude="">\n\n'
            f"本单元的学习目标，取自[{title}]({link})页面；建议学时{unit_meta['hours']:g}学时。\n\n{items}\n\n</div>\n")


def period_rows(lines: list[str], start: int) -> tuple[list[Row], list[tuple[int, str]]]:
    """Rows of the 课时安排 table in `lines` from index `start` (the heading), and problems with it."""
    problems: list[tuple[int, str]] = []
    rows: list[Row] = []
    table: list[tuple[int, list[str]]] = []
    for idx in range(start + 1, len(lines)):
        line = lines[idx].strip()
        if line.startswith("## "):
            break
        if line.startswith("|"):
            table.append((idx + 1, [c.strip() for c in line.strip("|").split("|")]))
        elif table:
            break
    if not table:
        return [], [(start + 1, "“## 课时安排”下没有课时表：| 课时 | 分钟 | 活动 | 内容 |")]
    header_line, header = table[0]
    if tuple(header) != TABLE_HEADER:
        return [], [(header_line, "课时表的表头应为 | 课时 | 分钟 | 活动 | 内容 |")]
    period = 0
    for lineno, cells in table[2:]:
        if len(cells) != len(TABLE_HEADER):
            problems.append((lineno, f"课时表的每行应有{len(TABLE_HEADER)}格，这一行有{len(cells)}格"))
            continue
        label, minutes, activity, _ = cells
        if label:
            m = _PERIOD.match(label)
            if not m or int(m.group(1)) != period + 1:
                problems.append((lineno, f"“{label}”：课时依次写作第1节、第2节……，只写在每节的第一行"))
                continue
            period += 1
        if period == 0:
            problems.append((lineno, "课时表的第一行要写明“第1节”"))
            continue
        if not minutes.isdigit() or int(minutes) <= 0:
            problems.append((lineno, f"“{minutes}”：分钟应当是正整数"))
            continue
        if activity not in ACTIVITIES:
            problems.append((lineno, f"活动“{activity}”应为{'、'.join(ACTIVITIES)}之一"))
        rows.append(Row(lineno, period, int(minutes), activity))
    return rows, problems


def timing_problems(rows: list[Row], hours: float, heading_line: int) -> list[tuple[int, str]]:
    """Periods and minutes against the unit's hours."""
    if not rows:
        return []
    found = []
    periods = sorted({r.period for r in rows})
    expected = math.ceil(hours)
    if len(periods) != expected:
        found.append((heading_line, f"建议学时{hours:g}学时应排{expected}节课，课时表排了{len(periods)}节"))
    for p in periods:
        total = sum(r.minutes for r in rows if r.period == p)
        if total > PERIOD_MINUTES:
            first = next(r.line for r in rows if r.period == p)
            found.append((first, f"第{p}节共{total}分钟，超过一节课的{PERIOD_MINUTES}分钟"))
    total = sum(r.minutes for r in rows)
    target = hours * PERIOD_MINUTES
    if abs(total - target) > TOLERANCE_MINUTES:
        found.append((heading_line, f"课时表共{total}分钟，建议学时{hours:g}学时应为{target:g}分钟"
                                    f"（允许相差{TOLERANCE_MINUTES}分钟）"))
    return found


def key_point_problems(lines: list[str], start: int) -> list[tuple[int, str]]:
    """Every 参考要点 box is marked instructor-only and cites an article; a plan has at least one."""
    found = []
    boxes = 0
    for idx in range(start, len(lines)):
        m = _ADMONITION.match(lines[idx])
        if not m or KEY_POINTS_TITLE not in (m.group(3) or ""):
            continue
        boxes += 1
        if INSTRUCTOR_CLASS not in m.group(2).split():
            found.append((idx + 1, f"“{KEY_POINTS_TITLE}”只给教员看，提示框要加上类名 {INSTRUCTOR_CLASS}，"
                                   f'如 !!! success {INSTRUCTOR_CLASS} "{KEY_POINTS_TITLE}"'))
        indent = len(m.group(1))
        body = []
        for line in lines[idx + 1:]:
            if line.strip() and len(line) - len(line.lstrip()) <= indent:
                break
            body.append(line)
        if not _LAW_LINK.search("\n".join(body)):
            found.append((idx + 1, f"“{KEY_POINTS_TITLE}”要引用条文并链接，如 [第三十四条](../law/index.md#art-34)"))
    if not boxes:
        found.append((start + 1, f"教学设计至少要有一个“{KEY_POINTS_TITLE}”提示框（案例研讨的参考答案）"))
    return found


def plan_problems(text: str, body_line: int, unit_meta: dict | None) -> list[tuple[int, str]]:
    """(line, message) for what is wrong with one plan; `unit_meta` None when the unit page is missing."""
    lines = text.splitlines()
    headings = [(idx, m.group(1)) for idx in range(body_line - 1, len(lines)) if (m := _H2.match(lines[idx]))]
    names = [h for _, h in headings]
    found: list[tuple[int, str]] = []
    for section in REQUIRED_SECTIONS:
        if section not in names:
            found.append((body_line, f"教学设计缺少二级标题“## {section}”"))
    present = [s for s in names if s in REQUIRED_SECTIONS]
    if not found and present != list(REQUIRED_SECTIONS):
        found.append((body_line, "教学设计的二级标题顺序应为：" + "、".join(REQUIRED_SECTIONS)))
    if OBJECTIVES_MARKER not in text:
        found.append((body_line, f"“## 教学目标”下要写一行 {OBJECTIVES_MARKER}，由构建填入单元的学习目标，不要手抄"))
    schedule = next((idx for idx, h in headings if h == "课时安排"), None)
    if schedule is not None:
        rows, table_problems = period_rows(lines, schedule)
        found += table_problems
        hours = (unit_meta or {}).get("hours")
        if isinstance(hours, (int, float)) and not isinstance(hours, bool) and hours > 0:
            found += timing_problems(rows, float(hours), schedule + 1)
    found += key_point_problems(lines, body_line - 1)
    return found
