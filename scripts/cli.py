"""Command-line entry: `python -m scripts <command> [options]`.

Each command lives in its own module and is imported only when it runs, so a
missing optional dependency of one command cannot break the others.
"""

from __future__ import annotations

import importlib
import sys

#: command name -> ("module", "function", one-line help). The function takes the
#: remaining argv and returns the exit code.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "check": ("scripts.checks.runner", "main", "运行全部内容检查（docs/ 与构建后的网站）"),
    "report-check": ("scripts.report_check.cli", "main", "检查法治政府建设情况报告草稿"),
    "law-digests": ("scripts.checks.law_lock", "main", "由官方文本生成条例全文的逐段摘要（make check 用它锁定全文）"),
    "quiz-check": ("scripts.checks.quizzes", "main", "检查题库"),
    "diagrams": ("scripts.diagrams.render", "main", "为 docs/ 中的 mermaid 流程图生成静态 SVG（需要 Chromium）"),
    "qti": ("scripts.bank.qti", "main", "导出整个题库的 QTI 包"),
    "score": ("scripts.bank.scorecode", "main", "按题库给成绩码阅卷（模拟试卷成绩单上的成绩码）"),
    "slides": ("scripts.teaching.slides", "main", "为每个模块生成可编辑的 .pptx 课件（build/teaching/）"),
    "handbook": ("scripts.teaching.handbook", "main", "生成打印用的学员手册 PDF（build/teaching/）"),
    "dist": ("scripts.publish.dist", "main", "构建发布包 dist/*.tar.gz"),
    "deploy": ("scripts.publish.deploy", "main", "把发布包部署到内网主机"),
    "rollback": ("scripts.publish.deploy", "rollback_main", "回滚到上一个发布版本"),
}


def usage() -> str:
    lines = ["用法：python -m scripts <命令> [参数]", "", "命令："]
    lines += [f"  {name:<14}{help_}" for name, (_, _, help_) in COMMANDS.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Dispatch to the named command; exit code 2 for an unknown command."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(usage())
        return 0 if argv else 2
    name, rest = argv[0], argv[1:]
    if name not in COMMANDS:
        print(f"未知命令：{name}。可用命令见 `python -m scripts --help`。", file=sys.stderr)
        return 2
    module_name, func_name, _ = COMMANDS[name]
    func = getattr(importlib.import_module(module_name), func_name)
    return int(func(rest) or 0)
