"""Numbers and dates out of range: refused by ``validate`` and by every option, never computed with.

The plan can mean the days of ``periods.FIRST_DAY`` to ``periods.LAST_DAY`` (years ``MIN_YEAR`` to
``MAX_YEAR``) and counts of at most ``periods.MAX_DAYS`` days. A value outside them is refused in a
sentence naming it and the range (a data file's with its file:line:col); at the edges themselves,
every command answers, and none overflows.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from conftest import SHIPPED_DATA, Cli, edit
from kehoach.commands.schema import schema_of
from kehoach.domain import periods
from kehoach.files.yamlio import document_from_bytes

FIRST, LAST = periods.FIRST_DAY.isoformat(), periods.LAST_DAY.isoformat()
READERS = [("validate",), ("due", "--year"), ("overdue",), ("report", "--year", "2022"), ("history",)]
AS_OF = "2026-06-30"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*.yaml"))}


def answered(cli: Cli, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = cli(*args, env=env)
    text = result.stdout + result.stderr
    assert "Traceback" not in text and "Error" not in text, text
    return result.exit_code, text


# --- the data: every date and count of days in plan.yaml and the unit files ------------------

# (file, text there, text put instead, the value as the refusal names it, the range it names)
DATA_CASES = [
    ("plan.yaml", "starts: 2021-12-01", "starts: 0001-01-01", "0001-01-01", (FIRST, LAST)),
    ("plan.yaml", "date: null", "date: 9999-12-01", "9999-12-01", (FIRST, LAST)),
    ("plan.yaml", "within_days: 90", "within_days: 3000000", "3000000", (str(periods.MAX_DAYS),)),
    ("plan.yaml", "first_term: 2020-2025", "first_term: 2199-2204", "2199-2204", ("1990", "2200")),
    ("plan.yaml", "first_year: 2021", "first_year: 9999", "9999", ("2200",)),
    ("plan.yaml", "{kind: yearly, from: 2022}", "{kind: yearly, from: 2022, until: 9999}", "9999", ("2200",)),
    ("plan.yaml", "years: [2022, 2023]", "years: [2022, 1989]", "1989", ("1990",)),
    (
        "units/huyen-b.yaml",
        "kind: party_committee",
        "kind: party_committee\nuntil: 9999-01-01",
        "9999-01-01",
        (FIRST, LAST),
    ),
    ("units/huyen-b.yaml", "done_on: 2022-04-05", "done_on: 9999-04-05", "9999-04-05", (FIRST, LAST)),
    ("units/huyen-b.yaml", "waived_on: 2022-10-01", "waived_on: 1900-10-01", "1900-10-01", (FIRST, LAST)),
    # a period key with a year out of range: the range sentence, not "the task has no such period"
    ("units/huyen-b.yaml", "period: 2022-Q1", "period: 9999-Q1", "kỳ '9999-Q1' nằm ngoài", ("1990", "2200")),
    ("units/huyen-b.yaml", "period: 2022-Q1", "period: 2199-2204", "kỳ '2199-2204' nằm ngoài", ("1990", "2200")),
    ("units/huyen-b.yaml", "period: 2022-Q1", "period: 2201-W03", "kỳ '2201-W03' nằm ngoài", ("1990", "2200")),
    ("units/huyen-b.yaml", "period: 2022\n", "period: 1989-03-31\n", "kỳ '1989-03-31' nằm ngoài", ("1990", "2200")),
    ("plan.yaml", "by: 2022-Q1", "by: 9999-Q1", "kỳ '9999-Q1' nằm ngoài", ("1990", "2200")),
]


@pytest.mark.parametrize(("where", "old", "new", "value", "bounds"), DATA_CASES, ids=[c[2] for c in DATA_CASES])
@pytest.mark.parametrize("command", READERS, ids=[c[0] for c in READERS])
def test_an_out_of_range_value_in_the_data_is_refused_by_every_reader(
    cli: Cli,
    tracked: Path,
    command: tuple[str, ...],
    where: str,
    old: str,
    new: str,
    value: str,
    bounds: tuple[str, ...],
) -> None:
    edit(tracked / where, old, new)
    before = snapshot(tracked)
    code, text = answered(cli, *command, "--data", str(tracked), "--as-of", AS_OF)
    assert code == 1
    line = next(line for line in text.splitlines() if value in line)
    assert f"{where}:" in line  # file:line:col
    assert all(bound in line for bound in bounds), line
    assert snapshot(tracked) == before


def test_a_period_key_out_of_range_points_at_its_place(cli: Cli, tracked: Path) -> None:
    edit(tracked / "units/huyen-b.yaml", "period: 2022-Q1", "period: 9999-Q1")
    edit(tracked / "units/huyen-b.yaml", "period: 2022\n", "period: 0001\n")
    code, text = answered(cli, "validate", "--data", str(tracked), "--as-of", AS_OF)
    assert code == 1
    unit = tracked / "units/huyen-b.yaml"
    assert text.splitlines()[:2] == [
        f"{unit}:8:13: records[0].period: kỳ '9999-Q1' nằm ngoài các năm kế hoạch có thể hiểu: từ 1990 đến 2200",
        # YAML 1.2 reads 0001 as the number 1, which the sentence names; the place is the file's
        f"{unit}:12:13: records[1].period: kỳ '1' nằm ngoài các năm kế hoạch có thể hiểu: từ 1990 đến 2200",
    ]


def test_a_key_of_another_shape_is_still_looked_up(cli: Cli, tracked: Path) -> None:
    """An event's id or a typo names no year: the task's periods are what the refusal says."""
    edit(tracked / "units/huyen-b.yaml", "period: 2022-Q1", "period: dai-hoi-9999")
    code, text = answered(cli, "validate", "--data", str(tracked), "--as-of", AS_OF)
    assert code == 1 and "không có kỳ 'dai-hoi-9999'" in text and "nằm ngoài" not in text


def test_an_extension_beyond_the_range_is_refused(cli: Cli, tracked: Path) -> None:
    plan = tracked / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8")
        + "extensions:\n  - {task: II.1, period: 2022-Q1, to: 9999-12-31, by: Công văn 1, on: 0001-01-01}\n",
        encoding="utf-8",
    )
    code, text = answered(cli, "validate", "--data", str(tracked), "--as-of", AS_OF)
    assert code == 1
    assert "extensions[0].to: " in text and "9999-12-31" in text
    assert "extensions[0].on: " in text and "0001-01-01" in text


@pytest.mark.usefixtures("english")
def test_a_refusal_is_worded_in_english_too(cli: Cli, tracked: Path) -> None:
    edit(tracked / "plan.yaml", "date: null", "date: 9999-12-01")
    code, text = answered(cli, "validate", "--data", str(tracked), "--as-of", AS_OF)
    assert code == 1
    assert f"date 9999-12-01 is outside the range the plan can mean: {FIRST} to {LAST}" in text


# The JSON Schema says the same as the models (tests/test_schema.py holds the rest of it).
SCHEMA_CASES = [
    ("plan", ["plan", "starts"], "0001-01-01", False),
    ("plan", ["plan", "starts"], "9999-12-31", False),
    ("plan", ["plan", "starts"], FIRST, True),
    ("plan", ["plan", "starts"], LAST, True),
    ("plan", ["term_calendars", 0, "first_term"], "2199-2204", False),
    ("plan", ["term_calendars", 0, "first_term"], "2195-2200", True),
]


UNIT_SCHEMA_CASES = [
    ("9999-Q1", False),
    ("2199-2204", False),
    ("2201-W03", False),
    ("1989-03-31", False),
    (1, False),
    (9999, False),
    ("2200-Q4", True),
    ("1990-01-01", True),
    ("2195-2200", True),
    (2022, True),
    ("su-kien", True),
    ("dai-hoi-9999", True),
]


@pytest.mark.parametrize(("period", "valid"), UNIT_SCHEMA_CASES)
def test_the_schema_refuses_a_record_period_out_of_range(period: str | int, valid: bool) -> None:
    path = SHIPPED_DATA / "units" / sorted(path.name for path in (SHIPPED_DATA / "units").glob("*.yaml"))[0]
    data = document_from_bytes(path, path.read_bytes()).data
    data["records"] = [{"task": "II.1", "period": period, "done_on": "2022-04-05", "evidence": "Báo cáo 1"}]
    assert Draft202012Validator(schema_of("unit")).is_valid(data) is valid


@pytest.mark.parametrize(("which", "where", "value", "valid"), SCHEMA_CASES)
def test_the_schema_refuses_what_validate_refuses(which: str, where: list[str | int], value: str, valid: bool) -> None:
    path = SHIPPED_DATA / "plan.yaml"
    data = document_from_bytes(path, path.read_bytes()).data
    target = data
    for step in where[:-1]:
        target = target[step]
    target[where[-1]] = value
    if where[-1] == "first_term":
        data["term_calendars"][0]["first_year"] = int(value[:4]) + 1
    assert Draft202012Validator(schema_of(which)).is_valid(data) is valid


# --- the options: every date and number a command is given ------------------------------------

OPTION_CASES = [
    (("overdue", "--as-of", "0001-01-01"), "0001-01-01"),
    (("due", "--as-of", "9999-12-31"), "9999-12-31"),
    (("history", "--as-of", "1989-12-31"), "1989-12-31"),
    (("report", "--as-of", "2201-01-01"), "2201-01-01"),
    (("report", "--from", "0001-01-01", "--to", "2022-12-31"), "0001-01-01"),
    (("report", "--from", "2022-01-01", "--to", "9999-12-31"), "9999-12-31"),
    (("ics", "--to", "9999-12-31"), "9999-12-31"),
    (("ics", "--from", "31/12/1989"), "31/12/1989"),
    (("upcoming", "--days", "3651"), "3651"),
    (("upcoming", "--days", "3000000"), "3000000"),
    (("report", "--year", "9999"), "9999"),
    (("report", "--year", "1989"), "1989"),
]


@pytest.mark.parametrize(("args", "value"), OPTION_CASES, ids=[" ".join(c[0]) for c in OPTION_CASES])
def test_an_out_of_range_option_is_refused(cli: Cli, tracked: Path, args: tuple[str, ...], value: str) -> None:
    before = snapshot(tracked)
    code, text = answered(cli, *args, "--data", str(tracked))
    assert code == 2
    assert value in text
    assert (FIRST in text and LAST in text) or (str(periods.MAX_DAYS) in text) or ("2200" in text), text
    assert snapshot(tracked) == before


PERIOD_CASES = [
    ("done", "II.1", "-u", "huyen-b", "-p", "9999-Q1", "-e", "Báo cáo 1"),
    ("done", "II.2", "-u", "ban-a", "-p", "0001-Q1", "-e", "Báo cáo 1"),
    ("done", "II.2", "-u", "ban-a", "-p", "9999", "-e", "Báo cáo 1"),
    ("done", "II.2", "-u", "ban-a", "-p", "Năm 0001", "-e", "Báo cáo 1"),
    ("done", "II.1", "-u", "ban-a", "-p", "Quý I/9999", "-e", "Báo cáo 1"),
    ("done", "III.1.3", "-u", "ban-a", "-p", "2199-2204", "-e", "Báo cáo 1"),
    ("waive", "II.2", "-u", "ban-a", "-p", "2201", "--reason", "Lồng ghép"),
    ("waive", "II.1", "-u", "ban-a", "-p", "Q1 9999", "--reason", "Lồng ghép"),
    ("extend", "II.1", "-u", "ban-a", "-p", "9999-Q1", "--to", "2022-06-30", "--by", "Công văn 1"),
    ("undo", "II.1", "-u", "huyen-b", "-p", "9999-Q1"),
    ("undo", "II.2", "-u", "huyen-b", "-p", "Năm 1989"),
]


@pytest.mark.parametrize("args", PERIOD_CASES, ids=[" ".join(c[:2] + c[4:6]) for c in PERIOD_CASES])
def test_a_period_out_of_range_is_refused_by_every_option(cli: Cli, tracked: Path, args: tuple[str, ...]) -> None:
    before = snapshot(tracked)
    day = () if args[0] == "undo" else ("--as-of", "2023-01-10")  # undo needs no day
    code, text = answered(cli, *args, "--data", str(tracked), *day)
    typed = args[args.index("-p") + 1]
    assert (code, text) == (
        2,
        f"lỗi: --period: kỳ '{typed}' nằm ngoài các năm kế hoạch có thể hiểu: từ 1990 đến 2200\n",
    )
    assert snapshot(tracked) == before


def test_a_period_in_range_the_task_lacks_is_still_said_so(cli: Cli, tracked: Path) -> None:
    code, text = answered(
        cli, "done", "II.1", "-u", "huyen-b", "-p", "2200-Q1", "-e", "B", "--data", str(tracked), "--as-of", AS_OF
    )
    assert code == 2 and "không có kỳ '2200-Q1'" in text


def test_the_day_from_the_environment_is_refused_out_of_range(cli: Cli, tracked: Path) -> None:
    code, text = answered(cli, "overdue", "--data", str(tracked), env={"KEHOACH_TODAY": "9999-12-31"})
    assert code == 2
    assert "KEHOACH_TODAY" in text and "9999-12-31" in text and LAST in text


@pytest.mark.parametrize("on", ["0001-01-01", "2201-01-01"])
def test_done_refuses_a_day_out_of_range_and_writes_nothing(cli: Cli, tracked: Path, on: str) -> None:
    before = snapshot(tracked)
    code, text = answered(
        cli, "done", "II.2", "-u", "ban-a", "-p", "2023", "-e", "Báo cáo 1", "--on", on, "--data", str(tracked)
    )
    assert code == 2
    assert "--on" in text and on in text and FIRST in text
    assert snapshot(tracked) == before


def test_ics_refuses_a_window_of_centuries_at_once(cli: Cli, tmp_path: Path) -> None:
    data = shutil.copytree(SHIPPED_DATA, tmp_path / "data")
    started = time.monotonic()
    code, text = answered(cli, "ics", "--from", FIRST, "--to", LAST, "--data", str(data), "--as-of", LAST)
    assert time.monotonic() - started < 10
    assert code == 2
    assert FIRST in text and LAST in text and "10" in text


# --- the edges themselves: every command answers, none overflows ---------------------------


@pytest.fixture
def at_the_edges(tracked: Path) -> Path:
    """The tracked plan with its event on the last day, due the longest time after it."""
    edit(tracked / "plan.yaml", "date: null", f"date: {LAST}")
    edit(tracked / "plan.yaml", "within_days: 90", f"within_days: {periods.MAX_DAYS}")
    edit(tracked / "plan.yaml", "{kind: yearly, from: 2022}", f"{{kind: yearly, from: {periods.MIN_YEAR}}}")
    return tracked


EDGE_COMMANDS = [
    ("validate",),
    ("due", "--year"),
    ("due", "--week"),
    ("overdue",),
    ("upcoming", "--days", str(periods.MAX_DAYS)),
    ("report", "--year", str(periods.MIN_YEAR)),
    ("report", "--year", str(periods.MAX_YEAR)),
    ("report", "--from", FIRST, "--to", LAST),
    ("history",),
    ("summary", "--year"),
    ("ics",),
]


@pytest.mark.parametrize("day", [FIRST, LAST])
@pytest.mark.parametrize("command", EDGE_COMMANDS, ids=[" ".join(c) for c in EDGE_COMMANDS])
def test_every_command_answers_at_the_edges(cli: Cli, at_the_edges: Path, command: tuple[str, ...], day: str) -> None:
    before = snapshot(at_the_edges)
    code, text = answered(cli, *command, "--data", str(at_the_edges), "--as-of", day)
    # overdue says 1 when something is overdue; validate, when a record is dated after the day it is
    # run for (records of 2022 on 01/01/1990): answers, in sentences, not crashes
    assert code in (0, 1) if command[0] in ("overdue", "validate") else code == 0, text
    assert text.strip()
    assert snapshot(at_the_edges) == before


@pytest.mark.parametrize(("first", "last"), [(FIRST, "1999-12-31"), ("2191-01-01", LAST)])
def test_ics_writes_ten_years_at_either_edge_in_time(cli: Cli, tmp_path: Path, first: str, last: str) -> None:
    data = shutil.copytree(SHIPPED_DATA, tmp_path / "data")
    edit(data / "plan.yaml", "    date: null", f"    date: {periods.day_in_year(2191, 1, 1).isoformat()}")
    started = time.monotonic()
    code, text = answered(cli, "ics", "--from", first, "--to", last, "--data", str(data), "--as-of", LAST)
    assert time.monotonic() - started < 10
    assert code == 0 and text.startswith("BEGIN:VCALENDAR")


def done_on(cli: Cli, data: Path, period: str, day: str) -> tuple[int, str]:
    """``done II.2`` for ban-a of ``period``, on ``day`` and as of it."""
    args = ("done", "II.2", "-u", "ban-a", "-p", period, "-e", "Báo cáo 1", "--on", day, "--as-of", day)
    return answered(cli, *args, "--data", str(data))


def test_done_on_the_last_day_is_recorded_and_read_back(cli: Cli, at_the_edges: Path) -> None:
    code, text = done_on(cli, at_the_edges, "2200", LAST)
    assert code == 0, text
    assert f"done_on: {LAST}" in (at_the_edges / "units/ban-a.yaml").read_text(encoding="utf-8")
    for command in (("validate",), ("history",), ("overdue",), ("report", "--year", str(periods.MAX_YEAR))):
        code, text = answered(cli, *command, "--data", str(at_the_edges), "--as-of", LAST)
        assert code in (0, 1) if command[0] == "overdue" else code == 0, text


def test_done_on_the_first_day_is_refused_before_the_plan_starts(cli: Cli, at_the_edges: Path) -> None:
    before = snapshot(at_the_edges)
    code, text = done_on(cli, at_the_edges, "1990", FIRST)
    assert code != 0 and text.strip()
    assert snapshot(at_the_edges) == before
