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

Styles: `'unsafe-inline'` is needed and is the one loosening. Mermaid writes a
`<style>` element with per-diagram CSS into each diagram it renders at run time,
Material and mkdocs-quiz write `style="…"` attributes (progress bars, hidden
elements) and quiz.js puts feedback HTML with inline styles into the page; none
of this can be hashed ahead of time. Inline CSS cannot run script; script-src
stays hash-only.

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
from pathlib import Path

_SCRIPT_RE = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_TYPE_RE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SRC_RE = re.compile(r"\bsrc\s*=", re.I)
_TAG_RE = re.compile(r"<[a-zA-Z][^>]*>")
_HANDLER_RE = re.compile(r"""\s(on[a-z]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
#: <script type> values the browser executes (anything else is a data block).
_JS_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript", "application/ecmascript"}

#: Every directive except script-src. Keep in step with the module docstring and
#: docs/maintainer/publishing.md.
BASE_DIRECTIVES: list[tuple[str, str]] = [
    ("default-src", "'self'"),
    ("style-src", "'self' 'unsafe-inline'"),
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


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in Path(site).rglob("*.html") if p.is_file())


def collect(pages: Iterable[str]) -> tuple[list[str], list[str]]:
    """(sorted script hashes, sorted handler hashes) over the given page texts."""
    scripts: set[str] = set()
    handlers: set[str] = set()
    for text in pages:
        scripts.update(sha256_source(s) for s in inline_scripts(text))
        handlers.update(sha256_source(h) for h in inline_handlers(text))
    return sorted(scripts), sorted(handlers)


def policy_for_pages(pages: Iterable[str]) -> str:
    scripts, handlers = collect(pages)
    script_src = ["'self'"]
    if handlers:
        script_src.append("'unsafe-hashes'")
    script_src += sorted(set(scripts) | set(handlers))
    directives = [BASE_DIRECTIVES[0], ("script-src", " ".join(script_src)), *BASE_DIRECTIVES[1:]]
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
