"""A query is read the way the index was written: jieba's dictionary and algorithm,
numbers with their units, article labels in both numeral styles."""

from __future__ import annotations

import re

import jieba
import pytest

from scripts.search.index import jieba_dictionary
from tests.support.search import HELDOUT, QUERIES, load_queries

_HAN = re.compile(r"[\u4e00-\u9fff]+")


def test_queries_are_cut_like_jieba_cuts_the_text(course_index, worker):
    """The worker's segmenter over the shipped dictionary gives jieba's cut (HMM off) for the indexed text."""
    jieba_dictionary()
    runs = []
    for doc in course_index["docs"]:
        runs += _HAN.findall(doc["title"] + "\n" + doc["text"])
    runs = sorted(set(runs), key=len, reverse=True)[:1500] + sorted(set(runs))[:500]
    ours = worker([("cut", run) for run in runs], course_index)
    differ = [(run, cut, jieba.lcut(run, HMM=False)) for run, cut in zip(runs, ours) if cut != jieba.lcut(run, HMM=False)]
    assert not differ, differ[:5]


@pytest.mark.parametrize(("query", "words"), [
    ("第一责任人", ["第一责任人"]),          # a dictionary word stays whole (not 第一 + 责任人)
    ("信访工作格局", ["信访工作格局"]),
    ("督查专员", ["督查专员"]),
    ("15日内", ["15日"]),                 # the number keeps its unit; 内 alone says nothing
    ("60日内办结", ["60日", "办结"]),
    ("5个工作日", ["5个工作日"]),
    ("不超过5人", ["5人", "超过"]),
    ("１５天", ["15日"]),                  # full-width digits, 天 read as the 条例's 日
    ("多人走访最多几个人", ["多人", "走访"]),   # question words dropped
])
def test_query_words(course_index, worker, query, words):
    (got,) = worker([("words", query)], course_index)
    assert sorted(g["word"] for g in got) == sorted(words)


@pytest.mark.parametrize(("query", "number"), [
    ("第三十四条", 34), ("第34条", 34), ("34条", 34), ("条例第三十四条", 34), ("《信访工作条例》第34条", 34),
    ("第十条", 10), ("第一条", 1), ("第五十条", 50), ("第 5 条", 5), ("第二十条", 20),
    ("第三十四", 0), ("三十四条规定", 0), ("15日", 0), ("条例", 0),
])
def test_article_labels_in_both_numeral_styles(worker, query, number):
    assert worker([("label", query)]) == [number]


def test_an_article_label_puts_that_article_first(course_index, worker):
    labels = ["第" + str(n) + "条" for n in range(1, 51)] + [f"{n}条" for n in (3, 17, 34, 41)]
    from scripts.law import article_label
    labels += [article_label(n) for n in range(1, 51)]
    found = worker([("search", q) for q in labels], course_index)
    law = course_index["config"]["course"]["law"]
    for query, items in zip(labels, found):
        number = int(re.sub(r"\D", "", query)) if re.search(r"\d", query) else None
        if number is None:
            from scripts.law import cn_to_int
            number = cn_to_int(query[1:-1])
        assert items[0][0][0] == f"{law}#art-{number}", (query, items[0][0])


def test_query_sets_are_well_formed():
    public, heldout = load_queries(QUERIES), load_queries(HELDOUT)
    assert len(public) + len(heldout) >= 120 and len(heldout) * 3 >= len(public) + len(heldout) - 10
    assert not {q.q for q in public} & {q.q for q in heldout}
    kinds = {"term", "number", "label", "question", "colloquial", "report", "page"}
    for query in public + heldout:
        assert query.kind in kinds and query.expect, query
        for expect in query.expect:
            assert re.fullmatch(r"([a-z0-9\-]+/)*(#[^\s#]+)?", expect), expect


def test_every_course_term_is_one_word(course_index, worker):
    """Each word of scripts/data/jieba-userdict.txt comes out whole, alone and inside a sentence."""
    from tests.conftest import ROOT

    terms = [line.split()[0] for line in (ROOT / "scripts/data/jieba-userdict.txt").read_text(encoding="utf-8").splitlines()
             if line.strip()]
    cuts = worker([("cut", t) for t in terms] + [("cut", f"关于{t}的规定") for t in terms], course_index)
    alone, inside = cuts[: len(terms)], cuts[len(terms):]
    assert [t for t, c in zip(terms, alone) if c != [t]] == []
    assert [t for t, c in zip(terms, inside) if t not in c] == []
