"""The course's own search index and worker, behind Material's search box.

Material's search box, result list and highlighting stay; what changes:

- **Index** (scripts.search.index): teaching text only, every article of the
  条例 and every bank question its own entry, plus the segmentation dictionary
  and the synonyms (scripts/data/search-synonyms.yml). Material's indexer is told
  to skip every page (`search: exclude`, its documented switch), since this
  index replaces its output.
- **Worker**: Material lets a site name its own search worker (the `search` URL
  in the page's `__config`; it speaks Material's worker messages). Every page's
  `__config` gets docs/assets/javascripts/course-search.js instead of Material's
  worker; the replacement must find Material's worker URL exactly once per page,
  or the build fails (a theme upgrade must be looked at, not silently lose search).
- **Loaded on demand** (served site): `search/search_index.json`, which Material's
  page script fetches on every page, is a stub of a few hundred bytes with the
  configuration and no documents; the worker fetches `search/course-index.json`
  when the reader focuses the search box or presses the search key
  (docs/assets/javascripts/course-search-start.js tells it) or types a query.
- **Offline folder** (mkdocs-offline.yml): the whole index goes into
  `search_index.json`, which Material's offline plugin inlines into
  `search_index.js`; Material loads that script only when search opens.
"""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs loads hooks by file path; put the project root on sys.path so they can import `scripts`.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import json
import re

import mkdocs.plugins
from mkdocs.exceptions import PluginError

from scripts.search.index import build_index, load_dictionary_in_background, page_entries
from scripts.search.synonyms import SynonymError, load_synonyms

WORKER = "assets/javascripts/course-search.js"
COURSE_INDEX = "search/course-index.json"
#: Material's worker URL in the page's __config (base.html: "search": "assets/javascripts/workers/search.<hash>.min.js" | url).
_MATERIAL_WORKER_RE = re.compile(r'("search": ")([^"]*?)assets/javascripts/workers/search\.[0-9a-f]+\.min\.js"')
LAW_PAGE = "law/index.md"


class _State:
    entries: dict[str, list[dict]] = {}
    order: list[str] = []
    law_url: str = "law/"


state = _State()


def on_startup(command, dirty):
    if command == "serve":  # an edit's rebuild needs jieba's dictionary for the changed text
        load_dictionary_in_background()


def on_pre_build(config):
    state.entries, state.order = {}, []


def on_config(config):
    try:
        load_synonyms()
    except SynonymError as exc:
        raise PluginError(str(exc)) from None
    return config


@mkdocs.plugins.event_priority(50)  # before Material's search plugin reads page.meta
def on_page_context(context, page, config, nav):
    src = page.file.src_uri
    entries = page_entries(page.content or "", src, page.url, page.title or "", page.meta)
    if src not in state.entries:
        state.order.append(src)
    state.entries[src] = entries
    if src == LAW_PAGE:
        state.law_url = page.url
    search = page.meta.get("search") if isinstance(page.meta.get("search"), dict) else {}
    page.meta["search"] = {**search, "exclude": True}
    return context


def use_course_worker(output: str, page_url: str) -> str:
    """Point the page's __config at the course worker; fail unless Material's worker URL is there once."""
    found = _MATERIAL_WORKER_RE.findall(output)
    if len(found) != 1:
        raise PluginError(f"scripts/hooks/search.py: {page_url or '首页'} 中应有 1 处 Material 搜索 worker 地址，实际 {len(found)} 处："
                          "Material 版本变了，请核对 base.html 的 __config 后再发布")
    return _MATERIAL_WORKER_RE.sub(lambda m: f'{m.group(1)}{m.group(2)}{WORKER}"', output)


def on_post_page(output, page, config):
    return use_course_worker(output, page.url)


def on_post_template(output_content, template_name, config):
    # The 404 page is a template, not a page: it searches with the course worker too
    # (Material's worker is not in the site, scripts/hooks/shipped_files.py).
    if template_name == "404.html":
        return use_course_worker(output_content, "404.html")
    return output_content


def _search_config(config) -> dict:
    plugin = config.plugins.get("material/search")
    if plugin is None:
        raise PluginError("scripts/hooks/search.py: 需要 Material 的 search 插件（提供搜索框）")
    return {key: plugin.config[key] for key in ("lang", "separator", "pipeline", "fields")}


@mkdocs.plugins.event_priority(-50)  # after Material's search plugin, before its offline plugin (-100)
def on_post_build(config):
    docs = [entry for src in state.order for entry in state.entries[src]]
    search_config = _search_config(config)
    index = build_index(docs, search_config, load_synonyms(), state.law_url)
    folder = Path(config.site_dir) / "search"
    folder.mkdir(parents=True, exist_ok=True)
    dump = lambda data: json.dumps(data, ensure_ascii=False, separators=(",", ":"))  # noqa: E731
    if "material/offline" in config.plugins or "offline" in config.plugins:
        (folder / "search_index.json").write_text(dump(index), encoding="utf-8")
    else:
        (folder / "search_index.json").write_text(dump({"config": search_config, "docs": []}), encoding="utf-8")
        (folder / "course-index.json").write_text(dump(index), encoding="utf-8")
