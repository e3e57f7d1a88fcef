"""Structure: every page is in the nav (or kept out of it on purpose by `not_in_nav`)
and every nav entry exists; front matter is complete;
module pages have the agreed shape (see 编写规范); every unit with learning objectives
has a 教学设计 of the agreed shape (see [`scripts.lesson_plan`][scripts.lesson_plan])."""

from __future__ import annotations

import re
from pathlib import Path

from scripts import config_file, lesson_plan, module_meta
from scripts.findings import Finding
from scripts.markdown_text import FrontMatterError, markdown_files, split_front_matter

#: Keys every page declares: the title shown in search results and the description for previews.
PAGE_KEYS = ("title", "description")
_H2 = re.compile(r"^## (.+?)\s*(\{#[^}]*\})?\s*$")


def check(root: Path) -> list[Finding]:
    """Check `root/docs` against `root/mkdocs.yml`."""
    docs = root / "docs"
    config_path = root / "mkdocs.yml"
    findings: list[Finding] = []
    entries = config_file.nav_entries(config_path)
    in_nav = {e.path for e in entries}
    kept_out = config_file.not_in_nav(config_path)
    seen: set[str] = set()
    for entry in entries:
        if entry.path in seen:
            findings.append(Finding("mkdocs.yml", entry.line, f"导航中重复列出了 {entry.path}，每个页面只列一次"))
        seen.add(entry.path)
        if not (docs / entry.path).is_file():
            findings.append(Finding("mkdocs.yml", entry.line, f"导航中的 {entry.path} 在 docs/ 中不存在：新建该文件或从导航中删除"))
    for page in markdown_files(docs):
        rel = page.relative_to(docs).as_posix()
        shown = page.relative_to(root).as_posix()
        if rel not in in_nav and not kept_out.match_file(rel):
            findings.append(Finding(shown, 1, f"页面不在导航中：在 mkdocs.yml 的 nav 中加入 {rel}"))
        findings.extend(check_page(page.read_text(encoding="utf-8"), shown))
    findings.extend(check_plans(docs, root))
    return findings


def _front_matter(page: Path) -> tuple[dict, int]:
    try:
        return split_front_matter(page.read_text(encoding="utf-8"), page.name)
    except FrontMatterError:
        return {}, 1  # reported by check_page


def check_plans(docs: Path, root: Path) -> list[Finding]:
    """Each 教学设计 names an existing unit and has the plan's shape; each unit with objectives has a plan."""
    findings: list[Finding] = []
    taught: set[str] = set()
    with_objectives: dict[str, Path] = {}
    for page in markdown_files(docs):
        rel = page.relative_to(docs).as_posix()
        shown = page.relative_to(root).as_posix()
        meta, body_line = _front_matter(page)
        unit = lesson_plan.unit_path(meta)
        if unit is None:
            if "objectives" in meta and not rel.startswith(lesson_plan.FOLDER):
                with_objectives[rel] = page
            continue
        taught.add(unit)
        unit_file = docs / unit
        unit_meta = None
        if not unit_file.is_file():
            findings.append(Finding(shown, _key_line(page.read_text(encoding="utf-8"), "`unit`"),
                                    f"`unit` 指向的 {unit} 在 docs/ 中不存在：写单元页面相对 docs/ 的路径，如 modules/banli/index.md"))
        else:
            unit_meta = _front_matter(unit_file)[0]
            for problem in lesson_plan.objectives_problems(unit_meta):
                findings.append(Finding(shown, 1, f"单元 {unit} 的 {problem}：教学目标和课时取自单元页面的 front matter"))
        for line, message in lesson_plan.plan_problems(page.read_text(encoding="utf-8"), body_line, unit_meta):
            findings.append(Finding(shown, line, message))
    for rel, page in sorted(with_objectives.items()):
        if rel not in taught:
            findings.append(Finding(page.relative_to(root).as_posix(), 1,
                                    f"这个单元写了学习目标，但没有教学设计：在 docs/{lesson_plan.FOLDER} 中新建一页，front matter 写 `unit: {rel}`"))
    return findings


def check_page(text: str, shown: str) -> list[Finding]:
    """Front matter and, for module pages, the module shape of one page."""
    try:
        meta, body_line = split_front_matter(text, shown)
    except FrontMatterError as exc:
        path, line, message = str(exc).split(":", 2)
        return [Finding(path, int(line), message.strip())]
    findings = [
        Finding(shown, 1, f"front matter 缺少 `{key}`：每个页面都要写明标题和一句话简介")
        for key in PAGE_KEYS
        if not str(meta.get(key) or "").strip()
    ]
    if "module" in meta:
        findings += [Finding(shown, _key_line(text, problem), problem) for problem in module_meta.problems(meta)]
        headings = [m.group(1) for line in text.splitlines()[body_line - 1 :] if (m := _H2.match(line))]
        findings += [Finding(shown, body_line, problem) for problem in module_meta.section_problems(headings)]
    elif "objectives" in meta:
        findings += [Finding(shown, _key_line(text, problem), problem) for problem in module_meta.objective_problems(meta)]
    return findings


def _key_line(text: str, problem: str) -> int:
    """The front-matter line of the key a problem names (`objectives` …), else line 1."""
    key = re.search(r"`(\w+)`", problem)
    if key:
        for lineno, line in enumerate(text.splitlines(), start=1):
            if line.startswith(f"{key.group(1)}:"):
                return lineno
    return 1
