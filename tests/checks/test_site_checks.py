"""The checks that read the built site: internal links and anchors; no resource from another host."""

from __future__ import annotations

from scripts.checks import links, offline
from tests.checks.conftest import write

GOOD = """<!doctype html><html><head>
<link rel="stylesheet" href="../assets/site.css">
<link rel="canonical" href="https://example.org/page/">
<script src="../assets/app.js"></script>
</head><body>
<h2 id="part">部分</h2>
<a href="#part">本页</a> <a href="../other/#x">其他页</a> <a href="https://www.gov.cn/">外部链接不是资源</a>
<img src="../assets/logo.svg" alt="">
</body></html>
"""


def make_site(tmp_path, page=GOOD, css="body { background: url(logo.svg); }"):
    site = tmp_path / "site"
    write(site, "page/index.html", page)
    write(site, "other/index.html", '<html><body><p id="x">x</p></body></html>')
    write(site, "assets/site.css", css)
    write(site, "assets/app.js", "")
    write(site, "assets/logo.svg", "<svg/>")
    return site


def test_good_site_passes_both_checks(tmp_path):
    site = make_site(tmp_path)
    assert links.check(site) == []
    assert offline.check(site) == []


def test_missing_file_and_missing_anchor_are_reported_with_line(tmp_path):
    page = GOOD.replace('href="../other/#x"', 'href="../other/#nope"').replace('src="../assets/app.js"', 'src="../assets/gone.js"')
    found = [str(f) for f in links.check(make_site(tmp_path, page))]
    assert found == [
        "site/page/index.html:4: 链接 ../assets/gone.js 指向的文件不存在",
        "site/page/index.html:7: 链接 ../other/#nope 的锚点 #nope 在目标页面中不存在",
    ]


def test_external_script_font_and_css_import_are_reported(tmp_path):
    page = GOOD.replace("</head>", '<link rel="preconnect" href="https://fonts.gstatic.com">\n<script src="https://unpkg.com/mermaid@11/dist/mermaid.min.js"></script>\n</head>')
    css = "@import 'https://fonts.googleapis.com/css?family=Roboto';\nbody{}\n.x { background: url(//cdn.example.com/a.png) }"
    found = [str(f) for f in offline.check(make_site(tmp_path, page, css))]
    assert any(f.startswith("site/page/index.html:5: <link href>") and "fonts.gstatic.com" in f for f in found)
    assert any(f.startswith("site/page/index.html:6: <script src>") and "unpkg.com" in f for f in found)
    assert any(f.startswith("site/assets/site.css:1:") and "fonts.googleapis.com" in f for f in found)
    assert any(f.startswith("site/assets/site.css:3:") and "cdn.example.com" in f for f in found)
    assert len(found) == 4


# -- findings name the source the author edits --------------------------------------------


def make_project(tmp_path):
    """A project root whose site was built from docs/page.md, a template and mkdocs.yml."""
    root = tmp_path / "project"
    write(root, "docs/page.md", "# 页面\n\n见[其他页](other.md#nope)。\n\n<img src=\"https://img.example.com/a.png\">\n")
    write(root, "docs/other.md", "# 其他\n")
    write(root, "overrides/main.html", "{% block announce %}\n<a href=\"{{ 'gone/' | url }}\">公告</a>\n{% endblock %}\n")
    write(root, "overrides/assets/site.css", "body{}\n.x { background: url(https://cdn.example.com/b.png) }\n")
    write(root, "mkdocs.yml", "site_name: 测试\nextra_javascript:\n  - https://cdn.example.com/c.js\n")
    site = root / "site"
    write(site, "page/index.html", """<html><head>
<script src="https://cdn.example.com/c.js"></script>
</head><body>
<a href="../gone/">公告</a>
<p>见<a href="../other/#nope">其他页</a>。</p>
<img src="https://img.example.com/a.png">
</body></html>
""")
    write(site, "other/index.html", "<html><body><h1 id=\"其他\">其他</h1></body></html>")
    write(site, "assets/site.css", "body{}\n.x { background: url(https://cdn.example.com/b.png) }\n")
    return root, site


def test_link_findings_name_the_markdown_or_template_line(tmp_path):
    root, site = make_project(tmp_path)
    found = [str(f) for f in links.check(site, root)]
    assert any(f.startswith("overrides/main.html:2: 链接 ../gone/ 指向的文件不存在") for f in found), found
    assert any(f.startswith("docs/page.md:3: 链接 ../other/#nope 的锚点 #nope") for f in found), found


def test_offline_findings_name_the_markdown_config_and_stylesheet_line(tmp_path):
    root, site = make_project(tmp_path)
    found = [str(f) for f in offline.check(site, root)]
    assert any(f.startswith("mkdocs.yml:3: <script src>") for f in found), found
    assert any(f.startswith("docs/page.md:5: <img src>") for f in found), found
    assert any(f.startswith("overrides/assets/site.css:2: 样式表") for f in found), found


def test_strict_build_warnings_become_markdown_findings(tmp_path):
    from scripts.checks import build_log

    root = tmp_path / "project"
    write(root, "docs/guide/index.md", "# 指南\n\n见[别处](nope.md)。\n")
    output = (
        "INFO    -  Building documentation...\n"
        "WARNING -  Doc file 'guide/index.md' contains a link 'nope.md', but the target 'guide/nope.md' is not found among documentation files.\n"
        "INFO    -  The following pages exist in the docs directory, but are not included in the \"nav\" configuration:\n  - orphan.md\n"
        "WARNING -  Some other warning\n"
        "Aborted with 2 warnings in strict mode!\n"
    )
    found = [str(f) for f in build_log.findings(output, root)]
    assert found[0] == "docs/orphan.md:1: 页面不在导航中：在 mkdocs.yml 的 nav 中加入 orphan.md"
    assert found[1].startswith("docs/guide/index.md:3: 严格构建警告：Doc file 'guide/index.md' contains a link 'nope.md'")
    assert found[2] == "mkdocs.yml:1: 严格构建警告：Some other warning"
