"""The Content-Security-Policy of the served course, computed from the built site.

Scripts: only the site's own files (`'self'`) plus the exact inline scripts the
build contains, each allowed by its SHA-256 hash. Material writes a few small
inline scripts into every page (colour palette, tabs, `__md_scope`, which differs
with the page's depth), and mkdocs-quiz inlines its configuration, translations
and whole script into each quiz page. Their text depends on the theme and plugin
versions, their configuration and the page depth, so the hashes are taken from
the build at `make dist` time (and for the test server, from the folder it serves).

Inline event handlers: mkdocs-quiz writes `onsubmit="return false;"` on every quiz
form. CSP allows a handler only with `'unsafe-hashes'` plus the hash of the
handler's text, so exactly that text (and no other handler) may run.

Styles: no `'unsafe-inline'`. The styles the build writes into pages are allowed by
their SHA-256 hashes, taken from the build like the scripts' (`style-src`):

* `<style>` elements: mkdocs-quiz inlines its stylesheet into each quiz page;
* `style="…"` attributes, with `'unsafe-hashes'`: only mkdocs-quiz's progress panel
  still writes them (`display: none;`, `width: 0%`, the reset link's colour). The
  course's own markup has none: diagrams are SVG without style (scripts/diagrams),
  blank widths are `data-blank-chars` sized by course.css, table columns are aligned
  with `align` (mkdocs.yml, `tables: use_align_attribute`).

Scripts change styles only through the CSSOM (`element.style.width = …`, as quiz.js
and Material do), which CSP does not restrict. Any other inline style, such as one a
script writes as markup, is blocked; the whole-site crawl (tests/browser/test_crawl.py)
fails on any violation.

`<script type="application/json">` (Material's `__config`) is data, not script,
and needs no hash.

WebAssembly: the page 报告自查 (`WASM_PAGES`) runs the report checker with Pyodide,
which compiles WebAssembly. Only that page's policy (`allow_wasm`) adds
`'wasm-unsafe-eval'` to script-src; it permits compiling WebAssembly and nothing
else (no `eval` of JavaScript). Every other page keeps the policy without it.
Pyodide fetches its files from the site itself, which `connect-src 'self'` allows.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

_SCRIPT_RE = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_TYPE_RE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SRC_RE = re.compile(r"\bsrc\s*=", re.I)
_TAG_RE = re.compile(r"<[a-zA-Z][^>]*>")
_HANDLER_RE = re.compile(r"""\s(on[a-z]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_STYLE_ELEMENT_RE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.S | re.I)
_STYLE_ATTR_RE = re.compile(r"""\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
#: <script type> values the browser executes (anything else is a data block).
_JS_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript", "application/ecmascript"}

#: Every directive except script-src and style-src. Keep in step with the module docstring
#: and docs/maintainer/publishing.md.
BASE_DIRECTIVES: list[tuple[str, str]] = [
    ("default-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self' data:"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("frame-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
    ("frame-ancestors", "'self'"),
]


#: Pages (paths under the site root, as nginx sees them) whose policy allows WebAssembly.
WASM_PAGES = ["reporting/self-check/"]
WASM_SOURCE = "'wasm-unsafe-eval'"


def allow_wasm(policy_value: str) -> str:
    """The same policy with `'wasm-unsafe-eval'` added to script-src (for `WASM_PAGES`).

    A policy without script-src governs scripts by default-src; script-src is then
    added with default-src's sources plus `'wasm-unsafe-eval'`.
    """
    directives = [d.strip() for d in policy_value.split(";") if d.strip()]
    names = [d.split(" ", 1)[0] for d in directives]
    if "script-src" not in names:
        default = next((d.split(" ", 1)[1] for d in directives if d.startswith("default-src ")), "'self'")
        directives.insert(names.index("default-src") + 1 if "default-src" in names else 0, f"script-src {default}")
        names = [d.split(" ", 1)[0] for d in directives]
    i = names.index("script-src")
    if WASM_SOURCE not in directives[i].split():
        directives[i] = directives[i].replace("script-src", f"script-src {WASM_SOURCE}", 1)
    return "; ".join(directives)


def sha256_source(text: str) -> str:
    """`'sha256-…'` for a script or handler text, as CSP hashes it (UTF-8 bytes)."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def inline_scripts(page_html: str) -> list[str]:
    """The text of every executable inline <script> in a page."""
    found = []
    for m in _SCRIPT_RE.finditer(page_html):
        attrs, body = m.group(1), m.group(2)
        if _SRC_RE.search(attrs):
            continue
        t = _TYPE_RE.search(attrs)
        if (t.group(1).lower() if t else "") in _JS_TYPES:
            found.append(body)
    return found


def inline_handlers(page_html: str) -> list[str]:
    """The text of every inline event-handler attribute (onsubmit=… …) in a page."""
    markup = _SCRIPT_RE.sub("", page_html)  # handler-like text inside scripts is not markup
    return [html.unescape(m.group(2) if m.group(2) is not None else m.group(3))
            for tag in _TAG_RE.finditer(markup) for m in _HANDLER_RE.finditer(tag.group(0))]


def inline_style_elements(page_html: str) -> list[str]:
    """The text of every `<style>` element in a page (outside scripts)."""
    return _STYLE_ELEMENT_RE.findall(_SCRIPT_RE.sub("", page_html))


def style_attributes(page_html: str) -> list[str]:
    """The value of every `style="…"` attribute in a page's markup, as the browser reads it."""
    markup = _STYLE_ELEMENT_RE.sub("", _SCRIPT_RE.sub("", page_html))
    return [html.unescape(m.group(1) if m.group(1) is not None else m.group(2))
            for tag in _TAG_RE.finditer(markup) for m in _STYLE_ATTR_RE.finditer(tag.group(0))]


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in Path(site).rglob("*.html") if p.is_file())


