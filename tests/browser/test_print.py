"""Pages on A4 paper (Chromium's own PDF, read back with pypdf).

* A module page: every diagram prints as vectors on one page (its labels are text, all on
  the same PDF page, and its printed box no taller than a page), no heading is the last line of
  a page, no button or input is visible, and the quizzes print as numbered
  questions followed by a 测验参考答案 section with one answer per question.
* Each paper's answer key prints on one A4 page as a 题号→答案 grid of all 50
  questions, without the screen table.
* A 教学设计 prints its 参考要点 for the instructor; with the one rule a trainee
  print adds (TRAINEE_PRINT_RULE, which the 学员手册 uses) they are gone and the rest
  of the page is still there.
"""

from __future__ import annotations

import re
import unicodedata
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from scripts.bank.model import FILL, load_bank
from scripts.bank.papers import build_papers
from scripts.lesson_plan import INSTRUCTOR_CLASS
from tests.support.browser import DIAGRAM_SVGS

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
#: A4 less print.css's 15 mm margins, in CSS pixels (96 per inch).
PAGE_CONTENT_HEIGHT_PX = (297 - 30) / 25.4 * 96
DIAGRAM_MODULES = sorted(
    f"modules/{p.parent.name}/" for p in (ROOT / "docs" / "modules").glob("*/index.md")
    if "```mermaid" in p.read_text(encoding="utf-8"))


#: The embedded CJK font maps some simplified characters to CJK radical supplement code
#: points, which NFKC (unlike the Kangxi radicals ⼈ for 人) leaves as they are.
RADICALS = str.maketrans("⺠⻅⻓⻔⻋⻉⻢⻛⻜⻚⻥⻩⻬⻮⻰⻳⻆⻄⻘⻨⺟⻙", "民见长门车贝马风飞页鱼黄齐齿龙龟角西青麦母韦")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).translate(RADICALS))


def pdf_pages(data: bytes) -> list[str]:
    return [unicodedata.normalize("NFKC", page.extract_text() or "") for page in PdfReader(BytesIO(data)).pages]


def test_there_are_module_pages_with_diagrams():
    assert DIAGRAM_MODULES, "没有找到带流程图的模块页面"


@pytest.mark.parametrize("path", DIAGRAM_MODULES)
def test_module_page_prints_cleanly(served_site, browser, path):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    try:
        page = context.new_page()
        page.goto(served_site + path)
        diagrams = [svg["labels"] for svg in page.evaluate(DIAGRAM_SVGS)]
        assert diagrams and all(diagrams), f"{path}：流程图没有画出节点文字"
        quizzes = page.locator("div.quiz").count()
        headings = [h.strip().rstrip("¶").strip() for h in page.locator("article h2, article h3").all_inner_texts()]

        page.emulate_media(media="print")
        visible_controls = page.locator("article button:visible, article input:visible, article .md-button:visible")
        assert visible_controls.count() == 0, f"{path}：打印时仍有按钮或输入框：{visible_controls.first.evaluate('e => e.outerHTML')[:120]}"
        for box in page.evaluate("""() => [...document.querySelectorAll("div.course-diagram")].map(d => {
              const r = d.getBoundingClientRect(); return [r.height, getComputedStyle(d).breakInside]; })"""):
            assert box[0] <= PAGE_CONTENT_HEIGHT_PX * 0.9, f"{path}：打印时流程图高 {box[0]:.0f}px，超过一页"
            assert box[1] == "avoid"
        answers = page.locator(".quiz-print-answers li")
        assert page.locator(".quiz-print-answers").is_visible()
        assert answers.count() == quizzes, f"{path}：{quizzes} 道题，答案部分有 {answers.count()} 条"
        numbered = page.evaluate("""() => getComputedStyle(document.querySelector(".quiz .quiz-question > :first-child"),
            "::before").content""")
        assert "counter(" in numbered or re.search(r"\d", numbered or ""), "打印时题目没有编号"

        pages = pdf_pages(page.pdf(format="A4"))
        squeezed = [squeeze(p) for p in pages]
        for i, labels in enumerate(diagrams, start=1):
            wanted = [squeeze(label) for label in labels]
            whole = [n for n, text in enumerate(squeezed, start=1) if all(w in text for w in wanted)]
            where = {w: [n for n, text in enumerate(squeezed, start=1) if w in text] for w in wanted}
            assert whole, f"{path} 第{i}张流程图被分在几页上：{where}"
        for n, text in enumerate(pages[:-1], start=1):
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            assert lines and lines[-1] not in headings, f"{path} 第{n}页以标题“{lines[-1]}”结尾"
        everything = "".join(squeezed)
        assert "提交" not in everything and "重试" not in everything, "打印稿中有测验按钮"
        assert "测验参考答案" in everything
    finally:
        context.close()


