"""每日一练 and the 错题本 schedule in Chromium, under the fake clock of assets/records.js.

The day's set is the documented one (CRC-32 order of the bank for the date: three shared
questions, two chosen among the next seven), the same in two browsers and across reloads;
a browser's wrong and unanswered questions are preferred among the seven; the streak counts
consecutive completed days. A wrong question comes back after 1, 3 and 7 days and leaves
the 错题本 after two right answers at its returns; answers before the return do not count.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.support.practice import T0, daily_order, new_context, open_in, practise, set_clock

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def ids(bank):
    return [q.id for m in bank.modules for q in bank.module(m)]


def day(n: int) -> dt.datetime:
    return T0 + dt.timedelta(days=n)


def shown(page) -> list[str]:
    page.locator(".daily-set .quiz").first.wait_for()
    return [i[2:] for i in page.locator(".daily-set .quiz").evaluate_all("els => els.map(e => e.id)")]




def test_daily_set_is_the_same_across_browsers_and_reloads(served_site, browser, ids, external_requests):
    key = day(0).strftime("%Y-%m-%d")
    expected = daily_order(ids, key)[:5]
    first, second = new_context(browser), new_context(browser, viewport={"width": 390, "height": 844})
    try:
        a = open_in(first, served_site + "practice/daily/")
        b = open_in(second, served_site + "practice/daily/")
        assert shown(a) == expected and shown(b) == expected
        assert a.locator(".daily-label--shared").count() == 3
        a.reload()
        assert shown(a) == expected
        # Only the day's questions are on screen.
        assert a.locator(".quiz:visible").count() == 5
        set_clock(first, day(1))
        a.reload()
        assert shown(a) == daily_order(ids, day(1).strftime("%Y-%m-%d"))[:5] != expected
        assert external_requests(a) == [] and a.console_errors == [] and b.console_errors == []
    finally:
        first.close()
        second.close()


def test_browser_records_choose_among_the_seven_candidates(served_site, browser, bank, ids):
    key = day(0).strftime("%Y-%m-%d")
    order = daily_order(ids, key)
    by_id = bank.by_id()
    context = new_context(browser)
    try:
        wrong, right = order[7], order[3]
        for qid, correctly in ((wrong, False), (right, True)):
            page = open_in(context, served_site + f"practice/bank/{by_id[qid].module}/")
            practise(page, qid, correctly)
            page.close()
        daily = open_in(context, served_site + "practice/daily/")
        # Shared three; then the wrong one, then the first unanswered candidate (the right one goes last).
        assert shown(daily) == order[:3] + [wrong, order[4]]
        labels = daily.locator(".daily-label").all_inner_texts()
        assert [t.split("　")[1] for t in labels] == ["今日共同题"] * 3 + ["补练题"] * 2
        # The pick is kept for the day, whatever is answered meanwhile.
        practise(daily, order[4], False)
        daily.reload()
        assert shown(daily) == order[:3] + [wrong, order[4]]
    finally:
        context.close()


def test_streak_counts_consecutive_completed_days(served_site, browser):
    context = new_context(browser)
    try:
        def do_day(n: int, expected_before: int, expected_after: int) -> None:
            set_clock(context, day(n))
            page = open_in(context, served_site + "practice/daily/")
            status = page.locator(".daily-status")
            assert status.get_attribute("data-streak") == str(expected_before)
            for qid in shown(page):
                practise(page, qid, True)
            page.locator(".daily-status[data-done='5']").wait_for()
            assert status.get_attribute("data-streak") == str(expected_after)
            assert f"已连续完成{expected_after}天" in status.inner_text()
            page.close()

        do_day(0, 0, 1)
        do_day(1, 1, 2)
        do_day(3, 0, 1)  # a day missed: the count starts again
    finally:
        context.close()


def _quiet(ids: list[str], days: range) -> list[str]:
    """Questions in none of the days' candidate lists, so review never overlaps the day's set."""
    busy = {q for n in days for q in daily_order(ids, day(n).strftime("%Y-%m-%d"))[:10]}
    return [q for q in ids if q not in busy]


def book(context, served_site) -> dict:
    """qid -> ("due" | "later", due date) as the 错题本 on 学习进度 lists it."""
    page = open_in(context, served_site + "practice/progress/")
    page.locator("#progress-wrong").wait_for()
    out = {}
    for kind in ("due", "later"):
        items = page.locator(f"ol.review-{kind} > li")
        for i in range(items.count()):
            out[items.nth(i).get_attribute("data-question")] = (kind, items.nth(i).get_attribute("data-due"))
    page.close()
    return out


def test_wrong_question_returns_after_1_3_7_days_until_right_twice(served_site, browser, bank, ids):
    q1, q2 = [q for q in _quiet(ids, range(0, 13)) if bank.by_id()[q].module == "banli"][:2]
    context = new_context(browser)
    date = lambda n: day(n).strftime("%Y-%m-%d")  # noqa: E731

    def on_daily(n: int, answers: dict[str, bool]) -> None:
        set_clock(context, day(n))
        page = open_in(context, served_site + "practice/daily/")
        review = page.locator(".daily-review-list .quiz")
        listed = review.evaluate_all("els => els.map(e => e.id.slice(2))")
        assert sorted(listed) == sorted(answers), (n, listed)
        for qid, correctly in answers.items():
            assert page.locator(f"#q-{qid} .quiz-feedback").is_hidden()  # fresh each day
            practise(page, qid, correctly)
        page.close()

    try:
        page = open_in(context, served_site + "practice/bank/banli/")
        practise(page, q1, False)
        practise(page, q2, False)
        page.close()
        assert book(context, served_site) == {q1: ("later", date(1)), q2: ("later", date(1))}

        set_clock(context, day(1))
        progress = open_in(context, served_site + "practice/progress/")
        link = progress.locator(f"ol.review-due li[data-question='{q1}'] a")
        assert link.evaluate("a => a.href").endswith(f"practice/daily/#q-{q1}")
        progress.close()
        on_daily(1, {q1: True, q2: False})  # first return: 3 days to the next
        assert book(context, served_site) == {q1: ("later", date(4)), q2: ("later", date(4))}

        set_clock(context, day(2))  # before the return: answering does not count
        page = open_in(context, served_site + "practice/bank/banli/")
        practise(page, q1, True)
        practise(page, q2, True)
        page.close()
        assert book(context, served_site) == {q1: ("later", date(4)), q2: ("later", date(4))}

        on_daily(4, {q1: True, q2: True})  # q1: right twice, out; q2: right once, 7 days to the next
        assert book(context, served_site) == {q2: ("later", date(11))}
        set_clock(context, day(10))
        assert book(context, served_site) == {q2: ("later", date(11))}
        on_daily(11, {q2: True})
        assert book(context, served_site) == {}
    finally:
        context.close()
