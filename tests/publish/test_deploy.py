"""Deploy to a local directory target, rollback, --dry-run, bad input; the ssh transport's commands."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from scripts.publish import deploy as dp

ROOT = dp.ROOT


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scripts", *args], cwd=ROOT, capture_output=True, text=True)


def snapshot(folder: Path) -> dict[str, tuple]:
    """Every path under `folder` with its type, link target or content: to prove nothing changed."""
    if not folder.exists():
        return {}
    found = {}
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder).as_posix()
        if p.is_symlink():
            found[rel] = ("link", os.readlink(p))
        elif p.is_dir():
            found[rel] = ("dir",)
        else:
            found[rel] = ("file", p.read_bytes(), p.stat().st_mtime_ns)
    return found


def current(target: Path) -> str:
    return os.readlink(target / "current")


def test_deploy_switches_current_and_serves_the_new_pages(tmp_path, release_factory):
    target = tmp_path / "srv"
    r1, r2 = release_factory("1.0.0"), release_factory("1.1.0", "（第二版）")
    proc = run_cli("deploy", "--target", str(target), "--dist", str(r1))
    assert proc.returncode == 0, proc.stderr
    assert current(target) == "releases/1.0.0"
    assert "第二版" not in (target / "current/site/index.html").read_text(encoding="utf-8")
    proc = run_cli("deploy", "--target", str(target), "--dist", str(r2))
    assert proc.returncode == 0, proc.stderr
    assert current(target) == "releases/1.1.0"
    assert "第二版" in (target / "current/site/index.html").read_text(encoding="utf-8")
    release = target / "releases/1.1.0"
    assert sorted(p.name for p in release.iterdir()) == ["SHA256SUMS", "manifest.json", "nginx.conf", "release.json", "site"]
    assert f"alias {target}/current/site/;" in (release / "nginx.conf").read_text(encoding="utf-8")
    assert not (target / "incoming").exists()
    assert [line.split()[1:] for line in (target / "history").read_text().splitlines()] == [["deploy", "1.0.0"], ["deploy", "1.1.0"]]


def test_rollback_switches_back_and_forth(tmp_path, release_factory):
    target = tmp_path / "srv"
    for version in ("1.0.0", "1.1.0"):
        assert run_cli("deploy", "--target", str(target), "--dist", str(release_factory(version))).returncode == 0
    proc = run_cli("rollback", "--target", str(target))
    assert proc.returncode == 0, proc.stderr
    assert current(target) == "releases/1.0.0"
    assert "回滚到 1.0.0" in proc.stdout
    # A second rollback goes back to the release before that switch.
    assert run_cli("rollback", "--target", str(target)).returncode == 0
    assert current(target) == "releases/1.1.0"
    assert run_cli("rollback", "--target", str(target), "--to", "1.0.0").returncode == 0
    assert current(target) == "releases/1.0.0"


def test_keeps_the_last_n_releases_and_never_the_current_one(tmp_path, release_factory):
    target = tmp_path / "srv"
    for version in ("1.0.0", "1.1.0", "1.2.0", "1.3.0"):
        proc = run_cli("deploy", "--target", str(target), "--dist", str(release_factory(version)), "--keep", "2")
        assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in (target / "releases").iterdir()) == ["1.2.0", "1.3.0"]
    assert "已删除旧版本：1.1.0" in proc.stdout


def test_dry_run_changes_nothing(tmp_path, release_factory):
    target = tmp_path / "srv"
    r1, r2 = release_factory("1.0.0"), release_factory("1.1.0")
    # On an empty target: not even the folder appears.
    proc = run_cli("deploy", "--target", str(target), "--dist", str(r1), "--dry-run")
    assert proc.returncode == 0, proc.stderr
    assert not target.exists()
    assert "[dry-run]" in proc.stdout and "mv -Tf" in proc.stdout and "sha256sum -c" in proc.stdout
    # On a target with a release: deploy and rollback dry runs leave every byte and link as it was.
    assert run_cli("deploy", "--target", str(target), "--dist", str(r1)).returncode == 0
    before = snapshot(target)
    assert run_cli("deploy", "--target", str(target), "--dist", str(r2), "--dry-run", "--keep", "1").returncode == 0
    assert snapshot(target) == before
    assert run_cli("deploy", "--target", str(target), "--dist", str(r2)).returncode == 0
    before = snapshot(target)
    proc = run_cli("rollback", "--target", str(target), "--dry-run")
    assert proc.returncode == 0 and "将回滚到 1.0.0" in proc.stdout
    assert snapshot(target) == before
    assert make_dry_run_ok(target, r1)


def make_dry_run_ok(target: Path, dist_dir: Path) -> bool:
    """`make deploy … DRY_RUN=1` goes through the same options."""
    proc = subprocess.run(["make", "-s", "-n", "deploy", f"TARGET={target}", "DRY_RUN=1"], cwd=ROOT, capture_output=True, text=True)
    return "--dry-run" in proc.stdout and f"--target '{target}'" in proc.stdout


def one_line_exit_2(proc: subprocess.CompletedProcess, words: str) -> None:
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert words in proc.stderr


def test_missing_archive(tmp_path, release_factory):
    r1 = release_factory("1.0.0")
    next(r1.glob("*.tar.gz")).unlink()
    proc = run_cli("deploy", "--target", str(tmp_path / "srv"), "--dist", str(r1))
    one_line_exit_2(proc, "找不到发布包")
    one_line_exit_2(run_cli("deploy", "--target", str(tmp_path / "srv"), "--dist", str(tmp_path / "nothing")), "make dist")
    assert not (tmp_path / "srv").exists()


def test_bad_checksum_is_refused_before_anything_switches(tmp_path, release_factory):
    target = tmp_path / "srv"
    assert run_cli("deploy", "--target", str(target), "--dist", str(release_factory("1.0.0"))).returncode == 0
    before = snapshot(target)
    r2 = release_factory("1.1.0")
    archive = next(r2.glob("*.tar.gz"))
    archive.write_bytes(archive.read_bytes()[:-10] + b"0123456789")
    one_line_exit_2(run_cli("deploy", "--target", str(target), "--dist", str(r2)), "校验和不符")
    assert snapshot(target) == before


def test_a_file_corrupted_inside_the_archive_is_caught_on_the_target(tmp_path, release_factory, monkeypatch):
    """The archive matches SHA256SUMS but a page in it does not match the release's own list."""
    import tarfile

    from scripts.publish import dist
    from tests.publish.conftest import EPOCH

    target = tmp_path / "srv"
    assert run_cli("deploy", "--target", str(target), "--dist", str(release_factory("1.0.0"))).returncode == 0
    before = snapshot(target)
    r2 = release_factory("1.1.0")
    archive = next(r2.glob("*.tar.gz"))
    work = tmp_path / "unpacked"
    with tarfile.open(archive) as tar:
        tar.extractall(work, filter="data")
    top = work / "xinfang-course-1.1.0"
    (top / "site/index.html").write_text("被篡改", encoding="utf-8")
    dist.write_tarball(archive, top.name, top / "site", {"SHA256SUMS": (top / "SHA256SUMS").read_bytes(),
                                                          "release.json": (top / "release.json").read_bytes()}, EPOCH)
    sums = r2 / "SHA256SUMS"
    sums.write_text(f"{dist.sha256_file(archive)}  {archive.name}\n" + sums.read_text().splitlines(True)[1], encoding="utf-8")
    proc = run_cli("deploy", "--target", str(target), "--dist", str(r2))
    one_line_exit_2(proc, "解包并逐个校验页面文件失败")
    assert snapshot(target) == before  # no half-made release, no switch, uploads cleaned


