"""Occurrences: what a unit owes for one period of a task, derived from the schedule on every read.

Occurrences are never stored. A task owned by several units (groups expanded) owes one
occurrence per unit per period; its status as of a day comes from the unit's records. "Today"
is always a parameter (``as_of``): nothing here reads the clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from enum import StrEnum
from typing import NamedTuple, assert_never

from kehoach.domain import periods
from kehoach.domain.dataset import Dataset
from kehoach.domain.lineage import Lineage
from kehoach.domain.model import (
    Deadline,
    OnEvent,
    Ongoing,
    Record,
    Schedule,
    Task,
    TermCalendar,
    TermYear,
    Yearly,
    Years,
)


class Status(StrEnum):
    """The four outcomes of Vietnam's task-tracking rules, plus waived.

    What a status means is written here (:attr:`recorded`, :attr:`completed`); how it looks (its
    words, colour, symbol and order) in :mod:`kehoach.present.statuses`. A new status is one
    member here and one case in each of those two exhaustive ``match``es: mypy fails on a
    forgotten one.
    """

    done = "done"  # completed on or before its due date
    done_late = "done_late"  # completed after its due date
    overdue = "overdue"  # open, past due
    open = "open"  # open, not yet due
    waived = "waived"  # recorded as not applying

    @property
    def recorded(self) -> bool:
        """The unit has recorded an outcome: nothing is left to do."""
        return _meaning(self)[0]

    @property
    def completed(self) -> bool:
        """Done, on time or late: what a completion rate counts as finished."""
        return _meaning(self)[1]


def _meaning(status: Status) -> tuple[bool, bool]:
    """(recorded, completed) of each status."""
    match status:
        case Status.done | Status.done_late:
            return True, True
        case Status.waived:
            return True, False
        case Status.overdue | Status.open:
            return False, False
        case _:
            assert_never(status)


class Occurrence(NamedTuple):
    """What one unit owes for one period of one task. Ordered by due date, then task, unit, period.

    A named tuple, not a dataclass: tens of thousands are made per command at province scale,
    and a tuple is made, hashed and sorted several times faster.
    """

    due: date
    task: str
    unit: str
    period: str
    via: str = ""
    """The unit the plan gave it to, when ``unit`` inherited it (kehoach.domain.lineage); else ``""``."""
    original: date | None = None
    """The deadline the plan set, when a later decision extended it to ``due``; else ``None``."""


class Entry(NamedTuple):
    """An occurrence with its status as of a day, and the record behind it, if any."""

    occurrence: Occurrence
    status: Status
    record: Record | None
    days_late: int | None


# --- periods and due dates of one schedule ---------------------------------------------------


def period_keys(schedule: Schedule | None, dataset: Dataset, until: date) -> Iterator[str]:
    """The period keys of a schedule whose due date can fall on or before ``until``."""
    if isinstance(schedule, Deadline):
        yield schedule.by
    elif isinstance(schedule, Yearly):
        last = min(schedule.until or until.year, until.year)
        yield from (str(year) for year in range(schedule.from_, last + 1))
    elif isinstance(schedule, Years):
        yield from (str(year) for year in schedule.years)
    elif isinstance(schedule, Ongoing) and schedule.review:
        yield from _review_keys(schedule, dataset.plan.plan.starts, until)
    elif isinstance(schedule, TermYear):
        for calendar_id in schedule.calendars:
            yield from _term_labels(dataset.calendars[calendar_id], schedule.year, until)
    elif isinstance(schedule, OnEvent) and dataset.events[schedule.event].date is not None:
        yield schedule.event


def due_date(schedule: Schedule | None, key: str, dataset: Dataset) -> date | None:
    """When the period ``key`` of a schedule is due; ``None`` when the schedule has no such period."""
    if isinstance(schedule, Deadline):
        return periods.parse_period(key).end if key == schedule.by else None
    if isinstance(schedule, Yearly | Years):
        return _yearly_due(schedule, key)
    if isinstance(schedule, Ongoing):
        return _review_due(schedule, key, dataset.plan.plan.starts)
    if isinstance(schedule, TermYear):
        return _term_due(schedule, key, dataset)
    if isinstance(schedule, OnEvent):
        happened = dataset.events[schedule.event].date
        return happened + timedelta(days=schedule.within_days) if happened and key == schedule.event else None
    return None


def _yearly_due(schedule: Yearly | Years, key: str) -> date | None:
    if not (key.isdigit() and len(key) == 4):
        return None
    year = int(key)
    if isinstance(schedule, Years):
        applies = year in schedule.years
    else:
        applies = schedule.from_ <= year <= (schedule.until or year)
    month, day = (int(part) for part in schedule.due_day.split("-"))
    return periods.day_in_year(year, month, day) if applies else None


def _review_start(schedule: Ongoing, starts: date) -> date:
    """Reviews are owed from ``from`` (a year), else from the period in which the plan starts."""
    return date(schedule.from_, 1, 1) if schedule.from_ else starts


REVIEW_SPANS = {"yearly": "year", "quarterly": "quarter", "monthly": "month"}


def _review_keys(schedule: Ongoing, starts: date, until: date) -> Iterator[str]:
    span = REVIEW_SPANS[schedule.review or "yearly"]
    period = periods.containing(_review_start(schedule, starts), span)
    while period.start <= until:
        yield period.key
        period = periods.containing(period.end + timedelta(days=1), span)


def _review_due(schedule: Ongoing, key: str, starts: date) -> date | None:
    """The end of a review period, found directly from its key (no walk from the first period)."""
    try:
        period = periods.parse_period(key)
    except ValueError:
        return None
    if not schedule.review or period.end < _review_start(schedule, starts):
        return None
    return period.end if periods.containing(period.start, REVIEW_SPANS[schedule.review]) == period else None


def term_label(calendar: TermCalendar, index: int) -> tuple[str, int]:
    """The ``index``-th term of a calendar (0 is the first): its label and its year 1."""
    start, end = (int(part) for part in calendar.first_term.split("-"))
    shift = (end - start) * index
    return f"{start + shift}-{end + shift}", calendar.first_year + shift


def term_years(calendar: TermCalendar) -> int:
    """How many calendar years a term has, counted from its year 1 to the last year of its label."""
    return int(calendar.first_term.split("-")[1]) - calendar.first_year + 1


def _term_labels(calendar: TermCalendar, nth: int, until: date) -> Iterator[str]:
    index = 0
    while (term := term_label(calendar, index))[1] + nth - 1 <= until.year:
        yield term[0]
        index += 1


def _term_due(schedule: TermYear, key: str, dataset: Dataset) -> date | None:
    for calendar_id in schedule.calendars:
        calendar = dataset.calendars[calendar_id]
        index = _term_index(calendar, key)
        if index is not None:
            return date(term_label(calendar, index)[1] + schedule.year - 1, 12, 31)
    return None


def _term_index(calendar: TermCalendar, key: str) -> int | None:
    """Which term of a calendar ``key`` (``2025-2030``) is, or ``None`` when it is not one."""
    first_start, first_end = (int(part) for part in calendar.first_term.split("-"))
    start = int(key[:4]) if key[:4].isdigit() else first_start - 1
    index, offset = divmod(start - first_start, first_end - first_start)
    return index if index >= 0 and offset == 0 and term_label(calendar, index)[0] == key else None


# --- occurrences and statuses ------------------------------------------------------------------


def task_occurrences(task: Task, dataset: Dataset, first: date, last: date) -> Iterator[Occurrence]:
    """Every occurrence of a task due between ``first`` and ``last`` (inclusive), for every owner."""
    units = dataset.task_units(task)
    lineage = dataset.lineage
    plain = lineage.plain(units)  # no unit here starts or ends: the common case, kept fast
    extended = task.ref in dataset.extended_tasks  # an extension only ever moves a deadline later
    for key in dict.fromkeys(period_keys(task.schedule, dataset, last)):
        due = due_date(task.schedule, key, dataset)
        if due is None or due > last or (due < first and not extended):
            continue
        if plain and not extended:
            yield from (Occurrence(due, task.ref, unit, key) for unit in units)
            continue
        owners = [(unit, "") for unit in units] if plain else lineage.owners(units, due)
        for owner, via in owners:
            occurrence = in_force(dataset, Occurrence(due, task.ref, owner, key, via))
            if first <= occurrence.due <= last:
                yield occurrence


def in_force(dataset: Dataset, occurrence: Occurrence) -> Occurrence:
    """The occurrence with the deadline in force: an extension's, keeping the plan's as ``original``."""
    extension = dataset.extension_for(occurrence.task, occurrence.unit, occurrence.period)
    if extension is None or occurrence.original is not None:  # none, or already in force
        return occurrence
    return occurrence._replace(due=extension.to, original=occurrence.due)


def occurrences(dataset: Dataset, first: date, last: date, units: set[str] | None = None) -> list[Occurrence]:
    found = (occurrence for task in dataset.plan.tasks for occurrence in task_occurrences(task, dataset, first, last))
    return sorted(occurrence for occurrence in found if units is None or occurrence.unit in units)


def occurrence_of(dataset: Dataset, task: Task, unit: str, period: str) -> Occurrence | None:
    """The occurrence of one period of a task for one unit, with its deadline in force; ``None``
    when the task's schedule has no such period."""
    due = due_date(task.schedule, period, dataset)
    return None if due is None else in_force(dataset, Occurrence(due, task.ref, unit, period))


