"""The 教学设计 in docs/teaching/: one per unit with objectives, their 教学目标 are the unit's own,
their periods fill the unit's 学时, their 参考要点 are marked instructor-only, and the content
checks (citations, quotations, conditions) find nothing in them."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

import pytest

from scripts import lesson_plan
from scripts.checks import citations, conditions, quotations, structure
from scripts.markdown_text import markdown_files, split_front_matter
from tests.conftest import ROOT

DOCS = ROOT / "docs"
#: The units the course teaches: the six chapter modules, 新旧对照, the roadmap and the reporting unit.
UNITS = {
    "modules/zongze/index.md", "modules/tizhi/index.md", "modules/tichu-shouli/index.md", "modules/banli/index.md",
    "modules/jiandu-zhuize/index.md", "modules/fuze/index.md", "modules/xinjiu-duizhao/index.md",
    "roadmap/index.md", "reporting/index.md",
}


def _meta(path: Path) -> dict:
    return split_front_matter(path.read_text(encoding="utf-8"), str(path))[0]


def _plans() -> dict[str, Path]:
    """unit -> plan page."""
    plans = {}
    for page in markdown_files(DOCS):
        unit = lesson_plan.unit_path(_meta(page))
        if unit:
            plans[unit] = page
    return plans


PLANS = _plans()


def test_every_unit_has_one_plan_and_every_unit_with_objectives_is_a_unit():
    with_objectives = {p.relative_to(DOCS).as_posix() for p in markdown_files(DOCS)
                       if "objectives" in _meta(p) and not lesson_plan.unit_path(_meta(p))}
    assert with_objectives == UNITS
    assert set(PLANS) == UNITS
    assert all(p.parent == DOCS / "teaching" for p in PLANS.values())
    assert structure.check_plans(DOCS, ROOT) == []


@pytest.mark.parametrize("unit", sorted(UNITS))
def test_periods_add_up_to_the_units_hours(unit):
    """Minutes within TOLERANCE_MINUTES (3) of hours × 45; ceil(hours) periods of at most 45 minutes."""
    lines = PLANS[unit].read_text(encoding="utf-8").splitlines()
    heading = lines.index("## 课时安排")
    rows, problems = lesson_plan.period_rows(lines, heading)
    assert problems == [] and rows
    hours = _meta(DOCS / unit)["hours"]
    total = sum(r.minutes for r in rows)
    assert abs(total - hours * 45) <= lesson_plan.TOLERANCE_MINUTES == 3, f"{unit}: {total} 分钟，{hours} 学时"
    periods = {r.period for r in rows}
    assert len(periods) == -(-hours // 1)
    assert all(sum(r.minutes for r in rows if r.period == p) <= 45 for p in periods)
    assert {r.activity for r in rows} <= set(lesson_plan.ACTIVITIES)


def _text(fragment: str) -> str:
    return html_lib.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


@pytest.mark.parametrize("unit", sorted(UNITS))
def test_built_plan_shows_the_units_own_objectives(site_dir, unit):
    slug = PLANS[unit].stem
    page = (site_dir / "teaching" / slug / "index.html").read_text(encoding="utf-8")
    section = page[page.index('id="教学目标"'):page.index('id="重点难点"')]
    shown = [_text(li) for li in re.findall(r"<li>(.*?)</li>", section, re.S)]
    assert shown == _meta(DOCS / unit)["objectives"]
    assert f"建议学时{_meta(DOCS / unit)['hours']:g}学时" in _text(section)
    assert "<!--" not in section


@pytest.mark.parametrize("unit", sorted(UNITS))
def test_built_key_points_are_marked_instructor_only(site_dir, unit):
    page = (site_dir / "teaching" / PLANS[unit].stem / "index.html").read_text(encoding="utf-8")
    boxes = re.findall(r'<div class="admonition ([^"]*)">\s*<p class="admonition-title">参考要点</p>', page)
    assert boxes and all("instructor-only" in classes.split() for classes in boxes)


def test_content_checks_pass_on_the_plans():
    teaching = [f for check in (citations.check, quotations.check, conditions.check)
                for f in check(ROOT) if f.path.startswith("docs/teaching/")]
    assert teaching == []
