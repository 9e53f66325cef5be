"""Data as large as the folder allows still gets an answer, and the same answer as small data does.

Issue 15's "blows up" cases, each at the largest a file may be (``FILE_LIMIT``, 16 MiB): an 8 MB
unit name and a 15 MB evidence (tables were quadratic in a long unbroken text), a unit file of
164,000 repeated records (validate took 85 s and printed every one of its 161,000 problems), and
the shipped plan asked about the year 2200 (77,000 overdue rows). Each command runs in a process of
its own under a timeout that only a slow CI should come near; what is asserted is the answer. The
files are generated once for the module.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach.domain.model import NAME_LIMIT
from kehoach.errors import PROBLEMS_PER_FILE
from kehoach.files.datadir import FILE_LIMIT
from kehoach.present.inert import SHOWN_LIMIT

pytestmark = pytest.mark.big

SHIPPED = Path(__file__).resolve().parents[2] / "data"
UNIT = "ban-tuyen-giao-tinh-uy"
NAMED = "van-phong-tinh-uy"
TIMEOUT = 60
"""Seconds: each case answers in under ten on a loaded two-core machine."""


def kehoach(data: Path, cache: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KEHOACH_CACHE": str(cache), "KEHOACH_LANG": "vi", "COLUMNS": "100"}
    env.pop("KEHOACH_DATA", None)
    return subprocess.run(
        [sys.executable, "-m", "kehoach", *args, "--data", str(data)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env=env,
    )


def replaced(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The shipped data; with an 8 MB unit name; with a 15 MB evidence; with a unit file of every
    occurrence it owes up to 2200 done once (2,903 records), and one of those repeated up to the
    file size limit (164,000 records)."""
    base = tmp_path_factory.mktemp("sizes")
    made = {name: base / name for name in ("shipped", "name", "evidence", "records", "repeated")}
    for folder in made.values():
        shutil.copytree(SHIPPED, folder)
    named = made["name"] / "units" / f"{NAMED}.yaml"
    replaced(named, "name: Văn phòng Tỉnh ủy", 'name: "Văn phòng ' + "B" * 8_000_000 + '"')
    proven = made["evidence"] / "units" / f"{NAMED}.yaml"
    record = '  - task: II.2a\n    period: "2022-02"\n    done_on: 2022-02-20\n'
    record += '    evidence: "' + "A" * 15_000_000 + '"\n'
    proven.write_text(proven.read_text(encoding="utf-8") + record, encoding="utf-8")

    owed = kehoach(made["shipped"], base / "cache", "overdue", "--unit", UNIT, "--as-of", "2200-12-31", "-f", "json")
    assert owed.returncode == 0, owed.stderr
    occurrences = json.loads(owed.stdout)
    head = (SHIPPED / "units" / f"{UNIT}.yaml").read_text(encoding="utf-8")

    def record_of(number: int) -> str:
        one = occurrences[number % len(occurrences)]
        return (
            f'  - task: {one["task"]}\n    period: "{one["period"]}"\n'
            f"    done_on: {one['due']}\n    evidence: Báo cáo số {number}-BC/BTG\n"
        )

    every = "".join(record_of(number) for number in range(len(occurrences)))
    (made["records"] / "units" / f"{UNIT}.yaml").write_text(head + every, encoding="utf-8")
    parts, size, number = [head], len(head.encode()), 0
    while size + len(one := record_of(number).encode()) <= FILE_LIMIT - 1024:
        parts.append(one.decode())
        size += len(one)
        number += 1
    (made["repeated"] / "units" / f"{UNIT}.yaml").write_text("".join(parts), encoding="utf-8")
    made["cache"] = base / "cache"
    return made


def runs_of(letter: str, text: str) -> int:
    """How many of ``letter`` the text shows in runs of five or more: the generated value's, not the words'."""
    return sum(len(run) for run in re.findall(f"{letter}{{5,}}", text))


def records_in(path: Path) -> int:
    return path.read_text(encoding="utf-8").count("  - task: ")


def run(folders: dict[str, Path], name: str, *args: str) -> subprocess.CompletedProcess[str]:
    return kehoach(folders[name], folders["cache"] / name, *args)


