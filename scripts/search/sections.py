"""Cut a page's rendered HTML into the search entries a learner can land on.

One entry per heading that has an id (the page itself for the text before the
first such heading), like Material's own search, with these differences:

- **Teaching text only.** Diagrams (`class="course-diagram"`), scripts, styles,
  permalink symbols and the quiz plug-in's buttons and notices are left out.
- **One copy of each question.** A question is indexed on its bank page
  (`practice/bank/*.md`) as its own entry (`#q-<id>`: stem as title, options and
  explanation as text). Module quizzes, papers, the classification self-test
  and the answer keys' tables repeat bank questions and are left out; the
  pages themselves stay findable by their headings and introductions.
- **Sentences stay apart.** Block elements (paragraphs, list items, table cells)
  end with a line break, so a result can show the one sentence that matched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

#: Before a question's stem in its title: a judgment stem may state something false.
QUESTION_TITLE = "练习题："
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = {"p", "li", "td", "th", "tr", "div", "pre", "dt", "dd", "blockquote", "summary", "br", "table",
           "section", "label", "fieldset", "form"} | _HEADINGS
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
#: Elements whose whole content is never teaching text.
_SKIP_TAGS = {"script", "style", "svg", "button", "template", "noscript"}
#: Classes whose whole content is never teaching text.
_SKIP_CLASSES = {"course-diagram", "headerlink", "quiz-header-link", "quiz-intro", "quiz-feedback", "exam-app", "exam-score",
                 "md-source-file", "quiz-progress-app"}


@dataclass
class Section:
    """One search entry: `anchor` is "" for the page itself."""

    anchor: str
    title: str
    text_parts: list[str] = field(default_factory=list)
    title_parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return tidy("".join(self.text_parts))


def tidy(text: str) -> str:
    """Collapse spaces inside lines, drop empty lines."""
    lines = (re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


class _Parser(HTMLParser):
    def __init__(self, page_title: str, questions: bool, skip_tables: bool):
        super().__init__(convert_charrefs=True)
        self.questions = questions
        self.skip_tables = skip_tables
        self.sections: list[Section] = [Section("", page_title)]
        self.stack: list[tuple[str, bool, str]] = []  # (tag, skipping, role)
        self.heading: Section | None = None
        self.resume: Section | None = None  # the section a question interrupted

    @property
    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = set((attrs.get("class") or "").split())
        skip = self.skipping or tag in _SKIP_TAGS or bool(classes & _SKIP_CLASSES) or "data-search-exclude" in attrs
        role = ""
        if not skip and tag == "table" and self.skip_tables:
            skip = True
        if not skip and tag == "div" and "quiz" in classes:
            if self.questions and (attrs.get("id") or "").startswith("q-"):
                role = "question"
                self.resume = self.sections[-1]
                self.sections.append(Section(attrs["id"], ""))
            else:
                skip = True
        if not skip and tag == "div" and "quiz-question" in classes and self.stack_has("question"):
            role = "stem"
        if not skip and tag in _HEADINGS and attrs.get("id"):
            role = "heading"
            if tag == "h1" and len(self.sections) == 1 and not "".join(self.sections[0].text_parts).strip():
                self.sections[0].title = ""
                self.heading = self.sections[0]
            else:
                self.heading = Section(attrs["id"], "")
                self.sections.append(self.heading)
        if tag in _VOID:
            if tag == "br" and not skip:
                self._write("\n")
            return
        self.stack.append((tag, skip, role))

    def stack_has(self, role: str) -> bool:
        return any(r == role for _, _, r in self.stack)

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        # Pop to the matching start tag (tolerates unclosed <p>, <li> …).
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                break
        else:
            return
        while len(self.stack) > i:
            closed, skipped, role = self.stack.pop()
            if skipped:
                continue
            if role == "heading":
                self.heading = None
            elif role == "question" and self.resume is not None:
                self.sections.append(Section(self.resume.anchor, self.resume.title))
                self.sections[-1].title_parts = self.resume.title_parts
                self.sections[-1].text_parts = self.resume.text_parts
                self.resume = None
            if closed in _BLOCKS:
                self._write("\n")

    def _write(self, data: str):
        if self.heading is not None:
            self.heading.title_parts.append(data)
            return
        section = self.sections[-1]
        if self.stack_has("stem"):
            section.title_parts.append(data)
        section.text_parts.append(data)

    def handle_data(self, data):
        if self.skipping:
            return
        self._write(data.replace("\n", " "))


def split_sections(html: str, page_title: str, *, questions: bool = False, skip_tables: bool = False) -> list[Section]:
    """The page's entries in page order; `questions`: index bank questions as their own entries."""
    parser = _Parser(page_title, questions, skip_tables)
    parser.feed(html)
    parser.close()
    merged: dict[str, Section] = {}
    for section in parser.sections:
        title = tidy("".join(section.title_parts)).replace("\n", " ") or section.title
        if section.anchor.startswith("q-") and questions:
            title = f"{QUESTION_TITLE}{title}"
        if section.anchor in merged:  # a section resumed after a question: one entry
            continue
        section.title = title
        merged[section.anchor] = section
    return list(merged.values())
