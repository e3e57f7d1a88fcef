"""`python -m scripts report-check FILE [--json] [--type fazhi|xinfang]`.

Checks a report draft and prints what required content it has, and each finding
with its line (or, for .docx, paragraph) number, severity and a suggested fix.

Exit codes: 0 — no 错误 (there may be 建议); 1 — at least one 错误; 2 — the file
could not be read (one line on stderr saying why) or the arguments are wrong.
"""

from __future__ import annotations

import argparse
import json
import sys

from scripts.report_check.elements import MISSING, PRESENT, element_statuses
from scripts.report_check.reader import Report, ReportInputError, read_report
from scripts.report_check.rules import ERROR, REPORT_TYPES, RULES_BY_ID, SUGGESTION, analyze, run_rules

_MARKS = {PRESENT: "✓", MISSING: "✗"}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2, like bad input
        self.exit(2, f"report-check：{message}（用法：python -m scripts report-check FILE [--json] [--type fazhi|xinfang]）\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m scripts report-check",
        description="检查法治政府建设年度报告或信访情况年度报告草稿：必备内容、条例引用和常见文字问题。",
    )
    parser.add_argument("file", metavar="FILE", help="报告草稿：.txt、.md（UTF-8 或 GB18030/GBK）或 .docx")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    parser.add_argument(
        "--type", choices=sorted(REPORT_TYPES), default=None,
        help="报告类型：fazhi=法治政府建设年度报告，xinfang=信访情况年度报告；默认按标题判断",
    )
    return parser


def check_file(path: str, report_type: str | None = None) -> dict:
    """Check one file and return the result as a dict (the --json output).

    Raises:
        ReportInputError: when the file cannot be read.
    """
    return check_report(read_report(path), report_type)


def check_report(report: Report, report_type: str | None = None) -> dict:
    """Check a report already read; the result as `check_file` returns it (the 报告自查
    page calls this in the browser)."""
    analysis = analyze(report, report_type)
    findings = run_rules(analysis)
    elements = element_statuses(analysis, findings)
    return {
        "file": report.path,
        "encoding": report.encoding,
        "unit": report.unit,
        "lines": len(report.lines),
        "report_type": analysis.report_type,
        "report_type_name": REPORT_TYPES[analysis.report_type],
        "title": analysis.outline.title,
        "elements": [e.as_dict() for e in elements],
        "findings": [f.as_dict() for f in findings],
        "counts": {
            ERROR: sum(f.severity == ERROR for f in findings),
            SUGGESTION: sum(f.severity == SUGGESTION for f in findings),
        },
    }


def format_summary(result: dict) -> str:
    """The readable report printed by default."""
    unit = result["unit"]

    def where(n: int) -> str:
        return f"第{n}{unit}"

    out = [
        f"报告检查：{result['file']}",
        f"类型：{result['report_type_name']}　标题：{result['title']}　共{result['lines']}{unit}（{result['encoding']}）",
        "",
        "必备内容：",
    ]
    for e in result["elements"]:
        mark = _MARKS.get(e["status"], "△")
        span = ""
        if e["first_line"]:
            span = where(e["first_line"]) if e["first_line"] == e["last_line"] else f"第{e['first_line']}—{e['last_line']}{unit}"
            span = f"（{span}）"
        note = f"：{e['note']}" if e["note"] else ""
        out.append(f"  {mark} {e['status']}  {e['title']}{span}{note}")
    counts = result["counts"]
    out += ["", f"问题：错误 {counts[ERROR]} 个，建议 {counts[SUGGESTION]} 个"]
    for f in result["findings"]:
        place = where(f["line"]) if f["line"] else "全文"
        title = RULES_BY_ID[f["rule"]].title
        out.append(f"  {place} [{f['severity']}] {f['rule']} {title}：{f['message']}")
        out.append(f"      修改建议：{f['suggestion']}")
    if not result["findings"]:
        out.append("  （没有发现问题）")
    out += ["", "规则说明见课程网站“维护手册 › 报告检查规则”。"]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        result = check_file(args.file, args.type)
    except ReportInputError as exc:
        print(f"report-check：{exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(format_summary(result))
    return 1 if result["counts"][ERROR] else 0
