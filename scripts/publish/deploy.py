"""`python -m scripts deploy` / `rollback`: put a release made by `make dist` on the host, switch back.

Layout under the host's base path (`--path /srv/xinfang`, or `--target DIR` locally):

    releases/<version>/   one folder per release: site/, SHA256SUMS, release.json,
                          manifest.json, nginx.conf (the filled-in location blocks)
    current -> releases/<version>   the release nginx serves (a relative symlink)
    incoming/             uploads in progress (emptied after each deploy)
    history               one line per switch: `<UTC time> <deploy|rollback> <version>`

nginx on the host includes `<path>/current/nginx.conf` inside its `server { }` once;
its `alias` is `<path>/current/site`, so a switch of `current` is seen by the next
request. The Content-Security-Policy header is part of nginx.conf and is read when
nginx (re)loads: give `--reload-cmd` (e.g. `sudo systemctl reload nginx`) and it
runs after every switch.

Deploy: check the archive and manifest against dist/SHA256SUMS here; upload them
(rsync over ssh, or a copy for `--target`) into `incoming/`; check the checksums
again on the host; unpack into a temporary folder and check every file of the site
against the release's own SHA256SUMS; rename it to `releases/<version>`; switch
`current` with one rename(2) of a new symlink over the old one; keep the newest
`--keep` releases (and always the current one). Nothing is switched until every
check has passed; a failed deploy leaves `current` as it was.

The same shell steps run for both targets: only the transport differs
(`LocalTransport` runs them with `sh`,
`SshTransport` with `ssh host sh -c …`).
`--dry-run` prints the steps that would change something, reads only, and changes nothing.
Bad input is one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts.publish.nginx import normalise_subpath, render_location

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_KEEP = 5
_VERSION_RE = re.compile(r"[0-9A-Za-z][0-9A-Za-z._+-]*")


class DeployError(Exception):
    """Reported as one line; exit code 2."""


# -- transports ---------------------------------------------------------------------------

class Transport:
    """Runs shell scripts and receives files on the target. `dry_run`: print, do not change."""

    def __init__(self, dry_run: bool = False, out=None):
        self.dry_run = dry_run
        self.out = out or sys.stdout

    def describe(self) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def _command(self, script: str) -> list[str]:  # pragma: no cover - abstract
        raise NotImplementedError

    def _upload_command(self, files: list[Path], dest: str) -> list[str]:  # pragma: no cover - abstract
        raise NotImplementedError

    def read(self, script: str) -> subprocess.CompletedProcess:
        """Run a script that only reads (also in a dry run)."""
        return subprocess.run(self._command(script), capture_output=True, text=True)

    def change(self, what: str, script: str) -> None:
        """Run a script that changes the target; DeployError with its output if it fails."""
        if self.dry_run:
            print(f"[dry-run] {what}:\n    " + script.strip().replace("\n", "\n    "), file=self.out)
            return
        proc = subprocess.run(self._command(script), capture_output=True, text=True)
        if proc.returncode:
            detail = (proc.stderr.strip() or proc.stdout.strip()).splitlines()
            raise DeployError(f"{what}失败：" + (detail[-1] if detail else f"退出码 {proc.returncode}"))

    def upload(self, files: list[Path], dest: str) -> None:
        cmd = self._upload_command(files, dest)
        if self.dry_run:
            print("[dry-run] 上传：" + " ".join(shlex.quote(c) for c in cmd), file=self.out)
            return
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode:
            detail = (proc.stderr.strip() or proc.stdout.strip()).splitlines()
            raise DeployError("上传失败：" + (detail[-1] if detail else f"退出码 {proc.returncode}"))


class LocalTransport(Transport):
    """A folder on this machine (a mounted share, a USB stick, a test directory)."""

    def describe(self) -> str:
        return "本机"

    def _command(self, script: str) -> list[str]:
        return ["sh", "-c", "set -eu\n" + script]

    def _upload_command(self, files: list[Path], dest: str) -> list[str]:
        return ["cp", "--", *[str(f) for f in files], dest.rstrip("/") + "/"]


class SshTransport(Transport):
    """`user@host` reached with ssh (scripts) and rsync over ssh (files; scp where rsync is missing)."""

    def __init__(self, host: str, *, ssh: str = "ssh", rsync: str = "rsync", dry_run: bool = False, out=None):
        super().__init__(dry_run, out)
        if not re.fullmatch(r"(?:[A-Za-z0-9._-]+@)?[A-Za-z0-9._:\[\]-]+", host):
            raise DeployError(f"主机名不合法：{host}")
        self.host = host
        self.ssh = shlex.split(ssh)
        self.rsync = shlex.split(rsync)

    def describe(self) -> str:
        return self.host

    def _command(self, script: str) -> list[str]:
        return [*self.ssh, "-o", "BatchMode=yes", self.host, "sh -c " + shlex.quote("set -eu\n" + script)]

    def _upload_command(self, files: list[Path], dest: str) -> list[str]:
        remote = f"{self.host}:{dest.rstrip('/')}/"
        if shutil.which(self.rsync[0]) is None and shutil.which("scp"):
            # No rsync here: scp (part of openssh-client) copies the same files; checksums are verified either way.
            return ["scp", "-q", "-p", "-o", "BatchMode=yes", *[str(f) for f in files], remote]
        return [*self.rsync, "-t", "--partial", "-e", " ".join(self.ssh), *[str(f) for f in files], remote]


# -- the release to upload ----------------------------------------------------------------

def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


def parse_sums(text: str) -> dict[str, str]:
    sums = {}
    for line in text.splitlines():
        m = re.fullmatch(r"([0-9a-f]{64}) [ *](.+)", line.strip())
        if m:
            sums[m.group(2)] = m.group(1)
    return sums


def load_release(dist_dir: Path) -> tuple[Path, dict]:
    """(archive, manifest) from a dist folder after checking both against its SHA256SUMS."""
    manifest_path, sums_path = dist_dir / "manifest.json", dist_dir / "SHA256SUMS"
    for p in (manifest_path, sums_path):
        if not p.is_file():
            raise DeployError(f"找不到 {p}：请先运行 make dist")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        archive_name = manifest["archive"]["file"]
        version = manifest["version"]
    except (ValueError, KeyError, TypeError) as exc:
        raise DeployError(f"{manifest_path} 不是 make dist 写的清单（{exc}）") from None
    if not _VERSION_RE.fullmatch(str(version)) or "/" in archive_name:
        raise DeployError(f"{manifest_path} 中的版本号或文件名不合法")
    archive = dist_dir / archive_name
    if not archive.is_file():
        raise DeployError(f"找不到发布包 {archive}：请先运行 make dist")
    sums = parse_sums(sums_path.read_text(encoding="utf-8"))
    for p in (archive, manifest_path):
        if p.name not in sums:
            raise DeployError(f"{sums_path} 中没有 {p.name} 的校验和")
        if sha256_file(p) != sums[p.name]:
            raise DeployError(f"校验和不符：{p.name} 与 {sums_path} 记录的不同（文件损坏或被改动）")
    return archive, manifest


# -- steps on the target ------------------------------------------------------------------

def q(path: str) -> str:
    return shlex.quote(path)


class Target:
    """The release folders under `base` on a transport."""

    def __init__(self, transport: Transport, base: str, out=None):
        if not base.startswith("/"):
            raise DeployError(f"目标路径须是绝对路径：{base}")
        self.t = transport
        self.base = base.rstrip("/") or "/"
        self.out = out or sys.stdout

    def p(self, *parts: str) -> str:
        return "/".join([self.base, *parts])

    def say(self, text: str) -> None:
        print(text, file=self.out)

    # reads
    def releases(self) -> list[str]:
        proc = self.t.read(f"[ -d {q(self.p('releases'))} ] || exit 0\ncd {q(self.p('releases'))} && for d in *; do [ -d \"$d\" ] && [ ! -L \"$d\" ] && printf '%s\\n' \"$d\"; done; true")
        if proc.returncode:
            raise DeployError(f"无法读取 {self.p('releases')}：{proc.stderr.strip()}")
        return sorted(v for v in proc.stdout.split() if _VERSION_RE.fullmatch(v))

    def current(self) -> str | None:
        proc = self.t.read(f"readlink {q(self.p('current'))} || true")
        link = proc.stdout.strip()
        return link.rsplit("/", 1)[-1] if link else None

    def history(self) -> list[tuple[str, str, str]]:
        proc = self.t.read(f"cat {q(self.p('history'))} 2>/dev/null || true")
        rows = []
        for line in proc.stdout.splitlines():
            parts = line.split()
            if len(parts) == 3:
                rows.append((parts[0], parts[1], parts[2]))
        return rows

    def release_csp(self, version: str | None) -> str | None:
        if not version:
            return None
        proc = self.t.read(f"cat {q(self.p('releases', version, 'release.json'))} 2>/dev/null || true")
        try:
            return json.loads(proc.stdout).get("content_security_policy")
        except ValueError:
            return None

    # changes
    def switch(self, version: str, action: str) -> None:
        """Point `current` at releases/<version> with one rename(2); log it."""
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        tmp_link = self.p(f".current.{version}.tmp")
        self.t.change(f"切换 current 到 {version}", f"""
