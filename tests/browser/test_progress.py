"""Quizzes, 学习进度, 错题本 and mock papers in Chromium, served by nginx on loopback.

Answers are kept across a reload, appear on the progress page, wrong ones in the
错题本 (its schedule: test_daily.py); resets work; a full-width answer to a
fill-in-the-blank counts; a submitted paper is scored with its pass line on the
progress page and prints as a clean paper; and an answer stays with its own question
when a question is inserted above it and the site is rebuilt and moved to another
sub-path. No request leaves loopback. The exam itself: test_exam.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from scripts.bank.model import FILL
from scripts.bank import render
from scripts.bank.papers import build_papers
from scripts.checks.runner import strict_build
from tests.support.practice import answer_exam_question
from tests.support.project import copy_project
from tests.support.servers import NGINX, Nginx, free_port

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
PREFIX = "quiz_progress_xinfang:"


def answer(page, qid: str, correctly: bool) -> None:
    """Answer question `qid` on `page`, correctly or not, the way a learner does."""
    quiz = page.locator(f"#q-{qid}")
    quiz.scroll_into_view_if_needed()
    blanks = quiz.locator("input.quiz-blank-input")
    if blanks.count():
        for i in range(blanks.count()):
            blank = blanks.nth(i)
            blank.fill(blank.get_attribute("data-answer") if correctly else "不知道")
        quiz.locator("button[type='submit']").click()
    else:
        wanted = quiz.locator("input[name='answer'][data-correct='true']" if correctly
                              else "input[name='answer']:not([data-correct])")
        ids = [wanted.nth(i).get_attribute("id") for i in range(wanted.count() if correctly else 1)]
        for input_id in ids:
            quiz.locator(f"label[for='{input_id}']").click()
        submit = quiz.locator("button[type='submit']:visible")
        if submit.count():
            submit.click()
    quiz.locator(".quiz-feedback").wait_for(state="visible")


def state_of(page, qid: str) -> str:
    """`correct`, `wrong` or `unanswered`, as the page shows the question."""
    quiz = page.locator(f"#q-{qid}")
    feedback = quiz.locator(".quiz-feedback")
    if not feedback.is_visible():
        return "unanswered"
    return "correct" if feedback.locator(".quiz-feedback-item.correct").count() else "wrong"


def stored(page) -> dict:
    return page.evaluate("""() => { const out = {}; for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i); out[k] = JSON.parse(localStorage.getItem(k)); } return out; }""")


def row(page, group: str) -> dict:
    r = page.locator(f"tr[data-group='{group}']")
    r.wait_for()
    return {"answered": int(r.locator(".progress-answered").inner_text()),
            "correct": int(r.locator(".progress-correct").inner_text()),
            "wrong": int(r.locator(".progress-wrong").inner_text())}


def accept_dialogs(page) -> None:
    page.on("dialog", lambda dialog: dialog.accept())


def test_module_answers_survive_reload_and_feed_the_progress_page(served_site, open_page, external_requests, bank):
    core = [q.id for q in bank.module("tizhi", "core")]
    right, wrong = core[0], core[1]
    page = open_page(served_site + "modules/tizhi/")
    answer(page, right, True)
    answer(page, wrong, False)
    assert set(stored(page)[PREFIX + "modules/tizhi/index"]) == {f"q-{right}", f"q-{wrong}"}

    page.reload()
    page.locator(f"#q-{right}").wait_for()
    assert state_of(page, right) == "correct" and state_of(page, wrong) == "wrong"
    assert state_of(page, core[2]) == "unanswered"

    progress = open_page(served_site + "practice/progress/", context=page.context)
    accept_dialogs(progress)
    assert row(progress, "module:tizhi") == {"answered": 2, "correct": 1, "wrong": 1}
    item = progress.locator(f"ol.review-later li[data-question='{wrong}'] a")
    assert item.count() == 1
    assert progress.locator(f"li[data-question='{right}']").count() == 0
    # In the 错题本 until its first return (tomorrow); the link opens the question in its 专项练习.
    item.click()
    progress.wait_for_url(re.compile(rf".*practice/bank/tizhi/#q-{wrong}$"))
    progress.locator(f"#q-{wrong}").wait_for()

    # Redone right the same day: counted as answered right, but it stays in the 错题本.
    page.locator(f"#q-{wrong} .quiz-reset-button").click()
    answer(page, wrong, True)
    progress.goto(served_site + "practice/progress/")
    assert row(progress, "module:tizhi") == {"answered": 2, "correct": 2, "wrong": 0}
    assert progress.locator(f"ol.review-later li[data-question='{wrong}']").count() == 1

    # Reset the module.
    progress.locator("tr[data-group='module:tizhi'] button.progress-reset").click()
    assert row(progress, "module:tizhi") == {"answered": 0, "correct": 0, "wrong": 0}
    assert not any(f"q-{q}" in v for v in stored(progress).values() for q in core)
    assert progress.locator(f"li[data-question='{wrong}']").count() == 0
    for p in (page, progress):
        p.wait_for_load_state("networkidle")
        assert external_requests(p) == []
        assert p.console_errors == []


def test_reset_everything(served_site, open_page, external_requests, bank):
    page = open_page(served_site + "practice/bank/banli/")
    qs = [q.id for q in bank.module("banli")]
    answer(page, qs[0], False)
    answer(page, qs[1], True)
    progress = open_page(served_site + "practice/progress/", context=page.context)
    accept_dialogs(progress)
    assert row(progress, "module:banli") == {"answered": 2, "correct": 1, "wrong": 1}
    assert progress.locator(f"li[data-question='{qs[0]}']").count() == 1
    progress.get_by_role("button", name="清除全部答题记录").click()
    assert row(progress, "module:banli") == {"answered": 0, "correct": 0, "wrong": 0}
    assert not [k for k in stored(progress) if k.startswith((PREFIX, "xinfang:"))]
    assert progress.locator(".progress-empty").is_visible()
    page.reload()
    page.locator(f"#q-{qs[0]}").wait_for()
    assert state_of(page, qs[0]) == "unanswered"
    assert external_requests(progress) == [] and external_requests(page) == []


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def test_full_width_answer_to_a_blank_counts(served_site, open_page, external_requests, bank):
    q = next(q for q in bank.questions if q.type == FILL and len(q.blanks) == 1 and re.search(r"[0-9A-Za-z]", q.blanks[0]))
    page = open_page(served_site + f"practice/bank/{q.module}/")
    quiz = page.locator(f"#q-{q.id}")
    blank = quiz.locator("input.quiz-blank-input")
    typed = " " + _full_width(q.blanks[0]) + " "
    assert typed.strip() != q.blanks[0]
    blank.click()
    page.keyboard.insert_text(typed)  # as an input method delivers it
    quiz.locator("button[type='submit']").click()
    quiz.locator(".quiz-feedback").wait_for(state="visible")
    assert state_of(page, q.id) == "correct"
    assert "correct" in blank.get_attribute("class")
    page.reload()
    page.locator(f"#q-{q.id}").wait_for()
    assert state_of(page, q.id) == "correct"
    assert external_requests(page) == []


def test_paper_is_the_built_selection_and_prints_as_a_paper(served_site, open_page, external_requests, site_dir, bank):
    papers = build_papers(bank)
    for letter, paper in papers.items():
        html = (site_dir / f"practice/exams/paper-{letter.lower()}/index.html").read_text(encoding="utf-8")
        ids = re.findall(r'<div class="quiz(?: quiz-fill-blank)?"[^>]*\bid="q-([^"]+)"', html)
        assert ids == [q.id for q in paper.questions], letter
        key = (site_dir / f"practice/exams/paper-{letter.lower()}-key/index.html").read_text(encoding="utf-8")
        assert len(re.findall(r"<tr>\s*<td[^>]*>\d+</td>", key)) == 50
    page = open_page(served_site + "practice/exams/paper-b/")
    page.emulate_media(media="print")  # before 开始考试 the paper is hidden on screen, not on paper
    assert page.locator("div.quiz").first.locator("label").first.is_visible()
    page.emulate_media(media="screen")
    page.get_by_role("button", name="开始考试").click()
    data = render.paper_data(bank, papers["B"])
    answer_exam_question(page, data["questions"][0], False)  # an answered question must still print blank
    page.emulate_media(media="print")
    first = page.locator("div.quiz").first
    assert first.locator("label").first.is_visible()
    for i in range(first.locator("label").count()):
        style = first.locator("label").nth(i).evaluate(
            "e => [getComputedStyle(e).color, getComputedStyle(e).textDecorationLine, getComputedStyle(e).fontWeight]")
        assert style == ["rgb(0, 0, 0)", "none", "400"], style
    for hidden in (".md-sidebar--primary", ".md-header", "div.quiz section.content", "div.quiz .quiz-feedback",
                   ".quiz-results", ".exam-score", ".quiz-intro", ".exam-bar"):
        loc = page.locator(hidden).first
        assert loc.count() == 0 or not loc.is_visible(), hidden
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    key = open_page(served_site + "practice/exams/paper-b-key/")
    key.emulate_media(media="print")
    assert key.locator("article table tbody tr").count() == 50
    assert not key.locator(".md-sidebar--primary").is_visible()
    assert external_requests(page) == [] and external_requests(key) == []


def test_submitted_paper_shows_score_and_pass_line_on_the_progress_page(served_site, open_page, external_requests, bank):
    paper = render.paper_data(bank, build_papers(bank)["A"])
    page = open_page(served_site + "practice/exams/paper-a/")
    assert "60分及格" in page.locator("#exam-app").inner_text()
    page.get_by_role("button", name="开始考试").click()
    ids = [q["id"] for q in paper["questions"]]
    wrong = set(ids[::4][:13])  # 13 wrong of 50 -> 37 right -> 74 points
    for q in paper["questions"]:
        answer_exam_question(page, q, q["id"] not in wrong)
    page.get_by_role("button", name="交卷").click()  # all answered: no confirmation
    result = page.locator(".exam-result")
    assert result.locator(".exam-points").inner_text() == "74"
    assert result.locator(".exam-verdict").inner_text() == "及格"
    assert "74分，及格" in page.locator(".exam-score").inner_text()
    page.reload()
    assert page.locator(".exam-result .exam-points").inner_text() == "74"
    progress = open_page(served_site + "practice/progress/", context=page.context)
    assert row(progress, "paper:A") == {"answered": 50, "correct": 37, "wrong": 13}
    assert progress.locator("tr[data-group='paper:A'] .progress-score").inner_text() == "74分，及格"
    assert {progress.locator("ol.review-later > li").nth(i).get_attribute("data-question")
            for i in range(progress.locator("ol.review-later > li").count())} == wrong
    href = progress.locator("ol.review-later li a").first.get_attribute("href")
    assert re.search(r"bank/[a-z-]+/#q-", href)
    assert external_requests(page) == [] and external_requests(progress) == []


INSERTED = '''<!-- q id="tizhi-990" articles="7" tags="core" -->
<quiz>
（测试插入）信访工作格局中负责“推动”的是哪一方？
- [ ] 党委
- [x] 信访部门

依据[第七条](../../law/index.md#art-7)。
</quiz>

'''


def test_answer_stays_with_its_question_after_insert_rebuild_and_move(tmp_path, open_page, external_requests, bank):
    if not NGINX.exists():
        pytest.fail("缺少 nginx：sudo apt-get install -y nginx", pytrace=False)
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    ok, output = strict_build(project, site)
    assert ok, output
    qs = [q.id for q in bank.module("tizhi")]
    kept_wrong, kept_right = qs[2], qs[0]
    port = free_port()
    server = Nginx(site, tmp_path / "nginx1", port, "/xinfang/").start()
    try:
        page = open_page(server.base_url + "practice/bank/tizhi/")
        answer(page, kept_right, True)
        answer(page, kept_wrong, False)
        chosen = page.locator(f"#q-{kept_wrong} input[name='answer']:checked").get_attribute("value")
        context = page.context
        assert external_requests(page) == []
        page.close()
    finally:
        server.stop()

    # A new question above the answered ones, a rebuild, and the site moved to another sub-path.
    bank_file = project / "docs/practice/bank/tizhi.md"
    text = bank_file.read_text(encoding="utf-8")
    first = text.index("<!-- q ")
    bank_file.write_text(text[:first] + INSERTED + text[first:], encoding="utf-8")
    ok, output = strict_build(project, site)
    assert ok, output
    server = Nginx(site, tmp_path / "nginx2", port, "/moved/sub/").start()
    try:
        page = open_page(server.base_url + "practice/bank/tizhi/", context=context)
        assert page.locator("div.quiz").first.get_attribute("id") == "q-tizhi-990"
        assert state_of(page, "tizhi-990") == "unanswered"
        assert state_of(page, kept_right) == "correct"
        assert state_of(page, kept_wrong) == "wrong"
        assert page.locator(f"#q-{kept_wrong} input[name='answer']:checked").get_attribute("value") == chosen
        assert state_of(page, qs[1]) == "unanswered"
        progress = open_page(server.base_url + "practice/progress/", context=context)
        assert row(progress, "module:tizhi") == {"answered": 2, "correct": 1, "wrong": 1}
        manifest = json.loads(progress.locator("#quiz-manifest").text_content())
        assert "tizhi-990" in manifest["questions"]
        assert external_requests(page) == [] and external_requests(progress) == []
    finally:
        server.stop()


def test_offline_copy_keeps_answers_and_progress_from_disk(tmp_path, open_page, external_requests, bank):
    """The offline copy (mkdocs-offline.yml, opened with file://) uses the same stable keys."""
    import os
    import subprocess
    import sys

    config = ROOT / "mkdocs-offline.yml"
    if not config.exists():
        pytest.skip("mkdocs-offline.yml 不存在")
    site = tmp_path / "offline"
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
                          cwd=ROOT, capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    qid = bank.module("tizhi", "core")[0].id
    page = open_page(site.as_uri() + "/modules/tizhi/index.html")
    answer(page, qid, False)
    page.reload()
    page.locator(f"#q-{qid}").wait_for()
    assert state_of(page, qid) == "wrong"
    assert PREFIX + "modules/tizhi/index" in stored(page)
    progress = open_page(site.as_uri() + "/practice/progress.html", context=page.context)
    assert row(progress, "module:tizhi") == {"answered": 1, "correct": 0, "wrong": 1}
    progress.locator(f"ol.review-later li[data-question='{qid}'] a").click()
    progress.wait_for_url(re.compile(rf".*/practice/bank/tizhi\.html#q-{qid}$"))
    assert external_requests(page) == [] and external_requests(progress) == []
