"""Tables that read on a phone: cells labelled with their column heading (scripts/hooks/table_labels.py)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts" / "hooks"))
import table_labels  # noqa: E402  (loaded as MkDocs loads hooks)

WIDE = ("<table>\n<thead>\n<tr>\n<th>环节</th>\n<th>期限</th>\n<th><a href=\"#\">条文</a></th>\n</tr>\n</thead>\n<tbody>\n"
        "<tr>\n<td>办结</td>\n<td>60日</td>\n<td><a href=\"x\">第三十四条</a></td>\n</tr>\n</tbody>\n</table>")
NARROW = "<table>\n<thead>\n<tr>\n<th>术语</th>\n<th>解释</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>a</td>\n<td>b</td>\n</tr>\n</tbody>\n</table>"


def test_wide_table_cells_carry_their_heading():
    html = table_labels.label_tables(WIDE)
    assert html.startswith("<table data-cards>")
    assert re.findall(r'<td data-label="([^"]*)"', html) == ["环节", "期限", "条文"]


def test_narrow_and_headless_tables_are_left_alone():
    assert table_labels.label_tables(NARROW) == NARROW
    headless = "<table><tbody><tr><td>1</td><td>2</td><td>3</td></tr></tbody></table>"
    assert table_labels.label_tables(headless) == headless


def test_built_deadline_table_is_labelled(site_dir):
    html = (site_dir / "modules/banli/index.html").read_text(encoding="utf-8")
    assert "<table data-cards>" in html
    assert 'data-label="期限"' in html
