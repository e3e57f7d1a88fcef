"""The report checker as the 报告自查 page runs it: the bundle the build writes holds the
checker's own modules and the law texts, runs on the standard library alone, and gives
exactly the command's results."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from scripts.report_check import bundle, cli
from scripts.report_check.reader import ReportInputError, read_report_data

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "reports"

RUN_BUNDLE = """
import json, sys
sys.path.insert(0, ".")
from scripts.report_check import web
answers = {}
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        answers[path] = json.loads(web.check_data(f.read(), path))
third_party = sorted(m for m in sys.modules if m.split(".")[0] in {"yaml", "docx", "lxml", "mkdocs", "jieba"})
print(json.dumps({"answers": answers, "third_party": third_party}, ensure_ascii=False))
"""


def test_bundle_holds_the_checker_its_imports_and_the_law_pages():
    files = bundle.bundle_files()
    for name in ["scripts/report_check/web.py", "scripts/report_check/rules.py", "scripts/report_check/reader.py",
                 "scripts/checks/quotations.py", "scripts/law.py", "scripts/citations.py", "scripts/markdown_text.py",
                 "docs/law/index.md", "docs/law/tiaoli-2005.md", "scripts/__init__.py"]:
        assert name in files
    # Only what the checker imports: not the check runner, hooks or publishing code.
    assert not any(f.startswith(("scripts/hooks/", "scripts/publish/")) or f.endswith("runner.py") for f in files)
    with zipfile.ZipFile(io.BytesIO(bundle.bundle_zip())) as z:
        assert sorted(z.namelist()) == files
    assert bundle.bundle_zip() == bundle.bundle_zip()  # byte-stable


def test_bundle_runs_on_the_standard_library_and_answers_as_the_command(tmp_path):
    import docx

    work = tmp_path / "bundle"
    with zipfile.ZipFile(io.BytesIO(bundle.bundle_zip())) as z:
        z.extractall(work)
    reports = sorted(FIXTURES.iterdir())
    document = docx.Document()
    for line in (FIXTURES / "sample-district-report-2025.txt").read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    document.save(str(tmp_path / "sample.docx"))
    reports.append(tmp_path / "sample.docx")
    # -I -S: no site-packages, no PYTHONPATH, nothing but the bundle and the standard library.
    proc = subprocess.run([sys.executable, "-I", "-S", "-c", RUN_BUNDLE, *map(str, reports)],
                          cwd=work, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["third_party"] == []
    for path in reports:
        assert out["answers"][str(path)]["result"] == cli.check_file(str(path)), path.name


def test_bad_input_answers_with_the_commands_message():
    from scripts.report_check import web

    with pytest.raises(ReportInputError) as err:
        read_report_data(b"", "empty.txt")
    assert json.loads(web.check_data(b"", "empty.txt")) == {"error": str(err.value)}
    assert json.loads(web.check_text(" \n"))["error"] == "粘贴的文本：文件是空的"


def test_build_serves_pyodide_and_the_bundle_and_only_the_self_check_page_loads_them(site_dir):
    from scripts.hooks import self_check

    for name in self_check.PYODIDE_FILES:
        assert (site_dir / self_check.PYODIDE_DIR / name).is_file(), name
    assert (site_dir / self_check.BUNDLE).read_bytes() == bundle.bundle_zip()
    pages = {p.relative_to(site_dir).as_posix(): p.read_text(encoding="utf-8") for p in site_dir.rglob("*.html")}
    loading = sorted(name for name, html in pages.items() if re.search(r'<script src="[^"]*self-check\.js"', html))
    assert loading == ["reporting/self-check/index.html"]
    assert not any(re.search(r'data-pyodide=|<script src="[^"]*pyodide', html) for name, html in pages.items() if name not in loading)


def test_pyodide_is_pinned_exactly():
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    version = package["dependencies"]["pyodide"]
    assert version[0].isdigit(), "package.json 应写出确切版本"
    assert lock["packages"]["node_modules/pyodide"]["version"] == version
    installed = json.loads((ROOT / "node_modules" / "pyodide" / "package.json").read_text(encoding="utf-8"))
    assert installed["version"] == version
