"""Glossary tooltips in Chromium: hovering a term on a module page shows its definition,
moving away or pressing Esc hides it, a ¶ link shows 本节链接 when the keyboard reaches it,
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


def test_a_tooltip_goes_when_the_pointer_leaves_or_esc_is_pressed(served_site, open_page):
    page = open_page(served_site + "modules/banli/")
    # A handle, not a locator: the term loses its title while its tooltip shows.
    term = page.locator("article p abbr[title]").first.element_handle()
    word = term.inner_text()
    tooltip = page.locator(".md-tooltip2").filter(has_text=DEFINITIONS[word][:10])
    term.scroll_into_view_if_needed()
    term.hover()
    tooltip.wait_for(state="visible", timeout=5_000)
    # One tooltip: the browser's own (from the title) does not show over it.
    assert term.get_attribute("title") is None
    assert term.get_attribute("aria-describedby") == tooltip.get_attribute("id")
    page.locator("h1").hover()
    tooltip.wait_for(state="detached", timeout=5_000)
    assert term.get_attribute("title") == DEFINITIONS[word]
    term.hover()
    tooltip.wait_for(state="visible", timeout=5_000)
    page.keyboard.press("Escape")
    tooltip.wait_for(state="detached", timeout=5_000)
    assert page.console_errors == []


def test_a_section_link_reached_by_keyboard_shows_its_tooltip(served_site, open_page):
    page = open_page(served_site + "modules/banli/")
    link = page.locator("article h2 a.headerlink").first.element_handle()
    link.focus()
    tooltip = page.locator("#" + link.get_attribute("aria-describedby"))
    tooltip.wait_for(state="visible", timeout=5_000)
    assert tooltip.get_attribute("role") == "tooltip"
    assert tooltip.inner_text() == "本节链接"
    box, tip = link.bounding_box(), tooltip.bounding_box()
    assert tip["y"] >= box["y"] + box["height"]  # below the link, not over it
    page.keyboard.press("Tab")  # on to the next link: this tooltip goes
    tooltip.wait_for(state="detached", timeout=5_000)
    assert link.get_attribute("title") == "本节链接"


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
