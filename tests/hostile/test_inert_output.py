"""Text from the data is inert wherever it is shown (kehoach.present.inert).

An evidence or a note may hold control characters (typed with ``done --evidence $'...'``, pasted
from Word, or written by hand as a YAML escape) or start like a spreadsheet formula. Terminal
tables and lines, Markdown, HTML, xlsx and ics show the control characters as ``\\xNN``; CSV and
xlsx never hold a formula; JSON keeps the text exact for the tool reading it, with the characters
it would leave raw (DEL, C1, U+2028, U+2029) escaped. Every case runs on a copy of ``tracked``.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from conftest import Cli, csv_rows, edit
from kehoach.present.inert import json_text, spreadsheet_text, visible

HOSTILE = '=HYPERLINK("http://x")\x1b[2J\x07\r\x08\x0b\x7f\x85\x9bend'
"""ESC (clear the screen), BEL, CR, backspace, vertical tab (Word's line break), DEL, C1 NEL and CSI."""
SHOWN = '=HYPERLINK("http://x")\\x1b[2J\\x07\\x0d\\x08\\x0b\\x7f\\x85\\x9bend'
YAML_FORM = '"=HYPERLINK(\\"http://x\\")\\e[2J\\a\\r\\b\\v\\x7f\\x85\\u009bend"'
"""The same text as a hand-edited YAML double-quoted scalar (its own escapes)."""
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
AS_OF = "2022-06-30"


def _raw_controls(text: str) -> list[str]:
    return CONTROL.findall(text)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(params=["done", "yaml"])
def hostile(request: pytest.FixtureRequest, cli: Cli, tracked: Path) -> Path:
    """``tracked`` with huyen-b's II.1 (2022-Q1) evidence made hostile: by ``done``, or by hand."""
    if request.param == "yaml":
        edit(tracked / "units/huyen-b.yaml", "    evidence: Báo cáo số 7-BC/HU\n", f"    evidence: {YAML_FORM}\n")
    else:
        undone = cli("undo", "II.1", "--unit", "huyen-b", "--period", "2022-Q1", "--data", str(tracked))
        assert undone.exit_code == 0, undone.stderr
        result = cli(
            "done", "II.1", "--unit", "huyen-b", "--period", "2022-Q1", "--on", "2022-04-05",
            "--evidence", HOSTILE, "--note", "-1 ngày", "--data", str(tracked), "--as-of", AS_OF,
        )  # fmt: skip
        assert result.exit_code == 0, result.stderr
        assert "Traceback" not in result.stderr
        assert not _raw_controls(result.stdout)
    return tracked


def test_the_text_is_stored_exact(cli: Cli, hostile: Path) -> None:
    result = cli("history", "II.1", "--unit", "huyen-b", "--format", "json", "--data", str(hostile))
    assert result.exit_code == 0, result.stderr
    evidence = [row["evidence"] for row in json.loads(result.stdout)]
    assert HOSTILE in evidence  # JSON is for tools: exact
    assert not re.search("[\x00-\x1f]", result.stdout.replace("\n", ""))  # C0 is escaped by JSON itself


JSON_RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")
"""What no JSON kehoach writes holds raw: C0 but its own line ends, DEL, C1, LS, PS."""


def _texts(value: object) -> list[str]:
    if isinstance(value, dict):
        return [text for item in value.values() for text in _texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in _texts(item)]
    return [value] if isinstance(value, str) else []


@pytest.mark.parametrize(
    "args",
    [
        ["history", "II.1"],
        ["show", "II.1"],
        ["report", "--year", "2022"],
    ],
    ids=lambda args: args[0],
)
def test_json_gives_the_exact_text_in_inert_bytes(cli: Cli, hostile: Path, args: list[str]) -> None:
    result = cli(*args, "--format", "json", "--as-of", AS_OF, "--data", str(hostile))
    assert result.exit_code == 0, result.stderr
    assert not JSON_RAW.findall(result.stdout)  # no DEL, no C1: "\x9b" is a CSI to many terminals
    assert "\\u007f\\u0085\\u009b" in result.stdout
    assert HOSTILE in _texts(json.loads(result.stdout))  # and a tool reads back every character


def test_a_problem_quoting_hostile_text_is_inert_json(cli: Cli, tracked: Path) -> None:
    edit(tracked / "units/huyen-b.yaml", "done_on: 2022-04-05", 'done_on: "\\x7f\\u009b\\u2028"')
    result = cli("validate", "--format", "json", "--data", str(tracked))
    assert result.exit_code == 1
    assert not JSON_RAW.findall(result.stdout)
    assert any("\x7f\x9b\u2028" in text for text in _texts(json.loads(result.stdout)))


@pytest.mark.parametrize(
    "args",
    [
        ["validate"],
        ["due", "--as-of", "2022-04-01"],
        ["overdue", "--as-of", AS_OF],
        ["history", "II.1", "--as-of", AS_OF],
        ["show", "II.1", "--as-of", AS_OF],
        ["report", "--format", "md", "--as-of", AS_OF],
        ["report", "--format", "html", "--as-of", AS_OF],
        ["ics", "--as-of", AS_OF],
    ],
    ids=lambda args: "-".join(args[:3]),
)
def test_no_control_character_reaches_the_reader(cli: Cli, hostile: Path, args: list[str]) -> None:
    before = _snapshot(hostile)
    result = cli(*args, "--data", str(hostile))
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    text = result.stdout.replace("\r\n", "\n") if args[0] == "ics" else result.stdout  # ics lines end in CRLF
    assert not _raw_controls(text)
    if args[0] in {"history", "show"} or "md" in args:  # the views that show an evidence
        assert "\\x" in text  # shown, not dropped (a narrow column may wrap it anywhere)
    assert _snapshot(hostile) == before


def test_csv_neither_runs_a_formula_nor_splits_a_row(cli: Cli, hostile: Path) -> None:
    result = cli("history", "II.1", "--format", "csv", "--data", str(hostile), "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    rows = csv_rows(result.stdout)
    ours = [row for row in rows if row["unit"] == "huyen-b"]
    assert [row["evidence"] for row in ours] == ["'" + HOSTILE]  # the CR quoted in its cell, one row
    assert all(not value.startswith(("=", "+", "-", "@")) for row in rows for value in row.values())
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d|", row["due"]) for row in rows)  # kehoach's dates as they are


def test_xlsx_holds_no_formula_and_does_not_crash_on_a_vertical_tab(cli: Cli, hostile: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    result = cli("report", "--format", "xlsx", "--as-of", AS_OF, "--data", str(hostile), "--output", str(target))
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    book = load_workbook(io.BytesIO(target.read_bytes()))
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    assert SHOWN in [cell.value for cell in cells]


def test_docx_shows_control_characters_and_does_not_crash_on_them(cli: Cli, hostile: Path, tmp_path: Path) -> None:
    """XML has no place for most C0 characters: python-docx would refuse the whole document."""
    target = tmp_path / "bao-cao.docx"
    result = cli("report", "--format", "docx", "--as-of", AS_OF, "--data", str(hostile), "--output", str(target))
    assert result.exit_code == 0, result.stderr
    document = Document(io.BytesIO(target.read_bytes()))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert SHOWN in cells
    assert not _raw_controls("\n".join([*cells, *(paragraph.text for paragraph in document.paragraphs)]))


def test_a_character_xml_cannot_hold_is_shown_in_the_workbook_and_the_document(
    cli: Cli, tracked: Path, tmp_path: Path
) -> None:
    """U+FFFE and U+FFFF pass validate (YAML holds them), but neither docx nor xlsx can."""
    edit(tracked / "units/ban-a.yaml", "evidence: Báo cáo số 45-BC/TU", 'evidence: "Báo cáo\\uFFFE số 45\\uFFFF"')
    shown = "Báo cáo\\ufffe số 45\\uffff"
    for extension in ("docx", "xlsx"):
        target = tmp_path / f"bao-cao.{extension}"
        result = cli(
            "report",
            "--format",
            extension,
            "--year",
            "2022",
            "--as-of",
            AS_OF,
            "--data",
            str(tracked),
            "-o",
            str(target),
        )
        assert result.exit_code == 0, result.stderr
        if extension == "docx":
            document = Document(str(target))
            assert shown in [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        else:
            assert shown in [cell.value for sheet in load_workbook(target) for row in sheet.iter_rows() for cell in row]


def test_the_rules_themselves() -> None:
    assert visible(HOSTILE) == SHOWN
    assert visible("hai\ndòng") == "hai\ndòng"  # a table's own line break
    assert visible("Báo cáo số 7-BC/HU") == "Báo cáo số 7-BC/HU"
    for text in (HOSTILE, "a\u2028b\u2029c", "\\\x85", "Báo cáo số 7-BC/HU"):
        for compact in (False, True):
            written = json_text({"evidence": [text]}, compact=compact)
            assert json.loads(written) == {"evidence": [text]} and not JSON_RAW.findall(written)
    assert json_text("a\u2028\x7f") == '"a\\u2028\\u007f"'
    texts = ["=1+1", "+84", "-5", "@SUM(A1)", "\tx", "\rx", "Báo cáo", "2022-03-31"]
    assert [spreadsheet_text(text) for text in texts] == [
        "'=1+1", "'+84", "'-5", "'@SUM(A1)", "'\tx", "'\rx", "Báo cáo", "2022-03-31",
    ]  # fmt: skip
