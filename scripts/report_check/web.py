"""What the 报告自查 page calls in the browser, where this package runs under Pyodide.

The page (docs/reporting/self-check.md, script docs/assets/self-check.js) loads the
package from the bundle that `scripts.report_check.bundle` builds, then calls
`check_data` for an opened file or `check_text` for pasted text. Both read the
report exactly as `python -m scripts report-check` does and answer in JSON:

- `{"result": …, "summary": …, "lines": […]}`: `result` is what `--json` prints,
  `summary` the readable report the command prints (for copying and downloading),
  `lines` the report's lines (for the page's view of the report);
- `{"error": "…"}`: one line saying what is wrong with the input and what to do.
"""

from __future__ import annotations

import json

from scripts.report_check.cli import check_report, format_summary
from scripts.report_check.reader import MAX_BYTES, Report, ReportInputError, read_report_data, report_from_text
from scripts.report_check.rules import REPORT_TYPES, RULES, analyze, run_rules

#: The name findings and messages give pasted text.
PASTED = "粘贴的文本"


def _answer(read, report_type: str | None) -> str:
    try:
        report = read()
    except ReportInputError as exc:
        return json.dumps({"error": str(exc)}, ensure_ascii=False)
    result = check_report(report, report_type or None)
    return json.dumps({"result": result, "summary": format_summary(result), "lines": report.lines}, ensure_ascii=False)


def check_data(data, name: str, report_type: str | None = None) -> str:
    """Check the bytes of a file the user opened (`data`: bytes, or the browser's
    Uint8Array as Pyodide passes it)."""
    if not isinstance(data, bytes):
        data = data.to_bytes()
    return _answer(lambda: read_report_data(data, name), report_type)


def check_text(text: str, report_type: str | None = None) -> str:
    """Check pasted text, as a .txt file with that text would be checked."""
    return _answer(lambda: report_from_text(text, PASTED), report_type)


def page_facts() -> str:
    """What the page needs besides results: the size limit, the report types and rule titles."""
    return json.dumps({
        "max_bytes": MAX_BYTES,
        "report_types": REPORT_TYPES,
        "rule_titles": {rule.id: rule.title for rule in RULES},
    }, ensure_ascii=False)


def warm_up() -> None:
    """Parse the law texts and run every rule once, so the user's first check is as fast as later ones."""
    run_rules(analyze(Report("<warm-up>", ["区某局法治政府建设年度报告", "一、主要举措和成效", "依据《信访工作条例》第二十二条，在15日内处理。"])))