@dataclass
class InlineCode:
    """Sorted SHA-256 sources of the inline code of a set of pages."""

    scripts: list[str]
    handlers: list[str]
    style_elements: list[str]
    style_attributes: list[str]


def collect(pages: Iterable[str]) -> InlineCode:
    """The hashes of every inline script, handler, `<style>` and `style` attribute in the page texts."""
    found: dict[str, set[str]] = {"scripts": set(), "handlers": set(), "style_elements": set(), "style_attributes": set()}
    for text in pages:
        found["scripts"].update(sha256_source(s) for s in inline_scripts(text))
        found["handlers"].update(sha256_source(h) for h in inline_handlers(text))
        found["style_elements"].update(sha256_source(s) for s in inline_style_elements(text))
        found["style_attributes"].update(sha256_source(s) for s in style_attributes(text))
    return InlineCode(**{name: sorted(hashes) for name, hashes in found.items()})


def _sources(own: list[str], attributes: list[str]) -> str:
    """`'self'`, then `'unsafe-hashes'` if attributes need it, then every hash once."""
    return " ".join(["'self'", *(["'unsafe-hashes'"] if attributes else []), *sorted(set(own) | set(attributes))])


def policy_for_pages(pages: Iterable[str]) -> str:
    code = collect(pages)
    directives = [BASE_DIRECTIVES[0], ("script-src", _sources(code.scripts, code.handlers)),
                  ("style-src", _sources(code.style_elements, code.style_attributes)), *BASE_DIRECTIVES[1:]]
    return "; ".join(f"{name} {value}" for name, value in directives)


def policy(site: Path | str) -> str:
    """The Content-Security-Policy header value for the site built in `site`."""
    return policy_for_pages(p.read_text(encoding="utf-8", errors="replace") for p in html_pages(Path(site)))


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m scripts.publish.csp", description="输出已构建网站的 Content-Security-Policy")
    parser.add_argument("site", type=Path)
    args = parser.parse_args(argv)
    if not html_pages(args.site):
        print(f"{args.site} 中没有 HTML 页面", file=__import__("sys").stderr)
        return 2
    print(policy(args.site))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
