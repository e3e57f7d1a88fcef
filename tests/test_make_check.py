"""`python -m scripts check` (what `make check` runs) on a copy of the project with one fault
of each kind planted: each is reported as the Markdown (or template, or law page) path and
line the author edits, and the command exits non-zero."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.support.project import copy_project

#: Faults planted in the guide, each on its own line: (line text, words the finding must hold).
PLANTED = [
    # a figure cited in the common forms, attached to an article that does not have it
    ("第二十六条规定，多人走访推选代表不得超过5人。", "“5人”不在所引的第二十六条中"),
    ("《信访工作条例》第三十三条规定，信访事项应当自受理之日起60日内办结。", "“60日”不在所引的第三十三条中"),
    ("信访人应当在15日内提出复查请求，这是第三十五条的规定。", "“15日”不在所引的第三十五条中"),
    # 款 and 项 that do not exist
    ("依据第三十一条第八项处理。", "“第三十一条第八项”不存在：第三十一条只有6项"),
    ("见[第二十三条](../law/index.md#art-23)第六款。", "“第二十三条第六款”不存在：第二十三条只有4款"),
    ("第三十四条第七项另有规定。", "“第三十四条第七项”不存在：第三十四条不分项"),
    # restatements that drop a condition
    ("依照第三十四条，信访事项应当自受理之日起60日内办结。", "（60日办结）缺少条件“第三十一条第六项规定的信访事项”"),
    ("延长期限不得超过30日（第三十四条）。", "（延长办理期限）缺少条件“情况复杂的”、“经本机关、单位负责人批准”"),
    ("转送、交办来的信访事项，应当自收到之日起15日内书面告知信访人（第二十三条第三款）。", "（转送交办15日告知）缺少条件“属于本机关、单位职权范围的”"),
    ("市、县级党委和政府组织有关机关、单位联合接待（第十八条）。", "（联合接待）缺少条件“根据工作需要”"),
    # a verbatim fragment that loses its condition
    ("“信访事项应当自受理之日起60日内办结”（《信访工作条例》第三十四条）。", "（60日办结）缺少条件"),
]

TRUE_FALSE = """
<!-- q id="tizhi-99" articles="20" tags="" -->
<quiz>
多人采用走访形式提出共同的信访事项的，代表人数不得超过6人。
- [x] 正确
- [ ] 错误

