"""A small project tree for the check tests: the real law pages plus pages a test writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT

MKDOCS_YML = """site_name: 测试
nav:
  - index.md
  - 条例全文: law/index.md
  - law/tiaoli-2005.md
  - 模块: modules/m/index.md
"""


@pytest.fixture
def project(tmp_path) -> Path:
    """tmp project: mkdocs.yml with a nav, docs/law/* copied from the real project."""
    (tmp_path / "docs/law").mkdir(parents=True)
    for name in ("index.md", "tiaoli-2005.md"):
        shutil.copy(ROOT / "docs/law" / name, tmp_path / "docs/law" / name)
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    write(tmp_path, "docs/index.md", "---\ntitle: 首页\ndescription: 简介\n---\n# 首页\n")
    write(tmp_path, "docs/modules/m/index.md", "---\ntitle: 模块\ndescription: 简介\n---\n# 模块\n")
    return tmp_path


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
