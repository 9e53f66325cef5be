"""Occurrences: what a unit owes for one period of a task, derived from the schedule on every read.

Occurrences are never stored. A task owned by several units (groups expanded) owes one
occurrence per unit per period; its status as of a day comes from the unit's records. "Today"
is always a parameter (``as_of``): nothing here reads the clock.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import NamedTuple

from kehoach.domain import periods
from kehoach.domain.dataset import Dataset
from kehoach.domain.lineage import Lineage
from kehoach.domain.model import Extension, Record, Task
from kehoach.domain.reporting import report_due, report_keys, reporting_rule
from kehoach.domain.status import Status as Status  # where most code has always imported it from


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
    report: bool = False
    """A periodic report the reporting rule asks for (kehoach.domain.reporting), not a deadline the
    document sets: every view tells the two apart."""


class Entry(NamedTuple):
    """An occurrence with its status as of a day, and the record behind it, if any."""

    occurrence: Occurrence
    status: Status
    record: Record | None
    days_late: int | None


# --- periods and due dates of one task -------------------------------------------------------
# What each kind of schedule means is its own class's business (kehoach.domain.model); a task with
# no deadline of its own owes the periodic reports of its reporting rule (kehoach.domain.reporting).


def period_keys(task: Task, dataset: Dataset, until: date) -> Iterator[str]:
    """The period keys of a task whose due date can fall on or before ``until``."""
    rule = reporting_rule(dataset, task)
    if rule is not None:
        yield from report_keys(dataset, task, rule, until)
    if task.schedule is not None:
        yield from task.schedule.period_keys(dataset, until)


def due_date(task: Task, key: str, dataset: Dataset) -> date | None:
    """When period ``key`` of a task is due; ``None`` when the task has no such period.

    Asked once per (task, period) of a dataset: a province's 44,000 records hold a few hundred
    distinct ones, and a schedule's answer depends on the plan alone."""
    return _remembered(dataset.memo.due_dates, _due_date, task, key, dataset)


def _remembered(
    memo: dict[tuple[str, str], date | None],
    compute: Callable[[Task, str, Dataset], date | None],
    task: Task,
    key: str,
    dataset: Dataset,
) -> date | None:
    """``compute(task, key, dataset)``, worked out once per (task, period) of ``dataset``."""
    if dataset.tasks.get(task.ref) is not task:  # not this dataset's own task: nothing to remember
        return compute(task, key, dataset)
    if (task.ref, key) not in memo:
        memo[task.ref, key] = compute(task, key, dataset)
    return memo[task.ref, key]


def _due_date(task: Task, key: str, dataset: Dataset) -> date | None:
    rule = reporting_rule(dataset, task)
    if rule is not None and (due := report_due(dataset, task, rule, key)) is not None:
        return due
    return None if task.schedule is None else task.schedule.due(dataset, key)


def is_report(task: Task, key: str, dataset: Dataset) -> bool:
    """Whether period ``key`` of a task is a report its reporting rule asks for, not a deadline the
    document sets."""
    rule = reporting_rule(dataset, task)
    return rule is not None and report_due(dataset, task, rule, key) is not None


def opening_day(task: Task, key: str, dataset: Dataset) -> date | None:
    """The first day a record of the period ``key`` may be dated (the period's start, as its kind
    reckons it; a report's, the start of the period it reports on); ``None`` when the task has no
    such period."""
    return _remembered(dataset.memo.opening_days, _opening_day, task, key, dataset)


def _opening_day(task: Task, key: str, dataset: Dataset) -> date | None:
    if is_report(task, key, dataset):
        return periods.parse_period(key).start
    schedule = task.schedule
    if schedule is None or schedule.due(dataset, key) is None:
        return None
    return schedule.opens(dataset, key)


# --- occurrences and statuses ------------------------------------------------------------------


