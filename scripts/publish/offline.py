"""`make offline`: the course as a folder that works opened from disk (file://), and a zip of it.

Builds `mkdocs-offline.yml` (mkdocs.yml plus Material's offline plugin: pages as
`…/index.html`, the search index inlined into `search/search_index.js`, the local
iframe-worker shim so search runs without a server) with --strict into
`site-offline/`, checks its links and that nothing is loaded from another host,
drops the 404 page (only a server shows it), and writes
`dist/<name>-<version>-offline.zip` (one folder inside; open its `index.html`) with a `.sha256` beside it. Like the server release, the zip is
byte-stable for one commit (sorted entries, the commit's time on every entry).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from scripts.publish.dist import NAME, ROOT, DistError, build, git_facts, project_version, sha256_file

CONFIG = "mkdocs-offline.yml"


def write_zip(site: Path, out: Path, top: str, epoch: int) -> None:
    import time

    stamp = time.gmtime(max(epoch, 315532800))[:6]  # zip cannot hold dates before 1980
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(site.rglob("*"), key=lambda p: p.relative_to(site).as_posix()):
            if path.is_dir():
                continue
            info = zipfile.ZipInfo(f"{top}/{path.relative_to(site).as_posix()}", date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, path.read_bytes())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.publish.offline", description="构建可从磁盘直接打开的离线版")
    parser.add_argument("--site", type=Path, default=ROOT / "site-offline", help="离线版目录（默认 site-offline/）")
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="zip 输出目录（默认 dist/）")
    args = parser.parse_args(argv)
    try:
        git = git_facts(ROOT)
        version = f"{project_version(ROOT)}-{git['short']}" + ("-dirty" if git["dirty"] else "")
        with tempfile.TemporaryDirectory(prefix="xinfang-offline-") as tmp:
            built = Path(tmp) / "site"
            build(ROOT, built, "http://localhost/", git["epoch"], config=CONFIG)
            # Only a server shows the 404 page; its links start at the web root, so from disk
            # it would load nothing. Nothing links to it.
            (built / "404.html").unlink(missing_ok=True)
            proc = subprocess.run([sys.executable, "-m", "scripts", "check", "--root", str(ROOT), "--site", str(built),
                                   "--only", "links", "--only", "offline"], cwd=ROOT)
            if proc.returncode:
                raise DistError("离线版检查未通过，见上面的输出")
            if args.site.exists():
                shutil.rmtree(args.site)
            shutil.copytree(built, args.site)
        args.out.mkdir(parents=True, exist_ok=True)
        for old in args.out.glob(f"{NAME}-*-offline.zip*"):
            old.unlink()
        top = f"{NAME}-{version}-offline"
        archive = args.out / f"{top}.zip"
        write_zip(args.site, archive, top, git["epoch"])
        (args.out / f"{archive.name}.sha256").write_text(f"{sha256_file(archive)}  {archive.name}\n", encoding="utf-8")
        print(f"{args.site}/index.html（直接用浏览器打开）")
        print(archive)
        return 0
    except DistError as exc:
        print(f"offline：{exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
