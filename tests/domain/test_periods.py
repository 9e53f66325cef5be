"""Calendar periods: the date arithmetic every due date rests on, by example and by property.

Expected values are written out by hand or computed with the standard library (``calendar``,
``date.isocalendar``) rather than with :mod:`kehoach.domain.periods` itself, so a wrong month length or
week boundary cannot agree with itself.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.domain.periods import (
    MAX_YEAR,
    MIN_YEAR,
    Period,
    containing,
    day,
    day_in_year,
    iso_week,
    last_day,
    month,
    parse_period,
    period_label,
    quarter,
    year,
)

SPANS = ("week", "month", "quarter", "year")
# Days a period of each span may have: the tiling property alone would accept a period that is
# one day long, so the lengths pin down that each span really is a week, month, quarter or year.
SPAN_DAYS = {"week": {7}, "month": {28, 29, 30, 31}, "quarter": {90, 91, 92}, "year": {365, 366}}

any_day = st.dates(date(MIN_YEAR, 1, 1), date(MAX_YEAR, 12, 31))
spans = st.sampled_from(SPANS)


def days(period: Period) -> int:
    return (period.end - period.start).days + 1


# --- examples ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("index", "start", "end"),
    [
        (1, date(2022, 1, 1), date(2022, 3, 31)),
        (2, date(2022, 4, 1), date(2022, 6, 30)),
        (3, date(2022, 7, 1), date(2022, 9, 30)),
        (4, date(2022, 10, 1), date(2022, 12, 31)),
    ],
)
def test_quarters_run_from_the_first_of_their_first_month_to_the_end_of_their_third(
    index: int, start: date, end: date
) -> None:
    assert quarter(2022, index) == Period(start, end, f"2022-Q{index}")


@pytest.mark.parametrize(
    ("number", "index", "end"),
    [
        (2022, 1, date(2022, 1, 31)),
        (2022, 2, date(2022, 2, 28)),  # common year
        (2024, 2, date(2024, 2, 29)),  # leap year
        (2000, 2, date(2000, 2, 29)),  # divisible by 400: leap
        (2100, 2, date(2100, 2, 28)),  # divisible by 100 only: common
        (2022, 4, date(2022, 4, 30)),
        (2022, 12, date(2022, 12, 31)),
    ],
)
def test_months_end_on_their_last_day_february_included(number: int, index: int, end: date) -> None:
    assert month(number, index) == Period(date(number, index, 1), end, f"{number}-{index:02d}")
    assert last_day(number, index) == end.day


def test_a_year_and_a_day_are_named_by_their_keys() -> None:
    assert year(2022) == Period(date(2022, 1, 1), date(2022, 12, 31), "2022")
    assert day(date(2022, 3, 5)) == Period(date(2022, 3, 5), date(2022, 3, 5), "2022-03-05")


@pytest.mark.parametrize(
    ("number", "expected"),
    [(2023, date(2023, 2, 28)), (2024, date(2024, 2, 29)), (2100, date(2100, 2, 28)), (2000, date(2000, 2, 29))],
)
def test_29_february_falls_on_the_28th_in_common_years(number: int, expected: date) -> None:
    assert day_in_year(number, 2, 29) == expected


def test_other_days_in_year_are_taken_as_written() -> None:
    assert day_in_year(2023, 6, 30) == date(2023, 6, 30)
    assert day_in_year(2023, 12, 31) == date(2023, 12, 31)


@pytest.mark.parametrize(
    ("when", "key", "start"),
    [
        (date(2021, 1, 1), "2020-W53", date(2020, 12, 28)),  # a Friday still in 2020's last week
        (date(2021, 1, 3), "2020-W53", date(2020, 12, 28)),  # the Sunday that ends it
        (date(2021, 1, 4), "2021-W01", date(2021, 1, 4)),
        (date(2019, 12, 30), "2020-W01", date(2019, 12, 30)),  # a December Monday in next year's week 1
        (date(2022, 1, 2), "2021-W52", date(2021, 12, 27)),
        (date(2026, 1, 1), "2026-W01", date(2025, 12, 29)),  # a Thursday: week 1 starts in December
    ],
)
def test_iso_weeks_cross_the_year_boundary(when: date, key: str, start: date) -> None:
    assert iso_week(when) == Period(start, start + timedelta(days=6), key)
    assert containing(when, "week") == iso_week(when)


@pytest.mark.parametrize("key", ["2022", "2022-Q1", "2022-Q4", "2022-02", "2024-02", "2022-03-31", "1990", "2200"])
def test_parse_period_round_trips_its_keys(key: str) -> None:
    assert parse_period(key).key == key


def test_parse_period_gives_the_whole_period() -> None:
    assert parse_period("2022-Q1") == Period(date(2022, 1, 1), date(2022, 3, 31), "2022-Q1")
    assert parse_period("2024-02") == Period(date(2024, 2, 1), date(2024, 2, 29), "2024-02")
    assert parse_period("2022") == Period(date(2022, 1, 1), date(2022, 12, 31), "2022")


@pytest.mark.parametrize(
    "text",
    [
        "2022-Q5",
        "2022-Q0",
        "2022-q1",  # keys are written one way only
        "2022-13",
        "2022-00",
        "2022-2",
        "22",
        "",
        " 2022",
        "2022-02-30",
        "1989",  # outside the years kehoach handles
        "2201",
        "2201-Q1",
        "1989-12",
    ],
)
def test_parse_period_refuses_what_is_not_a_period(text: str) -> None:
    with pytest.raises(ValueError):
        parse_period(text)


def test_parse_period_says_why() -> None:
    with pytest.raises(ValueError, match="month 13"):
        parse_period("2022-13")
    with pytest.raises(ValueError, match="1989"):
        parse_period("1989")


@pytest.mark.parametrize("text", ["1989-06-30", "2201-01-01"])
def test_parse_period_refuses_day_keys_outside_the_year_range(text: str) -> None:
    """Found by these tests: the range was checked for years, quarters and months but not for days."""
    with pytest.raises(ValueError):
        parse_period(text)


def test_containing_refuses_an_unknown_span() -> None:
    """mypy refuses it first (Span is a Literal); at run time it still fails loudly, never a default."""
    with pytest.raises(AssertionError, match="fortnight"):
        containing(date(2022, 1, 1), "fortnight")  # type: ignore[arg-type]


def test_a_period_contains_only_dates_within_it() -> None:
    q1 = quarter(2022, 1)
    assert date(2022, 1, 1) in q1
    assert date(2022, 3, 31) in q1
    assert date(2021, 12, 31) not in q1
    assert date(2022, 4, 1) not in q1
    assert "2022-02-01" not in q1


# --- properties --------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(any_day, spans)
def test_a_day_lies_in_the_period_containing_it(when: date, span: str) -> None:
    period = containing(when, span)
    assert when in period
    assert days(period) in SPAN_DAYS[span]


@settings(max_examples=200, deadline=None)
@given(any_day, spans)
def test_every_day_of_a_period_names_the_same_period(when: date, span: str) -> None:
    """Its first and last day give back the same period: ends are neither short nor long."""
    period = containing(when, span)
    assert containing(period.start, span) == period
    assert containing(period.end, span) == period


@settings(max_examples=200, deadline=None)
@given(any_day, spans)
def test_consecutive_periods_tile_without_gaps(when: date, span: str) -> None:
    """The next period starts the day after this one ends, and the day before belongs to the previous."""
    period = containing(when, span)
    following = containing(period.end + timedelta(days=1), span)
    previous = containing(period.start - timedelta(days=1), span)
    assert following.start == period.end + timedelta(days=1)
    assert previous.end == period.start - timedelta(days=1)
    assert len({previous.key, period.key, following.key}) == 3


@settings(max_examples=200, deadline=None)
@given(any_day, st.sampled_from(("month", "quarter", "year")))
def test_parse_period_inverts_the_key(when: date, span: str) -> None:
    period = containing(when, span)
    assert parse_period(period.key) == period


@settings(max_examples=200, deadline=None)
@given(any_day)
def test_keys_name_the_calendar_period_of_the_day(when: date) -> None:
    """Checked against the standard library, not against kehoach's own arithmetic."""
    iso_year, iso_number, _ = when.isocalendar()
    assert containing(when, "week").key == f"{iso_year}-W{iso_number:02d}"
    assert containing(when, "week").start.weekday() == 0
    assert containing(when, "month").key == f"{when.year}-{when.month:02d}"
    assert containing(when, "month").end.day == calendar.monthrange(when.year, when.month)[1]
    assert containing(when, "quarter").key == f"{when.year}-Q{(when.month + 2) // 3}"
    assert containing(when, "year").key == str(when.year)
    assert parse_period(when.isoformat()) == day(when)


