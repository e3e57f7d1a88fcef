"""Quiz checks: every question of the bank (`docs/practice/bank/*.md`) is well formed.

Per question: metadata complete and well formed (unique `<module>-NN` id,
articles in 1–50, tags); single choice has exactly one correct option, multiple
choice at least two, true/false exactly the options 正确 and 错误; options
non-empty and distinct; an explanation that links `law/index.md#art-N` for an
N in `articles` (questions with `articles=""` need an explanation only); no
stem equal or nearly equal to another stem of the bank.

Per module: at least 8 `core` questions of at least 3 types. Whole bank: at
least 200 questions and every article of the 条例 tested by at least one.

`python -m scripts quiz-check` runs these alone; `python -m scripts check`
runs them with the other docs checks (this module registers itself).
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

from scripts.bank.model import BANK_DIR, FILL, ID_RE, MODULES, NOTES, MULTIPLE, SINGLE, TRUE_FALSE, TRUE_FALSE_OPTIONS, Bank, Question, load_bank
from scripts.checks import runner
from scripts.findings import Finding

ROOT = Path(__file__).resolve().parents[2]

MIN_TOTAL = 200
MIN_CORE = 8
MIN_CORE_TYPES = 3
#: Two stems at least this similar (difflib ratio, after normalising) are near-duplicates.
NEAR_DUPLICATE = 0.9
ARTICLES = range(1, 51)

_LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_NON_WORD_RE = re.compile(r"[\W_]+", re.UNICODE)
_LETTER_REF_RE = re.compile(r"(?:选项|答案|选)\s*[A-FＡ-Ｆ](?![A-Za-z])|(?<![A-Za-z])[A-FＡ-Ｆ]\s*项")


def normalise_stem(stem: str) -> str:
    """Stem reduced to what a reader compares: link text kept, blanks unbracketed,
    punctuation, spaces and the 判断/（多选） markers dropped, full-width folded."""
    text = _LINK_RE.sub(r"\1", stem)
    text = text.replace("[[", "").replace("]]", "")
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"^判断[：:]?", "", text)
    text = text.replace("多选", "").replace("单选", "")
    return _NON_WORD_RE.sub("", text)


def _option_key(text: str) -> str:
    return _NON_WORD_RE.sub("", unicodedata.normalize("NFKC", _LINK_RE.sub(r"\1", text)).lower())


def check_question(q: Question, articles: range = ARTICLES) -> list[Finding]:
    """Faults of one question on its own."""
    out: list[Finding] = []

    def add(line: int, message: str) -> None:
        out.append(Finding(q.path, line, f"{q.id}：{message}"))

    m = ID_RE.match(q.id)
    if not m:
        add(q.line, "id 格式应为“模块代号-两位或三位序号”，如 tizhi-01")
    elif m.group(1) != q.module:
        add(q.line, f"id 的模块代号应为本文件名 {q.module}")
    if q.raw_tags is None:
        add(q.line, "缺少 tags（进入模块小测验的题目写 tags=\"core\"）")
    for tag in q.tags:
        if not re.fullmatch(r"[a-z][a-z0-9-]*", tag):
            add(q.line, f"标签“{tag}”应为小写英文字母、数字和连字符")
    for n in q.articles:
        if n not in articles:
            add(q.line, f"articles 中的条号 {n} 不存在：条例共{len(articles)}条")
    if len(set(q.articles)) != len(q.articles):
        add(q.line, "articles 中有重复的条号")
    if not q.stem.strip():
        add(q.line + 1, "题干为空")

    if q.type == FILL:
        if not q.blanks or any(not b for b in q.blanks):
            add(q.line + 1, "填空题的空格 [[…]] 中没有答案")
    else:
        lines = q.option_lines or [q.line + 1]
        if len(q.options) < 2:
            add(lines[0], "选择题至少要有2个选项")
        seen: dict[str, int] = {}
        for i, option in enumerate(q.options):
            if not option.strip():
                add(lines[i], f"第{i + 1}个选项为空")
                continue
            key = _option_key(option) or option
            if key in seen:
                add(lines[i], f"选项“{option}”与第{seen[key] + 1}个选项重复")
            else:
                seen[key] = i
        if not q.correct:
            add(lines[0], "没有标出正确选项 [x]")
        if q.type == TRUE_FALSE and len(q.correct) != 1:
            add(lines[0], "判断题“正确”“错误”两项中恰好一项标 [x]")
        if q.type == SINGLE and q.stem.lstrip().startswith("判断") and tuple(q.options) != TRUE_FALSE_OPTIONS:
            add(lines[0], "判断题的选项必须恰好是“正确”“错误”两项（依次写）")
        if q.type == MULTIPLE and len(q.correct) == len(q.options):
            add(lines[0], "多选题的所有选项都是正确答案：至少留一个干扰项")
        if q.type == MULTIPLE and ("单选" in q.stem):
            add(q.line + 1, "题干写“单选”，但标了两个及以上 [x]")
        if q.type == SINGLE and "多选" in q.stem:
            add(lines[0], "题干写“多选”，但只标了一个 [x]：多选题至少两个正确选项")
        if q.type == TRUE_FALSE and set(q.options) != set(TRUE_FALSE_OPTIONS):
            add(lines[0], "判断题的选项必须恰好是“正确”“错误”两项")

    expl_line = q.explanation_line or q.line
    if q.type in (SINGLE, MULTIPLE) and _LETTER_REF_RE.search(q.explanation):
        add(expl_line, "解析用字母指称选项：模拟试卷会打乱选项顺序，请直接写出选项内容")
    if not q.explanation.strip():
        add(q.line, "缺少解析：选择题在最后一个选项后空一行写，填空题在 --- 之后写")
    else:
        cited = q.cited_articles()
        for n in cited:
            if n not in articles:
                add(expl_line, f"解析链接的 art-{n} 不存在：条例共{len(articles)}条")
        if q.articles and not set(cited) & set(q.articles):
            wanted = "、".join(f"art-{n}" for n in q.articles)
            add(expl_line, f"解析应当写明条号并链接到所考查的条文（{wanted}，如 ../../law/index.md#art-{q.articles[0]}）")
    return out


def check_duplicates(questions: list[Question], threshold: float = NEAR_DUPLICATE) -> list[Finding]:
    """Equal or nearly equal stems across the bank (reported on the later one)."""
    out: list[Finding] = []
    normed = [(q, normalise_stem(q.stem)) for q in questions]
    for i, (q, a) in enumerate(normed):
        if not a:
            continue
        for p, b in normed[:i]:
            if not b:
                continue
            if a == b:
                out.append(Finding(q.path, q.line, f"{q.id}：题干与 {p.id}（{p.path}:{p.line}）重复"))
                break
            matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
            if matcher.real_quick_ratio() >= threshold and matcher.quick_ratio() >= threshold and matcher.ratio() >= threshold:
                out.append(Finding(q.path, q.line,
                                   f"{q.id}：题干与 {p.id}（{p.path}:{p.line}）近似重复（相似度 {matcher.ratio():.2f}），请改写"))
                break
    return out


def check_modules(bank: Bank, modules=MODULES, min_core: int = MIN_CORE, min_types: int = MIN_CORE_TYPES,
                  bank_dir: str = f"docs/{BANK_DIR}") -> list[Finding]:
    out: list[Finding] = []
    for module in modules:
        shown = bank.files.get(module)
        if shown is None:
            out.append(Finding(f"{bank_dir}/{module}.md", 0, f"模块 {module} 的题库文件不存在"))
            continue
        core = bank.module(module, "core")
        types = {q.type for q in core}
        if module in NOTES:
            if not core:
                out.append(Finding(shown, 0, "没有 core 题：说明页的小测验从 core 题中取题"))
            continue
        if len(core) < min_core:
            out.append(Finding(shown, 0, f"core 题只有 {len(core)} 道：每个模块至少 {min_core} 道（模块小测验从中取题）"))
        if len(types) < min_types:
            out.append(Finding(shown, 0, f"core 题只有 {len(types)} 种题型：至少 {min_types} 种"))
    return out


def check_coverage(bank: Bank, articles: range = ARTICLES, min_total: int = MIN_TOTAL,
                   bank_dir: str = f"docs/{BANK_DIR}/") -> list[Finding]:
    out: list[Finding] = []
    tested = coverage(bank.questions)
    missing = [n for n in articles if n not in tested]
    if missing:
        out.append(Finding(bank_dir, 0, f"{len(missing)} 条没有题目考查：" + "、".join(f"第{n}条" for n in missing)))
    if len(bank.questions) < min_total:
        out.append(Finding(bank_dir, 0, f"题库共 {len(bank.questions)} 题，少于 {min_total} 题"))
    return out


def coverage(questions: list[Question]) -> dict[int, list[Question]]:
    """article -> the questions that test it."""
    out: dict[int, list[Question]] = defaultdict(list)
    for q in questions:
        for n in q.articles:
            out[n].append(q)
    return dict(out)


def check_bank(bank: Bank, *, modules=MODULES, articles: range = ARTICLES, min_total: int = MIN_TOTAL,
               min_core: int = MIN_CORE, bank_dir: str = f"docs/{BANK_DIR}") -> list[Finding]:
    """Every check on a loaded bank."""
    findings = list(bank.problems)
    for q in bank.questions:
        findings += check_question(q, articles)
    findings += check_duplicates(bank.questions)
    findings += check_modules(bank, modules, min_core, bank_dir=bank_dir)
    findings += check_coverage(bank, articles, min_total, bank_dir=bank_dir + "/")
    return sorted(set(findings))


def check(root: Path) -> list[Finding]:
    """The docs check registered with the runner: the bank of the project at `root`."""
    root = Path(root)
    return check_bank(load_bank(root / "docs", root))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts quiz-check", description="检查题库")
    parser.add_argument("--root", type=Path, default=ROOT, help="项目目录（默认：本项目）")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    bank = load_bank(root / "docs", root)
    findings = check_bank(bank)
    for finding in findings:
        print(finding)
    sys.stdout.flush()
    tested = coverage(bank.questions)
    print(f"题库 {len(bank.questions)} 题，覆盖条例 {len([n for n in ARTICLES if n in tested])}/{len(ARTICLES)} 条。",
          file=sys.stderr)
    if findings:
        print(f"题库检查未通过：{len(findings)} 处问题。", file=sys.stderr)
        return 1
    print("题库检查通过。", file=sys.stderr)
    return 0


runner.register_docs_check("quizzes", check)
