"""Typing into the site's search box in Chromium, reading the results, scoring a query set.

Used by the browser tests (tests/browser/test_search*.py) and by `make bench`
(scripts/bench.py), so both read results the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[2]
QUERIES = ROOT / "tests" / "data" / "search-queries.yml"
HELDOUT = ROOT / "tests" / "data" / "search-queries-heldout.yml"

#: Resolves to the milliseconds from the key event to the first rendered result (or the "no result" line).
_TYPE_AND_WAIT = """async (query) => {
  const input = document.querySelector('.md-search__input')
  const list = document.querySelector('.md-search-result__list')
  const meta = document.querySelector('.md-search-result__meta')
  const key = () => input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true, key: 'End'}))
  input.focus()
  if (input.value) {
    input.value = ''
    key()
    await new Promise(r => setTimeout(r, 0))
    await new Promise(r => { const poll = () => list.children.length ? setTimeout(poll, 5) : r(); poll() })
  }
  return await new Promise(resolve => {
    let t0 = 0
    const done = () => { obs.disconnect(); resolve(performance.now() - t0) }
    const obs = new MutationObserver(() => {
      if (list.children.length || /没有找到/.test(meta.textContent)) done()
    })
    obs.observe(list, {childList: true})
    obs.observe(meta, {childList: true, characterData: true, subtree: true})
    input.value = query
    t0 = performance.now()
    key()
  })
}"""
_RESULTS = """() => Array.from(document.querySelectorAll('.md-search-result__item')).map(item => {
  const links = Array.from(item.querySelectorAll(':scope > a.md-search-result__link'))
  const top = links[1] || links[0]
  return {
    page: links[0] ? links[0].getAttribute('href') : '',
    top: top ? top.getAttribute('href') : '',
    text: top ? top.innerText : '',
    html: top ? top.innerHTML : ''
  }
})"""


@dataclass(frozen=True)
class Query:
    q: str
    kind: str
    expect: tuple[str, ...]


def load_queries(path: Path) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(str(row["q"]), row["kind"], tuple(row["expect"])) for row in data]


def site_path(href: str, base: str) -> str:
    """`http://…/xinfang/law/?h=x#art-34` -> `law/#art-34` (relative to the site root `base`)."""
    parts = urlsplit(href)
    path = unquote(parts.path)
    root = unquote(urlsplit(base).path)
    path = path[len(root):] if path.startswith(root) else path.lstrip("./")
    path = path.replace("index.html", "")
    return path + (f"#{unquote(parts.fragment)}" if parts.fragment else "")


def type_query(page, query: str) -> float:
    """Type `query` into the open page's search box; return ms from the key event to the first results."""
    return page.evaluate(_TYPE_AND_WAIT, query)


def results(page, base: str) -> list[dict]:
    """The result pages in order: {page, top (the first entry under the page, or the page), text, html}."""
    out = []
    for row in page.evaluate(_RESULTS):
        out.append({**row, "page": site_path(row["page"], base), "top": site_path(row["top"], base)})
    return out


def matches(result: dict, expect: str) -> bool:
    """A result page answers `expect` (`page/` or `page/#anchor`: that anchor is the page's first entry)."""
    if "#" in expect:
        return result["top"] == expect
    return result["page"] == expect


def rank(found: list[dict], query: Query) -> int | None:
    """1-based rank of the first result page that answers the query, or None."""
    for i, result in enumerate(found, 1):
        if any(matches(result, e) for e in query.expect):
            return i
    return None


def recall(ranks: list[int | None], k: int) -> float:
    return sum(1 for r in ranks if r is not None and r <= k) / len(ranks) if ranks else 0.0
