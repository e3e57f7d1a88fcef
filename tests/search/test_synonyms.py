"""The reviewed synonym list: well-formed, every statutory word really used, applied to queries."""

from __future__ import annotations

import pytest

from scripts.law import load_law
from scripts.search.synonyms import SynonymError, load_synonyms
from tests.conftest import ROOT


def _course_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md")
                     if not p.relative_to(ROOT / "docs").as_posix().startswith("maintainer/"))


def test_every_statutory_word_occurs_in_the_law_or_the_course():
    law = "\n".join(a.text for a in load_law("2022").articles.values())
    course = _course_text()
    missing = [f"scripts/data/search-synonyms.yml:{s.line}: “{t}”（{s.word}）不在条例全文或课程页面中"
               for s in load_synonyms() for t in s.to if t not in law and t not in course]
    assert not missing, "\n".join(missing)


def test_every_entry_has_a_reason():
    entries = load_synonyms()
    assert len(entries) >= 10
    assert all(s.why and "\n" not in s.why for s in entries)


@pytest.mark.parametrize(("text", "message"), [
    ("上访: [信访]\n", "应写成"),
    ("上访:\n  to: []\n  why: 理由\n", "非空的词语列表"),
    ("上访:\n  to: [信访]\n  why: ''\n", "缺少一句理由"),
    ("上访:\n  to: [上访]\n  why: 理由\n", "不应映射到它自己"),
    ("上访: ]\n", "不是有效的 YAML"),
])
def test_a_malformed_file_names_the_line(tmp_path, text, message):
    path = tmp_path / "synonyms.yml"
    path.write_text("# comment\n" + text, encoding="utf-8")
    with pytest.raises(SynonymError) as exc:
        load_synonyms(path)
    assert f"{path}:2:" in str(exc.value) and message in str(exc.value)


@pytest.mark.parametrize(("query", "statutory"), [
    ("上访", {"信访", "走访"}),
    ("闹访", {"缠访闹访", "滋事扰序"}),
    ("踢皮球", {"推诿"}),
])
def test_a_colloquial_query_looks_for_the_statutory_words(course_index, worker, query, statutory):
    (words,) = worker([("words", query)], course_index)
    assert {w["word"] for w in words} == {query} and set(words[0]["alts"]) == statutory


def test_a_typed_statutory_word_is_not_expanded(course_index, worker):
    (words,) = worker([("words", "打击报复")], course_index)
    assert [(w["word"], w["alts"]) for w in words] == [("打击报复", [])]
