"""The 脚本 API page's `::: scripts.x` blocks kept between builds (a change to mkdocstrings' Markdown extension).

mkdocstrings loads the whole `scripts/` package with griffe and renders each
`:::` block through several dozen Jinja templates, about a second of every
build for a page that only changes when the code does. This module wraps
`AutoDocProcessor._process_block` (mkdocstrings' Markdown extension) so that a
block's result is kept by scripts.build_cache, keyed by

- the block (identifier, options, heading level) and its page (source, URL),
- the site's pages and configuration (`build_cache.site_signature()`),
- and, through the code version, the text of every file in `scripts/` and the
  versions of mkdocstrings, its Python handler and griffe.

What is kept for a block is everything the rest of the extension reads from it:
the rendered HTML, the headings the handler gathered (for the table of contents,
autorefs and the inventory) and the aliases of each heading's object. A block whose
rendering logged a warning is not kept, so the warning comes back in every build.

Each change relies on a text in mkdocstrings' source; `check_source` finds each
one the expected number of times or `ApiDocsPatchError` stops the build, as
scripts.bank.quizjs does for quiz.js, so an upgrade is looked at, not silently
mis-patched.
"""

from __future__ import annotations

import copy
import inspect

import yaml

from scripts import build_cache
from scripts.upstream_text import mismatch

#: (text in mkdocstrings' extension.py or handlers/base.py the change relies on, how many times it occurs)
SOURCE_TEXTS: list[tuple[str, int]] = [
    # The processor gets HTML, handler and item from this method, and uses only HTML and handler.
    ("html, handler, _ = self._process_block(identifier, block, heading_level)", 1),
    ("    def _process_block(\n        self,\n        identifier: str,\n        yaml_block: str,\n        heading_level: int = 0,\n", 1),
    # Then it reads the headings the handler gathered while rendering, and their aliases.
    ("headings = handler.get_headings()", 1),
    ("aliases = handler.get_aliases(rendered_id)", 1),
    # The handler gathers headings in this list (base.py).
    ("self._headings.append(el)", 1),
]
PATCHED = "_xinfang_kept"
BLOCKS = build_cache.store("api-blocks")


class ApiDocsPatchError(RuntimeError):
    """mkdocstrings' source no longer contains a text this module relies on."""


def check_source(source: str) -> None:
    """Raise ApiDocsPatchError naming the first text not found the expected number of times."""
    problem = mismatch(source, SOURCE_TEXTS, "mkdocstrings 的源码", "scripts/apidocs_cache.py")
    if problem:
        raise ApiDocsPatchError(problem)


def _with_known_aliases(handler) -> dict[str, tuple[str, ...]]:
    """The handler's table of aliases kept with blocks; its `get_aliases` answers from it first."""
    known = handler.__dict__.get("_xinfang_aliases")
    if known is None:
        known = {}
        original = handler.get_aliases
        handler.get_aliases = lambda identifier: known[identifier] if identifier in known else original(identifier)
        handler._xinfang_aliases = known
    return known


def patch() -> None:
    """Wrap `AutoDocProcessor._process_block` once per process."""
    from mkdocstrings._internal import extension
    from mkdocstrings._internal.handlers import base

    check_source(inspect.getsource(extension) + inspect.getsource(base))
    processor = extension.AutoDocProcessor
    if getattr(processor, PATCHED, False):
        return
    process_block = processor._process_block

    def kept_process_block(self, identifier: str, yaml_block: str, heading_level: int = 0):
        page = getattr(self._autorefs, "current_page", None)
        where = (page.file.src_uri, page.url) if page is not None else ("", "")
        key = build_cache.key_of(identifier, yaml_block, heading_level, *where, build_cache.site_signature())
        stored = BLOCKS.get(key)
        if stored is not None:
            html, headings, aliases = stored
            handler = self._handlers.get_handler(self._handlers.get_handler_name(yaml.safe_load(yaml_block) or {}))
            handler._headings.extend(copy.deepcopy(headings))
            _with_known_aliases(handler).update(aliases)
            return html, handler, None
        with build_cache.counting_warnings() as warnings:
            html, handler, item = process_block(self, identifier, yaml_block, heading_level)
            headings = handler.get_headings()
            handler._headings.extend(headings)
            aliases = {h.get("id"): tuple(handler.get_aliases(h.get("id"))) for h in headings if h.get("id")}
        if not warnings.count:
            BLOCKS.put(key, (html, copy.deepcopy(headings), aliases))
        return html, handler, item

    processor._process_block = kept_process_block
    setattr(processor, PATCHED, True)
