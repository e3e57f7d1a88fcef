"""Papers, the quiz.js patches, the build hook's expansion and the QTI export."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from scripts.bank import render
from scripts.bank.model import load_bank
from scripts.bank.papers import PAPER_SIZE, TYPE_ORDER, build_papers, module_quotas, select_paper
from scripts.bank.quizjs import PATCHES, QuizJsPatchError, patch_quiz_js, plugin_script

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "bank"
sys.path.insert(0, str(ROOT / "scripts" / "hooks"))
import bank as hook  # noqa: E402  (scripts/hooks/bank.py, loaded as MkDocs loads it)


@pytest.fixture(scope="module")
def bank():
    b = load_bank(ROOT / "docs", ROOT)
    assert b.problems == []
    return b


# -- papers ---------------------------------------------------------------------

def test_papers_are_reproducible(bank):
    again = load_bank(ROOT / "docs", ROOT)
    first, second = build_papers(bank), build_papers(again)
    assert {k: [q.id for q in p.questions] for k, p in first.items()} == \
           {k: [q.id for q in p.questions] for k, p in second.items()}


def test_papers_do_not_depend_on_the_python_process(bank):
    """Two separate processes (different hash seeds) pick the same papers, options and keys."""
    code = ("from scripts.bank.model import load_bank; from scripts.bank.papers import build_papers; "
            "from scripts.bank import render; b = load_bank(); "
            "print(''.join(render.paper_markdown(p, 'practice/exams/x.md') + render.key_markdown(p, 'practice/exams/x.md') "
            "for p in build_papers(b).values()))")
    outs = []
    for seed in ("1", "2"):
        env = dict(__import__("os").environ, PYTHONHASHSEED=seed)
        proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
        outs.append(proc.stdout)
    assert outs[0] == outs[1] and len(outs[0]) > 10_000


def test_each_paper_has_50_distinct_questions_with_a_balanced_mix(bank):
    papers = build_papers(bank)
    assert list(papers) == ["A", "B", "C"]
    for paper in papers.values():
        ids = [q.id for q in paper.questions]
        assert len(ids) == PAPER_SIZE == len(set(ids))
        types = Counter(q.type for q in paper.questions)
        assert all(types[t] >= 5 for t in TYPE_ORDER), types
        modules = Counter(q.module for q in paper.questions)
        assert set(modules) == set(bank.modules), modules
        quotas = module_quotas(list(bank.by_id().values()), bank.modules)
        assert all(abs(modules[m] - quotas[m]) <= 2 for m in quotas), (modules, quotas)
        # paper order: by type, numbered 1..50
        numbers = [n for _, items in paper.sections() for n, _ in items]
        assert numbers == list(range(1, PAPER_SIZE + 1))


def test_papers_overlap_little(bank):
    papers = build_papers(bank)
    a, b, c = ({q.id for q in p.questions} for p in papers.values())
    assert len(a & b) <= 5 and len(a & c) <= 5 and len(b & c) <= 5


def test_an_unrelated_change_disturbs_a_paper_minimally(bank):
    paper = select_paper(bank, "A")
    chosen = {q.id for q in paper.questions}
    outsider = next(q for q in bank.questions if q.id not in chosen and q.module == "banli")
    edited = dataclasses.replace(bank, questions=[q for q in bank.questions if q.id != outsider.id])
    after = {q.id for q in select_paper(edited, "A").questions}
    assert len(chosen ^ after) <= 4


def test_paper_options_are_shuffled_and_the_key_follows(bank):
    from scripts.bank.model import MULTIPLE, SINGLE, parse_quiz

    paper = build_papers(bank)["A"]
    key = render.key_markdown(paper, "practice/exams/paper-a-key.md").splitlines()
    rows = {int(line.split("|")[1]): line.split("|")[4].strip() for line in key if re.match(r"^\| \d+ \|", line)}
    firsts = Counter()
    for _, items in paper.sections():
        for number, q in items:
            if q.type not in (SINGLE, MULTIPLE):
                continue
            order = render.option_order(q, "A")
            assert sorted(order) == list(range(len(q.options))) and order == render.option_order(q, "A")
            md = render.quiz_markdown(q, "practice/exams/paper-a.md", number, order)
            inner = md.split("<quiz>", 1)[1].rsplit("</quiz>", 1)[0]
            shown = parse_quiz(inner, 1)
            assert shown["options"] == [q.options[i] for i in order]
            assert sorted(shown["options"][i] for i in shown["correct"]) == sorted(q.options[i] for i in q.correct)
            assert shown["explanation"] == q.explanation
            letters = "、".join("ABCDEFGH"[i] for i in shown["correct"])
            assert rows[number].startswith(letters + "（"), (number, rows[number], letters)
            firsts[shown["correct"][0]] += 1
    assert max(firsts.values()) < sum(firsts.values()) * 0.6  # answers are not all "A"


# -- quiz.js patches ------------------------------------------------------------

def test_patches_apply_to_the_installed_plugin():
    patched = patch_quiz_js(plugin_script())
    assert "window.location.pathname;" in patched  # only as the fallback of quizPageKey()
    assert patched.count("STORAGE_KEY_PREFIX + quizPageKey()") == 3
    assert 'normalize("NFKC")' in patched and "answer.trim().toLowerCase()" not in patched
    assert "at: quizNow()" in patched and "new CustomEvent(\"quizAnswer\"" in patched


@pytest.mark.parametrize("index", range(len(PATCHES)))
def test_a_missing_source_text_fails_loudly(index):
    old = PATCHES[index][0]
    changed = plugin_script().replace(old, "/* changed by a newer plugin */")
    with pytest.raises(QuizJsPatchError, match="quiz.js"):
        patch_quiz_js(changed)


def test_the_hook_refuses_to_build_with_an_unpatchable_script(monkeypatch):
    from mkdocs.exceptions import PluginError
    from mkdocs_quiz import plugin

    monkeypatch.setattr(plugin, "js_script", plugin.js_script.replace("window.location.pathname", "location.href"))
    with pytest.raises(PluginError, match="scripts/bank/quizjs.py"):
        hook.on_config({})


def test_normalisation_in_a_javascript_engine():
    node = subprocess.run(["node", "--version"], capture_output=True) if Path("/usr/bin/node").exists() else None
    if node is None or node.returncode:
        pytest.skip("node 未安装：全角输入由浏览器测试验证")
    body = re.search(r'return String\(answer\)[^;]+;', patch_quiz_js(plugin_script())).group(0)
    script = f"function n(answer) {{ {body} }} console.log([n('６０日'), n(' Ａ Ｂ '), n('60日')].join('|'))"
    out = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "60日|ab|60日"


# -- hook ---------------------------------------------------------------------

def test_bank_quiz_directive_expands_with_links_rewritten(bank):
    md = '# 页\n\n<!-- bank-quiz module="banli" -->\n'
    out, ids = hook.expand(md, "modules/banli/index.md", bank, build_papers(bank))
    core = [q.id for q in bank.module("banli", "core")]
    assert ids == core
    assert out.count("<quiz>") == len(core)
    assert "](../../law/index.md#art-" in out  # from docs/practice/bank/ to docs/modules/banli/: same depth
    out2, _ = hook.expand('<!-- bank-quiz module="roadmap" tag="scenario" -->', "roadmap/classify.md", bank, {})
    assert "](../law/index.md#art-" in out2 and "../../law" not in out2


def test_directives_in_code_blocks_are_left_alone(bank):
    md = '```\n<!-- bank-quiz module="banli" -->\n```\n'
    assert hook.expand(md, "x.md", bank, {})[0] == md


def test_unknown_module_fails_with_file_and_line(bank):
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match=r"docs/x\.md:3: .*没有模块“nope”"):
        hook.expand('a\n\n<!-- bank-quiz module="nope" -->\n', "x.md", bank, {})


def test_rewrite_links():
    assert render.rewrite_links("[a](../../law/index.md#art-7)", "practice/bank/x.md", "index.md") == "[a](law/index.md#art-7)"
    assert render.rewrite_links("[a](#q-x-01)", "practice/bank/x.md", "modules/x/index.md") == \
        "[a](../../practice/bank/x.md#q-x-01)"
    assert render.rewrite_links("[a](https://example.org/)", "practice/bank/x.md", "index.md") == "[a](https://example.org/)"


def test_quiz_anchors_follow_metadata_and_survive_insertion():
    a = '<!-- q id="m-01" articles="" tags="core" -->\n<quiz>\nQ1\n- [x] a\n- [ ] b\n\nE\n</quiz>\n\n<quiz>\nfree\n- [x] a\n</quiz>\n'
    b = '<!-- q id="m-02" articles="" tags="core" -->\n<quiz>\nnew\n- [x] a\n- [ ] b\n\nE\n</quiz>\n\n' + a
    first, second = hook.quiz_anchors(a), hook.quiz_anchors(b)
    assert first[0] == "q-m-01" and first[1].startswith("q-h")
    assert second == ["q-m-02"] + first


def test_rename_quizzes_rewrites_ids_labels_and_links():
    html = ('<div class="quiz" data-auto-submit="true" id="quiz-0"><a href="#quiz-0" class="quiz-header-link">#</a>'
            '<div class="quiz-question" id="quiz-0-question"></div><fieldset aria-labelledby="quiz-0-question">'
            '<input id="quiz-0-1"><label for="quiz-0-1"></label></fieldset></div>'
            '<div class="quiz quiz-fill-blank" data-quiz-type="fill-blank" id="quiz-1"><input id="quiz-1-blank-0"></div>'
            '<div id="quiz-progress-sidebar"></div>')
    out = hook.rename_quizzes(html, ["q-a-01", "q-b-02"], "x")
    assert "quiz-0" not in out and "quiz-1" not in out
    for needle in ['id="q-a-01"', 'href="#q-a-01"', 'id="q-a-01-question"', 'aria-labelledby="q-a-01-question"',
                   'for="q-a-01-1"', 'id="q-b-02-blank-0"', 'id="quiz-progress-sidebar"']:
        assert needle in out
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError):
        hook.rename_quizzes(html, ["q-a-01"], "x")


def test_build_fails_on_a_malformed_bank(tmp_path):
    from mkdocs.exceptions import PluginError

    class Config(dict):
        docs_dir = str(FIXTURES / "faulty" / "docs")

    with pytest.raises(PluginError, match=r"docs/practice/bank/beta\.md:\d+: "):
        hook._load(Config())


# -- QTI and the terminal runner -----------------------------------------------

def test_qti_package_holds_the_whole_bank(tmp_path, bank):
    from scripts.bank import qti

    out = tmp_path / "bank.zip"
    assert qti.main(["-o", str(out)]) == 0
    with zipfile.ZipFile(out) as zf:
        items = sorted(n for n in zf.namelist() if n.startswith("items/"))
        assert items == sorted(f"items/{q.id}.xml" for q in bank.questions)
        assert "imsmanifest.xml" in zf.namelist()


def test_mkdocs_quiz_cli_sees_every_question(tmp_path, bank):
    out = tmp_path / "cli.zip"
    cli = Path(sys.executable).with_name("mkdocs-quiz")
    proc = subprocess.run([str(cli), "export", "qti", "docs/practice/bank", "-o", str(out)], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert f"Found {len(bank.questions)} quiz question(s)" in proc.stdout


def test_terminal_runner_runs_a_module_quiz(bank):
    cli = Path(sys.executable).with_name("mkdocs-quiz")
    first = bank.module("fuze")[0]
    proc = subprocess.run([str(cli), "run", "docs/practice/bank/fuze.md"], cwd=ROOT, input="1\n\n" * 40,
                          capture_output=True, text=True, timeout=60)
    shown = re.sub(r"\s+", "", proc.stdout)
    assert render.plain(first.stem)[:12].replace(" ", "") in shown, proc.stdout[-2000:]
