"""``kehoach event``: an event tasks wait for is recorded in the plan, as safely as ``done`` writes."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import Cli, edit

EVENT = ("event", "su-kien", "--on", "2022-05-10", "--by", "Quy định số 22-QĐ/TW", "--as-of", "2022-06-01")


def test_event_sets_the_date_and_the_document_by_changing_only_those_lines(cli: Cli, minimal: Path) -> None:
    before = (minimal / "plan.yaml").read_text(encoding="utf-8")
    result = cli(*EVENT, "--data", str(minimal))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "Đã ghi: sự kiện 'Trung ương ban hành quy định' xảy ra ngày 10/05/2022 (Quy định số 22-QĐ/TW); "
        "nhiệm vụ được triển khai từ đó: III.2.1.\n"
    )
    after = (minimal / "plan.yaml").read_text(encoding="utf-8")
    assert after == before.replace("    date: null\n", "    date: 2022-05-10\n    by: Quy định số 22-QĐ/TW\n")
    assert cli("validate", "--data", str(minimal)).exit_code == 0
    again = cli(*EVENT, "--data", str(minimal))
    assert (again.exit_code, again.stdout) == (0, "Đã có bản ghi này từ trước; không thay đổi gì.\n")


def test_from_the_event_its_task_is_owed(cli: Cli, minimal: Path) -> None:
    cli(*EVENT, "--data", str(minimal))
    rows = json.loads(cli("due", "--year", "--as-of", "2022-06-01", "-f", "json", "--data", str(minimal)).stdout)
    assert [(row["task"], row["due"], row["kind"]) for row in rows if row["task"] == "III.2.1"] == [
        ("III.2.1", "2022-08-08", "deadline")  # within_days: 90 after 10/05/2022
    ]


def test_without_a_time_limit_an_event_task_is_reported_on_from_the_event(cli: Cli, minimal: Path) -> None:
    edit(minimal / "plan.yaml", "within_days: 90", "ad_hoc: false")
    plan = (minimal / "plan.yaml").read_text(encoding="utf-8")
    (minimal / "plan.yaml").write_text(plan + "reporting:\n  every: quarterly\n  day: 20\n", encoding="utf-8")
    cli(*EVENT, "--data", str(minimal))
    rows = json.loads(cli("due", "--year", "--as-of", "2022-06-01", "-f", "json", "--data", str(minimal)).stdout)
    owed = [(row["period"], row["due"], row["kind"]) for row in rows if row["task"] == "III.2.1"]
    # 10/05/2022 falls in Q2: the first whole quarter after it is Q3
    assert owed == [("2022-Q3", "2022-09-20", "report"), ("2022-Q4", "2022-12-20", "report")]


def test_event_refuses_what_it_cannot_mean(cli: Cli, minimal: Path) -> None:
    unknown = cli(
        "event", "su-kin", "--on", "2022-05-10", "--by", "QĐ", "--as-of", "2022-06-01", "--data", str(minimal)
    )
    assert (unknown.exit_code, unknown.stderr) == (
        2,
        "lỗi: không có sự kiện 'su-kin'; có phải ý bạn là 'su-kien'?; xem: kehoach events\n",
    )
    future = cli(
        "event", "su-kien", "--on", "2022-07-01", "--by", "QĐ", "--as-of", "2022-06-01", "--data", str(minimal)
    )
    assert future.exit_code == 2 and "trong tương lai" in future.stderr
    cli(*EVENT, "--data", str(minimal))
    other = cli("event", "su-kien", "--on", "2022-05-11", "--by", "QĐ", "--as-of", "2022-06-01", "--data", str(minimal))
    assert other.exit_code == 2 and "đã ghi xảy ra ngày 10/05/2022" in other.stderr
