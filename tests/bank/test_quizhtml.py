"""Quiz HTML for phones and paper (scripts/bank/quizhtml.py), on the built pages and on small examples."""

from __future__ import annotations

import re
from pathlib import Path

from scripts.bank import quizhtml

FILL = ('<div class="quiz quiz-fill-blank" data-quiz-type="fill-blank" id="q-x-01">\n<div class="quiz-question"><p>要做到'
        '<input type="text" class="quiz-blank-input" id="q-x-01-blank-0" data-answer="思想教育" autocomplete="off" size="6"'
        ' aria-label="答案">到位，<input type="text" class="quiz-blank-input" id="q-x-01-blank-1" data-answer="60日"'
        ' size="4" aria-label="答案"></p></div><form><button type="submit">提交</button></form>'
        '<section class="content hidden"><p>解析 data-answer="不是答案"</p></section></div>')
CHOICE = ('<div class="quiz" data-show-correct="true" id="q-x-02"><div class="quiz-question"><p>哪些？</p></div><form><fieldset>'
          '<div><input type="checkbox" name="answer" value="0" id="q-x-02-0" data-correct="true"><label for="q-x-02-0">推诿</label></div>'
          '<div><input type="checkbox" name="answer" value="1" id="q-x-02-1" ><label for="q-x-02-1"><a href="#">调查</a>核实</label></div>'
          '<div><input type="checkbox" name="answer" value="2" id="q-x-02-2" data-correct="true"><label for="q-x-02-2">拖延</label></div>'
          '</fieldset></form></div>')


def test_blank_width_counts_chinese_characters_whole_and_latin_half():
    assert quizhtml.text_width("思想教育") == 4
    assert quizhtml.text_width("60日") == 2
    assert quizhtml.blank_chars("信访处理意见书") == 8
    assert quizhtml.blank_chars("5") == quizhtml.MIN_BLANK_CHARS


def test_each_blank_gets_its_width_and_a_print_line():
    html = quizhtml.size_blanks(FILL)
    assert re.findall(r'<input data-blank-chars="(\d+)"', html) == ["5", "3"]
    assert html.count('class="quiz-blank-print"') == 2
    uniform = quizhtml.size_blanks(FILL, uniform=True)
    assert re.findall(r'<input data-blank-chars="(\d+)"', uniform) == ["5", "5"]


def test_answers_in_page_order_with_option_letters():
    assert quizhtml.quiz_answers(FILL + CHOICE) == ["思想教育；60日", "A．推诿；C．拖延"]
    section = quizhtml.answer_section(FILL + CHOICE)
    assert "测验参考答案" in section and section.count("<li>") == 2
    assert quizhtml.answer_section("<p>没有测验</p>") == ""


def test_built_module_page_has_sized_blanks_and_an_answer_for_every_quiz(site_dir):
    html = (site_dir / "modules/banli/index.html").read_text(encoding="utf-8")
    quizzes = len(re.findall(r'<div class="quiz[ "][^>]*\bid="q-', html))
    blanks = html.count('class="quiz-blank-input"')
    assert quizzes and blanks
    assert html.count("data-blank-chars") == 2 * blanks
    section = re.search(r"<section class=\"quiz-print-answers\"[^>]*>.*?</section>", html, re.S)
    assert section and section.group(0).count("<li>") == quizzes


def test_papers_have_no_answer_section(site_dir):
    for letter in "abc":
        html = (site_dir / f"practice/exams/paper-{letter}/index.html").read_text(encoding="utf-8")
        assert "quiz-print-answers" not in html


def test_print_only_answers_stay_out_of_search(site_dir):
    """The answer section and the key grid are for paper: a search never shows them."""
    for index in (site_dir / "search").glob("*.json"):
        text = index.read_text(encoding="utf-8")
        assert "测验参考答案" not in text and "题号→答案" not in text, index.name


def test_every_blank_width_has_its_css_rule():
    """Widths are data attributes sized by course.css (the CSP allows no style attribute)."""
    css = (Path(__file__).resolve().parents[2] / "docs/assets/course.css").read_text(encoding="utf-8")
    for n in range(quizhtml.MIN_BLANK_CHARS, quizhtml.MAX_BLANK_CHARS + 1):
        assert f'[data-blank-chars="{n}"] {{ --blank-chars: {n}; }}' in css, n
    assert quizhtml.blank_chars("信访处理意见书" * 5) == quizhtml.MAX_BLANK_CHARS
    assert "style=" not in quizhtml.size_blanks(FILL)
