"""How periods and schedules read in words (each kind's describe, periods.period_label), as a Vietnamese
reader expects."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import SCENARIOS, SHIPPED_DATA
from kehoach.domain.model import Deadline, OnEvent, Ongoing, TermYear, Yearly, Years, describe_schedule
from kehoach.domain.periods import period_label
from kehoach.files.load import load_valid

PLAN = load_valid(SCENARIOS / "minimal")  # a term calendar dai-hoi, 2020-2025, year 1 = 2021


@pytest.mark.parametrize(
    ("key", "label"),
    [
        ("2022", "năm 2022"),
        ("2022-Q1", "Quý I/2022"),
        ("2022-Q4", "Quý IV/2022"),
        ("2022-02", "tháng 02/2022"),
        ("2022-W05", "tuần 05/2022"),
        ("2022-03-31", "31/03/2022"),
        ("2021-2025", "2021-2025"),  # a key of no calendar period is shown as it is
    ],
)
def test_period_keys_read_as_words(key: str, label: str) -> None:
    assert period_label(key) == label


@pytest.mark.parametrize(
    ("model", "fields", "words"),
    [
        (Deadline, {"kind": "deadline", "by": "2022-Q1"}, "trong Quý I/2022"),
        (Deadline, {"kind": "deadline", "by": "2022", "ad_hoc": True}, "trong năm 2022 hoặc đột xuất"),
        (Yearly, {"kind": "yearly", "from": 2022, "until": 2025}, "hằng năm từ 2022 đến 2025"),
        (Years, {"kind": "years", "years": [2022, 2023]}, "các năm 2022, 2023"),
        (Ongoing, {"kind": "ongoing", "from": 2022, "review": "quarterly"}, "thường xuyên từ 2022, sơ kết hằng quý"),
        (TermYear, {"kind": "term_year", "year": 3, "calendars": ["dai-hoi"]}, "năm thứ 3 mỗi nhiệm kỳ"),
        (OnEvent, {"kind": "event", "event": "su-kien", "within_days": 90}, "90 ngày sau sự kiện"),
        (None, {}, "không ghi thời hạn"),
    ],
)
def test_each_schedule_kind_in_words(model: Any, fields: dict[str, Any], words: str) -> None:
    schedule = model.model_validate(fields) if model else None
    assert describe_schedule(schedule, PLAN) == words


@pytest.mark.parametrize(
    ("model", "fields", "words"),
    [
        # The document's words, and nothing more where kehoach's reading adds nothing to them.
        (Ongoing, {"kind": "ongoing"}, "thực hiện thường xuyên"),
        (Ongoing, {"kind": "ongoing"}, "thực hiện thường xuyên hoặc định kỳ"),
        (Ongoing, {"kind": "ongoing", "ad_hoc": True}, "định kỳ hoặc đột xuất"),
        (Ongoing, {"kind": "ongoing", "from": 2022}, "từ năm 2022"),
        (Deadline, {"kind": "deadline", "by": "2022-Q1"}, "hoàn thành trong Quý I/2022"),
        (Deadline, {"kind": "deadline", "by": "2023", "ad_hoc": True}, "trong năm 2023 hoặc đột xuất khi cần thiết"),
        (Years, {"kind": "years", "years": [2022, 2023]}, "năm 2022, 2023"),
        (Yearly, {"kind": "yearly", "from": 2022}, "thực hiện hằng năm từ năm 2022"),
    ],
)
def test_the_documents_words_are_shown_as_written(model: Any, fields: dict[str, Any], words: str) -> None:
    schedule = model.model_validate({**fields, "as_written": words})
    assert describe_schedule(schedule, PLAN) == words


@pytest.mark.parametrize(
    ("model", "fields", "words"),
    [
        # What the data decided that the words leave open, in parentheses after them.
        (
            Yearly,
            {"kind": "yearly", "from": 2022, "as_written": "thực hiện hằng năm"},
            "thực hiện hằng năm (từ năm 2022)",
        ),
        (
            Ongoing,
            {"kind": "ongoing", "review": "quarterly", "as_written": "thực hiện thường xuyên"},
            "thực hiện thường xuyên (sơ kết hằng quý)",
        ),
        (
            Ongoing,
            {"kind": "ongoing", "ad_hoc": True, "as_written": "thực hiện thường xuyên"},
            "thực hiện thường xuyên (hoặc đột xuất)",
        ),
        (
            Years,
            {"kind": "years", "years": [2022, 2023], "due_day": "06-30", "as_written": "năm 2022, 2023"},
            "năm 2022, 2023 (hạn ngày 30/06)",
        ),
        (
            TermYear,
            {"kind": "term_year", "year": 3, "calendars": ["dai-hoi"], "as_written": "năm thứ 3, nhiệm kỳ Đại hội"},
            "năm thứ 3, nhiệm kỳ Đại hội (năm 2023, 2028…)",
        ),
        (
            OnEvent,
            {"kind": "event", "event": "su-kien", "within_days": 90, "as_written": "sau khi Quy định ban hành"},
            "sau khi Quy định ban hành (90 ngày sau sự kiện)",
        ),
        (
            OnEvent,
            {"kind": "event", "event": "su-kien", "as_written": "sau khi Quy định ban hành"},
            "sau khi Quy định ban hành",  # no time limit, as the document says: nothing to add
        ),
    ],
)
def test_kehoachs_reading_follows_where_it_adds_to_the_words(model: Any, fields: dict[str, Any], words: str) -> None:
    assert describe_schedule(model.model_validate(fields), PLAN) == words


def test_the_shipped_plan_reads_as_the_document_writes() -> None:
    """The two phrases kehoach's own reading would blur (issue 13) keep their words."""
    shipped = load_valid(SHIPPED_DATA)
    words = {task.ref: describe_schedule(task.schedule, shipped) for task in shipped.plan.tasks}
    assert words["III.10.3"] == "định kỳ hoặc đột xuất"
    assert words["III.13.4"] == "thực hiện thường xuyên hoặc định kỳ"
    assert words["II.4"] == "thực hiện hằng năm (từ năm 2022)"
    assert words["II.5"] == ("năm thứ 3, nhiệm kỳ Đại hội Đảng, nhiệm kỳ Hội đồng nhân dân các cấp (năm 2023, 2028…)")
    assert words["III.2.5"] == "khi Trung ương triển khai thực hiện"  # no time limit: none added
    assert words["IV.1"] == "không ghi thời hạn"
