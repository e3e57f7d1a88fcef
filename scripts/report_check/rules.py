"""The report checker's rules.

Each rule is a `Rule`: an id, a severity, what it
checks, why, an example that breaks it and the corrected example, and a check
function. The maintainer page 报告检查规则 is generated from `RULES`,
and a test runs every rule on its own examples, so the page cannot drift from the code.

Severity: **错误** — required content is missing, or the text is wrong (the command
exits 1); **建议** — the text is thin or could be better written.

Sources of the required content (see the course page 报告职责):

- 法治政府建设年度报告: the five content items confirmed in the course's reference
  notes — 上一年度主要举措和成效；存在的不足和原因；党政主要负责人履行推进法治建设
  第一责任人职责、加强法治政府建设的有关情况；下一年度主要安排；其他需要报告的情况.
- 信访情况年度报告: 《信访工作条例》第四十一条's four items.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from scripts.citations import find_citations
from scripts.law import article_label, load_law
from scripts.report_check.reader import Report
from scripts.report_check.structure import Outline, Part, clean, outline

ERROR = "错误"
SUGGESTION = "建议"

#: Report types the checker knows, by key.
REPORT_TYPES = {
    "fazhi": "法治政府建设年度报告",
    "xinfang": "信访情况年度报告（条例第四十一条）",
}


@dataclass(frozen=True)
class ReportFinding:
    """One finding: rule, severity, line (0 = the whole report), what and how to fix."""

    rule: str
    severity: str
    line: int
    message: str
    suggestion: str

    def as_dict(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "line": self.line,
            "message": self.message,
            "suggestion": self.suggestion,
        }


@dataclass
class Analysis:
    """What the rules look at: the report, its outline and its type."""

    report: Report
    outline: Outline
    report_type: str

    @property
    def lines(self) -> list[str]:
        return self.report.lines

    def numbered(self, numbers: Iterable[int] | None = None) -> Iterator[tuple[int, str]]:
        """(line number, text) for the given lines, or every line after the title."""
        if numbers is None:
            numbers = range(self.outline.title_line, len(self.lines) + 1)
        for n in numbers:
            if 0 < n <= len(self.lines):
                yield n, self.lines[n - 1]

    def text_of(self, numbers: Iterable[int]) -> str:
        return "\n".join(t for _, t in self.numbered(numbers))


Check = Callable[[Analysis], Iterable[ReportFinding]]


@dataclass
class Rule:
    """A rule of the report checker.

    Attributes:
        id: stable identifier printed with each finding (RC101 …).
        severity: 错误 or 建议.
        title: short name.
        checks: what the rule looks for.
        why: why it matters to the reader of the report.
        bad: an example that the rule reports.
        good: the same example corrected; the rule reports nothing on it.
        check: the function that finds the problems.
        report_types: the report types the rule applies to.
    """

    id: str
    severity: str
    title: str
    checks: str
    why: str
    bad: str
    good: str
    check: Check = field(repr=False)
    report_types: tuple[str, ...] = ("fazhi", "xinfang")

    def run(self, analysis: Analysis) -> list[ReportFinding]:
        if analysis.report_type not in self.report_types:
            return []
        return list(self.check(analysis))


def _finding(rule_id: str, line: int, message: str, suggestion: str) -> ReportFinding:
    return ReportFinding(rule_id, RULE_SEVERITY[rule_id], line, message, suggestion)


def _range(a: int, b: int) -> str:
    return f"第{a}行" if a == b else f"第{a}—{b}行"


# -- patterns shared by the content rules --------------------------------------------

#: A figure that can serve as evidence: a number with a unit, or 一次/三场 ….
FIGURE_RE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:%|％|个|件|次|人|场|期|名|家|起|批|份|册|幅|条|项|户|天|日|小时|篇|学时|课时|万|亿|元|余|多|处|所|套|台|块|位|轮|本|部|单)"
    r"|[一二两三四五六七八九十百千]+(?:次|场|期|批|件|名|篇|轮)(?![一二两三四五六七八九十])"
    r"|百分之"
)
#: A time node in a plan.
TIME_RE = re.compile(
    r"\d{1,2}月|[一二三四五六七八九十]{1,2}月(?!份)|月底|年底|年内|年前|上半年|下半年|季度|每月|每周|每半年|底前|前完成"
)
#: Words that give a cause.
CAUSE_RE = re.compile(r"原因|由于|因为|导致|造成|根源|究其|源于|在于|归因")
LEADER_WORDS_RE = re.compile(r"第一责任人|主要负责人|主要领导|述法")


def _describe_item(analysis: Analysis, line: int, heading: str) -> str:
    return f"“{heading[:24]}”" if heading else f"第{line}行"


# -- content: 法治政府建设年度报告 -----------------------------------------------------


def check_measures_missing(a: Analysis) -> Iterator[ReportFinding]:
    if not a.outline.of_kind("measures"):
        line = a.outline.parts[0].line if a.outline.parts else max(a.outline.title_line, 1)
        yield _finding(
            "RC101", line,
            "没有找到写上一年度主要举措和成效的部分",
            "在标题和引言之后增加“一、2025年推进法治政府建设的主要举措和成效”（年份按实际写），逐项写举措和成效",
        )


def _evidence_units(a: Analysis, kind: str) -> Iterator[tuple[int, int, str]]:
    """(first line, last line, heading) of each item of the parts of `kind`; a part
    without items counts as one unit per non-empty paragraph."""
    for part in a.outline.of_kind(kind):
        if part.items:
            for item in part.items:
                yield item.line, item.end, item.heading
        else:
            for n, text in a.numbered(part.body_lines()):
                if clean(text):
                    yield n, n, ""


def check_measure_evidence(a: Analysis) -> Iterator[ReportFinding]:
    for first, last, heading in _evidence_units(a, "measures"):
        if not FIGURE_RE.search(a.text_of(range(first, last + 1))):
            yield _finding(
                "RC102", first,
                f"举措{_describe_item(a, first, heading)}没有任何数据或实例（{_range(first, last)}）",
                "补写这项举措做了多少（次数、件数、人数、覆盖面）和带来的变化，例如“组织专题学法4次、覆盖干部120人次”",
            )


def check_shortcomings_missing(a: Analysis) -> Iterator[ReportFinding]:
    if not a.outline.of_kind("shortcomings"):
        plans = a.outline.of_kind("plans")
        line = plans[0].line if plans else (a.outline.parts[-1].end if a.outline.parts else 1)
        yield _finding(
            "RC103", line,
            "没有找到写存在的不足和原因的部分",
            "在下一年度安排之前增加“存在的不足和原因”，每项不足写清表现和原因",
        )


def check_shortcoming_causes(a: Analysis) -> Iterator[ReportFinding]:
    for part in a.outline.of_kind("shortcomings"):
        body = list(part.body_lines())
        if CAUSE_RE.search(a.text_of(body)):
            continue
        stated = [n for n, t in a.numbered(body) if clean(t)]
        for n in stated or [part.line]:
            yield _finding(
                "RC104", n,
                "只列了不足的表现，没有写原因",
                "每项不足后写明原因，例如“一是……，原因是对……重视不够、……机制不健全”；原因要落到本单位可以改进的地方",
            )


def check_leader_section(a: Analysis) -> Iterator[ReportFinding]:
    parts = a.outline.of_kind("leader")
    items = [i for p in a.outline.parts for i in p.items if LEADER_WORDS_RE.search(i.heading)]
    if parts or items:
        return
    mentions = [n for n, t in a.numbered() if LEADER_WORDS_RE.search(t)]
    where = a.outline.of_kind("shortcomings") or a.outline.of_kind("plans")
    line = where[0].line if where else (a.outline.parts[-1].end if a.outline.parts else 1)
    said = f"全文只在{'、'.join(f'第{n}行' for n in mentions)}一笔带过，" if mentions else ""
    yield _finding(
        "RC105", line,
        f"{said}没有单列一部分写党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的情况",
        f"在第{line}行之前增加一部分，例如“二、主要负责人履行推进法治建设第一责任人职责情况”，写亲自部署、过问、协调、督办的具体事项和次数",
    )


def check_leader_facts(a: Analysis) -> Iterator[ReportFinding]:
    units: list[tuple[int, int]] = [(p.line, p.end) for p in a.outline.of_kind("leader")]
    units += [(i.line, i.end) for p in a.outline.parts if p.kind != "leader" for i in p.items if LEADER_WORDS_RE.search(i.heading)]
    for first, last in units:
        if not FIGURE_RE.search(a.text_of(range(first, last + 1))):
            yield _finding(
                "RC106", first,
                f"主要负责人履职部分（{_range(first, last)}）只有表态，没有具体事项和数据",
                "写主要负责人本年度主持研究法治建设几次、解决了哪些问题、督办了哪些事项，以及述法的时间和内容",
            )


def check_plans_missing(a: Analysis) -> Iterator[ReportFinding]:
    if not a.outline.of_kind("plans"):
        line = a.outline.parts[-1].end if a.outline.parts else len(a.lines)
        yield _finding(
            "RC107", line,
            "没有找到写下一年度主要安排的部分",
            "在报告最后增加“下一年度推进法治政府建设的主要安排”，每项安排写清做什么、何时完成、达到什么目标",
        )


def check_plan_concrete(a: Analysis) -> Iterator[ReportFinding]:
    for first, last, heading in _evidence_units(a, "plans"):
        text = a.text_of(range(first, last + 1))
        if not (TIME_RE.search(text) or FIGURE_RE.search(text)):
            yield _finding(
                "RC108", first,
                f"安排{_describe_item(a, first, heading)}没有时间节点，也没有可检查的目标（{_range(first, last)}）",
                "写明完成时间和可以检查的目标，例如“6月底前完成……”“全年开展……不少于4次”",
            )


# -- content: 信访情况年度报告 (条例第四十一条) ----------------------------------------

#: 第四十一条's items 1–3, each as (label, [(what, pattern)]).
XINFANG_ITEMS = [
    ("（一）", [
        ("信访事项的数据统计", re.compile(r"\d+\s*(?:件|次|人次|批)")),
        ("信访事项涉及领域", re.compile(r"领域")),
        ("被投诉较多的机关、单位", re.compile(r"被投诉|投诉较多|反映较多的(?:机关|单位|部门)")),
    ]),
    ("（二）", [
        ("转送", re.compile(r"转送")),
        ("交办", re.compile(r"交办")),
        ("督办", re.compile(r"督办")),
    ]),
    ("（三）", [
        ("提出改进工作、完善政策、追究责任建议", re.compile(r"建议")),
        ("建议被采纳情况", re.compile(r"采纳")),
    ]),
]


def check_xinfang_items(a: Analysis) -> Iterator[ReportFinding]:
    text = a.text_of(range(1, len(a.lines) + 1))
    for label, parts in XINFANG_ITEMS:
        missing = [what for what, pattern in parts if not pattern.search(text)]
        if missing:
            yield _finding(
                "RC111", 0,
                f"缺少条例第四十一条第一款第{label[1]}项要求的内容：{'、'.join(missing)}",
                f"按条例第四十一条第一款第{label[1]}项补写{'、'.join(missing)}，数据从信访事项登记和督办台账中统计",
            )


# -- citations ------------------------------------------------------------------------


def _article_counts() -> dict[str, int]:
    return {key: len(load_law(key).articles) for key in ("2022", "2005")}


def check_citation_range(a: Analysis) -> Iterator[ReportFinding]:
    counts = _article_counts()
    names = {"2022": "《信访工作条例》", "2005": "原《信访条例》"}
    for n, text in a.numbered():
        for c in find_citations(text, n):
            if c.law not in counts:
                continue
            bad = [x for x in c.articles if not 1 <= x <= counts[c.law]]
            if bad:
                yield _finding(
                    "RC201", n,
                    f"“{c.raw}”：{names[c.law]}只有{counts[c.law]}条，没有第{'、'.join(map(str, bad))}条",
                    f"对照条例全文核对条号；引用其他文件的条文时，在同一句中先写出该文件的书名号全称",
                )


def check_citation_numerals(a: Analysis) -> Iterator[ReportFinding]:
    for n, text in a.numbered():
        for c in find_citations(text, n):
            if c.numeral_style == "arabic" and c.law in {"2022", "2005"} and 1 <= c.articles[0] <= 51:
                yield _finding(
                    "RC202", n,
                    f"“{c.raw}”：条号用阿拉伯数字",
                    f"按条例写法改为“{article_label(c.articles[0])}”",
                )


def check_quotations(a: Analysis) -> Iterator[ReportFinding]:
    # The course's own quotation and figure check (scripts/checks/quotations.py),
    # run on the report's lines. Leading spaces are dropped so that an indented
    # paragraph is not read as a Markdown code block; line numbers are unchanged.
    from scripts.checks.quotations import check_text
    from scripts.law import load_laws

    text = "\n".join(line.strip() for line in a.lines)
    for f in check_text(text, a.report.path, load_laws()):
        yield _finding(
            "RC203", f.line, f.message,
            "对照条例全文逐字核对引号内的原话，期限、人数以所引条文为准；如果引的是其他文件，在同一句中先写出该文件的书名号全称",
        )


# -- wording ------------------------------------------------------------------------

#: Fixed terms written with 法制 where the term is 法治: (wrong, right).
FAZHI_TERMS = [
    ("法制化", "法治化"),
    ("法制政府", "法治政府"),
    ("法制思维", "法治思维"),
    ("法制思想", "法治思想"),
    ("法制信访", "法治信访"),
    ("法制方式", "法治方式"),
    ("法制建设第一责任人", "法治建设第一责任人"),
]


def check_fazhi_terms(a: Analysis) -> Iterator[ReportFinding]:
    for n, text in a.numbered():
        for wrong, right in FAZHI_TERMS:
            for m in re.finditer(wrong, text):
                # show the term with its lead-in: 信访工作法制化, 信访法制化
                shown = text[max(0, m.start() - 4):m.end()]
                yield _finding(
                    "RC301", n,
                    f"“{shown}”中的“{wrong}”应为“{right}”",
                    f"改为“{shown.replace(wrong, right)}”",
                )


def check_fazhi_education(a: Analysis) -> Iterator[ReportFinding]:
    for n, text in a.numbered():
        for m in re.finditer(r"法制宣传教育", text):
            yield _finding(
                "RC302", n,
                "“法制宣传教育”与报告其他地方的“法治宣传教育”不一致",
                "统一写作“法治宣传教育”",
            )


_APPROX_RE = re.compile(r"(?<![\d.])(\d*[1-9])(余)(?!额)(?=[\u4e00-\u9fff])")


def check_exact_approx(a: Analysis) -> Iterator[ReportFinding]:
    for n, text in a.numbered():
        for m in _APPROX_RE.finditer(text):
            number = m.group(1)
            unit = text[m.end():m.end() + 1]
            rounded = (int(number) // 10 * 10) or 10 if int(number) >= 10 else None
            approx = f"，或写概数“{rounded}余{unit}”" if rounded else ""
            yield _finding(
                "RC303", n,
                f"“{number}余{unit}”：{number}是确数，后面不能再加“余”",
                f"写确数“{number}{unit}”{approx}",
            )


_CJK = "\u4e00-\u9fff"
_DOUBLE_RE = re.compile(rf"([{_CJK}]{{2,4}})\1")
_ADVERBS = "深入|进一步|认真|全面|大力|持续|切实|扎实|不断|积极|广泛"
_SANDWICH_RE = re.compile(rf"([{_CJK}]{{2}})(?:{_ADVERBS})\1")
_DE_RE = re.compile(r"的的")
#: Reduplications that are correct Chinese.
ALLOWED_DOUBLES = {"研究研究", "讨论讨论", "商量商量", "学习学习"}


def check_repeated_words(a: Analysis) -> Iterator[ReportFinding]:
    for n, text in a.numbered():
        for m in _SANDWICH_RE.finditer(text):
            word = m.group(1)
            yield _finding(
                "RC304", n,
                f"“{m.group(0)}”：“{word}”重复，是改稿时留下的",
                f"改为“{m.group(0)[len(word):]}”",
            )
        for m in _DOUBLE_RE.finditer(text):
            # 一件一件、一步一步 are correct Chinese, as are the verbs in ALLOWED_DOUBLES
            if m.group(0) in ALLOWED_DOUBLES or (len(m.group(1)) == 2 and m.group(1)[0] == "一"):
                continue
            yield _finding(
                "RC304", n,
                f"“{m.group(0)}”：“{m.group(1)}”连写了两遍",
                f"删去一个，改为“{m.group(1)}”",
            )
        for m in _DE_RE.finditer(text):
            yield _finding("RC304", n, "“的的”：多了一个“的”", "删去一个“的”")


#: Titles confirmed in the course's reference notes, written in full.
KNOWN_TITLES = [
    "信访工作条例",
    "信访条例",
    "法治政府建设与责任落实督察工作规定",
    "党政主要负责人履行推进法治建设第一责任人职责规定",
    "法治政府建设实施纲要",
]
_QUOTED_RE = re.compile(r"《[^《》]*》")
_LAW_TITLE_RE = re.compile(rf"中华人民共和国[{_CJK}]{{1,15}}?法(?![治制律规院官人务])")


def _outside_titles(text: str, start: int) -> bool:
    return not any(m.start() < start < m.end() for m in _QUOTED_RE.finditer(text))


def check_known_titles(a: Analysis) -> Iterator[ReportFinding]:
    for n, text in a.numbered():
        seen: set[int] = set()
        for title in KNOWN_TITLES:
            for m in re.finditer(title, text):
                if m.start() in seen or not _outside_titles(text, m.start()):
                    continue
                seen.add(m.start())
                yield _finding("RC305", n, f"文件名称“{title}”没有加书名号", f"改为“《{title}》”")
        for m in _LAW_TITLE_RE.finditer(text):
            if _outside_titles(text, m.start()):
                yield _finding("RC305", n, f"法律名称“{m.group(0)}”没有加书名号", f"改为“《{m.group(0)}》”")


_SUSPECT_RE = re.compile(
    rf"(?:根据|依据|按照|对照|执行|落实|贯彻)([{_CJK}（）()—0-9]{{4,30}}?(?:工作指南|指南|条例|规定|办法|纲要|规则|清单|实施方案|规划))(?![》{_CJK}])"
)
_NOT_A_TITLE_RE = re.compile(r"有关|相关|上级|法律法规|各项|具体|这些|上述|此类")


def check_suspected_titles(a: Analysis) -> Iterator[ReportFinding]:
    known = "|".join(KNOWN_TITLES)
    for n, text in a.numbered():
        for m in _SUSPECT_RE.finditer(text):
            name = m.group(1)
            if _NOT_A_TITLE_RE.search(name) or re.fullmatch(known, name) or not _outside_titles(text, m.start(1)):
                continue
            yield _finding(
                "RC306", n,
                f"“{name}”像是文件名称，没有加书名号",
                f"如果是文件，核对全称后写作“《{name}》”；如果不是文件，改写为“……的要求”等说法",
            )


def check_leader_term(a: Analysis) -> Iterator[ReportFinding]:
    for n, text in a.numbered():
        for m in re.finditer(r"法治政府建设第一责任人", text):
            shown = text[max(0, m.start() - 4):m.end() + 2]
            yield _finding(
                "RC307", n,
                f"“{shown}”：应为“推进法治建设第一责任人”",
                "改为“推进法治建设第一责任人”，如“履行推进法治建设第一责任人职责”",
            )


_HALF_RE = re.compile(rf"[{_CJK}][,;:!?()]|[,;:!?()][{_CJK}]")
_MD_LINK_TARGET_RE = re.compile(r"\]\([^)]*\)|`[^`]*`")


def check_half_width(a: Analysis) -> Iterator[ReportFinding]:
    for n, text in a.numbered():
        plain = _MD_LINK_TARGET_RE.sub(lambda m: " " * len(m.group(0)), text)
        hits = list(_HALF_RE.finditer(plain))
        marks = sorted({ch for m in hits for ch in m.group(0) if ch in ",;:!?()"})
        if marks:
            at = hits[0].start()
            shown = text[max(0, at - 3):at + 5]
            full = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}
            yield _finding(
                "RC308", n,
                f"“{shown}”等处用了半角标点 {' '.join(marks)}",
                "改为全角：" + "、".join(f"{m} → {full[m]}" for m in marks),
            )


# -- the rules --------------------------------------------------------------------

_COMPLETE_TAIL = "三、存在的不足和原因\n一是干部依法履职能力不平衡，原因是培训覆盖不全。\n四、2026年主要安排\n（一）3月底前完成全员培训。\n"

RULES: list[Rule] = [
    Rule(
        "RC101", ERROR, "缺少“主要举措和成效”",
        "报告中有没有写上一年度推进法治政府建设主要举措和成效的部分。没有标明类别的编号部分，只要出现在“不足”“安排”之前，都算作举措部分。",
        "“上一年度推进法治政府建设的主要举措和成效”是法治政府建设年度报告的第一项内容，没有它，报告就没有可以检查的工作。",
        "区某局法治政府建设情况报告\n一、存在的不足和原因\n一是宣传不够，原因是人手不足。\n二、下一步安排\n（一）6月底前开展培训。",
        "区某局法治政府建设情况报告\n一、主要举措和成效\n（一）开展培训3次，覆盖干部60人次。\n二、存在的不足和原因\n一是宣传不够，原因是人手不足。\n三、下一步安排\n（一）6月底前开展培训。",
        check_measures_missing, ("fazhi",),
    ),
    Rule(
        "RC102", SUGGESTION, "举措没有数据或实例",
        "举措部分的每个（一）（二）小项里，有没有至少一个带单位的数字（次、件、人、场、%……）。",
        "没有数据的举措只是表态，读报告的人无法判断做了多少、效果如何；每项举措都应当有能核实的数据或实例。",
        "区某局法治政府建设情况报告\n一、主要举措和成效\n（一）加强学法用法。坚持领导干部学法制度，切实提高依法行政水平。",
        "区某局法治政府建设情况报告\n一、主要举措和成效\n（一）加强学法用法。全年组织党组会前学法6次，领导干部旁听庭审1次。",
        check_measure_evidence, ("fazhi",),
    ),
    Rule(
        "RC103", ERROR, "缺少“存在的不足和原因”",
        "报告中有没有标题写明“不足”“差距”“短板”或“存在的问题”的部分。",
        "“存在的不足和原因”是法治政府建设年度报告的必备内容；只讲成绩不讲不足，报告就失去了督促改进的作用。",
        "区某局法治政府建设情况报告\n一、主要举措和成效\n（一）开展培训3次。\n二、下一步安排\n（一）6月底前开展培训。",
        "区某局法治政府建设情况报告\n一、主要举措和成效\n（一）开展培训3次。\n二、存在的不足和原因\n一是培训覆盖不全，原因是基层站所未纳入计划。\n三、下一步安排\n（一）6月底前开展培训。",
        check_shortcomings_missing, ("fazhi",),
    ),
    Rule(
        "RC104", ERROR, "不足没有写原因",
        "“不足”部分里有没有说明原因的词语（原因、由于、因为、导致、造成、根源、在于……）。没有时，逐行报告列出不足的行。",
        "报告要写的是“存在的不足和原因”：只列表现、不找原因，下一年度的安排就无从对症。",
        "区某局法治政府建设情况报告\n一、主要举措和成效\n（一）开展培训3次。\n二、存在的突出问题和不足\n一是开展普法活动的主动性不强。",
        "区某局法治政府建设情况报告\n一、主要举措和成效\n（一）开展培训3次。\n二、存在的突出问题和不足\n一是开展普法活动的主动性不强，原因是普法责任没有分解到科室。",
        check_shortcoming_causes, ("fazhi",),
    ),
    Rule(
        "RC105", ERROR, "缺少主要负责人履行第一责任人职责的部分",
        "有没有一个编号部分或小项，标题写明“第一责任人”“主要负责人”“主要领导”或“述法”。正文中一笔带过的提法不算。",
        "“党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况”是法治政府建设年度报告的必备内容，应当单独成段，写清主要负责人本人做了什么。",
        "区某局法治政府建设情况报告\n一、主要举措和成效\n（一）开展培训3次。局主要领导坚定扛起责任。\n" + _COMPLETE_TAIL,
        "区某局法治政府建设情况报告\n一、主要举措和成效\n（一）开展培训3次。\n二、主要负责人履行推进法治建设第一责任人职责情况\n局长主持专题研究法治建设4次。\n" + _COMPLETE_TAIL,
        check_leader_section, ("fazhi",),
    ),
    Rule(
        "RC106", SUGGESTION, "主要负责人履职部分没有具体事项",
        "写主要负责人履职的部分或小项里，有没有至少一个带单位的数字（主持研究几次、督办几件……）。",
        "第一责任人的职责要落到亲自部署、亲自过问、亲自协调、亲自督办的具体事项上；只有“高度重视”“率先垂范”之类的表态，读者无从判断是否履职。",
        "区某局法治政府建设情况报告\n一、主要负责人履行推进法治建设第一责任人职责情况\n局长高度重视，率先垂范。",
        "区某局法治政府建设情况报告\n一、主要负责人履行推进法治建设第一责任人职责情况\n局长主持专题研究法治建设4次，督办行政复议纠错案件2件。",
        check_leader_facts, ("fazhi",),
    ),
    Rule(
        "RC107", ERROR, "缺少“下一年度主要安排”",
        "报告中有没有标题写明“下一步”“下一年度”“工作安排”“工作计划”等的部分。",
        "“下一年度推进法治政府建设的主要安排”是法治政府建设年度报告的必备内容，也是下一年检查落实的依据。",
        "区某局法治政府建设情况报告\n一、主要举措和成效\n（一）开展培训3次。\n二、存在的不足和原因\n一是培训覆盖不全，原因是基层站所未纳入计划。",
        "区某局法治政府建设情况报告\n一、主要举措和成效\n（一）开展培训3次。\n二、存在的不足和原因\n一是培训覆盖不全，原因是基层站所未纳入计划。\n三、2026年主要安排\n（一）3月底前把基层站所纳入培训计划。",
        check_plans_missing, ("fazhi",),
    ),
    Rule(
        "RC108", SUGGESTION, "下一年度安排不具体",
        "安排部分的每个小项里，有没有时间节点（6月、年底前、第三季度……）或带单位的目标数字。",
        "没有时间和目标的安排无法检查，明年写报告时也无法对照说明完成了没有。",
        "区某局法治政府建设情况报告\n一、下一步工作举措\n（一）强化基层基础。严格落实首办责任，第一时间解决好群众诉求。",
        "区某局法治政府建设情况报告\n一、下一步工作举措\n（一）强化基层基础。6月底前为10个街道信访干部完成首办责任培训。",
        check_plan_concrete, ("fazhi",),
    ),
    Rule(
        "RC111", ERROR, "信访情况年度报告缺少第四十一条规定的内容",
        "标题含“信访情况”的报告，全文是否写到第四十一条第一款第一至三项：数据统计（带“件”“次”“人次”的数字）、涉及领域、被投诉较多的机关和单位；转送、交办、督办情况；改进工作、完善政策、追究责任的建议及被采纳情况。",
        "条例第四十一条第一款规定了年度报告“应当包括”的内容，缺少任何一项都不符合条例。",
        "区信访局2025年信访情况年度报告\n全年受理信访事项1200件，主要涉及住房领域，被投诉较多的是某街道。\n全年转送、交办信访事项800件。",
        "区信访局2025年信访情况年度报告\n全年受理信访事项1200件，主要涉及住房领域，被投诉较多的是某街道。\n全年转送、交办信访事项800件，督办30件。\n提出完善政策建议5条，被采纳3条。",
        check_xinfang_items, ("xinfang",),
    ),
    Rule(
        "RC201", ERROR, "条例条号超出范围",
        "“第N条”（没有紧挨着写出其他文件名的，视为引用《信访工作条例》）的条号是否在1至50之间；引用原《信访条例》的是否在1至51之间。条文数从课程的条例全文页读取。",
        "引错条号的报告会误导读者；条例共50条，第五十条以后的条号一定是写错了，或者漏写了所引文件的名称。",
        "依据第五十八条，及时受理群众来信。",
        "依据《信访工作条例》第二十二条，及时受理群众来信。",
        check_citation_range,
    ),
    Rule(
        "RC202", SUGGESTION, "条号用了阿拉伯数字",
        "引用条例时的“第34条”这类写法。",
        "条例的条号用汉字书写（第三十四条）；报告引用时应与条例写法一致。",
        "严格执行条例第34条规定的办理期限。",
        "严格执行条例第三十四条规定的办理期限。",
        check_citation_numerals,
    ),
    Rule(
        "RC203", ERROR, "引文或期限与所引条文不符",
        "引用条例某一条时，引号内的原话是否与该条逐字一致，同一分句中写的期限、人数（15日、60日、5人……）是否出现在该条中。使用课程内容检查的同一套规则（scripts/checks/quotations.py）。",
        "报告是要公开的，把条例的期限、原话写错，既误导读者，也损害报告的可信度。",
        "依据《信访工作条例》第二十二条，信访部门收到信访事项，在30日内分别按规定方式处理。",
        "依据《信访工作条例》第二十二条，信访部门收到信访事项，在15日内分别按规定方式处理。",
        check_quotations,
    ),
    Rule(
        "RC301", ERROR, "“法治”误写为“法制”",
        "固定提法中把“法治”写成“法制”：" + "、".join(f"{w}→{r}" for w, r in FAZHI_TERMS) + "。",
        "“信访工作法治化”“法治政府”“五个法治化”等是固定提法，写成“法制”就成了另一个意思。",
        "全面推进信访工作法制化。",
        "全面推进信访工作法治化。",
        check_fazhi_terms,
    ),
    Rule(
        "RC302", SUGGESTION, "“法制宣传教育”与“法治宣传教育”混用",
        "“法制宣传教育”的写法（不检查“法制宣传日”等专名）。",
        "同一报告前后提法应当一致；报告其他地方写的都是“法治宣传教育”“法治宣传”。",
        "加大法制宣传教育力度。",
        "加大法治宣传教育力度。",
        check_fazhi_education,
    ),
    Rule(
        "RC303", ERROR, "确数后面加“余”",
        "个位不是0的数字紧跟“余”，如“32余幅”。",
        "“余”表示概数，只能跟在整十、整百的数后面（30余幅、2000余册）；“32余幅”既不是确数也不是概数，读者无法判断实际数字。",
        "悬挂宣传条幅海报32余幅。",
        "悬挂宣传条幅海报32幅。",
        check_exact_approx,
    ),
    Rule(
        "RC304", ERROR, "词语重复",
        "同一个词连写两遍（如“宣传宣传”；“一件一件”“研究研究”这类正常的重叠不算）、同一个词夹着一个副词重复（如“宣传深入宣传”，副词：" + "、".join(_ADVERBS.split("|")) + "）、“的的”。",
        "这类重复几乎都是改稿时留下的，一眼就能看出报告没有校对。",
        "向来访群众宣传深入宣传《信访工作条例》。",
        "向来访群众深入宣传《信访工作条例》。",
        check_repeated_words,
    ),
    Rule(
        "RC305", ERROR, "文件名称没有加书名号",
        "课程核实过的文件名称（" + "、".join(KNOWN_TITLES) + "）和“中华人民共和国××法”出现在书名号之外。",
        "文件名称要加书名号，读者才能分清这是在引用文件还是在概括工作。",
        "认真学习信访工作条例。",
        "认真学习《信访工作条例》。",
        check_known_titles,
    ),
    Rule(
        "RC306", SUGGESTION, "疑似文件名称没有加书名号",
        "“根据、依据、按照、对照、执行、落实、贯彻”后面、以“指南、条例、规定、办法、纲要、规则、清单、实施方案、规划”结尾、不在书名号内的名称（含“有关”“相关”“具体”等泛指词的不算）。",
        "如果这是一份文件，应当写出全称并加书名号，便于读者查找；如果不是文件，改写成不像文件名的说法，避免误会。",
        "根据信访工作法治化工作指南，精准转送。",
        "根据《信访工作法治化工作指南》，精准转送。",
        check_suspected_titles,
    ),
    Rule(
        "RC307", SUGGESTION, "“法治政府建设第一责任人”提法不规范",
        "“法治政府建设第一责任人”的写法。",
        "规范提法是“推进法治建设第一责任人”，见《党政主要负责人履行推进法治建设第一责任人职责规定》的名称和年度报告的内容要求。",
        "坚定扛起法治政府建设第一责任人责任。",
        "认真履行推进法治建设第一责任人职责。",
        check_leader_term,
    ),
    Rule(
        "RC308", SUGGESTION, "中文里用了半角标点",
        "汉字旁边的半角逗号、分号、冒号、问号、叹号、括号（Markdown 链接地址和代码除外）。",
        "中文正文用全角标点（GB/T 15834—2011）；半角括号夹在汉字中间尤其显眼。",
        "深入贯彻落实《中国共产党党委(党组)理论学习中心组学习规则》。",
        "深入贯彻落实《中国共产党党委（党组）理论学习中心组学习规则》。",
        check_half_width,
    ),
]

RULE_SEVERITY = {rule.id: rule.severity for rule in RULES}
RULES_BY_ID = {rule.id: rule for rule in RULES}


def detect_type(out: Outline) -> str:
    """"xinfang" when the title names a 信访情况 report, otherwise "fazhi"."""
    return "xinfang" if "信访情况" in out.title else "fazhi"


def analyze(report: Report, report_type: str | None = None) -> Analysis:
    out = outline(report)
    return Analysis(report, out, report_type or detect_type(out))


def run_rules(analysis: Analysis, rules: Iterable[Rule] = RULES) -> list[ReportFinding]:
    """All findings, sorted by line, then errors before suggestions."""
    found = [f for rule in rules for f in rule.run(analysis)]
    order = {ERROR: 0, SUGGESTION: 1}
    return sorted(found, key=lambda f: (f.line, order[f.severity], f.rule))
