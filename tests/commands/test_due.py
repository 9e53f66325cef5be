"""``kehoach due``, ``overdue``, ``upcoming``, ``events`` and ``ongoing`` through the real CLI."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from conftest import SHIPPED_DATA, Cli, Result, csv_rows, edit


def lines(result: Result) -> list[str]:
    return [line.rstrip() for line in result.stdout.splitlines()]


def json_rows(cli: Cli, *args: str) -> list[dict[str, object]]:
    result = cli(*args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows: list[dict[str, object]] = json.loads(result.stdout)
    return rows


OVERVIEW_2022 = [
    "Tổng quan năm 2022 (01/01/2022 – 31/12/2022), tính đến ngày 31/12/2022",
    "Đơn vị                 Đến hạn   Đúng hạn   Muộn   Tổng quá   Chưa báo   Tỷ lệ",
    "                                                   hạn        cáo",
    "─" * 78,
    "Ban A Tỉnh ủy          3         2          0      0          0          100%",
    "Huyện ủy B             2         0          1      0          0          100%",
    "Tổng cộng (2 đơn vị)   5         2          1      0          0          100%",
    "Tổng quá hạn: kể cả từ các kỳ trước. Chưa báo cáo: báo cáo định kỳ đến hạn trong",
    "kỳ chưa ghi nhận. Tỷ lệ: số đã hoàn thành trên số đã đến hạn trong kỳ, trừ việc",
    "được miễn.",
]


def test_due_opens_with_the_overview_then_groups_by_unit_with_counts_and_status_in_words(
    cli: Cli, tracked: Path
) -> None:
    result = cli("due", "--year", "--as-of", "2022-12-31", "--data", str(tracked))
    assert result.exit_code == 0
    assert lines(result) == [
        *OVERVIEW_2022,
        "",
        "Đến hạn trong năm 2022 (01/01/2022 – 31/12/2022), tính đến ngày 31/12/2022",
        "",
        "Ban A Tỉnh ủy (ban-a): 1 chưa đến hạn, 2 hoàn thành",
        "Số hiệu   Nhiệm vụ              Kỳ           Hạn          Trạng thái",
        "─" * 73,  # every unit's table at the same widths
        "II.1      Quán triệt Kết luận   Quý I/2022   31/03/2022   Hoàn thành",
        "II.2      Kiểm tra hằng năm     Năm 2022     31/12/2022   Chưa đến hạn",
        "III.1.2   Hai năm               Năm 2022     31/12/2022   Hoàn thành",
        "",
        "Huyện ủy B (huyen-b): 1 hoàn thành muộn, 1 miễn thực hiện",
        "Số hiệu   Nhiệm vụ              Kỳ           Hạn          Trạng thái",
        "─" * 73,
        "II.1      Quán triệt Kết luận   Quý I/2022   31/03/2022   Hoàn thành muộn",
        "                                                          5 ngày",
        "II.2      Kiểm tra hằng năm     Năm 2022     31/12/2022   Miễn thực hiện",
        "Không còn việc quá hạn từ các kỳ trước.",
    ]


def test_due_brief_is_the_overview_alone_with_the_way_to_the_detail(cli: Cli, tracked: Path) -> None:
    found = {"KEHOACH_DATA": str(tracked)}  # the folder found without --data: the hint needs none
    result = cli("due", "--year", "--brief", "--as-of", "2022-12-31", env=found)
    assert lines(result) == [*OVERVIEW_2022, "Chi tiết từng việc:", "  kehoach due --year --as-of 2022-12-31"]
    summary = cli("summary", "--year", "--as-of", "2022-12-31", "--data", str(tracked))
    assert lines(summary) == OVERVIEW_2022


def test_due_says_how_many_older_ones_are_still_overdue(cli: Cli, tracked: Path) -> None:
    result = cli("due", "--quarter", "--as-of", "2023-02-01", env={"KEHOACH_DATA": str(tracked)})
    assert lines(result)[-4:] == [
        "Đến hạn trong Quý I/2023 (01/01/2023 – 31/03/2023), tính đến ngày 01/02/2023:",
        "không có nhiệm vụ nào.",
        "Còn 1 việc quá hạn từ các kỳ trước; xem:",
        "  kehoach overdue --as-of 2023-02-01",
    ]


def test_the_hints_keep_the_filters_and_the_data_folder_asked_for(
    cli: Cli, tracked: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tracked.parent)  # --data as a user types it, relative to where they are
    result = cli("due", "--quarter", "--as-of", "2023-02-01", "-u", "ban-a", "--data", "tracked")
    assert lines(result)[-1] == "  kehoach overdue --as-of 2023-02-01 -u ban-a --data tracked"
    args = ("due", "--brief", "--as-of", "2023-02-01", "-s", "overdue", "-u", "ban-a", "-u", "huyen-b")
    brief = cli(*args, "--data", "tracked")
    assert lines(brief)[-3:] == [  # wrapped between options, never inside one, and pasted whole in a shell
        "Chi tiết từng việc:",
        "  kehoach due --quarter --as-of 2023-02-01 --status overdue -u ban-a \\",
        "    -u huyen-b --data tracked",
    ]
    assert all(len(line) <= 80 for line in lines(brief))


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
        "period_label": "Quý I/2022",
        "kind": "deadline",
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
    table = csv_rows(cli(*args, "--format", "csv").stdout)
    assert list(table[0]) == list(rows[0])
    assert table[0]["evidence"] == "Báo cáo số 7-BC/HU"


def test_a_record_after_the_as_of_day_is_not_yet_known(cli: Cli, tracked: Path) -> None:
    before = json_rows(cli, "due", "--year", "--as-of", "2022-04-01", "--unit", "huyen-b", "--data", str(tracked))
    assert (before[0]["status"], before[0]["days_late"], before[0]["done_on"]) == ("overdue", 1, None)


def test_overdue_is_oldest_first_with_days_late(cli: Cli, tracked: Path) -> None:
    result = cli("overdue", "--as-of", "2023-03-01", "--data", str(tracked))
    assert lines(result) == [
        "Quá hạn tính đến ngày 01/03/2023: 1 việc của 1 đơn vị",
        "",
        "Ban A Tỉnh ủy (ban-a): 1 quá hạn",
        "Số hiệu   Nhiệm vụ            Kỳ         Hạn          Trễ (ngày)",
        "─" * 64,
        "II.2      Kiểm tra hằng năm   Năm 2022   31/12/2022   60",
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
        "Sắp đến hạn trong 30 ngày tới, tính từ 01/12/2022: 2 việc của 1 đơn vị",
        "",
        "Ban A Tỉnh ủy (ban-a): 2 chưa đến hạn",
        "Số hiệu   Nhiệm vụ            Kỳ         Hạn          Còn (ngày)",
        "─" * 64,
        "II.2      Kiểm tra hằng năm   Năm 2022   31/12/2022   30",
        "III.1.2   Hai năm             Năm 2022   31/12/2022   30",
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


def due_in(cli: Cli, span: str, as_of: str, kind: str = "deadline") -> Counter[tuple[str, str, str]]:
    """What falls due, by (task, period, due day): the document's deadlines, or the periodic reports."""
    rows = json_rows(cli, "due", span, "--as-of", as_of, "--data", str(SHIPPED_DATA))
    return Counter((str(row["task"]), str(row["period"]), str(row["due"])) for row in rows if row["kind"] == kind)


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


