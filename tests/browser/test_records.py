"""Export and import of all records (学习进度 page) in Chromium.

Export → clear → import gives back what every page showed: practice answers, a submitted
exam with its score and 成绩码, an exam in progress, the day's 每日一练, the 错题本 and the
name on the 成绩单. Import merges by the latest answer; bad files are refused with one line
and change nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scripts.bank import render
from scripts.bank.model import FILL
from scripts.bank.papers import build_papers
from tests.support.practice import answer_exam_question, new_context, open_in, practise, stored

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
COURSE = ("xinfang:", "quiz_progress_xinfang:")


@pytest.fixture
def context(browser):
    ctx = new_context(browser, accept_downloads=True)
    yield ctx
    ctx.close()




def course_records(store: dict) -> dict:
    """The course's keys; the answer history as a set (import keeps it in time order)."""
    out = {k: v for k, v in store.items() if k.startswith(COURSE)}
    if "xinfang:log" in out:
        out["xinfang:log"] = {q: sorted(map(tuple, v)) for q, v in out["xinfang:log"].items()}
    return out


def snapshot(context, site: str, qids: list[str]) -> dict:
    """What each page shows."""
    out = {}
    page = open_in(context, site + "practice/bank/tizhi/")
    out["practice"] = {q: page.locator(f"#q-{q} .quiz-feedback").inner_html() for q in qids}
    out["checked"] = page.locator("input[name='answer']:checked").evaluate_all("els => els.map(e => e.id)")
    page.close()
    page = open_in(context, site + "practice/exams/paper-a/")
    out["paper-a"] = (page.locator("body").get_attribute("data-exam-state"), page.locator("#exam-app").inner_text())
    page.close()
    page = open_in(context, site + "practice/exams/paper-b/")
    state = page.locator("body").get_attribute("data-exam-state")
    answered = page.locator(".exam-answered").inner_text() if state == "running" else ""
    out["paper-b"] = (state, answered, page.locator(".exam-body input:checked").evaluate_all("els => els.map(e => e.id)"))
    page.close()
    page = open_in(context, site + "practice/daily/")
    out["daily"] = (page.locator(".daily-status").inner_text(), page.locator("#daily-app").inner_html())
    page.close()
    page = open_in(context, site + "practice/progress/")
    text = page.locator("#quiz-progress-app").inner_text()
    out["progress"] = text.split("导出与导入")[0]
    page.close()
    return out


def test_export_clear_import_restores_every_page(served_site, context, bank, external_requests):
    qids = [q.id for q in bank.module("tizhi") if q.type != FILL][:3]
    page = open_in(context, served_site + "practice/bank/tizhi/")
    practise(page, qids[0], True)
    practise(page, qids[1], False)
    page.close()
    paper = {k: render.paper_data(bank, p) for k, p in build_papers(bank).items()}
    page = open_in(context, served_site + "practice/exams/paper-a/")
    page.on("dialog", lambda d: d.accept())
    page.get_by_role("button", name="开始考试").click()
    for i, q in enumerate(paper["A"]["questions"][:20]):
        answer_exam_question(page, q, i % 3 != 0)
    page.get_by_role("button", name="交卷").click()
    page.locator("#exam-name").fill("王某")
    page.close()
    page = open_in(context, served_site + "practice/exams/paper-b/")
    page.get_by_role("button", name="开始考试").click()
    for q in paper["B"]["questions"][:3]:
        answer_exam_question(page, q, True)
    page.close()
    page = open_in(context, served_site + "practice/daily/")
    first = page.locator(".daily-set .quiz").first
    first.locator("fieldset > div label, input.quiz-blank-input").first.click()
    if first.locator("input.quiz-blank-input").count():
        first.locator("input.quiz-blank-input").fill("不知道")
    first.locator("button[type='submit']:visible").click() if first.locator("button[type='submit']:visible").count() else None
    first.locator(".quiz-feedback").wait_for(state="visible")
    page.close()

    before = snapshot(context, served_site, qids)
    assert before["paper-a"][0] == "submitted" and before["paper-b"][:2] == ("running", "已答 3/50")
    records = course_records(stored(open_in(context, served_site + "practice/progress/")))

    progress = open_in(context, served_site + "practice/progress/")
    with progress.expect_download() as download:
        progress.get_by_role("button", name="导出全部记录").click()
    saved = Path(download.value.path())
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["format"] == "xinfang-records" and data["version"] == 1
    assert data["name"] == "王某" and data["exams"]["A"]["state"] == "submitted"

    progress.on("dialog", lambda d: d.accept())
    progress.get_by_role("button", name="清除全部答题记录").click()
    assert not [k for k in stored(progress) if k.startswith(COURSE)]
    cleared = snapshot(context, served_site, qids)
    assert cleared["paper-a"][0] == "ready" and cleared["paper-b"][0] == "ready" and cleared["checked"] == []

    progress.reload()
    progress.locator("#transfer-file").set_input_files(str(saved))
    status = progress.locator(".transfer-status")
    status.filter(has_text="已导入").wait_for()
    after = snapshot(context, served_site, qids)
    assert after == before
    assert course_records(stored(progress)) == records
    page = open_in(context, served_site + "practice/exams/paper-a/")
    assert page.locator("#exam-name").input_value() == "王某"
    assert external_requests(progress) == [] and progress.console_errors == []


