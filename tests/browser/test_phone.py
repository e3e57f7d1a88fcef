"""Every page on a phone (360×640 and 390×844), served by nginx under /xinfang/.

On every page listed in sitemap.xml:

* the page never scrolls sideways as a whole (its width is the screen's);
* every fill-in-the-blank shows its whole expected answer when it is typed;
* every tap target of the quiz controls (提交, 重试, options, the "#" link) and of the
  navigation (header buttons, every link in the opened drawer, the footer links)
  is at least 44 px tall (icon buttons also 44 px wide).

And: the drawer opens at the top level with every section one tap away; the
学习进度 tables show every column inside the screen; 开始学习 is on the first screen
and leads to the learning paths.
"""

from __future__ import annotations

import re

import pytest


pytestmark = pytest.mark.browser

PHONES = [{"width": 360, "height": 640}, {"width": 390, "height": 844}]
MIN_TARGET = 44
#: The top-level sections a learner reaches from the drawer (mkdocs.yml nav).
SECTIONS = ["首页", "条例精讲", "条例全文", "法治化路线图", "群众导引图", "报告职责", "题库与模拟考试", "术语表", "教员"]

#: [scrollWidth, innerWidth, the elements sticking out on the right]
PAGE_WIDTH = """() => [document.documentElement.scrollWidth, window.innerWidth,
  [...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
     && !e.closest(".md-search, .md-sidebar, .md-overlay"))
   .slice(0, 3).map(e => e.tagName.toLowerCase() + "." + String(e.className).split(" ")[0])]"""

#: Blanks whose typed expected answer does not fit: [id, scrollWidth, clientWidth]
CLIPPED_BLANKS = """() => [...document.querySelectorAll("input.quiz-blank-input")].map(input => {
    input.value = input.dataset.answer;
    const clipped = input.scrollWidth > input.clientWidth + 1;
    const result = [input.id, input.scrollWidth, input.clientWidth, clipped];
    input.value = "";
    return result;
  }).filter(r => r[3])"""

#: Visible tap targets smaller than the minimum: [what, width, height]
SMALL_TARGETS = """(min) => {
  const visible = e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && s.display !== "none"; };
  const found = [];
  const check = (selector, needWidth) => document.querySelectorAll(selector).forEach(e => {
    if (!visible(e)) return;
    const r = e.getBoundingClientRect();
    if (r.height < min - 0.5 || (needWidth && r.width < min - 0.5))
      found.push([selector + " " + (e.textContent.trim().slice(0, 12) || e.getAttribute("aria-label") || e.title || ""),
                  Math.round(r.width), Math.round(r.height)]);
  });
  check(".quiz form button", false);
  check(".quiz fieldset > div > label", false);
  check(".quiz-header-link", true);
  check(".quiz-blank-input", false);
  check(".md-header__button", true);
  check(".md-footer__link", false);
  check(".course-footer-links a", false);
  check(".progress-reset", false);
  check(".md-typeset .md-button", false);
  return found;
}"""

OPEN_DRAWER = """() => { const d = document.getElementById("__drawer"); d.checked = true;
  d.dispatchEvent(new Event("change")); }"""
#: Visible links of the opened drawer: [text, height]
DRAWER_LINKS = """() => [...document.querySelectorAll(".md-nav--primary .md-nav__link")].filter(e => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= window.innerWidth + 1 && getComputedStyle(e).visibility !== "hidden";
  }).map(e => [e.textContent.trim(), Math.round(e.getBoundingClientRect().height)])"""


def sitemap_paths(site_dir, base_url: str) -> list[str]:
    locs = re.findall(r"<loc>([^<]+)</loc>", (site_dir / "sitemap.xml").read_text(encoding="utf-8"))
    assert locs and all(loc.startswith(base_url) for loc in locs)
    return [loc[len(base_url):] for loc in locs]


