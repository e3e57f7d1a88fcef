"""Tables that read on a phone: every cell of a table with MIN_COLUMNS or more
columns gets its column heading as `data-label`, and the table `data-cards`.

assets/course.css shows such a table as a list of cards on a narrow screen (the
first cell as the card's title, every other cell as "heading：value"), so a
five-column table (期限一览) is neither cut off nor squeezed to three characters a
column, and the page never scrolls sideways. On wider screens and in print the
table is unchanged. Tables without a header row are left alone.
"""

from __future__ import annotations

import html as html_lib
import re

#: Tables with fewer columns fit a phone as they are.
MIN_COLUMNS = 3

_TABLE_RE = re.compile(r"<table>(.*?)</table>", re.S)
_HEAD_RE = re.compile(r"<thead>(.*?)</thead>", re.S)
_TH_RE = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
_ROW_RE = re.compile(r"<tr>(.*?)</tr>", re.S)
_TD_RE = re.compile(r"<td\b")
_TAG_RE = re.compile(r"<[^>]+>")


def _label(cell: str) -> str:
    text = re.sub(r"\s+", " ", html_lib.unescape(_TAG_RE.sub("", cell))).strip()
    return html_lib.escape(text, quote=True)


def label_table(inner: str) -> str | None:
    """The table's inner HTML with labelled cells, or None if it is left as it is."""
    head = _HEAD_RE.search(inner)
    if not head:
        return None
    labels = [_label(cell) for cell in _TH_RE.findall(head.group(1))]
    if len(labels) < MIN_COLUMNS:
        return None
    body_start = head.end()

    def row(m: re.Match) -> str:
        column = iter(labels)

        def cell(_: re.Match) -> str:
            label = next(column, "")
            return f'<td data-label="{label}"' if label else "<td"

        return "<tr>" + _TD_RE.sub(cell, m.group(1)) + "</tr>"

    return inner[:body_start] + _ROW_RE.sub(row, inner[body_start:])


def label_tables(html: str) -> str:
    def fix(m: re.Match) -> str:
        labelled = label_table(m.group(1))
        return m.group(0) if labelled is None else f"<table data-cards>{labelled}</table>"

    return _TABLE_RE.sub(fix, html)


def on_page_content(html, page, config, files):
    return label_tables(html)
