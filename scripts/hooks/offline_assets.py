"""Serve the front-end libraries the site needs from the site itself.

The offline plugin adds an iframe-worker shim from a CDN unless one is listed in
`extra.polyfills`. It is installed by `npm ci` (pinned in package-lock.json) and
copied into the built site here, so no page requests another host. (Diagrams need
no library in the browser: they are static SVG, see `scripts.diagrams`.)
"""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs loads hooks by file path; put the project root on sys.path so they can import `scripts`.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import shutil

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]

#: path in the built site -> file installed by `npm ci`
VENDOR_FILES = {
    "assets/vendor/iframe-worker-shim.js": "node_modules/iframe-worker/shim/index.js",
}


def missing_vendor_files(root: Path = ROOT) -> list[str]:
    """Vendor files that `npm ci` has not installed yet."""
    return [src for src in VENDOR_FILES.values() if not (root / src).is_file()]


def on_config(config):
    missing = missing_vendor_files()
    if missing:
        raise PluginError(
            "缺少本地前端库：" + "、".join(missing) + "。请先运行 `make setup`（其中执行 npm ci），"
            "网站不从外部网络加载任何脚本。"
        )
    return config


def on_post_build(config):
    site = Path(config.site_dir)
    for target, source in VENDOR_FILES.items():
        dest = site / target
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / source, dest)
