"""Search finds the page a trainee is looking for when they type a term from the modules.

Chromium types each term into Material's search box the way an input method delivers
Chinese text (one `insert_text`, then a key press: Material searches on key events),
and the page that teaches the term must be among the first result pages. The search
index is segmented by jieba at build time; `scripts/data/jieba-userdict.txt` keeps the
course's terms whole, which is what this test exercises.

In the browser, Material's (experimental) Chinese query segmentation splits what was
typed into words found in the index and, because its loop stops one character short,
never tries the whole typed term: 一岗双责 is searched as 一*, 信访事项 as 信访* 事*.
Result lists are therefore broad, so the test asks for the teaching page among the first
`TOP` result pages rather than in first place.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import jieba
import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

#: term -> the page (path under the site root) that must be among the first result pages.
EXPECTED = {
    "申诉求决类": "modules/banli/",
    "检举控告类": "modules/banli/",
    "建议意见类": "modules/banli/",
    "联席会议": "modules/tizhi/",
    "信访工作格局": "modules/tizhi/",
    "枫桥经验": "modules/tizhi/",
    "涉法涉诉": "modules/tichu-shouli/",
    "联合接访": "modules/tichu-shouli/",
    "包案化解": "modules/tichu-shouli/",
    "信访事项": "law/",
    "属地管理": "law/",
    "信访处理意见书": "law/",
    "复查": "modules/banli/",
    "复核": "modules/banli/",
    "听证": "modules/banli/",
    "司法救助": "modules/banli/",
    "挂牌督办": "modules/jiandu-zhuize/",
    "约谈": "modules/jiandu-zhuize/",
    "专项督查": "modules/jiandu-zhuize/",
}
#: How many result pages (articles, not sections) count as "found".
TOP = 10

_HAS_RESULTS = "/\\d+ 个符合条件的结果/.test(document.querySelector('.md-search-result__meta')?.textContent || '')"
_RESULT_PAGES = """() => Array.from(document.querySelectorAll('.md-search-result__item > a'))
    .map(a => a.getAttribute('href'))"""


def result_pages(page, term: str) -> list[str]:
    """Type `term` into the search box; return the result pages' paths (site-relative), best first."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    page.keyboard.press("End")  # Material searches on key events: clear the previous results
    page.wait_for_function(f"() => !{_HAS_RESULTS}", timeout=15_000)
    page.keyboard.insert_text(term)
    page.keyboard.press("End")
    page.wait_for_function(f"() => {_HAS_RESULTS}", timeout=15_000)
    meta = page.locator(".md-search-result__meta")
    page.wait_for_timeout(200)  # let the list finish rendering
    assert "个符合条件的结果" in meta.inner_text()
    pages: list[str] = []
    base = urlsplit(page.url).path.split("/xinfang/")[0] + "/xinfang/"
    for href in page.evaluate(_RESULT_PAGES):
        path = urlsplit(href).path
        path = path.split(base, 1)[1] if base in path else path.lstrip("./")
        if path not in pages:
            pages.append(path)
    return pages


def test_terms_are_single_tokens_for_jieba():
    """The user dictionary keeps every searched term whole, also inside a sentence."""
    jieba.load_userdict(str(ROOT / "scripts/data/jieba-userdict.txt"))
    for term in EXPECTED:
        assert list(jieba.cut(term)) == [term], term
        assert term in list(jieba.cut(f"关于{term}的规定")), term


@pytest.fixture(scope="module")
def search_page(browser, served_site):
    """One page of the site with the search index loaded, reused for every term."""
    from tests.support import browser as browser_support

    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    browser_support.record(page)
    page.goto(served_site, wait_until="networkidle")
    yield page
    context.close()


@pytest.mark.parametrize(("term", "expected"), EXPECTED.items())
def test_search_finds_the_page_that_teaches_the_term(search_page, term, expected):
    pages = result_pages(search_page, term)
    assert expected in pages[:TOP], f"搜索“{term}”，前{TOP}个结果页面中没有 {expected}：{pages[:TOP]}"


def test_search_makes_no_external_request(search_page, external_requests):
    result_pages(search_page, "申诉求决类")
    assert external_requests(search_page) == []
    assert search_page.failed_responses == []
    assert search_page.console_errors == []
