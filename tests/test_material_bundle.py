"""Material's page script, patched so that a page load does not restyle the whole page for
the colour palette (scripts/material_bundle.py): the installed Material's bundle takes the
patch once, a bundle without the patched text fails with a message, the built site carries it."""

from __future__ import annotations

from pathlib import Path

import material
import pytest

from scripts.material_bundle import BUNDLE_GLOB, PATCHED_MARKER, MaterialBundlePatchError, patch_bundle, patch_site

THEME = Path(material.__file__).parent / "templates"


def installed_bundle() -> str:
    (path,) = THEME.glob(BUNDLE_GLOB)
    return path.read_text(encoding="utf-8")


def test_the_installed_bundle_takes_the_patch_once():
    original = installed_bundle()
    patched = patch_bundle(original)
    assert patched.count(PATCHED_MARKER) == 1
    # Only the palette's switching line changes; the attribute is still set on a real switch.
    assert patched.count('document.body.setAttribute("data-md-color-switching","")') == 1
    assert patch_bundle(patched) == patched


def test_a_bundle_without_the_patched_text_fails_with_a_message(tmp_path):
    with pytest.raises(MaterialBundlePatchError, match="scripts/material_bundle.py"):
        patch_bundle("function li(e){}")
    (tmp_path / "assets" / "javascripts").mkdir(parents=True)
    with pytest.raises(MaterialBundlePatchError, match="应恰有 1 个文件"):
        patch_site(tmp_path)


def test_the_built_site_carries_the_patched_bundle(site_dir):
    (bundle,) = site_dir.glob(BUNDLE_GLOB)
    assert PATCHED_MARKER in bundle.read_text(encoding="utf-8")
