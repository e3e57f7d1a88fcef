"""The glossary: its source is grounded in the 条例, the 术语表 page is generated from it,
and the tooltips wrap terms without changing any text or touching quizzes."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from scripts import glossary
from scripts.checks.quotations import clean, find_quotes, occurs_in
from scripts.law import article_label, load_law
from tests.conftest import ROOT

LAW = load_law("2022", ROOT / "docs")
TERMS = glossary.load()


# -- the source ----------------------------------------------------------------


def test_at_least_thirty_terms():
    assert len(TERMS) >= 30


@pytest.mark.parametrize("term", TERMS, ids=lambda t: t.term)
def test_term_cites_an_existing_article_and_quotes_it_verbatim(term):
    article = LAW.article(term.article)
    assert article is not None, f"{term.term}：{term.citation}不存在"
    assert term.citation.startswith(article_label(term.article))
    quotes = [clean(q.text) for q in find_quotes(term.body)]
    assert quotes, f"{term.term}：释义中应有用“”标出的条文原话"
    for quote in quotes:
        assert occurs_in(quote, article.text), f"{term.term}：“{quote}”不是{article.label}的原文"


@pytest.mark.parametrize("term", TERMS, ids=lambda t: t.term)
def test_term_is_the_law_s_own_word(term):
    assert any(term.term in a.text for a in LAW.articles.values()), f"“{term.term}”不是条例用语"


def test_malformed_lines_are_rejected_with_line():
    with pytest.raises(glossary.GlossaryError, match=r"g\.md:2: 应为"):
        glossary.parse("*[甲]: 乙（第一条）\n甲：乙\n", "g.md")
    with pytest.raises(glossary.GlossaryError, match=r"g\.md:1: “甲”的释义应以所引条文结尾"):
        glossary.parse("*[甲]: 没有出处\n", "g.md")
    with pytest.raises(glossary.GlossaryError, match=r"g\.md:1: “甲”的释义应以所引条文结尾"):
        glossary.parse("*[甲]: 旧条例（原《信访条例》第三条）\n", "g.md")
    with pytest.raises(glossary.GlossaryError, match=r"g\.md:3: “甲”重复定义"):
        glossary.parse("*[甲]: 乙（第一条）\n\n*[甲]: 丙（第二条）\n", "g.md")


def test_parse_reads_term_body_and_citation():
    [t] = glossary.parse("<!-- 说明\n多行 -->\n*[复查]: 甲“乙”（第三十五条第一款）\n")
    assert (t.term, t.body, t.citation, t.article, t.line) == ("复查", "甲“乙”", "第三十五条第一款", 35, 3)


# -- tooltips ------------------------------------------------------------------

SAMPLE = [glossary.Term("信访人", "甲（第十七条）", "甲", "第十七条", 17, 1),
          glossary.Term("信访工作联席会议", "乙“丙”（第十三条）", "乙“丙”", "第十三条", 13, 2),
          glossary.Term("中央信访工作联席会议", "丁（第十一条）", "丁", "第十一条", 11, 3)]


def strip_abbr(html: str) -> str:
    return re.sub(r"<abbr title=\"[^\"]*\">|</abbr>", "", html)


def test_first_occurrence_in_each_section_is_wrapped_and_text_is_unchanged():
    html = ("<p>信访人应当向信访工作联席会议反映；中央信访工作联席会议和信访人。</p><p>信访人</p>"
            '<h3 id="b">第二节</h3><p>信访人和中央信访工作联席会议。</p>')
    out = glossary.add_tooltips(html, SAMPLE)
    assert strip_abbr(out) == html
    first, second = out.split("<h3")
    assert first.count('<abbr title="甲（第十七条）">信访人</abbr>') == 1
    assert first.startswith('<p><abbr title="甲（第十七条）">信访人</abbr>应当')
    assert '<abbr title="丁（第十一条）">中央信访工作联席会议</abbr>' in first  # the longer term wins
    assert '<abbr title="乙“丙”（第十三条）">信访工作联席会议</abbr>' in first
    # a new heading starts a new section: its terms get their tooltips again
    assert second.count("<abbr") == 2


def test_headings_links_code_quizzes_and_scripts_are_left_alone():
    html = (
        '<h2 id="x">信访人</h2><p><a href="#">信访人</a> <code>信访人</code></p>'
        '<div class="quiz" id="q"><div><p>信访人</p></div><form><label>信访人</label></form></div>'
        '<div class="course-diagram"><svg><title>信访人</title><text>信访人</text></svg></div>'
        '<script>if (a<b) { x = "<div>信访人"; }</script><style>p::before{content:"信访人"}</style>'
        "<!-- 信访人 --><p>信访人<br>信访人<img src=x alt=\"信访人\"></p>"
    )
    out = glossary.add_tooltips(html, SAMPLE)
    assert strip_abbr(out) == html
    assert out.count("<abbr") == 1
    assert out.endswith('<p><abbr title="甲（第十七条）">信访人</abbr><br>信访人<img src=x alt="信访人"></p>')


def test_markup_inside_attribute_values_is_not_text():
    html = '<p data-x="a>信访人">x</p><div class="quiz" data-y=\'<b>\'>信访人</div><img src="a/b.png"/>'
    assert glossary.add_tooltips(html, SAMPLE) == html


def test_title_is_escaped():
    out = glossary.add_tooltips("<p>信访人</p>", [glossary.Term("信访人", 'a"<b>&（第一条）', "", "第一条", 1, 1)])
    assert 'title="a&quot;&lt;b&gt;&amp;（第一条）"' in out


def test_render_table_links_each_article():
    table = glossary.render_table(SAMPLE, "../law/index.md")
    assert table.splitlines()[2] == "| **中央信访工作联席会议** | 丁 | [第十一条](../law/index.md#art-11) |"
    assert len(table.splitlines()) == 2 + len(SAMPLE)


# -- the built site ------------------------------------------------------------


class _Abbrs(HTMLParser):
    """Records each <abbr> with the tags and classes of its ancestors."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, str]] = []
        self.found: list[list[tuple[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "abbr":
            self.found.append(list(self.stack))
        if tag not in self.VOID:
            self.stack.append((tag, dict(attrs).get("class") or ""))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break


def test_glossary_page_lists_every_term_with_its_article(site_dir):
    page = (site_dir / "glossary/index.html").read_text(encoding="utf-8")
    for term in TERMS:
        assert f"<strong>{term.term}</strong>" in page
        assert f'href="../law/#art-{term.article}">{term.citation}</a>' in page
    assert glossary.MARKER not in page


@pytest.mark.parametrize(("page", "has_terms"), [("modules/banli/index.html", True), ("glossary/index.html", False),
                                                 ("practice/bank/banli/index.html", False)])
def test_tooltips_on_pages_but_not_in_quizzes_headings_or_links(site_dir, page, has_terms):
    html = (site_dir / page).read_text(encoding="utf-8")
    assert ('<abbr title="' in html) == has_terms or not has_terms
    parser = _Abbrs()
    parser.feed(html)
    for ancestors in parser.found:
        for tag, classes in ancestors:
            assert tag not in {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "abbr", "label", "button"}, page
            assert not {"quiz", "course-diagram"} & set(classes.split()), page


@pytest.mark.parametrize("page", ["law/index.html", "law/tiaoli-2005/index.html"])
def test_law_texts_carry_no_tooltips(site_dir, page):
    """The verbatim texts are what the 术语表 quotes and links to; no term in them is wrapped."""
    html = (site_dir / page).read_text(encoding="utf-8")
    assert "<abbr" not in html, page


def test_quizzes_still_render_on_pages_with_tooltips(site_dir):
    for page in ("modules/banli/index.html", "practice/bank/banli/index.html"):
        html = (site_dir / page).read_text(encoding="utf-8")
        assert html.count('class="quiz') >= 8, page
        assert "<quiz>" not in html


def test_law_text_stays_verbatim(site_dir):
    html = strip_abbr((site_dir / "law/index.html").read_text(encoding="utf-8"))
    text = re.sub(r"<[^>]+>", "", html)
    for article in LAW.articles.values():
        for paragraph in article.paragraphs:
            assert paragraph in text, f"{article.label}"
