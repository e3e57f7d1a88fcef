"""`python -m scripts qti` (`make qti`): the whole bank as one QTI package for an LMS.

The questions are read by mkdocs-quiz's own QTI extractor from
`docs/practice/bank/` (the same reading `mkdocs-quiz export qti docs/practice/bank`
does), then given stable identifiers from the bank (`tizhi-01`, answers
`tizhi-01-a` …), so re-importing an updated package updates questions instead
of duplicating them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mkdocs_quiz.qti import QTIExporter, QTIVersion, extract_quizzes_from_directory

from scripts.bank.model import BANK_DIR, load_bank

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUTPUT = Path("dist/qti/xinfang-bank.zip")
TITLE = "《信访工作条例》培训课程题库"


def build_collection(root: Path = ROOT):
    """The bank as a mkdocs-quiz QuizCollection with the bank's ids; raises ValueError on a mismatch."""
    docs = root / "docs"
    bank = load_bank(docs, root)
    if bank.problems:
        raise ValueError("题库格式有误，先运行 python -m scripts quiz-check：\n" + "\n".join(map(str, bank.problems[:20])))
    collection = extract_quizzes_from_directory(docs / BANK_DIR, recursive=False)
    by_place = {(q.path, q.line + 1): q for q in bank.questions}
    for quiz in collection.quizzes:
        try:
            shown = Path(quiz.source_file).resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            shown = str(quiz.source_file)
        q = by_place.get((shown, quiz.source_line))
        if q is None:
            raise ValueError(f"{shown}:{quiz.source_line}: 插件读到的题目在题库中找不到对应的元数据")
        quiz.identifier = q.id
        for i, answer in enumerate(quiz.answers):
            answer.identifier = f"{q.id}-{'abcdefghijklmnopqrstuvwxyz'[i]}"
        for i, blank in enumerate(quiz.blanks):
            blank.identifier = f"{q.id}-blank-{i + 1}"
    if len(collection.quizzes) != len(bank.questions):
        raise ValueError(f"插件读到 {len(collection.quizzes)} 道题，题库有 {len(bank.questions)} 道")
    collection.title = TITLE
    collection.description = f"{len(bank.questions)} 道题，来自 docs/{BANK_DIR}/"
    collection.identifier = "xinfang-bank"
    return collection


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts qti", description="导出整个题库的 QTI 包")
    parser.add_argument("-o", "--output", type=Path, default=None, help=f"输出文件（默认：{DEFAULT_OUTPUT}）")
    parser.add_argument("--qti-version", choices=["1.2", "2.1"], default="1.2", help="QTI 版本（默认 1.2，兼容面最广）")
    parser.add_argument("--root", type=Path, default=ROOT, help="项目目录（默认：本项目）")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    output = args.output or root / DEFAULT_OUTPUT
    try:
        collection = build_collection(root)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 1
    errors = collection.validate()
    if errors:
        for quiz_id, problems in errors.items():
            for problem in problems:
                print(f"{quiz_id}: {problem}", file=sys.stderr)
        return 1
    output.parent.mkdir(parents=True, exist_ok=True)
    path = QTIExporter.create(collection, QTIVersion.from_string(args.qti_version)).export_to_zip(output)
    print(f"已导出 {len(collection.quizzes)} 道题（QTI {args.qti_version}）：{path}")
    return 0