@pytest.mark.parametrize("letter", ["A", "B", "C"])
def test_answer_key_prints_on_one_page(served_site, browser, letter):
    paper = build_papers(load_bank(ROOT / "docs", ROOT))[letter]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    try:
        page = context.new_page()
        page.goto(served_site + f"practice/exams/paper-{letter.lower()}-key/")
        page.emulate_media(media="print")
        assert not page.locator("article table").first.is_visible(), "打印时应只印答案表格，不印屏幕上的详表"
        cells = page.locator(".exam-key-grid li")
        assert cells.count() == len(paper.questions) == 50
        assert cells.nth(0).locator(".exam-key-grid__n").inner_text() == "1"
        assert cells.nth(49).locator(".exam-key-grid__n").inner_text() == "50"
        pages = pdf_pages(page.pdf(format="A4"))
        assert len(pages) == 1, f"试卷{letter}参考答案打印为 {len(pages)} 页 A4，应为 1 页"
        text = squeeze(pages[0])
        assert f"试卷{letter}参考答案" in text
        for q in paper.questions:
            if q.type == FILL:  # a blank's answer is printed as written in the bank
                assert squeeze(q.blanks[0]) in text, f"答案表中没有第{paper.questions.index(q) + 1}题的答案"
    finally:
        context.close()


#: The rule a trainee print (the 学员手册) adds to drop instructor-only material (docs/maintainer/authoring.md).
TRAINEE_PRINT_RULE = f".{INSTRUCTOR_CLASS} {{ display: none !important; }}"


@pytest.mark.parametrize("plan", ["banli", "fuze"])
def test_trainee_print_leaves_out_the_key_points(served_site, browser, plan):
    # The rule goes in as an inline <style>, which the served CSP blocks (it allows inline styles
    # only by hash); the 学员手册 itself is printed from a local server without CSP (scripts/teaching/site.py).
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN", bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(served_site + f"teaching/{plan}/")
        page.emulate_media(media="print")
        boxes = page.locator(f"article .{INSTRUCTOR_CLASS}")
        assert boxes.count() >= 1 and boxes.first.is_visible(), "教员打印的教学设计应当印出参考要点"
        key_points = squeeze(boxes.first.inner_text())
        sample = key_points[len("参考要点"):][:30]
        instructor = squeeze("".join(pdf_pages(page.pdf(format="A4"))))
        assert sample in instructor, "教员打印稿中没有参考要点"

        page.add_style_tag(content=TRAINEE_PRINT_RULE)
        assert not boxes.first.is_visible()
        trainee = squeeze("".join(pdf_pages(page.pdf(format="A4"))))
        assert sample not in trainee, "学员打印稿中仍有参考要点"
        assert trainee.count("参考要点") == instructor.count("参考要点") - boxes.count(), "学员打印稿中仍有参考要点的标题"
        for kept in ("教学目标", "课时安排", "案例研讨指导", "课后任务"):
            assert kept in trainee, f"学员打印稿中缺少“{kept}”"
    finally:
        context.close()
