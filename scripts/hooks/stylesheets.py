"""Stylesheets a page waits for before it is drawn: only the ones it uses on screen.

A `<link rel="stylesheet">` without `media` holds back the first paint until it has
loaded, on a slow phone connection one round trip each. Two of the site's stylesheets
are not needed for that:

- `assets/print.css` (mkdocs.yml `extra_css`) has only `@media print` rules: its link
  gets `media="print"`, so a screen does not wait for it (browsers still load it, and
  apply it when the page is printed);
- mkdocstrings adds `assets/_mkdocstrings.css` to every page; only the pages that
  show API documentation (the 维护手册's script API page) use it, and the others
  lose the link.

If a page has no such link (a theme or plug-in upgrade changed it), it is left alone.
"""

from __future__ import annotations

import re

PRINT_CSS = "assets/print.css"
MKDOCSTRINGS_CSS = "assets/_mkdocstrings.css"
#: What mkdocstrings' output looks like: its objects are `<div class="doc doc-…">`.
_API_DOCS = 'class="doc doc-'


def _link_re(path: str) -> re.Pattern:
    return re.compile(r'<link rel="stylesheet" href="(?:\.\./)*' + re.escape(path) + r'">\n?')


_PRINT_LINK_RE = _link_re(PRINT_CSS)
_MKDOCSTRINGS_LINK_RE = _link_re(MKDOCSTRINGS_CSS)


def screen_stylesheets(output: str) -> str:
    """The page with print.css loaded for print only and mkdocstrings' CSS only where API docs are."""
    output = _PRINT_LINK_RE.sub(lambda m: m.group(0).replace('">', '" media="print">', 1), output, count=1)
    if _API_DOCS not in output:
        output = _MKDOCSTRINGS_LINK_RE.sub("", output, count=1)
    return output


def on_post_page(output, page, config):
    return screen_stylesheets(output)