def entry_of(dataset: Dataset, occurrence: Occurrence, as_of: date) -> Entry:
    """The one place an occurrence's status is decided, for every view: its deadline in force
    (extensions), its unit's record or else a successor's (lineage), done, late or waived
    against that deadline, as of a day."""
    occurrence = in_force(dataset, occurrence)
    records = dataset.record_index
    record = records.get((occurrence.unit, occurrence.task, occurrence.period)) or _heirs_record(
        records, dataset.lineage, occurrence
    )
    return status_of(occurrence, record, as_of)


def status_of(occurrence: Occurrence, record: Record | None, as_of: date) -> Entry:
    """The status of an occurrence (its deadline already in force) given its record, as of a day;
    records dated after that day are not yet known. Views call :func:`entry_of`."""
    if record and record.waived_on and record.waived_on <= as_of:
        return Entry(occurrence, Status.waived, record, None)
    if record and record.done_on and record.done_on <= as_of:
        late = (record.done_on - occurrence.due).days
        return Entry(occurrence, Status.done_late if late > 0 else Status.done, record, max(late, 0) or None)
    if occurrence.due < as_of:
        return Entry(occurrence, Status.overdue, None, (as_of - occurrence.due).days)
    return Entry(occurrence, Status.open, None, None)


def entries(dataset: Dataset, found: Iterable[Occurrence], as_of: date) -> list[Entry]:
    return [entry_of(dataset, occurrence, as_of) for occurrence in found]


