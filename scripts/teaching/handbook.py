"""`python -m scripts handbook` (`make handbook`): the 学员手册, one A4 PDF printed by Chromium.

From a strict build of the site (served on 127.0.0.1), each part is opened in Chromium as a
reader sees it; its diagrams become pictures of themselves (the same screenshots the slides
use) and its article is taken as drawn. The parts — every module, the full text of the 条例, the
群众依法信访导引图 and mock paper A with its key — are put into one page after a cover and a
contents page, styled by the site's own stylesheets (print.css included) and handbook.css.

Before printing, the page is laid out at the printed width and checked (print_checks.py:
tables within the margins, no closing punctuation at a line start, nothing instructor-only).
Then it is printed twice: the first PDF's outline says on which page each part's title lands,
those numbers go into the contents, and the second print is the handbook. The contents are
verified against the text of the pages they name (pypdf).
"""

from __future__ import annotations

import base64
import html
import io
import re
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from scripts.teaching import ROOT
from scripts.teaching import print_checks
from scripts.teaching.module_text import MODULE_PAGES
from scripts.teaching.site import (DIAGRAM_SELECTOR, TeachingError, build_site, chromium, diagram_pngs, open_page,
                                   parse_args, require_built_site, serve)

HANDBOOK_FILE = "handbook.pdf"
COURSE_NAME = "《信访工作条例》与信访工作法治化培训课程"
CSS = Path(__file__).with_name("handbook.css")
#: Width of the A4 page's content box in CSS pixels: (210 mm − 2 × 16 mm) at 96 px per inch.
CONTENT_WIDTH_PX = round((210 - 32) / 25.4 * 96)
#: (group shown in the contents, docs page) in the order they are printed.
PARTS: tuple[tuple[str, str], ...] = (
    *(("条例精讲", rel) for code, rel in MODULE_PAGES if rel.startswith("modules/")),
    *(("专题", rel) for code, rel in MODULE_PAGES if not rel.startswith("modules/")),
    ("条例全文", "law/index.md"),
    ("群众依法信访导引图", "handout/index.md"),
    ("模拟试卷", "practice/exams/paper-a.md"),
    ("模拟试卷", "practice/exams/paper-a-key.md"),
)
#: Address of the assembled page on the loopback server (answered by Playwright, never a file in the site).
PAGE_NAME = "__handbook__.html"


@dataclass
class Part:
    group: str
    source: str      # docs/… path shown in findings
    title: str
    html: str


# Runs in the built page: diagrams replaced by their pictures, then the article taken as drawn.
_REPLACE_DIAGRAMS_JS = """([selector, uris]) => {
  [...document.querySelectorAll(selector)].forEach((el, i) => {
    if (!uris[i]) return;
    const img = document.createElement("img");
    img.src = uris[i]; img.className = "handbook-diagram"; img.alt = "流程图";
    el.replaceWith(img);
  });
}"""
_EXTRACT_JS = """(prefix) => {
  const article = document.querySelector("article.md-content__inner").cloneNode(true);
  article.querySelectorAll(".headerlink, script, noscript, .md-content__button, .md-source-file").forEach(el => el.remove());
  const styles = [...document.querySelectorAll("style")].map(s => s.textContent);
  article.querySelectorAll("style").forEach(el => el.remove());
  article.querySelectorAll("[id]").forEach(el => { el.id = prefix + el.id; });
  article.querySelectorAll("[for]").forEach(el => el.setAttribute("for", prefix + el.getAttribute("for")));
  article.querySelectorAll("a[href]").forEach(a => a.removeAttribute("href"));
  article.querySelectorAll("img[src]").forEach(img => {
    if (!img.src.startsWith("data:")) img.setAttribute("src", new URL(img.src).pathname);
  });
  // A fill-in blank is an inline box, and a line may break after one even before “。”:
  // the blank and the punctuation after it are kept on one line.
  article.querySelectorAll(".quiz-blank-print").forEach(blank => {
    // Ideographic spaces as wide as the blank: the PDF's text then has the blank where it is
    // printed (an empty box would leave “。” looking like a line's first character).
    const chars = parseInt(blank.dataset.blankChars, 10) || 4;
    blank.textContent = "\u3000".repeat(chars);
    const next = blank.nextSibling;
    const m = next && next.nodeType === Node.TEXT_NODE && next.data.match(/^[，。、；：？！）》」』】〕〉”’]+/);
    if (!m) return;
    const keep = document.createElement("span");
    keep.className = "handbook-nobreak";
    blank.replaceWith(keep);
    keep.append(blank, m[0]);
    next.data = next.data.slice(m[0].length);
  });
  const links = [...document.querySelectorAll("link[rel=stylesheet]")].map(l => new URL(l.href).pathname);
  const h1 = article.querySelector("h1");
  return {html: article.innerHTML, title: h1 ? h1.textContent.trim() : document.title, links, styles,
          attrs: [...document.body.attributes].filter(a => a.name.startsWith("data-")).map(a => [a.name, a.value])};
}"""


