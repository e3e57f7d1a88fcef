"""Checks of the handbook page laid out at the printed width, run in Chromium before printing.

* No table is wider than the page's content box (its scrollWidth and its right edge).
* No line starts with closing punctuation: every character's box is read through a Range, and a
  character whose box starts a new line (lower than the character before it in the same block)
  must not be one of CLOSING.
* Nothing marked `.instructor-only` is visible.

Each finding names the part (its Markdown source) and a stretch of the text, so the author can
find it; `handbook.py` stops before printing when there is any.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Punctuation that may not begin a line (GB/T 15834: 点号 and closing 标号).
CLOSING = "，。、；：？！）》」』】〕〉”’,.;:?!)]}…"

_TABLES_JS = """() => {
  const out = [];
  document.querySelectorAll(".handbook-part").forEach(part => {
    const box = part.getBoundingClientRect();
    part.querySelectorAll("table").forEach(table => {
      const r = table.getBoundingClientRect();
      if (!r.width) return;
      if (table.scrollWidth > Math.ceil(box.width) + 1 || r.right > box.right + 1) {
        const head = (table.querySelector("tr") || table).innerText.replace(/\\s+/g, " ").slice(0, 40);
        out.push({part: part.dataset.source, width: Math.max(table.scrollWidth, r.width), page: box.width, text: head});
      }
    });
  });
  return out;
}"""

_LINE_STARTS_JS = """(closing) => {
  const out = [];
  const blockOf = node => {
    let el = node.parentElement;
    while (el && getComputedStyle(el).display.startsWith("inline")) el = el.parentElement;
    return el;
  };
  document.querySelectorAll(".handbook-part, .handbook-toc").forEach(part => {
    const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    const range = document.createRange();
    let block = null, lastBottom = null, lastTop = null, recent = "";
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        // An inline box with no text (a fill-in blank, a picture) takes a place on the line like a character.
        const display = getComputedStyle(node).display;
        const r = node.getBoundingClientRect();
        if ((display === "inline-block" || node.tagName === "IMG") && r.width && !node.textContent.trim()
            && blockOf(node) === block) {
          lastTop = r.top; lastBottom = r.bottom; recent = (recent + "＿").slice(-12);
        }
        continue;
      }
      const text = node.data;
      if (!text.trim() || !node.parentElement.getClientRects().length) continue;
      const b = blockOf(node);
      if (b !== block) { block = b; lastTop = null; lastBottom = null; }
      for (let i = 0; i < text.length; i++) {
        if (/\\s/.test(text[i])) continue;
        range.setStart(node, i); range.setEnd(node, i + 1);
        const rects = range.getClientRects();
        if (!rects.length) continue;
        const r = rects[0];
        if (lastTop !== null && r.top >= lastBottom - 2 && closing.includes(text[i])) {
          out.push({part: part.dataset.source || "目录", text: recent.slice(-12) + "⏎" + text.slice(i, i + 8)});
        }
        lastTop = r.top; lastBottom = r.bottom; recent = (recent + text[i]).slice(-12);
      }
    }
  });
  return out;
}"""

_INSTRUCTOR_JS = """() => [...document.querySelectorAll(".instructor-only")]
  .filter(el => el.getClientRects().length).map(el => el.innerText.slice(0, 40))"""


@dataclass(frozen=True)
class PrintFinding:
    part: str
    message: str

    def __str__(self) -> str:
        return f"{self.part}:1: {self.message}"


def table_overflows(page) -> list[PrintFinding]:
    return [PrintFinding(t["part"], f"表格宽 {t['width']:.0f}px，超出版心 {t['page']:.0f}px：“{t['text']}”")
            for t in page.evaluate(_TABLES_JS)]


def closing_punctuation_at_line_start(page) -> list[PrintFinding]:
    return [PrintFinding(t["part"], f"行首出现点号或后标号：“{t['text']}”（⏎ 为换行处）")
            for t in page.evaluate(_LINE_STARTS_JS, CLOSING)]


def visible_instructor_material(page) -> list[PrintFinding]:
    return [PrintFinding("handbook", f"教员专用内容出现在学员手册中：“{text}”") for text in page.evaluate(_INSTRUCTOR_JS)]


def check(page) -> list[PrintFinding]:
    """Every check of the laid-out handbook page."""
    return table_overflows(page) + closing_punctuation_at_line_start(page) + visible_instructor_material(page)