def task_occurrences(
    task: Task, dataset: Dataset, first: date, last: date, unrecorded_on: date | None = None
) -> Iterator[Occurrence]:
    """Every occurrence of a task due between ``first`` and ``last`` (inclusive), for every owner;
    with ``unrecorded_on``, only those its owner has not recorded by that day (see
    :func:`recorded_by`), left out before they are made: a successor's record is looked for by
    :func:`entries`, as for any occurrence."""
    units, ref = dataset.task_units(task), task.ref
    records_of = dataset.records_of

    def left_out(unit: str, key: str) -> bool:
        return unrecorded_on is not None and recorded_by(records_of(unit).get((ref, key)), unrecorded_on)

    lineage = dataset.lineage
    plain = lineage.plain(units)  # no unit here starts or ends: the common case, kept fast
    extended = task.ref in dataset.extended_tasks  # an extension only ever moves a deadline later
    rule = reporting_rule(dataset, task)
    reports = frozenset(report_keys(dataset, task, rule, last)) if rule is not None else frozenset()
    for key in dict.fromkeys(period_keys(task, dataset, last)):
        due = due_date(task, key, dataset)
        if due is None or due > last or (due < first and not extended):
            continue
        report = key in reports
        if plain and not extended:
            yield from (Occurrence(due, ref, unit, key, report=report) for unit in units if not left_out(unit, key))
            continue
        owners = [(unit, "") for unit in units] if plain else lineage.owners(units, due)
        for owner, via in owners:
            if left_out(owner, key):
                continue
            occurrence = in_force(dataset, Occurrence(due, ref, owner, key, via, report=report))
            if first <= occurrence.due <= last:
                yield occurrence


def in_force(dataset: Dataset, occurrence: Occurrence) -> Occurrence:
    """The occurrence with the deadline in force: an extension's, keeping the plan's as ``original``."""
    extension = dataset.extension_for(occurrence.task, occurrence.unit, occurrence.period)
    if extension is None or occurrence.original is not None:  # none, or already in force
        return occurrence
    return occurrence._replace(due=extension.to, original=occurrence.due)


def occurrences(
    dataset: Dataset, first: date, last: date, units: set[str] | None = None, unrecorded_on: date | None = None
) -> list[Occurrence]:
    """Every occurrence due between two days (inclusive), of some units, in order (see
    :func:`task_occurrences` for ``unrecorded_on``)."""
    found = (
        occurrence
        for task in dataset.plan.tasks
        for occurrence in task_occurrences(task, dataset, first, last, unrecorded_on)
        if units is None or occurrence.unit in units
    )
    return sorted(found)


def occurrence_of(dataset: Dataset, task: Task, unit: str, period: str) -> Occurrence | None:
    """The occurrence of one period of a task for one unit, with its deadline in force; ``None``
    when the task has no such period. ``period`` may be any name of the occurrence (a term rule's
    other calendar); the occurrence has its own key."""
    due = due_date(task, period, dataset)
    if due is None:
        return None
    key = dataset.own_period(task.ref, period)
    return in_force(dataset, Occurrence(due, task.ref, unit, key, report=is_report(task, key, dataset)))


def current_occurrence(dataset: Dataset, task: Task, unit: str, day: date) -> Occurrence | None:
    """The occurrence of ``task`` that ``unit`` is working on on ``day``: begun by then (see
    :func:`opening_day`) and not yet due (its deadline in force); the soonest due if several.

    A period that has begun by ``day`` is among the schedule's keys up to ``day``: each kind opens a
    period no later than the day its keys are listed from (a year's first day, a term year's, a
    review period's), and a deadline or an event has its one key whatever the day.
    """
    found = []
    for key in dict.fromkeys(period_keys(task, dataset, day)):
        occurrence = occurrence_of(dataset, task, unit, key)
        opens = opening_day(task, key, dataset)
        if occurrence is not None and opens is not None and opens <= day <= occurrence.due:
            found.append(occurrence)
    return min(found, default=None)


def moved_by(dataset: Dataset, extension: Extension, as_of: date) -> list[tuple[Entry, Entry]]:
    """Each occurrence ``extension`` would move (it is not yet in ``dataset``), as of a day: its
    entry under the deadline in force now, and under the extension. A unit with an extension of its
    own keeps it (an extension for every owner does not move it)."""
    task = dataset.tasks[extension.task]
    due = due_date(task, extension.period, dataset)
    if due is None:
        return []
    plan = dataset.plan.model_copy(update={"extensions": [*dataset.plan.extensions, extension]})
    extended = Dataset(plan, dataset.units, dataset.reorganised, heads=dataset.heads)
    owners = dataset.lineage.owners(dataset.task_units(task), due)
    found = []
    for owner in owners:
        if extension.unit is not None and owner.unit != extension.unit:
            continue
        report = is_report(task, extension.period, dataset)
        occurrence = Occurrence(due, task.ref, owner.unit, extension.period, owner.via, report=report)
        before, after = entry_of(dataset, occurrence, as_of), entry_of(extended, occurrence, as_of)
        if before.occurrence.due != after.occurrence.due:
            found.append((before, after))
    return found


