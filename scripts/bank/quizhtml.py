"""Changes to the quiz HTML mkdocs-quiz writes, for phones and for paper.

- Blanks: mkdocs-quiz sizes a blank with `size="N"`, which counts narrow Latin
  characters, so a Chinese answer (思想教育, 信访处理意见书) is clipped. Each blank
  gets `data-blank-chars`, its expected answer's width in full-width characters
  (a Latin letter or digit counts half, at most `MAX_BLANK_CHARS`), and course.css
  sizes it from that (one rule per width: the Content-Security-Policy allows no
  `style` attribute); on a mock paper every blank is as wide as the widest, so a
  width gives no answer away. A print-only underline of the same width follows each
  blank (inputs are not printed).
- Answer section: a page with quizzes (not a mock paper, which prints blank) gets
  a 参考答案 section at its end, hidden on screen and printed after the questions:
  question number -> the correct option letters and text, or the blanks' answers,
  in page order, numbered as print.css numbers the questions.
"""

from __future__ import annotations

import html as html_lib
import re
import unicodedata

_BLANK_RE = re.compile(r'<input type="text" class="quiz-blank-input"[^>]*>')
_ANSWER_ATTR_RE = re.compile(r'\bdata-answer="([^"]*)"')
_QUIZ_START_RE = re.compile(r'<div class="quiz(?: [^"]*)?"[^>]*\bid="([^"]+)"')
_OPTION_RE = re.compile(
    r'<input type="(?:radio|checkbox)" name="answer"[^>]*\bid="([^"]+)"([^>]*)>\s*<label for="\1">(.*?)</label>', re.S)
_TAG_RE = re.compile(r"<[^>]+>")
#: Option letters as print.css numbers the options (A．B．…).
LETTERS = "ABCDEFGHIJ"
#: The smallest blank, in full-width characters, so a one-character answer still looks like a blank.
MIN_BLANK_CHARS = 3
#: The widest blank; docs/assets/course.css has a width rule for each size up to this one.
MAX_BLANK_CHARS = 16


def text_width(text: str) -> float:
    """Width of `text` in full-width characters: CJK and full-width forms 1, everything else ½."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


def blank_chars(answer: str) -> int:
    """How many full-width characters wide a blank for `answer` is (the answer plus one to spare)."""
    return min(MAX_BLANK_CHARS, max(MIN_BLANK_CHARS, int(text_width(answer) + 0.999) + 1))


def _answer_of(tag: str) -> str:
    answer = _ANSWER_ATTR_RE.search(tag)
    return html_lib.unescape(answer.group(1)) if answer else ""


def size_blanks(html: str, uniform: bool = False) -> str:
    """Give each blank its width (`data-blank-chars`) and a print-only underline of that width.
    `uniform` (a mock paper): every blank as wide as the page's widest, so no width hints at its answer."""
    widest = max((blank_chars(_answer_of(t)) for t in _BLANK_RE.findall(html)), default=MIN_BLANK_CHARS)

    def fix(m: re.Match) -> str:
        tag = m.group(0)
        chars = widest if uniform else blank_chars(_answer_of(tag))
        tag = tag.replace("<input ", f'<input data-blank-chars="{chars}" ', 1)
        line = f'<span class="quiz-blank-print" aria-hidden="true" data-blank-chars="{chars}"></span>'
        return tag + line

    return _BLANK_RE.sub(fix, html)


def _plain(fragment: str) -> str:
    return re.sub(r"\s+", " ", html_lib.unescape(_TAG_RE.sub("", fragment))).strip()


def quiz_answers(html: str) -> list[str]:
    """The answer of each quiz on the page, in page order, as printed in the answer section."""
    starts = [m.start() for m in _QUIZ_START_RE.finditer(html)] + [len(html)]
    answers = []
    for begin, end in zip(starts, starts[1:]):
        quiz = html[begin:end]
        form_end = quiz.find("</form>")
        quiz = quiz[: form_end if form_end >= 0 else len(quiz)]
        blanks = [html_lib.unescape(m.group(1)) for m in _ANSWER_ATTR_RE.finditer(quiz)]
        if blanks:
            answers.append("；".join(blanks))
            continue
        options = _OPTION_RE.findall(quiz)
        correct = [(LETTERS[i], _plain(label)) for i, (_, attrs, label) in enumerate(options)
                   if 'data-correct="true"' in attrs]
        answers.append("；".join(f"{letter}．{text}" for letter, text in correct) or "（本题未标出答案）")
    return answers


def answer_section(html: str) -> str:
    """The print-only 参考答案 section for the quizzes in `html` ('' when there are none)."""
    answers = quiz_answers(html)
    if not answers:
        return ""
    items = "".join(f"<li>{html_lib.escape(a)}</li>" for a in answers)
    return ('\n<section class="quiz-print-answers" data-search-exclude>'
            '<h2 class="quiz-print-answers__title">测验参考答案</h2>'
            f'<ol class="quiz-print-answers__list">{items}</ol></section>\n')
