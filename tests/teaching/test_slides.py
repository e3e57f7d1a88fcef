"""`make slides`: every module's deck opens with python-pptx and holds what its page teaches.

The decks are made once from the session's strict build (Chromium screenshots the diagrams),
then compared with the module Markdown and the bank.
"""

from __future__ import annotations

import re

import pytest
from pptx import Presentation
from pptx.util import Emu

from scripts.bank.model import load_bank
from scripts.teaching import site as teaching_site
from scripts.teaching import slides
from scripts.teaching.module_text import cited, read_modules
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
MODULES = read_modules(ROOT / "docs")


@pytest.fixture(scope="module")
def decks(site_dir, tmp_path_factory, browser):
    out = tmp_path_factory.mktemp("slides")
    files = slides.write_slides(ROOT, out, site_dir, browser)
    return {path.name: Presentation(str(path)) for path in files}


def _texts(prs, notes: bool = False) -> list[str]:
    out = []
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                out.append(shape.text_frame.text)
            if shape.has_table:
                out += [cell.text for row in shape.table.rows for cell in row.cells]
        if notes and slide.has_notes_slide:
            out.append(slide.notes_slide.notes_text_frame.text)
    return out


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_one_deck_per_module_16_9(decks):
    assert sorted(decks) == sorted(slides.slide_file(m.code) for m in MODULES)
    for name, prs in decks.items():
        assert Emu(prs.slide_width) * 9 == Emu(prs.slide_height) * 16, name
        assert len(prs.slides) >= 5, name


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.code)
def test_deck_holds_the_modules_key_points_and_citations(decks, module):
    prs = decks[slides.slide_file(module.code)]
    shown = _squash("\n".join(_texts(prs)))
    missing = [k for k in module.key_points() if _squash(k) not in shown]
    assert not missing, f"{module.code} 的课件缺少本节要点：{missing}"
    body = module.path.read_text(encoding="utf-8")
    articles = cited(body)
    assert articles, module.code
    missing = [a for a in articles if a not in shown]
    assert not missing, f"{module.code} 的课件没有注明这些条文：{missing}"
    for objective in module.objectives:
        assert _squash(objective) in shown


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.code)
def test_tables_are_tables_and_diagrams_are_pictures(decks, module):
    prs = decks[slides.slide_file(module.code)]
    shapes = [shape for slide in prs.slides for shape in slide.shapes]
    table_cells = {_squash(cell.text) for shape in shapes if shape.has_table for row in shape.table.rows for cell in row.cells}
    for part in module.parts:
        for table in part.tables:
            assert {_squash(h) for h in table.header} <= table_cells, f"{module.code}：{part.title} 的表格不在课件中"
    diagrams = sum(len(p.diagrams) for p in module.parts)
    pictures = sum(1 for shape in shapes if shape.shape_type == 13)  # MSO_SHAPE_TYPE.PICTURE
    assert pictures >= diagrams


def test_case_discussion_and_quiz_with_answers_in_the_notes(decks):
    bank = load_bank(ROOT / "docs", ROOT)
    module = next(m for m in MODULES if m.code == "tizhi")
    prs = decks[slides.slide_file("tizhi")]
    titles = [slide.shapes[2].text_frame.text for slide in prs.slides if len(slide.shapes) > 2]
    assert "教学案例（情节虚构）" in titles and "讨论题" in titles and "随堂测验" in titles
    quiz = [s for s in prs.slides if any(sh.has_text_frame and sh.text_frame.text == "随堂测验" for sh in s.shapes)]
    notes = "\n".join(s.notes_slide.notes_text_frame.text for s in quiz)
    ids = re.findall(r"题号 (tizhi-\d+)", notes)
    assert len(ids) == slides.QUIZ_QUESTIONS
    by_id = bank.by_id()
    for qid in ids:
        q = by_id[qid]
        assert "core" in q.tags
        assert f"答案：{q.answer_text()}" in notes
    shown = "\n".join(sh.text_frame.text for s in quiz for sh in s.shapes if sh.has_text_frame)
    assert "答案" not in shown
    for question in module.part("讨论题").items:
        assert _squash(question) in _squash("\n".join(_texts(prs)))


def test_text_is_editable_in_the_course_font(decks):
    prs = decks[slides.slide_file("banli")]
    runs = [run for slide in prs.slides for shape in slide.shapes if shape.has_text_frame
            for p in shape.text_frame.paragraphs for run in p.runs]
    assert runs
    for run in runs:
        rpr = run._r.rPr
        assert run.font.name == slides.FONT
        assert rpr.find("{http://schemas.openxmlformats.org/drawingml/2006/main}ea").get("typeface") == slides.FONT
        assert run.font.size.pt >= slides.MIN_SIZE - 2


def test_colours_come_from_the_course_stylesheet(tmp_path):
    colours = slides.course_colours(ROOT / "docs" / "assets" / "course.css")
    assert colours.primary.lower() == "b71c1c"
    bad = tmp_path / "course.css"
    bad.write_text("body { color: red; }", encoding="utf-8")
    with pytest.raises(teaching_site.TeachingError, match="--md-primary-fg-color"):
        slides.course_colours(bad)


def test_without_chromium_one_clear_message(monkeypatch, tmp_path, capsys, site_dir):
    monkeypatch.setattr(teaching_site, "CHROMIUM", tmp_path / "no-chromium")
    assert slides.main(["--site", str(site_dir), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "需要 Chromium" in err and "apt-get install" in err and "Traceback" not in err


def test_not_a_built_site_one_clear_message(tmp_path, capsys):
    assert slides.main(["--site", str(tmp_path), "--out", str(tmp_path / "out")]) == 2
    assert "不是构建好的网站" in capsys.readouterr().err
