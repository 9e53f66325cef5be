"""Reports owed under the plan's reporting rule: how the Board follows the tasks that have no
deadline of their own (issue 13; domain.md, "How the plan is monitored in practice").

Section IV.3 of the plan makes the Organisation Board follow, urge and review every task, and in
practice each owner reports its results periodically. The plan may say how (``reporting:`` in
plan.yaml, a task's own ``reporting:`` overriding it):

* it applies to a task with no deadline of its own: no schedule, ongoing work (``ongoing`` without a
  ``review`` of its own), or an event-triggered task without a time limit once its event happened;
* every owner owes one report per period (year, half year or quarter), due on ``day`` of the
  period's last month;
* the first report is owed for the first whole period on or after the plan starts (the event's
  date for an event-triggered task; 1 January of ``from`` for ongoing work that starts later).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import assert_never

from kehoach.domain import periods
from kehoach.domain.dataset import Dataset
from kehoach.domain.model import Deadline, OnEvent, Ongoing, ReportingRule, Task, TermYear, Yearly, Years

SPANS: dict[str, periods.Span] = {"yearly": "year", "half-yearly": "half", "quarterly": "quarter"}


def reporting_rule(dataset: Dataset, task: Task) -> ReportingRule | None:
    """The rule ``task`` reports under, or ``None`` when its schedule sets its deadlines itself."""
    rule = task.reporting or dataset.plan.reporting
    return rule if rule is not None and first_day(dataset, task) is not None else None


def first_day(dataset: Dataset, task: Task) -> date | None:
    """From when a task without a deadline of its own is followed by reports; ``None`` when it
    has deadlines of its own (or waits for an event that has not happened)."""
    schedule = task.schedule
    match schedule:
        case None:
            return dataset.starts
        case Ongoing():
            if schedule.review is not None:
                return None  # reviewed on its own schedule
            return max(dataset.starts, date(schedule.from_, 1, 1)) if schedule.from_ else dataset.starts
        case OnEvent():
            happened = dataset.events[schedule.event].date if schedule.event in dataset.events else None
            return happened if schedule.within_days is None else None
        case Deadline() | Yearly() | Years() | TermYear():
            return None
        case _:
            assert_never(schedule)


def report_keys(dataset: Dataset, task: Task, rule: ReportingRule, until: date) -> Iterator[str]:
    """The report periods of a task whose reports fall due on or before ``until``, in order."""
    start = first_day(dataset, task)
    if start is None:
        return
    span = SPANS[rule.every]
    period = periods.containing(start, span)
    if period.start < start:  # not whole: the first report is the next period's
        period = periods.containing(period.end + timedelta(days=1), span)
    while period.start <= until:
        yield period.key
        period = periods.containing(period.end + timedelta(days=1), span)


def report_due(dataset: Dataset, task: Task, rule: ReportingRule, key: str) -> date | None:
    """When the report for period ``key`` is due, or ``None`` when the rule owes no such report."""
    start = first_day(dataset, task)
    try:
        period = periods.parse_period(key)
    except ValueError:
        return None
    span = SPANS[rule.every]
    if start is None or period.start < start or periods.containing(period.start, span) != period:
        return None
    return date(period.end.year, period.end.month, rule.day)
