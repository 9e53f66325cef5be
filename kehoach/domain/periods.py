"""Calendar periods: years, quarters, months, ISO weeks and single days. Pure date arithmetic.

A period is written the way it is keyed everywhere in kehoach: ``2022``, ``2022-H1`` (a half
year), ``2022-Q1``, ``2022-02``, ``2022-W05`` or ``2022-03-31``.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, assert_never

from kehoach import i18n
from kehoach.i18n import _, day_text

Span = Literal["week", "month", "quarter", "half", "year"]
"""The calendar spans a view can cover."""

_YEAR = re.compile(r"(\d{4})")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_HALF = re.compile(r"(\d{4})-H([12])")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_CALENDAR_KEY = re.compile(r"(\d{4})(?:-(?:Q[1-4]|H[12]|W\d{2}|\d{2}|\d{2}-\d{2}|(\d{4})))?")
"""Every shape of key that holds a year: a calendar period's, an ISO week's, a term's (its two years)."""

MIN_YEAR = 1990
MAX_YEAR = 2200
"""The years the plan can mean: every date and year in the data, and every date a command is given,
lies in them (``validate`` and each option refuse the rest), so no date arithmetic overflows."""
FIRST_DAY = date(MIN_YEAR, 1, 1)
LAST_DAY = date(MAX_YEAR, 12, 31)
MAX_DAYS = 3650
"""The most days a count of days may say (``within_days``, ``--days``): ten years."""


@dataclass(frozen=True, order=True)
class Period:
    """A closed range of days with the key that names it."""

    start: date
    end: date
    key: str

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


def year(number: int) -> Period:
    return Period(date(number, 1, 1), date(number, 12, 31), str(number))


def quarter(number: int, index: int) -> Period:
    first_month = 3 * (index - 1) + 1
    start = date(number, first_month, 1)
    end = date(number, first_month + 2, last_day(number, first_month + 2))
    return Period(start, end, f"{number}-Q{index}")


def half(number: int, index: int) -> Period:
    """The first (January–June) or second (July–December) half of a year: ``2024-H1``."""
    first_month = 6 * (index - 1) + 1
    start = date(number, first_month, 1)
    end = date(number, first_month + 5, last_day(number, first_month + 5))
    return Period(start, end, f"{number}-H{index}")


def month(number: int, index: int) -> Period:
    return Period(date(number, index, 1), date(number, index, last_day(number, index)), f"{number}-{index:02d}")


def day(when: date) -> Period:
    return Period(when, when, when.isoformat())


def iso_week(when: date) -> Period:
    iso_year, week, weekday = when.isocalendar()
    start = when - timedelta(days=weekday - 1)
    return Period(start, start + timedelta(days=6), f"{iso_year}-W{week:02d}")


def last_day(number: int, index: int) -> int:
    return calendar.monthrange(number, index)[1]


def day_in_year(number: int, month_index: int, day_index: int) -> date:
    """The given day of the given year; 29 February falls on the 28th in common years."""
    return date(number, month_index, min(day_index, last_day(number, month_index)))


def parse_period(text: str) -> Period:
    """Parse a period key; raise ``ValueError`` (with the reason) when it is not one."""
    if match := _YEAR.fullmatch(text):
        return year(_checked_year(int(match[1])))
    if match := _QUARTER.fullmatch(text):
        return quarter(_checked_year(int(match[1])), int(match[2]))
    if match := _HALF.fullmatch(text):
        return half(_checked_year(int(match[1])), int(match[2]))
    if match := _MONTH.fullmatch(text):
        if not 1 <= int(match[2]) <= 12:
            raise ValueError(f"month {match[2]} does not exist")
        return month(_checked_year(int(match[1])), int(match[2]))
    if _DAY.fullmatch(text):
        _checked_year(int(text[:4]))
        return day(date.fromisoformat(text))
    raise ValueError("not a period")


