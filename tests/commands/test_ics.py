"""``kehoach ics``: the calendar export, read back with an independent parser (vobject)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import vobject

from conftest import Cli


def events(text: str) -> dict[str, vobject.base.Component]:
    calendar = vobject.readOne(text)
    return {event.uid.value: event for event in calendar.vevent_list}


def test_one_all_day_event_per_occurrence_with_the_task_text(cli: Cli, tracked: Path) -> None:
    result = cli("ics", "--to", "2023-12-31", "--as-of", "2023-01-10", "--data", str(tracked))
    assert result.exit_code == 0
    found = events(result.stdout)
    owed = cli("due", "--year", "--as-of", "2022-06-01", "--format", "json", "--data", str(tracked)).stdout
    owed_2023 = cli("due", "--year", "--as-of", "2023-06-01", "--format", "json", "--data", str(tracked)).stdout
    rows = json.loads(owed) + json.loads(owed_2023)
    assert sorted(found) == sorted(f"{row['task']}/{row['unit']}/{row['period']}@kehoach" for row in rows)
    event = found["III.1.2/ban-a/2023@kehoach"]
    assert event.dtstart.value == date(2023, 12, 31) and event.dtend.value == date(2024, 1, 1)
    assert event.summary.value == "III.1.2 Hai năm — Ban A Tỉnh ủy"
    assert event.description.value.endswith("Kiểm soát tài sản (năm 2022, 2023).")


def test_done_and_waived_occurrences_are_marked_with_their_record(cli: Cli, tracked: Path) -> None:
    found = events(cli("ics", "--to", "2022-12-31", "--as-of", "2023-01-10", "--data", str(tracked)).stdout)
    done = found["II.1/ban-a/2022-Q1@kehoach"]
    assert done.summary.value.startswith("✔ II.1")
    assert "Hoàn thành" in done.categories.value
    assert "Hoàn thành ngày 20/03/2022, văn bản: Báo cáo số 45-BC/TU" in done.description.value
    waived = found["II.2/huyen-b/2022@kehoach"]
    assert waived.summary.value.startswith("✔ ") and "Miễn thực hiện" in waived.categories.value
    open_one = found["II.2/ban-a/2022@kehoach"]
    assert not open_one.summary.value.startswith("✔") and "Quá hạn" in open_one.categories.value


def test_re_exports_keep_the_uids_and_reproduce_the_same_file(cli: Cli, tracked: Path) -> None:
    def export(as_of: str) -> str:
        return cli("ics", "--to", "2023-12-31", "--as-of", as_of, "--data", str(tracked)).stdout

    earlier, later = export("2022-02-01"), export("2023-01-10")
    assert set(events(earlier)) == set(events(later))
    assert export("2022-02-01") == earlier


def test_unit_and_dates_narrow_the_export(cli: Cli, tracked: Path) -> None:
    found = events(
        cli(
            "ics",
            "--unit",
            "huyen-b",
            "--from",
            "01/01/2022",
            "--to",
            "2022-06-30",
            "--as-of",
            "2023-01-10",
            "--data",
            str(tracked),
        ).stdout
    )
    assert sorted(found) == ["II.1/huyen-b/2022-Q1@kehoach"]


def test_output_file_is_written_whole(cli: Cli, tracked: Path, tmp_path: Path) -> None:
    target = tmp_path / "lich.ics"
    result = cli("ics", "-o", str(target), "--as-of", "2023-01-10", "--data", str(tracked))
    assert result.exit_code == 0 and "lich.ics" in result.stdout
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    assert events(target.read_text(encoding="utf-8"))
    assert list(tmp_path.glob(".lich.ics.*")) == []


def test_a_folder_that_cannot_be_written_is_an_error_not_a_traceback(cli: Cli, tracked: Path, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "lich.ics"
    result = cli("ics", "-o", str(target), "--data", str(tracked))
    assert (result.exit_code, result.stdout) == (5, "")
    assert result.stderr == (
        f"lỗi: không ghi được {target}: thư mục {target.parent} không tồn tại (hoặc tệp đã bị xóa); "
        "hãy kiểm tra đường dẫn hoặc tạo thư mục trước\n"
    )


def test_a_completion_without_its_document_says_so(cli: Cli, unproven: Path) -> None:
    found = events(cli("ics", "--to", "2022-12-31", "--as-of", "2023-01-10", "--data", str(unproven)).stdout)
    assert "Hoàn thành ngày 05/04/2022, chưa có văn bản" in found["II.1/huyen-b/2022-Q1@kehoach"].description.value
