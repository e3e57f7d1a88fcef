"""scripts.rebuild_cache: an unchanged input is not computed again, a changed one is."""

from __future__ import annotations

from scripts.rebuild_cache import MAX_ENTRIES, remember_across_rebuilds


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
