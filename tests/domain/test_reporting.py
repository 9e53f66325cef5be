"""The reporting rule (kehoach.domain.reporting), as properties over generated plans: every task
without a deadline of its own owes exactly one report per owner per period, never before the task
starts, and a task's own rule wins over the plan's."""

from __future__ import annotations

import functools
from collections import Counter
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SCENARIOS
from kehoach.domain import periods
from kehoach.domain.dataset import Dataset
from kehoach.domain.model import Event, Ongoing, ReportingRule, Task
from kehoach.domain.occurrences import occurrences
from kehoach.domain.reporting import SPANS
from kehoach.files.load import load_valid


@functools.cache
def minimal() -> Dataset:
    return load_valid(SCENARIOS / "minimal")


rules = st.builds(ReportingRule, every=st.sampled_from(["yearly", "half-yearly", "quarterly"]), day=st.integers(1, 28))
schedules = st.one_of(
    st.none(),
    st.builds(
        lambda start: Ongoing.model_validate({"kind": "ongoing", "from": start}), st.none() | st.integers(2020, 2026)
    ),
    st.just({"kind": "event", "event": "su-kien"}),
)


@st.composite
def plans(draw: st.DrawFn) -> tuple[Dataset, date]:
    base = minimal()
    tasks = [
        Task.model_validate(
            {
                "ref": f"I.{n + 1}",
                "title": "Thử",
                "text": "Thử.",
                "owners": [draw(st.sampled_from(["ca-hai", "ban-a"]))],
                "schedule": draw(schedules),
                "reporting": draw(st.none() | rules),
            }
        )
        for n in range(draw(st.integers(1, 4)))
    ]
    starts = draw(st.dates(date(2021, 1, 1), date(2023, 12, 31)))
    event = Event(id="su-kien", name="Sự kiện", date=draw(st.none() | st.dates(date(2021, 1, 1), date(2026, 12, 31))))
    plan = base.plan.model_copy(
        update={
            "tasks": tasks,
            "events": [event],
            "reporting": draw(rules),
            "plan": base.plan.plan.model_copy(update={"starts": starts}),
        }
    )
    return Dataset(plan, dict(base.units)), starts


@settings(max_examples=60, deadline=None)
@given(plan=plans())
def test_one_report_per_owner_per_whole_period_from_the_start_with_the_tasks_own_rule_winning(
    plan: tuple[Dataset, date],
) -> None:
    dataset, starts = plan
    last = date(2028, 12, 31)
    found = [occurrence for occurrence in occurrences(dataset, date(2015, 1, 1), last) if occurrence.report]
    assert max(Counter((o.task, o.unit, o.period) for o in found).values(), default=1) == 1
    for task in dataset.plan.tasks:
        rule = task.reporting or dataset.plan.reporting
        assert rule is not None
        schedule = task.schedule
        if isinstance(schedule, Ongoing) and schedule.from_:
            first = max(starts, date(schedule.from_, 1, 1))
        elif schedule is None or isinstance(schedule, Ongoing):
            first = starts
        else:  # an event without a time limit: from the event, once it happened
            first = dataset.events["su-kien"].date
        mine = [o for o in found if o.task == task.ref]
        if first is None:
            assert mine == []
            continue
        span = SPANS[rule.every]
        for occurrence in mine:
            period = periods.parse_period(occurrence.period)
            assert periods.containing(period.start, span) == period  # a period of the rule's span
            assert period.start >= first  # a whole period, never before the task starts
            assert occurrence.due == date(period.end.year, period.end.month, rule.day)  # the rule's day
        # every whole period from the first on is there, for every owner
        expected = {p.key for p in _periods(first, span) if date(p.end.year, p.end.month, rule.day) <= last}
        for unit in dataset.task_units(task):
            assert {o.period for o in mine if o.unit == unit} == expected


def _periods(first: date, span: periods.Span) -> list[periods.Period]:
    """The whole periods of ``span`` from ``first`` to the end of 2029."""
    found = []
    period = periods.containing(first, span)
    if period.start < first:
        period = periods.containing(period.end + timedelta(days=1), span)
    while period.start <= date(2029, 12, 31):
        found.append(period)
        period = periods.containing(period.end + timedelta(days=1), span)
    return found
