"""Render what a page declares in its front matter.

- Module pages (`module:`): the 学习目标 / 建议学时 / 适用对象 box under the title;
  malformed front matter fails the build with the file and the problem.
- Handout pages (`handout: true`): `data-handout` on <body>, for the print stylesheet.
"""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs loads hooks by file path; put the project root on sys.path so they can import `scripts`.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mkdocs.exceptions import PluginError

from scripts import module_meta


def on_page_content(html, page, config, files):
    if "module" not in page.meta:
        return html
    found = module_meta.problems(page.meta)
    if found:
        raise PluginError(f"docs/{page.file.src_path}: " + "；".join(found))
    box = module_meta.render(page.meta)
    end = html.find("</h1>")
    return html[: end + 5] + box + html[end + 5 :] if end >= 0 else box + html


def on_post_page(output, page, config):
    if page.meta.get("handout"):
        return output.replace("<body ", "<body data-handout ", 1)
    return output
