"""The checks run on the handbook page before printing can fail: a wide table, closing
punctuation at a line start and visible instructor-only material are each reported."""

from __future__ import annotations

import pytest

from scripts.teaching import handbook, print_checks

pytestmark = pytest.mark.browser

GOOD = """<p>信访工作格局，党委统一领导。</p><table><tr><td>短</td></tr></table>"""
WIDE_TABLE = """<table><tr><td style="white-space:nowrap">""" + "很长的单元格" * 40 + "</td></tr></table>"
# `line-break: anywhere` lets the browser break before “。”; the check sees the line start.
BAD_BREAK = """<p style="width:5em; line-break:anywhere; font-size:16px">一二三四五。六七八九十</p>"""
TEACHER = """<div class="instructor-only">参考要点：第七条</div>"""


def _page(browser, body: str, css: str = ""):
    page = browser.new_page(viewport={"width": handbook.CONTENT_WIDTH_PX, "height": 800})
    page.set_content(f'<html><head><style>{css}</style></head><body><div class="handbook-part" data-source="docs/x.md">'
                     f"{body}</div></body></html>")
    return page


def test_a_clean_page_passes(browser):
    assert print_checks.check(_page(browser, GOOD, handbook.CSS.read_text(encoding="utf-8"))) == []


def test_a_table_wider_than_the_page_is_reported(browser):
    [finding] = print_checks.table_overflows(_page(browser, WIDE_TABLE))
    assert finding.part == "docs/x.md" and "超出版心" in finding.message


def test_closing_punctuation_at_a_line_start_is_reported(browser):
    found = print_checks.closing_punctuation_at_line_start(_page(browser, BAD_BREAK))
    assert found and "⏎。" in found[0].message


def test_the_handbook_stylesheet_keeps_closing_punctuation_off_line_starts(browser):
    strict = BAD_BREAK.replace("line-break:anywhere; ", "")
    assert print_checks.closing_punctuation_at_line_start(_page(browser, strict, handbook.CSS.read_text(encoding="utf-8"))) == []


def test_instructor_material_is_reported_unless_the_handbook_css_hides_it(browser):
    assert print_checks.visible_instructor_material(_page(browser, TEACHER))
    assert not print_checks.visible_instructor_material(_page(browser, TEACHER, handbook.CSS.read_text(encoding="utf-8")))


def test_page_wide_rules_apply_to_their_part():
    css = "body[data-exam-key] .md-typeset h1 { x: 1 } body:not([data-exam-paper]) .quiz { y: 2 } body { z: 3 }"
    assert handbook.part_scoped(css) == (".handbook-part[data-exam-key] .md-typeset h1 { x: 1 } "
                                         ".handbook-part:not([data-exam-paper]) .quiz { y: 2 } body { z: 3 }")


def test_the_commands_start_their_own_chromium_when_none_is_given():
    """`make slides` and `make handbook` run alone: they launch Debian's Chromium themselves.
    (In a process of its own: Playwright's sync API cannot start twice in the tests' thread.)"""
    import subprocess
    import sys

    from tests.conftest import ROOT

    code = "from scripts.teaching.site import chromium\nwith chromium() as b:\n    print(b.version)"
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and proc.stdout.strip(), proc.stderr[-1500:]
