"""Build the quiz pages from the one question bank (docs/practice/bank/*.md).

Directives (each alone on a line, outside code blocks) are expanded before
mkdocs-quiz reads the page (priority 100):

- `<!-- bank-quiz module="tizhi" -->` (optional `tag="scenario"`, default `core`):
  the module's questions with that tag, links rewritten for the host page;
- `<!-- exam-paper id="A" minutes="60" -->`: 模拟试卷A, picked by scripts.bank.papers, in
  exam mode: the page's quiz markup loses its answers (`data-correct`, `data-answer`)
  and mkdocs-quiz's script, and `assets/practice.js` runs the exam (countdown of
  `minutes`, 交卷, result, 成绩单 with 成绩码) from the key written as JSON;
- `<!-- exam-key id="A" -->`: its answer key table;
- `<!-- bank-coverage -->`, `<!-- bank-summary -->`: article -> questions, module -> counts;
- `<!-- daily-practice -->`: every bank question, hidden; the 每日一练 page shows the day's;
- `<!-- score-reader -->`: the 阅卷 page (reads a 成绩码 with the keys of all papers);
- `<!-- progress-manifest -->`: what the 学习进度 page reads (inserted into the HTML).

After mkdocs-quiz has rendered a page (priority -100) every quiz gets the id
`q-<question id>` instead of its position `quiz-N`, the page gets a stable
storage key (`data-quiz-page`), and the inlined quiz.js is patched
(scripts.bank.quizjs); blanks are sized for their answers and a page other than a paper
gets a print-only answer section (scripts.bank.quizhtml). A malformed bank, an unknown module or paper, or a quiz.js
the patches no longer fit stops the build with the file and line.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

# MkDocs loads hooks by file path; put the project root on sys.path so they can import `scripts`.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import mkdocs.plugins
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data
from mkdocs_quiz.parsing import find_quizzes, mask_code_blocks, unmask_code_blocks

from scripts.bank import quizhtml, render
from scripts.bank.model import BANK_DIR, Q_COMMENT_RE, Bank, load_bank, mask_code, parse_attrs
from scripts.bank.papers import Paper, build_papers
from scripts.bank.quizjs import PATCHED_MARKER, QuizJsPatchError, patch_quiz_js, plugin_script
from scripts.bank.quizplugin import QuizPluginPatchError, patch_plugin
from scripts.markdown_text import FrontMatterError, split_front_matter

DIRECTIVE_RE = re.compile(
    r"^<!--\s*(bank-quiz|exam-paper|exam-key|bank-coverage|bank-summary|daily-practice|score-reader)\b(.*?)-->[ \t]*$",
    re.M)
PROGRESS_MARKER = "<!-- progress-manifest -->"
#: Placeholders the directives leave in the Markdown; replaced by JSON in the HTML.
GRADING_MARKER = "<!-- grading-data -->"
DAILY_MARKER = "<!-- daily-data -->"
#: Answers mkdocs-quiz writes into a question's markup; an exam page must not show them.
_ANSWER_ATTR_RE = re.compile(r'\s(?:data-correct="true"|data-answer="[^"]*"|data-show-correct="true"|data-auto-submit="true")')
DAILY_PAGE = render.DAILY_SRC
_QUIZ_ATTR_RE = re.compile(r'(\b(?:id|for|aria-labelledby)="|\bhref="#)quiz-(\d+)(?=["-])')
PAPER_PAGE_RE = re.compile(r"^practice/exams/paper-([a-z])(-key)?\.md$")


class _State:
    bank: Bank | None = None
    papers: dict[str, Paper] = {}
    #: src_path -> bank question ids shown on the page (from the pre-scan of every page)
    page_questions: dict[str, list[str]] = {}
    #: src_path -> front matter title
    page_titles: dict[str, str] = {}
    #: src_path -> element ids of the page's quizzes, in page order (set while rendering)
    anchors: dict[str, list[str]] = {}
    #: src_path -> (paper letter, minutes) of the pages that run a paper as an exam
    exams: dict[str, tuple[str, int]] = {}
    #: src_path -> (page source, its expansion) from the pre-scan, reused when the page is rendered
    expanded: dict[str, tuple[str, tuple[str, list[str]]]] = {}
    script: str = ""
    patched: str = ""


state = _State()


def _fail(where: str, message: str) -> PluginError:
    return PluginError(f"{where}: {message}")


def on_config(config):
    try:
        state.script = plugin_script()
        state.patched = patch_quiz_js(state.script)
    except QuizJsPatchError as exc:
        raise PluginError(f"scripts/bank/quizjs.py: {exc}") from None
    plugin = (config.get("plugins") or {}).get("mkdocs_quiz")
    if plugin is not None:
        try:
            patch_plugin(plugin)
        except QuizPluginPatchError as exc:
            raise PluginError(f"scripts/bank/quizplugin.py: {exc}") from None
    return config


def _load(config) -> None:
    docs = Path(config.docs_dir)
    bank = load_bank(docs, docs.parent)
    if bank.problems:
        shown = "\n".join(str(p) for p in bank.problems[:20])
        raise PluginError(f"题库格式有误（python -m scripts quiz-check 可查看全部问题）：\n{shown}")
    state.bank = bank
    state.papers = build_papers(bank)


def _directive_args(raw: str, where: str) -> dict[str, str]:
    attrs, leftover = parse_attrs(raw)
    if leftover:
        raise _fail(where, f"取题指令中无法识别的内容：{leftover}")
    return attrs


def expand(markdown: str, src: str, bank: Bank, papers: dict[str, Paper], first_line: int = 1) -> tuple[str, list[str]]:
    """Expand the directives of page `src` (`markdown` starts at the file's line `first_line`);
    return (Markdown, ids of the bank questions inserted)."""
    masked, blocks = mask_code(markdown)
    inserted: list[str] = []

    def replace(m: re.Match) -> str:
        line = masked.count("\n", 0, m.start()) + first_line
        where = f"docs/{src}:{line}"
        kind, args = m.group(1), _directive_args(m.group(2), where)
        if kind == "bank-quiz":
            module, tag = args.get("module", ""), args.get("tag", "core")
            if module not in bank.files:
                raise _fail(where, f"题库中没有模块“{module}”（应为 {'、'.join(bank.modules)} 之一）")
            text, qs = render.module_quiz(bank, module, tag, src)
            if not qs:
                raise _fail(where, f"模块 {module} 没有标签为 {tag} 的题目")
            inserted.extend(q.id for q in qs)
            return text
        if kind in ("exam-paper", "exam-key"):
            letter = args.get("id", "")
            if letter not in papers:
                raise _fail(where, f"没有试卷“{letter}”（应为 {'、'.join(papers)} 之一）")
            paper = papers[letter]
            if kind == "exam-key":
                return render.key_markdown(paper, src)
            minutes = args.get("minutes", "")
            if not (minutes.isascii() and minutes.isdigit() and int(minutes) > 0):
                raise _fail(where, f'exam-paper 指令的 minutes（考试时间，分钟）应是正整数，现为“{minutes}”：'
                                   f'写成 <!-- exam-paper id="{letter}" minutes="60" -->')
            state.exams[src] = (letter, int(minutes))
            inserted.extend(q.id for q in paper.questions)
            return (f'{render.exam_app_html(paper, int(minutes))}\n\n{GRADING_MARKER}\n\n'
                    + render.paper_markdown(paper, src)
                    + f'\n\n<div class="exam-score" data-exam-paper="{letter}"></div>')
        if kind == "daily-practice":
            text, qs = render.daily_markdown(bank, src)
            inserted.extend(q.id for q in qs)
            return f'<div class="daily-app" id="daily-app"></div>\n\n{DAILY_MARKER}\n\n' + text
        if kind == "score-reader":
            return f'<div class="grade-app" id="grade-app"></div>\n\n{GRADING_MARKER}'

        if kind == "bank-coverage":
            return render.coverage_markdown(bank, src)
        return render.bank_summary_markdown(bank, src)

    expanded = DIRECTIVE_RE.sub(replace, masked)
    return unmask_code_blocks(expanded, blocks), inserted


def quiz_anchors(markdown: str) -> list[str]:
    """Element ids for the quizzes of a page, in the order mkdocs-quiz numbers them:
    `q-<id>` from the metadata comment above a quiz, else `q-h<hash of the quiz>`."""
    masked, _ = mask_code_blocks(markdown)
    lines = masked.split("\n")
    out: list[str] = []
    for match in find_quizzes(masked):
        line = masked.count("\n", 0, match.start())  # 0-based index of the <quiz> line
        meta = Q_COMMENT_RE.match(lines[line - 1]) if line >= 1 else None
        qid = parse_attrs(meta.group(1))[0].get("id") if meta else None
        anchor = f"q-{qid}" if qid else "q-h" + hashlib.sha1(match.group(0).encode("utf-8")).hexdigest()[:10]
        base, n = anchor, 2
        while anchor in out:
            anchor, n = f"{base}-{n}", n + 1
        out.append(anchor)
    return out


def on_files(files, config):
    _load(config)
    state.page_questions, state.page_titles, state.anchors, state.exams, state.expanded = {}, {}, {}, {}, {}
    bank = state.bank
    for file in files.documentation_pages():
        src = file.src_uri
        text = file.content_string
        try:
            meta, _ = split_front_matter(text, f"docs/{src}")
        except FrontMatterError:
            meta = {}
        state.page_titles[src] = str(meta.get("title") or src)
        if src.startswith(BANK_DIR + "/"):
            state.page_questions[src] = [q.id for q in bank.module(Path(src).stem)]
        elif DIRECTIVE_RE.search(text):
            body = get_data(text)[0]  # the page's Markdown as MkDocs reads it, after its front matter
            expansion = expand(body, src, bank, state.papers, first_line=text[: len(text) - len(body)].count("\n") + 1)
            state.expanded[src] = (body, expansion)
            ids = expansion[1]
            if ids:
                state.page_questions[src] = ids
    return files


def quiz_enabled(page, config) -> bool:
    """Whether mkdocs-quiz renders the quizzes of this page (its own decision where available)."""
    plugin = config.plugins.get("mkdocs_quiz")
    if plugin is not None and hasattr(plugin, "_should_process_page"):
        return bool(plugin._should_process_page(page))
    meta = page.meta.get("quiz")
    return isinstance(meta, dict) and bool(meta.get("enabled"))


@mkdocs.plugins.event_priority(100)
def on_page_markdown(markdown, page, config, files):
    src = page.file.src_uri
    if DIRECTIVE_RE.search(markdown):
        source, expansion = state.expanded.get(src, (None, None))
        markdown, ids = expansion if source == markdown else expand(markdown, src, state.bank, state.papers)
        if ids and not quiz_enabled(page, config):
            raise _fail(f"docs/{src}", "页面有取题指令，但没有启用测验：在 front matter 中写 quiz: {enabled: true}")
    if page.meta.get("bank"):  # a bank page: its questions are written out, not drawn by a directive
        markdown = markdown.replace("<!-- mkdocs-quiz intro -->", render.FICTION_NOTE + "\n\n<!-- mkdocs-quiz intro -->", 1)
    if "<quiz>" in markdown and quiz_enabled(page, config):
        state.anchors[src] = quiz_anchors(markdown)
    return markdown


def rename_quizzes(html: str, anchors: list[str], where: str) -> str:
    """`quiz-N` -> anchors[N] in the ids, labels and header links mkdocs-quiz wrote."""
    found = len(re.findall(r'<div class="quiz[ "][^>]*\bid="quiz-\d+"', html))
    if found != len(anchors):
        raise _fail(where, f"页面上有 {found} 道测验题，取题时算出 {len(anchors)} 道：无法给测验题分配固定的编号")

    def fix(m: re.Match) -> str:
        return m.group(1) + anchors[int(m.group(2))]

    return _QUIZ_ATTR_RE.sub(fix, html)


@mkdocs.plugins.event_priority(-100)
def on_page_content(html, page, config, files):
    src = page.file.src_uri
    where = f"docs/{src}"
    anchors = state.anchors.pop(src, [])
    has_script = state.script in html
    if anchors and not has_script and PATCHED_MARKER not in html:
        raise _fail(where, "页面有测验题，但没有找到 mkdocs-quiz 内嵌的 quiz.js（页面是否写了 quiz: enabled: true？"
                           "插件版本是否变了？）")
    if anchors:
        html = rename_quizzes(html, anchors, where)
        if page.present_anchor_ids is not None:
            page.present_anchor_ids |= set(anchors)
        is_paper = bool(PAPER_PAGE_RE.match(src))
        html = quizhtml.size_blanks(html, uniform=is_paper)
        # A paper prints blank (its key is its own page); 每日一练 holds the whole bank for the day's pick.
        if not is_paper and DAILY_MARKER not in html:
            html += quizhtml.answer_section(html)
    exam = state.exams.get(src)
    if has_script:
        # An exam page runs without mkdocs-quiz's script (it would show each answer at once).
        html = html.replace(state.script, "" if exam else state.patched)
        html = f'<div hidden data-quiz-page="{render.page_key(src)}"></div>\n' + html
    if exam:
        html = _ANSWER_ATTR_RE.sub("", html)
    if GRADING_MARKER in html:
        data = render.grading_data(state.bank, state.papers, src)
        if exam:
            data["exam"] = {"letter": exam[0], "minutes": exam[1]}
        html = html.replace(GRADING_MARKER, render.json_script("grading-data", data), 1)
    if DAILY_MARKER in html:
        html = html.replace(DAILY_MARKER, render.json_script("daily-data", render.daily_data(state.bank)), 1)
        # The whole bank is on this page for the day's pick: keep it out of the search index.
        html = re.sub(r'<div class="quiz(?=[ "])', '<div data-search-exclude class="quiz', html)
    if PROGRESS_MARKER in html:
        urls = {}
        for s in state.page_questions:
            target = files.get_file_from_path(s)
            if target is not None:
                urls[s] = get_relative_url(target.url, page.url)
        data = render.manifest(state.bank, state.papers, state.page_questions, urls, state.page_titles)
        html = html.replace(PROGRESS_MARKER, render.manifest_script(data)
                            + '\n<div id="quiz-progress-app" class="quiz-progress-app"></div>', 1)
    return html


def _needs_assets(page) -> bool:
    src = page.file.src_uri
    return bool(PAPER_PAGE_RE.match(src)) or src == "practice/progress.md"


def on_post_page(output, page, config):
    src = page.file.src_uri
    if not (_needs_assets(page) or 'data-quiz-page="' in output or 'id="grading-data"' in output):
        return output
    css = get_relative_url("assets/practice.css", page.url)
    js = get_relative_url("assets/practice.js", page.url)
    records = get_relative_url("assets/records.js", page.url)
    output = output.replace("</head>", f'<link rel="stylesheet" href="{css}">\n</head>', 1)
    output = output.replace("</body>", f'<script src="{records}" defer></script>\n'
                                       f'<script src="{js}" defer></script>\n</body>', 1)
    m = PAPER_PAGE_RE.match(src)
    attr = ("data-exam-key" if m.group(2) else "data-exam-paper") if m else None
    if src == DAILY_PAGE:
        attr = "data-daily"
    if attr:
        output = output.replace("<body ", f"<body {attr} ", 1)
    return output