def test_import_merges_by_latest_answer(served_site, context):
    page = open_in(context, served_site + "practice/progress/")
    key = "quiz_progress_xinfang:practice/bank/tizhi"
    page.evaluate("""k => localStorage.setItem(k, JSON.stringify({
        "q-tizhi-01": {answered: true, correct: false, selectedValues: ["0"], at: 2000},
        "q-tizhi-02": {answered: true, correct: false, selectedValues: ["0"], at: 2000}}))""", key)
    incoming = {"format": "xinfang-records", "version": 1, "pages": {"xinfang:practice/bank/tizhi": {
        "q-tizhi-01": {"answered": True, "correct": True, "selectedValues": ["2"], "at": 3000},
        "q-tizhi-02": {"answered": True, "correct": True, "selectedValues": ["2"], "at": 1000},
        "q-tizhi-03": {"answered": True, "correct": True, "selectedValues": ["1"], "at": 1000}}}}
    page.locator("#transfer-file").set_input_files(
        files=[{"name": "r.json", "mimeType": "application/json", "buffer": json.dumps(incoming).encode()}])
    page.locator(".transfer-status").filter(has_text="已导入").wait_for()
    assert "取用了其中2条" in page.locator(".transfer-status").inner_text()
    merged = stored(page)[key]
    assert merged["q-tizhi-01"]["at"] == 3000 and merged["q-tizhi-01"]["correct"] is True
    assert merged["q-tizhi-02"]["at"] == 2000 and merged["q-tizhi-02"]["correct"] is False
    assert merged["q-tizhi-03"]["at"] == 1000


@pytest.mark.parametrize("content, message", [
    ("这不是 JSON", "不是有效的 JSON"),
    (json.dumps({"format": "other", "version": 1}), "不是本课程导出的答题记录"),
    (json.dumps({"format": "xinfang-records", "version": 2}), "版本是2"),
    (json.dumps({"format": "xinfang-records", "version": 1,
                 "pages": {"xinfang:practice/bank/tizhi": {"q-tizhi-01": {"answered": "yes"}}}}), "q-tizhi-01"),
    (json.dumps({"format": "xinfang-records", "version": 1, "exams": {"A": {"state": "done"}}}), "试卷A"),
])
def test_bad_import_files_are_refused_with_one_line(served_site, context, content, message):
    page = open_in(context, served_site + "practice/progress/")
    page.evaluate("""() => localStorage.setItem("quiz_progress_xinfang:practice/bank/tizhi",
        JSON.stringify({"q-tizhi-01": {answered: true, correct: true, selectedValues: ["1"], at: 5}}))""")
    before = stored(page)
    page.locator("#transfer-file").set_input_files(
        files=[{"name": "bad.json", "mimeType": "application/json", "buffer": content.encode()}])
    status = page.locator(".transfer-status.transfer-error")
    status.wait_for()
    text = status.inner_text()
    assert text.startswith("未导入：") and message in text and "\n" not in text
    assert stored(page) == before
