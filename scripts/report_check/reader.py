"""Reading a report draft: .txt and .md (UTF-8 or GB18030/GBK) and .docx.

Whatever the format, the checker sees a list of lines numbered from 1: for text
files these are the file's lines, for .docx the document's paragraphs (body
paragraphs in order, then table cells), so a finding's number is the line or
paragraph the drafter can find in the editor.

.docx files are read with the standard library only (zipfile and ElementTree),
so the course's 报告自查 page runs this same module in the browser.

Every input problem raises `ReportInputError`
with one readable sentence; the command prints it and exits with code 2.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePath
from xml.etree import ElementTree

#: Extensions read as plain text.
TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
#: Word's and WPS's own binary formats: the user saves them as .docx.
OLD_WORD_SUFFIXES = {".doc", ".wps"}
#: Encodings tried in order. GB18030 is a superset of GBK and GB2312.
ENCODINGS = ("utf-8-sig", "gb18030")


class ReportInputError(Exception):
    """The file cannot be checked; `str(error)` is one line for the user."""


@dataclass
class Report:
    """A report draft as lines of text.

    Attributes:
        path: the file as given on the command line.
        lines: the text, one entry per line (text files) or paragraph (.docx).
        unit: "行" for text files, "段" for .docx paragraphs.
        encoding: the encoding the text was decoded with ("docx" for Word files).
    """

    path: str
    lines: list[str]
    unit: str = "行"
    encoding: str = "utf-8"

    def line(self, number: int) -> str:
        """Text of 1-based line `number` ("" outside the report)."""
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ""


def _looks_like_text(text: str) -> bool:
    """Most characters of a report are Chinese, ASCII or common punctuation."""
    sample = [ch for ch in text[:20000] if not ch.isspace()]
    if not sample:
        return True
    usual = sum(
        1 for ch in sample
        if "\u4e00" <= ch <= "\u9fff" or " " <= ch <= "~" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or "\u2010" <= ch <= "\u206f"
    )
    return usual / len(sample) >= 0.8


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode bytes as UTF-8 or GB18030; return (text, encoding).

    Raises:
        ReportInputError: when the bytes are binary or in neither encoding.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Notepad's "Unicode" is UTF-16 with a byte-order mark.
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise ReportInputError(f"{name}：这是二进制文件，不是文本；请提交 .txt、.md 或 .docx 文件")
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding != "utf-8-sig" and not _looks_like_text(text):
            break  # GB18030 decodes many binary files into nonsense
        return text, "utf-8" if encoding == "utf-8-sig" else encoding
    raise ReportInputError(f"{name}：无法识别文件编码（不是 UTF-8，也不是 GB18030/GBK）；请用“另存为”选择 UTF-8 编码后重试")


#: Files larger than this are refused: a report's text is a few hundred KB even with
#: a long annex; bigger files are pictures or the wrong file.
MAX_BYTES = 20 * 1024 * 1024
#: The largest document part (word/document.xml) a .docx may unpack to.
MAX_DOCUMENT_XML = 64 * 1024 * 1024

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
#: Run content as text; a break is a line break only when it is not a page or column break.
_RUN_TEXT = {_W + "tab": "\t", _W + "ptab": "\t", _W + "cr": "\n", _W + "noBreakHyphen": "-"}
#: Paragraph children whose runs are not part of the text the reader sees.
_SKIPPED = {_W + "pPr", _W + "del", _W + "moveFrom"}


def _run_text(run) -> str:
    out = []
    for child in run:
        if child.tag == _W + "t":
            out.append(child.text or "")
        elif child.tag == _W + "br":
            out.append("\n" if child.get(_W + "type", "textWrapping") == "textWrapping" else "")
        elif child.tag in _RUN_TEXT:
            out.append(_RUN_TEXT[child.tag])
    return "".join(out)


def _paragraph_text(element) -> str:
    """Text of a w:p: its runs, including those inside hyperlinks, insertions, content
    controls and fields; not deleted text, not text boxes (their runs are inside a run)."""
    out = []
    for child in element:
        if child.tag == _W + "r":
            out.append(_run_text(child))
        elif child.tag not in _SKIPPED:
            out.append(_paragraph_text(child))
    return "".join(out)


def _document_part(archive: zipfile.ZipFile) -> str:
    """Name of the main document part: the officeDocument relationship, else word/document.xml."""
    try:
        rels = ElementTree.fromstring(archive.read("_rels/.rels"))
    except (KeyError, ElementTree.ParseError):
        return "word/document.xml"
    for rel in rels:
        if rel.get("Type") == _OFFICE_DOCUMENT and rel.get("Target"):
            return rel.get("Target").lstrip("/")
    return "word/document.xml"


def docx_lines(data: bytes, name: str) -> list[str]:
    """The paragraphs of a .docx as lines: body paragraphs in order, then the
    paragraphs of each table's cells (row by row, cell by cell).

    Read with the standard library only (zipfile and ElementTree), so the course
    site runs this same code in the browser. Text is taken the way Word shows it:
    tabs as tab characters, line breaks as newlines, tracked insertions in, deletions out.

    Raises:
        ReportInputError: the bytes are not a Word document.
    """
    def broken(why: str) -> ReportInputError:
        return ReportInputError(f"{name}：无法作为 Word 文档打开（{why}）；请在 Word 或 WPS 中另存为 .docx 后重试")

    buffer = io.BytesIO(data)
    if not zipfile.is_zipfile(buffer):
        raise ReportInputError(f"{name}：不是有效的 .docx 文件（文件已损坏，或是改了扩展名的其他文件）；请在 Word 或 WPS 中另存为 .docx 后重试")
    try:
        with zipfile.ZipFile(buffer) as archive:
            part = _document_part(archive)
            try:
                info = archive.getinfo(part)
            except KeyError:
                raise broken(f"缺少 {part}") from None
            if info.file_size > MAX_DOCUMENT_XML:
                raise broken(f"{part} 超过 {MAX_DOCUMENT_XML // (1024 * 1024)} MB")
            root = ElementTree.fromstring(archive.read(info))
    except ReportInputError:
        raise
    except ElementTree.ParseError:
        raise broken("文档内容不是有效的 XML") from None
    except Exception as exc:  # zipfile raises several types for a damaged archive
        raise broken(f"文件已损坏：{type(exc).__name__}") from None
    body = root.find(_W + "body")
    if body is None:
        raise broken("没有正文")
    lines = [_paragraph_text(p) for p in body.findall(_W + "p")]
    for table in body.findall(_W + "tbl"):
        for row in table.findall(_W + "tr"):
            for cell in row.findall(_W + "tc"):
                lines.extend(_paragraph_text(p) for p in cell.findall(_W + "p"))
    return lines


def too_large(name: str) -> ReportInputError:
    """The error for a file over `MAX_BYTES`."""
    return ReportInputError(f"{name}：文件超过 {MAX_BYTES // (1024 * 1024)} MB 的上限；报告检查只看文字，请删去文中的图片后另存，再检查")


def read_report_data(data: bytes, name: str) -> Report:
    """Read a report draft from the bytes of a file called `name` (its suffix decides the format).

    This is what `read_report` does after reading the file, and what the course's
    报告自查 page calls in the browser with the bytes of the file the user opened.

    Raises:
        ReportInputError: file too large, empty, unsupported type, unreadable
            encoding, or a .docx that is not a Word document.
    """
    if len(data) > MAX_BYTES:
        raise too_large(name)
    if not data.strip():
        raise ReportInputError(f"{name}：文件是空的")
    suffix = PurePath(name).suffix.lower()
    if suffix == ".docx":
        lines = docx_lines(data, name)
        if not any(line.strip() for line in lines):
            raise ReportInputError(f"{name}：Word 文档中没有文字")
        return Report(name, lines, unit="段", encoding="docx")
    if suffix in OLD_WORD_SUFFIXES:
        raise ReportInputError(f"{name}：不支持 {suffix} 格式；请在 Word 或 WPS 中“另存为” .docx 文件后重试")
    if suffix not in TEXT_SUFFIXES:
        raise ReportInputError(f"{name}：不支持的文件类型“{suffix or '无扩展名'}”；请提交 .txt、.md 或 .docx 文件")
    text, encoding = decode_text(data, name)
    return report_from_text(text, name, encoding)


def report_from_text(text: str, name: str, encoding: str = "utf-8") -> Report:
    """A report from text already decoded (a text file, or text pasted on the 报告自查 page).

    Raises:
        ReportInputError: the text is empty.
    """
    if not text.strip():
        raise ReportInputError(f"{name}：文件是空的")
    return Report(name, text.splitlines(), unit="行", encoding=encoding)


def read_report(path: str | Path) -> Report:
    """Read a report draft from `path`.

    Raises:
        ReportInputError: missing file, directory, file too large, empty file,
            unsupported type, unreadable encoding, or a .docx that is not a Word document.
    """
    p = Path(path)
    if not p.exists():
        raise ReportInputError(f"{path}：文件不存在")
    if p.is_dir():
        raise ReportInputError(f"{path}：这是目录，请给出报告文件")
    try:
        if p.stat().st_size > MAX_BYTES:
            raise too_large(str(path))
        data = p.read_bytes()
    except OSError as exc:
        raise ReportInputError(f"{path}：无法读取（{exc.strerror}）") from None
    return read_report_data(data, str(path))
