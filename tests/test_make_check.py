"""`python -m scripts check` (what `make check` runs) on a copy of the project with faults
planted in docs/ and in a template: each check reports its fault as path:line and the
command exits non-zero."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    copy = tmp_path_factory.mktemp("planted") / "project"
    copy.mkdir()
    for name in ("docs", "overrides", "scripts"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", copy / "mkdocs.yml")
    (copy / "node_modules").symlink_to(ROOT / "node_modules")
    # structure: a page that is not in the nav
    (copy / "docs/orphan.md").write_text("---\ntitle: 孤立页面\ndescription: 不在导航中\n---\n# 孤立页面\n", encoding="utf-8")
    # citations: an article the 条例 does not have, on line 3 of the guide's body
    guide = copy / "docs/guide/index.md"
    text = guide.read_text(encoding="utf-8").replace("## 课程对象\n", "## 课程对象\n\n依照条例第五十三条办理。\n", 1)
    guide.write_text(text, encoding="utf-8")
    planted_line = text.splitlines().index("依照条例第五十三条办理。") + 1
    # links and offline: a template with a dead internal link and a script from a CDN
    main = copy / "overrides/main.html"
    main.write_text(main.read_text(encoding="utf-8") + """
{% block announce %}<a href="{{ 'no-such-page/' | url }}">公告</a>
<script src="https://cdn.example.com/tracker.js"></script>{% endblock %}
""", encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run([sys.executable, "-m", "scripts", "check", "--root", str(copy)], cwd=copy,
                          capture_output=True, text=True, env=env)
    return proc, planted_line


def test_check_exits_non_zero(planted):
    proc, _ = planted
    assert proc.returncode == 1, proc.stdout + proc.stderr


def test_structure_fault_is_reported(planted):
    proc, _ = planted
    assert "docs/orphan.md:1: 页面不在导航中：在 mkdocs.yml 的 nav 中加入 orphan.md" in proc.stdout


def test_citation_fault_is_reported_with_its_line(planted):
    proc, line = planted
    assert f"docs/guide/index.md:{line}: “第五十三条”：《信访工作条例》没有第五十三条（共50条）" in proc.stdout


def test_template_link_fault_is_reported_from_the_built_site(planted):
    proc, _ = planted
    assert "index.html:" in proc.stdout and "链接 no-such-page/ 指向的文件不存在" in proc.stdout


def test_external_script_is_reported_from_the_built_site(planted):
    proc, _ = planted
    assert "<script src> 从其他主机加载资源：https://cdn.example.com/tracker.js" in proc.stdout
