"""Search answers what trainees type: the query set in Chromium against nginx.

Each query of tests/data/search-queries.yml (and of the held-out set,
search-queries-heldout.yml, written at the same time and never used for tuning)
is typed into Material's search box on the served site (nginx under /xinfang/).
A query is answered at rank k when the k-th result page is one of its expected
pages (with the expected anchor as that page's first entry, where one is given).
The suite fails when recall falls under the targets of issue 11.
"""

from __future__ import annotations

import pytest

from tests.support import search as support

pytestmark = pytest.mark.browser

PUBLIC = support.load_queries(support.QUERIES)
HELDOUT = support.load_queries(support.HELDOUT)
#: Targets (issue 11): held-out recall@5 and recall@1; article labels always first.
TARGET_RECALL_5 = 0.95
TARGET_RECALL_1 = 0.80
#: The queries the issue names, and the page (with anchor) that must come first.
WHY = {
    "15日内": ("law/#art-22", "law/#art-23", "modules/tichu-shouli/#两条对照别把期限记混"),
    "第一责任人": ("reporting/#三主要负责人的第一责任人职责怎样写进报告", "reporting/#第一责任人职责的依据"),
    "60日内办结": ("law/#art-34", "modules/banli/#期限一览"),
    "打击报复": ("law/#art-46", "law/#art-18"),
    "信访工作格局": ("law/#art-7", "modules/tizhi/#一信访工作格局", "roadmap/#信访工作格局"),
    "督查专员": ("law/#art-16", "modules/tizhi/#七队伍建设与保障"),
    "信访情况年度报告": ("law/#art-41", "reporting/#二信访情况年度报告条例第四十一条",
                  "modules/jiandu-zhuize/#四信访情况年度报告与巡视巡察"),
    "第三十四条": ("law/#art-34",),
    "多少天": ("modules/banli/#期限一览", "handout/#四反映以后会怎样多长时间", "modules/xinjiu-duizhao/#三期限对照",
            "law/#art-34"),
}


@pytest.fixture(scope="module")
def search_page(browser, served_site):
    """The home page with the search box focused and the index loaded, reused for every query."""
    from tests.support import browser as browser_support

    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    browser_support.record(page)
    page.goto(served_site, wait_until="networkidle")
    yield page
    context.close()


def run(page, base: str, queries: list[support.Query]) -> dict[str, list]:
    ranks, misses = [], []
    for query in queries:
        support.type_query(page, query.q)
        found = support.results(page, base)
        r = support.rank(found, query)
        ranks.append(r)
        if r != 1:
            misses.append(f"{query.q}（{query.kind}）：第{r or '—'}位；前5：{[x['top'] for x in found[:5]]}")
    return {"ranks": ranks, "misses": misses}


def test_loading_a_page_fetches_no_index(browser, served_site):
    """Reading a page loads only the stub (configuration, no documents); focusing the search box loads the index."""
    from tests.support import browser as browser_support

    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    browser_support.record(page)
    responses = {}
    page.on("response", lambda res: responses.setdefault(res.url.split("?")[0], res))
    page.goto(served_site + "law/", wait_until="networkidle")
    page.wait_for_timeout(300)
    loaded = [u for u in page.recorded_requests if "/search/" in u]
    assert not [u for u in loaded if "course-index" in u], loaded
    stub = [u for u in loaded if u.endswith("search/search_index.json")]
    assert len(stub) == 1 and responses[stub[0]].json()["docs"] == []
    with page.expect_response(lambda res: res.url.endswith("search/course-index.json")) as index:
        page.locator("input.md-search__input").focus()
    assert index.value.status == 200 and len(index.value.json()["docs"]) > 100
    context.close()


@pytest.mark.parametrize("query", list(WHY))
def test_queries_named_in_the_issue_bring_the_answer_first(search_page, served_site, query):
    support.type_query(search_page, query)
    found = support.results(search_page, served_site)
    assert found, f"“{query}”没有结果"
    assert any(support.matches(found[0], e) for e in WHY[query]), f"“{query}”的第一个结果是 {found[0]['top']}"


@pytest.mark.parametrize("queries", ["public", "held-out"])
def test_queries_reach_the_targets(search_page, served_site, queries):
    """Nothing is tuned against the held-out queries: they are run for the figures."""
    chosen = PUBLIC if queries == "public" else HELDOUT
    result = run(search_page, served_site, chosen)
    r1, r5 = support.recall(result["ranks"], 1), support.recall(result["ranks"], 5)
    labels = [r for q, r in zip(chosen, result["ranks"]) if q.kind == "label"]
    assert support.recall(labels, 1) == 1.0, "\n".join(result["misses"])
    assert r5 >= TARGET_RECALL_5 and r1 >= TARGET_RECALL_1, f"recall@1 {r1:.3f}, recall@5 {r5:.3f}\n" + "\n".join(result["misses"])


def test_result_shows_the_matching_sentence(search_page, served_site):
    """The snippet is the article's sentence with the typed words marked, not the heading alone."""
    support.type_query(search_page, "60日内办结")
    first = support.results(search_page, served_site)[0]
    assert first["top"] == "law/#art-34"
    assert "应当自受理之日起" in first["text"] and "<mark>60日</mark>" in first["html"]
    support.type_query(search_page, "第一责任人")
    first = support.results(search_page, served_site)[0]
    assert "<mark>第一责任人</mark>" in first["html"] and len(first["text"]) > len("第一责任人职责的依据") + 10


def test_result_link_opens_the_article(search_page, served_site):
    support.type_query(search_page, "第34条")
    search_page.keyboard.press("Enter")
    search_page.wait_for_url("**/law/**#art-34", timeout=10_000)
    assert search_page.locator("#art-34").is_visible()
    search_page.goto(served_site, wait_until="networkidle")


def test_search_makes_no_external_request(search_page, external_requests):
    support.type_query(search_page, "申诉求决类")
    assert external_requests(search_page) == []
    assert search_page.failed_responses == []
    assert search_page.console_errors == []