LABELS = [  # key, Vietnamese, English
    ("2026", "năm 2026", "2026"),
    ("2026-H1", "6 tháng đầu năm 2026", "H1 2026"),
    ("2026-H2", "6 tháng cuối năm 2026", "H2 2026"),
    ("2026-Q1", "Quý I/2026", "Q1 2026"),
    ("2026-Q4", "Quý IV/2026", "Q4 2026"),
    ("2026-03", "tháng 03/2026", "March 2026"),
    ("2026-12", "tháng 12/2026", "December 2026"),
    ("2026-W05", "tuần 05/2026", "week 05 of 2026"),
    ("2026-10-01", "01/10/2026", "1 Oct 2026"),
    ("2020-2025", "2020-2025", "2020-2025"),
]


@pytest.mark.parametrize(("key", "vietnamese", "_english"), LABELS)
def test_periods_are_named_as_vietnamese_names_them(key: str, vietnamese: str, _english: str) -> None:
    assert period_label(key) == vietnamese


@pytest.mark.parametrize(("key", "_vietnamese", "english_name"), LABELS)
def test_periods_are_named_as_english_names_them(english: None, key: str, _vietnamese: str, english_name: str) -> None:
    assert period_label(key) == english_name


def test_every_month_has_its_english_name(english: None) -> None:
    names = [period_label(f"2026-{index:02d}") for index in range(1, 13)]
    assert names == [f"{calendar.month_name[index]} 2026" for index in range(1, 13)]
