"""How periods and schedules read in words (each kind's describe, periods.period_label), as a Vietnamese
reader expects."""

from __future__ import annotations

from typing import Any

import pytest

from kehoach.domain.model import Deadline, OnEvent, Ongoing, TermYear, Yearly, Years, describe_schedule
from kehoach.domain.periods import period_label


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
    assert describe_schedule(schedule) == words
