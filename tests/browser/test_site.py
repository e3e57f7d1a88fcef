"""The built site in Chromium, served by nginx on 127.0.0.1 under /xinfang/:
home page, full text, a quiz page and Chinese search, with no request leaving loopback."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def search(page, term: str):
    """Type a Chinese term the way an input method delivers it, then return the result links."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    page.keyboard.insert_text(term)
    page.keyboard.press("End")  # Material searches on key events
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15_000)
    return [a.get_attribute("href") for a in page.locator(".md-search-result__item > a, .md-search-result__link").all()]


def test_home_page_renders_offline(served_site, open_page, external_requests):
    page = open_page(served_site)
    assert "信访工作条例" in page.title()
    assert page.locator("h1").first.inner_text().startswith("《信访工作条例》")
    assert page.locator(".md-tabs__link").count() >= 6
    page.wait_for_load_state("networkidle")
    assert external_requests(page) == []
    assert page.console_errors == []
    assert page.failed_responses == []


def test_full_text_page_links_each_article(served_site, open_page, external_requests):
    page = open_page(served_site + "law/#art-34")
    assert page.locator("h3[id^='art-']").count() == 50
    heading = page.locator("#art-34")
    assert heading.inner_text().startswith("第三十四条")
    assert "60日内办结" in page.locator("#art-34 + p").inner_text()
    page.wait_for_load_state("networkidle")
    assert external_requests(page) == []


@pytest.mark.parametrize("term", ["申诉求决类", "联席会议", "涉法涉诉"])
def test_chinese_search_returns_pages_that_use_the_term(served_site, open_page, external_requests, term):
    page = open_page(served_site)
    hrefs = search(page, term)
    assert hrefs, f"搜索“{term}”没有结果"
    # Every page listed must really contain the term; the full text must be among them
    # when the 条例 itself uses the term.
    texts = []
    for href in hrefs[:5]:
        target = open_page(href if href.startswith("http") else served_site + href)
        texts.append(target.locator("article").inner_text())
    assert any(term in text for text in texts), f"搜索“{term}”的结果页面中没有这个词"
    assert external_requests(page) == []


def test_quiz_question_gives_feedback(served_site, open_page, external_requests):
    page = open_page(served_site + "practice/bank/zongze/")
    quiz = page.locator("div.quiz").first
    quiz.wait_for()
    correct = quiz.locator("input[data-correct='true']").first
    if correct.count() == 0:  # fill-in-the-blank first: type its answer
        blank = quiz.locator("input.quiz-blank-input").first
        blank.fill(blank.get_attribute("data-answer"))
        quiz.locator("button[type='submit']").click()
    else:
        quiz.locator(f"label[for='{correct.get_attribute('id')}']").click()
        if quiz.locator("button[type='submit']:visible").count():
            quiz.locator("button[type='submit']").click()
    feedback = quiz.locator(".quiz-feedback")
    feedback.wait_for(state="visible")
    assert "正确" in feedback.inner_text()
    assert quiz.locator("section.content").is_visible()  # the explanation, with its article link
    assert quiz.locator("section.content a[href*='law/#art-']").count() >= 1
    page.wait_for_load_state("networkidle")
    assert external_requests(page) == []