[ -f {q(self.p('releases', version, 'site', 'index.html'))} ]
ln -sfn {q('releases/' + version)} {q(tmp_link)}
mv -Tf {q(tmp_link)} {q(self.p('current'))}
printf '%s %s %s\\n' {q(stamp)} {q(action)} {q(version)} >> {q(self.p('history'))}
""")

    def prune(self, keep: int, current: str) -> list[str]:
        """Remove all but the `keep` most recently switched-to releases (never `current`)."""
        order: dict[str, int] = {}
        for i, (_, _, version) in enumerate(self.history()):
            order[version] = i
        releases = self.releases()
        if self.t.dry_run:  # nothing was switched: count the release being deployed as the newest
            order[current] = len(order) + 1
            releases = sorted(set(releases) | {current})
        ranked = sorted(releases, key=lambda v: order.get(v, -1), reverse=True)
        kept = set(ranked[:keep]) | {current}
        gone = [v for v in releases if v not in kept]
        for v in gone:
            self.t.change(f"删除旧版本 {v}", f"rm -rf -- {q(self.p('releases', v))}")
        return gone


def deploy(transport: Transport, base: str, dist_dir: Path, *, keep: int = DEFAULT_KEEP, subpath: str | None = None,
           reload_cmd: str | None = None, out=None) -> str:
    """Upload, verify, unpack, switch and prune; return the version now current."""
    out = out or sys.stdout
    if keep < 1:
        raise DeployError("--keep 至少为 1")
    archive, manifest = load_release(dist_dir)
    version = manifest["version"]
    sub = normalise_subpath(subpath or manifest.get("subpath") or "/xinfang/")
    if manifest.get("subpath") and normalise_subpath(manifest["subpath"]) != sub:
        raise DeployError(f"子路径 {sub} 与构建时的 site_url（{manifest['site_url']}）不符：请用 SITE_URL=…{sub} 重新 make dist")
    target = Target(transport, base, out)
    csp = manifest.get("content_security_policy")
    if not csp:
        raise DeployError("清单中没有 content_security_policy：请用本版本的 make dist 重新打包")
    print(f"部署 {version} 到 {transport.describe()}:{target.base}（子路径 {sub}）", file=out)
    previous = target.current()
    existing = target.releases()
    incoming = target.p("incoming", version)
    top = archive.name[: -len(".tar.gz")]
    staging = target.p("releases", f".{version}.tmp")
    final = target.p("releases", version)

    with tempfile.TemporaryDirectory(prefix="xinfang-deploy-") as tmp:
        nginx_conf = Path(tmp) / "nginx.conf"
        nginx_conf.write_text(render_location(sub, target.p("current", "site"), csp=csp), encoding="utf-8")
        upload_sums = Path(tmp) / "UPLOAD.SHA256SUMS"
        # Exactly the uploaded files: the archive and manifest as dist/SHA256SUMS records them.
        recorded = parse_sums((dist_dir / "SHA256SUMS").read_text(encoding="utf-8"))
        upload_sums.write_text(f"{recorded[archive.name]}  {archive.name}\n{recorded['manifest.json']}  manifest.json\n"
                               f"{sha256_file(nginx_conf)}  nginx.conf\n", encoding="utf-8")
        if version in existing:
            print(f"{version} 已在主机上，重新校验", file=out)
            transport.change("校验已有版本", f"cd {q(final)} && sha256sum -c --quiet --strict SHA256SUMS")
        else:
            transport.change("准备目录", f"mkdir -p {q(target.p('releases'))} {q(incoming)}\nrm -rf -- {q(staging)}")
            try:
                transport.upload([archive, dist_dir / "manifest.json", nginx_conf, upload_sums], incoming)
                transport.change("主机上校验上传的文件", f"cd {q(incoming)} && sha256sum -c --quiet --strict UPLOAD.SHA256SUMS")
                transport.change("解包并逐个校验页面文件", f"""
