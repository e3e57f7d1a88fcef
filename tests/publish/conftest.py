"""A small built-looking site and releases of it, for the publishing tests (no mkdocs run)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.publish import dist

EPOCH = 1_700_000_000

PAGE = """<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>{title}</title>
<script>var depth="{depth}";</script>
<script id="__config" type="application/json">{{"base": "{depth}"}}</script>
<style>.quiz {{ border: 1px solid; }}</style></head>
<body><h1>{title}</h1><form action="javascript:void(0);" onsubmit="return false;"><button>提交</button></form>
<script src="{depth}/assets/app.js"></script></body></html>
"""


def make_site(folder: Path, title_suffix: str = "") -> Path:
    """index.html, law/index.html, 404.html, an asset and a sitemap."""
    (folder / "law").mkdir(parents=True, exist_ok=True)
    (folder / "assets").mkdir(exist_ok=True)
    (folder / "index.html").write_text(PAGE.format(title="首页" + title_suffix, depth="."), encoding="utf-8")
    (folder / "law" / "index.html").write_text(PAGE.format(title="条例全文", depth=".."), encoding="utf-8")
    (folder / "404.html").write_text(PAGE.format(title="页面不存在", depth="/xinfang"), encoding="utf-8")
    (folder / "assets" / "app.js").write_text("console.log('ok');\n", encoding="utf-8")
    (folder / "sitemap.xml").write_text("<urlset><url><loc>http://localhost/xinfang/</loc></url></urlset>\n", encoding="utf-8")
    return folder


def make_release(site: Path, out: Path, version: str) -> dict[str, Path]:
    git = {"commit": "0" * 40, "short": "0000000", "epoch": EPOCH, "dirty": False}
    info = dist.release_info(site, version=version, git=git, site_url="http://localhost/xinfang/")
    return dist.write_release(site, out, info)


@pytest.fixture
def small_site(tmp_path) -> Path:
    return make_site(tmp_path / "site")


@pytest.fixture
def release_factory(tmp_path):
    """release_factory(version, suffix="") -> dist folder holding a release of a small site."""

    def _make(version: str, suffix: str = "") -> Path:
        site = make_site(tmp_path / f"site-{version}", suffix)
        out = tmp_path / f"dist-{version}"
        make_release(site, out, version)
        return out

    return _make
