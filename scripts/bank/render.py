"""Markdown (and JSON) the build hook writes from the bank.

Every function takes the `src_path` of the page it writes for (relative to
docs/), so links copied from a bank file are rewritten to work from that page.
"""

from __future__ import annotations

import hashlib
import html
import json
import posixpath
import re

from mkdocs_quiz.parsing import FEEDBACK_REGEX as FEEDBACK_RE

from scripts.bank.model import BANK_DIR, FILL, MULTIPLE, SINGLE, TYPE_NAMES, Bank, Question, option_letter
from scripts.bank.papers import PASS_MARK, POINTS, Paper
from scripts.law import article_label, int_to_cn

#: Learners' answers are stored in localStorage under STORAGE_PREFIX + page key.
STORAGE_PREFIX = "quiz_progress_"
#: Namespace of this site's page keys, so another mkdocs-quiz site on the same host never collides.
SITE_NAMESPACE = "xinfang:"
#: The 每日一练 page (its answers are stored per day under its key + "/<date>").
DAILY_SRC = "practice/daily.md"

_MD_LINK_RE = re.compile(r"(!?\[[^\]]*\]\()([^)\s]+)((?:\s+\"[^\"]*\")?\))")


def page_key(src_path: str) -> str:
    """The stable storage key of a page: `practice/bank/tizhi.md` -> `xinfang:practice/bank/tizhi`."""
    return SITE_NAMESPACE + re.sub(r"\.md$", "", src_path)


def rewrite_links(markdown: str, from_src: str, to_src: str) -> str:
    """Rewrite relative Markdown links written in `from_src` so they work from `to_src`."""
    from_dir = posixpath.dirname(from_src)
    to_dir = posixpath.dirname(to_src) or "."
    if posixpath.dirname(from_src) == posixpath.dirname(to_src) and from_src == to_src:
        return markdown

    def fix(m: re.Match) -> str:
        target = m.group(2)
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target) or target.startswith("/"):
            return m.group(0)
        path, sep, anchor = target.partition("#")
        resolved = posixpath.normpath(posixpath.join(from_dir, path)) if path else from_src
        new = posixpath.relpath(resolved, to_dir) + (sep + anchor if sep else "")
        return m.group(1) + new + m.group(3)

    return _MD_LINK_RE.sub(fix, markdown)


def option_order(q: Question, seed: str) -> list[int]:
    """A fixed shuffle of a choice question's options for a paper (true/false keeps 正确, 错误)."""
    n = len(q.options)
    if q.type not in (SINGLE, MULTIPLE) or n < 2:
        return list(range(n))
    return sorted(range(n), key=lambda i: hashlib.sha256(f"{seed}:{q.id}:{i}".encode()).hexdigest())


def reorder_options(q: Question, order: list[int]) -> str:
    """`q.source` with its option lines (and any feedback lines under them) in `order`."""
    lines = q.source.split("\n")
    first = q.line + 1  # file line of the <quiz> line, index 0 of `lines`
    starts = [n - first for n in q.option_lines]
    blocks = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else start + 1
        if k + 1 == len(starts):
            while end < len(lines) and FEEDBACK_RE.match(lines[end]):
                end += 1
        block = lines[start:end]
        while block and not block[-1].strip():
            block.pop()
        blocks.append(block)
    tail_start = starts[-1] + len(blocks[-1])
    out = lines[: starts[0]] + [line for i in order for line in blocks[i]] + lines[tail_start:]
    return "\n".join(out)


def quiz_markdown(q: Question, host_src: str, number: int | None = None, order: list[int] | None = None) -> str:
    """The question's metadata comment and `<quiz>` block, for the page `host_src`;
    with `order`, its options in that order (papers)."""
    source = reorder_options(q, order) if order and order != sorted(order) else q.source
    body = rewrite_links(source, bank_src(q), host_src)
    if number is not None:
        body = body.replace("<quiz>\n", f"<quiz>\n**{number}.**&nbsp;", 1)
    tags = " ".join(q.tags)
    articles = ",".join(str(n) for n in q.articles)
    return f'<!-- q id="{q.id}" articles="{articles}" tags="{tags}" -->\n{body}'


