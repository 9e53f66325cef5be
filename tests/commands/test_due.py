"""``kehoach due``, ``overdue``, ``upcoming``, ``events`` and ``ongoing`` through the real CLI."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pytest

from conftest import SHIPPED_DATA, Cli, Result, edit


def lines(result: Result) -> list[str]:
    return [line.rstrip() for line in result.stdout.splitlines()]


def json_rows(cli: Cli, *args: str) -> list[dict[str, object]]:
    result = cli(*args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows: list[dict[str, object]] = json.loads(result.stdout)
    return rows


def test_due_groups_by_unit_with_counts_and_status_in_words(cli: Cli, tracked: Path) -> None:
    result = cli("due", "--year", "--as-of", "2022-12-31", "--data", str(tracked))
    assert result.exit_code == 0
    assert lines(result) == [
        "Đến hạn trong năm 2022 (01/01/2022 – 31/12/2022), tính đến ngày 31/12/2022",
        "",
        "Ban A Tỉnh ủy (ban-a): 1 chưa đến hạn, 2 hoàn thành",
        "Số hiệu   Nhiệm vụ              Hạn          Trạng thái",
        "─" * 57,
        "II.1      Quán triệt Kết luận   31/03/2022   Hoàn thành",
        "II.2      Kiểm tra hằng năm     31/12/2022   Chưa đến hạn",
        "III.1.2   Hai năm               31/12/2022   Hoàn thành",
        "",
        "Huyện ủy B (huyen-b): 1 hoàn thành muộn, 1 miễn thực hiện",
        "Số hiệu   Nhiệm vụ              Hạn          Trạng thái",
        "─" * 67,
        "II.1      Quán triệt Kết luận   31/03/2022   Hoàn thành muộn 5 ngày",
        "II.2      Kiểm tra hằng năm     31/12/2022   Miễn thực hiện",
        "Không còn việc quá hạn từ các kỳ trước.",
    ]


def test_due_says_how_many_older_ones_are_still_overdue(cli: Cli, tracked: Path) -> None:
    result = cli("due", "--quarter", "--as-of", "2023-02-01", "--data", str(tracked))
    assert lines(result) == [
        "Đến hạn trong Quý I/2023 (01/01/2023 – 31/03/2023), tính đến ngày 01/02/2023: không có nhiệm vụ nào.",
        "Còn 1 việc quá hạn từ các kỳ trước; xem: kehoach overdue --as-of 2023-02-01",
    ]


def test_due_defaults_to_the_quarter(cli: Cli, tracked: Path) -> None:
    default = cli("due", "--as-of", "2022-02-10", "--data", str(tracked))
    assert default.stdout == cli("due", "--quarter", "--as-of", "2022-02-10", "--data", str(tracked)).stdout
    assert "Quý I/2022" in default.stdout


@pytest.mark.parametrize(
    ("flag", "as_of", "count"),
    [
        ("--week", "2022-03-30", 2),
        ("--month", "2022-03-01", 2),
        ("--month", "2022-04-01", 0),
        ("--year", "2022-07-01", 5),
    ],
)
def test_due_windows_are_calendar_periods_around_the_day(
    cli: Cli, tracked: Path, flag: str, as_of: str, count: int
) -> None:
    assert len(json_rows(cli, "due", flag, "--as-of", as_of, "--data", str(tracked))) == count


def test_due_json_and_csv_rows_carry_the_record(cli: Cli, tracked: Path) -> None:
    args = ("due", "--year", "--as-of", "2022-12-31", "--unit", "huyen-b", "--data", str(tracked))
    rows = json_rows(cli, *args)
    assert rows[0] == {
        "task": "II.1",
        "title": "Quán triệt Kết luận",
        "unit": "huyen-b",
        "unit_name": "Huyện ủy B",
        "period": "2022-Q1",
        "due": "2022-03-31",
        "status": "done_late",
        "days_late": 5,
        "done_on": "2022-04-05",
        "evidence": "Báo cáo số 7-BC/HU",
        "waived_on": None,
        "reason": None,
        "inherited_from": None,
        "original_due": None,
        "extended_by": None,
    }
    assert rows[1]["status"] == "waived" and rows[1]["reason"] == "Đã lồng ghép vào kiểm tra của Tỉnh ủy"
    table = list(csv.DictReader(io.StringIO(cli(*args, "--format", "csv").stdout)))
    assert list(table[0]) == list(rows[0])
    assert table[0]["evidence"] == "Báo cáo số 7-BC/HU"


def test_a_record_after_the_as_of_day_is_not_yet_known(cli: Cli, tracked: Path) -> None:
    before = json_rows(cli, "due", "--year", "--as-of", "2022-04-01", "--unit", "huyen-b", "--data", str(tracked))
    assert (before[0]["status"], before[0]["days_late"], before[0]["done_on"]) == ("overdue", 1, None)


def test_overdue_is_oldest_first_with_days_late(cli: Cli, tracked: Path) -> None:
    result = cli("overdue", "--as-of", "2023-03-01", "--data", str(tracked))
    assert lines(result) == [
        "Quá hạn tính đến ngày 01/03/2023: 1 việc",
        "Hạn          Trễ (ngày)   Số hiệu   Đơn vị   Nhiệm vụ",
        "─" * 62,
        "31/12/2022   60           II.2      ban-a    Kiểm tra hằng năm",
    ]
    rows = json_rows(cli, "overdue", "--as-of", "2024-03-01", "--data", str(tracked))
    assert [(row["due"], row["task"], row["unit"]) for row in rows] == [
        ("2022-12-31", "II.2", "ban-a"),
        ("2023-12-31", "II.2", "ban-a"),
        ("2023-12-31", "II.2", "huyen-b"),
        ("2023-12-31", "III.1.2", "ban-a"),
        ("2023-12-31", "III.1.3", "ban-a"),
    ]


def test_overdue_check_exits_1_only_when_something_is_late(cli: Cli, tracked: Path) -> None:
    assert cli("overdue", "--check", "--as-of", "2022-12-31", "--data", str(tracked)).exit_code == 0
    assert cli("overdue", "--check", "--as-of", "2023-01-01", "--data", str(tracked)).exit_code == 1
    assert cli("overdue", "--as-of", "2023-01-01", "--data", str(tracked)).exit_code == 0


def test_upcoming_counts_days_left_and_includes_today(cli: Cli, tracked: Path) -> None:
    result = cli("upcoming", "--as-of", "2022-12-01", "--data", str(tracked))
    assert lines(result) == [
        "Sắp đến hạn trong 30 ngày tới, tính từ 01/12/2022: 2 việc",
        "Hạn          Còn (ngày)   Số hiệu   Đơn vị   Nhiệm vụ",
        "─" * 62,
        "31/12/2022   30           II.2      ban-a    Kiểm tra hằng năm",
        "31/12/2022   30           III.1.2   ban-a    Hai năm",
    ]
    assert len(json_rows(cli, "upcoming", "--days", "29", "--as-of", "2022-12-01", "--data", str(tracked))) == 0
    # On the due day itself an open occurrence is still upcoming (III.1.2 was done on 20/12).
    rows = json_rows(cli, "upcoming", "--days", "0", "--as-of", "2022-12-31", "--data", str(tracked))
    assert [(row["task"], row["due"]) for row in rows] == [("II.2", "2022-12-31")]


def test_event_tasks_wait_until_their_event_has_a_date(cli: Cli, tracked: Path) -> None:
    rows = json_rows(cli, "events", "--data", str(tracked))
    assert rows == [{"id": "su-kien", "name": "Trung ương ban hành quy định", "date": None, "tasks": ["III.2.1"]}]
    assert "III.2.1" not in {
        row["task"] for row in json_rows(cli, "overdue", "--as-of", "2030-01-01", "--data", str(tracked))
    }
    edit(tracked / "plan.yaml", "date: null", "date: 2024-05-10")
    rows = json_rows(cli, "due", "--year", "--as-of", "2024-01-01", "--unit", "huyen-b", "--data", str(tracked))
    assert [(row["task"], row["period"], row["due"]) for row in rows if row["task"] == "III.2.1"] == [
        ("III.2.1", "su-kien", "2024-08-08")  # 90 days after 10/05/2024
    ]


def test_ongoing_lists_undated_tasks_per_unit(cli: Cli, tracked: Path) -> None:
    rows = json_rows(cli, "ongoing", "--data", str(tracked))
    assert [(row["unit"], row["task"]) for row in rows] == [("ban-a", "III.1.1")]
    assert "Ban A Tỉnh ủy (ban-a): 1 nhiệm vụ thường xuyên" in cli("ongoing", "--data", str(tracked)).stdout


@pytest.mark.parametrize("written", ["2022-12-31", "31/12/2022"])
def test_as_of_takes_iso_and_vietnamese_dates(cli: Cli, tracked: Path, written: str) -> None:
    assert "tính đến ngày 31/12/2022" in cli("due", "--as-of", written, "--data", str(tracked)).stdout


def test_today_comes_from_the_environment(cli: Cli, tracked: Path) -> None:
    result = cli("due", "--data", str(tracked), env={"KEHOACH_TODAY": "2022-02-10"})
    assert "tính đến ngày 10/02/2022" in result.stdout


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (("--as-of", "2022-02-30"), {}, "lỗi: --as-of: '2022-02-30' không phải một ngày"),
        ((), {"KEHOACH_TODAY": "hôm nay"}, "lỗi: KEHOACH_TODAY: 'hôm nay' không phải một ngày"),
        (("--week", "--month"), {}, "lỗi: chỉ chọn một trong --week, --month, --quarter, --year"),
    ],
)
def test_bad_options_are_refused_clearly(
    cli: Cli, tracked: Path, args: tuple[str, ...], env: dict[str, str], message: str
) -> None:
    result = cli("due", *args, "--data", str(tracked), env=env)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)


def test_no_escape_codes_when_piped_and_80_columns(cli: Cli) -> None:
    result = cli("due", "--year", "--as-of", "2022-11-15", "--data", str(SHIPPED_DATA))
    assert "\x1b[" not in result.stdout
    assert max(len(line) for line in lines(result)) <= 80


# --- the shipped plan's answers on chosen days ---------------------------------------------------


def due_in(cli: Cli, span: str, as_of: str) -> Counter[tuple[str, str, str]]:
    rows = json_rows(cli, "due", span, "--as-of", as_of, "--data", str(SHIPPED_DATA))
    return Counter((str(row["task"]), str(row["period"]), str(row["due"])) for row in rows)


def test_2022_q1_holds_the_february_and_q1_deadlines(cli: Cli) -> None:
    assert due_in(cli, "--quarter", "2022-02-15") == {
        ("II.2a", "2022-02", "2022-02-28"): 32,  # every unit builds its plan by February
        ("III.5.4", "2022-02", "2022-02-28"): 1,
        ("II.1", "2022-Q1", "2022-03-31"): 32,  # the political study campaign, by Q1
        ("III.7.1", "2022-Q1", "2022-03-31"): 1,
        ("III.10.1", "2022-Q1", "2022-03-31"): 1,
    }


def test_2022_holds_the_yearly_inspections_and_the_2022_reviews(cli: Cli) -> None:
    year = due_in(cli, "--year", "2022-06-30")
    assert sum(year.values()) == 143
    assert year[("II.2b", "2022", "2022-12-31")] == 32 and year[("II.4", "2022", "2022-12-31")] == 32
    reviews = {task for task, _, due in year if due == "2022-12-31" and not task.startswith("II.")}
    assert reviews == {
        "III.3.2", "III.5.2", "III.5.5", "III.5.8", "III.6.1", "III.6.2", "III.6.3",
        "III.7.4", "III.7.5", "III.7.8a", "III.9.3",
    }  # fmt: skip


def test_2023_holds_the_vote_of_confidence_and_the_2023_reviews(cli: Cli) -> None:
    year = due_in(cli, "--year", "2023-03-01")
    assert year[("II.5", "2020-2025", "2023-12-31")] == 32  # party congress term, year 3
    assert year[("II.5", "2021-2026", "2023-12-31")] == 32  # People's Council term, year 3
    assert year[("III.5.7", "2020-2025", "2023-12-31")] == 1
    assert year[("III.1.5", "2023", "2023-12-31")] == 1
    assert year[("III.4.3", "2023", "2023-12-31")] == 6  # every member of the Front's group
    assert {"III.7.7b", "III.7.8c", "III.9.4", "III.9.5", "III.11.3", "III.6.3"} <= {task for task, _, _ in year}


def test_2026_holds_the_ten_year_review_of_directive_05(cli: Cli) -> None:
    year = due_in(cli, "--year", "2026-11-27")
    assert year[("III.7.3b", "2026", "2026-12-31")] == 1
    assert not any(task in {"II.5", "III.5.7"} for task, _, _ in year)


def test_2028_holds_the_next_vote_of_confidence(cli: Cli) -> None:
    year = due_in(cli, "--year", "2028-01-01")
    assert year[("II.5", "2025-2030", "2028-12-31")] == 32
    assert year[("II.5", "2026-2031", "2028-12-31")] == 32
    assert year[("III.5.7", "2025-2030", "2028-12-31")] == 1
    for between in ("2024-06-01", "2025-06-01", "2027-06-01"):
        assert not any(task == "II.5" for task, _, _ in due_in(cli, "--year", between))


def test_event_triggered_tasks_stay_out_of_the_shipped_plan(cli: Cli) -> None:
    for as_of in ("2022-06-01", "2025-06-01", "2030-06-01"):
        assert not any(task in {"III.2.5", "III.12.4"} for task, _, _ in due_in(cli, "--year", as_of))
    events = json_rows(cli, "events", "--data", str(SHIPPED_DATA))
    assert [(row["date"], row["tasks"]) for row in events] == [(None, ["III.2.5"]), (None, ["III.12.4"])]


def test_a_completion_without_its_document_says_so_under_its_status(cli: Cli, unproven: Path) -> None:
    result = cli("due", "--year", "--as-of", "2022-12-31", "--unit", "huyen-b", "--data", str(unproven))
    assert result.stdout == (
        "Đến hạn trong năm 2022 (01/01/2022 – 31/12/2022), tính đến ngày 31/12/2022\n"
        "\n"
        "Huyện ủy B (huyen-b): 1 hoàn thành muộn, 1 miễn thực hiện\n"
        "Số hiệu   Nhiệm vụ              Hạn          Trạng thái\n"
        "───────────────────────────────────────────────────────────────────\n"
        "II.1      Quán triệt Kết luận   31/03/2022   Hoàn thành muộn 5 ngày\n"
        "                                             chưa có văn bản\n"
        "II.2      Kiểm tra hằng năm     31/12/2022   Miễn thực hiện\n"
        "Không còn việc quá hạn từ các kỳ trước.\n"
    )
    rows = json.loads(
        cli("due", "--year", "--as-of", "2022-12-31", "-f", "json", "--unit", "huyen-b", "--data", str(unproven)).stdout
    )
    assert [(row["task"], row["evidence"]) for row in rows] == [("II.1", None), ("II.2", None)]
