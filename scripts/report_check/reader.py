"""Reading a report draft: .txt and .md (UTF-8 or GB18030/GBK) and .docx.

Whatever the format, the checker sees a list of lines numbered from 1: for text
files these are the file's lines, for .docx the document's paragraphs (body
paragraphs in order, then table cells), so a finding's number is the line or
paragraph the drafter can find in the editor.

Every input problem raises `ReportInputError`
with one readable sentence; the command prints it and exits with code 2.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

#: Extensions read as plain text.
TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
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


def _read_docx(path: Path) -> list[str]:
    if not zipfile.is_zipfile(path):
        raise ReportInputError(f"{path}：不是有效的 .docx 文件（文件已损坏，或是改了扩展名的其他文件）；请在 Word 中另存为 .docx 后重试")
    try:
        import docx  # python-docx; imported here so text reports work without it
    except ImportError:  # pragma: no cover - python-docx is a project dependency
        raise ReportInputError("读取 .docx 需要 python-docx，请先安装项目依赖") from None
    try:
        document = docx.Document(str(path))
        lines = [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                for cell in row.cells:
                    lines.extend(p.text for p in cell.paragraphs)
    except Exception as exc:  # python-docx raises several unrelated types for bad packages
        raise ReportInputError(f"{path}：无法作为 Word 文档打开（{type(exc).__name__}）；请在 Word 中另存为 .docx 后重试") from None
    return lines


def read_report(path: str | Path) -> Report:
    """Read a report draft from `path`.

    Raises:
        ReportInputError: missing file, directory, empty file, unsupported type,
            unreadable encoding, or a .docx that is not a Word document.
    """
    p = Path(path)
    if not p.exists():
        raise ReportInputError(f"{path}：文件不存在")
    if p.is_dir():
        raise ReportInputError(f"{path}：这是目录，请给出报告文件")
    suffix = p.suffix.lower()
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ReportInputError(f"{path}：无法读取（{exc.strerror}）") from None
    if not data.strip():
        raise ReportInputError(f"{path}：文件是空的")
    if suffix == ".docx":
        lines = _read_docx(p)
        if not any(line.strip() for line in lines):
            raise ReportInputError(f"{path}：Word 文档中没有文字")
        return Report(str(path), lines, unit="段", encoding="docx")
    if suffix == ".doc":
        raise ReportInputError(f"{path}：不支持旧版 .doc 格式；请在 Word 中另存为 .docx 后重试")
    if suffix not in TEXT_SUFFIXES:
        raise ReportInputError(f"{path}：不支持的文件类型“{suffix or '无扩展名'}”；请提交 .txt、.md 或 .docx 文件")
    text, encoding = decode_text(data, str(path))
    if not text.strip():
        raise ReportInputError(f"{path}：文件是空的")
    return Report(str(path), text.splitlines(), unit="行", encoding=encoding)