def test_in_2022_every_owner_of_a_task_without_a_deadline_owes_its_yearly_report(cli: Cli) -> None:
    """The shipped plan's reporting rule (yearly, by 15 December): the 41 ongoing tasks and the 8 the
    document gives no time report once a year for every owner; the first report is 2022's, the first
    whole year after the plan started on 01/12/2021."""
    from kehoach.files.load import load_valid

    plan = load_valid(SHIPPED_DATA)
    without = [
        t for t in plan.plan.tasks if t.schedule is None or (t.schedule.kind == "ongoing" and not t.schedule.review)
    ]
    assert (sum(t.schedule is not None for t in without), sum(t.schedule is None for t in without)) == (41, 8)
    reports = due_in(cli, "--year", "2022-06-30", kind="report")
    assert reports == {(t.ref, "2022", "2022-12-15"): len(plan.task_units(t)) for t in without}
    assert due_in(cli, "--year", "2021-12-20", kind="report") == {}  # 2021 is not a whole year of the plan


def test_2023_holds_the_vote_of_confidence_and_the_2023_reviews(cli: Cli) -> None:
    year = due_in(cli, "--year", "2023-03-01")
    # Year 3 of the party congress term and of the People's Council term: one vote in 2023, under
    # the first calendar's term.
    assert year[("II.5", "2020-2025", "2023-12-31")] == 32
    assert ("II.5", "2021-2026", "2023-12-31") not in year
    assert year[("III.5.7", "2020-2025", "2023-12-31")] == 1
    assert ("III.5.7", "2021-2026", "2023-12-31") not in year
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
    assert ("II.5", "2026-2031", "2028-12-31") not in year
    assert year[("III.5.7", "2025-2030", "2028-12-31")] == 1
    for between in ("2024-06-01", "2025-06-01", "2027-06-01"):
        assert not any(task == "II.5" for task, _, _ in due_in(cli, "--year", between))


