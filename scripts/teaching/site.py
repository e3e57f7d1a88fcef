"""The built site as slides and the handbook see it: a strict build, a loopback server and Chromium.

Diagrams are taken from the built page exactly as a reader sees them (a PNG screenshot of the
element), whatever draws them; [`diagram_elements`][scripts.teaching.site.diagram_elements] is
the one place that knows which element holds a diagram.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from scripts import chromium as chromium_setup
from scripts.checks import build_log

CHROMIUM = Path(chromium_setup.CHROMIUM)
#: A diagram is the static SVG of its ```mermaid fence, inline in the page's article
#: (scripts/hooks/diagrams.py).
DIAGRAM_SELECTOR = "article .course-diagram > svg"
#: Screenshots at twice the CSS pixel size: sharp on a projector and on paper.
SCALE = 2


class TeachingError(Exception):
    """A problem reported as one line (what is wrong, what to do); exit code 2."""


def parse_args(prog: str, description: str, argv: list[str] | None) -> argparse.Namespace:
    """The options `make slides` and `make handbook` share: --out and --site."""
    from scripts.teaching import OUTPUT

    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("--out", type=Path, default=OUTPUT, help="输出目录（默认 build/teaching/）")
    parser.add_argument("--site", type=Path, help="用已构建好的网站目录，不再重新构建")
    return parser.parse_args(argv)


def require_built_site(site: Path | None) -> None:
    """A --site folder must be a built site."""
    if site is not None and not (site / "index.html").is_file():
        raise TeachingError(f"--site {site} 不是构建好的网站（没有 index.html）；去掉 --site 让命令自己构建")


def build_site(root: Path, site: Path) -> None:
    """`mkdocs build --strict` of `root` into `site`; TeachingError with the findings when it fails."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f",
                           str(root / "mkdocs.yml"), "-d", str(site)], cwd=root, capture_output=True, text=True, env=env)
    if proc.returncode:
        output = proc.stdout + proc.stderr
        found = build_log.findings(output, root)
        sys.stderr.write("\n".join(map(str, found)) + "\n" if found else output.strip() + "\n")
        raise TeachingError("严格构建（mkdocs build --strict）失败，见上面的输出；修正后再生成")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # the server's access log is noise here
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # Chromium drops connections it no longer needs (a page closed while loading): not an error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve `site` on 127.0.0.1 (a free port) while the block runs; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium(browser=None) -> Iterator[object]:
    """A headless Debian Chromium driven by Playwright (or `browser`, when a caller already runs
    one: Playwright's sync API cannot be started twice in a thread); TeachingError when it is missing."""
    if browser is not None:
        yield browser
        return
    if not CHROMIUM.is_file():
        raise TeachingError(f"需要 Chromium（{CHROMIUM}）来截取流程图和打印手册：请运行 sudo apt-get install -y chromium，"
                            "或运行 make test 自动安装测试所需软件")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise TeachingError("缺少 Python 包 playwright：请先运行 make setup") from None
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=chromium_setup.CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def diagram_elements(page) -> list:
    """The diagrams of the open page, in page order (Playwright element handles)."""
    return page.query_selector_all(DIAGRAM_SELECTOR)


#: True once every diagram has its height (static SVG: at once, after the stylesheets load).
_DIAGRAMS_DRAWN = """(selector) => [...document.querySelectorAll(selector)].every(el => el.getBoundingClientRect().height > 20)"""


def open_page(browser, url: str, *, width: int = 1280):
    """A new light-scheme page at `url` with its diagrams drawn."""
    page = browser.new_page(viewport={"width": width, "height": 900}, device_scale_factor=SCALE,
                            color_scheme="light")
    page.goto(url, wait_until="load")
    try:
        page.wait_for_function(_DIAGRAMS_DRAWN, arg=DIAGRAM_SELECTOR, timeout=30_000)
    except Exception as exc:  # Playwright's TimeoutError
        raise TeachingError(f"{url}：30秒内流程图没有画出来（{type(exc).__name__}）；请在浏览器中打开该页检查") from None
    return page


def diagram_pngs(page) -> list[bytes]:
    """PNG screenshots of the page's diagrams, in page order."""
    return [element.screenshot(type="png") for element in diagram_elements(page)]
