"""`python -m scripts slides` (`make slides`): one editable PowerPoint file per module.

Written with python-pptx (the maintained library for .pptx) from the module's Markdown and front
matter and from the question bank, never copied by hand. Each deck, 16:9 in the course colours:

1. title slide (module title, 建议学时, 适用对象);
2. 学习目标 (the front matter's objectives; the description where a page has none);
3. per `##` section: its 本节要点 as bullets; per `###` subsection: the first sentence of each
   paragraph and its list items; each slide names the articles its part links to
   (条文：第七条、第八条); the part's full paragraphs go into the speaker notes;
4. each table as a real table (split over slides with the header repeated when long);
5. each diagram as a PNG screenshot of the built page (so this command needs Chromium);
6. the case(s): 案情 on one slide, the questions of the analysis on the next with the full
   analysis in the speaker notes;
7. 讨论题, a quiz slide of core questions from the module's bank (answers and explanations in
   the speaker notes) and 重点回顾.

Text is set in 微软雅黑 (present in Windows' PowerPoint and in WPS; other systems substitute
their own CJK sans) and stays editable: no text is drawn into images.
"""

from __future__ import annotations

import io
import math
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from scripts.teaching import ROOT
from scripts.teaching.module_text import CASE, DISCUSSION, REVIEW, ModuleText, Part, Table, plain, read_modules
from scripts.teaching.site import (TeachingError, build_site, chromium, diagram_pngs, open_page, parse_args,
                                   require_built_site, serve)

#: Fonts: PowerPoint and WPS both have 微软雅黑; the same name for Latin and East Asian text.
FONT = "微软雅黑"
COURSE_NAME = "《信访工作条例》与信访工作法治化培训课程"
#: Questions from the module's bank on the quiz slides, and how many per slide.
QUIZ_QUESTIONS, QUIZ_PER_SLIDE = 4, 2
#: Slide geometry in points (13.333 in × 7.5 in, 16:9).
W, H = 960, 540
MARGIN = 40
TITLE_H = 70
BODY_TOP = TITLE_H + 18
FOOTER_H = 30
BODY_H = H - BODY_TOP - FOOTER_H - 16
#: Smallest type on a slide: legible from the back of a classroom.
MIN_SIZE = 14
#: Lists are spread over more slides rather than set smaller than this.
SPLIT_SIZES = (24, 22, 20, 18)
CSS = ROOT / "docs" / "assets" / "course.css"
_BLANK = re.compile(r"\[\[[^\]]+\]\]")


@dataclass(frozen=True)
class Colours:
    primary: str
    dark: str
    accent: str


def course_colours(css: Path = CSS) -> Colours:
    """The light scheme's primary, dark primary and accent colours from course.css (one place)."""
    text = css.read_text(encoding="utf-8")

    def value(name: str) -> str:
        m = re.search(rf"{re.escape(name)}:\s*(#[0-9a-fA-F]{{6}})", text)
        if not m:
            shown = css.relative_to(ROOT) if css.is_relative_to(ROOT) else css
            raise TeachingError(f"{shown}:1: 找不到颜色 {name}；课件的配色取自这里")
        return m.group(1)[1:]

    return Colours(value("--md-primary-fg-color"), value("--md-primary-fg-color--dark"), value("--md-accent-fg-color"))


# -- text on a slide ------------------------------------------------------------------------

def text_width(text: str) -> float:
    """Width of `text` in ems: CJK characters 1, others about half."""
    return sum(1.0 if ord(ch) > 0x2E7F else 0.55 for ch in text)


def lines_needed(text: str, size: float, width: float) -> int:
    per_line = max(1.0, width / size)
    return max(1, math.ceil(text_width(text) / per_line))


def fitting_size(items: list[str], width: float, height: float, sizes=(24, 22, 20, 18, 16, MIN_SIZE)) -> float | None:
    """The largest type size at which `items` (one paragraph each) fit the box, else None."""
    for size in sizes:
        # 1.15 line spacing of a font whose line is about 1.3 em, plus the space after each paragraph.
        total = sum(lines_needed(t, size, width - 2 * size - 14) * size * 1.5 + size * 0.5 for t in items)
        if total <= height:
            return size
    return None


