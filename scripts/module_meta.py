"""The front matter of a module page: what it must declare and how it is shown.

A module page declares `module`, `chapter`, `objectives` (3–5), `hours` and `audience`
in its front matter (see 编写规范). The structure check reports problems with file and
line; the page hook renders the declared data as the box under the page title.
"""

from __future__ import annotations

import html
import re

REQUIRED_KEYS = ("module", "chapter", "objectives", "hours", "audience")
#: Second-level headings every module page has, in this order.
REQUIRED_SECTIONS = ("教学案例（情节虚构）", "讨论题", "小测验", "重点回顾")
_NUMBERED_SECTION = re.compile(r"^[一二三四五六七八九十]+、")


def problems(meta: dict) -> list[str]:
    """What is wrong with a module page's front matter (empty list when it is fine)."""
    found = [f"front matter 缺少 `{key}`" for key in REQUIRED_KEYS if key not in meta]
    found += objective_problems(meta)
    quiz = meta.get("quiz")
    if not (isinstance(quiz, dict) and quiz.get("enabled") is True):
        found.append("模块页面有小测验，front matter 需要 `quiz: {enabled: true}`")
    return found


def objective_problems(meta: dict) -> list[str]:
    """What is wrong with the objectives, hours, audience and chapter a page declares.

    Also used for units that are not module pages (附则, 新旧对照): they declare
    objectives and hours for their 教学设计 (see scripts.lesson_plan)."""
    found = []
    objectives = meta.get("objectives")
    if "objectives" in meta:
        if not isinstance(objectives, list) or not all(isinstance(o, str) and o.strip() for o in objectives):
            found.append("`objectives` 应当是学习目标的列表，每条一句话")
        elif not 3 <= len(objectives) <= 5:
            found.append(f"`objectives` 应有3至5条学习目标，现有{len(objectives)}条")
    hours = meta.get("hours")
    if "hours" in meta and (isinstance(hours, bool) or not isinstance(hours, (int, float)) or hours <= 0):
        found.append(f"`hours`（建议学时）应当是正数，现为 {hours!r}")
    audience = meta.get("audience")
    if "audience" in meta and (not isinstance(audience, list) or not audience):
        found.append("`audience`（适用对象）应当是非空列表，如 [党校学员, 机关干部]")
    chapter = meta.get("chapter")
    if "chapter" in meta and chapter is not None and chapter not in range(1, 7):
        found.append(f"`chapter` 应当是1至6的章号或 null，现为 {chapter!r}")
    return found


def section_problems(headings: list[str]) -> list[str]:
    """What is missing from a module page's second-level headings."""
    found = []
    if not any(_NUMBERED_SECTION.match(h) for h in headings):
        found.append("缺少编号小节（如“## 一、……”）")
    positions = []
    for section in REQUIRED_SECTIONS:
        if section not in headings:
            found.append(f"缺少二级标题“## {section}”")
        else:
            positions.append(headings.index(section))
    if positions == sorted(positions) or len(positions) < len(REQUIRED_SECTIONS):
        return found
    found.append("二级标题顺序应为：" + "、".join(REQUIRED_SECTIONS))
    return found


def render(meta: dict) -> str:
    """HTML of the box showing 学习目标, 建议学时 and 适用对象 under the title."""
    esc = html.escape
    objectives = "".join(f"<li>{esc(str(o))}</li>" for o in meta.get("objectives", []))
    audience = "、".join(esc(str(a)) for a in meta.get("audience", []))
    hours = meta.get("hours")
    hours_text = f"{hours:g}" if isinstance(hours, (int, float)) else esc(str(hours))
    return (
        '<div class="module-meta" role="note" aria-label="模块信息"><dl>'
        f"<dt>学习目标</dt><dd><ol>{objectives}</ol></dd>"
        f"<dt>建议学时</dt><dd>{hours_text}学时</dd>"
        f"<dt>适用对象</dt><dd>{audience}</dd>"
        "</dl></div>"
    )
