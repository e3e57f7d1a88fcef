"""The maintainer page 报告检查规则, generated from the rule objects.

`docs/maintainer/report-rules.md` holds only its front matter, its H1 and the
marker `<!-- report-rules -->`; the hook `scripts/hooks/report_rules.py` replaces
the marker with `render_rules_markdown`
at build time. Every example on the page is run through its rule while the page
is generated: a rule whose bad example it does not report, or whose good example
it does report, stops the build, so the page cannot describe behaviour the code
does not have.
"""

from __future__ import annotations

from scripts.report_check.elements import FAZHI_ELEMENTS
from scripts.report_check.reader import MAX_BYTES, Report
from scripts.report_check.rules import ERROR, REPORT_TYPES, RULES, Rule, analyze

MARKER = "<!-- report-rules -->"


class RuleExampleError(AssertionError):
    """A rule's documented example does not behave as documented."""


def _findings(rule: Rule, text: str):
    analysis = analyze(Report("<example>", text.split("\n")), rule.report_types[0])
    return rule.run(analysis)


def verify_examples(rule: Rule) -> list[str]:
    """What the rule reports on its bad example (must be at least one message).

    Raises:
        RuleExampleError: the bad example is not reported, or the good one is.
    """
    bad = _findings(rule, rule.bad)
    if not bad:
        raise RuleExampleError(f"{rule.id}：规则说明中的反例没有被检查出来")
    good = _findings(rule, rule.good)
    if good:
        raise RuleExampleError(f"{rule.id}：规则说明中的正例被误报：{good[0].message}")
    return [f"第{f.line}行：{f.message}" if f.line else f"全文：{f.message}" for f in bad]


def _block(text: str) -> str:
    return "\n".join("    " + line for line in text.split("\n"))


def render_rule(rule: Rule) -> str:
    messages = verify_examples(rule)
    applies = "、".join(REPORT_TYPES[t] for t in rule.report_types)
    kind = "warning" if rule.severity == ERROR else "tip"
    lines = [
        f"### {rule.id} {rule.title} {{#{rule.id.lower()}}}",
        "",
        f"| 严重程度 | 适用报告 |",
        f"|---|---|",
        f"| {rule.severity} | {applies} |",
        "",
        f"**检查什么**　{rule.checks}",
        "",
        f"**为什么**　{rule.why}",
        "",
        f'!!! {kind} "反例"',
        "",
        "    ```text",
        _block(rule.bad),
        "    ```",
        "",
        "    检查结果：",
        "",
    ]
    lines += [f"    - {m}" for m in messages]
    lines += [
        "",
        '!!! success "改正后（不再报告）"',
        "",
        "    ```text",
        _block(rule.good),
        "    ```",
        "",
    ]
    return "\n".join(lines)


def render_rules_markdown() -> str:
    """The rules section of the maintainer page, from `RULES`."""
    errors = sum(r.severity == ERROR for r in RULES)
    out = [
        "本页由 `scripts/report_check/rules.py` 中的规则对象在构建时生成，"
        f"共 {len(RULES)} 条规则（错误 {errors} 条，建议 {len(RULES) - errors} 条）。"
        "每条规则的反例和正例在生成本页时都会实际运行一遍：反例查不出、正例被误报，构建即失败。",
        "",
        "## 用法",
        "",
        "```bash",
        "python -m scripts report-check 报告.docx          # 可读的检查结果",
        "python -m scripts report-check 报告.txt --json    # JSON，便于其他工具处理",
        "python -m scripts report-check 报告.md --type xinfang   # 指定按信访情况年度报告检查",
        "```",
        "",
        "- 网站的[报告自查](../reporting/self-check.md)页面在浏览器中运行同一个检查工具（Pyodide），结果与命令相同；本页各条规则的锚点（如 `#rc301`）供该页的问题清单链接。",
        "- 读取 .txt、.md（UTF-8 或 GB18030/GBK 编码）和 .docx；.docx 按段落编号，文本文件按行编号。文件不能超过 "
        f"{MAX_BYTES // (1024 * 1024)} MB；旧版 .doc 和 WPS 的 .wps 要先另存为 .docx。",
        "- 报告类型默认按标题判断：标题含“信访情况”的按信访情况年度报告（条例第四十一条）检查，其余按法治政府建设年度报告检查。",
        "- 退出码：0 没有错误（可能有建议）；1 有错误；2 文件无法读取（文件不存在、空文件、超过大小上限、编码无法识别、不是有效的 .docx），此时只输出一行原因。",
        "",
        "## 怎样找到报告的各部分",
        "",
        "检查工具按报告的编号标题识别各部分：“一、二、三”是部分，“（一）（二）”是小项（Markdown 草稿也可用 `##`、`###` 标题）。"
        "部分的类别由标题用词决定；没有类别用词、位于“不足”“安排”之前的部分视为举措部分。",
        "",
        "| 必备内容（法治政府建设年度报告） | 缺少时 | 薄弱时 |",
        "|---|---|---|",
    ]
    out += [f"| {title} | [{missing}](#{missing.lower()}) | [{thin}](#{thin.lower()})：{note} |" for title, _, missing, thin, note in FAZHI_ELEMENTS]
    out += [
        "",
        "“其他需要报告的情况”按需填写，不检查。",
        "",
        "## 规则一览",
        "",
        "| 编号 | 规则 | 严重程度 |",
        "|---|---|---|",
    ]
    out += [f"| [{r.id}](#{r.id.lower()}) | {r.title} | {r.severity} |" for r in RULES]
    out += ["", "## 各条规则", ""]
    out += [render_rule(r) for r in RULES]
    out += [
        "## 增加或修改规则",
        "",
        "1. 在 `scripts/report_check/rules.py` 中写检查函数，并在 `RULES` 中增加一个 `Rule`，写明编号、严重程度、检查什么、为什么、反例和正例。编号发布后不再改变。",
        "2. 运行 `.venv/bin/python -m pytest tests/report_check -q`：测试会逐条运行反例和正例，并在样本报告上核对全部检查结果。",
        "3. 只检查能可靠判断的问题；拿不准的写成“建议”，不写成“错误”。",
        "",
    ]
    return "\n".join(out)
