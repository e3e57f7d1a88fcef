"""Results kept from one build to the next (scripts.build_cache, scripts.apidocs_cache).

- on_config: wraps mkdocstrings' block processing (scripts.apidocs_cache);
- on_nav, once every plugin has added its files and before any page is rendered: records
  the build's pages and configuration, part of what a quiz fragment or an API block is
  kept under;
- on_env: gives the theme's and mkdocstrings' Jinja environments their stored compiled
  templates;
- on_post_build, last: writes what this build added to `.cache/build/`.
"""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs loads hooks by file path; put the project root on sys.path so they can import `scripts`.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import mkdocs.plugins
from mkdocs.exceptions import PluginError

from scripts import apidocs_cache, build_cache


def on_config(config):
    if "mkdocstrings" in config.plugins:
        try:
            apidocs_cache.patch()
        except apidocs_cache.ApiDocsPatchError as exc:
            raise PluginError(str(exc)) from None
    return config


def on_nav(nav, config, files):
    build_cache.set_site(files, config)
    return nav


def on_env(env, config, files):
    env.bytecode_cache = build_cache.template_cache("theme")
    plugin = config.plugins.get("mkdocstrings")
    if plugin is not None:
        handler = plugin.handlers.get_handler(plugin.handlers.get_handler_name({}))
        handler.env.bytecode_cache = build_cache.template_cache("mkdocstrings")
    return env


@mkdocs.plugins.event_priority(-1000)  # after every other plugin and hook has used the stores
def on_post_build(config):
    build_cache.save_all()
