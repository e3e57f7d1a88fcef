"""MkDocs hook: the 报告自查 page runs the report checker in the browser with Pyodide.

- Pyodide's core files, installed by `npm ci` (pinned in package-lock.json), are
  copied into `assets/vendor/pyodide/`; the report checker's modules and the law
  texts are written as one zip, `assets/self-check/report-check.zip`
  (`scripts.report_check.bundle`). Nothing else of Pyodide is served: the page
  uses Python's standard library only.
- Only the page `reporting/self-check.md` gets the page's stylesheet and script;
  the script loads Pyodide itself, so no other page downloads any of it.
- The offline folder (Material's offline plugin) gets neither: a page opened from
  disk cannot fetch Pyodide's files, and the page says so in one line instead.
"""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs loads hooks by file path; put the project root on sys.path so they can import `scripts`.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import shutil

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from scripts.report_check.bundle import bundle_zip

ROOT = Path(__file__).resolve().parents[2]
PAGE = "reporting/self-check.md"
PYODIDE_SOURCE = "node_modules/pyodide"
PYODIDE_DIR = "assets/vendor/pyodide/"
#: The core files Pyodide loads to start: loader, runtime, WebAssembly, standard library, package index.
PYODIDE_FILES = ["pyodide.js", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"]
BUNDLE = "assets/self-check/report-check.zip"
SCRIPT = "assets/self-check.js"
STYLES = "assets/self-check.css"


def _offline(config) -> bool:
    return any(name.split("/")[-1] == "offline" for name in config.plugins)


def on_config(config):
    missing = [f"{PYODIDE_SOURCE}/{name}" for name in PYODIDE_FILES if not (ROOT / PYODIDE_SOURCE / name).is_file()]
    if missing and not _offline(config):
        raise PluginError("缺少 Pyodide 文件：" + "、".join(missing) + "。请先运行 `make setup`（其中执行 npm ci）。")
    return config


def on_post_page(output, page, config):
    if page.file.src_uri != PAGE:
        return output
    css = get_relative_url(STYLES, page.url)
    js = get_relative_url(SCRIPT, page.url)
    pyodide = get_relative_url(PYODIDE_DIR, page.url)
    bundle = get_relative_url(BUNDLE, page.url)
    output = output.replace("</head>", f'<link rel="stylesheet" href="{css}">\n</head>', 1)
    return output.replace(
        "</body>", f'<script src="{js}" data-pyodide="{pyodide}" data-bundle="{bundle}" defer></script>\n</body>', 1)


def on_post_build(config):
    if _offline(config):
        return
    site = Path(config.site_dir)
    target = site / PYODIDE_DIR
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        shutil.copyfile(ROOT / PYODIDE_SOURCE / name, target / name)
    (site / BUNDLE).parent.mkdir(parents=True, exist_ok=True)
    (site / BUNDLE).write_bytes(bundle_zip(ROOT))