def bank_src(q: Question) -> str:
    return f"{BANK_DIR}/{q.module}.md"


#: Shown above every set of questions: the people and places in them are invented.
FICTION_NOTE = '<p class="quiz-fiction-note">题目中的人物、单位和情节均为虚构（教学案例，情节虚构）。</p>'


def module_quiz(bank: Bank, module: str, tag: str, host_src: str) -> tuple[str, list[Question]]:
    questions = bank.module(module, tag)
    return "\n\n".join([FICTION_NOTE, *(quiz_markdown(q, host_src) for q in questions)]), questions


def plain(markdown: str, limit: int | None = None) -> str:
    """Markdown reduced to one line of plain text (blanks shown as ＿＿)."""
    text = re.sub(r"\[\[[^\]]+\]\]", "＿＿", markdown)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"[*_`]{1,3}", "", text)
    text = re.sub(r"^\s*(?:[-*>]|\d+\.)\s+", "", text, flags=re.M)
    text = re.sub(r"\s*\n\s*", " ", text).strip()
    if limit and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def law_link(n: int, host_src: str) -> str:
    target = posixpath.relpath("law/index.md", posixpath.dirname(host_src) or ".")
    return f"[{article_label(n)}]({target}#art-{n})"


def paper_markdown(paper: Paper, host_src: str) -> str:
    parts = [FICTION_NOTE]
    for i, (qtype, items) in enumerate(paper.sections()):
        first, last = items[0][0], items[-1][0]
        heading = f"## {int_to_cn(i + 1)}、{TYPE_NAMES[qtype]}（第{first}～{last}题，每题{POINTS}分，共{len(items) * POINTS}分）"
        if qtype == FILL:
            heading += "\n\n在空格中填写答案，填完后点“提交”。"
        elif qtype == "multiple":
            heading += "\n\n每题有两个或两个以上正确答案，全部选对才得分；选好后点“提交”。"
        parts.append(heading)
        parts += [quiz_markdown(q, host_src, number, option_order(q, paper.letter)) for number, q in items]
    return "\n\n".join(parts)


def exam_app_html(paper: Paper, minutes: int) -> str:
    """The exam's box as it stands before 开始考试: the rules and the start button.

    It is in the page itself, so the page has its final layout before practice.js runs
    (which wires the button and keeps this paragraph for later returns to the start).
    """
    total = len(paper.questions)
    rules = (f"考试时间{minutes}分钟，共{total}题，每题{POINTS}分，满分{total * POINTS}分，{PASS_MARK}分及格。"
             "开始后计时，交卷前不显示答案。")
    return (f'<div class="exam-app" id="exam-app" data-exam-paper="{paper.letter}"><div class="exam-panel">'
            f'<p class="exam-rules">{rules}</p>'
            '<button type="button" class="md-button md-button--primary exam-start">开始考试</button>'
            '</div></div>')


def key_markdown(paper: Paper, host_src: str) -> str:
    """The answer key: 题号 | 题型 | 题目 | 答案 | 依据条文 on screen, and for print a
    one-page grid 题号 -> 答案 (print.css shows the grid and hides the table)."""
    paper_page = posixpath.relpath(f"practice/exams/{paper.slug}.md", posixpath.dirname(host_src) or ".")
    grid = []
    lines = [
        f"试卷：[{paper.title}]({paper_page})。共{len(paper.questions)}题，每题{POINTS}分，满分{len(paper.questions) * POINTS}分，"
        f"{PASS_MARK}分及格。",
        "",
        "| 题号 | 题型 | 题目 | 答案 | 依据条文 |",
        "|---:|---|---|---|---|",
    ]
    for _, items in paper.sections():
        for number, q in items:
            answer = q.answer_text()
            if q.type in (SINGLE, MULTIPLE):
                order = option_order(q, paper.letter)
                shown = sorted(order.index(i) for i in q.correct)  # positions on the paper
                answer = "、".join(option_letter(p) for p in shown)
                answer += "（" + "；".join(f"{option_letter(p)}．{plain(q.options[order[p]])}" for p in shown) + "）"
            basis = "、".join(law_link(n, host_src) for n in q.articles) or "见解析"
            lines.append(f"| {number} | {q.type_name} | {_cell(plain(q.stem, 80))} | {_cell(answer)} | {basis} |")
            grid.append((number, answer.split("（")[0] if q.type in (SINGLE, MULTIPLE) else answer))
    return "\n".join(lines) + "\n\n" + key_grid_html(paper, grid)


