"""The search index holds teaching text only, once, and is not part of reading a page."""

from __future__ import annotations

import html
import json
import re

from scripts.search.sections import split_sections

_DIAGRAM = re.compile(r'<div class="course-diagram[^"]*"[^>]*><svg\b.*?</svg></div>', re.S)
_LABEL = re.compile(r"<text\b[^>]*>(.*?)</text>", re.S)


def diagram_lines(site_dir) -> set[str]:
    """Every label (10+ characters, its wrapped lines joined) found only in the diagrams of the built pages."""
    labels, prose = set(), []
    for path in site_dir.rglob("*.html"):
        page = path.read_text(encoding="utf-8")
        for block in _DIAGRAM.findall(page):
            texts = (html.unescape(re.sub(r"<[^>]+>", "", label)).strip() for label in _LABEL.findall(block))
            labels |= {text for text in texts if len(text) >= 10}
        prose.append(html.unescape(re.sub(r"<[^>]+>", "", _DIAGRAM.sub("", page))))
    everywhere = "\n".join(prose)
    return {label for label in labels if label not in everywhere}


def test_no_entry_holds_diagram_text(course_index, site_dir):
    lines = diagram_lines(site_dir)
    assert len(lines) > 10  # the course has diagrams (handout, modules, roadmap)
    holding = sorted({(d["location"], line) for d in course_index["docs"] for line in lines
                      if line in d["title"] + "\n" + d["text"]})
    assert not holding, holding[:5]


def test_each_question_is_indexed_once_on_its_bank_page(course_index):
    questions = [d for d in course_index["docs"] if "#q-" in d["location"]]
    ids = [d["location"].split("#q-")[1] for d in questions]
    assert len(ids) > 200 and len(ids) == len(set(ids))
    assert all(d["location"].startswith("practice/bank/") for d in questions)
    # Papers, keys, module quizzes and the self-test repeat bank questions: their stems are not indexed again.
    stems = {d["title"].removeprefix("练习题：") for d in questions if len(d["title"]) > 16}
    repeating = ("practice/exams/", "modules/", "roadmap/classify/")  # pages that show bank questions
    elsewhere = [(d["location"], s) for d in course_index["docs"] if d["location"].startswith(repeating)
                 for s in stems if s in d["text"]]
    assert not elsewhere, elsewhere[:5]


def test_every_article_is_its_own_entry(course_index):
    law = course_index["config"]["course"]["law"]
    locations = {d["location"] for d in course_index["docs"]}
    assert all(f"{law}#art-{n}" in locations for n in range(1, 51))


def test_maintainer_and_instructor_pages_rank_below_course_pages(course_index):
    for folder in ("maintainer/", "teaching/"):
        pages = [d for d in course_index["docs"] if d["location"].startswith(folder)]
        assert pages and all(d.get("boost", 1) <= 0.5 for d in pages), folder


def test_served_site_ships_a_stub_and_the_index_apart(site_dir):
    stub = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert stub["docs"] == [] and "separator" in stub["config"]
    assert (site_dir / "search" / "search_index.json").stat().st_size < 1000
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    assert '"search": "assets/javascripts/course-search.js"' in home
    assert "workers/search." not in home


def test_sections_skip_diagrams_quizzes_and_keep_sentences_apart():
    html = """<h1 id="t">标题</h1><p>第一句。</p><div class="course-diagram"><svg><text>流程图文字</text></svg></div>
    <h2 id="s">小节</h2><ul><li>甲</li><li>乙</li></ul>
    <div class="quiz" id="q-x-01"><div class="quiz-question"><p>题干？</p></div><label>选项</label></div><p>之后。</p>"""
    plain = split_sections(html, "页面")
    assert [(s.anchor, s.title, s.text) for s in plain] == [("", "标题", "第一句。"), ("s", "小节", "甲\n乙\n之后。")]
    bank = split_sections(html, "页面", questions=True)
    assert [(s.anchor, s.title) for s in bank] == [("", "标题"), ("s", "小节"), ("q-x-01", "练习题：题干？")]
    assert bank[2].text == "题干？\n选项" and bank[1].text == "甲\n乙\n之后。"


def test_every_expected_answer_of_the_query_sets_exists(course_index):
    """A renamed heading must not silently turn a query into a miss: every expected page and anchor is indexed."""
    from tests.support.search import HELDOUT, QUERIES, load_queries

    locations = {d["location"] for d in course_index["docs"]}
    pages = {loc.split("#")[0] for loc in locations}
    missing = sorted({e for q in load_queries(QUERIES) + load_queries(HELDOUT) for e in q.expect
                      if (e not in locations if "#" in e else e not in pages)})
    assert not missing, missing
