"""Periods as users type them: ``--period`` takes a key (``2022-Q1``), a name in either language
(``Quý I/2022``, ``quy i/2022``, ``Q1/2022``, ``02/2022``, ``Năm 2023``), and a period the task
does not have is refused with the list of those the unit owes, with their status.

A period with a year the plan cannot mean (``9999-Q1``, ``Năm 0001``) is refused with the range
sentence the data's get (``validate``), not as a period the task lacks: a key shaped as a calendar
period or a term at once, before anything is computed with it; a name (a year after a space or a
slash) only when it names no period the unit owes, so that an event's name holding a number is
never refused for it."""

from __future__ import annotations

import re
from datetime import date

from kehoach.domain import periods
from kehoach.domain.dataset import Dataset
from kehoach.domain.labels import folded, matching_period, period_of
from kehoach.domain.model import Task
from kehoach.domain.occurrences import Entry, due_date, owed
from kehoach.errors import UsageError, clipped
from kehoach.i18n import _
from kehoach.present.views import status_text

SHOWN = 12
"""How many periods a refusal lists at most (a monthly review owes dozens)."""


_NAMED_YEAR = re.compile(r"(?:.*[ /])?(\d{4})|(\d{4}) q[1-4]")
"""The year of a period's name as :func:`~kehoach.domain.labels.folded` gives it: ``quy i/9999``,
``nam 0001``, ``q1 9999``, ``9999 q1``."""


def refuse_outside_the_years(typed: str, *, named: bool = True) -> None:
    """Refuse ``--period`` when its key (or, when ``named``, its name) has a year outside the plan's."""
    match = _NAMED_YEAR.fullmatch(folded(typed)) if named else None
    year = match[1] or match[2] if match else None
    if periods.outside_the_years(typed) or (year and not periods.MIN_YEAR <= int(year) <= periods.MAX_YEAR):
        raise UsageError(
            _("{source}: kỳ '{value}' nằm ngoài các năm kế hoạch có thể hiểu: từ {first} đến {last}").format(
                source="--period", value=clipped(typed), first=periods.MIN_YEAR, last=periods.MAX_YEAR
            )
        )


def period_key(dataset: Dataset, task: Task, unit: str | None, typed: str, as_of: date) -> str:
    """The key of the period ``typed`` names, for ``unit`` (``None``: any owner)."""
    refuse_outside_the_years(typed, named=False)
    if due_date(task, typed, dataset) is not None:
        return typed
    entries = owed(dataset, task, unit, as_of)
    names = {entry.occurrence.period: period_of(dataset, entry.occurrence) for entry in entries}
    key = matching_period(typed, names.items())
    if key is not None:
        return key
    refuse_outside_the_years(typed)
    if unit is None:
        message = _("nhiệm vụ {ref} không có kỳ '{typed}'")
    elif entries:
        message = _("nhiệm vụ {ref} không có kỳ '{typed}'; {unit} có các kỳ: {periods}")
    else:
        message = _("nhiệm vụ {ref} không có kỳ '{typed}'; {unit} chưa có kỳ nào của nhiệm vụ này")
    listed = _listed(list(_choices(dataset, entries).values()))
    raise UsageError(message.format(ref=task.ref, typed=typed, unit=unit, periods=listed))


def open_period(dataset: Dataset, task: Task, unit: str | None, as_of: date) -> str:
    """The one period of ``task`` still open (not recorded) for ``unit`` (or any owner), when
    ``--period`` is left out (see :func:`the_only`)."""
    entries = [entry for entry in owed(dataset, task, unit, as_of) if not entry.status.recorded]
    return the_only(task.ref, list(_choices(dataset, entries).items()))


def the_only(ref: str, choices: list[tuple[str, str]]) -> str:
    """The key of the one period among ``choices`` (key, how it reads) when ``--period`` is left out;
    with none, or several, the command is refused with them listed."""
    if len(choices) == 1:
        return choices[0][0]
    if not choices:
        raise UsageError(_("nhiệm vụ {ref} không có kỳ nào để chọn; chỉ rõ bằng --period").format(ref=ref))
    listed = _listed([about for _key, about in choices])
    raise UsageError(
        _("nhiệm vụ {ref} có {count} kỳ: {periods}; hãy chọn một bằng --period").format(
            ref=ref, count=len(choices), periods=listed
        )
    )


def _choices(dataset: Dataset, entries: list[Entry]) -> dict[str, str]:
    """Each period of ``entries`` as a refusal lists it: its name, its key and its status."""
    found: dict[str, str] = {}
    for entry in entries:
        key, name = entry.occurrence.period, period_of(dataset, entry.occurrence)
        named = name if name == key else f"{name} ({key})"  # English names a year as its key: "2024"
        found.setdefault(key, f"{named}: {status_text(entry).lower()}")
    return found


def _listed(abouts: list[str]) -> str:
    """At most :data:`SHOWN` of them, and how many more there are."""
    more = _(" và {count} kỳ khác").format(count=len(abouts) - SHOWN) if len(abouts) > SHOWN else ""
    return "; ".join(abouts[:SHOWN]) + more
