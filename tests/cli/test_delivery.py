"""Where ``-o`` sends a calendar or a report: a file written whole, ``-`` for standard output (what
``-o`` refuses, a device, a pipe, a folder, is in tests/hostile/test_output_streams.py)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
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


def kehoach(*args: str, **streams: object) -> subprocess.CompletedProcess[bytes]:
    environment = {**os.environ, "KEHOACH_CACHE": "off", "KEHOACH_LANG": "vi"}
    return subprocess.run([sys.executable, "-m", "kehoach", *args], env=environment, check=False, **streams)  # type: ignore[call-overload,no-any-return]


@pytest.mark.parametrize("dash", [(), ("-o", "-")], ids=["no -o", "-o -"])
def test_xlsx_goes_to_standard_output_when_it_is_a_file_or_a_pipe(tracked: Path, dash: tuple[str, ...]) -> None:
    result = kehoach("report", "--format", "xlsx", *AS_OF, *dash, "--data", str(tracked), capture_output=True)
    assert (result.returncode, result.stderr) == (0, b"")
    assert "Tổng hợp theo đơn vị" in load_workbook(io.BytesIO(result.stdout)).sheetnames


def test_docx_goes_to_standard_output_when_it_is_a_file_or_a_pipe(tracked: Path) -> None:
    result = kehoach("report", "--format", "docx", *AS_OF, "--data", str(tracked), capture_output=True)
    assert (result.returncode, result.stderr) == (0, b"")
    assert Document(io.BytesIO(result.stdout)).paragraphs[0].text == "BÁO CÁO"


@pytest.mark.parametrize("extension", ["xlsx", "docx"])
def test_a_binary_report_is_refused_on_a_terminal(tracked: Path, extension: str) -> None:
    environment = {**os.environ, "KEHOACH_CACHE": "off", "KEHOACH_LANG": "vi"}
    code, shown, errors = on_a_terminal(["report", "--format", extension, *AS_OF, "--data", str(tracked)], environment)
    assert (code, shown) == (2, b"")
    assert errors.decode() == (
        f"lỗi: {extension} là tệp nhị phân, không hiện được trên màn hình; hãy chỉ nơi ghi bằng -o TỆP, "
        f"ví dụ -o bao-cao.{extension} (hoặc chuyển hướng: > bao-cao.{extension})\n"
    )
