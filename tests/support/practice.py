"""Helpers for the exam, 每日一练, 错题本 and records tests: a fake clock, answering a paper
question the way a candidate does, reading what the browser stores."""

from __future__ import annotations

import datetime as dt
import zlib
from zoneinfo import ZoneInfo

from tests.support import browser as browser_support

TZ = "Asia/Shanghai"
#: A Monday morning in the learners' time zone: day 0 of the clock tests.
T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo(TZ))


def clock_script(at: dt.datetime) -> str:
    """Sets the time hook of assets/records.js: the page's clock starts at `at` when it loads
    and runs on in real time."""
    ms = int(at.timestamp() * 1000)
    return ("window.xinfangNow = (function (start, loaded) { return function () { return start + (Date.now() - loaded); }; })"
            f"({ms}, Date.now());")


def new_context(browser, at: dt.datetime = T0, **kwargs):
    """A browser context in the learners' time zone whose pages believe it is `at`."""
    options = {"viewport": {"width": 1280, "height": 900}, "locale": "zh-CN", "timezone_id": TZ}
    options.update(kwargs)
    context = browser.new_context(**options)
    context.add_init_script(clock_script(at))
    return context


def set_clock(context, at: dt.datetime) -> None:
    """Pages opened from now on believe it is `at` (the later init script wins)."""
    context.add_init_script(clock_script(at))


def advance(page, minutes: float) -> None:
    """Move the open page's clock forward."""
    page.evaluate("m => { const f = window.xinfangNow; window.xinfangNow = () => f() + m * 60000; }", minutes)


def open_in(context, url: str):
    page = context.new_page()
    browser_support.record(page)
    page.goto(url)
    return page


def stored(page) -> dict:
    return page.evaluate("""() => { const out = {}; for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i); out[k] = JSON.parse(localStorage.getItem(k)); } return out; }""")


def answer_exam_question(page, q: dict, right: bool) -> None:
    """Answer paper question `q` (an entry of render.paper_data) right or wrong, by clicking
    and typing as a candidate does."""
    quiz = page.locator(f"#q-{q['id']}")
    quiz.scroll_into_view_if_needed()
    if q["type"] == "fill":
        quiz.locator("input.quiz-blank-input").first.fill(q["blanks"][0] if right else "不知道")
        return
    if right:
        positions = q["key"]
    else:
        positions = [next(p for p in range(q["options"]) if p not in q["key"])]
    for p in positions:
        quiz.locator("fieldset > div").nth(p).locator("label").click()


def daily_order(ids: list[str], day: str, salt: str = "xinfang-daily") -> list[str]:
    """The day's order of the bank, as the 每日一练 page documents it."""
    return sorted(ids, key=lambda qid: (zlib.crc32(f"{salt}:{day}:{qid}".encode()), qid))


def practise(page, qid: str, correctly: bool) -> None:
    """Answer a practice question with instant feedback (mkdocs-quiz marks the correct option)."""
    quiz = page.locator(f"#q-{qid}")
    quiz.scroll_into_view_if_needed()
    retry = quiz.locator(".quiz-reset-button:visible")
    if retry.count():
        retry.click()
    blanks = quiz.locator("input.quiz-blank-input")
    if blanks.count():
        for i in range(blanks.count()):
            blanks.nth(i).fill(blanks.nth(i).get_attribute("data-answer") if correctly else "不知道")
        quiz.locator("button[type='submit']").click()
    else:
        wanted = quiz.locator("input[name='answer'][data-correct='true']" if correctly
                              else "input[name='answer']:not([data-correct])")
        for input_id in [wanted.nth(i).get_attribute("id") for i in range(wanted.count() if correctly else 1)]:
            quiz.locator(f"label[for='{input_id}']").click()
        submit = quiz.locator("button[type='submit']:visible")
        if submit.count():
            submit.click()
    quiz.locator(".quiz-feedback").wait_for(state="visible")
