"""Session fixtures: one strict build of the site, nginx serving it under /xinfang/ on
loopback, and Chromium (Debian's, never a downloaded one) driven by Playwright.

A missing system package fails the tests with the command that installs it; no
suite is skipped silently.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.checks.runner import strict_build  # noqa: E402
from tests.support import browser as browser_support  # noqa: E402
from tests.support.servers import NGINX, Nginx, free_port  # noqa: E402

SUBPATH = "/xinfang/"
SHARED = ROOT.parent / "shared"


def _require(path: str, package: str) -> None:
    if not Path(path).exists():
        pytest.fail(f"缺少 {path}：请运行 `make test`（以 root 身份运行时会自动安装），或先执行 `sudo apt-get install -y {package}`",
                    pytrace=False)


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def strict_build_result(tmp_path_factory, site_port):
    """(site folder, build output) of one `mkdocs build --strict` of the project."""
    site = tmp_path_factory.mktemp("build") / "site"
    os.environ["SITE_URL"] = f"http://127.0.0.1:{site_port}{SUBPATH}"
    try:
        ok, output = strict_build(ROOT, site)
    finally:
        os.environ.pop("SITE_URL", None)
    if not ok:
        pytest.fail(f"严格构建失败：\n{output}", pytrace=False)
    return site, output


@pytest.fixture(scope="session")
def site_dir(strict_build_result) -> Path:
    """The built site (strict build, site_url under /xinfang/)."""
    return strict_build_result[0]


@pytest.fixture(scope="session")
def served_site(site_dir, site_port, tmp_path_factory):
    """Base URL (ending in /xinfang/) of nginx on 127.0.0.1 serving the built site."""
    _require(str(NGINX), "nginx")
    server = Nginx(site_dir, tmp_path_factory.mktemp("nginx"), site_port, SUBPATH).start()
    yield server.base_url
    server.stop()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, through Playwright."""
    _require(browser_support.CHROMIUM, "chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=browser_support.CHROMIUM, args=browser_support.CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser):
    """open_page(url, color_scheme="light", viewport=None, context=None) -> a Playwright page
    whose requests are recorded (see `external_requests`). Pass `context` to reuse a
    browser context (same localStorage)."""
    contexts = []

    def _open(url: str, color_scheme: str = "light", viewport: dict | None = None, context=None, wait_until: str = "load"):
        if context is None:
            context = browser.new_context(color_scheme=color_scheme, viewport=viewport or {"width": 1280, "height": 900},
                                          locale="zh-CN")
            contexts.append(context)
        page = context.new_page()
        browser_support.record(page)
        page.goto(url, wait_until=wait_until)
        return page

    yield _open
    for context in contexts:
        context.close()


@pytest.fixture
def external_requests():
    """external_requests(page) -> the URLs a page requested that left the loopback host."""
    return browser_support.external_requests


@pytest.fixture(scope="session")
def shared_reference() -> Path:
    """../shared/reference; tests that compare against it skip where it is absent (a user's machine)."""
    ref = SHARED / "reference"
    if not ref.is_dir():
        pytest.skip(f"../shared/reference 不存在（{ref}）：与官方参考文本逐段比对的测试只在有该目录的机器（CI）上运行")
    return ref
