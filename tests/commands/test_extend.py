"""Deadline extensions: ``kehoach extend`` writes them as safely as ``done``; statuses use the deadline in force."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import Cli, edit

EXTEND = ("extend", "II.2", "--unit", "ban-a", "--period", "2022", "--to", "2023-03-31", "--by", "Công văn số 12-CV/TU")


def rows(cli: Cli, data: Path, *args: str) -> list[dict]:
    return json.loads(cli(*args, "--format", "json", "--data", str(data)).stdout)


def test_extend_adds_only_lines_to_the_plan(cli: Cli, tracked: Path) -> None:
    before = (tracked / "plan.yaml").read_text(encoding="utf-8")
    result = cli(*EXTEND, "--on", "20/12/2022", "--data", str(tracked))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "Đã ghi gia hạn: II.2 (Năm 2022) cho ban-a, hạn 31/12/2022 → 31/03/2023 (Công văn số 12-CV/TU).\n"
    )
    after = (tracked / "plan.yaml").read_text(encoding="utf-8")
    assert after == before + (
        "extensions:\n"
        "  - task: II.2\n"
        "    unit: ban-a\n"
        '    period: "2022"\n'
        "    to: 2023-03-31\n"
        "    by: Công văn số 12-CV/TU\n"
        "    on: 2022-12-20\n"
    )
    assert cli("validate", "--data", str(tracked)).exit_code == 0


def test_status_and_lateness_use_the_deadline_in_force(cli: Cli, tracked: Path) -> None:
    overdue = [(r["task"], r["unit"], r["period"]) for r in rows(cli, tracked, "overdue", "--as-of", "2023-01-10")]
    assert overdue == [("II.2", "ban-a", "2022")]
    cli(*EXTEND, "--data", str(tracked))
    assert rows(cli, tracked, "overdue", "--as-of", "2023-01-10") == []
    moved = [r for r in rows(cli, tracked, "due", "--quarter", "--as-of", "2023-02-01") if r["unit"] == "ban-a"]
    assert [(r["task"], r["due"], r["original_due"], r["extended_by"]) for r in moved if r["task"] == "II.2"] == [
        ("II.2", "2023-03-31", "2022-12-31", "Công văn số 12-CV/TU")
    ]
    table = cli("due", "--quarter", "--as-of", "2023-02-01", "--data", str(tracked)).stdout
    assert "(gia hạn từ" in table and "31/12/2022, Công văn số" in table  # the title cell, wrapped as it fits


def test_done_by_the_new_deadline_is_on_time(cli: Cli, tracked: Path) -> None:
    cli(*EXTEND, "--data", str(tracked))
    assert (
        cli(
            "done", "II.2", "--unit", "ban-a", "--period", "2022", "--as-of", "2023-03-15", "--data", str(tracked)
        ).exit_code
        == 0
    )
    # The occurrence now falls due in 2023, so it counts in 2023's report: done on time.
    report = json.loads(
        cli("report", "--year", "2023", "--as-of", "2023-04-01", "--format", "json", "--data", str(tracked)).stdout
    )
    ban_a = next(unit for unit in report["units"] if unit["unit"] == "ban-a")
    item = next(item for item in ban_a["completed_items"] if item["task"] == "II.2")
    assert (item["period"], item["due"], item["status"], item["days_late"]) == ("2022", "2023-03-31", "done", None)
    assert report["extensions"] == [
        {
            "task": "II.2",
            "unit": "ban-a",
            "period": "2022",
            "original_due": "2022-12-31",
            "to": "2023-03-31",
            "by": "Công văn số 12-CV/TU",
            "on": None,
        }
    ]


def test_an_extension_for_every_owner(cli: Cli, tracked: Path) -> None:
    assert (
        cli(
            "extend",
            "II.2",
            "--period",
            "2022",
            "--to",
            "2023-01-31",
            "--by",
            "Thông báo 5-TB/TU",
            "--data",
            str(tracked),
        ).exit_code
        == 0
    )
    assert rows(cli, tracked, "overdue", "--as-of", "2023-01-10") == []


def test_refusals_write_nothing(cli: Cli, tracked: Path) -> None:
    before = (tracked / "plan.yaml").read_bytes()
    cases = [
        ("extend", "II.2", "--period", "2022", "--to", "2022-12-01", "--by", "X"),  # not later
        ("extend", "II.2", "--period", "2019", "--to", "2023-01-01", "--by", "X"),  # no such period
        ("extend", "IX.1", "--period", "2022", "--to", "2023-01-01", "--by", "X"),  # no such task
        ("extend", "III.1.2", "--unit", "huyen-b", "--period", "2022", "--to", "2023-01-01", "--by", "X"),  # not owed
        ("extend", "II.2", "--period", "2022", "--to", "2023-01-01", "--by", " "),  # no document
    ]
    for case in cases:
        result = cli(*case, "--data", str(tracked))
        assert result.exit_code == 2, case
        assert "Traceback" not in result.stderr
    assert (tracked / "plan.yaml").read_bytes() == before


def test_the_same_extension_twice_changes_nothing_and_another_is_refused(cli: Cli, tracked: Path) -> None:
    assert cli(*EXTEND, "--data", str(tracked)).exit_code == 0
    once = (tracked / "plan.yaml").read_bytes()
    again = cli(*EXTEND, "--data", str(tracked))
    assert again.exit_code == 0 and (tracked / "plan.yaml").read_bytes() == once
    other = cli(*EXTEND[:-4], "--to", "2023-06-30", "--by", "Công văn khác", "--data", str(tracked))
    assert other.exit_code == 2 and "extensions" in other.stderr


def test_validation_of_extensions_written_by_hand(cli: Cli, tracked: Path) -> None:
    cli(*EXTEND, "--data", str(tracked))
    edit(tracked / "plan.yaml", "to: 2023-03-31", "to: 2022-11-30")
    result = cli("validate", "--data", str(tracked))
    assert result.exit_code == 1 and "extensions[0].to: hạn mới 30/11/2022 không sau hạn cũ 31/12/2022" in result.stdout


def test_due_and_history_agree_on_an_extended_occurrence_done_after_the_plans_deadline(
    cli: Cli, tmp_path: Path
) -> None:
    """Done within the extension: on time in every view, against the deadline in force."""
    import shutil

    from conftest import SHIPPED_DATA

    data = tmp_path / "data"
    shutil.copytree(SHIPPED_DATA, data)
    occurrence = ("II.2a", "--unit", "huyen-uy-hai-hau")
    extended = cli("extend", *occurrence, "--period", "2022-02", "--to", "2022-04-30", "--by", "Công văn số 3-CV/TU",
                   "--data", str(data))  # fmt: skip
    assert extended.exit_code == 0, extended.stderr
    done = cli("done", *occurrence, "--on", "2022-04-15", "-e", "Kế hoạch số 5-KH/HU", "--as-of", "2022-04-15",
               "--data", str(data))  # fmt: skip
    assert done.exit_code == 0, done.stderr
    due = rows(cli, data, "due", "--month", "--as-of", "2022-04-20", "--unit", "huyen-uy-hai-hau")
    history = rows(cli, data, "history", "II.2a", "--unit", "huyen-uy-hai-hau")
    (in_due,) = [row for row in due if row["task"] == "II.2a"]
    assert (in_due["status"], in_due["due"], in_due["original_due"]) == ("done", "2022-04-30", "2022-02-28")
    assert [(row["outcome"], row["due"], row["original_due"]) for row in history] == [
        ("done", "2022-04-30", "2022-02-28")
    ]
    table = cli("history", "II.2a", "--unit", "huyen-uy-hai-hau", "--data", str(data)).stdout
    assert "30/04/2022" in table and "Hoàn thành muộn" not in table


LATE = ("extend", "II.1", "--period", "2022-Q1", "--by", "Công văn số 3-CV/TU")  # huyen-b: done 05/04/2022, 5 days late


def test_an_extension_after_a_late_completion_says_it_is_now_on_time(cli: Cli, tracked: Path) -> None:
    result = cli(*LATE, "--unit", "huyen-b", "--to", "2022-04-30", "--data", str(tracked))
    assert (result.exit_code, result.stdout) == (
        0,
        "Đã ghi gia hạn: II.1 (Quý I/2022) cho huyen-b, hạn 31/03/2022 → 30/04/2022 (Công văn số 3-CV/TU).\n"
        "Lưu ý: huyen-b đã hoàn thành ngày 05/04/2022, muộn 5 ngày so với hạn 31/03/2022; nay tính là đúng hạn.\n",
    )
    history = rows(cli, tracked, "history", "II.1", "--unit", "huyen-b")
    assert [(row["outcome"], row["due"]) for row in history] == [("done", "2022-04-30")]


def test_an_extension_for_every_owner_says_whose_lateness_it_changes(cli: Cli, tracked: Path) -> None:
    result = cli(*LATE, "--to", "2022-04-02", "--data", str(tracked))  # ban-a was on time: nothing to say
    assert result.stdout == (
        "Đã ghi gia hạn: II.1 (Quý I/2022) cho mọi đơn vị, hạn 31/03/2022 → 02/04/2022 (Công văn số 3-CV/TU).\n"
        "Lưu ý: huyen-b đã hoàn thành ngày 05/04/2022, muộn 5 ngày so với hạn 31/03/2022; nay tính là muộn 3 ngày.\n"
    )


def test_an_extension_for_every_owner_leaves_a_units_own_alone(cli: Cli, tracked: Path) -> None:
    assert cli(*LATE, "--unit", "huyen-b", "--to", "2022-04-03", "--data", str(tracked)).exit_code == 0
    result = cli(*LATE, "--to", "2022-04-30", "--data", str(tracked))
    assert result.stdout == (
        "Đã ghi gia hạn: II.1 (Quý I/2022) cho mọi đơn vị, hạn 31/03/2022 → 30/04/2022 (Công văn số 3-CV/TU).\n"
    )  # huyen-b's own extension (to 03/04/2022) is still the one in force: still 2 days late


def test_an_extension_before_anything_was_done_says_nothing_more(cli: Cli, tracked: Path) -> None:
    result = cli(*EXTEND, "--data", str(tracked))  # ban-a's II.2 for 2022 is not done
    assert result.stdout.count("\n") == 1
