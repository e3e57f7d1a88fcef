"""scripts.rebuild_cache: an unchanged input is not computed again, a changed one is."""

from __future__ import annotations

import jinja2

from scripts.rebuild_cache import MAX_ENTRIES, CompiledTemplates, remember_across_rebuilds


def test_equal_arguments_reuse_the_result_and_others_are_computed():
    calls = []

    @remember_across_rebuilds
    def entries(html: str, meta: dict) -> list[str]:
        calls.append(html)
        return [html.upper(), str(meta)]

    assert entries("<p>a</p>", {"title": "x"}) == ["<P>A</P>", "{'title': 'x'}"]
    assert entries("<p>a</p>", {"title": "x"}) == ["<P>A</P>", "{'title': 'x'}"]
    assert entries("<p>a</p>", {"title": "y"}) == ["<P>A</P>", "{'title': 'y'}"]
    assert entries("<p>b</p>", {"title": "x"}) == ["<P>B</P>", "{'title': 'x'}"]
    assert calls == ["<p>a</p>", "<p>a</p>", "<p>b</p>"]


def test_the_cache_stays_bounded():
    @remember_across_rebuilds
    def square(n: int) -> int:
        return n * n

    for n in range(MAX_ENTRIES * 2):
        assert square(n) == n * n
    assert len(square.cache) == MAX_ENTRIES


def test_a_template_is_compiled_once_for_every_environment_until_it_is_edited(tmp_path, monkeypatch):
    """A rebuild makes a new Jinja environment; with the shared cache it does not compile again."""
    (tmp_path / "page.html").write_text("<h1>{{ title }}</h1>", encoding="utf-8")
    cache = CompiledTemplates()
    compiled = []
    compile_source = jinja2.Environment.compile

    def counting(self, source, *args, **kwargs):
        compiled.append(source)
        return compile_source(self, source, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)

    def render() -> str:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), bytecode_cache=cache)
        return env.get_template("page.html").render(title="信访")

    assert render() == "<h1>信访</h1>"
    assert render() == "<h1>信访</h1>"
    assert len(compiled) == 1
    (tmp_path / "page.html").write_text("<h2>{{ title }}</h2>", encoding="utf-8")
    assert render() == "<h2>信访</h2>"
    assert len(compiled) == 2
