"""Standard output that cannot take the answer (issue 15): a full disk, closed, a reader that left.
Each is a sentence on standard error and a distinct exit code, never a traceback. Real processes:
the streams are the operating system's, not a test runner's."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import REPO, SHIPPED_DATA
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
