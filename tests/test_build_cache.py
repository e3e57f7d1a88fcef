"""scripts.build_cache: results kept from one build to the next change nothing a reader or the author sees.

- an unchanged input is not computed again, in the same process or the next one; a changed one is;
- results stored under other code (an edited script, an upgrade) are not used;
- a damaged cache file is an empty cache, not an error;
- a Jinja template is compiled once until its text changes;
- a build that finds every result kept gives the same site, file for file, as the build that computed them;
- a warning (a quiz explanation's broken link) fails every strict build, not only the first.
"""

from __future__ import annotations

import filecmp
import os

import jinja2
import pytest

from scripts import build_cache
from scripts.checks.runner import strict_build
from tests.support.project import copy_project


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setattr(build_cache, "CACHE_DIR", folder)
    monkeypatch.setattr(build_cache, "STORES", {})
    return folder


def test_equal_arguments_reuse_the_result_and_others_are_computed(cache_dir):
    calls = []

    @build_cache.remember
    def entries(html: str, meta: dict) -> list[str]:
        calls.append(html)
        return [html.upper(), str(meta)]

    assert entries("<p>a</p>", {"title": "x"}) == ["<P>A</P>", "{'title': 'x'}"]
    assert entries("<p>a</p>", {"title": "x"}) == ["<P>A</P>", "{'title': 'x'}"]
    assert entries("<p>a</p>", {"title": "y"}) == ["<P>A</P>", "{'title': 'y'}"]
    assert entries("<p>b</p>", {"title": "x"}) == ["<P>B</P>", "{'title': 'x'}"]
    assert calls == ["<p>a</p>", "<p>a</p>", "<p>b</p>"]


def test_every_package_of_the_code_version_is_installed():
    """A renamed distribution would silently drop out of the code version, and an upgrade would go unnoticed."""
    import importlib.metadata

    for name in build_cache.PACKAGES:
        assert importlib.metadata.version(name), name


def _kept(name: str, folder) -> build_cache.Store:
    """A store as the next process sees it: read from disk."""
    return build_cache.Store(name, folder)


def test_results_are_kept_for_the_next_build_until_the_code_changes(cache_dir, monkeypatch):
    first = build_cache.Store("entries", cache_dir)
    first.put("k", ["条目"])
    first.save()
    assert _kept("entries", cache_dir).get("k") == ["条目"]
    build_cache.code_version.cache_clear()
    monkeypatch.setattr(build_cache, "code_version", lambda: "an edited script")
    assert _kept("entries", cache_dir).get("k") is None


def test_a_save_keeps_what_the_build_used_and_older_results_up_to_the_limit(cache_dir, monkeypatch):
    monkeypatch.setattr(build_cache, "MAX_ENTRIES", 3)
    s = build_cache.Store("entries", cache_dir)
    for n in range(5):
        s.put(str(n), n)
    s.save()
    assert len(_kept("entries", cache_dir)._load()) == 5  # all used by that build
    s = _kept("entries", cache_dir)
    s.get("4")
    s.put("new", 1)
    s.save()
    kept = _kept("entries", cache_dir)._load()
    assert {"4", "new"} <= set(kept) and len(kept) == 3


def test_a_damaged_cache_file_is_an_empty_cache(cache_dir):
    cache_dir.mkdir(parents=True)
    (cache_dir / "entries.pickle").write_bytes(b"\x80\x05not a pickle")
    s = build_cache.Store("entries", cache_dir)
    assert s.get("k") is None
    s.put("k", 1)
    s.save()
    assert _kept("entries", cache_dir).get("k") == 1


def test_a_template_is_compiled_once_for_every_environment_until_it_is_edited(cache_dir, tmp_path, monkeypatch):
    """Each build makes new Jinja environments; with the stored code they do not compile again."""
    build_cache.template_cache.cache_clear()
    (tmp_path / "page.html").write_text("<h1>{{ title }}</h1>", encoding="utf-8")
    compiled = []
    compile_source = jinja2.Environment.compile

    def counting(self, source, *args, **kwargs):
        compiled.append(source)
        return compile_source(self, source, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)

    def render() -> str:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path),
                                 bytecode_cache=build_cache.template_cache("test"))
        return env.get_template("page.html").render(title="信访")

    try:
        assert render() == "<h1>信访</h1>"
        assert render() == "<h1>信访</h1>"
        assert len(compiled) == 1
        (tmp_path / "page.html").write_text("<h2>{{ title }}</h2>", encoding="utf-8")
        assert render() == "<h2>信访</h2>"
        assert len(compiled) == 2
    finally:
        build_cache.template_cache.cache_clear()


def _differences(a, b) -> list[str]:
    out = []

    def walk(cmp: filecmp.dircmp, prefix: str) -> None:
        out.extend(prefix + name for name in cmp.left_only + cmp.right_only + cmp.funny_files)
        out.extend(prefix + name for name in cmp.common_files
                   if not filecmp.cmp(os.path.join(cmp.left, name), os.path.join(cmp.right, name), shallow=False))
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(a, b), "")
    return out


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A copy of the project: its .cache/build starts empty."""
    return copy_project(tmp_path_factory.mktemp("cache") / "project")


def test_a_build_from_kept_results_is_the_same_site(project, tmp_path):
    ok, output = strict_build(project, tmp_path / "first")
    assert ok, output
    assert (project / ".cache/build/api-blocks.pickle").is_file()
    ok, output = strict_build(project, tmp_path / "second")
    assert ok, output
    assert _differences(tmp_path / "first", tmp_path / "second") == []


def test_a_warning_fails_every_strict_build_not_only_the_first(project, tmp_path):
    bank = project / "docs/practice/bank/fuze.md"
    bank.write_text(bank.read_text(encoding="utf-8").replace(
        "依据[第四十八条](../../law/index.md#art-48)", "依据[第四十八条](../../law/missing.md#art-48)", 1), encoding="utf-8")
    for run in ("first", "second"):
        ok, output = strict_build(project, tmp_path / run)
        assert not ok and "law/missing.md" in output, f"{run} build:\n{output[-2000:]}"


def test_the_api_block_change_stops_the_build_when_mkdocstrings_changes():
    import inspect

    from mkdocstrings._internal import extension
    from mkdocstrings._internal.handlers import base

    from scripts import apidocs_cache

    source = inspect.getsource(extension) + inspect.getsource(base)
    apidocs_cache.check_source(source)
    for text, _ in apidocs_cache.SOURCE_TEXTS:
        with pytest.raises(apidocs_cache.ApiDocsPatchError, match="mkdocstrings 的源码中应有"):
            apidocs_cache.check_source(source.replace(text, "…"))