def containing(when: date, span: Span) -> Period:
    """The calendar ``span`` (``week``, ``month``, ``quarter``, ``half`` or ``year``) around a day."""
    match span:
        case "week":
            return iso_week(when)
        case "month":
            return month(when.year, when.month)
        case "quarter":
            return quarter(when.year, (when.month - 1) // 3 + 1)
        case "half":
            return half(when.year, (when.month - 1) // 6 + 1)
        case "year":
            return year(when.year)
        case _:
            assert_never(span)


ROMAN_QUARTERS = {"1": "I", "2": "II", "3": "III", "4": "IV"}


def period_label(key: str) -> str:
    """A period as people name it: ``2022-Q1`` → ``Quý I/2022`` (``Q1 2022``); ``2022-02`` →
    ``tháng 02/2022`` (``February 2022``); ``2022`` → ``năm 2022`` (``2022``); a key that is no
    calendar period (a term, an event) as it is.

    Each quarter and month is a message of its own, not a number put into one: English names them
    in words of its own ("Q1", "February"), which no placeholder holding "I" or "02" can give."""
    return _label(key, i18n.LANGUAGE)


@functools.cache
def _label(key: str, language: str) -> str:
    # Kept per language: a listing names the same few periods thousands of times.
    if len(key) == 4 and key.isdigit():
        return _("năm {year}").format(year=key)
    if len(key) == 7 and key[4:6] == "-Q":
        return _quarter_name(key[6]).format(year=key[:4])
    if len(key) == 7 and key[4:6] == "-H":
        first = key[6] == "1"
        return (_("6 tháng đầu năm {year}") if first else _("6 tháng cuối năm {year}")).format(year=key[:4])
    if len(key) == 7 and key[4] == "-" and key[5:].isdigit():
        return _month_name(int(key[5:])).format(year=key[:4])
    if len(key) == 8 and key[4:6] == "-W":
        return _("tuần {week}/{year}").format(week=key[6:], year=key[:4])
    if len(key) == 10 and key[4] == "-" and key[7] == "-":
        return day_text(date.fromisoformat(key))
    return key


def _quarter_name(index: str) -> str:
    match index:
        case "1":
            return _("Quý I/{year}")
        case "2":
            return _("Quý II/{year}")
        case "3":
            return _("Quý III/{year}")
        case _:
            return _("Quý IV/{year}")


def _month_name(index: int) -> str:
    names = (
        _("tháng 01/{year}"),
        _("tháng 02/{year}"),
        _("tháng 03/{year}"),
        _("tháng 04/{year}"),
        _("tháng 05/{year}"),
        _("tháng 06/{year}"),
        _("tháng 07/{year}"),
        _("tháng 08/{year}"),
        _("tháng 09/{year}"),
        _("tháng 10/{year}"),
        _("tháng 11/{year}"),
        _("tháng 12/{year}"),
    )
    return names[index - 1]


def in_range(when: date) -> bool:
    """Whether ``when`` is a day the plan can mean (``FIRST_DAY`` to ``LAST_DAY``)."""
    return FIRST_DAY <= when <= LAST_DAY


def outside_the_years(key: str) -> bool:
    """Whether ``key`` is written as a calendar period or a term (``9999-Q1``, ``0001``,
    ``2199-2204``, ``2300-W05``) with a year outside ``MIN_YEAR``–``MAX_YEAR``: such a key is
    refused with the range sentence, as a date out of range is, not looked up as a period the task
    might have. A key of another shape (an event's id) names no year and is never outside them."""
    match = _CALENDAR_KEY.fullmatch(key)
    return match is not None and any(not MIN_YEAR <= int(number) <= MAX_YEAR for number in match.groups() if number)


def _checked_year(number: int) -> int:
    if not MIN_YEAR <= number <= MAX_YEAR:
        raise ValueError(f"year {number} is outside {MIN_YEAR}–{MAX_YEAR}")
    return number