mkdir -p {q(staging)}
tar -xzf {q(incoming + '/' + archive.name)} -C {q(staging)} --no-same-owner
[ -d {q(staging + '/' + top + '/site')} ]
cd {q(staging + '/' + top)} && sha256sum -c --quiet --strict SHA256SUMS
cp {q(incoming + '/manifest.json')} {q(incoming + '/nginx.conf')} {q(staging + '/' + top)}/
mv -T {q(staging + '/' + top)} {q(final)}
rmdir {q(staging)}
""")
            except DeployError:
                if not transport.dry_run:
                    transport.read(f"rm -rf -- {q(staging)} {q(incoming)}; rmdir {q(target.p('incoming'))} 2>/dev/null || true")
                raise
            transport.change("清理上传目录", f"rm -rf -- {q(incoming)}\nrmdir {q(target.p('incoming'))} 2>/dev/null || true")
        if version == previous:
            print(f"{version} 已是当前版本，不再切换", file=out)
            return version
        target.switch(version, "deploy")
        _after_switch(transport, target, previous, version, csp, reload_cmd, out)
        gone = target.prune(keep, version)
    if gone and not transport.dry_run:
        print("已删除旧版本：" + "、".join(gone), file=out)
    print(f"{'[dry-run] 将' if transport.dry_run else '已'}切换到 {version}" + (f"（原为 {previous}）" if previous else ""), file=out)
    return version


def _after_switch(transport: Transport, target: Target, previous: str | None, version: str, csp: str | None,
                  reload_cmd: str | None, out) -> None:
    if reload_cmd:
        transport.change("重载 nginx", reload_cmd)
    elif previous and target.release_csp(previous) != csp:
        print("注意：新旧版本的 Content-Security-Policy 不同，请重载 nginx（如 sudo systemctl reload nginx），"
              "或下次加 --reload-cmd", file=out)


def rollback(transport: Transport, base: str, *, to: str | None = None, reload_cmd: str | None = None, out=None) -> str:
    """Switch `current` to `to`, or to the release that was current before this one."""
    out = out or sys.stdout
    target = Target(transport, base, out)
    releases = target.releases()
    current = target.current()
    if not releases or current is None:
        raise DeployError(f"{transport.describe()}:{target.base} 没有已部署的版本")
    if to is None:
        for _, _, version in reversed(target.history()):
            if version != current and version in releases:
                to = version
                break
        if to is None:
            raise DeployError(f"没有可回滚的上一个版本（现有：{'、'.join(releases)}）")
    elif to not in releases:
        raise DeployError(f"主机上没有版本 {to}（现有：{'、'.join(releases)}）")
    if to == current:
        raise DeployError(f"{to} 已是当前版本")
    target.switch(to, "rollback")
    _after_switch(transport, target, current, to, target.release_csp(to), reload_cmd, out)
    print(f"{'[dry-run] 将' if transport.dry_run else '已'}回滚到 {to}（原为 {current}）", file=out)
    return to


# -- commands -----------------------------------------------------------------------------

def _transport_args(parser: argparse.ArgumentParser) -> None:
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--target", help="本机目录（U 盘、挂载的共享目录、测试目录）")
    where.add_argument("--host", help="ssh 主机，如 deploy@intranet-web")
    parser.add_argument("--path", help="与 --host 同用：主机上的基础目录，如 /srv/xinfang")
    parser.add_argument("--ssh", default="ssh", help="ssh 命令（默认 ssh；可带参数，如 'ssh -p 2222'）")
    parser.add_argument("--rsync", default="rsync", help="rsync 命令（默认 rsync）")
    parser.add_argument("--reload-cmd", help="切换后在目标上运行，如 'sudo systemctl reload nginx'")
    parser.add_argument("--dry-run", action="store_true", help="只打印将执行的步骤，不做任何改动")


def _transport(args) -> tuple[Transport, str]:
    if args.target:
        if args.path:
            raise DeployError("--path 只与 --host 同用；本机目标直接写 --target /目录")
        base = str(Path(args.target).resolve())
        return LocalTransport(dry_run=args.dry_run), base
    if not args.path:
        raise DeployError("--host 需要 --path（主机上的基础目录，如 /srv/xinfang）")
    if not args.path.startswith("/"):
        raise DeployError(f"--path 须是绝对路径：{args.path}")
    return SshTransport(args.host, ssh=args.ssh, rsync=args.rsync, dry_run=args.dry_run), args.path


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2
        print(f"{self.prog}：{message}", file=sys.stderr)
        raise SystemExit(2)


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="python -m scripts deploy", description="把 make dist 的发布包部署到目标，原子切换 current")
    _transport_args(parser)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="make dist 的输出目录（默认 dist/）")
    parser.add_argument("--keep", type=int, default=DEFAULT_KEEP, help=f"保留最近几个版本（默认 {DEFAULT_KEEP}）")
    parser.add_argument("--subpath", help="网站子路径（默认取构建时 site_url 的路径）")
    args = parser.parse_args(argv)
    try:
        transport, base = _transport(args)
        deploy(transport, base, args.dist, keep=args.keep, subpath=args.subpath, reload_cmd=args.reload_cmd)
        return 0
    except DeployError as exc:
        print(f"deploy：{exc}", file=sys.stderr)
        return 2


def rollback_main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="python -m scripts rollback", description="把 current 切回上一个（或指定的）版本")
    _transport_args(parser)
    parser.add_argument("--to", help="切换到这个版本（默认：切换前的上一个版本）")
    args = parser.parse_args(argv)
    try:
        transport, base = _transport(args)
        rollback(transport, base, to=args.to, reload_cmd=args.reload_cmd)
        return 0
    except DeployError as exc:
        print(f"rollback：{exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
