"""Machine-readable listings (kehoach.present.output): CSV with the JSON rows' keys as columns."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import Cli, csv_rows, on_a_terminal
from kehoach.present.output import Colour, choose_colour, write_csv

UNIT = {"id": "ban-a", "kind": "party_board", "groups": ["ca-hai", "khoi-dang"], "until": None}
GROUP = {"id": "ca-hai", "members": ["ban-a", "huyen-b"], "record": {"done_on": "2022-03-20", "evidence": "BC số 7"}}


def test_csv_has_every_key_of_every_row_and_flattens_lists_and_objects() -> None:
    out = io.StringIO()
    write_csv([UNIT, GROUP], out)
    assert out.getvalue().splitlines()[0] == "\ufeffid,kind,groups,until,members,record"  # units and groups differ
    assert csv_rows(out.getvalue()) == [
        {"id": "ban-a", "kind": "party_board", "groups": "ca-hai;khoi-dang", "until": "", "members": "", "record": ""},
        {
            "id": "ca-hai",
            "kind": "",
            "groups": "",
            "until": "",
            "members": "ban-a;huyen-b",
            "record": '{"done_on":"2022-03-20","evidence":"BC số 7"}',
        },
    ]


def test_no_rows_is_no_csv_at_all() -> None:
    out = io.StringIO()
    write_csv([], out)
    assert out.getvalue() == ""


# --- colour: NO_COLOR, FORCE_COLOR -------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "chosen"),
    [
        ({}, Colour.auto),
        ({"NO_COLOR": "1"}, Colour.never),
        ({"NO_COLOR": "0"}, Colour.never),  # any value but the empty one
        ({"NO_COLOR": ""}, Colour.auto),
        ({"FORCE_COLOR": "1"}, Colour.always),
        ({"FORCE_COLOR": ""}, Colour.auto),
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, Colour.never),
        ({"NO_COLOR": "", "FORCE_COLOR": "1"}, Colour.always),
    ],
)
def test_the_colour_conventions(environ: dict[str, str], chosen: Colour) -> None:
    assert choose_colour(environ) is chosen


DUE = ("due", "--year", "--as-of", "2022-06-30", "--data")
ESCAPE = "\x1b["


@pytest.mark.parametrize(
    ("environ", "coloured"),
    [({}, False), ({"FORCE_COLOR": "1"}, True), ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, False)],
)
def test_colour_into_a_pipe_only_when_forced(cli: Cli, tracked: Path, environ: dict[str, str], coloured: bool) -> None:
    result = cli(*DUE, str(tracked), env=environ)
    assert result.exit_code == 0
    assert (ESCAPE in result.stdout) is coloured
    plain = cli(*DUE, str(tracked), env={"NO_COLOR": "1"}).stdout
    assert re.sub(r"\x1b\[[0-9;]*m", "", result.stdout) == plain  # colour only repeats the words


@pytest.mark.parametrize(
    ("environ", "coloured"),
    [({}, True), ({"NO_COLOR": "1"}, False), ({"NO_COLOR": ""}, True), ({"FORCE_COLOR": ""}, True)],
)
def test_colour_on_a_real_terminal_unless_no_color(tracked: Path, environ: dict[str, str], coloured: bool) -> None:
    clean = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "FORCE_COLOR")}
    environment = {**clean, "KEHOACH_CACHE": "off", "KEHOACH_LANG": "vi", "TERM": "xterm", **environ}
    code, shown, _ = on_a_terminal([*DUE, str(tracked)], environment)
    assert code == 0 and "Huyện ủy B".encode() in shown
    assert (ESCAPE.encode() in shown) is coloured


# --- CSV as Excel opens it ---------------------------------------------------------------------

LISTINGS = [
    ("tasks",),
    ("units",),
    ("events",),
    ("ongoing",),
    ("due", "--year", "--as-of", "2022-06-30"),
    ("overdue", "--as-of", "2023-01-10"),
    ("upcoming", "--as-of", "2022-06-01", "--days", "365"),
    ("history",),
]


def csv_bytes(tmp_path: Path, *args: str) -> bytes:
    """What ``kehoach ARGS -f csv > file.csv`` leaves in the file."""
    target = tmp_path / "out.csv"
    environment = {**os.environ, "KEHOACH_CACHE": "off", "KEHOACH_LANG": "vi"}
    with target.open("wb") as stream:
        command = [sys.executable, "-m", "kehoach", *args, "--format", "csv"]
        subprocess.run(command, stdout=stream, env=environment, check=True)
    return target.read_bytes()


def test_csv_starts_with_a_bom_and_ends_its_lines_with_crlf(tracked: Path, tmp_path: Path) -> None:
    content = csv_bytes(tmp_path, "units", "--data", str(tracked))
    assert content.startswith(b"\xef\xbb\xbfid,name,kind,")
    assert (
        content.endswith(b"\r\n") and content.count(b"\n") == content.count(b"\r\n") == 4
    )  # a heading, two units, a group
    assert "Huyện ủy B" in content.decode("utf-8-sig")


@pytest.mark.parametrize("command", LISTINGS, ids=lambda command: command[0])
def test_no_csv_cell_holds_json_a_person_would_have_to_read(cli: Cli, tracked: Path, command: tuple[str, ...]) -> None:
    rows = csv_rows(cli(*command, "--format", "csv", "--data", str(tracked)).stdout)
    assert rows
    assert [value for row in rows for value in row.values() if value.startswith(("{", "["))] == []


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def test_a_spreadsheet_opens_the_csv_with_its_vietnamese_intact(tracked: Path, tmp_path: Path) -> None:
    """Headless, LibreOffice skips the import dialog that reads the BOM to choose UTF-8 (it would
    take the system's code page), so the filter says what the dialog would: comma, double quote,
    UTF-8 (76), from line 1. The BOM must then be consumed, not be part of the first heading.
    ``.ci/run`` installs LibreOffice and sets KEHOACH_LIBREOFFICE_TESTS=required: there it is
    never skipped."""
    if SOFFICE is None:
        if os.environ.get("KEHOACH_LIBREOFFICE_TESTS") == "required":
            pytest.fail("LibreOffice is required (KEHOACH_LIBREOFFICE_TESTS=required) but not installed")
        pytest.skip("LibreOffice (soffice) is not installed (apt install libreoffice-calc-nogui)")
    source = tmp_path / "tasks.csv"
    source.write_bytes(csv_bytes(tmp_path, "tasks", "--data", str(tracked)))
    converted = subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
         "--infilter=Text - txt - csv (StarCalc):44,34,76,1", "--convert-to", "xlsx", "--outdir", str(tmp_path),
         str(source)],
        capture_output=True, check=False, timeout=180,
    )  # fmt: skip
    assert converted.returncode == 0, converted.stderr
    sheet = load_workbook(tmp_path / "tasks.xlsx").active
    assert sheet is not None
    cells = [[cell.value or "" for cell in row] for row in sheet.iter_rows()]
    assert cells[0] == list(csv_rows(source.read_text(encoding="utf-8"))[0])
    assert cells[0][:3] == ["ref", "title", "text"]
    assert cells[1][:5] == [
        "II.1", "Quán triệt Kết luận", "Mở đợt sinh hoạt chính trị (hoàn thành trong Quý I/2022).", "ca-hai",
        "Cả hai đơn vị",
    ]  # fmt: skip
    assert [row[:1] for row in cells[1:]] == [[row["ref"]] for row in csv_rows(source.read_text(encoding="utf-8"))]