def test_rollback_bad_input(tmp_path, release_factory):
    target = tmp_path / "srv"
    one_line_exit_2(run_cli("rollback", "--target", str(target)), "没有已部署的版本")
    assert run_cli("deploy", "--target", str(target), "--dist", str(release_factory("1.0.0"))).returncode == 0
    one_line_exit_2(run_cli("rollback", "--target", str(target)), "没有可回滚的上一个版本")
    before = snapshot(target)
    one_line_exit_2(run_cli("rollback", "--target", str(target), "--to", "9.9.9"), "没有版本 9.9.9")
    assert snapshot(target) == before


def test_argument_errors_are_one_line(tmp_path):
    one_line_exit_2(run_cli("deploy"), "--target")
    one_line_exit_2(run_cli("deploy", "--host", "deploy@web"), "--path")
    one_line_exit_2(run_cli("deploy", "--host", "bad host;rm", "--path", "/srv/x"), "主机名不合法")
    one_line_exit_2(run_cli("deploy", "--host", "deploy@web", "--path", "srv/x"), "绝对路径")


FAKE_SSH = """#!/bin/sh
# Stand-in for ssh in the tests: drop the options and the host, run the command here.
echo "$@" >> "$FAKE_LOG"
while [ "$1" = "-o" ]; do shift 2; done
shift
exec sh -c "$1"
"""
FAKE_RSYNC = """#!/bin/sh
# Stand-in for rsync in the tests: copy the files to host:dest here.
echo "rsync $@" >> "$FAKE_LOG"
files=""
while [ $# -gt 1 ]; do
  case "$1" in -e) shift 2; continue;; -*) shift; continue;; esac
  files="$files $1"; shift
done
dest="${1#*:}"
cp $files "$dest"
"""


