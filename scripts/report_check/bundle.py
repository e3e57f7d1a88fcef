"""The report checker as one zip for the browser: its Python modules and the law texts.

The 报告自查 page runs this package under Pyodide, which has Python's standard
library and nothing else. `bundle_files` starts at `scripts.report_check.web`,
follows every `import scripts.…` it finds (at the top of a module or inside a
function), and adds the law pages that `scripts.law.load_law` reads, at the
same paths relative to the project root. Imports inside a `try` that catches
ImportError are optional (the quotation check registers itself with the check
runner that way) and are not followed. Nothing is copied by hand: the zip is
written from the working tree by the hook `scripts/hooks/self_check.py` at every
build, so the page always runs the rules the command runs.
"""

from __future__ import annotations

import ast
import io
import zipfile
from pathlib import Path

from scripts.law import LAW_PAGES

ROOT = Path(__file__).resolve().parents[2]
ENTRY = "scripts.report_check.web"
#: Every entry gets this time, so one tree gives a byte-identical zip.
_STAMP = (1980, 1, 1, 0, 0, 0)


def _module_path(module: str, root: Path) -> Path:
    base = root.joinpath(*module.split("."))
    return base / "__init__.py" if base.is_dir() else base.with_suffix(".py")


def _optional(node: ast.Try) -> bool:
    names = []
    for handler in node.handlers:
        t = handler.type
        names += [e.id for e in (t.elts if isinstance(t, ast.Tuple) else [t]) if isinstance(e, ast.Name)]
    return bool({"ImportError", "ModuleNotFoundError"} & set(names))


def _imports(tree: ast.AST) -> list[str]:
    """Modules of this project imported anywhere in `tree`, except optional imports."""
    found: list[str] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.Try) and _optional(node):
            for child in node.orelse + node.finalbody:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.extend(a.name for a in node.names if a.name.split(".")[0] == "scripts")
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] == "scripts":
            found.append(node.module)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def modules(entry: str = ENTRY, root: Path = ROOT) -> list[str]:
    """The project's modules `entry` needs, with their packages, sorted."""
    seen: set[str] = set()
    todo = [entry]
    while todo:
        module = todo.pop()
        parts = module.split(".")
        for i in range(1, len(parts) + 1):  # a module needs its packages' __init__
            name = ".".join(parts[:i])
            if name in seen:
                continue
            path = _module_path(name, root)
            if not path.is_file():
                raise FileNotFoundError(f"{path}：{entry} 导入的模块 {name} 不存在")
            seen.add(name)
            todo.extend(_imports(ast.parse(path.read_text(encoding="utf-8"), str(path))))
    return sorted(seen)


def bundle_files(root: Path = ROOT) -> list[str]:
    """Paths (relative to `root`) of every file in the bundle, sorted."""
    files = [_module_path(m, root).relative_to(root).as_posix() for m in modules(root=root)]
    files += [f"docs/{page}" for page in LAW_PAGES.values()]
    return sorted(files)


def bundle_zip(root: Path = ROOT) -> bytes:
    """The bundle as zip bytes, byte-identical for the same files."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name in bundle_files(root):
            info = zipfile.ZipInfo(name, date_time=_STAMP)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, (root / name).read_bytes())
    return out.getvalue()
