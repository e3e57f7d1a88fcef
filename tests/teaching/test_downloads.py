"""The downloads page lists the slides and the handbook: links when they are built, the
command that makes them when not; the release manifest records what the site carries."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from scripts.hooks import teaching_downloads as hook
from scripts.publish import dist
from tests.conftest import ROOT

DOCS = ROOT / "docs"


def test_missing_files_are_named_with_the_command_that_makes_them(tmp_path):
    table = hook.table(DOCS, tmp_path)
    assert "](downloads/" not in table
    assert "handbook.pdf | 学员手册（A4，打印用 PDF） | 尚未生成（运行 `make handbook` 生成）" in table
    assert "slides-tizhi.pptx | 课件：第二章 信访工作体制 | 尚未生成（运行 `make slides` 生成）" in table


def test_present_files_are_linked_with_their_size(tmp_path):
    (tmp_path / "slides-tizhi.pptx").write_bytes(b"x" * 3000)
    table = hook.table(DOCS, tmp_path)
    assert "| [slides-tizhi.pptx](downloads/slides-tizhi.pptx) | 课件：第二章 信访工作体制 | 3 KB |" in table
    assert "尚未生成（运行 `make handbook` 生成）" in table


def test_the_page_must_say_where_the_table_goes():
    class Page:
        class file:
            src_uri = hook.PAGE

    with pytest.raises(PluginError, match="teaching-downloads"):
        hook.on_page_markdown("# 课件与学员手册下载\n", Page, type("C", (), {"docs_dir": str(DOCS)}), None)


def test_the_built_page_and_the_manifest_agree_with_the_site(site_dir):
    html = (site_dir / "teaching" / "materials" / "index.html").read_text(encoding="utf-8")
    listed = dist.teaching_downloads(site_dir)
    for entry in listed:
        name = entry["file"].rsplit("/", 1)[1]
        assert f'href="../downloads/{name}"' in html
        assert entry["bytes"] > 0 and len(entry["sha256"]) == 64
    if not listed:
        assert "尚未生成" in html
