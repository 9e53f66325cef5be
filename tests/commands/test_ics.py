"""``kehoach ics``: the calendar export, read back with an independent parser (vobject)."""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import icalendar
import vobject

from conftest import Cli, edit
from kehoach.domain.status import Status
from kehoach.present.statuses import look

PLAN = "ket-luan-so-21-kl-tw.kehoach"
"""What every UID of the tracked plan ends with: the document it implements (see ics.plan_slug)."""


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
    assert sorted(found) == sorted(f"{row['task']}/{row['unit']}/{row['period']}@{PLAN}" for row in rows)
    event = found["III.1.2/ban-a/2023@" + PLAN]
    assert event.dtstart.value == date(2023, 12, 31) and event.dtend.value == date(2024, 1, 1)
    assert event.summary.value == "III.1.2 Hai năm — Ban A Tỉnh ủy"
    assert event.description.value.endswith("Kiểm soát tài sản (năm 2022, 2023).")


def test_done_and_waived_occurrences_are_marked_with_their_record(cli: Cli, tracked: Path) -> None:
    found = events(cli("ics", "--to", "2022-12-31", "--as-of", "2023-01-10", "--data", str(tracked)).stdout)
    done = found["II.1/ban-a/2022-Q1@" + PLAN]
    assert done.summary.value.startswith("✔ II.1")
    assert "Hoàn thành" in done.categories.value
    assert "Hoàn thành ngày 20/03/2022, văn bản: Báo cáo số 45-BC/TU" in done.description.value
    waived = found["II.2/huyen-b/2022@" + PLAN]
    assert waived.summary.value.startswith("✔ ") and "Miễn thực hiện" in waived.categories.value
    open_one = found["II.2/ban-a/2022@" + PLAN]
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
    assert sorted(found) == ["II.1/huyen-b/2022-Q1@" + PLAN]


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
    assert "Hoàn thành ngày 05/04/2022, chưa có văn bản" in found["II.1/huyen-b/2022-Q1@" + PLAN].description.value


def test_a_short_calendar_name_and_uids_that_name_the_plan(cli: Cli, tracked: Path, tmp_path: Path) -> None:
    text = cli("ics", "--to", "2022-12-31", "--as-of", "2023-01-10", "--data", str(tracked)).stdout
    calendar = icalendar.Calendar.from_ical(text)
    assert str(calendar["X-WR-CALNAME"]) == "Kế hoạch thực hiện Kết luận số 21-KL/TW"
    assert vobject.readOne(text).x_wr_calname.value == "Kế hoạch thực hiện Kết luận số 21-KL/TW"
    other = tmp_path / "other"
    shutil.copytree(tracked, other)
    edit(other / "plan.yaml", "implements: Kết luận số 21-KL/TW", "implements: Nghị quyết số 4-NQ/TW, ngày 30/10/2016")
    again = cli("ics", "--to", "2022-12-31", "--as-of", "2023-01-10", "--data", str(other)).stdout
    assert vobject.readOne(again).x_wr_calname.value == "Kế hoạch thực hiện Nghị quyết số 4-NQ/TW"
    assert all(uid.endswith("@nghi-quyet-so-4-nq-tw.kehoach") for uid in events(again))
    assert not set(events(text)) & set(events(again))  # two plans' calendars never clash


def test_remind_gives_each_open_deadline_an_alarm(cli: Cli, tracked: Path) -> None:
    args = ("ics", "--to", "2023-12-31", "--as-of", "2023-01-10", "--data", str(tracked))
    text = cli(*args, "--remind", "7").stdout
    by_vobject = events(text)
    by_icalendar = {str(event["UID"]): event for event in icalendar.Calendar.from_ical(text).walk("VEVENT")}
    still_open = look(Status.open).word
    opened = [uid for uid, event in by_vobject.items() if still_open in event.categories.value]
    assert opened and len(opened) < len(by_vobject)  # open and other statuses both there
    for uid, event in by_icalendar.items():
        alarms = event.walk("VALARM")
        if uid in opened:
            [alarm] = alarms
            assert alarm["TRIGGER"].dt == timedelta(days=-7) and str(alarm["ACTION"]) == "DISPLAY"
            assert by_vobject[uid].valarm.trigger.value == timedelta(days=-7)
        else:
            assert alarms == [], uid  # done, waived or overdue: nothing to be reminded of
    assert "VALARM" not in cli(*args).stdout


def test_text_is_escaped_and_folded_as_rfc_5545_says(cli: Cli, tracked: Path) -> None:
    """By bytes, not by our own parser: folded at 75 octets, lines ended by CRLF, TEXT values
    with ``\\``, ``;``, ``,`` and line breaks escaped, the calendar's name too."""
    edit(tracked / "plan.yaml", "implements: Kết luận số 21-KL/TW", 'implements: "KL 21; bản \\\\sửa"')
    target = tracked / "lich.ics"  # the file's own bytes (the test runner's stdout turns CRLF into LF)
    cli("ics", "--to", "2022-12-31", "--as-of", "2023-01-10", "-o", str(target), "--data", str(tracked))
    raw = target.read_bytes()
    lines = raw.split(b"\r\n")
    assert lines[-1] == b"" and b"\n" not in raw.replace(b"\r\n", b"")  # CRLF, and only CRLF
    assert max(len(line) for line in lines) <= 75  # octets, a continuation's leading space included
    joined = raw.replace(b"\r\n ", b"")  # unfolded: a fold is CRLF and one space, inside a UTF-8 character never
    assert "X-WR-CALNAME:Kế hoạch thực hiện KL 21\\; bản \\\\sửa\r\n".encode() in joined
    # icalendar keeps an X- property's value as written, escapes and all; vobject decodes it
    assert str(icalendar.Calendar.from_ical(raw)["X-WR-CALNAME"]) == "Kế hoạch thực hiện KL 21\\; bản \\\\sửa"
    assert vobject.readOne(raw.decode("utf-8")).x_wr_calname.value == "Kế hoạch thực hiện KL 21; bản \\sửa"
    descriptions = [line for line in joined.split(b"\r\n") if line.startswith(b"DESCRIPTION:")]
    [assets] = [line for line in descriptions if "Kiểm soát tài sản".encode() in line]
    assert assets.endswith("\\n\\nKiểm soát tài sản (năm 2022\\, 2023).".encode())
