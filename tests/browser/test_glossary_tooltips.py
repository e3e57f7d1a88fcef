"""Glossary tooltips in Chromium: hovering a term on a module page shows its definition,
quizzes on the same page still work, and nothing is requested from another host."""

from __future__ import annotations

import pytest

from scripts import glossary

pytestmark = pytest.mark.browser

DEFINITIONS = {t.term: t.definition for t in glossary.load()}


def test_hovering_a_term_shows_its_definition(served_site, open_page, external_requests):
    page = open_page(served_site + "modules/banli/")
    term = page.locator("article p abbr[title]").first
    word = term.inner_text()
    assert word in DEFINITIONS
    term.scroll_into_view_if_needed()
    term.hover()
    tooltip = page.locator(".md-tooltip2, .md-tooltip").filter(has_text=DEFINITIONS[word][:10])
    tooltip.first.wait_for(state="visible", timeout=5_000)
    page.wait_for_load_state("networkidle")
    assert external_requests(page) == []
    assert page.console_errors == []


def test_every_quiz_on_a_page_with_tooltips_still_answers(served_site, open_page):
    page = open_page(served_site + "modules/banli/")
    quizzes = page.locator("div.quiz")
    quizzes.first.wait_for()
    assert quizzes.count() >= 8
    for i in range(quizzes.count()):
        quiz = quizzes.nth(i)
        assert quiz.locator("abbr").count() == 0  # no tooltip markup inside a quiz
        correct = quiz.locator("input[data-correct='true']")
        if correct.count() == 0:  # fill in the blanks with their answers
            for blank in quiz.locator("input.quiz-blank-input").all():
                blank.fill(blank.get_attribute("data-answer"))
        else:
            for box in correct.all():
                quiz.locator(f"label[for='{box.get_attribute('id')}']").click()
        if quiz.locator("button[type='submit']:visible").count():
            quiz.locator("button[type='submit']").click()
        feedback = quiz.locator(".quiz-feedback")
        feedback.wait_for(state="visible")
        assert "回答正确" in feedback.inner_text(), f"第{i + 1}题"
    assert page.console_errors == []
