"""make dist: archive, SHA256SUMS, manifest, and byte-identical archives for one commit."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tarfile

import pytest

from scripts.publish import dist
from tests.publish.conftest import EPOCH, make_release, make_site
from tests.support.project import copy_project

ROOT = dist.ROOT


def test_release_files_and_manifest(small_site, tmp_path):
    files = make_release(small_site, tmp_path / "dist", "1.2.3-abcdef0")
    assert files["tarball"].name == "xinfang-course-1.2.3-abcdef0.tar.gz"
    assert sorted(p.name for p in (tmp_path / "dist").iterdir()) == ["SHA256SUMS", "manifest.json", files["tarball"].name]
    # SHA256SUMS is in `sha256sum -c` format and correct.
    subprocess.run(["sha256sum", "-c", "--strict", "SHA256SUMS"], cwd=tmp_path / "dist", check=True, capture_output=True)
    manifest = json.loads(files["manifest"].read_text(encoding="utf-8"))
    for key in ("version", "git_commit", "build_time", "page_count", "question_count", "tool_versions",
                "content_security_policy", "site_url", "subpath", "archive"):
        assert key in manifest, key
    assert manifest["version"] == "1.2.3-abcdef0"
    assert manifest["page_count"] == 2  # index and law; 404.html is not a course page
    assert manifest["question_count"] > 0
    assert manifest["subpath"] == "/xinfang/"
    assert manifest["build_time"].endswith("Z")
    assert manifest["source_date"] == "2023-11-14T22:13:20Z"
    assert {"mkdocs", "mkdocs-material", "mkdocs-quiz", "python", "mermaid"} <= set(manifest["tool_versions"])
    assert manifest["archive"]["sha256"] == dist.sha256_file(files["tarball"])


def test_manifest_lists_bytes_per_part(small_site, tmp_path):
    (small_site / "search").mkdir()
    (small_site / "search" / "course-index.json").write_text("{}" * 50, encoding="utf-8")
    (small_site / "assets" / "vendor").mkdir()
    (small_site / "assets" / "vendor" / "lib.js").write_bytes(b"x" * 300)
    (small_site / "assets" / "stylesheets").mkdir()
    (small_site / "assets" / "stylesheets" / "main.0123abcd.min.css").write_bytes(b"y" * 70)
    (small_site / "assets" / "favicon.svg").write_bytes(b"<svg/>")
    files = make_release(small_site, tmp_path / "dist", "1.0.0")
    parts = json.loads(files["manifest"].read_text(encoding="utf-8"))["bytes_by_part"]
    html = sum(p.stat().st_size for p in small_site.rglob("*.html"))
    assert parts["pages"] == html
    assert (parts["search_index"], parts["vendored_libraries"], parts["theme"], parts["images"]) == (100, 300, 70, 6)
    assert parts["course_scripts_styles"] == len("console.log('ok');\n")  # assets/app.js
    assert parts["downloads_other"] == (small_site / "sitemap.xml").stat().st_size
    assert parts["total"] == sum(p.stat().st_size for p in small_site.rglob("*") if p.is_file())
    assert parts["total"] == sum(size for name, size in parts.items() if name != "total")


def test_archive_layout_and_inner_checksums(small_site, tmp_path):
    files = make_release(small_site, tmp_path / "dist", "1.0.0")
    with tarfile.open(files["tarball"]) as tar:
        members = tar.getmembers()
        names = [m.name for m in members]
        assert names == sorted(names)
        assert all(m.mtime == EPOCH and m.uid == 0 and m.gid == 0 for m in members)
        assert "xinfang-course-1.0.0/site/index.html" in names
        tar.extractall(tmp_path / "x", filter="data")
    release = tmp_path / "x" / "xinfang-course-1.0.0"
    subprocess.run(["sha256sum", "-c", "--strict", "SHA256SUMS"], cwd=release, check=True, capture_output=True)
    info = json.loads((release / "release.json").read_text(encoding="utf-8"))
    assert "build_time" not in info  # the only thing that differs between builds stays outside the archive


def test_same_input_gives_a_byte_identical_archive(tmp_path):
    a = make_release(make_site(tmp_path / "a"), tmp_path / "da", "1.0.0")
    b = make_release(make_site(tmp_path / "b"), tmp_path / "db", "1.0.0")
    assert a["tarball"].read_bytes() == b["tarball"].read_bytes()
    assert dist.compare_archives(a["tarball"], b["tarball"]) == []
    c = make_release(make_site(tmp_path / "c", "（修订）"), tmp_path / "dc", "1.0.0")
    # release.json differs too: it lists the bytes of the pages.
    assert dist.compare_archives(a["tarball"], c["tarball"]) == ["SHA256SUMS", "release.json", "site/index.html"]


def test_compare_command_and_bad_input(tmp_path, capsys):
    a = make_release(make_site(tmp_path / "a"), tmp_path / "da", "1.0.0")["tarball"]
    assert dist.main(["--compare", str(a), str(a)]) == 0
    assert dist.main(["--compare", str(a), str(tmp_path / "missing.tar.gz")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "找不到发布包" in err
    assert dist.main(["--site-url", "intranet/xinfang/"]) == 2


def test_question_count_matches_the_bank_markers():
    markers = sum(p.read_text(encoding="utf-8").count("<!-- q ") for p in (ROOT / "docs/practice/bank").glob("*.md"))
    assert dist.question_count(ROOT) == markers


def test_two_strict_builds_of_the_checkout_give_identical_archives(tmp_path):
    """The real site built twice (SOURCE_DATE_EPOCH pinned): identical archives, so identical pages.

    Both builds read one snapshot of the sources, so an edit saved in the working
    tree while the test runs cannot show up as a difference.
    """
    git = dist.git_facts(ROOT)
    src = tmp_path / "src"
    for name in ("docs", "overrides", "scripts"):
        shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "pyproject.toml", "package-lock.json"):
        shutil.copy2(ROOT / name, src / name)
    (src / "node_modules").symlink_to(ROOT / "node_modules")
    archives = []
    for run in ("one", "two"):
        site = tmp_path / run / "site"
        try:
            dist.build(src, site, "http://localhost/xinfang/", git["epoch"])
        except dist.DistError as exc:
            pytest.fail(f"严格构建失败：{exc}", pytrace=False)
        info = dist.release_info(site, version="repro", git=git, site_url="http://localhost/xinfang/")
        archives.append(dist.write_release(site, tmp_path / run / "dist", info)["tarball"])
    assert dist.compare_archives(*archives) == []
    assert archives[0].read_bytes() == archives[1].read_bytes()
    with tarfile.open(archives[0]) as tar:
        sitemap = tar.extractfile("xinfang-course-repro/site/sitemap.xml").read().decode()
    # The only dated content is pinned to the commit's date.
    import datetime as dt

    day = dt.datetime.fromtimestamp(git["epoch"], dt.timezone.utc).strftime("%Y-%m-%d")
    assert f"<lastmod>{day}</lastmod>" in sitemap


def test_a_strict_build_warning_stops_the_release_and_names_its_markdown_line(tmp_path, capsys):
    """What `make dist` runs first: a warning (here a link to a missing anchor) fails the build."""
    copy = copy_project(tmp_path / "project")
    guide = copy / "docs/guide/index.md"
    text = guide.read_text(encoding="utf-8").replace("## 课程对象\n", "## 课程对象\n\n[锚点](#no-such-anchor)\n", 1)
    guide.write_text(text, encoding="utf-8")
    line = text.splitlines().index("[锚点](#no-such-anchor)") + 1
    with pytest.raises(dist.DistError, match="严格构建"):
        dist.build(copy, tmp_path / "site", "http://127.0.0.1/xinfang/", EPOCH)
    assert f"docs/guide/index.md:{line}: 严格构建警告：" in capsys.readouterr().err


def test_no_strict_build_is_quiet():
    """`-q` next to `--strict` hides every warning in MkDocs 1.6: no script or test builds that way."""
    quiet = re.compile(r"""--strict["',\s]+-q\b""")
    offenders = [path.relative_to(ROOT).as_posix()
                 for path in [*ROOT.glob("scripts/**/*.py"), *ROOT.glob("tests/**/*.py"), ROOT / "Makefile"]
                 if quiet.search(path.read_text(encoding="utf-8"))]
    assert offenders == []
