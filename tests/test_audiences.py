"""Learners, instructors and maintainers apart in the built navigation.

The 维护手册 is not among the learners' tabs or sidebar but linked from every
page's footer; the answer keys and the 教学设计 are under 教员, not next to the papers.
"""

from __future__ import annotations

import re


def _tabs(html: str) -> list[str]:
    tabs = re.search(r'<nav class="md-tabs".*?</nav>', html, re.S)
    assert tabs, "页面没有导航标签栏"
    return [re.sub(r"\s+", "", t) for t in re.findall(r'class="md-tabs__link[^"]*"[^>]*>(.*?)</a>', tabs.group(0), re.S)]


def test_maintainer_manual_is_a_footer_link_not_a_tab(site_dir):
    for page in ("index.html", "modules/banli/index.html", "maintainer/index.html"):
        html = (site_dir / page).read_text(encoding="utf-8")
        assert "维护手册" not in _tabs(html), page
        footer = re.search(r'<footer class="md-footer">.*?</footer>', html, re.S).group(0)
        assert re.search(r'<a href="[^"]*">维护手册', footer), f"{page} 的页脚没有维护手册链接"
    home = (site_dir / "modules/banli/index.html").read_text(encoding="utf-8")
    primary = home[home.find("md-nav--primary"):home.find("md-sidebar--secondary")]
    assert primary and "maintainer/" not in primary, "学员的导航中不应有维护手册"
    for page in ("authoring", "report-rules", "api", "publishing"):
        assert (site_dir / "maintainer" / page / "index.html").exists()


def test_answer_keys_sit_under_instructor_material(site_dir):
    html = (site_dir / "practice/exams/paper-a/index.html").read_text(encoding="utf-8")
    assert "教员" in _tabs(html)
    nav = html[html.find("md-nav--primary"):]
    papers = nav[nav.find("模拟试卷"):]
    papers_group = papers[: papers.find("</ul>")]
    assert "参考答案" not in papers_group, "参考答案不应放在学员的模拟试卷目录中"
    instructors = nav[nav.find("教员"):]
    for letter in "ABC":
        assert f"试卷{letter}参考答案" in instructors
