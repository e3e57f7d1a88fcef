"""The glossary: the 术语表 page and the term tooltips on every page, from one file.

The source is `docs/includes/glossary.md` (see [`scripts.glossary`][scripts.glossary]).
A malformed source fails the build with its file and line.
"""

from __future__ import annotations

import posixpath
import sys
from pathlib import Path

# MkDocs loads hooks by file path; put the project root on sys.path so they can import `scripts`.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mkdocs.exceptions import PluginError

from scripts import glossary

_terms: list[glossary.Term] = []


def on_pre_build(config):
    global _terms
    try:
        _terms = glossary.load(Path(config["docs_dir"]) / "includes" / "glossary.md")
    except (OSError, glossary.GlossaryError) as exc:
        raise PluginError(str(exc)) from None


def on_page_markdown(markdown, page, config, files):
    if glossary.MARKER not in markdown:
        return markdown
    law_link = posixpath.relpath("law/index.md", posixpath.dirname(page.file.src_uri) or ".")
    return markdown.replace(glossary.MARKER, glossary.render_table(_terms, law_link))


def on_page_content(html, page, config, files):
    if page.meta.get("glossary") is False:
        return html
    return glossary.add_tooltips(html, _terms)
