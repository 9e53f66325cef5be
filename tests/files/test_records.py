"""Turning a command line into a record (kehoach.files.records): which task, unit and period it
means, and which text is refused before anything is written."""

from __future__ import annotations

import re
from datetime import date

import pytest

from conftest import SCENARIOS
from kehoach.domain.model import Extension, Record
from kehoach.errors import UsageError
from kehoach.files.load import load_valid
from kehoach.files.records import checked_record, from_options, owned_task, period_for, record_lines

TRACKED = load_valid(SCENARIOS / "tracked")


def test_a_group_is_refused_with_its_members() -> None:
    with pytest.raises(UsageError, match="'ca-hai' là một nhóm; hãy chọn một đơn vị: ban-a, huyen-b"):
        owned_task(TRACKED, "II.1", "ca-hai")


def test_a_unit_not_owing_the_task_is_refused() -> None:
    with pytest.raises(UsageError, match=re.escape("đơn vị 'huyen-b' không được giao nhiệm vụ III.1.1")):
        owned_task(TRACKED, "III.1.1", "huyen-b")


def test_without_a_period_the_oldest_open_one_is_taken() -> None:
    task, unit = owned_task(TRACKED, "II.2", "ban-a")
    assert period_for(TRACKED, task, unit, None, date(2024, 3, 1)) == "2022"  # 2022 and 2023 are still open
    assert period_for(TRACKED, task, unit, "2023", date(2024, 3, 1)) == "2023"


def test_when_nothing_is_left_open_it_says_to_name_the_period() -> None:
    task, unit = owned_task(TRACKED, "II.1", "ban-a")  # done on 20/03/2022
    with pytest.raises(
        UsageError,
        match=re.escape("đơn vị 'ban-a' đã ghi nhận mọi kỳ của nhiệm vụ II.1 đến nay; chỉ rõ kỳ bằng --period"),
    ):
        period_for(TRACKED, task, unit, None, date(2022, 6, 1))


def test_a_checked_record_comes_with_its_deadline_in_force() -> None:
    record, occurrence = checked_record(
        TRACKED, "ban-a", date(2023, 1, 5), task="II.2", period="2022", done_on=date(2023, 1, 5), evidence="BC 1"
    )
    assert record.done_on == date(2023, 1, 5)
    assert (occurrence.due, occurrence.original) == (date(2022, 12, 31), None)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"evidence": "  "}, "--evidence không được để trống"),
        ({"evidence": "BC \udcff"}, "--evidence có byte không phải UTF-8; hãy gõ lại"),
        ({"period": "2022 Q1"}, "--period: "),
    ],
)
def test_text_that_cannot_be_stored_is_refused_by_its_option(fields: dict[str, object], message: str) -> None:
    values = {"task": "II.1", "period": "2022-Q1", "done_on": date(2022, 3, 1), **fields}
    with pytest.raises(UsageError) as refused:
        from_options(Record, **values)
    assert str(refused.value).startswith(message)


def test_an_extension_is_built_like_a_record() -> None:
    extension = from_options(Extension, task="II.1", period="2022-Q1", to=date(2022, 4, 30), by="CV 1", unit=None)
    assert (extension.unit, extension.to) == (None, date(2022, 4, 30))


def test_record_lines_quote_what_yaml_would_read_as_something_else() -> None:
    record = Record.model_validate({"task": "II.1", "period": "2022", "done_on": "2022-03-01", "evidence": "no"})
    lines = record_lines(record)
    assert list(lines) == ["task", "period", "done_on", "evidence"]
    assert (lines["period"], lines["evidence"]) == ('"2022"', '"no"')
