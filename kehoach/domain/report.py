"""The yearly report (sơ kết, tổng kết) as data: what every unit did with what it owed.

No I/O and no wording: :func:`build` computes a :class:`Report` from a dataset, a range of days
and the as-of day; ``kehoach/render/`` turns it into Markdown, HTML, xlsx or JSON.

Choices (README, "kehoach report"):

* an occurrence belongs to the report when it is due within the range; its status is the one it
  has on the as-of day (so a report for 2023 made in March 2024 counts what was done by then);
* the completion rate is the share done (on time or late) of what was due by the as-of day and
  not waived: ``(done + done late) / (done + done late + overdue)``; with nothing due yet it is
  ``None``, not 100 %;
* units that need attention come first: most overdue, then the lowest completion rate, then by id;
* a unit that did not exist during the range (it ended before it starts, or started after it
  ends: :meth:`~kehoach.domain.lineage.Lineage.existed_between`) has no row, unless it answers
  for something due in it: a successor chosen alone takes over what its ended predecessors left
  undone, and that must not vanish from the report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from kehoach.domain import periods
from kehoach.domain.dataset import Dataset
from kehoach.domain.model import Event, Extension, OnEvent, Ongoing
from kehoach.domain.occurrences import Entry, Status, due_date, entries_between


@dataclass(frozen=True)
class Tally:
    """How many occurrences ended up in each outcome."""

    counts: dict[Status, int] = field(default_factory=dict)

    @classmethod
    def of(cls, found: Sequence[Entry]) -> Tally:
        return cls({status: sum(1 for entry in found if entry.status is status) for status in Status})

    def __getitem__(self, status: Status) -> int:
        return self.counts.get(status, 0)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def finished(self) -> int:
        """How many were done, on time or late (for a periodic report: sent)."""
        return sum(count for status, count in self.counts.items() if status.completed)

    @property
    def completion_rate(self) -> float | None:
        due = self.finished + self[Status.overdue]
        return self.finished / due if due else None


@dataclass(frozen=True)
class UnitReport:
    unit: str
    name: str
    tally: Tally
    overdue: list[Entry]
    completed: list[Entry]
    ongoing: list[str]
    """Refs of the unit's ongoing tasks (no deadline; never counted, never forgotten)."""
    reports: Tally = field(default_factory=Tally)
    """Of ``tally``, the periodic reports of tasks without a deadline of their own (the reporting
    rule): counted apart, so a deadline the document sets and a yearly report are never confused."""
    backlog: list[Entry] = field(default_factory=list)
    """What fell due before the range and is still open on the as-of day (overdue, each with its
    days late): a report of 2025 does not hide four years of earlier arrears."""

    @property
    def without_evidence(self) -> list[Entry]:
        """Completions recorded without the document that proves them: allowed, but flagged."""
        return [entry for entry in self.completed if entry.record is not None and not entry.record.evidence]


@dataclass(frozen=True)
class TaskReport:
    """One task's occurrences due in the range, every unit's, each with its status on the as-of
    day: the Báo cáo's view, task by task in the plan's order (its periodic reports, for a task
    without a deadline of its own: who reported on it and who did not)."""

    ref: str
    entries: list[Entry]
    """In the order of due day, then unit id (the occurrences' own order)."""

    @property
    def tally(self) -> Tally:
        return Tally.of(self.entries)


@dataclass(frozen=True)
class QuarterTally:
    key: str
    start: date
    end: date
    tally: Tally


@dataclass(frozen=True)
class Report:
    title: str
    first: date
    last: date
    as_of: date
    total: Tally
    units: list[UnitReport]
    waiting: list[tuple[Event, list[str]]]
    """Events that have not happened, with the refs of the tasks waiting on each."""
    timeline: list[QuarterTally]
    reports: Tally = field(default_factory=Tally)
    """Of ``total``, the periodic reports (see :attr:`UnitReport.reports`)."""
    extensions: list[tuple[Extension, date]] = field(default_factory=list)
    """Extensions of deadlines that fall in the range, each with the deadline the plan had set."""
    tasks: list[TaskReport] = field(default_factory=list)
    """Every task the report's units owe, in the plan's order, with what fell due in the range
    (the same occurrences as :attr:`units`, by task instead of by unit)."""

    @property
    def without_evidence_total(self) -> int:
        """How many completions of the range have no document (see :attr:`UnitReport.without_evidence`)."""
        return sum(len(unit.without_evidence) for unit in self.units)

    @property
    def backlog_total(self) -> int:
        """How many occurrences due before the range are still open (see :attr:`UnitReport.backlog`)."""
        return sum(len(unit.backlog) for unit in self.units)

    made: date | None = None
    """The day the report was made (the command's today), which may differ from the as-of day it
    counts by (a report for 2023 made in March 2024, as of 31/12/2023); see :attr:`made_on`."""

    @property
    def made_on(self) -> date:
        """The day the report was made, the as-of day when it was not said."""
        return self.made or self.as_of


