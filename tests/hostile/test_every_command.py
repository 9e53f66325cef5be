"""Every hostile case against every command, warm and cold.

Each case changes a copy of the tracked scenario after a clean run has filled the cache (so the
warm run meets entries made for the folder as it was), then runs one command twice: warm (that
cache) and cold (no cache); a case that could hang runs in a process of its own under a time
limit. Both must give the same answer, and that answer must be the case's: the same as on the
clean folder, or a refusal in a sentence that names the file. Never a traceback, never a changed
data file unless the command is a write that succeeded, never a file left behind in the data
folder or the cache. The same cases at the benchmark's size, each run timed out at 10 s:
``test_at_size.py``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import SCENARIOS, Cli
from kehoach.files import datadir

AS_OF = "2023-01-05"
COMMANDS = {
    "validate": ["validate"],
    "due": ["due", "--year", "--as-of", AS_OF],
    "overdue": ["overdue", "--as-of", AS_OF],
    "report": ["report", "--year", "2022", "--as-of", AS_OF],
    "history": ["history"],
    "done": ["done", "II.2", "--unit", "ban-a", "--as-of", AS_OF, "--evidence", "Báo cáo số 1-BC"],
    "extend": ["extend", "II.2", "--unit", "ban-a", "--period", "2022", "--to", "2023-03-31", "--by", "CV 12"],
}
WRITES = {"done", "extend"}
CONFINED = {"done"}
"""Writes to one unit's file (ban-a's): they depend on the plan, every unit file's head and the
unit's own lineage, not on what other units recorded (kehoach.files.load.read_folder)."""
TIME_LIMIT = 10
RAW_CONTROLS = [chr(code) for code in (*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0))]


@dataclass(frozen=True)
class Case:
    change: Callable[[Path], None]
    refused_in: str | None
    """The file a refusal names (relative to the data folder); ``None``: the command answers as on
    the clean folder."""
    in_records: bool = False
    """The change is in another unit's records alone: a write confined to ban-a goes ahead."""

    def refusal(self, command: str) -> str | None:
        return None if self.in_records and command in CONFINED else self.refused_in


