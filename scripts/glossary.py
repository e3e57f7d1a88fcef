"""The glossary (术语表): one source file, two uses.

`docs/includes/glossary.md` holds one abbreviation line per term, in the
pymdown/Python-Markdown abbreviation syntax:

    *[信访人]: 采用信息网络、书信……“反映情况，提出建议、意见或者投诉请求的公民、法人或者其他组织”（第十七条）

The definition is drawn from the article it cites: the words inside “” are the
article's own (checked by the tests), and the citation in （） at the end names it.

From that file the hook `scripts/hooks/glossary.py`

- renders the 术语表 page: the `<!-- glossary -->` marker becomes a table of
  term, definition and a link to the article ([`render_table`][scripts.glossary.render_table]);
- gives every page a tooltip for each term ([`add_tooltips`][scripts.glossary.add_tooltips]):
  the term's first occurrence in each section (the text under one heading) is wrapped in
  `<abbr title="definition">`, which `docs/assets/course.js` shows as a tooltip in
  Material's style when the reader points at or taps it, with no request to any host.
  Only the first: a paragraph that names 信访人 five times needs one dotted underline,
  not five.

The Markdown `abbr` extension is not used for the tooltips: it matches a term only
between word boundaries (`\\b`), and Chinese text has none between words, so
“信访人应当” would never get its tooltip. The text of a page is never changed, only
wrapped; headings, links, code, diagrams, quizzes and form controls are left alone.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from scripts.citations import find_citations
from scripts.build_cache import remember

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "docs" / "includes" / "glossary.md"
#: The marker on the 术语表 page that the table replaces.
MARKER = "<!-- glossary -->"

_LINE_RE = re.compile(r"^\*\[(?P<term>[^\]]+)\]:[ \t]*(?P<definition>.+?)\s*$")
_SOURCE_RE = re.compile(r"（(?P<cite>第[^（）]*?条[^（）]*)）$")


class GlossaryError(ValueError):
    """The glossary file is malformed; the message has file and line."""


@dataclass(frozen=True)
class Term:
    """One glossary entry.

    Attributes:
        term: the word as it appears in the text (信访人).
        definition: the definition including its citation, as shown in the tooltip.
        body: the definition without the trailing citation.
        citation: the citation as written (第十七条, 第二十二条第二款).
        article: the cited article's number.
        line: line in the glossary file.
    """

    term: str
    definition: str
    body: str
    citation: str
    article: int
    line: int


def parse(text: str, path: str = "docs/includes/glossary.md") -> list[Term]:
    """Read the glossary source; comments (`<!-- -->`) and blank lines are ignored.

    Raises:
        GlossaryError: on a line that is not an abbreviation, a definition without its
            （第N条） citation, or a term defined twice.
    """
    terms: list[Term] = []
    seen: set[str] = set()
    text = re.sub(r"<!--.*?-->", lambda m: re.sub(r"[^\n]", "", m.group(0)), text, flags=re.S)
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        m = _LINE_RE.match(line)
        if not m:
            raise GlossaryError(f"{path}:{lineno}: 应为“*[术语]: 释义（第N条）”")
        term, definition = m.group("term").strip(), m.group("definition")
        source = _SOURCE_RE.search(definition)
        cites = find_citations(source.group("cite"), lineno) if source else []
        if not source or not cites or cites[0].law != "2022":
            raise GlossaryError(f"{path}:{lineno}: “{term}”的释义应以所引条文结尾，如“（第十七条）”")
        if term in seen:
            raise GlossaryError(f"{path}:{lineno}: “{term}”重复定义")
        seen.add(term)
        terms.append(Term(term, definition, definition[: source.start()], source.group("cite"), cites[0].articles[0], lineno))
    return terms


def load(path: Path = GLOSSARY) -> list[Term]:
    """The glossary terms, in file order."""
    shown = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)
    return parse(path.read_text(encoding="utf-8"), shown)


def render_table(terms: list[Term], law_link: str) -> str:
    """The 术语表 as a Markdown table; `law_link` is the law page relative to the glossary page."""
    rows = ["| 术语 | 释义 | 出处 |", "|---|---|---|"]
    for t in sorted(terms, key=lambda t: (t.article, t.line)):
        rows.append(f"| **{t.term}** | {t.body} | [{t.citation}]({law_link}#art-{t.article}) |")
    return "\n".join(rows)


#: Elements whose text gets no tooltip (and whose whole subtree is skipped).
SKIP_TAGS = {"a", "abbr", "code", "pre", "kbd", "samp", "script", "style", "textarea", "select", "option",
             "button", "label", "svg", "math", "h1", "h2", "h3", "h4", "h5", "h6", "title", "dfn"}
#: Class names whose subtree is skipped: quizzes, diagrams, the module box's labels.
SKIP_CLASSES = {"quiz", "course-diagram", "arithmatex", "md-source-file", "headerlink", "glossary-off"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
#: Markup tokens; a script or style element is one token (its code may contain "<").
_TOKEN_RE = re.compile(
    r"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->|<![^>]*>|<(?:[^>\"']|\"[^\"]*\"|'[^']*')+>", re.S | re.I
)
_TAG_RE = re.compile(r"<\s*(/)?\s*([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"'/]|\"[^\"]*\"|'[^']*'|/(?!\s*>))*)(/)?\s*>", re.S)
_CLASS_RE = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


def _skips(name: str, attrs: str) -> bool:
    if name in SKIP_TAGS:
        return True
    m = _CLASS_RE.search(attrs)
    classes = set((m.group(1) or m.group(2) or m.group(3) or "").split()) if m else set()
    return bool(classes & SKIP_CLASSES)


@remember  # an unchanged page is not scanned again (scripts.build_cache)
def add_tooltips(page_html: str, terms: list[Term]) -> str:
    """Wrap the first occurrence of each term in each section of the page's text in `<abbr title="定义">`.

    A section is the text from one heading (h1–h6) to the next. Longer terms win
    (中央信访工作联席会议 over 信访工作联席会议); the text itself is unchanged.
    Skipped: the subtrees listed in `SKIP_TAGS` and `SKIP_CLASSES`.
    """
    if not terms:
        return page_html
    titles = {t.term: html.escape(t.definition, quote=True) for t in terms}
    pattern = re.compile("|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True)))
    out: list[str] = []
    skip_stack: list[str] = []  # names of open elements inside a skipped subtree
    seen: set[str] = set()  # terms already wrapped in the current section

    def wrap(m: re.Match) -> str:
        term = m.group(0)
        if term in seen:
            return term
        seen.add(term)
        return f'<abbr title="{titles[term]}">{term}</abbr>'

    pos = 0
    for token in _TOKEN_RE.finditer(page_html):
        text = page_html[pos : token.start()]
        out.append(text if skip_stack or not text else pattern.sub(wrap, text))
        tag = token.group(0)
        out.append(tag)
        pos = token.end()
        m = _TAG_RE.fullmatch(tag)
        if not m:
            continue  # comment, doctype, a whole script or style element
        closing, name, attrs, self_closing = m.group(1), m.group(2).lower(), m.group(3), m.group(4)
        if name in _HEADINGS and not closing:
            seen.clear()
        if name in _VOID or self_closing:
            continue
        if closing:
            if skip_stack and skip_stack[-1] == name:
                skip_stack.pop()
            elif name in skip_stack:  # tolerate unclosed inner elements
                while skip_stack and skip_stack.pop() != name:
                    pass
        elif skip_stack or _skips(name, attrs):
            skip_stack.append(name)
    rest = page_html[pos:]
    out.append(rest if skip_stack else pattern.sub(wrap, rest))
    return "".join(out)