def test_the_2023_vote_of_confidence_is_one_row_per_unit(cli: Cli) -> None:
    """The two term calendars both fall due in 2023: one II.5 row for each of the 32 units that owe
    section II (every unit but the Standing Committee), not one per calendar."""
    rows = json_rows(cli, "due", "--year", "--as-of", "2023-06-01", "--data", str(SHIPPED_DATA))
    ii5 = [row for row in rows if row["task"] == "II.5"]
    assert len(ii5) == 32
    assert len({row["unit"] for row in ii5}) == 32
    assert {(row["period"], row["due"]) for row in ii5} == {("2020-2025", "2023-12-31")}
    assert [row["unit"] for row in rows if row["task"] == "III.5.7"] == ["ban-to-chuc-tinh-uy"]
    deadlines = [row for row in rows if row["kind"] == "deadline"]
    assert len(deadlines) == 115  # was 148, with 32 + 1 rows repeated for the People's Council calendar


@pytest.mark.parametrize("period", ["2020-2025", "2021-2026"])
def test_a_record_under_either_calendars_term_counts_for_the_vote(cli: Cli, tmp_path: Path, period: str) -> None:
    """Records written when each calendar owed its own II.5 keep validating and close the one occurrence."""
    data = tmp_path / "data"
    shutil.copytree(SHIPPED_DATA, data)
    unit = data / "units" / "huyen-uy-hai-hau.yaml"
    unit.write_text(
        unit.read_text(encoding="utf-8")
        + f'  - task: II.5\n    period: "{period}"\n    done_on: 2023-11-20\n    evidence: Báo cáo số 7-BC/HU\n',
        encoding="utf-8",
    )
    assert cli("validate", "--data", str(data)).exit_code == 0
    rows = json_rows(cli, "due", "--year", "--as-of", "2023-12-31", "--data", str(data), "--unit", "huyen-uy-hai-hau")
    assert [(row["task"], row["period"], row["status"]) for row in rows if row["task"] == "II.5"] == [
        ("II.5", "2020-2025", "done")
    ]
    again = cli("done", "II.5", "--unit", "huyen-uy-hai-hau", "--period", "2021-2026", "--on", "2023-11-20",
                "-e", "Báo cáo số 7-BC/HU", "--as-of", "2024-01-05", "--data", str(data))  # fmt: skip
    assert again.exit_code == 0, again.stderr
    assert again.stdout == "Đã có bản ghi này từ trước; không thay đổi gì.\n"
    assert unit.read_text(encoding="utf-8").count("task: II.5") == 1


