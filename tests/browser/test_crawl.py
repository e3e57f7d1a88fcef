"""Whole-site crawl of the release as the intranet host serves it.

The strict build is packed into a release exactly as `make dist` packs it, deployed
with `scripts deploy` to a local target, and served by nginx on 127.0.0.1 with the
release's own `nginx.conf` included in the server block (as on the host), under
/xinfang/. Chromium then opens every page listed in sitemap.xml, plus a missing
page (the custom 404), and the test fails on:

* any response with status 404 (or any other error status),
* any console error, and any Content-Security-Policy violation,
* any request that leaves the loopback host,
* any serious or critical accessibility violation found by axe-core, run from the
  pinned copy bundled with axe-playwright-python (no network).

On pages with a quiz the first visible option of the first question is chosen
(quiz.js then writes its feedback; a mock paper's exam is started first) and the
home page runs a search: the scripts that run on interaction are covered too.
(Diagrams are static SVG in the page: nothing to wait for.)

An exception is allowed only as an entry in `AXE_EXCEPTIONS` with its reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import SUBPATH
from tests.support import browser as browser_support

pytestmark = pytest.mark.browser

#: (axe rule id, page path relative to the sub-path) -> why the violation is accepted.
#: Keep empty unless a violation cannot be fixed in this project; every entry needs its reason.
AXE_EXCEPTIONS: dict[tuple[str, str], str] = {}
FAILING_IMPACTS = {"serious", "critical"}

#: Records CSP violations in the page (they are also console errors; this names the directive).
CSP_RECORDER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => {
  window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') +
    (e.sample ? ' (' + e.sample + ')' : '') + ' at ' + e.sourceFile + ':' + e.lineNumber);
});
"""


@dataclass
class PageResult:
    path: str
    status: int | None = None
    failed: list = field(default_factory=list)
    console: list = field(default_factory=list)
    csp: list = field(default_factory=list)
    external: list = field(default_factory=list)
    axe: list = field(default_factory=list)


def site_pages(site_dir: Path, site_url: str) -> list[str]:
    """Every page of the build, from sitemap.xml, as paths under the sub-path."""
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locs and all(loc.startswith(site_url) for loc in locs), "sitemap.xml 的网址应以 site_url 开头"
    return [loc[len(site_url):] for loc in locs]


def _interact(page, path: str) -> bool:
    """Run the page's interactive parts; True if anything was done."""
    acted = False
    start = page.locator("button.exam-start")
    if start.count():  # a mock paper: the exam starts, then a question is answered
        acted = True
        start.click()
    quiz_option = page.locator(".quiz form input[type=radio]:visible, .quiz form input[type=checkbox]:visible")
    if quiz_option.count():
        acted = True
        quiz_option.first.check(force=True)
        submit = page.locator(".quiz form button[type=submit]")
        if submit.count() and submit.first.is_visible() and submit.first.is_enabled():
            submit.first.click()
        page.wait_for_timeout(200)
    if path == "":
        acted = True
        page.locator("input.md-search__input").click()
        page.keyboard.insert_text("信访事项")
        page.keyboard.press("End")
        page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
        page.wait_for_timeout(600)  # the result list fades in; axe would measure half-faded text
    return acted


def crawl_site(browser, base_url: str, pages: list[str], color_scheme: str) -> list[PageResult]:
    """Open every page (and a missing one) in one browser context; record what went wrong."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    results = []
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN", color_scheme=color_scheme)
    context.add_init_script(CSP_RECORDER)
    try:
        for path in [*pages, "no-such-page/"]:
            result = PageResult(path)
            page = context.new_page()
            browser_support.record(page)
            response = page.goto(base_url + path, wait_until="load")
            result.status = response.status if response else None
            page.wait_for_load_state("networkidle")
            if _interact(page, path):
                page.wait_for_load_state("networkidle")
            result.csp = page.evaluate("window.__cspViolations")
            result.failed = list(page.failed_responses)
            result.console = list(page.console_errors)
            result.external = browser_support.external_requests(page)
            if path == "no-such-page/":
                # The custom 404 page itself is the one expected 404.
                result.failed = [f for f in result.failed if f != (404, base_url + path)]
                result.console = [c for c in result.console if "status of 404" not in c]
            for violation in axe.run(page).response["violations"]:
                if violation["impact"] in FAILING_IMPACTS and (violation["id"], path) not in AXE_EXCEPTIONS:
                    targets = [" ".join(map(str, n["target"])) for n in violation["nodes"][:3]]
                    result.axe.append(f"{violation['id']} ({violation['impact']}, {len(violation['nodes'])} 处): {'; '.join(targets)}")
            page.close()
            results.append(result)
    finally:
        context.close()
    return results


@pytest.fixture(scope="module")
def pages(release_server, site_dir) -> list[str]:
    pages = site_pages(site_dir, release_server[1])
    html_files = [p for p in site_dir.rglob("*.html") if p.name != "404.html"]
    assert len(pages) == len(html_files), "sitemap.xml 应列出每个页面"
    return pages


@pytest.fixture(scope="module")
def crawl(release_server, pages, browser) -> list[PageResult]:
    """Every page in the light scheme (the default)."""
    return crawl_site(browser, release_server[0], pages, "light")


@pytest.fixture(scope="module")
def crawl_dark(release_server, pages, browser) -> list[PageResult]:
    """Every page again in the dark scheme (readers whose system is set to dark get it)."""
    return crawl_site(browser, release_server[0], pages, "dark")


def _report(results: list[PageResult], attr: str) -> str:
    return "\n".join(f"/{SUBPATH.strip('/')}/{r.path}: {item}" for r in results for item in getattr(r, attr))


def test_every_page_is_crawled_and_the_404_page_is_custom(crawl):
    assert len(crawl) > 20
    statuses = {r.path: r.status for r in crawl}
    assert statuses.pop("no-such-page/") == 404
    assert set(statuses.values()) == {200}, {p: s for p, s in statuses.items() if s != 200}


def test_no_missing_or_failing_resource(crawl):
    assert not _report(crawl, "failed"), "\n" + _report(crawl, "failed")


def test_no_console_error(crawl):
    assert not _report(crawl, "console"), "\n" + _report(crawl, "console")


def test_no_csp_violation(crawl):
    assert not _report(crawl, "csp"), "\n" + _report(crawl, "csp")


def test_no_request_leaves_loopback(crawl):
    assert not _report(crawl, "external"), "\n" + _report(crawl, "external")


def test_no_serious_or_critical_accessibility_violation(crawl):
    assert not _report(crawl, "axe"), "\n" + _report(crawl, "axe")


def test_dark_scheme_has_no_error_violation_or_serious_accessibility_problem(crawl_dark):
    problems = "\n".join(_report(crawl_dark, attr) for attr in ("failed", "console", "csp", "external", "axe")).strip()
    assert not problems, "\n" + problems


def test_served_policy_allows_no_inline_style_or_script_but_by_hash(release_server):
    """The crawl above ran under this policy: inline code is allowed only by its hash."""
    from urllib.request import urlopen

    with urlopen(release_server[0] + "modules/banli/") as response:
        policy = response.headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    for name in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in directives[name] and "'sha256-" in directives[name], (name, directives[name])


def test_axe_exceptions_have_reasons():
    assert all(len(reason) > 20 for reason in AXE_EXCEPTIONS.values())
