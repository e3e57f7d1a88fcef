"""Render what a page declares in its front matter.

- Module pages (`module:`): the 学习目标 / 建议学时 / 适用对象 box under the title;
  malformed front matter fails the build with the file and the problem.
- Handout pages (`handout: true`): `data-handout` on <body>, for the print stylesheet.
- Study hours: `<!-- 学时 a.md b.md -->` in a page becomes the sum of the `hours` those
  pages declare, so the course guide's learning paths never disagree with the modules.
- 教学设计 (`unit: modules/banli/index.md`): `<!-- 教学目标 -->` becomes the unit's
  objectives and 学时, read from the unit's front matter (see scripts.lesson_plan).
"""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs loads hooks by file path; put the project root on sys.path so they can import `scripts`.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mkdocs.exceptions import PluginError

import re

from scripts import lesson_plan, module_meta
from scripts.markdown_text import split_front_matter

_HOURS_RE = re.compile(r"<!-- 学时 ([^>]+?) -->")


def on_page_markdown(markdown, page, config, files):
    def total(match):
        hours = 0.0
        for path in match.group(1).split():
            file = files.get_file_from_path(path)
            declared = split_front_matter(file.content_string, path)[0].get("hours") if file else None
            if not isinstance(declared, (int, float)) or isinstance(declared, bool):
                raise PluginError(f"docs/{page.file.src_path}: “学时”中的 {path} "
                                  + ("不存在" if file is None else "没有在 front matter 中写明 hours"))
            hours += declared
        return f"{hours:g}"

    markdown = _HOURS_RE.sub(total, markdown)
    unit = lesson_plan.unit_path(page.meta)
    if unit is not None:
        markdown = _objectives(markdown, page, unit, files)
    return markdown


def _objectives(markdown, page, unit, files):
    where = f"docs/{page.file.src_path}"
    file = files.get_file_from_path(unit)
    if file is None:
        raise PluginError(f"{where}: `unit` 指向的 {unit} 不存在")
    unit_meta = split_front_matter(file.content_string, unit)[0]
    found = lesson_plan.objectives_problems(unit_meta)
    if found:
        raise PluginError(f"{where}: 单元 {unit} 的 " + "；".join(found))
    if markdown.count(lesson_plan.OBJECTIVES_MARKER) != 1:
        raise PluginError(f"{where}: “## 教学目标”下要写一行 {lesson_plan.OBJECTIVES_MARKER}（只写一次）")
    return markdown.replace(lesson_plan.OBJECTIVES_MARKER,
                            lesson_plan.render_objectives(unit_meta, page.file.src_uri, unit))


def on_page_content(html, page, config, files):
    if "module" not in page.meta:
        return html
    found = module_meta.problems(page.meta)
    if found:
        raise PluginError(f"docs/{page.file.src_path}: " + "；".join(found))
    box = module_meta.render(page.meta)
    end = html.find("</h1>")
    return html[: end + 5] + box + html[end + 5 :] if end >= 0 else box + html


def on_post_page(output, page, config):
    if page.meta.get("handout"):
        return output.replace("<body ", "<body data-handout ", 1)
    return output
