"""The .docx reader uses only the standard library (so the 报告自查 page can run it):
it must read a document as python-docx reads it, and refuse bad files in one line."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from scripts.report_check.reader import MAX_BYTES, ReportInputError, docx_lines, read_report, read_report_data

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def python_docx_lines(path: Path) -> list[str]:
    """How the checker read .docx before, with python-docx: body paragraphs, then table cells."""
    import docx

    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                lines.extend(p.text for p in cell.paragraphs)
    return lines


def test_reads_a_document_as_python_docx_does(tmp_path):
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    document.add_paragraph("区某局2025年法治政府建设年度报告")
    document.add_paragraph("")
    p = document.add_paragraph("一、主要举措")
    p.add_run("\t和成效").bold = True
    p = document.add_paragraph("第一行")
    p.add_run().add_break()
    p.add_run("第二行")
    p.add_run().add_break(WD_BREAK.PAGE)
    p.add_run("（分页之后）")
    table = document.add_table(rows=2, cols=3)
    for r in range(2):
        for c in range(3):
            table.cell(r, c).text = f"单元格{r}{c}"
    table.cell(1, 2).add_paragraph("同一单元格的第二段")
    document.add_paragraph("表格之后的段落")
    path = tmp_path / "report.docx"
    document.save(str(path))
    assert docx_lines(path.read_bytes(), path.name) == python_docx_lines(path)
    assert read_report(path).lines == python_docx_lines(path)


def _docx(body: str, part: str = "word/document.xml", rels: str | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        if rels is not None:
            z.writestr("_rels/.rels", rels)
        z.writestr(part, f"<w:document {W}><w:body>{body}</w:body></w:document>")
    return out.getvalue()


def test_tracked_changes_hyperlinks_and_fields_read_as_word_shows_them():
    body = ("<w:p><w:r><w:t>推进信访工作</w:t></w:r>"
            "<w:ins><w:r><w:t>法治化</w:t></w:r></w:ins>"
            "<w:del><w:r><w:delText>法制化</w:delText></w:r></w:del>"
            "<w:hyperlink><w:r><w:t>（见条例）</w:t></w:r></w:hyperlink>"
            "<w:fldSimple><w:r><w:t>3</w:t></w:r></w:fldSimple></w:p>")
    assert docx_lines(_docx(body), "a.docx") == ["推进信访工作法治化（见条例）3"]


def test_the_document_part_is_found_through_the_package_relationships():
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document2.xml"/></Relationships>')
    data = _docx("<w:p><w:r><w:t>正文</w:t></w:r></w:p>", part="word/document2.xml", rels=rels)
    assert docx_lines(data, "a.docx") == ["正文"]


def test_damaged_documents_get_one_line(tmp_path):
    good = _docx("<w:p><w:r><w:t>正文</w:t></w:r></w:p>")
    cases = {
        "truncated": good[: len(good) // 2],
        "not-xml": _docx("<w:p>").replace(b"</w:body></w:document>", b""),
        "no-body": _zip({"word/document.xml": f"<w:document {W}/>"}),
    }
    for kind, data in cases.items():
        with pytest.raises(ReportInputError) as err:
            read_report_data(data, "报告.docx")
        message = str(err.value)
        assert message.startswith("报告.docx：") and "\n" not in message, kind
        assert "另存为 .docx" in message, kind


def _zip(files: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, text in files.items():
            z.writestr(name, text)
    return out.getvalue()


@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_word_and_wps_binary_formats_are_told_to_save_as_docx(tmp_path, suffix):
    path = tmp_path / f"报告{suffix}"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 32)
    with pytest.raises(ReportInputError) as err:
        read_report(path)
    assert f"不支持 {suffix} 格式" in str(err.value) and "在 Word 或 WPS 中“另存为” .docx" in str(err.value)


def test_files_over_the_limit_are_refused_naming_the_limit(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: no 20 MB written to disk
    with pytest.raises(ReportInputError) as err:
        read_report(path)
    assert f"超过 {MAX_BYTES // (1024 * 1024)} MB 的上限" in str(err.value)
    with pytest.raises(ReportInputError):
        read_report_data(b"a" * (MAX_BYTES + 1), "huge.txt")
    assert read_report_data("区某局报告\n正文".encode(), "ok.txt").lines == ["区某局报告", "正文"]
