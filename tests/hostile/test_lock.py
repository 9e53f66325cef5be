"""One write lock per data folder, whoever and however it is reached: through a symbolic link, a
relative path or a bind mount, with another ``$TMPDIR``, as another user (kehoach/files/lock.py)."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import REPO, SCENARIOS, in_a_mount_namespace, unprivileged
from kehoach.files.load import load_valid
from kehoach.files.lock import lock_path, locked


def taken_elsewhere(root: Path) -> bool:
    """Whether the lock reached through ``root`` is held: another open of the file, as another
    process would make, cannot take it (flock excludes across open files, even in one process)."""
    descriptor = os.open(lock_path(root), os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(descriptor)
    return False


def test_the_lock_is_one_file_by_every_path_to_the_folder(
    tracked: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    link = tmp_path / "link"
    link.symlink_to(tracked)
    monkeypatch.chdir(tmp_path)
    paths = [tracked, link, Path("tracked"), Path("link/."), tmp_path / "link" / ".." / "tracked"]
    for held in paths:
        with locked(held):
            assert [taken_elsewhere(other) for other in paths] == [True] * len(paths), held
        assert [taken_elsewhere(other) for other in paths] == [False] * len(paths), held
    assert len({os.stat(lock_path(path)).st_ino for path in paths}) == 1


def test_the_lock_is_one_file_through_a_bind_mount(tracked: Path, tmp_path: Path) -> None:
    """A bind mount resolves to a path of its own (the old lock, named from the resolved path, was
    another lock); it leads to the same folder, so to the same lock file."""
    mounted = tmp_path / "mounted"
    mounted.mkdir()
    probe = (
        "import fcntl, os, sys; d = os.open(sys.argv[1], os.O_RDONLY)\n"
        "try: fcntl.flock(d, fcntl.LOCK_EX | fcntl.LOCK_NB); print('free')\n"
        "except BlockingIOError: print('held')"
    )
    script = 'mount --bind "$1" "$2" && shift 2 && exec "$@"'
    command = in_a_mount_namespace(script, str(tracked), str(mounted))
    with locked(tracked):
        inside = subprocess.run(
            [*command, sys.executable, "-c", probe, str(lock_path(mounted))], capture_output=True, text=True
        )
    if inside.returncode != 0 and "mount" in inside.stderr:
        pytest.skip(f"mount --bind refused here: {inside.stderr.strip()}")
    assert (inside.returncode, inside.stdout, inside.stderr) == (0, "held\n", "")


WRITERS = 40


def test_concurrent_writers_through_two_paths_and_two_tmpdirs_lose_nothing(tracked: Path, tmp_path: Path) -> None:
    """Forty processes at once, half through a symbolic link, half with another ``$TMPDIR`` (the
    old lock's folder), each marks its own year of II.2 for ban-a: every success is in the file."""
    link = tmp_path / "link"
    link.symlink_to(tracked)
    temporary = {False: tmp_path / "tmp-a", True: tmp_path / "tmp-b"}
    for folder in temporary.values():
        folder.mkdir()
    years = [2022 + number for number in range(WRITERS)]
    processes = {}
    for year in years:
        odd = year % 2 == 1
        environment = {**os.environ, "TMPDIR": str(temporary[odd]), "KEHOACH_CACHE": str(tmp_path / "cache")}
        # fmt: off
        args = [
            "done", "II.2", "--unit", "ban-a", "--period", str(year), "--on", f"{year}-12-20",
            "--as-of", f"{years[-1]}-12-31", "-e", f"BC {year}", "--data", str(link if odd else tracked),
        ]
        # fmt: on
        processes[year] = subprocess.Popen(
            [sys.executable, str(REPO / "cli.py"), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=environment,
        )
    outcomes = {year: (process.wait(timeout=300), process.communicate()[1]) for year, process in processes.items()}
    succeeded = {str(year) for year, (code, _) in outcomes.items() if code == 0}
    marked = [record.period for record in load_valid(tracked).units["ban-a"].records if record.task == "II.2"]
    assert succeeded <= set(marked)  # every reported success is in the file
    assert sorted(marked) == sorted(str(year) for year in years), outcomes  # and all succeeded, once each
    assert not any((tracked / "units").glob("*.tmp"))


def test_git_does_not_see_the_lock(tracked: Path) -> None:
    git = shutil.which("git")
    if git is None:
        pytest.skip("no git on this machine")
    environment = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}

    def run(*args: str) -> str:
        result = subprocess.run([git, *args], cwd=tracked, capture_output=True, text=True, env=environment)
        assert result.returncode == 0, result.stderr
        return result.stdout

    run("init", "-q")
    run("add", ".")
    run("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "data")
    with locked(tracked):
        pass
    assert lock_path(tracked).is_file()
    assert run("status", "--porcelain", "--untracked-files=all") == ""


DONE = ["done", "II.2", "--unit", "ban-a", "--as-of", "2023-01-05", "--evidence", "BC 1"]


@pytest.fixture
def shared() -> Iterator[Path]:
    """The tracked scenario in a folder every user may write (pytest's tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="kehoach-lock-"))
    try:
        folder.chmod(0o755)
        shutil.copytree(SCENARIOS / "tracked", folder / "tracked")
        for path in [folder / "tracked", *(folder / "tracked").rglob("*")]:
            path.chmod(0o777 if path.is_dir() else 0o666)
        yield folder / "tracked"
    finally:
        shutil.rmtree(folder)


def test_a_lock_file_this_user_may_not_open_is_a_sentence_not_a_traceback(shared: Path) -> None:
    prefix = unprivileged()
    if prefix is None:
        pytest.skip("running as root without a working setpriv: no user whom a file's mode stops")
    with locked(shared):  # the lock file, as any kehoach makes it
        pass
    lock_path(shared).chmod(0o000)  # then someone takes everyone's right to read it
    before = (shared / "units/ban-a.yaml").read_bytes()
    environment = {**os.environ, "KEHOACH_CACHE": "off", "KEHOACH_LANG": "vi"}
    result = subprocess.run(
        [*prefix, sys.executable, "-m", "kehoach", *DONE, "--data", "tracked"],
        capture_output=True,
        text=True,
        env=environment,
        cwd=shared.parent,
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        5,
        "",
        "lỗi: không mở được tệp khóa tracked/.kehoach/lock: tệp không cho người dùng này đọc; hãy nhờ chủ của "
        "tệp hoặc quản trị máy cho mọi người đọc nó (chmod a+r tracked/.kehoach/lock)\n",
    )
    assert (shared / "units/ban-a.yaml").read_bytes() == before


def test_another_users_lock_file_is_shared_not_refused(shared: Path) -> None:
    """A lock file made by one user of a shared folder serves the next: it is opened for reading."""
    prefix = unprivileged()
    if not prefix:
        pytest.skip("needs root, to write as nobody after root made the lock file")
    with locked(shared):
        pass
    assert lock_path(shared).stat().st_mode & 0o777 == 0o644  # root's, not writable by nobody
    environment = {**os.environ, "KEHOACH_CACHE": "off", "KEHOACH_LANG": "vi"}
    result = subprocess.run(
        [*prefix, sys.executable, "-m", "kehoach", *DONE, "--data", str(shared)],
        capture_output=True,
        text=True,
        env=environment,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert any(record.task == "II.2" for record in load_valid(shared).units["ban-a"].records)


def test_a_writer_that_must_wait_says_so_once_then_writes(tracked: Path, tmp_path: Path) -> None:
    """Another writer holds the lock: this one says why nothing happens (on stderr, once), waits,
    and writes when the lock is free."""
    env = {**os.environ, "KEHOACH_CACHE": "off", "KEHOACH_LANG": "vi"}
    command = [sys.executable, "-m", "kehoach", *DONE, "--data", str(tracked)]
    with locked(tracked):
        writer = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        assert writer.stderr is not None
        first = writer.stderr.readline()  # printed while the lock is held, else this blocks until the timeout
    stdout, rest = writer.communicate(timeout=60)
    assert first == f"đang chờ một lệnh kehoach khác ghi xong dữ liệu ở {tracked} (tối đa 60 giây)…\n"
    assert rest == ""
    assert writer.returncode == 0 and stdout.startswith("Đã ghi: ban-a hoàn thành II.2")


def test_an_immutable_data_folder_names_the_folder_to_look_at(tracked: Path) -> None:
    """The lock's folder cannot be made in an immutable data folder: the sentence points at the
    data folder (the lock's own does not exist to be looked at)."""
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(tracked)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i needs root and a file system that has the attribute")
    try:
        env = {**os.environ, "KEHOACH_CACHE": "off", "KEHOACH_LANG": "vi"}
        command = [sys.executable, "-m", "kehoach", *DONE, "--data", str(tracked)]
        result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    finally:
        subprocess.run([chattr, "-i", str(tracked)], check=True)
    assert result.returncode == 5
    assert f"(lsattr -d {tracked})" in result.stderr and "Traceback" not in result.stderr
