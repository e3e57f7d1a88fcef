"""`mkdocs serve`: the theme's and mkdocstrings' Jinja templates are compiled once per
process, not again for every rebuild (see `scripts.rebuild_cache.CompiledTemplates`).

A rebuild after saving a page spent a noticeable part of its time parsing and compiling
the same templates; a plain `mkdocs build` compiles each once either way.
"""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs loads hooks by file path; put the project root on sys.path so they can import `scripts`.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from scripts.rebuild_cache import COMPILED_TEMPLATES


def on_env(env, config, files):
    env.bytecode_cache = COMPILED_TEMPLATES
    plugin = config.plugins.get("mkdocstrings")
    if plugin is not None:
        plugin.handlers.get_handler(plugin.handlers.get_handler_name({})).env.bytecode_cache = COMPILED_TEMPLATES
    return env