def build(
    dataset: Dataset,
    first: date,
    last: date,
    as_of: date,
    selected: set[str] | None = None,
    made: date | None = None,
) -> Report:
    found = entries_between(dataset, first, last, as_of, selected)
    by_unit: dict[str, list[Entry]] = {}
    for entry in found:
        by_unit.setdefault(entry.occurrence.unit, []).append(entry)
    existed = dataset.lineage.existed_between
    units = [
        unit
        for unit in sorted(selected if selected is not None else dataset.units)
        if unit in by_unit or existed(unit, first, last)
    ]
    backlog = _backlog(dataset, first, as_of, units)
    reports = [_unit_report(dataset, unit, by_unit.get(unit, []), backlog.get(unit, [])) for unit in units]
    return Report(
        title=dataset.plan.plan.title,
        first=first,
        last=last,
        as_of=as_of,
        total=Tally.of(found),
        reports=Tally.of([entry for entry in found if entry.occurrence.report]),
        units=sorted(reports, key=_attention),
        waiting=_waiting(dataset),
        timeline=timeline(dataset, as_of, max(last, date(as_of.year, 12, 31)), selected),
        extensions=_extensions(dataset, first, last, selected),
        tasks=_tasks(dataset, found, selected),
        made=made,
    )


def _backlog(dataset: Dataset, first: date, as_of: date, units: list[str]) -> dict[str, list[Entry]]:
    """What fell due before ``first`` and is still open on ``as_of``, for the report's units: what a
    unit that has ended by then left open is its successor's now (as in every view of chosen units)."""
    found: dict[str, list[Entry]] = {}
    if first > date.min and units:
        for entry in entries_between(dataset, date.min, first - timedelta(days=1), as_of, set(units), Status.overdue):
            found.setdefault(entry.occurrence.unit, []).append(entry)
    return found


def _tasks(dataset: Dataset, found: list[Entry], selected: set[str] | None) -> list[TaskReport]:
    by_task: dict[str, list[Entry]] = {}
    for entry in found:
        by_task.setdefault(entry.occurrence.task, []).append(entry)
    # A chosen successor owes what its predecessors were given (Dataset.owes, the one rule).
    return [
        TaskReport(task.ref, by_task.get(task.ref, []))
        for task in dataset.plan.tasks
        if task.ref in by_task or selected is None or any(dataset.owes(unit, task) for unit in selected)
    ]


def _extensions(dataset: Dataset, first: date, last: date, selected: set[str] | None) -> list[tuple[Extension, date]]:
    found = []
    for extension in dataset.plan.extensions:
        original = due_date(dataset.tasks[extension.task], extension.period, dataset)
        concerned = selected is None or extension.unit is None or extension.unit in selected
        if original is not None and concerned and (first <= original <= last or first <= extension.to <= last):
            found.append((extension, original))
    return found


def year_range(year: int) -> tuple[date, date]:
    span = periods.year(year)
    return span.start, span.end


def _unit_report(dataset: Dataset, unit: str, found: list[Entry], backlog: list[Entry]) -> UnitReport:
    return UnitReport(
        backlog=backlog,
        unit=unit,
        name=dataset.units[unit].name,
        tally=Tally.of(found),
        reports=Tally.of([entry for entry in found if entry.occurrence.report]),
        overdue=[entry for entry in found if entry.status is Status.overdue],
        completed=[entry for entry in found if entry.status.completed],
        ongoing=[
            task.ref for task in dataset.plan.tasks if isinstance(task.schedule, Ongoing) and dataset.owes(unit, task)
        ],
    )


def _attention(report: UnitReport) -> tuple[int, float, str]:
    return attention(report.tally[Status.overdue], report.tally.completion_rate, report.unit)


def attention(overdue: int, rate: float | None, tie: str) -> tuple[int, float, str]:
    """The order of units for people who must act: most overdue first, then the lowest completion
    rate (a unit with nothing due yet last), then ``tie`` (its name or id)."""
    return (-overdue, 2.0 if rate is None else rate, tie)


def _waiting(dataset: Dataset) -> list[tuple[Event, list[str]]]:
    return [
        (event, [t.ref for t in dataset.plan.tasks if isinstance(t.schedule, OnEvent) and t.schedule.event == event.id])
        for event in dataset.plan.events
        if event.date is None
    ]


def timeline(dataset: Dataset, as_of: date, until: date, selected: set[str] | None) -> list[QuarterTally]:
    """Every quarter from the one the plan starts in to the one ``until`` falls in, with its tally
    (the report's end, or the end of the as-of year if later: what is coming shows too)."""
    found = entries_between(dataset, dataset.plan.plan.starts, until, as_of, selected)
    quarters = _quarters(dataset.plan.plan.starts, until)
    by_key: dict[str, list[Entry]] = {quarter.key: [] for quarter in quarters}
    for entry in found:
        by_key[periods.containing(entry.occurrence.due, "quarter").key].append(entry)
    return [
        QuarterTally(quarter.key, quarter.start, quarter.end, Tally.of(by_key[quarter.key])) for quarter in quarters
    ]


def _quarters(first: date, last: date) -> list[periods.Period]:
    quarters = [periods.containing(first, "quarter")]
    while quarters[-1].end < last:
        quarters.append(periods.containing(quarters[-1].end + timedelta(days=1), "quarter"))
    return quarters
