"""Changes to mkdocs-quiz's Python plugin (plugin.py) that make the build fast; the HTML is unchanged.

mkdocs-quiz 1.7 renders each of a page's quizzes on its own (about 750 in a
course build), and for each one

1. builds a new Markdown instance with every configured extension (the plugin
   reuses it within the quiz, resetting it before each fragment): the course
   keeps one instance per page, made when a fragment first needs it and reset the
   same way before every fragment;
2. reads and parses its translation files (.po) again: the course parses them once
   per build (the cache is keyed by the files' modification times, so an edited
   file is read again under `make serve`);
3. runs that Markdown instance on every fragment, even an option that is a few
   words of plain text (最初受理的行政机关): a fragment with no character that
   Markdown or a configured extension gives a meaning to becomes `<p>text</p>`
   directly, exactly what the conversion returns for it (tests/bank/test_quizplugin.py
   compares both for every fragment of the bank).

A converted fragment is also kept between builds (scripts.build_cache, in memory under
`mkdocs serve` and on disk), keyed by its text, its page, the site's list of pages and
the configuration files' text, so the quizzes of an unchanged page are not converted
again; a conversion that logged a warning (a broken link) or that includes a snippet
file is never kept.

Each change relies on a text in the plugin's source; `check_plugin_source` finds
each one the expected number of times or `QuizPluginPatchError` stops the build,
as scripts.bank.quizjs does for quiz.js, so a plugin upgrade is looked at, not
silently mis-patched.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path

from scripts import build_cache
from scripts.upstream_text import mismatch

#: (text in mkdocs_quiz/plugin.py the patches rely on, how many times it occurs)
SOURCE_TEXTS: list[tuple[str, int]] = [
    # 1: the instance is made by this method, and reset before each fragment.
    ("md_inst = self._create_fragment_markdown(page, config, files)", 3),
    ("        if md_inst is not None:\n            md_inst.reset()\n", 1),
    # 2: translations are built by this one call.
    ("return TranslationManager(language, custom_path)", 1),
    # 3: every fragment goes through this method.
    ("return md_inst.convert(text)", 1),
    ("self._convert_fragment_markdown(", 6),
]
#: Marker proving a plugin instance has been patched.
PATCHED = "_xinfang_patched"

#: A fragment taking the short cut: one line of text in which no character means anything to
#: Markdown (core: \ ` * _ [ ] < > & ! # and leading digits "1. "; tables |; attr_list { };
#: def_list, emoji :; caret ^; mark =; tilde ~; lists + -) and no leading or trailing space.
_PLAIN_RE = re.compile(r"[^\x00-\x20\x7f\\`*_\[\]<>&!#|{}:^=~+\-][^\x00-\x1f\x7f\\`*_\[\]<>&!#|{}:^=~+\-]*")
_NOT_PLAIN_RE = re.compile(r"^\s|^\d+[.)]| {2}|\s$")


#: Converted fragments, kept between builds (scripts.build_cache).
FRAGMENTS = build_cache.store("quiz-fragments")


class QuizPluginPatchError(RuntimeError):
    """mkdocs-quiz's plugin.py no longer contains a text the course's patches rely on."""


def plain_paragraph(text: str) -> str | None:
    """`<p>text</p>` for a fragment Markdown would turn into exactly that, else None."""
    if not _PLAIN_RE.fullmatch(text) or _NOT_PLAIN_RE.search(text):
        return None
    return f"<p>{text}</p>"


def check_plugin_source(source: str) -> None:
    """Raise QuizPluginPatchError naming the first text not found the expected number of times."""
    problem = mismatch(source, SOURCE_TEXTS, "mkdocs-quiz 的 plugin.py ", "scripts/bank/quizplugin.py")
    if problem:
        raise QuizPluginPatchError(problem)


def _plugin_module():
    from mkdocs_quiz import plugin

    return plugin


class _Translations:
    """One TranslationManager per language, custom file and the files' modification times."""

    def __init__(self, make):
        self.make = make
        self.cache: dict[tuple, object] = {}

    def __call__(self, language="en", custom_path=None):
        stamp = Path(custom_path).stat().st_mtime_ns if custom_path and Path(custom_path).exists() else None
        key = (language, str(custom_path), stamp)
        if key not in self.cache:
            self.cache[key] = self.make(language, custom_path)
        return self.cache[key]


class _PageMarkdown:
    """A page's fragment Markdown instance, made when a fragment first needs converting
    (not at all when every fragment of the page is plain or already kept)."""

    def __init__(self, make):
        self.make = make
        self.md = None

    def reset(self):
        if self.md is not None:
            self.md.reset()
        return self

    def convert(self, text: str) -> str:
        if self.md is None:
            self.md = self.make()
        return self.md.convert(text)


def patch_plugin(plugin) -> None:
    """Apply the three changes to one MkDocsQuizPlugin instance (and the module's translation factory)."""
    module = _plugin_module()
    check_plugin_source(inspect.getsource(module))
    if getattr(plugin, PATCHED, False):
        return
    if not isinstance(module.TranslationManager, _Translations):
        module.TranslationManager = _Translations(module.TranslationManager)

    create = plugin._create_fragment_markdown
    convert = plugin._convert_fragment_markdown
    last: dict[str, object] = {}

    def create_for_page(page, config, files):
        if last.get("page") is not page or last.get("files") is not files or last.get("config") is not config:
            last.update(page=page, files=files, config=config, md=_PageMarkdown(lambda: create(page, config, files)))
        return last["md"]

    def convert_fragment(text, page, config, files, md_inst=None):
        html = plain_paragraph(text)
        if html is not None:
            return html
        key = build_cache.key_of(text, page.file.src_uri, page.file.url, build_cache.site_signature())
        stored = FRAGMENTS.get(key)
        if stored is not None:
            return stored
        with build_cache.counting_warnings() as warnings:
            html = convert(text, page, config, files, md_inst=md_inst)
        if not warnings.count and "--8<--" not in text:
            FRAGMENTS.put(key, html)
        return html

    plugin._create_fragment_markdown = create_for_page
    plugin._convert_fragment_markdown = convert_fragment
    setattr(plugin, PATCHED, True)