def chunks_that_fit(items: list[str], width: float, height: float) -> list[list[str]]:
    """Split `items` over as few slides as needed so each slide's text fits at 18 pt or more
    (a single long item may still need smaller type)."""
    out: list[list[str]] = []
    current: list[str] = []
    for item in items:
        if current and fitting_size(current + [item], width, height, sizes=SPLIT_SIZES) is None:
            out.append(current)
            current = []
        current.append(item)
    if current:
        out.append(current)
    return out


def numbered_chunks(items: list[str]) -> list[tuple[int, list[str]]]:
    """`chunks_that_fit` for a numbered list: (number of the chunk's first item, items)."""
    out, first = [], 1
    for chunk in chunks_that_fit(items, W - 2 * MARGIN, BODY_H):
        out.append((first, chunk))
        first += len(chunk)
    return out


class Deck:
    """One presentation being written, in the course colours and font."""

    def __init__(self, colours: Colours):
        from pptx import Presentation
        from pptx.util import Pt

        self.Pt = Pt
        self.colours = colours
        self.prs = Presentation()
        self.prs.slide_width, self.prs.slide_height = Pt(W), Pt(H)
        self.blank = self.prs.slide_layouts[6]

    # low-level helpers
    def _rgb(self, hex_: str):
        from pptx.dml.color import RGBColor

        return RGBColor.from_string(hex_)

    def _font(self, run, size: float, *, bold: bool = False, colour: str = "222222") -> None:
        font = run.font
        font.size = self.Pt(size)
        font.bold = bold
        font.color.rgb = self._rgb(colour)
        font.name = FONT
        rpr = run._r.get_or_add_rPr()
        for tag in ("a:ea", "a:cs"):
            el = rpr.find(_qn(tag))
            if el is None:
                el = rpr.makeelement(_qn(tag), {})
                rpr.append(el)
            el.set("typeface", FONT)

    def _box(self, slide, x, y, w, h):
        from pptx.enum.text import MSO_AUTO_SIZE

        box = slide.shapes.add_textbox(self.Pt(x), self.Pt(y), self.Pt(w), self.Pt(h))
        tf = box.text_frame
        tf.word_wrap = True
        tf.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE
        return tf

    def _paragraph(self, tf, text: str, size: float, *, first: bool, bold=False, colour="222222", bullet: str | None = None,
                   space_after: float = 0.5):
        p = tf.paragraphs[0] if first else tf.add_paragraph()
        run = p.add_run()
        run.text = text
        self._font(run, size, bold=bold, colour=colour)
        p.space_after = self.Pt(size * space_after)
        p.line_spacing = 1.15
        if bullet:
            _set_bullet(p, bullet, size, self.colours.primary)
        return p

    def _rect(self, slide, x, y, w, h, colour: str):
        from pptx.enum.shapes import MSO_SHAPE

        shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, self.Pt(x), self.Pt(y), self.Pt(w), self.Pt(h))
        shape.fill.solid()
        shape.fill.fore_color.rgb = self._rgb(colour)
        shape.line.fill.background()
        shape.shadow.inherit = False
        return shape

    # slide kinds
    def new_slide(self, title: str, *, footer: str = "", notes: str = ""):
        slide = self.prs.slides.add_slide(self.blank)
        self._rect(slide, 0, 0, W, TITLE_H, self.colours.primary)
        self._rect(slide, 0, TITLE_H, W, 4, self.colours.accent)
        tf = self._box(slide, MARGIN, 8, W - 2 * MARGIN, TITLE_H - 12)
        from pptx.enum.text import MSO_ANCHOR

        tf.vertical_anchor = MSO_ANCHOR.MIDDLE
        size = 28 if text_width(title) <= 30 else 22 if text_width(title) <= 40 else 18
        self._paragraph(tf, title, size, first=True, bold=True, colour="FFFFFF", space_after=0)
        if footer:
            ftf = self._box(slide, MARGIN, H - FOOTER_H - 6, W - 2 * MARGIN, FOOTER_H)
            fsize = 14 if text_width(footer) * 14 <= W - 2 * MARGIN - 20 else 12
            self._paragraph(ftf, footer, fsize, first=True, colour=self.colours.dark, space_after=0)
        if notes:
            slide.notes_slide.notes_text_frame.text = notes
        return slide

    def title_slide(self, module: ModuleText) -> None:
        from pptx.enum.text import MSO_ANCHOR

        slide = self.prs.slides.add_slide(self.blank)
        self._rect(slide, 0, 0, W, H, self.colours.primary)
        self._rect(slide, 0, H * 0.62, W, 6, self.colours.accent)
        tf = self._box(slide, MARGIN * 2, 120, W - 4 * MARGIN, 170)
        tf.vertical_anchor = MSO_ANCHOR.BOTTOM
        self._paragraph(tf, COURSE_NAME, 20, first=True, colour="FFFFFF")
        self._paragraph(tf, module.title, 40 if text_width(module.title) <= 20 else 32, first=False, bold=True,
                        colour="FFFFFF", space_after=0)
        facts = []
        if module.hours:
            facts.append(f"建议学时：{module.hours:g}学时")
        if module.audience:
            facts.append("适用对象：" + "、".join(module.audience))
        tf = self._box(slide, MARGIN * 2, H * 0.62 + 24, W - 4 * MARGIN, 90)
        self._paragraph(tf, "　".join(facts) or module.description, 18, first=True, colour="FFFFFF")
        if module.description and facts:
            slide.notes_slide.notes_text_frame.text = module.description

    def bullets_slide(self, title: str, items: list[str], *, footer: str = "", notes: str = "", numbered=False,
                      start: int = 1) -> None:
        slide = self.new_slide(title, footer=footer, notes=notes)
        width = W - 2 * MARGIN
        size = fitting_size(items, width, BODY_H) or MIN_SIZE
        tf = self._box(slide, MARGIN, BODY_TOP, width, BODY_H)
        for i, item in enumerate(items):
            # The same number scheme and start on every paragraph: PowerPoint and WPS count on
            # from it, also across a line the instructor adds.
            bullet = f"{start}." if numbered else "•"
            self._paragraph(tf, item, size, first=i == 0, bullet=bullet)

    def text_slide(self, title: str, paragraphs: list[str], *, footer: str = "", notes: str = "") -> None:
        slide = self.new_slide(title, footer=footer, notes=notes)
        width = W - 2 * MARGIN
        size = fitting_size(paragraphs, width, BODY_H, sizes=(22, 20, 18, 16, MIN_SIZE)) or MIN_SIZE
        tf = self._box(slide, MARGIN, BODY_TOP, width, BODY_H)
        for i, text in enumerate(paragraphs):
            self._paragraph(tf, text, size, first=i == 0, space_after=0.6)

    def table_slide(self, title: str, header: list[str], rows: list[list[str]], widths: list[float], size: float,
                    footer: str = "") -> None:
        from pptx.enum.text import MSO_ANCHOR

        slide = self.new_slide(title, footer=footer)
        shape = slide.shapes.add_table(len(rows) + 1, len(header), self.Pt(MARGIN), self.Pt(BODY_TOP),
                                       self.Pt(sum(widths)), self.Pt(30 * (len(rows) + 1)))
        table = shape.table
        for c, w in enumerate(widths):
            table.columns[c].width = self.Pt(w)
        for r, cells in enumerate([header, *rows]):
            for c in range(len(header)):
                cell = table.cell(r, c)
                cell.vertical_anchor = MSO_ANCHOR.TOP
                cell.margin_left = cell.margin_right = self.Pt(6)
                cell.margin_top = cell.margin_bottom = self.Pt(3)
                tf = cell.text_frame
                tf.word_wrap = True
                text = cells[c] if c < len(cells) else ""
                self._paragraph(tf, text, size, first=True, bold=r == 0, colour="FFFFFF" if r == 0 else "222222",
                                space_after=0)
                cell.fill.solid()
                cell.fill.fore_color.rgb = self._rgb(self.colours.primary if r == 0 else ("FFFFFF" if r % 2 else "F6EDED"))

    def image_slide(self, title: str, png: bytes, *, footer: str = "") -> None:
        from PIL import Image

        slide = self.new_slide(title, footer=footer)
        with Image.open(io.BytesIO(png)) as img:
            px_w, px_h = img.size
        box_w, box_h = W - 2 * MARGIN, BODY_H
        scale = min(box_w / px_w, box_h / px_h)
        w, h = px_w * scale, px_h * scale
        slide.shapes.add_picture(io.BytesIO(png), self.Pt((W - w) / 2), self.Pt(BODY_TOP + (box_h - h) / 2),
                                 self.Pt(w), self.Pt(h))

    def save(self, path: Path) -> None:
        self.prs.save(str(path))


