"""Material's page script, patched in the built site: no whole-page restyle for the palette
at load (see `scripts.material_bundle`). A bundle that no longer has the patched text fails
the build with a message that names the module to look at."""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs loads hooks by file path; put the project root on sys.path so they can import `scripts`.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mkdocs.exceptions import PluginError

from scripts.material_bundle import MaterialBundlePatchError, patch_site


def on_post_build(config):
    try:
        patch_site(Path(config["site_dir"]))
    except MaterialBundlePatchError as exc:
        raise PluginError(f"scripts/material_bundle.py: {exc}") from None
