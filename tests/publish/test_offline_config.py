"""mkdocs-offline.yml stays mkdocs.yml plus the offline plugin and the local iframe-worker shim."""

from __future__ import annotations

import zipfile
from pathlib import Path

import yaml

from scripts.publish import offline

ROOT = Path(__file__).resolve().parents[2]


class _Loader(yaml.SafeLoader):
    pass


# mkdocs.yml uses !ENV and python tags; their values do not matter here.
_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def load(name: str) -> dict:
    return yaml.load((ROOT / name).read_text(encoding="utf-8"), Loader=_Loader)


def test_offline_config_repeats_the_plugins_of_mkdocs_yml_and_adds_offline():
    main, off = load("mkdocs.yml"), load("mkdocs-offline.yml")
    assert off["INHERIT"] == "mkdocs.yml"
    # INHERIT replaces lists: the offline list must be the main list plus `offline`.
    assert off["plugins"] == [*main["plugins"], "offline"], "mkdocs.yml 的 plugins 改了：请同样修改 mkdocs-offline.yml"


def test_offline_config_lists_the_local_shim():
    from scripts.hooks.offline_assets import VENDOR_FILES

    polyfills = load("mkdocs-offline.yml")["extra"]["polyfills"]
    assert polyfills == ["assets/vendor/iframe-worker-shim.js"]
    assert polyfills[0] in VENDOR_FILES


def test_zip_is_byte_stable(tmp_path):
    site = tmp_path / "site"
    (site / "law").mkdir(parents=True)
    (site / "index.html").write_text("首页", encoding="utf-8")
    (site / "law" / "index.html").write_text("条例", encoding="utf-8")
    offline.write_zip(site, tmp_path / "a.zip", "top", 1_700_000_000)
    offline.write_zip(site, tmp_path / "b.zip", "top", 1_700_000_000)
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "a.zip") as zf:
        assert zf.namelist() == ["top/index.html", "top/law/index.html"]