# --- a long unbroken text ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [("units",), ("overdue", "--as-of", "2023-01-01", "-f", "csv"), ("ics", "--as-of", "2023-01-01"), ("validate",)],
    ids=lambda args: args[0],
)
def test_an_8_mb_unit_name_is_refused_at_its_place(folders: dict[str, Path], args: tuple[str, ...]) -> None:
    """A name is repeated on every row of a listing, every event of a calendar, every line of a
    CSV (an 8 MB name made a 600 MB calendar): one longer than ``NAME_LIMIT`` is a problem."""
    result = run(folders, "name", *args)
    said = result.stdout + result.stderr
    assert result.returncode == 1, said[-2000:]
    assert f"units/{NAMED}.yaml:5:7: name: tên dài 8000010 ký tự, quá giới hạn {NAME_LIMIT};" in said
    assert len(said) < 2000


def test_a_15_mb_evidence_is_shown_cut_and_kept_whole_in_json(folders: dict[str, Path]) -> None:
    table = run(folders, "evidence", "history")
    assert table.returncode == 0, table.stderr[-2000:]
    assert table.stdout.startswith("Đã ghi nhận: 1 bản ghi của 1 đơn vị")
    assert SHOWN_LIMIT // 2 < runs_of("A", table.stdout) < SHOWN_LIMIT and "…" in table.stdout
    machine = run(folders, "evidence", "history", "--format", "json")
    assert machine.returncode == 0, machine.stderr[-2000:]
    (row,) = json.loads(machine.stdout)
    assert row["evidence"] == "A" * 15_000_000


def test_a_15_mb_evidence_does_not_slow_due(folders: dict[str, Path]) -> None:
    result = run(folders, "evidence", "due", "--month", "--as-of", "2022-02-25")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Văn phòng Tỉnh ủy" in result.stdout


# --- a unit file of as many records as fit --------------------------------------------------------


def test_a_unit_file_of_repeated_records_reports_a_bounded_list(folders: dict[str, Path]) -> None:
    count = records_in(folders["repeated"] / "units" / f"{UNIT}.yaml")
    assert count > 150_000
    result = run(folders, "repeated", "validate", "--as-of", "2200-12-31")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == PROBLEMS_PER_FILE + 2  # the first problems, how many more, the summary
    assert all("đã có bản ghi cho" in line for line in lines[:PROBLEMS_PER_FILE])
    problems = count - 2903  # every record after the first round repeats one
    assert f"còn {problems - PROBLEMS_PER_FILE} lỗi nữa trong tệp này" in lines[-2]
    assert lines[-1] == f"Có {problems} lỗi trong 1/34 tệp."


def test_a_command_on_that_file_refuses_with_a_bounded_list(folders: dict[str, Path]) -> None:
    result = run(folders, "repeated", "due", "--as-of", "2200-12-31")
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == PROBLEMS_PER_FILE + 2
    assert lines[-1].startswith("Dữ liệu có ") and "kehoach validate" in lines[-1]


@pytest.mark.parametrize(
    ("args", "start"),
    [
        (["validate", "--as-of", "2200-12-31"], "Hợp lệ: 34 tệp"),
        (["history", "--unit", UNIT, "--as-of", "2200-12-31"], "Đã ghi nhận: 2903 bản ghi của 1 đơn vị"),
        (["overdue", "--unit", UNIT, "--as-of", "2200-12-31"], "Không có việc quá hạn tính đến ngày 31/12/2200"),
    ],
)
def test_every_occurrence_to_2200_done_once_is_answered(folders: dict[str, Path], args: list[str], start: str) -> None:
    result = run(folders, "records", *args)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith(start), result.stdout[:300]


# --- the shipped plan, two centuries on ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "start"),
    [
        (["overdue", "--as-of", "2200-12-31"], "Quá hạn tính đến ngày 31/12/2200: 77286 việc của 33 đơn vị"),
        (["due", "--year", "--as-of", "2200-12-31"], "Tổng quan năm 2200 (01/01/2200 – 31/12/2200)"),
        (["upcoming", "--as-of", "2200-12-31"], "Sắp đến hạn trong 30 ngày tới, tính từ 31/12/2200: 69 việc"),
        (["summary", "--as-of", "2200-12-31"], "Tổng quan Quý IV/2200"),
        (["report", "--as-of", "2200-12-31"], "# Kế hoạch thực hiện"),
        (["ics", "--from", "2190-01-01", "--to", "2199-12-31"], "BEGIN:VCALENDAR"),
    ],
)
def test_the_shipped_plan_in_2200_is_answered(folders: dict[str, Path], args: list[str], start: str) -> None:
    result = run(folders, "shipped", *args)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith(start) and len(result.stdout) > 200
