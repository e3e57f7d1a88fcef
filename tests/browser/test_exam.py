"""Exam mode on the mock papers, the 成绩单 and its 成绩码, in Chromium against nginx.

The clock is the documented hook of assets/records.js (window.xinfangNow), moved
forward by the test: a 60-minute exam is warned at 5 minutes and submitted at zero
without waiting. A scripted set of answers gives exactly the expected score; the
成绩码 read from the page is re-scored by `python -m scripts score` and by the 阅卷
page with the same result; an altered code is rejected with one line.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from scripts.bank import render
from scripts.bank.model import TYPE_NAMES
from scripts.bank.papers import build_papers
from tests.support.practice import advance, answer_exam_question, new_context, open_in, stored

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def papers(bank):
    return {letter: render.paper_data(bank, p) for letter, p in build_papers(bank).items()}


@pytest.fixture
def context(browser):
    ctx = new_context(browser)
    yield ctx
    ctx.close()


def script(questions):
    """The scripted answers: every 5th question left blank, every 7th (of the rest) wrong."""
    plan = {}
    for i, q in enumerate(questions):
        plan[q["id"]] = None if i % 5 == 0 else (i % 7 != 0)
    return plan


def take(page, paper, plan) -> None:
    page.get_by_role("button", name="开始考试").click()
    page.locator(".exam-bar").wait_for()
    for q in paper["questions"]:
        if plan[q["id"]] is not None:
            answer_exam_question(page, q, plan[q["id"]])


def test_full_exam_with_a_clock_warning_and_submission_at_zero(served_site, context, papers, bank, external_requests):
    paper = papers["A"]
    page = open_in(context, served_site + "practice/exams/paper-a/")
    # Before the start: the rules and a start button; no answers anywhere in the page's markup.
    assert "考试时间60分钟" in page.locator("#exam-app").inner_text()
    assert page.locator("[data-correct], [data-answer]").count() == 0
    assert not page.locator(".exam-body").is_visible()

    plan = script(paper["questions"])
    take(page, paper, plan)
    bar = page.locator(".exam-bar")
    assert re.search(r"剩余时间 (60:00|59:5\d)", bar.inner_text())
    assert f"已答 {sum(v is not None for v in plan.values())}/50" in bar.inner_text()
    # Answers stay hidden until 交卷: no marks, no explanations, no feedback.
    assert page.locator(".quiz .correct, .quiz .wrong").count() == 0
    assert page.locator(".quiz section.content:visible, .quiz .quiz-feedback:visible").count() == 0

    advance(page, 54)
    page.wait_for_timeout(1500)
    assert page.locator(".exam-warning").inner_text() == ""
    advance(page, 2)  # 4 minutes left
    page.locator(".exam-warning").filter(has_text="还剩不到5分钟").wait_for()
    assert "exam-bar--warning" in bar.get_attribute("class")
    assert page.locator("body").get_attribute("data-exam-state") == "running"

    advance(page, 4.5)  # past zero
    page.locator("body[data-exam-state='submitted']").wait_for()
    right = sum(v is True for v in plan.values())
    result = page.locator(".exam-result")
    assert result.locator(".exam-points").inner_text() == str(right * 2)
    assert result.locator(".exam-verdict").inner_text() == ("及格" if right * 2 >= 60 else "不及格")
    assert "考试时间到，已自动交卷" in result.inner_text()
    # Breakdown by type and by chapter, as the plan predicts.
    by_type = Counter(TYPE_NAMES[q["type"]] for q in paper["questions"] if plan[q["id"]])
    rows = result.locator("table.exam-by-type tbody tr")
    for i in range(rows.count()):
        cells = rows.nth(i).locator("td").all_inner_texts()
        assert int(cells[2]) == by_type[cells[0]], cells
    by_module = Counter(bank.titles[q["module"]] for q in paper["questions"] if plan[q["id"]])
    rows = result.locator("table.exam-by-module tbody tr")
    assert rows.count() == len({q["module"] for q in paper["questions"]})
    for i in range(rows.count()):
        cells = rows.nth(i).locator("td").all_inner_texts()
        assert int(cells[2]) == by_module[cells[0]], cells
    # Each wrong answer with the correct one, its explanation and an article link.
    wrong = [q for q in paper["questions"] if not plan[q["id"]]]
    items = result.locator(".exam-wrong-list > li")
    assert items.count() == len(wrong)
    for i, q in enumerate(wrong):
        item = items.nth(i)
        assert item.get_attribute("data-question") == q["id"]
        assert f"正确答案：{q['answer']}" in item.inner_text()
        assert ("你的答案：（未答）" in item.inner_text()) == (plan[q["id"]] is None)
    links = result.locator(".exam-explanation a[href*='law/#art-']")
    assert links.count() >= len(wrong)
    # The paper itself now shows the marks and explanations.
    assert page.locator(".quiz[data-exam-result='wrong']").count() == len(wrong)
    assert page.locator(".quiz section.content:visible").count() == 50

    page.reload()
    assert page.locator(".exam-result .exam-points").inner_text() == str(right * 2)
    progress = open_in(context, served_site + "practice/progress/")
    row = progress.locator("tr[data-group='paper:A']")
    assert row.locator(".progress-answered").inner_text() == "50"
    assert row.locator(".progress-correct").inner_text() == str(right)
    for p in (page, progress):
        assert external_requests(p) == [] and p.console_errors == []


def test_submit_asks_when_unanswered_and_retake_clears_that_paper_only(served_site, context, papers, bank):
    tizhi = open_in(context, served_site + "practice/bank/tizhi/")
    first = bank.module("tizhi")[0].id
    tizhi.locator(f"#q-{first} fieldset > div label").first.click()
    tizhi.locator(f"#q-{first} .quiz-feedback").wait_for(state="visible")

    full = open_in(context, served_site + "practice/exams/paper-c/")
    dialogs = []
    full.on("dialog", lambda d: (dialogs.append(d.message), d.accept()))
    take(full, papers["C"], {q["id"]: True for q in papers["C"]["questions"]})
    full.get_by_role("button", name="交卷").click()
    full.locator("body[data-exam-state='submitted']").wait_for()
    assert dialogs == []  # nothing unanswered: no question asked
    assert full.locator(".exam-result .exam-points").inner_text() == "100"

    page = open_in(context, served_site + "practice/exams/paper-b/")
    page.get_by_role("button", name="开始考试").click()
    answer_exam_question(page, papers["B"]["questions"][0], True)
    answers = []
    page.once("dialog", lambda d: (answers.append(d.message), d.dismiss()))
    page.get_by_role("button", name="交卷").click()
    page.wait_for_timeout(300)
    assert answers and "还有49题没有作答" in answers[0]
    assert page.locator("body").get_attribute("data-exam-state") == "running"
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="交卷").click()
    page.locator("body[data-exam-state='submitted']").wait_for()
    assert page.locator(".exam-result .exam-points").inner_text() == "2"

    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="重新考试").click()
    page.locator("body[data-exam-state='ready']").wait_for()
    assert page.get_by_role("button", name="开始考试").is_visible()
    store = stored(page)
    assert "xinfang:exam:B" not in store and "quiz_progress_xinfang:practice/exams/paper-b" not in store
    assert store["xinfang:exam:C"]["state"] == "submitted"
    assert f"q-{first}" in store["quiz_progress_xinfang:practice/bank/tizhi"]
    page.get_by_role("button", name="开始考试").click()
    assert page.locator(".exam-body .quiz input:checked").count() == 0
    full.reload()
    assert full.locator(".exam-result .exam-points").inner_text() == "100"


def test_score_code_round_trip_browser_cli_and_grade_page(served_site, context, papers, external_requests):
    paper = papers["A"]
    page = open_in(context, served_site + "practice/exams/paper-a/")
    page.on("dialog", lambda d: d.accept())
    plan = script(paper["questions"])
    take(page, paper, plan)
    page.get_by_role("button", name="交卷").click()
    page.locator("body[data-exam-state='submitted']").wait_for()
    points = page.locator(".exam-result .exam-points").inner_text()
    assert points == str(sum(v is True for v in plan.values()) * 2)
    sheet = page.locator(".exam-sheet")
    sheet.locator("#exam-name").fill("张某")
    assert "2026年3月2日" in sheet.inner_text() and "模拟试卷A" in sheet.inner_text()
    code = sheet.locator(".exam-code").inner_text()
    assert re.fullmatch(r"A[0-9A-Z]{4}(-[0-9A-Z]{5}){6}", code)

    cli = subprocess.run([sys.executable, "-m", "scripts", "score", code], cwd=ROOT, capture_output=True, text=True)
    assert cli.returncode == 0, cli.stderr
    assert re.search(r"得分：(\d+)分", cli.stdout).group(1) == points
    assert "2026年3月2日交卷" in cli.stdout

    grade = open_in(context, served_site + "practice/grade/")
    grade.locator("#grade-code").fill(code.lower())
    grade.locator("#grade-code").press("Enter")
    assert grade.locator(".grade-points").inner_text() == points
    assert grade.locator("table.grade-wrong tbody tr").count() == sum(not v for v in plan.values())

    i = 9  # a character of the answers part
    altered = code[:i] + ("0" if code[i] != "0" else "1") + code[i + 1 :]
    cli = subprocess.run([sys.executable, "-m", "scripts", "score", altered], cwd=ROOT, capture_output=True, text=True)
    assert cli.returncode == 2 and cli.stdout == ""
    assert len(cli.stderr.strip().splitlines()) == 1 and "校验不通过" in cli.stderr
    grade.locator("#grade-code").fill(altered)
    grade.get_by_role("button", name="阅卷").click()
    error = grade.locator(".grade-error")
    assert "校验不通过" in error.inner_text() and "\n" not in error.inner_text()
    assert grade.locator(".grade-result").count() == 0
    for p in (page, grade):
        assert external_requests(p) == [] and p.console_errors == []


def test_an_exam_with_the_keyboard_alone_on_a_phone(served_site, browser, papers):
    context = new_context(browser, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        page = open_in(context, served_site + "practice/exams/paper-c/")
        page.on("dialog", lambda d: d.accept())
        page.locator(".exam-start").focus()
        page.keyboard.press("Enter")
        page.locator(".exam-bar").wait_for()
        first = papers["C"]["questions"][0]
        assert page.evaluate("document.activeElement.id") == f"q-{first['id']}-0"
        page.keyboard.press("ArrowDown")  # moves to and chooses option B
        assert page.locator(f"#q-{first['id']}-1").is_checked()
        for _ in range(4):  # back past the section heading's permalink to the clock bar
            page.keyboard.press("Shift+Tab")
            if page.evaluate("document.activeElement.textContent") == "交卷":
                break
        assert page.evaluate("document.activeElement.textContent") == "交卷"
        page.keyboard.press("Enter")
        page.locator("body[data-exam-state='submitted']").wait_for()
        assert page.evaluate("document.activeElement.id") == "exam-result"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == "exam-name"
        page.keyboard.type("李某")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "打印成绩单"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "重新考试"
        page.keyboard.press("Enter")
        page.locator("body[data-exam-state='ready']").wait_for()
        assert page.evaluate("document.activeElement.textContent") == "开始考试"
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        assert page.console_errors == []
    finally:
        context.close()


def test_the_page_has_its_pre_start_layout_before_the_scripts_run(served_site, browser):
    """Nothing moves when practice.js sets up the paper: the page as the server sends it (scripts
    off) already shows the rules and 开始考试 without the paper, with the footer where it stays."""
    boxes = {}
    for scripts_on in (False, True):
        ctx = new_context(browser, java_script_enabled=scripts_on, viewport={"width": 412, "height": 823})
        page = open_in(ctx, served_site + "practice/exams/paper-a/")
        if scripts_on:
            page.locator("body[data-exam-state='ready']").wait_for(state="attached")
        else:
            assert "考试时间60分钟，共50题" in page.locator("#exam-app").inner_text()
            assert not page.locator(".quiz").first.is_visible()
        boxes[scripts_on] = [page.locator(s).bounding_box() for s in (".exam-start", ".md-footer")]
        ctx.close()
    assert boxes[False] == boxes[True]