def _text(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _control(folder: Path) -> None:
    _text(folder, "units/huyen-b.yaml", "done_on: 2022-04-05", 'done_on: 2022-04-05\n    note: "a\x1b[2Jb\x00"')


def _c1_and_del(folder: Path) -> None:
    _text(folder, "units/huyen-b.yaml", "done_on: 2022-04-05", "done_on: 2022-04-05\n    note: a\x85b\x7fc")


def _droppings(folder: Path) -> None:
    units = folder / "units"
    for name in ["._ban-a.yaml", ".ban-a.yaml.swp", "ban-a.yaml~", "#ban-a.yaml#"]:
        (units / name).write_bytes(b"\x00\x05\x16\x07Mac OS X junk: not YAML\n")
    (units / ".#ban-a.yaml").symlink_to("user@host.1234:1700000000")


def _fifo(folder: Path) -> None:
    os.mkfifo(folder / "units" / "odd.yaml")


def _device(folder: Path) -> None:
    (folder / "units" / "odd.yaml").symlink_to("/dev/zero")


def _loop(folder: Path) -> None:
    (folder / "units" / "odd.yaml").symlink_to("odd.yaml")


def _directory(folder: Path) -> None:
    (folder / "units" / "odd.yaml").mkdir()


def _oversized(folder: Path) -> None:
    path = folder / "units" / "huyen-b.yaml"
    with path.open("a", encoding="utf-8") as stream:
        stream.write("# " + "x" * (datadir.FILE_LIMIT + 1) + "\n")


def _until_far(folder: Path) -> None:
    _text(folder, "units/huyen-b.yaml", "kind: party_committee", "kind: party_committee\nuntil: 9999-01-01")


def _within_days(folder: Path) -> None:
    _text(folder, "plan.yaml", "within_days: 90", "within_days: 3000000")


def _escapes_in_a_record(folder: Path) -> None:
    """What ``done --evidence`` accepts from a paste (a vertical tab from Word, an escape sequence),
    written escaped in YAML: the data is valid, every view must show it inert."""
    _text(
        folder,
        "units/huyen-b.yaml",
        "evidence: Báo cáo số 7-BC/HU",
        'evidence: "BC\\v số 1\\e[2J\\a\\b\\r=HYPERLINK(\\"http://x\\")"\n    note: "a\\x85b\\x7f"',
    )


CASES = {
    "control-characters": Case(_control, "units/huyen-b.yaml", in_records=True),
    # NEL is a line break to YAML: what follows it could be a key of the file's own, so its head is
    # in doubt, and the write is refused with the file's problem
    "c1-and-del": Case(_c1_and_del, "units/huyen-b.yaml"),
    "editor-droppings": Case(_droppings, None),
    "fifo": Case(_fifo, "units/odd.yaml"),
    "device": Case(_device, "units/odd.yaml"),
    "symlink-loop": Case(_loop, "units/odd.yaml"),
    "directory": Case(_directory, "units/odd.yaml"),
    "oversized-file": Case(_oversized, "units/huyen-b.yaml"),
    "until-9999": Case(_until_far, "units/huyen-b.yaml"),
    "within-days-3000000": Case(_within_days, "plan.yaml"),
    "escapes-in-a-record": Case(_escapes_in_a_record, None),
}


MAY_HANG = {"fifo", "device"}
"""Cases that would hang a command that opened the file (a FIFO with no writer, an endless
device): run in a process of their own under the time limit. The others run in this process
(the ``cli`` fixture), which is what keeps this matrix fast enough for every commit."""


def run(cli: Cli, name: str, args: list[str], data: Path, cache: Path | None) -> tuple[int, str, str]:
    chosen = str(cache) if cache else "off"
    if name not in MAY_HANG:
        result = cli(*args, "--data", str(data), env={"KEHOACH_CACHE": chosen, "COLUMNS": "100"})
        return result.exit_code, result.stdout, result.stderr
    env = {**os.environ, "KEHOACH_CACHE": chosen, "KEHOACH_LANG": "vi", "COLUMNS": "100"}
    env.pop("KEHOACH_DATA", None)
    command = [sys.executable, "-m", "kehoach", *args, "--data", str(data)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=TIME_LIMIT, env=env)
    return done.returncode, done.stdout, done.stderr


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every regular file under ``folder`` but the write lock's (``.kehoach/``): what a command left there."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.is_symlink() and not path.is_fifo() and ".kehoach" not in path.parts
    }


def leftovers(folder: Path) -> list[str]:
    return [str(path) for path in folder.rglob("*") if path.name.endswith(".tmp") or path.name.startswith(".tmp-")]


def copy(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name / "data"
    shutil.copytree(SCENARIOS / "tracked", target)
    return target


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("name", sorted(CASES))
def test_every_case_on_every_command_warm_and_cold(cli: Cli, tmp_path: Path, name: str, command: str) -> None:
    case, args = CASES[name], COMMANDS[command]
    clean = copy(tmp_path, "clean")
    cache = tmp_path / "cache"
    code, stdout, stderr = run(cli, name, args, clean, cache)  # also fills the cache, for the warm run below
    assert code == 0, stderr
    shown = stdout.replace(str(clean), "DATA")

    answers = []
    for warm in (True, False):
        data = copy(tmp_path, "warm" if warm else "cold")
        case.change(data)
        before = snapshot(data)
        code, stdout, stderr = run(cli, name, args, data, cache if warm else None)
        said = stdout + stderr
        assert "Traceback" not in said and "Error:" not in said, said
        assert not leftovers(data) and not leftovers(cache), (leftovers(data), leftovers(cache))
        refused_in = case.refusal(command)
        if refused_in is None:
            assert code == 0, said
            assert not any(control in stdout for control in RAW_CONTROLS), repr(stdout)
            if name == "editor-droppings":
                assert stdout.replace(str(data), "DATA") == shown
        else:
            assert code != 0, said
            named = [line for line in said.splitlines() if f"{data / refused_in}:" in line]
            assert named, f"no sentence names {refused_in}:\n{said}"
            assert snapshot(data) == before, "a refused command changed the data"
        if command not in WRITES or refused_in is not None:
            assert snapshot(data) == before
        answers.append((code, said.replace(str(data), "DATA")))
    assert answers[0] == answers[1], "the warm answer differs from the cold one"