def test_both_names_of_one_vote_still_validate_and_count_once(cli: Cli, tmp_path: Path) -> None:
    """A unit that recorded both votes of 2023 before keeps valid data; the one under the key counts."""
    data = tmp_path / "data"
    shutil.copytree(SHIPPED_DATA, data)
    unit = data / "units" / "huyen-uy-hai-hau.yaml"
    unit.write_text(
        unit.read_text(encoding="utf-8")
        + '  - task: II.5\n    period: "2021-2026"\n    done_on: 2024-01-10\n'
        + '  - task: II.5\n    period: "2020-2025"\n    done_on: 2023-11-20\n',
        encoding="utf-8",
    )
    assert cli("validate", "--data", str(data)).exit_code == 0
    args = ("report", "--year", "2023", "--as-of", "2024-06-01", "--unit", "huyen-uy-hai-hau", "--data", str(data))
    result = cli(*args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    (unit_report,) = json.loads(result.stdout)["units"]
    # II.2b, II.4, II.5, and 12 yearly reports of tasks without a deadline of their own
    assert (unit_report["total"], unit_report["done"], unit_report["done_late"]) == (15, 1, 0)
    assert unit_report["reports"]["total"] == 12
    completed = [(item["task"], item["period"], item["done_on"]) for item in unit_report["completed_items"]]
    assert completed == [("II.5", "2020-2025", "2023-11-20")]  # the record under the occurrence's own key


def test_an_extension_under_the_other_calendars_term_moves_the_one_vote(cli: Cli, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(SHIPPED_DATA, data)
    plan = data / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8")
        + "extensions:\n  - task: II.5\n    unit: huyen-uy-hai-hau\n    period: 2021-2026\n"
        + "    to: 2024-03-31\n    by: Công văn số 9-CV/TU\n",
        encoding="utf-8",
    )
    assert cli("validate", "--data", str(data)).exit_code == 0
    rows = json_rows(cli, "due", "--year", "--as-of", "2024-01-05", "--data", str(data), "--unit", "huyen-uy-hai-hau")
    assert [(row["task"], row["period"], row["due"]) for row in rows if row["task"] == "II.5"] == [
        ("II.5", "2020-2025", "2024-03-31")
    ]


def test_done_names_the_vote_by_the_first_calendars_term(cli: Cli, tmp_path: Path) -> None:
    """Whichever term is typed, the record is written under the occurrence's own key."""
    data = tmp_path / "data"
    shutil.copytree(SHIPPED_DATA, data)
    args = ("done", "II.5", "--unit", "huyen-uy-hai-hau", "--period", "2021-2026", "--on", "2023-11-20")
    result = cli(*args, "--as-of", "2024-01-05", "--data", str(data))
    assert result.exit_code == 0, result.stderr
    assert "II.5 (Nhiệm kỳ Đại hội Đảng bộ tỉnh 2020–2025, hạn 31/12/2023)" in result.stdout
    text = (data / "units" / "huyen-uy-hai-hau.yaml").read_text(encoding="utf-8")
    assert 'period: "2020-2025"' in text or "period: 2020-2025" in text


def test_event_triggered_tasks_stay_out_of_the_shipped_plan(cli: Cli) -> None:
    for as_of in ("2022-06-01", "2025-06-01", "2030-06-01"):
        assert not any(task in {"III.2.5", "III.12.4"} for task, _, _ in due_in(cli, "--year", as_of))
    events = json_rows(cli, "events", "--data", str(SHIPPED_DATA))
    assert [(row["date"], row["tasks"]) for row in events] == [(None, ["III.2.5"]), (None, ["III.12.4"])]


def test_every_task_can_be_recorded_by_the_end_of_2026_or_waits_for_its_event() -> None:
    """Issue 13: the Board follows all 83 obligations, not only those with a date. Each task owes
    at least one occurrence due by 31/12/2026 (a deadline, or a yearly report), except those
    waiting for an event that has not happened yet."""
    from datetime import date

    from kehoach.domain.occurrences import occurrences
    from kehoach.files.load import load_valid

    plan = load_valid(SHIPPED_DATA)
    owed = {occurrence.task for occurrence in occurrences(plan, date(2021, 12, 1), date(2026, 12, 31))}
    waiting = {
        task.ref
        for task in plan.plan.tasks
        if task.schedule is not None and task.schedule.kind == "event" and plan.events[task.schedule.event].date is None
    }
    assert len(plan.plan.tasks) == 83
    assert waiting == {"III.2.5", "III.12.4"}
    assert {task.ref for task in plan.plan.tasks} - owed == waiting


def test_a_completion_without_its_document_says_so_under_its_status(cli: Cli, unproven: Path) -> None:
    result = cli("due", "--year", "--as-of", "2022-12-31", "--unit", "huyen-b", "--data", str(unproven))
    assert result.stdout.split("\n\n", 1)[1] == (
        "Đến hạn trong năm 2022 (01/01/2022 – 31/12/2022), tính đến ngày 31/12/2022\n"
        "\n"
        "Huyện ủy B (huyen-b): 1 hoàn thành muộn, 1 miễn thực hiện\n"
        "Số hiệu   Nhiệm vụ              Kỳ           Hạn          Trạng thái\n"
        "─────────────────────────────────────────────────────────────────────────\n"
        "II.1      Quán triệt Kết luận   Quý I/2022   31/03/2022   Hoàn thành muộn\n"
        "                                                          5 ngày\n"
        "                                                          chưa có văn bản\n"
        "II.2      Kiểm tra hằng năm     Năm 2022     31/12/2022   Miễn thực hiện\n"
        "Không còn việc quá hạn từ các kỳ trước.\n"
    )
    rows = json.loads(
        cli("due", "--year", "--as-of", "2022-12-31", "-f", "json", "--unit", "huyen-b", "--data", str(unproven)).stdout
    )
    assert [(row["task"], row["evidence"]) for row in rows] == [("II.1", None), ("II.2", None)]


def test_a_yearly_report_is_recorded_like_a_deadline_and_every_view_says_it_is_a_report(
    cli: Cli, tmp_path: Path
) -> None:
    """Issue 13: `done II.3` on the shipped data used to say no period was left open."""
    data = tmp_path / "data"
    shutil.copytree(SHIPPED_DATA, data)
    done = cli("done", "II.3", "--unit", "ban-to-chuc-tinh-uy", "-e", "Báo cáo số 1-BC/BTCTU",
               "--as-of", "2022-12-10", "--data", str(data))  # fmt: skip
    assert done.exit_code == 0, done.stderr
    assert done.stdout.startswith("Đã ghi: ban-to-chuc-tinh-uy hoàn thành II.3 (Năm 2022, hạn 15/12/2022)")
    history = cli("history", "II.3", "--data", str(data))
    assert "Báo cáo" in history.stdout  # in the period cell, wrapped as the width allows
    (row,) = json.loads(cli("history", "II.3", "-f", "json", "--data", str(data)).stdout)
    assert (row["kind"], row["outcome"], row["due"]) == ("report", "done", "2022-12-15")
    ics = cli("ics", "--unit", "ban-to-chuc-tinh-uy", "--from", "2022-12-01", "--to", "2022-12-31",
              "--as-of", "2022-12-10", "--data", str(data))  # fmt: skip
    assert "Kỳ: Báo cáo năm 2022" in ics.stdout.replace("\r\n ", "")  # unfolded


def test_status_filters_the_detail_of_due_in_every_format(cli: Cli, tracked: Path) -> None:
    args = ("due", "--year", "--as-of", "2022-12-31", "--data", str(tracked))
    rows = json_rows(cli, *args, "--status", "done", "-s", "waived")
    assert [(row["unit"], row["task"], row["status"]) for row in rows] == [
        ("ban-a", "II.1", "done"),
        ("huyen-b", "II.2", "waived"),
        ("ban-a", "III.1.2", "done"),
    ]  # by due date, as due lists them
    table = lines(cli(*args, "--status", "done_late"))
    detail = table[table.index("") + 1 :]
    assert detail[:2] == [
        "Đến hạn trong năm 2022 (01/01/2022 – 31/12/2022), tính đến ngày 31/12/2022,",
        "trạng thái: hoàn thành muộn",
    ]
    assert "Huyện ủy B (huyen-b): 1 hoàn thành muộn" in detail and "Ban A Tỉnh ủy (ban-a)" not in " ".join(detail)
    assert table[4].startswith("Ban A Tỉnh ủy          3")  # the overview still counts everything
    refused = cli(*args, "--status", "late")
    assert refused.exit_code == 2
    assert "'late'" in refused.stderr and "done_late" in refused.stderr


@pytest.mark.parametrize(
    ("command", "status", "lists"),
    [("overdue", "open", "quá hạn"), ("upcoming", "overdue", "chưa đến hạn")],
)
def test_a_listing_of_one_status_refuses_the_others_and_says_where_they_are(
    cli: Cli, tracked: Path, command: str, status: str, lists: str
) -> None:
    result = cli(command, "--status", status, "-u", "ban-a", "--as-of", "2023-03-01", "--data", str(tracked))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"lỗi: kehoach {command} chỉ liệt kê việc {lists}; ")
    assert f"xem kehoach due --year --as-of 2023-03-01 --status {status} -u ban-a --data {tracked}\n" in result.stderr
    same = cli(
        command, "--status", lists_status(command), "--as-of", "2023-03-01", "-f", "json", "--data", str(tracked)
    )
    assert json.loads(same.stdout) == json.loads(
        cli(command, "--as-of", "2023-03-01", "-f", "json", "--data", str(tracked)).stdout
    )


