"""Every input file is bounded: hidden files and editors' droppings in ``units/`` are ignored, only
regular files are read (never waiting on a FIFO or a device), each file and the folder have a size
limit, control characters are problems at their line and column, and a long bad value is cut."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Cli
from kehoach.files import datadir

READS = [
    ["validate"],
    ["due", "--as-of", "2023-01-05"],
    ["overdue", "--as-of", "2023-01-05"],
    ["report", "--as-of", "2023-01-05"],
    ["history"],
]
DONE = ["done", "II.2", "--unit", "ban-a", "--as-of", "2023-01-05", "--evidence", "Báo cáo số 1-BC"]


def snapshot(folder: Path) -> dict[str, bytes]:
    """The data's files: not the cache's, nor the write lock's (``.kehoach/``, kehoach/files/lock.py)."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink() and "cache" not in path.parts and ".kehoach" not in path.parts
    }


def run(args: list[str], data: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """In a process of its own with a timeout: a case that could hang fails instead of stalling."""
    env = {**os.environ, "KEHOACH_CACHE": str(tmp_path / "cache"), "KEHOACH_LANG": "vi", "COLUMNS": "80"}
    env.pop("KEHOACH_DATA", None)
    return subprocess.run(
        [sys.executable, "-m", "kehoach", *args, "--data", str(data)],
        capture_output=True,
        text=True,
        timeout=10,
        env=env,
    )


DROPPINGS = ["._huyen-b.yaml", ".huyen-b.yaml.swp", "huyen-b.yaml~", "#huyen-b.yaml#", ".hidden.yaml"]


def test_hidden_files_and_editor_droppings_are_ignored(cli: Cli, tracked: Path) -> None:
    before = {tuple(args): cli(*args, "--data", str(tracked)) for args in READS}
    for name in DROPPINGS:
        (tracked / "units" / name).write_bytes(b"\x00\x05\x16\x07Mac OS X junk: not YAML\n")
    (tracked / "units" / ".#huyen-b.yaml").symlink_to("user@host.1234:1700000000")  # Emacs's lock: dangling
    for args in READS:
        for _warm in range(2):
            result = cli(*args, "--data", str(tracked))
            assert (result.exit_code, result.stdout) == (before[tuple(args)].exit_code, before[tuple(args)].stdout)
            assert result.exit_code == 0, result.stderr
    assert cli(*DONE, "--data", str(tracked)).exit_code == 0
    assert (tracked / "units" / "._huyen-b.yaml").read_bytes().startswith(b"\x00")


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _device(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _folder(path: Path) -> None:
    path.mkdir()


def _dangling(path: Path) -> None:
    path.symlink_to("nowhere.yaml")


def _loop(path: Path) -> None:
    path.symlink_to(path.name)


ODD = {
    "fifo": (_fifo, "FIFO"),
    "device": (_device, "thiết bị"),
    "folder": (_folder, "là một thư mục"),
    "dangling": (_dangling, "không tồn tại"),
    "loop": (_loop, "lặp vòng"),
}


@pytest.mark.parametrize("kind", sorted(ODD))
def test_only_regular_files_are_read_and_nothing_waits(kind: str, tracked: Path, tmp_path: Path) -> None:
    make, words = ODD[kind]
    make(tracked / "units" / "odd.yaml")
    before = snapshot(tracked)
    for args in [*READS, DONE]:
        result = run(args, tracked, tmp_path)
        assert result.returncode == 1, (args, result.stdout, result.stderr)
        said = result.stdout + result.stderr
        assert "Traceback" not in said
        line = next(line for line in said.splitlines() if "odd.yaml:1:1:" in line)
        assert words in line
    assert snapshot(tracked) == before


def test_the_plan_as_a_fifo_is_no_data_folder_and_no_wait(tracked: Path, tmp_path: Path) -> None:
    (tracked / "plan.yaml").unlink()
    os.mkfifo(tracked / "plan.yaml")
    result = run(["validate"], tracked, tmp_path)
    assert result.returncode == 3 and "Traceback" not in result.stderr
    assert "plan.yaml" in result.stderr


def test_the_limits_stand_far_above_a_real_province() -> None:
    # bench/bench.py --scale 10: no file above 170 KB, 57 MiB in all
    assert datadir.FILE_LIMIT >= 50 * 170 * 1000
    assert datadir.FOLDER_LIMIT >= 4 * 57 * 2**20


def test_a_file_over_the_limit_is_a_problem_not_a_read(cli: Cli, tracked: Path) -> None:
    unit = tracked / "units" / "huyen-b.yaml"
    with unit.open("ab") as stream:
        stream.write(b"# padding\n" * (datadir.FILE_LIMIT // 10 + 1))
    before = snapshot(tracked)
    for args in [*READS, DONE]:
        result = cli(*args, "--data", str(tracked))
        assert result.exit_code == 1, args
        assert "units/huyen-b.yaml:1:1:" in result.stdout + result.stderr
        assert "16 MiB" in result.stdout + result.stderr
    assert snapshot(tracked) == before


def test_a_folder_over_the_limit_is_a_problem(cli: Cli, tracked: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = (tracked / "plan.yaml").stat().st_size
    monkeypatch.setattr(datadir, "FOLDER_LIMIT", plan + 10)
    result = cli("validate", "--data", str(tracked))
    assert result.exit_code == 1
    assert "units/ban-a.yaml:1:1:" in result.stdout and "MiB" in result.stdout


CONTROLS = [0x00, 0x01, 0x07, 0x08, 0x1B, 0x7F, 0x80, 0x9B, 0x9F]


@pytest.mark.parametrize("code", CONTROLS)
@pytest.mark.parametrize("where", ["key", "value", "comment"])
@pytest.mark.parametrize("file", ["plan.yaml", "units/huyen-b.yaml"])
def test_a_control_character_is_a_problem_at_its_line_and_column(
    cli: Cli, tracked: Path, code: int, where: str, file: str
) -> None:
    path = tracked / file
    text = path.read_text(encoding="utf-8")
    char = chr(code)
    added = {"key": f"k{char}k: 1\n", "value": f'extra: "a{char}b"\n', "comment": f"# a{char}b\n"}[where]
    path.write_text(text + added, encoding="utf-8")
    line = text.count("\n") + 1
    column = {"key": 2, "value": 10, "comment": 4}[where]
    before = snapshot(tracked)
    # A comment after huyen-b's records is nothing a record of ban-a depends on (its head says the
    # same): `done` goes ahead, as it does past any mistake in another office's records.
    refusing = [*READS, DONE] if file == "plan.yaml" or where != "comment" else READS
    for args in refusing:
        for _warm in range(2):
            result = cli(*args, "--data", str(tracked))
            said = result.stdout + result.stderr
            assert result.exit_code == 1, (args, said)
            assert f"{file}:{line}:{column}: " in said and f"U+{code:04X}" in said
    assert snapshot(tracked) == before
    if refusing == READS:
        assert cli(*DONE, "--data", str(tracked)).exit_code == 0


def test_a_long_bad_value_is_cut_in_the_message(cli: Cli, tracked: Path) -> None:
    path = tracked / "units" / "huyen-b.yaml"
    text = path.read_text(encoding="utf-8")
    long = "x" * 1_000_000
    path.write_text(text.replace("kind:", f"nonsense_{long}: 1\nkind:", 1), encoding="utf-8")
    (tracked / "units" / "ban-a.yaml").write_text(
        (tracked / "units" / "ban-a.yaml").read_text(encoding="utf-8").replace("id: ban-a", f"id: Bad{long}", 1),
        encoding="utf-8",
    )
    for args in [*READS, DONE]:
        result = cli(*args, "--data", str(tracked))
        said = result.stdout + result.stderr
        assert result.exit_code == 1
        assert "huyen-b.yaml" in said and "ban-a.yaml" in said
        assert max(len(line) for line in said.splitlines()) < 400
        assert "…" in said


# --- line numbers as YAML counts them ------------------------------------------------------------

YAML_BREAKS = ["\r\n", "\r", "\x85", "\u2028", "\u2029"]
"""What ends a line for YAML besides LF: PyYAML's reader and libyaml break lines at these too."""
NOT_BREAKS = ["\x0c", "\x0b", "\x1c", "\x1d", "\x1e"]
"""What ``str.splitlines`` breaks at and YAML does not (each is a control character to YAML)."""


def _split_comment(tracked: Path, between: str, old: str, new: str) -> tuple[Path, str]:
    """huyen-b.yaml with its first line, a comment, cut in two by ``between``, and ``old`` made ``new``."""
    path = tracked / "units" / "huyen-b.yaml"
    text = path.read_text(encoding="utf-8").replace("# A district committee.\n", f"# A district{between}# committee.\n")
    text = text.replace(old, new, 1)
    path.write_bytes(text.encode("utf-8"))
    return path, text


def _pyyaml_mark(text: str) -> tuple[int, int]:
    import yaml

    with pytest.raises(yaml.MarkedYAMLError) as raised:
        list(yaml.parse(text, Loader=yaml.SafeLoader))
    mark = raised.value.problem_mark
    assert mark is not None
    return mark.line + 1, mark.column + 1


@pytest.mark.parametrize("between", YAML_BREAKS + NOT_BREAKS, ids=lambda char: f"U+{ord(char[-1]):04X}")
def test_a_tab_after_an_odd_line_end_is_where_yaml_says(cli: Cli, tracked: Path, between: str) -> None:
    path, text = _split_comment(tracked, between, "    period: 2022-Q1", "\tperiod: 2022-Q1")
    where = (9, 1) if between in YAML_BREAKS else (8, 1)  # the line is 8; one more when the comment is two
    if between in YAML_BREAKS:
        assert _pyyaml_mark(text) == where  # PyYAML's own mark, for the tab it trips on
    result = cli("validate", "--data", str(tracked))
    assert result.exit_code == 1
    assert f"{path}:{where[0]}:{where[1]}: thụt lề bằng ký tự tab" in result.stdout + result.stderr


@pytest.mark.parametrize("between", YAML_BREAKS, ids=lambda char: f"U+{ord(char[-1]):04X}")
def test_a_control_character_after_an_odd_line_end_is_where_yaml_says(cli: Cli, tracked: Path, between: str) -> None:
    path, text = _split_comment(tracked, between, "evidence: Báo cáo", "evidence: Báo cáo\x1b")
    # the line is 10 (11 with the comment cut in two), the column the ESC's among characters, not bytes
    said = cli("validate", "--data", str(tracked))
    assert f"{path}:11:22: " in said.stdout + said.stderr and "U+001B" in said.stdout + said.stderr
    # where PyYAML puts a syntax problem at that very place: the same line and column
    assert _pyyaml_mark(text.replace("Báo cáo\x1b", "Báo cáo: x")) == (11, 22)


@pytest.mark.parametrize("between", NOT_BREAKS, ids=lambda char: f"U+{ord(char):04X}")
def test_a_character_only_python_breaks_lines_at_is_itself_the_problem(cli: Cli, tracked: Path, between: str) -> None:
    path, _text = _split_comment(tracked, between, "evidence: Báo cáo", "evidence: Báo cáo\x1b")
    said = cli("validate", "--data", str(tracked))
    assert f"{path}:1:13: " in said.stdout + said.stderr and f"U+{ord(between):04X}" in said.stdout + said.stderr


def test_a_byte_that_is_no_utf8_after_an_odd_line_end_is_where_yaml_would_say(cli: Cli, tracked: Path) -> None:
    path = tracked / "units" / "huyen-b.yaml"
    text = path.read_text(encoding="utf-8").replace("# A district committee.\n", "# A district\u2028# committee.\n")
    before, after = text.encode("utf-8").split("ủy B".encode())
    path.write_bytes(b"\xef\xbb\xbf" + before + b"\xfe" + after)  # a BOM, and a byte no UTF-8 text holds
    said = cli("validate", "--data", str(tracked))
    # line 5 (4, and the comment in two); column 13 ("name: Huyện " is 12 characters, 14 bytes)
    assert f"{path}:5:13: byte 0xfe không phải UTF-8" in said.stdout + said.stderr


@pytest.mark.parametrize("name", ["moi.yml", "moi.YAML", "moi.Yaml"])
def test_a_unit_file_named_otherwise_than_yaml_is_said_not_left_out(cli: Cli, tracked: Path, name: str) -> None:
    """A unit silently left out would be owed nothing: a file that looks like one is a problem."""
    (tracked / "units" / name).write_bytes((tracked / "units" / "ban-a.yaml").read_bytes())
    for args in READS:
        result = cli(*args, "--data", str(tracked))
        assert result.exit_code == 1, (args, result.stdout)
        assert (
            f"{tracked / 'units' / name}:1:1: kehoach chỉ đọc tệp đơn vị tên *.yaml; hãy đổi tên tệp này thành moi.yaml"
            in result.stdout + result.stderr
        )
