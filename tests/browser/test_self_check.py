"""报告自查 (reporting/self-check/) in Chromium, against the release as nginx serves it.

The page runs the course's report checker under Pyodide. What it shows must be
exactly what `python -m scripts report-check` prints: for every report fixture,
the sample in GB18030, a .docx and pasted text, the findings (rule, severity,
line, message with the quoted text, suggestion) and the required-content table
equal the command's `--json` output, and the downloaded .txt equals the command's
readable output. Bad input gets the command's one-line message and the page stays
usable. Every request the page makes is recorded: none is made after the checker
has loaded, so none can carry the report. The page is served with the release's
nginx.conf (its CSP headers) and must cause no CSP violation; it works from the
keyboard alone, and axe-core finds no serious or critical problem.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from scripts.report_check.reader import MAX_BYTES
from tests.support import browser as browser_support

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "reports"
SAMPLE = FIXTURES / "sample-district-report-2025.txt"
PAGE = "reporting/self-check/"
#: Records CSP violations (the same recorder as the crawl). Waits use selectors, not
#: wait_for_function: Playwright evaluates a predicate string with eval, which this
#: page's CSP rightly blocks.
CSP_RECORDER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => {
  window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline'));
});
"""


def cli(path: Path, *args: str) -> subprocess.CompletedProcess:
    """The command, run in the file's folder on its bare name (so it names the file as the page does)."""
    return subprocess.run([sys.executable, "-m", "scripts", "report-check", path.name, *args],
                          cwd=path.parent, capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def cli_json(path: Path, *args: str) -> dict:
    return json.loads(cli(path, "--json", *args).stdout)


def save_docx(lines: list[str], path: Path, table: list[list[str]] | None = None) -> Path:
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text
    document.save(str(path))
    return path


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, Path]:
    """Every report fixture, the sample in GB18030, and a .docx of the sample with a table."""
    work = tmp_path_factory.mktemp("reports")
    found = {p.name: p for p in sorted(FIXTURES.iterdir()) if p.is_file()}
    gb = work / "sample-gb18030.txt"
    gb.write_bytes(SAMPLE.read_text(encoding="utf-8").encode("gb18030"))
    found[gb.name] = gb
    docx_path = save_docx(SAMPLE.read_text(encoding="utf-8").splitlines(), work / "sample.docx",
                          table=[["项目", "数量"], ["受理信访事项", "宣传宣传1200件"]])
    found[docx_path.name] = docx_path
    return found


