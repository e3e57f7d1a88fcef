"""A copy of the project to plant faults in: docs, templates, scripts, mkdocs.yml and package-lock.json, with
node_modules linked (the build copies vendored libraries from it)."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def copy_project(dest: Path) -> Path:
    """Copy the project into `dest` (created) and return it."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("docs", "overrides", "scripts"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "package-lock.json"):  # the lock pins mermaid, part of each diagram's key
        shutil.copy(ROOT / name, dest / name)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest
