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
