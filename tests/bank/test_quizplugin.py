"""The build-time changes to mkdocs-quiz's plugin (scripts.bank.quizplugin): same HTML, guarded patches."""

from __future__ import annotations

import inspect
from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs_quiz import plugin as quiz_plugin

from scripts.bank.model import load_bank
from scripts.bank.quizplugin import SOURCE_TEXTS, QuizPluginPatchError, check_plugin_source, plain_paragraph

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def converter():
    config = load_config(str(ROOT / "mkdocs.yml"))
    md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {})

    def convert(text: str) -> str:
        md.reset()
        return md.convert(text)

    return convert


def _fragments() -> list[str]:
    """Every text mkdocs-quiz converts on its own for the bank: stems, options, feedback, explanations."""
    parser = quiz_plugin.MkDocsQuizPlugin()
    out = []
    for q in load_bank(ROOT / "docs", ROOT).questions:
        inner = q.source.split("<quiz>", 1)[1].rsplit("</quiz>", 1)[0]
        lines = [line for line in inner.strip("\n").splitlines()]
        if q.type == "fill":
            out.append(q.stem)
            out.append(q.explanation)
            continue
        stem, answers, _, feedbacks, start = parser._parse_quiz_question_and_answers(lines)
        out += [stem, *answers, *feedbacks, "\n".join(lines[start:])]
    return [f for f in out if f]


def test_the_short_cut_gives_what_markdown_gives_for_every_bank_fragment(converter):
    fragments = _fragments()
    plain = [f for f in fragments if plain_paragraph(f) is not None]
    assert len(plain) > len(fragments) / 3  # most options are a few plain words
    for text in plain:
        assert plain_paragraph(text) == converter(text), text


@pytest.mark.parametrize("text", [
    "**重点**", "见[第一条](a.md)", "1. 列表", "- 列表", "# 标题", "a_b_c", "甲 & 乙", "<b>x</b>", "`code`",
    "x^2^", "==mark==", "~~del~~", ":smile:", "a | b", "{: .x }", " 前导空格", "末尾空格 ", "两行\n文字", "a  b",
    "> 引用", "+ 列表", "a\\b", "![图](x.png)", "[[答案]]",
])
def test_text_with_markdown_meaning_takes_the_full_conversion(text):
    assert plain_paragraph(text) is None


def test_plain_words_take_the_short_cut(converter):
    for text in ["最初受理的行政机关", "60日", "正确", "Ａ Ｂ", "第十七条（2022年）", "15日内，书面告知信访人。"]:
        assert plain_paragraph(text) == converter(text) == f"<p>{text}</p>"


def test_the_installed_plugin_has_every_text_the_patches_rely_on():
    check_plugin_source(inspect.getsource(quiz_plugin))


@pytest.mark.parametrize("index", range(len(SOURCE_TEXTS)))
def test_a_changed_plugin_fails_loudly(index):
    text = SOURCE_TEXTS[index][0]
    with pytest.raises(QuizPluginPatchError, match="plugin.py"):
        check_plugin_source(inspect.getsource(quiz_plugin).replace(text, "# changed by a newer plugin\n"))


def test_an_unchanged_fragment_is_not_converted_again_unless_it_warned(tmp_path, monkeypatch):
    import logging
    from types import SimpleNamespace

    from scripts import build_cache
    from scripts.bank import quizplugin

    monkeypatch.setattr(quizplugin, "FRAGMENTS", build_cache.Store("quiz-fragments", tmp_path))

    calls = []
    plugin = quiz_plugin.MkDocsQuizPlugin()

    def convert(text, page, config, files, md_inst=None):
        calls.append(text)
        if "missing" in text:
            logging.getLogger("mkdocs.structure.pages").warning("link to missing.md not found")
        return f"<p>{text}!</p>"

    plugin._convert_fragment_markdown = convert
    quizplugin.patch_plugin(plugin)
    page = SimpleNamespace(file=SimpleNamespace(src_uri="practice/bank/banli.md", url="practice/bank/banli/"))
    config = SimpleNamespace(config_file_path=str(ROOT / "mkdocs.yml"))

    def build():  # another build: new Files, same pages
        files = SimpleNamespace(documentation_pages=lambda: [])
        build_cache.set_site(files, config)
        return [plugin._convert_fragment_markdown(t, page, config, files) for t in
                ("见[第一条](../../law/index.md#art-1)", "见[缺失](missing.md)", "最初受理的行政机关")]

    first, second = build(), build()
    assert first == second == ["<p>见[第一条](../../law/index.md#art-1)!</p>", "<p>见[缺失](missing.md)!</p>",
                               "<p>最初受理的行政机关</p>"]
    # the link is converted once; the fragment that warned is converted (and warns) in every build
    assert calls == ["见[第一条](../../law/index.md#art-1)", "见[缺失](missing.md)", "见[缺失](missing.md)"]
    other = SimpleNamespace(file=SimpleNamespace(src_uri="modules/banli/index.md", url="modules/banli/"))
    plugin._convert_fragment_markdown("见[第一条](../../law/index.md#art-1)", other, config,
                                      SimpleNamespace(documentation_pages=lambda: []))
    assert len(calls) == 4  # another page: converted for that page
