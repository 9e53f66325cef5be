"""The rules on records and extensions are written once (kehoach.domain.rules): a record typed by
hand into a unit file and the same record asked of ``kehoach done`` are refused in the same words,
and so are an extension written into plan.yaml and the same one asked of ``kehoach extend``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import Cli, Result, edit
from kehoach.domain.dataset import Dataset
from kehoach.domain.model import Record
from kehoach.domain.rules import RecordRules, record_problem
from kehoach.files.load import load_valid

Scenario = Callable[[str], Path]

BAD_RECORDS = [
    # (period, day, what is wrong). A period the task does not have is refused by the command line
    # before it reaches the rule, with the periods the unit owes (tests/commands/test_done.py).
    ("2022-Q1", "2021-11-30", "ngày 30/11/2021 trước khi kế hoạch có hiệu lực (01/12/2021)"),
]


@pytest.mark.parametrize(("period", "day", "message"), BAD_RECORDS)
def test_validate_and_done_refuse_a_bad_record_in_the_same_words(
    cli: Cli, scenario: Scenario, period: str, day: str, message: str
) -> None:
    by_hand: Path = scenario("tracked")
    old, new = "period: 2022-Q1\n    done_on: 2022-03-20", f"period: {period}\n    done_on: {day}"
    edit(by_hand / "units" / "ban-a.yaml", old, new)
    validated: Result = cli("validate", "--data", str(by_hand))
    assert validated.exit_code == 1
    assert message in validated.stdout

    fresh: Path = scenario("minimal")
    done: Result = cli(
        "done", "II.1", "--unit", "ban-a", "--period", period, "--on", day, "--as-of", "2022-06-01",
        "--data", str(fresh),
    )  # fmt: skip
    assert done.exit_code == 2
    assert done.stderr == f"lỗi: {message}\n"


BEFORE_ITS_PERIOD = [
    # (task, period, day, as of, what is wrong): a record dated before its period began
    ("II.2", "2023", "2022-12-20", "2023-01-05", "ngày 20/12/2022 trước khi kỳ năm 2023 bắt đầu (01/01/2023)"),
    ("III.1.2", "2023", "2022-06-01", "2022-06-01", "ngày 01/06/2022 trước khi kỳ năm 2023 bắt đầu (01/01/2023)"),
    ("III.1.3", "2025-2030", "2027-06-01", "2027-06-01", "ngày 01/06/2027 trước khi kỳ 2025-2030 bắt đầu (01/01/2028)"),
]


@pytest.mark.parametrize(("ref", "period", "day", "as_of", "message"), BEFORE_ITS_PERIOD)
def test_validate_and_done_refuse_a_record_dated_before_its_period_in_the_same_words(
    cli: Cli, scenario: Scenario, ref: str, period: str, day: str, as_of: str, message: str
) -> None:
    message += "; chưa thể ghi nhận kỳ này"
    by_hand: Path = scenario("minimal")
    edit(
        by_hand / "units" / "ban-a.yaml",
        "records: []",
        f'records:\n  - task: {ref}\n    period: "{period}"\n    done_on: {day}',
    )
    validated: Result = cli("validate", "--as-of", as_of, "--data", str(by_hand))
    assert validated.exit_code == 1
    assert f"records[0].done_on: {message}\n" in validated.stdout

    fresh: Path = scenario("tracked")
    done: Result = cli(
        "done", ref, "--unit", "ban-a", "--period", period, "--on", day, "--as-of", as_of, "--data", str(fresh)
    )
    assert (done.exit_code, done.stderr) == (2, f"lỗi: {message}\n")


def test_validate_and_extend_refuse_a_bad_extension_in_the_same_words(cli: Cli, scenario: Scenario) -> None:
    message = "hạn mới 31/03/2022 không sau hạn cũ 31/03/2022; gia hạn phải lùi hạn về sau"
    asked: Path = scenario("minimal")
    extended: Result = cli(
        "extend", "II.1", "--period", "2022-Q1", "--to", "2022-03-31", "--by", "Công văn số 1-CV/TU",
        "--data", str(asked),
    )  # fmt: skip
    assert (extended.exit_code, extended.stderr) == (2, f"lỗi: {message}\n")

    by_hand: Path = scenario("tracked")
    plan = by_hand / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8")
        + "extensions:\n  - task: II.1\n    period: 2022-Q1\n    to: 2022-03-31\n    by: Công văn số 1-CV/TU\n",
        encoding="utf-8",
    )
    validated: Result = cli("validate", "--data", str(by_hand))
    assert validated.exit_code == 1
    assert f"extensions[0].to: {message}" in validated.stdout


def test_validate_and_done_refuse_a_record_dated_after_the_day_in_the_same_words(cli: Cli, scenario: Scenario) -> None:
    message = "ngày 20/12/2022 là ngày trong tương lai (hôm nay là 19/12/2022)"
    by_hand: Path = scenario("tracked")  # ban-a's III.1.2 for 2022 is dated 20/12/2022
    validated: Result = cli("validate", "--as-of", "2022-12-19", "--data", str(by_hand))
    assert validated.exit_code == 1
    assert f"records[1].done_on: {message}\n" in validated.stdout

    fresh: Path = scenario("minimal")
    done: Result = cli(
        "done", "III.1.2", "--unit", "ban-a", "--period", "2022", "--on", "2022-12-20", "--as-of", "2022-12-19",
        "--data", str(fresh),
    )  # fmt: skip
    assert (done.exit_code, done.stderr) == (2, f"lỗi: {message}\n")


def test_validate_and_extend_refuse_a_decision_dated_after_the_day_in_the_same_words(
    cli: Cli, scenario: Scenario
) -> None:
    message = "ngày 20/02/2022 là ngày trong tương lai (hôm nay là 19/02/2022)"
    asked: Path = scenario("tracked")
    extended: Result = cli(
        "extend", "II.1", "--period", "2022-Q1", "--to", "2022-04-30", "--by", "Công văn số 1-CV/TU",
        "--on", "2022-02-20", "--as-of", "2022-02-19", "--data", str(asked),
    )  # fmt: skip
    assert (extended.exit_code, extended.stderr) == (2, f"lỗi: {message}\n")

    by_hand: Path = scenario("minimal")
    plan = by_hand / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8") + "extensions:\n  - task: II.1\n    period: 2022-Q1\n    to: 2022-04-30\n"
        "    by: Công văn số 1-CV/TU\n    on: 2022-02-20\n",
        encoding="utf-8",
    )
    validated: Result = cli("validate", "--as-of", "2022-02-19", "--data", str(by_hand))
    assert validated.exit_code == 1
    assert f"extensions[0].on: {message}\n" in validated.stdout
    assert cli("validate", "--as-of", "2022-02-20", "--data", str(by_hand)).exit_code == 0


# --- every record of a file at once (RecordRules), and one record alone (record_problem) ----------

REORG = Path(__file__).resolve().parents[1] / "scenarios" / "reorg"


def _reorg_dataset() -> Dataset:
    return load_valid(REORG)


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_the_rules_over_a_whole_file_are_the_rules_for_each_record(data: st.DataObject) -> None:
    """``validate`` asks RecordRules of every file; ``done`` asks record_problem of one record: on
    any records, in any unit (one that ended among them), as of any day, the two agree."""
    dataset = _reorg_dataset()
    unit = data.draw(st.sampled_from(sorted(dataset.units)))
    refs = [*dataset.tasks, "IX.9"]
    periods = ["2022", "2023", "2024", "2025", "2022-Q1", "2024-Q4", "2025-H1", "2020-2025", "2025-2030", "x"]
    days = st.dates(date(2021, 6, 1), date(2027, 12, 31))
    records = [
        Record.model_validate(
            {"task": data.draw(st.sampled_from(refs)), "period": data.draw(st.sampled_from(periods))}
            | ({"done_on": day} if data.draw(st.booleans()) else {"waived_on": day, "reason": "r"})
        )
        for day in data.draw(st.lists(days, max_size=8))
    ]
    today = data.draw(st.none() | days)
    expected = [(index, record_problem(dataset, unit, record, today)) for index, record in enumerate(records)]
    assert list(RecordRules(dataset, today).broken(unit, records)) == [
        (index, broken) for index, broken in expected if broken is not None
    ]