def _heirs_record(records: dict[tuple[str, str, str], Record], lineage: Lineage, occ: Occurrence) -> Record | None:
    """A record a successor made of the occurrence after taking over from its owner."""
    for heir in lineage.descendants(occ.unit):
        record = records.get((heir, occ.task, occ.period))
        if record is not None:
            return record
    return None


def entries_between(
    dataset: Dataset, first: date, last: date, as_of: date, units: set[str] | None, status: Status | None = None
) -> list[Entry]:
    """Entries due between two days (inclusive), for some units, optionally of one status only.

    For chosen units, what predecessors that have ended by ``as_of`` left undone comes too, shown
    as theirs (inherited): the successor is who must now see to it.
    """
    if units is None:
        found = entries(dataset, occurrences(dataset, first, last, None), as_of)
    else:
        lineage = dataset.lineage
        earlier = {
            ancestor: unit for unit in units for ancestor in lineage.ancestors(unit) if lineage.ended(ancestor, as_of)
        }
        every = entries(dataset, occurrences(dataset, first, last, units | set(earlier)), as_of)
        found = [shown for entry in every if (shown := _shown(entry, units, earlier)) is not None]
    return [entry for entry in found if status is None or entry.status is status]


def _shown(entry: Entry, units: set[str], earlier: dict[str, str]) -> Entry | None:
    occurrence = entry.occurrence
    if occurrence.unit in units:
        return entry
    if not entry.status.recorded:  # a predecessor's, still to do
        heir = earlier[occurrence.unit]
        return entry._replace(occurrence=occurrence._replace(unit=heir, via=occurrence.via or occurrence.unit))
    return None
