"""Standard output that cannot take the answer (issue 15): a full disk, closed, a reader that left.
Each is a sentence on standard error and a distinct exit code, never a traceback. Real processes:
the streams are the operating system's, not a test runner's.

And ``-o``, which takes a regular file or a new path and nothing else: a FIFO, a device
(``/dev/null`` too), a folder or a link to one is refused with a sentence and left as it was,
without waiting on a FIFO's reader; ``-o -`` is standard output."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, SHIPPED_DATA, Cli
from kehoach.errors import ExitCode

COMMANDS = [
    ("validate",),
    ("due", "--quarter"),
    ("overdue",),
    ("history",),
    ("report", "--year", "2026"),
    ("tasks",),
]


def run(shell_tail: str, *args: str, language: str = "vi") -> subprocess.CompletedProcess[str]:
    """``kehoach ARGS`` on the shipped data, its standard output as ``shell_tail`` sets it up (the
    cache off, as on a fresh runner, so the answer is computed, not replayed)."""
    day = [] if args[0] == "tasks" else ["--as-of", "2026-12-01"]
    command = " ".join([sys.executable, str(REPO / "cli.py"), *args, "--data", str(SHIPPED_DATA), *day])
    environment = {**os.environ, "KEHOACH_LANG": language, "KEHOACH_CACHE": "off"}
    return subprocess.run(
        ["bash", "-c", f"{command} {shell_tail}"], capture_output=True, text=True, env=environment, timeout=60
    )


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: args[0])
def test_a_full_disk_under_standard_output_is_said_in_a_sentence(args: tuple[str, ...]) -> None:
    result = run("> /dev/full", *args)
    assert result.returncode == ExitCode.SYSTEM
    assert result.stderr == (
        "lỗi: không ghi được kết quả ra đầu ra chuẩn: ổ đĩa đã đầy; hãy giải phóng dung lượng đĩa rồi chạy lại\n"
    )


@pytest.mark.parametrize("args", [("--help",), ("--version",), ("done", "--help"), ("--show-completion", "bash")])
def test_what_typer_prints_itself_to_a_full_disk_is_said_in_a_sentence(args: tuple[str, ...]) -> None:
    command = " ".join([sys.executable, str(REPO / "cli.py"), *args, "> /dev/full"])
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stderr) == (
        ExitCode.SYSTEM,
        "lỗi: không ghi được kết quả ra đầu ra chuẩn: ổ đĩa đã đầy; hãy giải phóng dung lượng đĩa rồi chạy lại\n",
    )


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: args[0])
def test_a_closed_standard_output_is_said_in_a_sentence(args: tuple[str, ...]) -> None:
    result = run(">&-", *args)
    assert result.returncode == ExitCode.SYSTEM
    assert result.stderr == "lỗi: đầu ra chuẩn đã bị đóng; hãy chạy lại với đầu ra mở, ví dụ: kehoach … > tep.txt\n"


def test_the_sentences_in_english() -> None:
    full = run("> /dev/full", "overdue", language="en")
    assert full.stderr.startswith("error: could not write the output to standard output: ")
    assert "Traceback" not in full.stderr and "Errno" not in full.stderr
    closed = run(">&-", "overdue", language="en")
    assert closed.stderr.startswith("error: standard output is closed; ")


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: args[0])
def test_a_reader_that_leaves_early_is_not_an_error(args: tuple[str, ...]) -> None:
    result = run("| head -c 1 > /dev/null; exit ${PIPESTATUS[0]}", *args)
    assert result.returncode == 0 and result.stderr == ""


# --- -o: a regular file or a new path, nothing else ------------------------------------------------

AS_OF = ("--as-of", "2023-01-10")
EXPORTS = [
    ("ics",),
    ("report", "--year", "2022", "--format", "md"),
    ("report", "--year", "2022", "--format", "html"),
    ("report", "--year", "2022", "--format", "xlsx"),
    ("report", "--year", "2022", "--format", "docx"),
    ("report", "--year", "2022", "--format", "json"),
]
EXPORT_IDS = ["ics", "md", "html", "xlsx", "docx", "json"]
BINARY = {"xlsx", "docx"}


def export(tracked: Path, args: tuple[str, ...], output: str, language: str = "vi") -> subprocess.CompletedProcess[str]:
    """``kehoach ARGS -o OUTPUT`` in a process of its own, so that a wait on a FIFO with no reader
    fails the test by its timeout instead of hanging the run."""
    environment = {**os.environ, "KEHOACH_LANG": language, "KEHOACH_CACHE": "off"}
    command = [sys.executable, str(REPO / "cli.py"), *args, *AS_OF, "-o", output, "--data", str(tracked)]
    return subprocess.run(command, capture_output=True, text=True, env=environment, timeout=60)


def fifo_refusal(path: Path) -> str:
    return (
        f"lỗi: không ghi ra {path}: đây là một FIFO (ống có tên), không phải tệp thường, và -o không thay nó "
        f"bằng một tệp; hãy dùng -o - để ghi ra đầu ra chuẩn, hoặc chuyển hướng: > {path}\n"
    )


@pytest.mark.parametrize("args", EXPORTS, ids=EXPORT_IDS)
def test_a_fifo_as_output_is_refused_without_waiting_for_a_reader(
    tracked: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    fifo = tmp_path / "lich.fifo"
    os.mkfifo(fifo)
    result = export(tracked, args, str(fifo))
    assert (result.returncode, result.stdout, result.stderr) == (ExitCode.REFUSED, "", fifo_refusal(fifo))
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["lich.fifo", "tracked"]  # no temporary file


def test_a_link_to_a_fifo_is_refused_and_stays_a_link(tracked: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "lich.fifo"
    os.mkfifo(fifo)
    link = tmp_path / "lich.ics"
    link.symlink_to(fifo)
    result = export(tracked, ("ics",), str(link))
    assert (result.returncode, result.stderr) == (ExitCode.REFUSED, fifo_refusal(link))
    assert link.is_symlink() and stat.S_ISFIFO(fifo.lstat().st_mode)


def test_the_fifo_refusal_in_english(tracked: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "lich.fifo"
    os.mkfifo(fifo)
    result = export(tracked, ("ics",), str(fifo), language="en")
    assert result.returncode == ExitCode.REFUSED
    assert result.stderr == (
        f"error: not writing to {fifo}: it is a FIFO (named pipe), not a regular file, and -o does not replace "
        f"it with a file; use -o - to write to standard output, or redirect: > {fifo}\n"
    )


@pytest.mark.parametrize("args", EXPORTS, ids=EXPORT_IDS)
def test_dev_null_is_refused_and_stays_a_device(cli: Cli, tracked: Path, args: tuple[str, ...]) -> None:
    """Refused as any device is (what the issue asks): ``> /dev/null`` is the way to throw it away."""
    result = cli(*args, *AS_OF, "-o", os.devnull, "--data", str(tracked))
    assert (result.exit_code, result.stdout) == (ExitCode.REFUSED, "")
    assert result.stderr == (
        f"lỗi: không ghi ra {os.devnull}: đây là một thiết bị, không phải tệp thường, và -o không thay nó bằng "
        f"một tệp; hãy dùng -o - để ghi ra đầu ra chuẩn, hoặc chuyển hướng: > {os.devnull}\n"
    )
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_dev_full_is_a_device_too(cli: Cli, tracked: Path) -> None:
    result = cli("ics", *AS_OF, "-o", "/dev/full", "--data", str(tracked))
    assert result.exit_code == ExitCode.REFUSED and "đây là một thiết bị" in result.stderr
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


@pytest.mark.parametrize("linked", [False, True], ids=["folder", "link to a folder"])
@pytest.mark.parametrize("args", EXPORTS, ids=EXPORT_IDS)
def test_a_folder_is_refused_and_left_empty(
    cli: Cli, tracked: Path, tmp_path: Path, args: tuple[str, ...], linked: bool
) -> None:
    folder = tmp_path / "lich"
    folder.mkdir()
    output = folder
    if linked:
        output = tmp_path / "lich.ics"
        output.symlink_to(folder)
    result = cli(*args, *AS_OF, "-o", str(output), "--data", str(tracked))
    assert (result.exit_code, result.stdout) == (ExitCode.REFUSED, "")
    assert result.stderr == (
        f"lỗi: không ghi ra {output}: đây là một thư mục, không phải tệp; hãy chỉ đường dẫn của một tệp\n"
    )
    assert list(folder.iterdir()) == [] and output.is_symlink() == linked
    assert {path.name for path in tmp_path.iterdir()} <= {"cache", "lich", "lich.ics", "tracked"}


TEXT_EXPORTS = [args for args in EXPORTS if not BINARY.intersection(args)]  # the binary: tests/cli/test_delivery.py


@pytest.mark.parametrize("args", TEXT_EXPORTS, ids=[name for name in EXPORT_IDS if name not in BINARY])
def test_a_dash_is_standard_output_and_makes_no_file(tracked: Path, tmp_path: Path, args: tuple[str, ...]) -> None:
    environment = {**os.environ, "KEHOACH_LANG": "vi", "KEHOACH_CACHE": "off"}
    base = [sys.executable, str(REPO / "cli.py"), *args, *AS_OF, "--data", str(tracked)]
    printed = subprocess.run(base, capture_output=True, env=environment, cwd=tmp_path, timeout=60)
    dashed = subprocess.run([*base, "-o", "-"], capture_output=True, env=environment, cwd=tmp_path, timeout=60)
    assert (dashed.returncode, dashed.stderr) == (0, b"")
    assert dashed.stdout == printed.stdout and len(dashed.stdout) > 100
    assert not (tmp_path / "-").exists()


def _written(cli: Cli, tracked: Path, args: tuple[str, ...], output: Path) -> bytes:
    result = cli(*args, *AS_OF, "-o", str(output), "--data", str(tracked))
    assert (result.exit_code, result.stdout, result.stderr) == (0, f"Đã ghi {output}.\n", "")
    return output.read_bytes()


BEGINNINGS = [b"BEGIN:VCALENDAR\r\n", b"# ", b"<!DOCTYPE html>", b"PK\x03\x04", b"PK\x03\x04", b"{"]


@pytest.mark.parametrize(("args", "beginning"), list(zip(EXPORTS, BEGINNINGS, strict=True)), ids=EXPORT_IDS)
def test_a_new_path_is_created(
    cli: Cli, tracked: Path, tmp_path: Path, args: tuple[str, ...], beginning: bytes
) -> None:
    output = tmp_path / "xuat"
    assert _written(cli, tracked, args, output).startswith(beginning)
    assert stat.S_IMODE(output.stat().st_mode) == 0o644


@pytest.mark.parametrize(("args", "beginning"), list(zip(EXPORTS, BEGINNINGS, strict=True)), ids=EXPORT_IDS)
def test_an_existing_file_is_replaced_whole_and_keeps_its_mode(
    cli: Cli, tracked: Path, tmp_path: Path, args: tuple[str, ...], beginning: bytes
) -> None:
    output = tmp_path / "xuat"
    output.write_bytes(b"old content " * 10_000)
    output.chmod(0o600)
    written = _written(cli, tracked, args, output)
    assert written.startswith(beginning) and b"old content" not in written
    assert stat.S_IMODE(output.stat().st_mode) == 0o600


def test_a_link_to_a_file_writes_the_file_and_stays_a_link(cli: Cli, tracked: Path, tmp_path: Path) -> None:
    target = tmp_path / "lich-that.ics"
    target.write_text("cũ\n")
    link = tmp_path / "lich.ics"
    link.symlink_to(target)
    assert _written(cli, tracked, ("ics",), link).startswith(b"BEGIN:VCALENDAR\r\n")
    assert link.is_symlink() and target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")


def test_a_link_to_nothing_yet_creates_its_target(cli: Cli, tracked: Path, tmp_path: Path) -> None:
    target = tmp_path / "lich-that.ics"
    link = tmp_path / "lich.ics"
    link.symlink_to(target)
    assert _written(cli, tracked, ("ics",), link).startswith(b"BEGIN:VCALENDAR\r\n")
    assert link.is_symlink() and target.is_file()