依据[第二十条](../../law/index.md#art-20)第三款，应当推选代表。
</quiz>
"""


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    copy = copy_project(tmp_path_factory.mktemp("planted") / "project")
    lines = {}
    # structure: a page that is not in the nav (also a strict-build warning)
    (copy / "docs/orphan.md").write_text("---\ntitle: 孤立页面\ndescription: 不在导航中\n---\n# 孤立页面\n", encoding="utf-8")
    # citations, figures, conditions: planted in the guide's body
    guide = copy / "docs/guide/index.md"
    block = "\n\n".join(["依照条例第五十三条办理。", *(text for text, _ in PLANTED)])
    text = guide.read_text(encoding="utf-8").replace("## 课程对象\n", f"## 课程对象\n\n{block}\n", 1)
    guide.write_text(text, encoding="utf-8")
    body = text.splitlines()
    for planted_text in ["依照条例第五十三条办理。", *(t for t, _ in PLANTED)]:
        lines[planted_text] = body.index(planted_text) + 1
    # a Markdown link to a missing anchor: MkDocs' own strict-build warning
    lines["anchor"] = body.index("## 课程对象") + 1
    text = text.replace("## 课程对象\n", "## 课程对象\n\n[不存在的锚点](#no-such-anchor)\n", 1)
    guide.write_text(text, encoding="utf-8")
    body = text.splitlines()
    lines = {k: body.index(k) + 1 if k in body else v for k, v in lines.items()}
    lines["anchor"] = body.index("[不存在的锚点](#no-such-anchor)") + 1
    # quiz: a true/false statement marked 正确 with a figure its article does not have
    bank = copy / "docs/practice/bank/tizhi.md"
    bank_text = bank.read_text(encoding="utf-8") + TRUE_FALSE
    bank.write_text(bank_text, encoding="utf-8")
    lines["truefalse"] = bank_text.splitlines().index("多人采用走访形式提出共同的信访事项的，代表人数不得超过6人。") + 1
    # the law text itself: one character changed in 第二十条
    law = copy / "docs/law/index.md"
    law_text = law.read_text(encoding="utf-8")
    law.write_text(law_text.replace("代表人数不得超过5人。", "代表人数不得超过3人。", 1), encoding="utf-8")
    lines["law"] = law_text.splitlines().index("多人采用走访形式提出共同的信访事项的，应当推选代表，代表人数不得超过5人。") + 1
    # links and offline: a template with a dead internal link and a script from a CDN
    main = copy / "overrides/main.html"
    main_text = main.read_text(encoding="utf-8") + """
{% block announce %}<a href="{{ 'no-such-page/' | url }}">公告</a>
<script src="https://cdn.example.com/tracker.js"></script>{% endblock %}
"""
    main.write_text(main_text, encoding="utf-8")
    lines["template-link"] = main_text.splitlines().index("{% block announce %}<a href=\"{{ 'no-such-page/' | url }}\">公告</a>") + 1
    lines["template-script"] = lines["template-link"] + 1
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run([sys.executable, "-m", "scripts", "check", "--root", str(copy)], cwd=copy,
                          capture_output=True, text=True, env=env)
    return proc, lines


def test_check_exits_non_zero(planted):
    proc, _ = planted
    assert proc.returncode == 1, proc.stdout + proc.stderr


def test_structure_fault_is_reported(planted):
    proc, _ = planted
    assert "docs/orphan.md:1: 页面不在导航中：在 mkdocs.yml 的 nav 中加入 orphan.md" in proc.stdout


def test_citation_fault_is_reported_with_its_line(planted):
    proc, lines = planted
    assert f"docs/guide/index.md:{lines['依照条例第五十三条办理。']}: “第五十三条”：《信访工作条例》没有第五十三条（共50条）" in proc.stdout


@pytest.mark.parametrize(("text", "words"), PLANTED, ids=[f"planted-{i}" for i in range(len(PLANTED))])
def test_each_planted_law_fault_is_reported_at_its_markdown_line(planted, text, words):
    proc, lines = planted
    reported = [line for line in proc.stdout.splitlines() if line.startswith(f"docs/guide/index.md:{lines[text]}: ")]
    assert any(words in line for line in reported), f"{text} → {reported}"


def test_true_false_statement_marked_correct_is_checked_against_its_articles(planted):
    proc, lines = planted
    assert f"docs/practice/bank/tizhi.md:{lines['truefalse']}: “6人”不在本题所考的第二十条中" in proc.stdout


def test_changed_law_text_is_reported_at_its_line_without_shared(planted):
    proc, lines = planted
    assert f"docs/law/index.md:{lines['law']}: 第二十条第3段与官方文本不一致" in proc.stdout


def test_strict_build_warning_fails_and_names_the_markdown_line(planted):
    proc, lines = planted
    assert f"docs/guide/index.md:{lines['anchor']}: 严格构建警告：" in proc.stdout
    assert "no-such-anchor" in proc.stdout


def test_template_link_fault_is_reported_at_the_template_line(planted):
    proc, lines = planted
    assert f"overrides/main.html:{lines['template-link']}: 链接 " in proc.stdout
    assert "no-such-page/ 指向的文件不存在" in proc.stdout


def test_external_script_is_reported_at_the_template_line(planted):
    proc, lines = planted
    assert (f"overrides/main.html:{lines['template-script']}: <script src> 从其他主机加载资源：https://cdn.example.com/tracker.js"
            in proc.stdout)


def test_no_finding_names_a_built_file(planted):
    proc, _ = planted
    built = [line for line in proc.stdout.splitlines() if ".html:" in line and not line.startswith("overrides/")]
    assert not built, built
