"""Dates as users type them (kehoach.cli.dates): ISO or Vietnamese day/month/year, nothing else."""

from __future__ import annotations

from datetime import date

import pytest

from kehoach.cli.dates import parse_user_date
from kehoach.errors import UsageError


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("2022-03-31", date(2022, 3, 31)),
        ("31/03/2022", date(2022, 3, 31)),
        ("5/1/2023", date(2023, 1, 5)),  # day first, as Vietnamese write it: 5 January, not 1 May
        (" 29/02/2024 ", date(2024, 2, 29)),
    ],
)
def test_iso_and_day_month_year_are_read(typed: str, day: date) -> None:
    assert parse_user_date(typed, "--as-of") == day


@pytest.mark.parametrize(
    "typed", ["2022-02-30", "30/02/2022", "29/02/2023", "03/31/2022", "2022/03/31", "31-03-2022", "31/03/22", "hôm nay"]
)
def test_anything_else_is_refused_naming_where_it_came_from(typed: str) -> None:
    with pytest.raises(UsageError) as refused:
        parse_user_date(typed, "KEHOACH_TODAY")
    assert str(refused.value).startswith(
        f"KEHOACH_TODAY: '{typed}' không phải một ngày; viết YYYY-MM-DD hoặc dd/mm/yyyy"
    )
