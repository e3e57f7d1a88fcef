"""The offline folder (`make offline`) opened from disk in Chromium: pages load, search works.

Built the way `make offline` builds it (scripts.publish.offline: strict build of
mkdocs-offline.yml, link and offline checks, zip); the folder is then opened as
file:///…/index.html, with no server at all.
"""

from __future__ import annotations

import zipfile

import pytest

from scripts.publish import offline

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("offline")
    rc = offline.main(["--site", str(work / "site-offline"), "--out", str(work / "dist")])
    if rc:
        pytest.fail("离线版构建失败（见上面的输出）", pytrace=False)
    return work


def test_offline_zip_holds_the_folder(offline_site):
    (archive,) = (offline_site / "dist").glob("*-offline.zip")
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
    top = archive.name[: -len(".zip")]
    assert f"{top}/index.html" in names and f"{top}/search/search_index.js" in names
    assert f"{top}/assets/vendor/iframe-worker-shim.js" in names
    assert (offline_site / "dist" / f"{archive.name}.sha256").is_file()


def test_offline_pages_use_html_urls_and_the_local_shim(offline_site):
    home = (offline_site / "site-offline" / "index.html").read_text(encoding="utf-8")
    assert 'src="assets/vendor/iframe-worker-shim.js"' in home
    assert "unpkg.com" not in home and "iframe-worker/shim" not in home
    assert 'href="law/index.html"' in home


def test_search_works_from_disk(offline_site, open_page, external_requests):
    page = open_page((offline_site / "site-offline" / "index.html").as_uri())
    assert "信访工作条例" in page.title()
    page.locator("input.md-search__input").click()
    page.keyboard.insert_text("信访事项")
    page.keyboard.press("End")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15_000)
    assert results.count() >= 3
    href = page.locator(".md-search-result__item a").first.get_attribute("href")
    assert href.startswith("file:///") and ".html" in href
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith("file:///") and ".html" in page.url
    assert page.locator("h1").count() >= 1
    assert external_requests(page) == []
    assert page.console_errors == []


def test_a_deep_page_from_disk_loads_its_assets(offline_site, open_page, external_requests):
    page = open_page((offline_site / "site-offline" / "law" / "index.html").as_uri())
    assert page.locator("h3[id^='art-']").count() == 50
    # Material's stylesheet applied: the header is the fixed bar, not unstyled markup.
    assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") in {"sticky", "fixed"}
    assert external_requests(page) == []
    assert page.console_errors == []


def test_every_offline_page_opens_from_disk_without_errors(offline_site, browser):
    """Every page of the folder: no console error (a missing file shows as one), nothing from another host."""
    from tests.support import browser as browser_support

    site = offline_site / "site-offline"
    problems = []
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    try:
        for path in sorted(site.rglob("*.html")):
            page = context.new_page()
            browser_support.record(page)
            page.goto(path.as_uri(), wait_until="load")
            page.wait_for_timeout(100)
            rel = path.relative_to(site).as_posix()
            problems += [f"{rel}: {e}" for e in page.console_errors]
            problems += [f"{rel}: 外部请求 {u}" for u in browser_support.external_requests(page)]
            page.close()
    finally:
        context.close()
    assert not problems, "\n" + "\n".join(problems)


def test_course_search_from_disk(offline_site, open_page, external_requests):
    """The course's search (labels, numbers with units, snippets) works the same from file://."""
    from tests.support import search as support

    site = offline_site / "site-offline"
    page = open_page((site / "index.html").as_uri())
    assert (site / "search" / "search_index.js").stat().st_size > 100_000  # the whole index, inlined
    base = site.as_uri() + "/"
    support.type_query(page, "第34条")
    first = support.results(page, base)[0]
    assert first["top"] == "law/#art-34", first
    support.type_query(page, "60日内办结")
    first = support.results(page, base)[0]
    assert first["top"] in {"law/#art-34", "modules/banli/#期限一览"} and "<mark>" in first["html"]
    assert external_requests(page) == []
    assert page.console_errors == []


def test_exam_daily_and_records_work_from_disk(offline_site, browser, tmp_path):
    """From file://: an exam is taken and its 成绩码 read on the 阅卷 page, 每日一练 shows
    its 5 questions, and the records export and import, on a phone-sized screen."""
    from tests.support import browser as browser_support
    from tests.support.practice import new_context

    site = offline_site / "site-offline"
    context = new_context(browser, viewport={"width": 390, "height": 844}, accept_downloads=True, is_mobile=True)
    try:
        def open_(rel):
            page = context.new_page()
            browser_support.record(page)
            page.goto((site / rel).as_uri())
            return page

        exam = open_("practice/exams/paper-a.html")
        exam.on("dialog", lambda d: d.accept())
        exam.get_by_role("button", name="开始考试").click()
        exam.locator(".exam-body .quiz fieldset > div label").first.click()
        exam.get_by_role("button", name="交卷").click()
        exam.locator("body[data-exam-state='submitted']").wait_for()
        points = exam.locator(".exam-result .exam-points").inner_text()
        code = exam.locator(".exam-code").inner_text()
        grade = open_("practice/grade.html")
        grade.locator("#grade-code").fill(code)
        grade.locator("#grade-code").press("Enter")
        assert grade.locator(".grade-points").inner_text() == points
        daily = open_("practice/daily.html")
        assert daily.locator(".daily-set .quiz").count() == 5
        assert daily.locator(".quiz:visible").count() == 5
        progress = open_("practice/progress.html")
        with progress.expect_download() as download:
            progress.get_by_role("button", name="导出全部记录").click()
        saved = tmp_path / "records.json"
        download.value.save_as(saved)
        progress.on("dialog", lambda d: d.accept())
        progress.get_by_role("button", name="清除全部答题记录").click()
        progress.locator("#transfer-file").set_input_files(str(saved))
        progress.locator(".transfer-status").filter(has_text="已导入").wait_for()
        exam.reload()
        assert exam.locator(".exam-result .exam-points").inner_text() == points
        for page in (exam, grade, daily, progress):
            assert browser_support.external_requests(page) == [] and page.console_errors == []
    finally:
        context.close()


def test_self_check_page_says_in_one_line_to_use_the_site_or_the_command(offline_site, open_page, external_requests):
    folder = offline_site / "site-offline"
    assert not (folder / "assets" / "vendor" / "pyodide").exists()  # the folder does not carry what it cannot run
    page = open_page((folder / "reporting" / "self-check.html").as_uri())
    status = page.locator("#sc-status")
    status.filter(has_text="离线版").wait_for()
    text = status.inner_text()
    assert "\n" not in text and "内网网站" in text and "python -m scripts report-check" in text
    assert page.locator("#sc-type").is_disabled() and page.locator("#sc-check").is_disabled()
    assert page.locator("#sc-progress").is_hidden()
    assert not any("pyodide" in url for url in page.recorded_requests)
    assert page.console_errors == [] and external_requests(page) == []