def _qn(tag: str) -> str:
    from pptx.oxml.ns import qn

    return qn(tag)


def _set_bullet(paragraph, char: str, size: float, colour: str) -> None:
    """A real bullet (or number) so a line added in PowerPoint or WPS gets one too."""
    ppr = paragraph._p.get_or_add_pPr()
    indent = int(size * 12700 * (1.2 if len(char) == 1 else 1.6))
    ppr.set("marL", str(indent))
    ppr.set("indent", str(-indent))
    clr = ppr.makeelement(_qn("a:buClr"), {})
    srgb = clr.makeelement(_qn("a:srgbClr"), {"val": colour})
    clr.append(srgb)
    font = ppr.makeelement(_qn("a:buFont"), {"typeface": FONT})
    if len(char) == 1:
        bu = ppr.makeelement(_qn("a:buChar"), {"char": char})
    else:
        bu = ppr.makeelement(_qn("a:buAutoNum"), {"type": "arabicPeriod", "startAt": char.rstrip(".")})
    for el in (clr, font, bu):
        ppr.append(el)


# -- from a module to slides ----------------------------------------------------------------

def citation_line(labels: list[str]) -> str:
    return "条文：" + "、".join(labels) if labels else ""


def table_layout(table: Table) -> tuple[list[float], float, list[list[list[str]]]]:
    """Column widths (pt), type size and the row groups of a table, one group per slide."""
    cols = len(table.header)
    width = W - 2 * MARGIN
    longest = [max([text_width(table.header[c])] + [text_width(r[c]) if c < len(r) else 0 for r in table.rows])
               for c in range(cols)]
    total_text = sum(text_width(" ".join(r)) for r in table.rows)
    size = 18 if total_text < 250 else 16 if total_text < 500 else MIN_SIZE
    # A short column (项, 条文, 类别) gets room for its longest cell on one line, up to 7 characters;
    # the rest of the width is shared in proportion to the text of the other columns.
    floors = [min(n, 7) * size + 14 for n in longest]
    weights = [max(n, 1) for n in longest]
    widths = floors[:]
    spare = width - sum(floors)
    if spare > 0:
        extra = [max(w - f, 0.0) for w, f in zip((width * w / sum(weights) for w in weights), floors)]
        widths = [f + spare * e / (sum(extra) or 1) for f, e in zip(floors, extra)]
    else:
        widths = [width * f / sum(floors) for f in floors]

    def row_height(row: list[str]) -> float:
        return max(lines_needed(row[c] if c < len(row) else "", size, widths[c] - 12) for c in range(cols)) * size * 1.2 + 8

    groups: list[list[list[str]]] = []
    current: list[list[str]] = []
    used = row_height(table.header)
    for row in table.rows:
        h = row_height(row)
        if current and used + h > BODY_H - 10:
            groups.append(current)
            current, used = [], row_height(table.header)
        current.append(row)
        used += h
    if current:
        groups.append(current)
    return widths, size, groups


