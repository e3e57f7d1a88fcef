"""Reading mkdocs.yml the way the checks need it: the nav, with line numbers, and
the pages deliberately kept out of it (`not_in_nav`, gitignore-style patterns as
MkDocs reads them).

mkdocs.yml uses tags (`!ENV`, `!!python/name:`) that plain YAML loaders reject;
they are read here as plain values, since the checks only need the nav.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps line numbers and ignores MkDocs' custom tags."""


def _any_tag(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_mapping(node, deep=True)


_Loader.add_multi_constructor("!", _any_tag)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


@dataclass(frozen=True)
class NavEntry:
    """One page listed in the nav: its title (may be None), docs-relative path and line in mkdocs.yml."""

    title: str | None
    path: str
    line: int


def nav_entries(config_path: Path) -> list[NavEntry]:
    """Every page path in the nav of `config_path`, in order, with its line number."""
    root = yaml.compose(config_path.read_text(encoding="utf-8"), Loader=_Loader)
    nav_node = None
    for key, value in root.value:
        if key.value == "nav":
            nav_node = value
    entries: list[NavEntry] = []

    def walk(node, title=None):
        if isinstance(node, yaml.ScalarNode):
            value = node.value
            if not value.startswith(("http://", "https://")):
                entries.append(NavEntry(title, value, node.start_mark.line + 1))
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(value, key.value)

    if nav_node is not None:
        walk(nav_node)
    return entries


def not_in_nav(config_path: Path):
    """A matcher (`match_file(path)`) for the docs-relative pages `not_in_nav` keeps out of the nav."""
    import pathspec

    patterns = str(load(config_path).get("not_in_nav") or "")
    return pathspec.GitIgnoreSpec.from_lines(patterns.splitlines())


def load(config_path: Path) -> dict:
    """mkdocs.yml as a dict (custom tags read as plain values)."""
    return yaml.load(config_path.read_text(encoding="utf-8"), Loader=_Loader) or {}