@pytest.mark.parametrize("phone", PHONES, ids=lambda p: f"{p['width']}x{p['height']}")
def test_every_page_fits_a_phone(served_site, site_dir, browser, phone):
    problems = []
    context = browser.new_context(viewport=phone, locale="zh-CN", has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        for path in sitemap_paths(site_dir, served_site):
            page.goto(served_site + path, wait_until="load")
            scroll_width, width, wide = page.evaluate(PAGE_WIDTH)
            if scroll_width > width:
                problems.append(f"/{path}: 页面宽 {scroll_width}px，屏幕宽 {width}px，超出的元素：{wide}")
            for blank, needed, shown, _ in page.evaluate(CLIPPED_BLANKS):
                problems.append(f"/{path}#{blank}: 填空框宽 {shown}px，输入标准答案需要 {needed}px")
            for what, w, h in page.evaluate(SMALL_TARGETS, MIN_TARGET):
                problems.append(f"/{path}: 触控目标“{what}”只有 {w}×{h}px（至少 {MIN_TARGET}px）")
            page.evaluate(OPEN_DRAWER)
            page.wait_for_timeout(300)  # the drawer slides in
            for text, h in page.evaluate(DRAWER_LINKS):
                if h < MIN_TARGET - 0.5:
                    problems.append(f"/{path}: 导航抽屉中的“{text}”只有 {h}px 高")
    finally:
        context.close()
    assert not problems, "\n" + "\n".join(problems)


@pytest.mark.parametrize("path", ["", "modules/banli/", "practice/bank/tizhi/", "practice/exams/paper-a-key/"])
def test_drawer_opens_at_the_top_level_with_every_section(served_site, browser, path):
    context = browser.new_context(viewport=PHONES[1], locale="zh-CN", has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(served_site + path)
        page.locator(".md-header label[for='__drawer']").click()
        page.wait_for_timeout(400)  # the drawer slides in
        shown = [text for text, _ in page.evaluate(DRAWER_LINKS)]
        missing = [s for s in SECTIONS if s not in shown]
        assert not missing, f"/{path}：打开导航抽屉后看不到 {missing}（看到的是 {shown}）"
        assert "维护手册" not in shown, "学员的导航中不应有维护手册"
        # One tap on a section opens it.
        page.locator(".md-nav--primary .md-nav__link", has_text="条例全文").first.click()
        page.wait_for_url(re.compile(r".*/law/$"))
    finally:
        context.close()


@pytest.mark.parametrize("phone", PHONES, ids=lambda p: f"{p['width']}x{p['height']}")
def test_progress_tables_show_every_column_on_a_phone(served_site, browser, phone):
    context = browser.new_context(viewport=phone, locale="zh-CN", has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(served_site + "practice/progress/")
        page.locator("table.progress-table").first.wait_for()
        tables = page.locator("table.progress-table")
        assert tables.count() == 2
        for t in range(tables.count()):
            table = tables.nth(t)
            heads = [h.strip() for h in table.locator("thead th").all_inner_texts()]
            assert heads[:5] in (["模块", "题数", "已答", "答对", "答错"], ["试卷", "题数", "已答", "答对", "答错"])
            rows = table.locator("tbody tr")
            assert rows.count() >= 3
            for r in range(rows.count()):
                cells = rows.nth(r).locator("td")
                assert cells.count() == len(heads)
                for c in range(cells.count()):
                    box = cells.nth(c).bounding_box()
                    assert box and box["width"] > 0 and box["height"] > 0, f"第{r + 1}行“{heads[c]}”列看不到"
                    assert box["x"] >= 0 and box["x"] + box["width"] <= phone["width"] + 1, (
                        f"第{r + 1}行“{heads[c] or '清除'}”列在屏幕外：x={box['x']:.0f}，宽 {box['width']:.0f}")
                # On a phone the header row is hidden: each value carries its column's name.
                shown = rows.nth(r).evaluate("""tr => [...tr.cells].map(td => (getComputedStyle(td, "::before").content
                    .replace(/^"|"$/g, "") + td.innerText).trim())""")
                for label, cell in zip(heads[1:], shown[1:]):
                    if label and phone["width"] < 600:
                        assert cell.startswith(label), f"手机上第{r + 1}行的“{cell}”没有写明“{label}”"
            assert rows.nth(0).locator("button.progress-reset").is_visible()
        width = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        assert width[0] <= width[1]
    finally:
        context.close()


def test_start_button_is_on_the_first_screen_and_leads_to_the_paths(served_site, browser):
    context = browser.new_context(viewport=PHONES[0], locale="zh-CN", has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(served_site)
        start = page.get_by_role("link", name="开始学习")
        box = start.bounding_box()
        assert box and box["y"] + box["height"] <= PHONES[0]["height"], f"“开始学习”不在第一屏：{box}"
        assert box["height"] >= MIN_TARGET
        start.click()
        page.wait_for_url(re.compile(r".*/guide/#paths$"))
        assert page.locator("#paths").is_visible()
        assert page.locator("#path-full").count() and page.locator("#path-quick").count()
    finally:
        context.close()


#: Per quiz: the "#" link over a line of the question text, an option's text starting left of its input.
QUIZ_LAYOUT_PROBLEMS = """() => [...document.querySelectorAll(".quiz")].flatMap(quiz => {
            const link = quiz.querySelector(".quiz-header-link").getBoundingClientRect();
            const out = [];
            const walker = document.createTreeWalker(quiz.querySelector(".quiz-question"), NodeFilter.SHOW_TEXT);
            const range = document.createRange();
            let overlap = false;
            for (let text = walker.nextNode(); text && !overlap; text = walker.nextNode()) {
              range.selectNodeContents(text);
              for (const r of range.getClientRects()) {
                if (Math.min(r.right, link.right) - Math.max(r.left, link.left) > 1
                    && Math.min(r.bottom, link.bottom) - Math.max(r.top, link.top) > 1) overlap = true;
              }
            }
            if (overlap) out.push(quiz.id + ": # 压在题目文字上");
            quiz.querySelectorAll("fieldset > div").forEach(option => {
              const input = option.querySelector("input").getBoundingClientRect();
              const label = option.querySelector("label");
              const lr = label.getBoundingClientRect();
              if (lr.left < input.right) out.push(quiz.id + ": 选项文字压在选择框下：" + label.textContent.trim());
            });
            return out;
          })"""


@pytest.mark.parametrize("path", ["modules/banli/", "practice/exams/paper-a/"])
@pytest.mark.parametrize("phone", PHONES, ids=lambda p: f"{p['width']}x{p['height']}")
def test_permalink_and_options_stay_clear_of_the_text(served_site, browser, path, phone):
    context = browser.new_context(viewport=phone, locale="zh-CN", has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(served_site + path)
        assert page.locator(".quiz").count() > 5
        problems = page.evaluate(QUIZ_LAYOUT_PROBLEMS)
        assert not problems, "\n".join(problems)
    finally:
        context.close()


def test_quiz_buttons_and_feedback_on_a_phone(served_site, browser):
    """Feedback after a wrong answer points to the revealed answer instead of asking to
    retry; 提交 and 重试 are 44 px tall and apart."""
    context = browser.new_context(viewport=PHONES[1], locale="zh-CN", has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(served_site + "modules/banli/")
        quiz = page.locator("#q-banli-05")
        quiz.locator("label").nth(1).click()  # a wrong option: the right one is revealed
        feedback = quiz.locator(".quiz-feedback")
        feedback.wait_for(state="visible")
        assert quiz.locator("fieldset > div.correct").count() == 1
        assert "请重试" not in feedback.inner_text() and "正确答案已经标出" in feedback.inner_text()
        buttons = quiz.locator("form button:visible")
        assert buttons.count() >= 1 and buttons.first.bounding_box()["height"] >= MIN_TARGET
        # 提交 and 重试 of a blank stand apart.
        blank = page.locator(".quiz-fill-blank").first
        blank.locator("input.quiz-blank-input").fill("不知道")
        blank.locator("button[type='submit']").click()
        submit, retry = blank.locator("button[type='submit']"), blank.locator(".quiz-reset-button")
        retry.wait_for(state="visible")
        a, b = submit.bounding_box(), retry.bounding_box()
        gap = b["x"] - (a["x"] + a["width"]) if abs(a["y"] - b["y"]) < 2 else b["y"] - (a["y"] + a["height"])
        assert gap >= 8, f"“提交”和“重试”之间只有 {gap:.0f}px"
    finally:
        context.close()
