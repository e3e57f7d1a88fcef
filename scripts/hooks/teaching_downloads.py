"""The slides and the 学员手册 as downloads of the site (教员 → 课件与学员手册).

`make slides` and `make handbook` write into build/teaching/, outside docs/. Every build adds
the files found there to the site under teaching/downloads/ (so a strict build validates the
links to them and `make dist` packs them), and the page teaching/materials.md lists them where
it says `<!-- teaching-downloads -->`: a link with the file's size when the file is there, and
“尚未生成（运行 make slides 生成）” when it is not, so a fresh clone still builds strictly.
"""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs loads hooks by file path; put the project root on sys.path so they can import `scripts`.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from scripts.markdown_text import FrontMatterError  # noqa: E402
from scripts.teaching import OUTPUT  # noqa: E402
from scripts.teaching.handbook import HANDBOOK_FILE  # noqa: E402
from scripts.teaching.module_text import read_modules  # noqa: E402
from scripts.teaching.slides import slide_file  # noqa: E402

PAGE = "teaching/materials.md"
DOWNLOADS_DIR = "teaching/downloads"
MARKER = "<!-- teaching-downloads -->"


def downloads(docs: Path) -> list[tuple[str, str, str]]:
    """(file name, what it is, the command that makes it) for every download, in course order."""
    out = [(HANDBOOK_FILE, "学员手册（A4，打印用 PDF）", "make handbook")]
    for module in read_modules(docs):
        out.append((slide_file(module.code), f"课件：{module.title}", "make slides"))
    return out


def _size(path: Path) -> str:
    size = path.stat().st_size
    return f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{max(round(size / 1000), 1)} KB"


def table(docs: Path, folder: Path = OUTPUT) -> str:
    """The Markdown table of downloads for materials.md."""
    rows = ["| 文件 | 内容 | 大小 |", "|---|---|---|"]
    for name, what, command in downloads(docs):
        path = folder / name
        if path.is_file():
            rows.append(f"| [{name}](downloads/{name}) | {what} | {_size(path)} |")
        else:
            rows.append(f"| {name} | {what} | 尚未生成（运行 `{command}` 生成） |")
    return "\n".join(rows)


def on_files(files, config):
    try:
        found = downloads(Path(config.docs_dir))
    except FrontMatterError as exc:
        raise PluginError(str(exc)) from None
    for name, _, _ in found:
        path = OUTPUT / name
        if path.is_file():
            files.append(File.generated(config, f"{DOWNLOADS_DIR}/{name}", abs_src_path=str(path)))
    return files


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri != PAGE:
        return markdown
    if markdown.count(MARKER) != 1:
        raise PluginError(f"docs/{PAGE}: 应当恰好有一行 {MARKER}（下载文件表放在这里），现有 {markdown.count(MARKER)} 行")
    return markdown.replace(MARKER, table(Path(config.docs_dir)))
