"""Static diagrams: the fences found in Markdown, their keys, the cleaned SVG, the check and the store."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from scripts.checks import build_log
from scripts.checks import diagrams as diagrams_check
from scripts.diagrams.source import CACHE_DIR, FONT_STACK, cached_svg, diagram_key, find_diagrams
from scripts.diagrams.svg import DiagramSvgError, clean_svg
from scripts.findings import Finding

ROOT = Path(__file__).resolve().parents[2]

PAGE = """# 标题

<!-- diagram title="甲到乙" desc="从甲到乙的一步。" -->
```mermaid
flowchart LR
    A["甲"] --> B["乙"]
```

正文。

```mermaid
flowchart TD
    C --> D
```
"""

#: The shape of mermaid's output, cut down: a <style>, style="" attributes, two markers
#: (one used), data-* attributes, ids starting with the render id, long decimals.
RAW = (
    '<svg id="diagram-k" width="253.765625" xmlns="http://www.w3.org/2000/svg" class="flowchart" height="99.2000007" '
    'viewBox="0 -0.000003814697265625 253.765625 99.2000007" role="graphics-document document" aria-roledescription="flowchart-v2">'
    '<style>#diagram-k{fill:#000;}</style><g>'
    '<marker id="diagram-k_flowchart-v2-pointEnd" class="marker flowchart-v2"><path d="M 0 0 L 10 5 z" style="stroke-width: 1; stroke-dasharray: 1, 0;"/></marker>'
    '<marker id="diagram-k_flowchart-v2-circleEnd" class="marker"><circle r="5" style="stroke-width: 1;"/></marker>'
    '<g class="root"><path d="M126.883123,132.4L126.883,178.4" id="diagram-k-L_A_B_0" class="flowchart-link" style=";" '
    'data-points="W3siey" marker-end="url(#diagram-k_flowchart-v2-pointEnd)"/>'
    '<g class="node default"><rect class="basic label-container" style="" width="172.015625" height="54"/>'
    '<g class="label" style=""><rect class="background" style="stroke: none"/><text y="-10.1" style="">'
    '<tspan class="text-outer-tspan row"><tspan class="text-inner-tspan">甲</tspan></tspan></text></g></g></g></g></svg>'
)


def test_find_diagrams_reads_line_title_and_description():
    first, second = find_diagrams(PAGE, "11.0.0")
    assert (first.line, first.title, first.desc) == (4, "甲到乙", "从甲到乙的一步。")
    assert first.source == 'flowchart LR\n    A["甲"] --> B["乙"]\n'
    assert (second.line, second.title, second.desc) == (11, "", "")
    # The comment and the fence are replaced together by the build.
    assert PAGE[first.start:first.end].startswith("<!-- diagram") and PAGE[first.start:first.end].endswith("```")
    assert PAGE[second.start:second.end].startswith("```mermaid")


def test_key_changes_with_the_source_and_the_mermaid_version():
    key = diagram_key("flowchart LR\n A --> B\n", "11.0.0")
    assert re.fullmatch(r"[0-9a-f]{16}", key)
    assert key == diagram_key("flowchart LR\n A --> B\n", "11.0.0")
    assert key != diagram_key("flowchart LR\n A --> C\n", "11.0.0")
    assert key != diagram_key("flowchart LR\n A --> B\n", "11.0.1")


def test_clean_svg_has_no_inline_style_and_keeps_what_draws():
    svg = clean_svg(RAW, "0123456789abcdef")
    assert "<style" not in svg and "style=" not in svg
    assert 'stroke-width="1" stroke-dasharray="1, 0"' in svg  # declarations kept as presentation attributes
    assert "circleEnd" not in svg  # a marker nothing points at
    assert 'id="diagram-0123456789abcdef_flowchart-v2-pointEnd"' in svg
    assert 'marker-end="url(#diagram-0123456789abcdef_flowchart-v2-pointEnd)"' in svg
    assert "data-points" not in svg and "graphics-document" not in svg and 'id="diagram-k"' not in svg
    assert 'width="254"' in svg and 'height="99"' in svg and 'viewBox="0 0 253.76 99.2"' in svg
    assert 'd="M126.88,132.4L126.88,178.4"' in svg
    assert 'text-anchor="middle"' in svg and 'font-size="16px"' in svg
    assert FONT_STACK.replace('"', "&quot;") in svg


def test_clean_svg_keeps_no_element_that_draws_nothing():
    """Every element of an inline SVG is styled and laid out with the page: an edge label without
    words, a rectangle without a size, a bare <g> and a line's nested <tspan> cost a phone time
    and draw nothing."""
    raw = RAW.replace(
        '<g class="root">',
        '<g class="root"><g class="clusters"/><g class="edgeLabels"><g class="edgeLabel"><g class="label" transform="translate(0, 0)">'
        '<text y="-10.1"><tspan class="text-outer-tspan row" x="0" y="-0.1em" dy="1.1em"/></text></g></g>'
        '<g><rect class="background" style="stroke: none"/></g></g>')
    svg = clean_svg(raw, "0123456789abcdef")
    assert "edgeLabel" not in svg and "clusters" not in svg and "background" not in svg
    assert "<g>" not in svg
    # The node keeps its box and its one line of text, in one <tspan>.
    assert '<rect class="basic label-container" width="172.01" height="54"/>' in svg
    assert re.search(r'<text y="-10.1" text-anchor="middle"><tspan class="text-outer-tspan row">甲</tspan></text>', svg)
    assert svg.count("<tspan") == 1


def test_clean_svg_rejects_what_is_not_mermaid_svg():
    with pytest.raises(DiagramSvgError):
        clean_svg("<svg", "k")
    with pytest.raises(DiagramSvgError):
        clean_svg('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', "k")


def _project(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    shutil.copy(ROOT / "package-lock.json", tmp_path / "package-lock.json")
    (tmp_path / "docs" / "page.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "scripts" / "data" / "diagrams").mkdir(parents=True)
    return tmp_path


def test_check_names_the_fence_of_each_diagram_without_its_svg(tmp_path):
    root = _project(tmp_path)
    assert diagrams_check.check(root) == [
        Finding("docs/page.md", 4, "图表未生成或已过期：运行 make diagrams"),
        Finding("docs/page.md", 11, "图表未生成或已过期：运行 make diagrams"),
    ]
    for d in find_diagrams(PAGE):
        cached_svg(d.key, root / "scripts/data/diagrams").write_text("<svg/>", encoding="utf-8")
    assert diagrams_check.check(root) == []
    # Editing a fence makes its stored SVG stale.
    (root / "docs" / "page.md").write_text(PAGE.replace('B["乙"]', 'B["丙"]'), encoding="utf-8")
    assert [f.line for f in diagrams_check.check(root)] == [4]


def test_the_build_warning_is_the_same_finding():
    output = "WARNING -  docs/page.md:4: 图表未生成或已过期：运行 make diagrams\n"
    assert build_log.findings(output, ROOT) == [Finding("docs/page.md", 4, "图表未生成或已过期：运行 make diagrams")]


def test_every_diagram_of_the_course_is_stored_clean_and_every_stored_svg_is_used():
    assert diagrams_check.check(ROOT) == []
    keys = {d.key for page in (ROOT / "docs").rglob("*.md") for d in find_diagrams(page.read_text(encoding="utf-8"))}
    stored = {p.stem for p in CACHE_DIR.glob("*.svg")}
    assert stored == keys, "scripts/data/diagrams/ 中有不再使用的 SVG：运行 make diagrams 清理"
    for key in stored:
        svg = cached_svg(key).read_text(encoding="utf-8")
        assert "<style" not in svg and " style=" not in svg and "<foreignObject" not in svg, key


def test_every_diagram_has_a_title_and_a_description():
    missing = [f"{page.relative_to(ROOT)}:{d.line}" for page in sorted((ROOT / "docs").rglob("*.md"))
               for d in find_diagrams(page.read_text(encoding="utf-8")) if not (d.title and d.desc)]
    assert not missing, missing


@pytest.mark.browser
def test_make_diagrams_draws_the_stored_svgs_again(browser):
    """The store is what `make diagrams` makes: drawing every diagram again gives the same files
    (rounded shapes included, which mermaid draws with seeded randomness)."""
    from scripts.diagrams.render import all_diagrams, render

    diagrams = {d.key: d.source for _, d in all_diagrams(ROOT / "docs")}
    assert any('(["' in source for source in diagrams.values())
    drawn = render(sorted(diagrams.items()), browser)
    for key, svg in drawn.items():
        assert clean_svg(svg, key) == cached_svg(key).read_text(encoding="utf-8"), key
