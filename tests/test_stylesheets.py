"""Stylesheets a page waits for (scripts/hooks/stylesheets.py): print.css for print only,
mkdocstrings' stylesheet only on the API page."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts" / "hooks"))
import stylesheets  # noqa: E402  (scripts/hooks/stylesheets.py, loaded as MkDocs loads it)

PAGE = ('<head><link rel="stylesheet" href="../assets/_mkdocstrings.css">\n'
        '<link rel="stylesheet" href="../assets/course.css">\n<link rel="stylesheet" href="../assets/print.css">\n</head>')


def _links(html: str) -> list[str]:
    return re.findall(r"<link rel=\"stylesheet\"[^>]*>", html)


def test_print_css_is_for_print_and_mkdocstrings_css_goes_without_api_docs():
    assert _links(stylesheets.screen_stylesheets(PAGE)) == [
        '<link rel="stylesheet" href="../assets/course.css">',
        '<link rel="stylesheet" href="../assets/print.css" media="print">',
    ]


def test_a_page_with_api_docs_keeps_mkdocstrings_css():
    out = stylesheets.screen_stylesheets(PAGE + '<div class="doc doc-object doc-module">')
    assert '<link rel="stylesheet" href="../assets/_mkdocstrings.css">' in out


def test_built_pages(site_dir):
    for page, api in (("law/index.html", False), ("index.html", False), ("maintainer/api/index.html", True)):
        links = _links((site_dir / page).read_text(encoding="utf-8"))
        print_links = [link for link in links if "assets/print.css" in link]
        assert len(print_links) == 1 and print_links[0].endswith('print.css" media="print">'), page
        assert any("_mkdocstrings.css" in link for link in links) == api, page
