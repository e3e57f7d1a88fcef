"""The 法治化路线图 diagrams and the 群众依法信访导引图 handout, in the built site.

- Every diagram on the route-map pages and the handout is a static SVG in the page
  served by nginx, visible in light and dark mode, without a request leaving loopback or
  any diagram script, named for screen readers, and legible on a 390px-wide phone (every
  page with a diagram is checked for that).
- Every figure (15日, 60日, 30日 …) in a diagram node is in the article the node cites:
  the citation checks skip fenced code, so the diagrams are checked here.
- The handout prints on A4 (light or dark screen scheme) to at most 2 pages, with the
  navigation and search gone and the diagram and key text kept.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from scripts.citations import find_citations
from scripts.law import load_law
from tests.support.browser import DIAGRAM_SVGS

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
HANDOUT = DOCS / "handout" / "index.md"

PHONE = {"width": 390, "height": 844}

_FENCE_RE = re.compile(r"^```mermaid\n(.*?)^```", re.S | re.M)
#: a node with a label: id["…"], id(["…"]), id{"…"}
_NODE_RE = re.compile(r'\w+(?:\[|\(\[|\{)"(.*?)"(?:\]|\]\)|\})')
_RECT_NODE_RE = re.compile(r'\w+\["(.*?)"\]')
_FIGURE_RE = re.compile(r"\d+(?:个工作日|日|人)")


def _diagram_pages() -> dict[str, list[str]]:
    """URL path under the site root -> the mermaid sources on that page."""
    sources = sorted((DOCS / "roadmap").rglob("*.md")) + [HANDOUT]
    pages = {}
    for md in sources:
        blocks = _FENCE_RE.findall(md.read_text(encoding="utf-8"))
        if not blocks:
            continue
        rel = md.relative_to(DOCS).with_suffix("")
        url = (rel.parent.as_posix() if rel.name == "index" else rel.as_posix()) + "/"
        pages[url] = blocks
    return pages


DIAGRAM_PAGES = _diagram_pages()


def test_route_map_and_handout_have_the_required_diagrams():
    roadmap = "\n".join(DIAGRAM_PAGES.get("roadmap/", []))
    # The whole path, the classification (three categories, six routes of 第三十一条), the 格局.
    for label in ("登记", "复查", "复核", "不再受理", "建议意见类", "检举控告类", "申诉求决类",
                  "第三十一条第六项", "第七条", "信访工作联席会议"):
        assert label in roadmap, f"路线图的流程图中缺少“{label}”"
    assert DIAGRAM_PAGES.get("handout/"), "导引图页面应当有一张流程图"


@pytest.mark.parametrize("url", sorted(DIAGRAM_PAGES))
def test_every_diagram_node_cites_its_article_and_its_figures_match(url):
    law = load_law("2022")
    problems = []
    for block in DIAGRAM_PAGES[url]:
        for label in _NODE_RE.findall(block):
            text = label.replace("<br>", "")
            cited = {n for c in find_citations(text, 1) if c.law == "2022" for n in c.articles}
            for n in cited:
                if law.article(n) is None:
                    problems.append(f"“{text}”引用的第{n}条不存在")
            for figure in _FIGURE_RE.findall(text):
                if not cited:
                    problems.append(f"“{text}”写了{figure}，但没有写明依据条文")
                elif not any(figure in law.article(n).text for n in cited if law.article(n)):
                    problems.append(f"“{text}”写了{figure}，所引条文中没有这个期限或人数")
        # Rectangles state a duty or a step; each cites its article.
        for label in _RECT_NODE_RE.findall(block):
            if not find_citations(label, 1):
                problems.append(f"方框“{label}”没有写明依据条文")
    assert not problems, f"{url}：\n" + "\n".join(problems)


def _all_diagram_pages() -> dict[str, int]:
    """URL path under the site root -> number of diagrams, for every page with one."""
    pages = {}
    for md in sorted(DOCS.rglob("*.md")):
        count = len(_FENCE_RE.findall(md.read_text(encoding="utf-8")))
        if count:
            rel = md.relative_to(DOCS).with_suffix("")
            pages[(rel.parent.as_posix() if rel.name == "index" else rel.as_posix()) + "/"] = count
    return pages


ALL_DIAGRAM_PAGES = _all_diagram_pages()


def _open_with_diagrams(browser, open_page, url, color_scheme="light", viewport=None):
    context = browser.new_context(color_scheme=color_scheme, viewport=viewport or {"width": 1280, "height": 900},
                                  locale="zh-CN")
    page = open_page(url, context=context)
    return context, page


def _svgs(page) -> list[dict]:
    return page.evaluate(DIAGRAM_SVGS)


#: [text fill, node fill, edge stroke, page background] of each diagram, as computed.
_COLOURS = """() => [...document.querySelectorAll("div.course-diagram > svg")].map(svg => [
  getComputedStyle(svg.querySelector(".label text")).fill,
  getComputedStyle(svg.querySelector(".node rect, .node polygon")).fill,
  getComputedStyle(svg.querySelector(".flowchart-link")).stroke,
  getComputedStyle(document.body).backgroundColor])"""


def _luminance(colour: str) -> float:
    r, g, b = (int(float(v)) for v in re.findall(r"[\d.]+", colour)[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
@pytest.mark.parametrize("url", sorted(DIAGRAM_PAGES))
def test_diagrams_render_to_svg_offline(served_site, browser, open_page, external_requests, url, color_scheme):
    context, page = _open_with_diagrams(browser, open_page, served_site + url, color_scheme)
    try:
        scheme = page.get_attribute("body", "data-md-color-scheme")
        assert scheme == ("slate" if color_scheme == "dark" else "default")
        svgs = _svgs(page)
        assert len(svgs) == len(DIAGRAM_PAGES[url]), f"{url}：源文件有{len(DIAGRAM_PAGES[url])}张图，页面上有{len(svgs)}张"
        for i, svg in enumerate(svgs, start=1):
            assert svg["width"] > 100 and svg["height"] > 50, f"{url} 第{i}张图没有画出来：{svg}"
            assert "Syntax error" not in svg["text"], f"{url} 第{i}张图的 mermaid 语法有误"
            assert re.search(r"第[一二三四五六七八九十]+条", svg["text"]), f"{url} 第{i}张图中没有条文依据"
        # Visible in this scheme: labels stand out from the page, lines are drawn.
        for i, (text, node, edge, background) in enumerate(page.evaluate(_COLOURS), start=1):
            contrast = abs(_luminance(text) - _luminance(background))
            assert contrast > 100, f"{url} 第{i}张图的文字（{text}）在{color_scheme}配色的背景（{background}）上看不清"
            assert edge not in {"none", background}, f"{url} 第{i}张图的连线不可见：{edge}"
            assert node != text, f"{url} 第{i}张图的方框与文字同色"
        # Named for screen readers: role="img" with the title and description from the Markdown.
        for i, (role, name, desc) in enumerate(page.evaluate("""() => [...document.querySelectorAll("div.course-diagram > svg")]
                .map(s => [s.getAttribute("role"), document.getElementById(s.getAttribute("aria-labelledby")).textContent,
                           document.getElementById(s.getAttribute("aria-describedby")).textContent])"""), start=1):
            assert role == "img" and len(name) >= 4 and len(desc) >= 10, f"{url} 第{i}张图没有无障碍标题或说明"
        scripts = page.evaluate("[...document.scripts].map(s => s.src)")
        assert not [s for s in scripts if "mermaid" in s], "页面不应再加载 mermaid 脚本"
        assert external_requests(page) == []
        assert page.failed_responses == []
    finally:
        context.close()


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
@pytest.mark.parametrize("url", sorted(ALL_DIAGRAM_PAGES))
def test_diagrams_stay_legible_on_a_phone(served_site, browser, open_page, url, color_scheme):
    context, page = _open_with_diagrams(browser, open_page, served_site + url, color_scheme, PHONE)
    try:
        svgs = _svgs(page)
        assert len(svgs) == ALL_DIAGRAM_PAGES[url]
        wide = page.evaluate("""() => [...document.querySelectorAll("div.course-diagram")].map(d =>
            d.classList.contains("course-diagram--wide") ? [d.scrollWidth, d.clientWidth, d.tabIndex] : null)""")
        for i, (svg, scroller) in enumerate(zip(svgs, wide), start=1):
            # 16px labels shrunk below 0.7 would drop under 11px.
            scale = svg["width"] / svg["viewBoxWidth"]
            if scroller is None:
                assert svg["right"] <= PHONE["width"] + 1, f"{url} 第{i}张图超出手机屏幕宽度：{svg['right']:.0f}px"
                assert scale >= 0.7, f"{url} 第{i}张图在手机上被缩到 {scale:.2f} 倍，文字太小：改用 flowchart TD 或缩短节点文字"
            else:  # too wide to shrink: full size, scrolled sideways, reachable by keyboard
                assert scale >= 0.99 and scroller[0] > scroller[1] and scroller[2] == 0, f"{url} 第{i}张图应在手机上按原大横向滚动：{scroller}"
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= PHONE["width"], f"{url} 页面宽 {scroll_width}px，超出手机屏幕"
    finally:
        context.close()


def _count_pdf_pages(data: bytes) -> int:
    try:
        from io import BytesIO

        from pypdf import PdfReader
    except ImportError:
        # Chromium writes each page as an uncompressed `/Type /Page` object.
        return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    return len(PdfReader(BytesIO(data)).pages)


def _pdf_text(data: bytes) -> str | None:
    try:
        from io import BytesIO

        from pypdf import PdfReader
    except ImportError:
        return None
    text = "".join(page.extract_text() or "" for page in PdfReader(BytesIO(data)).pages)
    # The embedded CJK font maps some characters to Kangxi radicals (⼈ for 人, ⽇ for 日).
    return unicodedata.normalize("NFKC", text)


HANDOUT_TEXT = [
    "第十七条", "书面形式", "姓名", "住址", "请求、事实、理由", "第十九条",
    "本级或者上一级", "代表不超过5人", "第二十条",
    "15日", "60日", "30日", "复查", "复核", "不再受理",
    "第二十六条", "第四十七条", "治安管理处罚",
]


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_handout_prints_on_at_most_two_a4_pages(served_site, browser, open_page, external_requests, color_scheme):
    context, page = _open_with_diagrams(browser, open_page, served_site + "handout/", color_scheme)
    try:
        assert page.get_attribute("body", "data-handout") is not None, "导引图页面的 <body> 上应有 data-handout"
        stylesheets = page.evaluate("[...document.querySelectorAll('link[rel=stylesheet]')].map(l => l.href)")
        assert any(href.endswith("/assets/print.css") for href in stylesheets), (
            "页面没有加载 assets/print.css：请把它列入 mkdocs.yml 的 extra_css")
        page.emulate_media(media="print")

        # Navigation and search are gone on paper; the diagram stays.
        for selector in (".md-header", ".md-tabs", ".md-sidebar", ".md-search", ".md-footer", ".md-top"):
            for element in page.locator(selector).all():
                assert element.is_hidden(), f"打印时 {selector} 仍然可见"
        assert page.locator("div.course-diagram").first.is_visible()
        assert all(svg["height"] > 50 for svg in _svgs(page)), "打印时流程图没有保留"

        # Printed on white whatever the screen scheme (print.css forces the light palette).
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background in {"rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"}, (
            f"打印时背景是 {background}：assets/print.css 没有生效（是否已列入 mkdocs.yml 的 extra_css？）")
        colour = page.evaluate("getComputedStyle(document.querySelector('.md-typeset')).color")
        assert colour in {"rgb(0, 0, 0)", "rgba(0, 0, 0, 0.87)"}, f"打印时正文颜色是 {colour}，不是黑色"

        visible = page.inner_text("article")
        missing = [text for text in HANDOUT_TEXT if text not in visible]
        assert not missing, f"导引图打印版缺少：{missing}"

        pdf = page.pdf(format="A4")
        pages = _count_pdf_pages(pdf)
        assert 1 <= pages <= 2, f"导引图打印为 {pages} 页 A4，应当不超过 2 页"
        text = _pdf_text(pdf)
        if text is not None:
            squeezed = re.sub(r"\s+", "", text)
            missing = [t for t in ("5人", "15日", "60日", "复查", "复核", "第二十六条") if t not in squeezed]
            assert not missing, f"PDF 中缺少：{missing}"
        assert external_requests(page) == []
    finally:
        context.close()


def test_roadmap_pages_carry_their_quizzes(site_dir):
    """The module quiz (core questions) and the 8–12 classification scenarios are on the pages."""
    quiz = re.compile(r'<div class="quiz[ "]')
    module = (site_dir / "roadmap" / "index.html").read_text(encoding="utf-8")
    classify = (site_dir / "roadmap" / "classify" / "index.html").read_text(encoding="utf-8")
    assert len(quiz.findall(module)) >= 10, "路线图模块页的小测验应当至少有 10 道题"
    assert 8 <= len(quiz.findall(classify)) <= 12, "依法分类处理自测应当有 8 至 12 道情节题"
