"""Read the question bank (`docs/practice/bank/<module>.md`) into `Question` objects.

A question is a metadata comment immediately followed by a mkdocs-quiz block
(see 编写规范 §五):

    <!-- q id="tizhi-01" articles="7" tags="core" -->
    <quiz>
    stem
    - [ ] option
    - [x] option

    explanation
    </quiz>

Quiz blocks are found with mkdocs-quiz's own `mask_code_blocks` / `find_quizzes`,
so this module sees exactly the questions the plugin, its QTI export and its
terminal runner see. The type follows from how the question is written:
fill-in-the-blank when it has `[[answer]]`, true/false when the options are
exactly 正确 and 错误, multiple choice with two or more `[x]`, single choice
otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs_quiz.parsing import CHECKBOX_REGEX, FEEDBACK_REGEX, FILL_BLANK_REGEX, find_quizzes, mask_code_blocks

from scripts.findings import Finding
from scripts.markdown_text import FrontMatterError, split_front_matter

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
#: The bank folder, relative to docs/.
BANK_DIR = "practice/bank"

#: Module codes in course order (the bank files are `<code>.md`).
MODULES = ("zongze", "tizhi", "tichu-shouli", "banli", "jiandu-zhuize", "fuze", "roadmap", "reporting")
#: Banks of short notes rather than full modules (附则: three articles): their quiz needs
#: core questions, but not the full module's eight of three types.
NOTES = ("fuze",)

SINGLE, MULTIPLE, TRUE_FALSE, FILL = "single", "multiple", "truefalse", "fill"
#: Question types in the order papers list them, with their Chinese names.
TYPE_NAMES = {SINGLE: "单选题", MULTIPLE: "多选题", TRUE_FALSE: "判断题", FILL: "填空题"}
TRUE_FALSE_OPTIONS = ("正确", "错误")

Q_COMMENT_RE = re.compile(r"^<!--\s*q\b(.*?)-->\s*$")
_ATTR_RE = re.compile(r'\s*([A-Za-z_][\w-]*)="([^"]*)"')
ID_RE = re.compile(r"^([a-z][a-z-]*)-(\d{2,3})$")
ARTICLE_LINK_RE = re.compile(r"law/index\.md#art-(\d+)")


@dataclass
class Question:
    """One bank question.

    Attributes:
        id: the permanent id (`tizhi-01`); learners' answers are stored by it.
        module: the module code (the bank file's name).
        type: `single`, `multiple`, `truefalse` or `fill`.
        stem: the question text (Markdown; blanks still written `[[answer]]`).
        options: option texts (choice questions).
        correct: indexes of the correct options (choice questions).
        blanks: the answers of the blanks (fill-in-the-blank).
        explanation: the explanation (Markdown) shown after answering.
        articles: the 条例 articles the question tests.
        tags: `core`, `scenario` …
        path: the bank file, relative to the project root.
        line: line of the metadata comment.
        source: the whole `<quiz>…</quiz>` block as written.
        option_lines: file line of each option.
        explanation_line: file line where the explanation starts (0 if none).
    """

    id: str
    module: str
    type: str
    stem: str
    options: list[str]
    correct: list[int]
    blanks: list[str]
    explanation: str
    articles: tuple[int, ...]
    tags: tuple[str, ...]
    path: str
    line: int
    source: str
    option_lines: list[int] = field(default_factory=list)
    explanation_line: int = 0
    raw_articles: str = ""
    raw_tags: str | None = None

    @property
    def type_name(self) -> str:
        return TYPE_NAMES[self.type]

    @property
    def anchor(self) -> str:
        """The id of the question's element on every page that shows it."""
        return f"q-{self.id}"

    def answer_text(self) -> str:
        """The answer as a key shows it: `B`, `A、C`, `正确`, `15；60`."""
        if self.type == FILL:
            return "；".join(self.blanks)
        if self.type == TRUE_FALSE:
            return self.options[self.correct[0]] if self.correct else ""
        return "、".join(option_letter(i) for i in self.correct)

    def cited_articles(self) -> list[int]:
        """Article numbers the explanation links to (`law/index.md#art-N`)."""
        return [int(n) for n in ARTICLE_LINK_RE.findall(self.explanation)]


@dataclass
class Bank:
    """All questions, the problems met while reading them, and each module's title."""

    questions: list[Question]
    problems: list[Finding]
    titles: dict[str, str]
    files: dict[str, str]

    def by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}

    def module(self, code: str, tag: str | None = None) -> list[Question]:
        return [q for q in self.questions if q.module == code and (tag is None or tag in q.tags)]

    @property
    def modules(self) -> list[str]:
        """Modules that have a bank file, in course order (unknown ones last)."""
        known = [m for m in MODULES if m in self.files]
        return known + sorted(m for m in self.files if m not in MODULES)


def option_letter(index: int) -> str:
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[index]


