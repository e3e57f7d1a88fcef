"""The required content of a report and whether a draft has it.

The summary at the top of the checker's output lists each required element with
its status — 有 (present), 薄弱 (present but thin), 缺 (missing) — and where it is.
The status is derived from the findings of the content rules, so the summary and
the list of findings always agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from scripts.report_check.rules import LEADER_WORDS_RE, XINFANG_ITEMS, Analysis, ReportFinding

PRESENT, THIN, MISSING = "有", "薄弱", "缺"


@dataclass(frozen=True)
class ElementStatus:
    """One required element: what, status, first and last line (0 when absent), note."""

    title: str
    status: str
    first: int
    last: int
    note: str = ""

    def as_dict(self) -> dict:
        return {"title": self.title, "status": self.status, "first_line": self.first, "last_line": self.last, "note": self.note}


#: 法治政府建设年度报告: (element title, part kind, rule for missing, rule for thin, note when thin).
FAZHI_ELEMENTS = [
    ("上一年度推进法治政府建设的主要举措和成效", "measures", "RC101", "RC102", "部分举措没有数据或实例"),
    ("存在的不足和原因", "shortcomings", "RC103", "RC104", "只列不足，没有写原因"),
    ("党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况", "leader", "RC105", "RC106", "只有表态，没有具体事项"),
    ("下一年度推进法治政府建设的主要安排", "plans", "RC107", "RC108", "部分安排没有时间节点或目标"),
]


def element_statuses(analysis: Analysis, findings: list[ReportFinding]) -> list[ElementStatus]:
    """Status of each required element of the analysed report's type."""
    fired = {f.rule for f in findings}
    if analysis.report_type == "xinfang":
        text = "\n".join(analysis.lines)
        out = []
        for label, parts in XINFANG_ITEMS:
            missing = [what for what, pattern in parts if not pattern.search(text)]
            status = PRESENT if not missing else (MISSING if len(missing) == len(parts) else THIN)
            title = "第四十一条第一款第" + label[1] + "项：" + "、".join(what for what, _ in parts)
            out.append(ElementStatus(title, status, 0, 0, ("缺：" + "、".join(missing)) if missing else ""))
        return out
    out = []
    for title, kind, missing_rule, thin_rule, thin_note in FAZHI_ELEMENTS:
        parts = analysis.outline.of_kind(kind)
        first = parts[0].line if parts else 0
        last = parts[-1].end if parts else 0
        if kind == "leader" and not parts:
            items = [i for p in analysis.outline.parts for i in p.items if LEADER_WORDS_RE.search(i.heading)]
            if items:
                first, last = items[0].line, items[-1].end
        if missing_rule in fired:
            out.append(ElementStatus(title, MISSING, 0, 0))
        elif thin_rule in fired:
            out.append(ElementStatus(title, THIN, first, last, thin_note))
        else:
            out.append(ElementStatus(title, PRESENT, first, last))
    return out