def collect_parts(browser, base: str) -> tuple[list[Part], list[str], list[str]]:
    """Every part as drawn in the built site, with the stylesheets (links, inline styles) they use."""
    parts: list[Part] = []
    links: list[str] = []
    styles: list[str] = []
    for n, (group, rel) in enumerate(PARTS):
        url = base + re.sub(r"(index)?\.md$", "", rel).rstrip("/") + "/"
        page = open_page(browser, url)
        uris = ["data:image/png;base64," + base64.b64encode(png).decode() for png in diagram_pngs(page)]
        page.evaluate(_REPLACE_DIAGRAMS_JS, [DIAGRAM_SELECTOR, uris])
        got = page.evaluate(_EXTRACT_JS, f"p{n}-")
        page.close()
        links += [link for link in got["links"] if link not in links]
        styles += [s for s in got["styles"] if s not in styles]
        attrs = "".join(f' {html.escape(k)}="{html.escape(v)}"' for k, v in got["attrs"] if k != "data-md-color-scheme")
        body = (f'<div class="handbook-part" data-source="docs/{rel}"{attrs}>'
                f'<article class="md-content__inner md-typeset">{got["html"]}</article></div>')
        parts.append(Part(group, f"docs/{rel}", _title(got["title"]), body))
    return parts, links, styles


def _title(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("¶", "")).strip()


#: A page-wide rule of the site's stylesheets (`body[data-exam-paper] …`) applies to its part.
_BODY_RULE = re.compile(r"\bbody(?=\[data-|:not\(\[data-)")


def part_scoped(css: str) -> str:
    """The site's CSS with rules for a kind of page (body[data-handout], body[data-exam-key] …)
    applying to the part of the handbook that came from such a page."""
    return _BODY_RULE.sub(".handbook-part", css)


def stylesheets(site: Path, links: list[str], styles: list[str]) -> list[str]:
    """The CSS of the parts' pages, in their order, each scoped to parts by `part_scoped`."""
    texts = []
    for link in links:
        path = site / link.lstrip("/")
        if not path.is_file():
            raise TeachingError(f"网站中没有样式表 {link}；请重新构建后再生成手册")
        texts.append(path.read_text(encoding="utf-8"))
    return [part_scoped(text) for text in texts + styles]


def assemble(parts: list[Part], css: list[str], pages: list[int] | None = None) -> str:
    """The handbook as one HTML page; `pages` are the contents' page numbers (blank on the first print)."""
    head = "".join(f"<style>{text}</style>" for text in css)
    head += f"<style>{CSS.read_text(encoding='utf-8')}</style>"
    entries, group = [], None
    for i, part in enumerate(parts):
        if part.group != group:
            group = part.group
            entries.append(f'<li class="handbook-toc__group"><span class="handbook-toc__title">{html.escape(group)}</span></li>')
        number = str(pages[i]) if pages else "\u2007\u2007\u2007"
        entries.append(f'<li><span class="handbook-toc__title">{html.escape(part.title)}</span>'
                       f'<span class="handbook-toc__dots"></span><span class="handbook-toc__page">{number}</span></li>')
    cover = (f'<section class="handbook-cover md-typeset"><p class="handbook-cover__course">{html.escape(COURSE_NAME)}</p>'
             f'<p class="handbook-cover__kind">学员手册</p>'
             f'<p class="handbook-cover__note">内容与课程网站同源生成；条文以条例全文为准；教学案例均为虚构。</p></section>')
    toc = f'<section class="handbook-toc md-typeset"><h1>目录</h1><ol>{"".join(entries)}</ol></section>'
    return (f'<!doctype html><html lang="zh-CN" dir="ltr"><head><meta charset="utf-8"><title>学员手册</title>{head}</head>'
            f'<body class="handbook" data-md-color-scheme="default">{cover}{toc}{"".join(p.html for p in parts)}</body></html>')