@pytest.fixture(scope="module")
def checker(release_server, browser):
    """The page, open once, with every request and CSP violation recorded; ready to check."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN", accept_downloads=True)
    context.add_init_script(CSP_RECORDER)
    page = context.new_page()
    browser_support.record(page)
    page.requests_with_bodies = []
    page.on("request", lambda req: page.requests_with_bodies.append((req.method, req.url, req.post_data)))
    response = page.goto(release_server[0] + PAGE)
    page.main_response = response
    page.wait_for_selector("#sc-progress[hidden]", state="attached", timeout=60_000)
    page.requests_when_ready = len(page.requests_with_bodies)
    yield page
    context.close()


def check_file(page, path: Path) -> None:
    page.evaluate("document.getElementById('sc-result').hidden = true; document.getElementById('sc-error').hidden = true")
    page.set_input_files("#sc-file", str(path))
    page.wait_for_selector("#sc-result:not([hidden]), #sc-error:not([hidden])", timeout=30_000)


def shown_findings(page) -> list[dict]:
    """The findings table as the page shows it (the place column says 第N行/第N段 or 全文)."""
    rows = page.locator(".sc-finding")
    out = []
    for i in range(rows.count()):
        cells = rows.nth(i).locator("td")
        place = cells.nth(0).inner_text()
        out.append({
            "rule": cells.nth(2).locator("a").inner_text(),
            "severity": cells.nth(1).inner_text(),
            "line": 0 if place == "全文" else int(re.fullmatch(r"第(\d+)[行段]", place).group(1)),
            "message": cells.nth(3).inner_text(),
            "suggestion": cells.nth(4).inner_text(),
        })
    return out


def shown_elements(page) -> list[tuple[str, str, str, str]]:
    rows = page.locator(".sc-element")
    return [tuple(rows.nth(i).locator("td").nth(j).inner_text() for j in range(4)) for i in range(rows.count())]


def expected_elements(result: dict) -> list[tuple[str, str, str, str]]:
    unit = result["unit"]

    def where(e):
        if not e["first_line"]:
            return ""
        if e["first_line"] == e["last_line"]:
            return f"第{e['first_line']}{unit}"
        return f"第{e['first_line']}—{e['last_line']}{unit}"

    return [(e["status"], e["title"], where(e), e["note"]) for e in result["elements"]]


def test_served_with_the_wasm_policy_only_on_this_page(checker, release_server):
    import urllib.request

    policy = checker.main_response.headers["content-security-policy"]
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src")).split()
    assert "'wasm-unsafe-eval'" in script_src
    assert "'unsafe-eval'" not in script_src and "'unsafe-inline'" not in script_src
    for other in ["", "reporting/", "maintainer/report-rules/"]:
        with urllib.request.urlopen(release_server[0] + other) as res:
            assert "wasm-unsafe-eval" not in res.headers["Content-Security-Policy"], other
    with urllib.request.urlopen(release_server[0] + PAGE + "index.html") as res:
        assert res.headers["Content-Security-Policy"] == policy


@pytest.mark.parametrize("name", [p.name for p in sorted(FIXTURES.iterdir())] + ["sample-gb18030.txt", "sample.docx"])
def test_findings_equal_the_command(checker, reports, name):
    path = reports[name]
    expected = cli_json(path)
    check_file(checker, path)
    assert checker.locator("#sc-error").is_hidden(), checker.locator("#sc-error").inner_text()
    assert shown_findings(checker) == expected["findings"]
    assert shown_elements(checker) == expected_elements(expected)
    counts = expected["counts"]
    assert f"错误 {counts['错误']} 个，建议 {counts['建议']} 个" in checker.locator(".sc-summary").inner_text()
    # Each finding links to its line in the view of the report and to its rule on the rules page.
    for finding in expected["findings"]:
        row = checker.locator(f".sc-finding[data-rule={finding['rule']}][data-line='{finding['line']}']").first
        rule_href = row.locator("td").nth(2).locator("a").get_attribute("href")
        assert rule_href.endswith(f"/maintainer/report-rules/#{finding['rule'].lower()}")
        if finding["line"]:
            assert row.locator("td").nth(0).locator("a").get_attribute("href") == f"#sc-line-{finding['line']}"
            assert checker.locator(f"#sc-line-{finding['line']}").count() == 1
    assert checker.locator(".sc-lines li").count() == expected["lines"]


def test_rule_links_reach_the_rule_on_the_rules_page(checker, reports, open_page):
    check_file(checker, reports[SAMPLE.name])
    href = checker.locator(".sc-finding a[href*='report-rules']").first.get_attribute("href")
    rules_page = open_page(href)
    anchor = href.split("#")[1]
    assert rules_page.locator(f"[id='{anchor}']").count() == 1


def test_download_and_the_readable_report_equal_the_command(checker, reports, tmp_path):
    for name in [SAMPLE.name, "sample.docx"]:
        check_file(checker, reports[name])
        with checker.expect_download() as info:
            checker.locator("#sc-download").click()
        saved = tmp_path / info.value.suggested_filename
        info.value.save_as(saved)
        assert saved.name == Path(name).stem + "-检查结果.txt"
        assert saved.read_text(encoding="utf-8-sig") == cli(reports[name]).stdout.rstrip("\n")
    checker.locator("#sc-copy").click()
    checker.locator("#sc-status", has_text="已复制").wait_for()


def test_pasted_text_and_a_chosen_type_are_checked_as_the_command_checks_them(checker, reports):
    checker.locator("#sc-text").fill(SAMPLE.read_text(encoding="utf-8"))
    checker.evaluate("document.getElementById('sc-result').hidden = true")
    checker.locator("#sc-check").click()
    checker.wait_for_selector("#sc-result:not([hidden])")
    assert shown_findings(checker) == cli_json(SAMPLE)["findings"]
    # Choosing the type checks again with that type, as --type does.
    checker.evaluate("document.getElementById('sc-result').hidden = true")
    checker.locator("#sc-type").select_option("xinfang")
    checker.wait_for_selector("#sc-result:not([hidden])")
    assert shown_findings(checker) == cli_json(SAMPLE, "--type", "xinfang")["findings"]
    assert "信访情况年度报告" in checker.locator(".sc-summary").inner_text()
    checker.locator("#sc-type").select_option("")
    checker.locator("#sc-text").fill("")


def _bad_inputs(folder: Path) -> dict[str, Path]:
    folder.mkdir(exist_ok=True)
    files = {
        "empty": ("empty.txt", b""),
        "binary": ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        "doc": ("report.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64),
        "wps": ("report.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64),
        "docx-not-zip": ("renamed.docx", b"%PDF-1.4 this is not a zip"),
        "too-large": ("huge.txt", b"a" * (MAX_BYTES + 1)),
    }
    out = {kind: folder / name for kind, (name, _) in files.items()}
    for kind, (name, data) in files.items():
        (folder / name).write_bytes(data)
    good = folder / "good.docx"
    save_docx(["某局2025年法治政府建设年度报告"], good)
    data = good.read_bytes()
    (folder / "truncated.docx").write_bytes(data[: len(data) // 2])  # a download cut off half-way
    out["docx-truncated"] = folder / "truncated.docx"
    with zipfile.ZipFile(folder / "not-word.docx", "w") as z:
        z.writestr("hello.txt", "hello")
    out["docx-zip-not-word"] = folder / "not-word.docx"
    return out


EXPECTED_WORDS = {
    "empty": "文件是空的",
    "binary": "二进制",
    "doc": "在 Word 或 WPS 中“另存为” .docx",
    "wps": "在 Word 或 WPS 中“另存为” .docx",
    "docx-not-zip": "不是有效的 .docx",
    "docx-truncated": ".docx",
    "docx-zip-not-word": "无法作为 Word 文档打开",
    "too-large": f"超过 {MAX_BYTES // (1024 * 1024)} MB 的上限",
}


def test_bad_input_gets_the_commands_one_line_and_the_page_stays_usable(checker, reports, tmp_path):
    for kind, path in _bad_inputs(tmp_path / "bad").items():
        check_file(checker, path)
        message = checker.locator("#sc-error").inner_text()
        expected = cli(path)
        assert expected.returncode == 2, kind
        assert message == expected.stderr.strip().removeprefix("report-check："), kind
        assert EXPECTED_WORDS[kind] in message and "\n" not in message, kind
        assert checker.locator("#sc-result").is_hidden(), kind
        # Still usable: the next file is checked as usual.
        check_file(checker, reports[SAMPLE.name])
        assert checker.locator("#sc-error").is_hidden(), kind
        assert checker.locator(".sc-finding").count() == len(cli_json(SAMPLE)["findings"])
    # Empty pasted text
    checker.locator("#sc-text").fill("   \n")
    checker.locator("#sc-check").click()
    checker.wait_for_selector("#sc-error:not([hidden])")
    assert checker.locator("#sc-error").inner_text() == "粘贴的文本：文件是空的"


def test_keyboard_only(release_server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(release_server[0] + PAGE)
        page.wait_for_selector("#sc-progress[hidden]", state="attached", timeout=60_000)
        page.locator("#sc-type").focus()
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == "sc-file"
        # The file input opens the system's file chooser from the keyboard. On a loaded machine
        # Chromium now and then drops the key press's user activation: press again, at most 3 times.
        chooser = None
        for _ in range(3):
            try:
                with page.expect_file_chooser(timeout=10_000) as opened:
                    page.keyboard.press("Space")
                chooser = opened.value
                break
            except PlaywrightTimeoutError:
                page.locator("#sc-file").focus()
        assert chooser is not None, "空格键打不开文件选择框"
        chooser.set_files(str(SAMPLE))
        page.wait_for_selector("#sc-result:not([hidden])", timeout=30_000)
        assert page.evaluate("document.activeElement.id") == "sc-result-heading"
        # Tab reaches the first finding's line link; Enter shows that line of the report.
        for _ in range(40):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.closest('.sc-finding') !== null"):
                break
        href = page.evaluate("document.activeElement.getAttribute('href')")
        assert href and href.startswith("#sc-line-")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(re.escape(href) + "$"))
        assert page.evaluate("document.querySelector(':target').id") == href[1:]
        # Pasting and checking with Tab and Enter only.
        page.locator("#sc-text").focus()
        page.keyboard.insert_text("区某局2025年法治政府建设年度报告\n全面推进信访工作法制化。")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == "sc-check"
        page.keyboard.press("Enter")
        page.wait_for_selector(".sc-finding[data-rule=RC301]")
    finally:
        context.close()


def test_axe_finds_nothing_serious_with_a_result_shown(checker, reports):
    from axe_playwright_python.sync_playwright import Axe

    check_file(checker, reports[SAMPLE.name])
    problems = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}"
                for v in Axe().run(checker).response["violations"] if v["impact"] in {"serious", "critical"}]
    assert problems == []
    check_file(checker, reports["sample.docx"])
    assert checker.locator(".sc-summary").inner_text().startswith("类型：")


def test_no_request_carries_the_report_and_no_csp_violation(checker, reports, site_dir):
    """Runs last in this file: every request the page made during all the checks above.

    After the checker has loaded, the page itself requests nothing; Material's own
    scripts may still fetch a file of the site late (the search index on a busy
    machine), so what is allowed then is a plain GET of a file the site has."""
    assert checker.requests_when_ready > 0
    base = checker.main_response.url.split(PAGE)[0]
    after_ready = [u for _, u, _ in checker.requests_with_bodies[checker.requests_when_ready:]
                   if not u.startswith(("blob:", "data:"))]
    not_site_files = [u for u in after_ready
                      if "?" in u or not u.startswith(base) or not (site_dir / u[len(base):]).is_file()]
    assert not_site_files == [], f"检查时不应有其他请求：{after_ready}"
    assert not any("pyodide" in u or "self-check" in u for u in after_ready), after_ready
    for method, url, body in checker.requests_with_bodies:
        assert method == "GET" and body is None, url
        assert url.startswith(base), url
    texts = [line.strip() for p in reports.values() if p.suffix == ".txt" and "gb18030" not in p.name
             for line in p.read_text(encoding="utf-8").splitlines() if len(line.strip()) >= 6]
    from urllib.parse import unquote

    for _, url, _ in checker.requests_with_bodies:
        assert not any(t[:6] in unquote(url) for t in texts), url
    assert checker.evaluate("window.__cspViolations") == []
    assert checker.console_errors == []
    assert browser_support.external_requests(checker) == []