def test_ssh_transport_runs_the_same_steps_through_ssh_and_rsync(tmp_path, release_factory, monkeypatch):
    """No network: `ssh`/`rsync` are stand-ins that run locally, to check the commands built."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, text in (("ssh", FAKE_SSH), ("rsync", FAKE_RSYNC)):
        (bin_dir / name).write_text(text)
        (bin_dir / name).chmod(0o755)
    log = tmp_path / "log"
    env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}", FAKE_LOG=str(log))
    target = tmp_path / "srv"
    for version in ("1.0.0", "1.1.0"):
        proc = subprocess.run([sys.executable, "-m", "scripts", "deploy", "--host", "deploy@intranet-web", "--path", str(target),
                               "--dist", str(release_factory(version))], cwd=ROOT, capture_output=True, text=True, env=env)
        assert proc.returncode == 0, proc.stderr
    assert current(target) == "releases/1.1.0"
    proc = subprocess.run([sys.executable, "-m", "scripts", "rollback", "--host", "deploy@intranet-web", "--path", str(target)],
                          cwd=ROOT, capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    assert current(target) == "releases/1.0.0"
    calls = log.read_text()
    assert "-o BatchMode=yes deploy@intranet-web sh -c" in calls
    assert f"rsync -t --partial -e ssh " in calls and f"deploy@intranet-web:{target}/incoming/1.1.0/" in calls


FAKE_SCP = """#!/bin/sh
# Stand-in for scp in the tests: copy the files to host:dest here.
echo "scp $@" >> "$FAKE_LOG"
files=""
while [ $# -gt 1 ]; do
  case "$1" in -o) shift 2; continue;; -*) shift; continue;; esac
  files="$files $1"; shift
done
cp $files "${1#*:}"
"""


def test_ssh_transport_falls_back_to_scp_without_rsync(tmp_path, release_factory):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, text in (("ssh", FAKE_SSH), ("scp", FAKE_SCP)):
        (bin_dir / name).write_text(text)
        (bin_dir / name).chmod(0o755)
    log = tmp_path / "log"
    env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}", FAKE_LOG=str(log))
    target = tmp_path / "srv"
    proc = subprocess.run([sys.executable, "-m", "scripts", "deploy", "--host", "deploy@intranet-web", "--path", str(target),
                           "--rsync", "no-such-rsync", "--dist", str(release_factory("1.0.0"))],
                          cwd=ROOT, capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    assert current(target) == "releases/1.0.0"
    assert "scp -q -p -o BatchMode=yes" in log.read_text()