def key_grid_html(paper: Paper, grid: list[tuple[int, str]]) -> str:
    """The print-only grid of an answer key: 题号 and 答案 in columns, filled top to bottom."""
    cells = "".join(f'<li><span class="exam-key-grid__n">{n}</span><span class="exam-key-grid__a">{html.escape(a)}</span></li>'
                    for n, a in grid)
    return (f'<div class="exam-key-grid" data-search-exclude><p class="exam-key-grid__title">{html.escape(paper.title)}参考答案'
            f"（题号→答案，每题{POINTS}分，{PASS_MARK}分及格）</p><ol>{cells}</ol></div>")


def coverage_markdown(bank: Bank, host_src: str, articles=range(1, 51)) -> str:
    """Table article -> the questions testing it (linked to the bank pages)."""
    index: dict[int, list[Question]] = {n: [] for n in articles}
    for q in bank.questions:
        for n in q.articles:
            index.setdefault(n, []).append(q)
    lines = ["| 条文 | 题数 | 题目 |", "|---|---:|---|"]
    for n in articles:
        qs = index.get(n, [])
        links = "、".join(
            f"[{q.id}]({posixpath.relpath(bank_src(q), posixpath.dirname(host_src) or '.')}#{q.anchor})" for q in qs
        ) or "**尚无题目**"
        lines.append(f"| {law_link(n, host_src)} | {len(qs)} | {links} |")
    return "\n".join(lines)


def bank_summary_markdown(bank: Bank, host_src: str) -> str:
    """Table module -> questions by type."""
    order = list(TYPE_NAMES)
    lines = ["| 专项练习 | " + " | ".join(TYPE_NAMES[t] for t in order) + " | 合计 | 其中模块小测验 |",
             "|---|" + "---:|" * (len(order) + 2)]
    total = {t: 0 for t in order}
    for m in bank.modules:
        qs = bank.module(m)
        counts = {t: sum(1 for q in qs if q.type == t) for t in order}
        for t in order:
            total[t] += counts[t]
        link = posixpath.relpath(f"{BANK_DIR}/{m}.md", posixpath.dirname(host_src) or ".")
        lines.append(f"| [{bank.titles.get(m, m)}]({link}) | " + " | ".join(str(counts[t]) for t in order)
                     + f" | {len(qs)} | {len(bank.module(m, 'core'))} |")
    lines.append("| **合计** | " + " | ".join(f"**{total[t]}**" for t in order) + f" | **{len(bank.questions)}** | |")
    return "\n".join(lines)


def manifest(bank: Bank, papers: dict[str, Paper], pages: dict[str, list[str]], urls: dict[str, str],
             titles: dict[str, str]) -> dict:
    """What the 学习进度 page needs to read the stored answers.

    `pages`: src_path -> question ids shown on it; `urls`: src_path -> URL relative
    to the progress page; `titles`: src_path -> page title.
    """
    by_id = bank.by_id()
    paper_src = {f"practice/exams/{p.slug}.md": p for p in papers.values()}
    page_entries = {}
    for src, ids in sorted(pages.items()):
        page_entries[page_key(src)] = {"url": urls.get(src, ""), "title": titles.get(src, src), "ids": ids}
    groups = []
    for m in bank.modules:
        ids = [q.id for q in bank.module(m)]
        wanted = set(ids)
        keys = [page_key(src) for src, shown in sorted(pages.items())
                if src not in paper_src and wanted & set(shown)]
        bank_page = f"{BANK_DIR}/{m}.md"
        groups.append({"kind": "module", "id": m, "title": bank.titles.get(m, m), "questions": ids, "pages": keys,
                       "home": page_key(bank_page)})
    for src, paper in paper_src.items():
        groups.append({"kind": "paper", "id": paper.letter, "title": paper.title,
                       "questions": [q.id for q in paper.questions], "pages": [page_key(src)], "home": page_key(src),
                       "passMark": PASS_MARK})
    questions = {q.id: {"module": q.module, "type": q.type_name, "stem": plain(q.stem, 60)} for q in by_id.values()}
    return {"storagePrefix": STORAGE_PREFIX, "namespace": SITE_NAMESPACE, "pages": page_entries, "groups": groups,
            "questions": questions, "dailyPage": page_key(DAILY_SRC)}