def parse_attrs(text: str) -> tuple[dict[str, str], str]:
    """`id="x" articles="1,2"` -> ({id: x, articles: 1,2}, leftover text that is not an attribute)."""
    attrs: dict[str, str] = {}
    pos = 0
    leftover = []
    for m in _ATTR_RE.finditer(text):
        leftover.append(text[pos : m.start()])
        attrs[m.group(1)] = m.group(2)
        pos = m.end()
    leftover.append(text[pos:])
    return attrs, "".join(leftover).strip()


def _strip_blank(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    while lines and not lines[0][1].strip():
        lines = lines[1:]
    while lines and not lines[-1][1].strip():
        lines = lines[:-1]
    return lines


def _text(lines: list[tuple[int, str]]) -> str:
    return "\n".join(text for _, text in _strip_blank(lines))


def parse_quiz(inner: str, first_line: int) -> dict:
    """Split the inside of a `<quiz>` block as mkdocs-quiz does.

    `first_line` is the file line on which `inner` starts (the `<quiz>` line).
    Returns a dict with type, stem, options, correct, blanks, explanation,
    option_lines, explanation_line and problems (list of (line, message)).
    """
    lines = [(first_line + i, text) for i, text in enumerate(inner.split("\n"))]
    problems: list[tuple[int, str]] = []
    result = {"options": [], "correct": [], "blanks": [], "option_lines": [], "explanation_line": 0, "problems": problems}
    if re.search(FILL_BLANK_REGEX, inner):
        sep = next((i for i, (_, t) in enumerate(lines) if t.strip() == "---"), None)
        stem_lines = lines if sep is None else lines[:sep]
        expl_lines = [] if sep is None else lines[sep + 1 :]
        stem = _text(stem_lines)
        explanation = _text(expl_lines)
        if sep is None:
            problems.append((first_line, "填空题缺少分隔题干和解析的单独一行 ---"))
        result.update(type=FILL, stem=stem, explanation=explanation,
                      blanks=[b.strip() for b in re.findall(FILL_BLANK_REGEX, stem)])
        if re.search(FILL_BLANK_REGEX, explanation):
            problems.append((first_line, "填空题的解析中出现 [[…]]：只有题干中的空格可以这样写"))
        if any(CHECKBOX_REGEX.match(t) for _, t in stem_lines):
            problems.append((first_line, "题目同时有 [[…]] 和选项：插件会把它当作填空题，选项不会显示为选项"))
        body = _strip_blank(expl_lines)
        result["explanation_line"] = body[0][0] if body else 0
        return result
    first = next((i for i, (_, t) in enumerate(lines) if CHECKBOX_REGEX.match(t)), None)
    if first is None:
        result.update(type=SINGLE, stem=_text(lines), explanation="")
        problems.append((first_line, "题目没有选项（- [ ] …），也没有填空 [[…]]"))
        return result
    i = first
    while i < len(lines):
        lineno, text = lines[i]
        m = CHECKBOX_REGEX.match(text)
        if m:
            if m.group(1) not in ("x", "X", " ", ""):
                problems.append((lineno, f"选项标记 [{m.group(1)}] 无效：只能写 [x] 或 [ ]"))
            result["options"].append(m.group(2).strip())
            result["option_lines"].append(lineno)
            if m.group(1).lower() == "x":
                result["correct"].append(len(result["options"]) - 1)
            i += 1
            while i < len(lines) and FEEDBACK_REGEX.match(lines[i][1]):
                i += 1
            continue
        if not text.strip():
            i += 1
            continue
        break
    expl = _strip_blank(lines[i:])
    if any(CHECKBOX_REGEX.match(t) for _, t in expl):
        problems.append((expl[0][0], "选项之间夹有其他文字：后面的选项会被插件当作解析"))
    options = result["options"]
    if tuple(options) in (TRUE_FALSE_OPTIONS, TRUE_FALSE_OPTIONS[::-1]):
        qtype = TRUE_FALSE
    elif len(result["correct"]) >= 2:
        qtype = MULTIPLE
    else:
        qtype = SINGLE
    result.update(type=qtype, stem=_text(lines[:first]), explanation=_text(expl),
                  explanation_line=expl[0][0] if expl else 0)
    return result


def mask_code(text: str) -> tuple[str, dict[str, str]]:
    """mkdocs-quiz's `mask_code_blocks`, but each masked block keeps its line count,
    so line numbers in the masked text are those of the file."""
    masked, blocks = mask_code_blocks(text)
    padded = {}
    for placeholder, original in blocks.items():
        filler = placeholder + "\n" * original.count("\n")
        masked = masked.replace(placeholder, filler, 1)
        padded[filler] = original
    return masked, padded


def parse_file(path: Path, shown: str, module: str | None = None) -> tuple[list[Question], list[Finding], str]:
    """Read one bank file. Returns (questions, structural problems, page title)."""
    module = module or path.stem
    text = path.read_text(encoding="utf-8")
    problems: list[Finding] = []
    title = module
    try:
        meta, _ = split_front_matter(text, shown)
        title = str(meta.get("title") or module)
    except FrontMatterError as exc:
        problems.append(Finding(shown, 1, str(exc).split(": ", 1)[-1]))
    masked, _ = mask_code(text)
    lines = masked.split("\n")
    questions: list[Question] = []
    claimed: set[int] = set()
    for match in find_quizzes(masked):
        quiz_line = masked.count("\n", 0, match.start()) + 1
        line_start = masked.rfind("\n", 0, match.start()) + 1
        if masked[line_start : match.start()].strip():
            problems.append(Finding(shown, quiz_line, "<quiz> 应当单独占一行"))
        meta_line = quiz_line - 1
        meta_match = Q_COMMENT_RE.match(lines[meta_line - 1]) if meta_line >= 1 else None
        if not meta_match:
            problems.append(Finding(shown, quiz_line, '<quiz> 上一行缺少题目元数据 <!-- q id="…" articles="…" tags="…" -->'))
            continue
        claimed.add(meta_line)
        attrs, leftover = parse_attrs(meta_match.group(1))
        if leftover:
            problems.append(Finding(shown, meta_line, f"题目元数据无法识别的内容：{leftover}（属性写成 名称=\"值\"）"))
        unknown = sorted(set(attrs) - {"id", "articles", "tags"})
        if unknown:
            problems.append(Finding(shown, meta_line, f"题目元数据有未知属性：{'、'.join(unknown)}（只有 id、articles、tags）"))
        qid = attrs.get("id", "")
        if not qid:
            problems.append(Finding(shown, meta_line, "题目元数据缺少 id"))
            continue
        raw_articles = attrs.get("articles")
        articles: list[int] = []
        if raw_articles is None:
            problems.append(Finding(shown, meta_line, f"{qid}：缺少 articles（考查条例以外内容的题目写 articles=\"\"）"))
            raw_articles = ""
        for part in [p.strip() for p in raw_articles.replace("，", ",").split(",") if p.strip()]:
            if part.isdigit() and part.isascii():
                articles.append(int(part))
            else:
                problems.append(Finding(shown, meta_line, f"{qid}：articles 中的“{part}”不是阿拉伯数字条号"))
        raw_tags = attrs.get("tags")
        tags = tuple(t for t in re.split(r"[\s,]+", raw_tags or "") if t)
        parsed = parse_quiz(match.group(1), quiz_line)
        for lineno, message in parsed["problems"]:
            problems.append(Finding(shown, lineno, f"{qid}：{message}"))
        questions.append(Question(
            id=qid, module=module, type=parsed["type"], stem=parsed["stem"], options=parsed["options"],
            correct=parsed["correct"], blanks=parsed["blanks"], explanation=parsed["explanation"],
            articles=tuple(articles), tags=tags, path=shown, line=meta_line, source=match.group(0),
            option_lines=parsed["option_lines"], explanation_line=parsed["explanation_line"],
            raw_articles=raw_articles, raw_tags=raw_tags,
        ))
    masked_lines = masked.split("\n")
    for lineno, line in enumerate(masked_lines, start=1):
        if Q_COMMENT_RE.match(line) and lineno not in claimed:
            problems.append(Finding(shown, lineno, "题目元数据的下一行不是 <quiz>：元数据必须紧贴在题目上一行"))
    opened, closed = masked.count("<quiz>"), masked.count("</quiz>")
    if opened != closed:
        problems.append(Finding(shown, 1, f"<quiz> 与 </quiz> 数目不一致（{opened} 个开始，{closed} 个结束）"))
    return questions, problems, title


def module_title(page_title: str) -> str:
    """`专项练习：第二章 信访工作体制` -> `第二章 信访工作体制`."""
    return re.sub(r"^专项练习[：:]\s*", "", page_title).strip()


def load_bank(docs: Path = DOCS, root: Path | None = None) -> Bank:
    """Read every `<docs>/practice/bank/*.md`; ids must be unique across the bank."""
    docs = Path(docs)
    root = Path(root) if root else docs.parent
    bank_dir = docs / BANK_DIR
    questions: list[Question] = []
    problems: list[Finding] = []
    titles: dict[str, str] = {}
    files: dict[str, str] = {}
    paths = sorted(bank_dir.glob("*.md")) if bank_dir.is_dir() else []
    for path in paths:
        if path.name == "index.md":
            continue
        try:
            shown = path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            shown = path.as_posix()
        qs, found, title = parse_file(path, shown)
        questions += qs
        problems += found
        titles[path.stem] = module_title(title)
        files[path.stem] = shown
    seen: dict[str, Question] = {}
    for q in questions:
        if q.id in seen:
            first = seen[q.id]
            problems.append(Finding(q.path, q.line, f"题目 id “{q.id}”重复（已用于 {first.path}:{first.line}）：id 全库唯一"))
        else:
            seen[q.id] = q
    return Bank(questions, problems, titles, files)