def _show(page, base: str, document: str) -> None:
    url = base + PAGE_NAME
    page.unroute("**/" + PAGE_NAME)
    page.route("**/" + PAGE_NAME, lambda route: route.fulfill(status=200, body=document.encode("utf-8"),
                                                              content_type="text/html; charset=utf-8"))
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready")


def _print(page) -> bytes:
    return page.pdf(format="A4", print_background=True, prefer_css_page_size=True, outline=True, tagged=True)


def title_pages(pdf: bytes, titles: list[str]) -> list[int]:
    """1-based page of each part's title, from the PDF's outline (first entries after the contents)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    flat: list[tuple[str, int]] = []

    def walk(items) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                title = _title(item.title)
                # Chromium names a heading that opens a page twice in the outline ("目录目录").
                half = len(title) // 2
                if len(title) % 2 == 0 and title[:half] == title[half:]:
                    title = title[:half]
                flat.append((title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline)
    pages, start = [], 0
    for title in titles:
        for k in range(start, len(flat)):
            if flat[k][0] == title:
                pages.append(flat[k][1])
                start = k + 1
                break
        else:
            raise TeachingError(f"打印稿的书签中找不到标题“{title}”，无法给目录编页码")
    return pages


def _squeeze(text: str) -> str:
    """Text for comparing with a PDF's: NFKC (fonts may map 一 to the radical ⼀), no white space."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def contents_problems(pdf: bytes, titles: list[str], pages: list[int]) -> list[str]:
    """Contents entries whose page does not show the title (pypdf text of that page)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    problems = []
    for title, number in zip(titles, pages):
        if not 0 < number <= len(reader.pages):
            problems.append(f"目录“{title}”指向第{number}页，手册只有{len(reader.pages)}页")
            continue
        if _squeeze(title) not in _squeeze(reader.pages[number - 1].extract_text() or ""):
            problems.append(f"目录“{title}”标在第{number}页，该页没有这个标题")
    return problems


def write_handbook(root: Path, out: Path, site: Path | None = None, browser=None) -> Path:
    """Write the handbook PDF into `out`; build the site first unless `site` is given."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="xinfang-handbook-") as tmp:
        if site is None:
            site = Path(tmp) / "site"
            print("构建网站（mkdocs build --strict）…", file=sys.stderr)
            build_site(root, site)
        with serve(site) as base, chromium(browser) as browser:
            parts, links, styles = collect_parts(browser, base)
            titles = [p.title for p in parts]
            page = browser.new_page(viewport={"width": CONTENT_WIDTH_PX, "height": 1100}, color_scheme="light")
            page.emulate_media(media="print")
            css = stylesheets(site, links, styles)
            _show(page, base, assemble(parts, css))
            found = print_checks.check(page)
            if found:
                sys.stderr.write("\n".join(map(str, found)) + "\n")
                raise TeachingError(f"排版检查发现 {len(found)} 处问题（见上），手册没有打印")
            first = _print(page)
            pages = title_pages(first, titles)
            _show(page, base, assemble(parts, css, pages))
            final = _print(page)
            page.close()
    problems = contents_problems(final, titles, pages)
    if problems:
        raise TeachingError("目录页码与正文不符：" + "；".join(problems))
    path = out / HANDBOOK_FILE
    path.write_bytes(final)
    return path


def main(argv: list[str] | None = None) -> int:
    args = parse_args("python -m scripts handbook", "生成打印用的学员手册 PDF", argv)
    started = time.monotonic()
    try:
        require_built_site(args.site)
        path = write_handbook(ROOT, args.out, args.site)
    except TeachingError as exc:
        print(f"handbook：{exc}", file=sys.stderr)
        return 2
    from pypdf import PdfReader

    pages = len(PdfReader(path).pages)
    print(f"写出 {path}（{pages} 页，{path.stat().st_size / 1e6:.1f} MB，用时 {time.monotonic() - started:.0f} 秒）")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
