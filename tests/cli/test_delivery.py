"""Where ``-o`` sends a calendar or a report: a file written whole, ``-`` for standard output, a
device or pipe written into; and every refusal of the system as a sentence."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import Cli, on_a_terminal

AS_OF = ("--as-of", "2023-01-10")


@pytest.mark.parametrize("command", [("ics",), ("report", "--year", "2022")])
def test_a_dash_is_standard_output(cli: Cli, tracked: Path, command: tuple[str, ...]) -> None:
    printed = cli(*command, *AS_OF, "--data", str(tracked))
    dashed = cli(*command, *AS_OF, "-o", "-", "--data", str(tracked))
    assert dashed.exit_code == printed.exit_code == 0
    assert dashed.stdout == printed.stdout and dashed.stdout.strip()
    assert not Path("-").exists()


def test_a_folder_as_output_is_refused_with_a_sentence_and_leaves_nothing(
    cli: Cli, tracked: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "lich"
    folder.mkdir()
    result = cli("ics", *AS_OF, "-o", str(folder), "--data", str(tracked))
    assert (result.exit_code, result.stdout) == (5, "")
    assert (
        result.stderr
        == f"lỗi: không ghi được {folder}: đây là một thư mục, không phải tệp; hãy chỉ đường dẫn của một tệp\n"
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["cache", "lich", "tracked"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_a_full_disk_is_a_sentence_and_the_device_stays_a_device(cli: Cli, tracked: Path) -> None:
    result = cli("ics", *AS_OF, "-o", "/dev/full", "--data", str(tracked))
    assert (result.exit_code, result.stdout) == (5, "")
    assert result.stderr == "lỗi: không ghi được /dev/full: ổ đĩa đã đầy; hãy giải phóng dung lượng đĩa rồi chạy lại\n"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_a_device_is_written_into_not_replaced(cli: Cli, tracked: Path) -> None:
    result = cli("report", "--format", "html", *AS_OF, "-o", os.devnull, "--data", str(tracked))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_a_pipe_is_written_into(cli: Cli, tracked: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "lich.fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    result = cli("ics", *AS_OF, "-o", str(fifo), "--data", str(tracked))
    content = reader.communicate(timeout=30)[0]
    assert (result.exit_code, result.stdout) == (0, "")
    assert content.startswith(b"BEGIN:VCALENDAR\r\n")
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def kehoach(*args: str, **streams: object) -> subprocess.CompletedProcess[bytes]:
    environment = {**os.environ, "KEHOACH_CACHE": "off", "KEHOACH_LANG": "vi"}
    return subprocess.run([sys.executable, "-m", "kehoach", *args], env=environment, check=False, **streams)  # type: ignore[call-overload,no-any-return]


@pytest.mark.parametrize("dash", [(), ("-o", "-")], ids=["no -o", "-o -"])
def test_xlsx_goes_to_standard_output_when_it_is_a_file_or_a_pipe(tracked: Path, dash: tuple[str, ...]) -> None:
    result = kehoach("report", "--format", "xlsx", *AS_OF, *dash, "--data", str(tracked), capture_output=True)
    assert (result.returncode, result.stderr) == (0, b"")
    assert "Tổng hợp theo đơn vị" in load_workbook(io.BytesIO(result.stdout)).sheetnames


def test_xlsx_is_refused_on_a_terminal(tracked: Path) -> None:
    environment = {**os.environ, "KEHOACH_CACHE": "off", "KEHOACH_LANG": "vi"}
    code, shown, errors = on_a_terminal(["report", "--format", "xlsx", *AS_OF, "--data", str(tracked)], environment)
    assert (code, shown) == (2, b"")
    assert errors.decode() == (
        "lỗi: xlsx là tệp nhị phân, không hiện được trên màn hình; hãy chỉ nơi ghi bằng -o TỆP, "
        "ví dụ -o bao-cao.xlsx (hoặc chuyển hướng: > bao-cao.xlsx)\n"
    )
