"""Periods as people name them: ``Quý I/2022``, ``Năm 2023``, ``Nhiệm kỳ Đại hội Đảng bộ tỉnh
2020–2025``, an event's name; and what a user types for one (``quy I/2022``, ``Q1/2022``,
``02/2022``) matched back to its key.

A period key (``2022-Q1``, ``2020-2025``, an event id) is what data files store; its name is what
every table, message and report shows, and what JSON and CSV rows carry as ``period_label``
beside ``period``. What a key means depends on the schedule it belongs to, so the name is found
by the task's schedule kind, in one exhaustive ``match``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Protocol, assert_never

from kehoach.domain.dataset import Dataset
from kehoach.domain.model import Deadline, OnEvent, Ongoing, Task, TermYear, Yearly, Years
from kehoach.domain.periods import ROMAN_QUARTERS, period_label
from kehoach.i18n import _


def period_name(dataset: Dataset, task: Task, key: str) -> str:
    """The name of period ``key`` of ``task``, as tables and messages show it."""
    schedule = task.schedule
    match schedule:
        case None:
            return key
        case Deadline() | Yearly() | Years() | Ongoing():
            return _capitalised(period_label(key))
        case TermYear():
            for calendar_id in schedule.calendars:
                calendar = dataset.calendars[calendar_id]
                if calendar.index_of(key) is not None:
                    return _("{calendar} {term}").format(calendar=calendar.name, term=key.replace("-", "–"))
            return _capitalised(period_label(key))  # a year, or a key of no calendar
        case OnEvent():
            event = dataset.events.get(key)
            return event.name if event is not None else key
        case _:
            assert_never(schedule)


class OfAPeriod(Protocol):
    """An occurrence, a record or an extension: anything about one period of one task."""

    @property
    def task(self) -> str: ...

    @property
    def period(self) -> str: ...


def period_of(dataset: Dataset, thing: OfAPeriod) -> str:
    """The name of the period an occurrence, record or extension is about."""
    return period_name(dataset, dataset.tasks[thing.task], thing.period)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def typed_forms(key: str, name: str) -> set[str]:
    """Every way a user may type period ``key`` (named ``name``), folded as :func:`folded` folds."""
    forms = {key, name}
    if match := re.fullmatch(r"(\d{4})-Q([1-4])", key):
        year, quarter = match.groups()
        roman = ROMAN_QUARTERS[quarter]
        forms |= {f"Q{quarter}/{year}", f"Quý {roman}/{year}", f"Quý {quarter}/{year}", f"{year} Q{quarter}"}
        forms |= {f"Q{quarter} {year}"}  # the English name, whichever language kehoach speaks
    elif match := re.fullmatch(r"(\d{4})-(\d{2})", key):
        year, month = match.groups()
        forms |= {f"{month}/{year}", f"{int(month)}/{year}", f"Tháng {month}/{year}"}
    elif re.fullmatch(r"\d{4}", key):
        forms |= {f"Năm {key}"}
    return {folded(form) for form in forms}


def folded(text: str) -> str:
    """Text compared as people mean it: any case, with or without diacritics, spaces and dashes alike."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"[\s–—-]+", " ", bare.casefold()).strip()


def matching_period(typed: str, periods: Iterable[tuple[str, str]]) -> str | None:
    """The key among ``periods`` (key, name) that ``typed`` names, or ``None``."""
    wanted = folded(typed)
    found = list(dict.fromkeys(key for key, name in periods if wanted in typed_forms(key, name)))
    return found[0] if len(found) == 1 else None