def manifest_script(data: dict) -> str:
    """The manifest as an inert JSON data block (not executed, so CSP-neutral)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/json" id="quiz-manifest">{text}</script>'


def json_script(element_id: str, data) -> str:
    """`data` as an inert JSON data block (not executed, so CSP-neutral)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/json" id="{element_id}">{text}</script>'


def paper_data(bank: Bank, paper: Paper, minutes: int | None = None) -> dict:
    """What the exam page and the 阅卷 page need to score paper answers: per question its
    type, module and answer as positions on the paper (choice) or text (blanks), plus the
    成绩码 layout of the paper (scripts.bank.scorecode)."""
    from scripts.bank import scorecode

    questions = []
    numbered = [item for _, items in paper.sections() for item in items]
    assert [q.id for _, q in numbered] == [q.id for q in paper.questions], "paper order is section order"
    for number, q in numbered:
        order = option_order(q, paper.letter)
        entry = {"id": q.id, "n": number, "type": q.type, "module": q.module, "stem": plain(q.stem, 60)}
        if q.type == FILL:
            entry["blanks"] = q.blanks
            entry["answer"] = q.answer_text()
        else:
            key = sorted(order.index(i) for i in q.correct)
            entry["key"] = key
            entry["options"] = len(order)
            entry["answer"] = (q.options[order[key[0]]] if q.type == "truefalse"
                               else "、".join(option_letter(p) for p in key))
        questions.append(entry)
    data = {"letter": paper.letter, "title": paper.title, "passMark": PASS_MARK, "points": POINTS,
            "questions": questions, "code": scorecode.paper_spec(paper)}
    if minutes is not None:
        data["minutes"] = minutes
    return data


def grading_data(bank: Bank, papers: dict[str, Paper], host_src: str) -> dict:
    """What the exam and 阅卷 pages share: module and type names, the code format, the papers."""
    from scripts.bank import scorecode

    return {"modules": dict(bank.titles), "types": TYPE_NAMES, "code": scorecode.spec(),
            "papers": {letter: paper_data(bank, p) for letter, p in papers.items()},
            "paperUrls": {letter: posixpath.relpath(f"practice/exams/{p.slug}.md", posixpath.dirname(host_src))
                          for letter, p in papers.items()}}


#: 每日一练: the first SHARED questions of the day's order are everyone's; the next
#: CANDIDATES - SHARED are the "equals" from which this browser takes DAILY - SHARED,
#: its wrong ones first, then those it has not answered (records.js, dailySet).
DAILY, DAILY_SHARED, DAILY_CANDIDATES = 5, 3, 10


def daily_markdown(bank: Bank, host_src: str) -> tuple[str, list[Question]]:
    """Every bank question (hidden until the page picks the day's), in course order."""
    questions = [q for m in bank.modules for q in bank.module(m)]
    return "\n\n".join([FICTION_NOTE, *(quiz_markdown(q, host_src) for q in questions)]), questions


def daily_data(bank: Bank) -> dict:
    return {"ids": [q.id for m in bank.modules for q in bank.module(m)], "size": DAILY, "shared": DAILY_SHARED,
            "candidates": DAILY_CANDIDATES, "salt": "xinfang-daily"}
