"""Chromium through Playwright, recording every request a page makes."""

from __future__ import annotations

from urllib.parse import urlsplit

from scripts.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: F401  (the tests' names for them)
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}

#: [{width, height, right, viewBoxWidth, text, labels}] of every diagram's SVG on the page
#: (static SVG put inline by scripts/hooks/diagrams.py); labels are its texts of 4+ characters.
DIAGRAM_SVGS = """() => [...document.querySelectorAll("div.course-diagram > svg")].map(svg => {
  const box = svg.getBoundingClientRect();
  return {width: box.width, height: box.height, right: box.right, viewBoxWidth: svg.viewBox.baseVal.width,
          text: svg.textContent,
          labels: [...svg.querySelectorAll(".label text")].map(t => t.textContent.trim()).filter(t => t.length >= 4)};
})"""


def is_loopback(url: str) -> bool:
    """True for URLs that stay on this machine (loopback, file:, data:, blob:, about:)."""
    parts = urlsplit(url)
    if parts.scheme in {"file", "data", "blob", "about", "chrome-error"}:
        return True
    return (parts.hostname or "") in LOOPBACK_HOSTS


def record(page) -> None:
    """Attach request, failure and console recorders to a Playwright page."""
    page.recorded_requests = []
    page.failed_responses = []
    page.console_errors = []
    page.on("request", lambda req: page.recorded_requests.append(req.url))
    page.on("response", lambda res: res.status >= 400 and page.failed_responses.append((res.status, res.url)))
    page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
    page.on("pageerror", lambda err: page.console_errors.append(str(err)))


def external_requests(page) -> list[str]:
    """Every request the page made that left the loopback host."""
    return [url for url in page.recorded_requests if not is_loopback(url)]
