"""`python -m scripts dist` (`make dist`): build, check and pack one release of the course.

Writes into `dist/` (emptied of earlier releases first):

* `<name>-<version>.tar.gz` — one folder `<name>-<version>/` holding `site/` (the
  built course), `SHA256SUMS` (every file under `site/`) and `release.json`
  (version, commit, counts, tool versions, site URL, Content-Security-Policy, and the
  slides and 学员手册 under `site/teaching/downloads/`: the build adds what `make slides`
  and `make handbook` left in build/teaching/).
* `manifest.json` — `release.json` plus `build_time` and the archive's name, size and SHA-256.
  Both list the bytes of the site per part (`bytes_by_part`, see `PARTS`): pages, search
  index, vendored libraries, Material's theme files, the course's own scripts and styles,
  images, and downloads/other.
* `SHA256SUMS` — `sha256sum -c` format, for the archive and manifest.json.

Reproducible: the build runs with `SOURCE_DATE_EPOCH` set to the commit time, so
the sitemap's `<lastmod>` dates and the gzip header of `sitemap.xml.gz` are the
commit's date, not today's. The archive lists its entries sorted, with that same
time as every mtime, uid/gid 0 and fixed modes, and is gzipped without a name or a
time in its header. The same commit built twice therefore gives a byte-identical
`.tar.gz`; only `manifest.json` (its `build_time`) and so the `SHA256SUMS` line
for it differ. `--compare A B` shows what differs between two archives.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import io
import json
import os
import platform
import re
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from scripts.checks import build_log
from scripts.publish import csp as csp_module
from scripts.publish.nginx import normalise_subpath

ROOT = Path(__file__).resolve().parents[2]
NAME = "xinfang-course"
DEFAULT_SITE_URL = "http://localhost/xinfang/"
#: Python distributions whose versions go into the manifest.
PYTHON_TOOLS = ("mkdocs", "mkdocs-material", "mkdocs-quiz", "pymdown-extensions", "jieba", "mkdocstrings",
                "mkdocstrings-python", "PyYAML")
#: npm packages the release is made with: mermaid draws the diagrams (`make diagrams`, kept in
#: scripts/data/diagrams/), iframe-worker is copied into the site (scripts/hooks/offline_assets.py).
NPM_TOOLS = ("mermaid", "iframe-worker")
#: Files whose content carries the build date (pinned to the commit date by SOURCE_DATE_EPOCH).
DATED_FILES = ("sitemap.xml", "sitemap.xml.gz")


class DistError(Exception):
    """A problem reported as one line, exit code 2."""


# -- facts about the checkout -------------------------------------------------------------

def _git(root: Path, *args: str) -> str:
    proc = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    if proc.returncode:
        raise DistError(f"git {' '.join(args)} 失败：{proc.stderr.strip() or proc.stdout.strip()}")
    return proc.stdout.strip()


def git_facts(root: Path = ROOT) -> dict:
    """commit, short commit, commit time (epoch) and whether the tree has uncommitted changes."""
    commit = _git(root, "rev-parse", "HEAD")
    epoch = int(_git(root, "log", "-1", "--format=%ct", "HEAD"))
    # package-lock.json pins mermaid, part of each diagram's key.
    dirty = bool(_git(root, "status", "--porcelain", "--", "docs", "overrides", "scripts", "mkdocs.yml", "package-lock.json"))
    return {"commit": commit, "short": commit[:7], "epoch": epoch, "dirty": dirty}


def project_version(root: Path = ROOT) -> str:
    text = (root / "pyproject.toml").read_text(encoding="utf-8")
    m = re.search(r'^version\s*=\s*"([^"]+)"', text, re.M)
    if not m:
        raise DistError("pyproject.toml 中没有 version")
    return m.group(1)


def tool_versions(root: Path = ROOT) -> dict[str, str]:
    versions = {"python": platform.python_version()}
    for dist_name in PYTHON_TOOLS:
        try:
            versions[dist_name] = metadata.version(dist_name)
        except metadata.PackageNotFoundError:
            versions[dist_name] = "missing"
    for pkg in NPM_TOOLS:
        pkg_json = root / "node_modules" / pkg / "package.json"
        versions[pkg] = json.loads(pkg_json.read_text(encoding="utf-8"))["version"] if pkg_json.is_file() else "missing"
    return versions


def question_count(root: Path = ROOT) -> int:
    """Questions in the bank (scripts.bank.model; `<!-- q ` markers if it cannot load)."""
    try:
        from scripts.bank.model import load_bank

        return len(load_bank(root / "docs", root).questions)
    except ImportError:
        bank = root / "docs" / "practice" / "bank"
        return sum(p.read_text(encoding="utf-8").count("<!-- q ") for p in sorted(bank.glob("*.md")))


def teaching_downloads(site: Path) -> list[dict]:
    """The slides and the 学员手册 in the site (scripts/hooks/teaching_downloads.py put them there)."""
    folder = site / "teaching" / "downloads"
    files = sorted(p for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []
    return [{"file": f"teaching/downloads/{p.name}", "bytes": p.stat().st_size, "sha256": sha256_file(p)} for p in files]


#: (part, test on the path under site/), first match wins; "downloads_other" takes the rest.
PARTS: list[tuple[str, Callable[[str], bool]]] = [
    ("pages", lambda p: p.endswith(".html")),
    ("search_index", lambda p: p.startswith("search/")),
    ("vendored_libraries", lambda p: p.startswith("assets/vendor/")),
    # Material's scripts and styles; the course's own scripts there are named course-*.
    ("theme", lambda p: p.startswith("assets/stylesheets/")
              or (p.startswith("assets/javascripts/") and not p.rsplit("/", 1)[-1].startswith("course-"))),
    ("images", lambda p: p.rsplit(".", 1)[-1].lower() in {"svg", "png", "jpg", "jpeg", "gif", "webp", "ico"}),
    ("course_scripts_styles", lambda p: p.endswith((".js", ".css"))),
]


def bytes_by_part(site: Path) -> dict[str, int]:
    """Bytes of the files under `site` per part of `PARTS`, plus "downloads_other" and "total"."""
    sizes = {name: 0 for name, _ in PARTS} | {"downloads_other": 0}
    for path in site.rglob("*"):
        if path.is_file():
            rel = path.relative_to(site).as_posix()
            part = next((name for name, test in PARTS if test(rel)), "downloads_other")
            sizes[part] += path.stat().st_size
    sizes["total"] = sum(sizes.values())
    return sizes


def page_count(site: Path) -> int:
    """Course pages: every HTML file except the 404 page."""
    return sum(1 for p in csp_module.html_pages(site) if p.relative_to(site).as_posix() != "404.html")


# -- build and check ----------------------------------------------------------------------

def build(root: Path, site: Path, site_url: str, epoch: int, *, config: str = "mkdocs.yml") -> None:
    """`mkdocs build --strict` with SITE_URL and SOURCE_DATE_EPOCH set; DistError on failure."""
    env = dict(os.environ, SITE_URL=site_url, SOURCE_DATE_EPOCH=str(epoch), NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(root / config), "-d", str(site)],
        cwd=root, capture_output=True, text=True, env=env,
    )
    if proc.returncode:
        output = proc.stdout + proc.stderr
        warnings = build_log.findings(output, root)
        sys.stderr.write("\n".join(map(str, warnings)) + "\n" if warnings else output.strip() + "\n")
        raise DistError(f"严格构建（mkdocs build --strict -f {config}）失败，见上面的输出")


def run_checks(root: Path, site: Path) -> None:
    """`python -m scripts check --site <site>`: every docs and site check."""
    proc = subprocess.run([sys.executable, "-m", "scripts", "check", "--root", str(root), "--site", str(site)], cwd=root)
    if proc.returncode:
        raise DistError("内容检查未通过（python -m scripts check），见上面的输出；修正后再打包")


# -- the archive --------------------------------------------------------------------------

def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


def site_checksums(site: Path) -> str:
    """`sha256sum` lines for every file under `site`, as `site/<path>`, sorted by path."""
    files = sorted(p for p in site.rglob("*") if p.is_file())
    return "".join(f"{sha256_file(p)}  site/{p.relative_to(site).as_posix()}\n" for p in files)


def _tarinfo(name: str, *, size: int = 0, directory: bool = False, mtime: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = tarfile.DIRTYPE if directory else tarfile.REGTYPE
    info.mode = 0o755 if directory else 0o644
    info.size = 0 if directory else size
    info.mtime = mtime
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def write_tarball(out: Path, top: str, site: Path, extra: dict[str, bytes], mtime: int) -> None:
    """A byte-stable .tar.gz: sorted entries, fixed times/owners/modes, gzip without name or time."""
    entries: list[tuple[str, Path | bytes | None]] = [(top, None)]
    entries += [(f"{top}/{name}", data) for name, data in extra.items()]
    entries.append((f"{top}/site", None))
    for path in sorted(site.rglob("*"), key=lambda p: p.relative_to(site).as_posix()):
        rel = path.relative_to(site).as_posix()
        entries.append((f"{top}/site/{rel}", None if path.is_dir() else path))
    entries.sort(key=lambda e: e[0])
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.GNU_FORMAT) as tar:
        for name, data in entries:
            if data is None:
                tar.addfile(_tarinfo(name, directory=True, mtime=mtime))
            elif isinstance(data, bytes):
                tar.addfile(_tarinfo(name, size=len(data), mtime=mtime), io.BytesIO(data))
            else:
                with open(data, "rb") as f:
                    tar.addfile(_tarinfo(name, size=data.stat().st_size, mtime=mtime), f)
    with open(out, "wb") as f, gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0, compresslevel=9) as gz:
        gz.write(raw.getvalue())


def release_info(site: Path, *, version: str, git: dict, site_url: str, root: Path = ROOT) -> dict:
    """What `release.json` records (nothing in it depends on when the build ran)."""
    return {
        "name": NAME,
        "version": version,
        "git_commit": git["commit"],
        "git_dirty": git["dirty"],
        "source_date": dt.datetime.fromtimestamp(git["epoch"], dt.timezone.utc).isoformat().replace("+00:00", "Z"),
        "source_date_epoch": git["epoch"],
        "site_url": site_url,
        "subpath": normalise_subpath(site_url.split("://", 1)[-1].partition("/")[2]),
        "page_count": page_count(site),
        "bytes_by_part": bytes_by_part(site),
        "question_count": question_count(root),
        "teaching_downloads": teaching_downloads(site),
        "tool_versions": tool_versions(root),
        "content_security_policy": csp_module.policy(site),
    }


def write_release(site: Path, out_dir: Path, info: dict, *, build_time: dt.datetime | None = None) -> dict[str, Path]:
    """Pack `site` into `out_dir`; return the paths of the archive, manifest.json and SHA256SUMS."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in [*out_dir.glob(f"{NAME}-*.tar.gz"), out_dir / "manifest.json", out_dir / "SHA256SUMS"]:
        old.unlink(missing_ok=True)
    top = f"{info['name']}-{info['version']}"
    tarball = out_dir / f"{top}.tar.gz"
    release_json = (json.dumps(info, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")
    write_tarball(tarball, top, site, {"SHA256SUMS": site_checksums(site).encode("utf-8"), "release.json": release_json},
                  info["source_date_epoch"])
    build_time = build_time or dt.datetime.now(dt.timezone.utc)
    manifest = dict(info, build_time=build_time.replace(microsecond=0).isoformat().replace("+00:00", "Z"),
                    archive={"file": tarball.name, "bytes": tarball.stat().st_size, "sha256": sha256_file(tarball)},
                    differs_between_builds=["build_time"])
    manifest_path = out_dir / "manifest.json"
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    sums = out_dir / "SHA256SUMS"
    sums.write_text(f"{sha256_file(tarball)}  {tarball.name}\n{sha256_file(manifest_path)}  manifest.json\n", encoding="utf-8")
    return {"tarball": tarball, "manifest": manifest_path, "sums": sums}


# -- comparing two builds -----------------------------------------------------------------

def archive_members(path: Path) -> dict[str, bytes]:
    with tarfile.open(path, "r:gz") as tar:
        return {m.name.split("/", 1)[-1]: tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}


def compare_archives(a: Path, b: Path) -> list[str]:
    """Paths (inside the release folder) whose content differs between two archives."""
    ma, mb = archive_members(a), archive_members(b)
    return sorted(name for name in set(ma) | set(mb) if ma.get(name) != mb.get(name))


# -- command ------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts dist", description="构建、检查并打包一个发布版本到 dist/")
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="输出目录（默认 dist/）")
    parser.add_argument("--site-url", default=os.environ.get("SITE_URL") or DEFAULT_SITE_URL,
                        help=f"主机上的网址，路径即子路径（默认 $SITE_URL 或 {DEFAULT_SITE_URL}）")
    parser.add_argument("--version", help="版本号（默认 pyproject.toml 的 version 加提交号，如 1.0.0-ef6cba6）")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("A.tar.gz", "B.tar.gz"),
                        help="不构建，只比较两个发布包的内容")
    args = parser.parse_args(argv)
    try:
        if args.compare:
            for p in args.compare:
                if not p.is_file():
                    raise DistError(f"找不到发布包：{p}")
            diff = compare_archives(*args.compare)
            if diff:
                print("内容不同的文件：" + "、".join(diff))
                return 1
            print("两个发布包的内容逐字节相同。")
            return 0
        if not args.site_url.startswith(("http://", "https://")):
            raise DistError(f"--site-url 须以 http:// 或 https:// 开头：{args.site_url}")
        git = git_facts(ROOT)
        version = args.version or f"{project_version(ROOT)}-{git['short']}" + ("-dirty" if git["dirty"] else "")
        if not re.fullmatch(r"[0-9A-Za-z][0-9A-Za-z._+-]*", version):
            raise DistError(f"版本号只能含字母、数字和 . _ + -：{version}")
        with tempfile.TemporaryDirectory(prefix="xinfang-dist-") as tmp:
            # Built where the host serves it: <web root>/<sub-path>/. The site checks read
            # the web root, so links that start with the sub-path (the 404 page's) resolve.
            subpath = normalise_subpath(args.site_url.split("://", 1)[-1].partition("/")[2])
            webroot = Path(tmp) / "webroot"
            site = webroot / subpath.strip("/") if subpath != "/" else webroot
            print(f"构建 {NAME} {version}（{args.site_url}）…", file=sys.stderr)
            build(ROOT, site, args.site_url, git["epoch"])
            run_checks(ROOT, webroot)
            info = release_info(site, version=version, git=git, site_url=args.site_url)
            files = write_release(site, args.out, info)
        if not info["teaching_downloads"]:
            print("注意：build/teaching/ 中没有课件和学员手册，发布包不含这些下载；需要时先运行 make slides 和 make handbook。",
                  file=sys.stderr)
        if git["dirty"]:
            print("注意：工作区有未提交的修改，版本号带 -dirty；正式发布前请先提交。", file=sys.stderr)
        print(f"{files['tarball']}（{info['page_count']} 个页面，{info['question_count']} 道题）")
        print("网站各部分字节数：" + "，".join(f"{name} {size:,}" for name, size in info["bytes_by_part"].items()))
        print(files["manifest"])
        print(files["sums"])
        return 0
    except DistError as exc:
        print(f"dist：{exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