def diagram_pieces(png: bytes, box_ratio: float) -> list[bytes]:
    """The diagram without its blank margins; a diagram much taller than the slide's body is cut
    into pieces at blank rows, so its labels stay legible (each piece at least half as wide as
    the slide)."""
    from PIL import Image, ImageChops

    with Image.open(io.BytesIO(png)) as img:
        img = img.convert("RGB")
        background = Image.new("RGB", img.size, img.getpixel((0, 0)))
        box = ImageChops.difference(img, background).getbbox()
        if box:
            pad = 16
            img = img.crop((max(box[0] - pad, 0), max(box[1] - pad, 0), min(box[2] + pad, img.width),
                            min(box[3] + pad, img.height)))
        # Height of a piece shown at half the slide's width in the body's height.
        piece_h = int(img.width * 2 / box_ratio)
        if img.height <= piece_h * 1.15:
            return [_png(img)]
        grey = img.convert("L")
        bg = grey.getpixel((0, 0))
        blank = [max(abs(v - bg) for v in grey.crop((0, y, grey.width, y + 1)).getextrema()) < 8 for y in range(grey.height)]
        pieces, top = [], 0
        count = math.ceil(img.height / piece_h)
        target = math.ceil(img.height / count)
        while img.height - top > target * 1.15:
            want = top + target
            cut = next((y for d in range(0, target // 2) for y in (want - d, want + d) if 0 < y < img.height and blank[y]),
                       want)
            pieces.append(_png(img.crop((0, top, img.width, cut))))
            top = cut
        pieces.append(_png(img.crop((0, top, img.width, img.height))))
        return pieces


def _png(img) -> bytes:
    out = io.BytesIO()
    img.save(out, format="PNG", optimize=True)
    return out.getvalue()


def part_title(part: Part, parent: Part | None) -> str:
    return f"{parent.title} · {part.title}" if parent is not None and part.level == 3 else part.title


def _is_label(paragraph: str) -> bool:
    """A run-in label such as “逐条分析。” standing as its own paragraph."""
    return len(paragraph) <= 8 and paragraph.endswith(("。", "：", ":"))


def case_slides(deck: Deck, module: ModuleText) -> None:
    for part in module.case_parts():
        heading = CASE if part.title == CASE else f"{CASE}：{part.title}"
        story = [p for p in part.paragraphs if not _is_label(p)]
        for chunk in chunks_that_fit(story, W - 2 * MARGIN, BODY_H):
            deck.text_slide(heading, chunk)
        if part.items:
            leads = [_lead(item) for item in part.raw_items]
            notes = "\n".join(f"{i}. {plain(item)}" for i, item in enumerate(part.raw_items, start=1))
            for first, chunk in numbered_chunks(leads):
                deck.bullets_slide(f"案例分析：{part.title if part.title != CASE else '逐条分析'}", chunk,
                                   footer=citation_line(part.articles), notes=notes, numbered=True, start=first)


def _lead(item_markdown: str) -> str:
    """The bold question or point an analysis item opens with, else its first sentence."""
    m = re.match(r"\*\*(.+?)\*\*", item_markdown.strip())
    if m:
        return plain(m.group(1)).rstrip("。．.")
    text = plain(item_markdown)
    return text if len(text) <= 60 else text[:58].rstrip("，、；") + "……"


def quiz_slides(deck: Deck, module: ModuleText, bank) -> None:
    from scripts.bank.model import FILL, TRUE_FALSE, option_letter

    if not module.quiz_module or bank is None:
        return
    pool = bank.module(module.quiz_module, "core")
    # One of each type first, then in bank order: the slide shows the kinds of question the exam asks.
    chosen, seen_types = [], set()
    for q in pool:
        if q.type not in seen_types:
            chosen.append(q)
            seen_types.add(q.type)
    chosen += [q for q in pool if q not in chosen]
    chosen = sorted(chosen[:QUIZ_QUESTIONS], key=pool.index)
    for start in range(0, len(chosen), QUIZ_PER_SLIDE):
        group = chosen[start:start + QUIZ_PER_SLIDE]
        lines, notes = [], []
        for i, q in enumerate(group, start=start + 1):
            kind = "（判断题）" if q.type == TRUE_FALSE else f"（{q.type_name}）"
            stem = plain(_BLANK.sub("＿＿", q.stem))
            lines.append(f"{i}．{kind}{stem}")
            if q.type != FILL:
                lines += [f"　　{option_letter(k)}．{plain(o)}" for k, o in enumerate(q.options)]
            notes.append(f"{i}．答案：{q.answer_text()}。解析：{plain(q.explanation)}（题号 {q.id}）")
        slide = deck.new_slide("随堂测验", notes="\n".join(notes))
        size = fitting_size(lines, W - 2 * MARGIN, BODY_H, sizes=(22, 20, 18, 16, MIN_SIZE)) or MIN_SIZE
        tf = deck._box(slide, MARGIN, BODY_TOP, W - 2 * MARGIN, BODY_H)
        for k, line in enumerate(lines):
            deck._paragraph(tf, line, size, first=k == 0, bold=not line.startswith("　"), space_after=0.35)


def module_deck(module: ModuleText, colours: Colours, diagrams: list[bytes], bank) -> Deck:
    deck = Deck(colours)
    deck.title_slide(module)
    objectives = module.objectives or [module.description]
    deck.bullets_slide("学习目标" if module.objectives else "本模块内容", objectives, numbered=bool(module.objectives),
                       footer=citation_line(_intro_articles(module)), notes=module.intro)
    parent: Part | None = None
    for part in module.content_parts():
        if part.level == 2:
            parent = part
        title = part_title(part, parent)
        points = part.summary()
        footer = citation_line(part.articles)
        notes = "\n".join(part.paragraphs)
        for n, chunk in enumerate(chunks_that_fit(points, W - 2 * MARGIN, BODY_H)):
            deck.bullets_slide(title + ("（续）" if n else ""), chunk, footer=footer, notes=notes)
        for table in part.tables:
            widths, size, groups = table_layout(table)
            for n, rows in enumerate(groups):
                deck.table_slide(title + ("（续）" if n else ""), table.header, rows, widths, size,
                                 footer=citation_line(table.articles))
        for index in part.diagrams:
            if index < len(diagrams):
                pieces = diagram_pieces(diagrams[index], (W - 2 * MARGIN) / BODY_H)
                for n, piece in enumerate(pieces, start=1):
                    suffix = f"（图，{n}/{len(pieces)}）" if len(pieces) > 1 else "（图）"
                    deck.image_slide(title + suffix, piece, footer=footer)
    case_slides(deck, module)
    discussion = module.part(DISCUSSION)
    if discussion is not None and discussion.items:
        for first, chunk in numbered_chunks(discussion.items):
            deck.bullets_slide(DISCUSSION + ("（续）" if first > 1 else ""), chunk, numbered=True, start=first,
                               footer=citation_line(discussion.articles))
    quiz_slides(deck, module, bank)
    review = module.part(REVIEW)
    if review is not None and review.items:
        for n, chunk in enumerate(chunks_that_fit(review.items, W - 2 * MARGIN, BODY_H)):
            deck.bullets_slide(REVIEW + ("（续）" if n else ""), chunk, footer=citation_line(cited_of(review, chunk)))
    return deck


def cited_of(part: Part, items: list[str]) -> list[str]:
    from scripts.teaching.module_text import cited

    return cited("\n".join(raw for raw, text in zip(part.raw_items, part.items) if text in items))


def _intro_articles(module: ModuleText) -> list[str]:
    from scripts.teaching.module_text import cited

    text = module.path.read_text(encoding="utf-8")
    first = module.parts[0].line if module.parts else None
    lines = text.splitlines()
    body = lines[: first - 1] if first else lines
    return cited("\n".join(l for l in body if not l.startswith(("title:", "description:", "  - "))))


def slide_file(code: str) -> str:
    return f"slides-{code}.pptx"


# -- command --------------------------------------------------------------------------------

def write_slides(root: Path, out: Path, site: Path | None = None, browser=None) -> list[Path]:
    """Write one .pptx per module into `out`; build the site first unless `site` is given."""
    try:
        import pptx  # noqa: F401
    except ImportError:
        raise TeachingError("缺少 Python 包 python-pptx：请先运行 make setup") from None
    from scripts.bank.model import load_bank

    docs = root / "docs"
    modules = read_modules(docs)
    bank = load_bank(docs, root)
    colours = course_colours(docs / "assets" / "course.css")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory(prefix="xinfang-slides-") as tmp:
        if site is None:
            site = Path(tmp) / "site"
            print("构建网站（mkdocs build --strict）…", file=sys.stderr)
            build_site(root, site)
        with serve(site) as base, chromium(browser) as browser:
            for module in modules:
                rel = module.path.relative_to(docs).as_posix().removesuffix("index.md")
                page = open_page(browser, base + rel)
                diagrams = diagram_pngs(page)
                page.close()
                deck = module_deck(module, colours, diagrams, bank)
                path = out / slide_file(module.code)
                deck.save(path)
                written.append(path)
                print(f"{path.relative_to(root) if path.is_relative_to(root) else path}：{len(deck.prs.slides)} 张幻灯片",
                      file=sys.stderr)
    return written


def main(argv: list[str] | None = None) -> int:
    args = parse_args("python -m scripts slides", "为每个模块生成可编辑的 .pptx 课件", argv)
    started = time.monotonic()
    try:
        require_built_site(args.site)
        files = write_slides(ROOT, args.out, args.site)
    except TeachingError as exc:
        print(f"slides：{exc}", file=sys.stderr)
        return 2
    size = sum(p.stat().st_size for p in files)
    print(f"写出 {len(files)} 个课件到 {args.out}（共 {size / 1e6:.1f} MB，用时 {time.monotonic() - started:.0f} 秒）")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
