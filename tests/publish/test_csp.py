"""The Content-Security-Policy is computed from the inline scripts and handlers of the build."""

from __future__ import annotations

import base64
import hashlib

from scripts.publish import csp


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_hash_is_the_csp_sha256_of_the_exact_text():
    # SHA-256 of the empty string, base64: the well-known test vector.
    assert csp.sha256_source("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    # Whitespace counts: the browser hashes the exact text between the tags.
    assert csp.sha256_source("return false;") != csp.sha256_source("return false; ")


def test_inline_scripts_skip_external_and_data_blocks():
    page = ('<script>a()</script><script src="x.js"></script>'
            '<script id="__config" type="application/json">{"a":1}</script><script type="module">b()</script>')
    assert csp.inline_scripts(page) == ["a()", "b()"]


def test_handlers_are_unescaped_and_script_text_is_not_markup():
    page = '<form onsubmit="return false;"></form><a onclick=\'go(&quot;x&quot;)\'>x</a><script>s = "<b onload=\\"evil()\\">";</script>'
    assert csp.inline_handlers(page) == ["return false;", 'go("x")']


def test_policy_lists_every_inline_script_once_and_allows_only_own_origin(small_site):
    policy = csp.policy(small_site)
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    script_src = directives["script-src"].split()
    assert script_src[:2] == ["'self'", "'unsafe-hashes'"]
    for text in ['var depth=".";', 'var depth="..";', 'var depth="/xinfang";', "return false;"]:
        assert _hash(text) in script_src
    assert len(script_src) == 2 + 4  # three scripts + one handler, no duplicates
    assert "'unsafe-inline'" not in directives["script-src"] and "'unsafe-eval'" not in directives["script-src"]
    assert directives["default-src"] == "'self'"
    assert directives["frame-ancestors"] == "'self'"
    assert directives["object-src"] == "'none'"
    # No other host anywhere in the policy.
    assert "http" not in policy and "*" not in policy


def test_styles_are_allowed_by_hash_only(small_site):
    """No 'unsafe-inline': the one <style> of the small site and its style attributes, each by its hash."""
    page = small_site / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("<button>", '<button style="display: none;">')
                    .replace("<h1>", "<h1 style='color:&quot;red&quot;'>"), encoding="utf-8")
    directives = dict(part.strip().split(" ", 1) for part in csp.policy(small_site).split(";"))
    style_src = directives["style-src"].split()
    assert style_src[:2] == ["'self'", "'unsafe-hashes'"]
    assert set(style_src[2:]) == {_hash(".quiz { border: 1px solid; }"), _hash("display: none;"), _hash('color:"red"')}
    assert "'unsafe-inline'" not in directives["style-src"]


def test_style_attributes_and_elements_are_read_from_markup_only():
    page = ('<p style="a:1" data-style="no">x</p><style>p{}</style>'
            '<script>el.innerHTML = \'<b style="b:2">\'; s = "<style>q{}</style>";</script>')
    assert csp.style_attributes(page) == ["a:1"]
    assert csp.inline_style_elements(page) == ["p{}"]
    assert "'unsafe-hashes'" not in csp.policy_for_pages(["<style>p{}</style>"]).split("style-src")[1]


def test_policy_without_handlers_needs_no_unsafe_hashes():
    assert "'unsafe-hashes'" not in csp.policy_for_pages(["<script>a()</script>"])


def test_allow_wasm_adds_only_wasm_unsafe_eval_to_script_src():
    policy = csp.policy_for_pages(["<script>a()</script>"])
    wasm = csp.allow_wasm(policy)
    assert wasm.replace(" 'wasm-unsafe-eval'", "") == policy
    script_src = next(d for d in wasm.split("; ") if d.startswith("script-src")).split()
    assert script_src[:3] == ["script-src", "'wasm-unsafe-eval'", "'self'"]
    assert csp.allow_wasm(wasm) == wasm
    assert csp.WASM_PAGES == ["reporting/self-check/"]
    assert csp.allow_wasm("default-src 'self'; img-src data:") == "default-src 'self'; script-src 'wasm-unsafe-eval' 'self'; img-src data:"
