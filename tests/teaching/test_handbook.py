"""`make handbook`: the 学员手册 printed by Chromium from the built site.

The PDF is made once from the session's strict build and read back with pypdf: its contents
page numbers must be the pages where the titles land, its pages A4, and no line of its text
may start with closing punctuation.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from pypdf import PdfReader

from scripts.teaching import handbook
from scripts.teaching.print_checks import CLOSING
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
A4_POINTS = (595, 842)


@pytest.fixture(scope="module")
def pdf(site_dir, tmp_path_factory, browser):
    path = handbook.write_handbook(ROOT, tmp_path_factory.mktemp("handbook"), site_dir, browser)
    return PdfReader(str(path))


def _text(page) -> str:
    return unicodedata.normalize("NFKC", page.extract_text() or "")


def _contents(pdf) -> list[tuple[str, int]]:
    """(title, page) of each contents line, read from the printed contents page."""
    text = _text(pdf.pages[1])
    assert "目录" in text
    return [(m.group(1).strip(), int(m.group(2))) for m in re.finditer(r"^(.+?)\s*\.*\s*(\d+)$", text, re.M)]


def test_contents_page_numbers_are_where_the_titles_land(pdf):
    entries = _contents(pdf)
    assert len(entries) == len(handbook.PARTS), entries
    for title, number in entries:
        page_text = re.sub(r"\s+", "", _text(pdf.pages[number - 1]))
        assert re.sub(r"\s+", "", title) in page_text, f"目录“{title}”标第{number}页，该页没有这个标题"
        # …and it is where the part starts: not on the page before.
        before = re.sub(r"\s+", "", _text(pdf.pages[number - 2]))
        assert not before.endswith(re.sub(r"\s+", "", title)), title
    numbers = [n for _, n in entries]
    assert numbers == sorted(numbers) and numbers[0] > 2


def test_every_part_is_in_the_handbook(pdf):
    text = re.sub(r"\s+", "", "".join(_text(p) for p in pdf.pages))
    for needle in ("第一章总则与原则", "新旧对照", "第五十条本条例自2022年5月1日起施行。", "群众依法信访导引图", "模拟试卷A",
                   "试卷A参考答案"):
        assert needle in text, needle


def test_pages_are_a4(pdf):
    for page in pdf.pages:
        size = (round(float(page.mediabox.width)), round(float(page.mediabox.height)))
        assert size == A4_POINTS


def test_no_printed_line_starts_with_closing_punctuation(pdf):
    bad = []
    for n, page in enumerate(pdf.pages, start=1):
        for line in (page.extract_text() or "").splitlines():
            # Only ASCII blanks are stripped: a fill-in blank prints as ideographic spaces.
            line = line.strip(" \t")
            if line and line[0] in CLOSING:
                bad.append(f"第{n}页：{line[:20]}")
    assert not bad, bad
