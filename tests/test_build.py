"""A strict build of the whole site: no warnings, and what the templates and hooks add is there."""

from __future__ import annotations

import json
import re
from pathlib import Path

from scripts.diagrams.source import find_diagrams

ROOT = Path(__file__).resolve().parents[1]


def test_strict_build_has_no_warnings(strict_build_result):
    _, output = strict_build_result
    assert not re.search(r"^(WARNING|ERROR)", output, re.M), output


def test_full_text_page_has_fifty_article_anchors(site_dir):
    html = (site_dir / "law/index.html").read_text(encoding="utf-8")
    for n in range(1, 51):
        assert f'id="art-{n}"' in html
    assert html.count('id="chapter-') == 6


def test_diagrams_are_static_svg_and_no_page_loads_a_diagram_script(site_dir):
    """Each ```mermaid fence is its stored SVG, inline, named, without inline style; no mermaid ships."""
    assert not list(site_dir.rglob("mermaid*.js"))
    diagrams = 0
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert 'class="mermaid"' not in html and "mermaid.min.js" not in html, page
        for svg in re.findall(r'<div class="course-diagram[^"]*"[^>]*>(<svg\b.*?</svg>)</div>', html, re.S):
            diagrams += 1
            assert re.match(r'<svg [^>]*role="img" aria-labelledby="[^"]+-title" aria-describedby="[^"]+-desc"><title id=', svg), page
            assert "<style" not in svg and " style=" not in svg and "<foreignObject" not in svg, page
    fences = sum(len(find_diagrams(p.read_text(encoding="utf-8"))) for p in (ROOT / "docs").rglob("*.md"))
    assert diagrams == fences >= 7


def test_release_ships_no_source_maps_and_no_unused_search_files(site_dir):
    """Only files a page uses: no *.map, no lunr language files, no Material search worker or default icon."""
    shipped = [p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()]
    assert not [p for p in shipped if p.endswith(".map")]
    assert not [p for p in shipped if "lunr" in p or p.startswith("assets/javascripts/workers/")]
    assert "assets/images/favicon.png" not in shipped
    # What the pages do load is there: Material's bundle and styles, the course's search worker.
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    loaded = re.findall(r'<(?:script|link)\b[^>]*?(?:src|href)="([^"#?]+\.(?:js|css))"', home)
    assert len(loaded) >= 5
    for url in loaded:
        assert (site_dir / url).is_file(), url
    assert (site_dir / "assets/javascripts/course-search.js").is_file()
    for page in ("index.html", "404.html", "law/index.html"):
        assert '"search": "' in (html := (site_dir / page).read_text(encoding="utf-8")) and "course-search.js" in html, page


def test_no_google_fonts_and_quiz_assets_only_on_quiz_pages(site_dir):
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis.com" not in home and "fonts.gstatic.com" not in home
    assert "mkdocsQuizTranslations" not in home
    assert "mkdocsQuizTranslations" not in (site_dir / "law/index.html").read_text(encoding="utf-8")


def test_module_pages_show_objectives_hours_and_audience(site_dir):
    module_pages = [p for p in (site_dir / "modules").rglob("index.html") if 'class="module-meta"' in p.read_text(encoding="utf-8")]
    assert len(module_pages) >= 5
    for page in module_pages:
        html = page.read_text(encoding="utf-8")
        assert "学习目标" in html and "建议学时" in html and "适用对象" in html


def test_search_index_keeps_dictionary_terms_whole(site_dir):
    """The search dictionary (shipped with the index, used to cut queries) holds the course's terms as words."""
    index = json.loads((site_dir / "search/course-index.json").read_text(encoding="utf-8"))
    words = {line.rsplit(" ", 1)[0] for line in index["config"]["course"]["dict"].splitlines()}
    text = "\n".join(d["title"] + d["text"] for d in index["docs"])
    for term in ("申诉求决类", "联席会议", "涉法涉诉", "信访事项"):
        assert term in words and term in text, f"{term} 不在搜索词典或索引中"