def lists_status(command: str) -> str:
    return {"overdue": "overdue", "upcoming": "open"}[command]


def test_nothing_to_show_is_said_in_a_sentence(cli: Cli, tracked: Path) -> None:
    overdue = cli("overdue", "--as-of", "2022-03-01", "--data", str(tracked))
    assert overdue.stdout == "Không có việc quá hạn tính đến ngày 01/03/2022.\n"
    assert cli("overdue", "--as-of", "2022-03-01", "-f", "json", "--data", str(tracked)).stdout == "[]\n"
    upcoming = cli("upcoming", "--days", "10", "--as-of", "2022-05-01", "--data", str(tracked))
    assert upcoming.stdout == "Không có việc nào đến hạn trong 10 ngày tới, tính từ 01/05/2022.\n"
    history = cli("history", "--unit", "huyen-b", "--status", "done", "--data", str(tracked))
    assert history.stdout == (
        "Chưa có việc nào được ghi nhận hoàn thành hay miễn (đơn vị huyen-b; trạng thái\nhoàn thành).\n"
    )


def test_the_other_listings_say_when_they_have_nothing(cli: Cli, tracked: Path) -> None:
    ongoing = cli("ongoing", "--unit", "huyen-b", "--data", str(tracked))
    assert ongoing.stdout == "Không có nhiệm vụ thường xuyên nào của đơn vị huyen-b.\n"
    edit(tracked / "plan.yaml", "    schedule: {kind: ongoing}\n", "")  # III.1.1, the one ongoing task
    assert cli("ongoing", "--data", str(tracked)).stdout == "Kế hoạch không có nhiệm vụ thường xuyên nào.\n"
    assert cli("ongoing", "-f", "json", "--data", str(tracked)).stdout == "[]\n"


def test_a_hint_longer_than_the_screen_still_pastes_whole_in_a_shell(
    cli: Cli, tracked: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deep = tmp_path / ("a-folder-with-a-name-longer-than-any-screen-is-wide-" * 2) / "tracked"
    shutil.copytree(tracked, deep)
    monkeypatch.setenv("COLUMNS", "60")
    printed = lines(cli("due", "--as-of", "2023-02-01", "-u", "ban-a", "--data", str(deep)))
    hint = printed[printed.index("Còn 1 việc quá hạn từ các kỳ trước; xem:") + 1 :]
    assert all(len(line) <= 60 for line in printed)
    echoed = subprocess.run(
        ["bash", "-c", "\n".join(hint).replace("kehoach", "printf '%s\\n'", 1)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert echoed.stdout.splitlines() == ["overdue", "--as-of", "2023-02-01", "-u", "ban-a", "--data", str(deep)]