def entry_of(dataset: Dataset, occurrence: Occurrence, as_of: date) -> Entry:
    """An occurrence's status as every view gives it: against its deadline in force (extensions),
    from its unit's record or else a successor's (lineage), as of a day (see :func:`entries`)."""
    return entries(dataset, [in_force(dataset, occurrence)], as_of)[0]


def status_of(occurrence: Occurrence, record: Record | None, as_of: date) -> Entry:
    """The status of an occurrence (its deadline already in force) given its record, as of a day;
    records dated after that day are not yet known. Views call :func:`entry_of`."""
    if not recorded_by(record, as_of):
        if occurrence.due < as_of:
            return Entry(occurrence, Status.overdue, None, (as_of - occurrence.due).days)
        return Entry(occurrence, Status.open, None, None)
    assert record is not None
    if record.waived_on:
        return Entry(occurrence, Status.waived, record, None)
    if record.done_on:
        late = (record.done_on - occurrence.due).days
        return Entry(occurrence, Status.done_late if late > 0 else Status.done, record, max(late, 0) or None)
    raise AssertionError("a record holds exactly one of done_on and waived_on")  # pragma: no cover


def recorded_by(record: Record | None, as_of: date) -> bool:
    """Whether a record says the occurrence was met or waived by ``as_of`` (a record dated later is
    not yet known on that day): then its status is recorded, else overdue or open."""
    if record is None:
        return False
    day = record.waived_on or record.done_on
    return day is not None and day <= as_of


def entries(dataset: Dataset, found: Iterable[Occurrence], as_of: date) -> list[Entry]:
    """The one place statuses are decided, for occurrences whose deadline is in force (as
    :func:`occurrences` gives them; :func:`entry_of` puts one in force first): each takes its unit's
    record, or else the record a successor made of it, and :func:`status_of` judges it."""
    lineage, records_of = dataset.lineage, dataset.records_of
    return [
        status_of(occ, records_of(occ.unit).get((occ.task, occ.period)) or _heirs_record(dataset, lineage, occ), as_of)
        for occ in found
    ]


def _heirs_record(dataset: Dataset, lineage: Lineage, occ: Occurrence) -> Record | None:
    """A record a successor made of the occurrence after taking over from its owner."""
    for heir in lineage.descendants(occ.unit):
        record = dataset.records_of(heir).get((occ.task, occ.period))
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
    # Most of a plan's past occurrences are recorded: when only overdue or open ones are asked for
    # (the footer of ``due``), those its unit recorded by as_of are left out before they are made.
    # A successor's record is looked for by entries, as for any occurrence.
    unrecorded_on = as_of if status is not None and not status.recorded else None
    if units is None:
        found = entries(dataset, occurrences(dataset, first, last, None, unrecorded_on), as_of)
    else:
        lineage = dataset.lineage
        earlier: dict[str, str] = {}
        # A split's both halves chosen: the first by id shows it, every run the same. A unit that
        # has not begun by as_of inherits nothing yet: its predecessor's heir then is another.
        for unit in sorted(unit for unit in units if lineage.begun(unit, as_of)):
            for ancestor in sorted(lineage.ancestors(unit)):
                if lineage.ended(ancestor, as_of):
                    earlier.setdefault(ancestor, unit)
        every = entries(dataset, occurrences(dataset, first, last, units | set(earlier), unrecorded_on), as_of)
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


def coming_up_to(as_of: date) -> date:
    """How far ahead a command about one task looks for its periods: this year's and next year's
    are "coming up"."""
    return date(as_of.year + 1, 12, 31)


def owed(dataset: Dataset, task: Task, unit: str | None, as_of: date) -> list[Entry]:
    """Every occurrence of ``task`` owed by ``unit`` (or by any owner), oldest first, up to the
    end of next year (:func:`coming_up_to`), as of a day."""
    found = entries_between(dataset, date.min, coming_up_to(as_of), as_of, {unit} if unit else None)
    return [entry for entry in found if entry.occurrence.task == task.ref]
