"""The rules on records and extensions are written once (kehoach.domain.rules): a record typed by
hand into a unit file and the same record asked of ``kehoach done`` are refused in the same words,
and so are an extension written into plan.yaml and the same one asked of ``kehoach extend``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Cli, Result, edit

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
