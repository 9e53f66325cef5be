"""What makes a record or an extension valid: written once, for ``validate`` and for the writers.

``validate`` asks these of every record and extension in hand-edited files (and places the answer
on the offending key's line); ``done``, ``waive`` and ``extend`` ask the same of the record or
extension they are about to write, and refuse it with the same words. Which task, unit and period
a command line *means* (ids typed with a typo, a group where a unit is needed, the period left out)
is the commands' business, not a rule of the data.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import NamedTuple

from kehoach.domain.dataset import Dataset
from kehoach.domain.model import Extension, Record, not_found
from kehoach.domain.occurrences import due_date, opening_day
from kehoach.domain.periods import period_label
from kehoach.i18n import _, day_text


class Broken(NamedTuple):
    """A rule a record or an extension breaks: the key at fault, what is wrong, the rule's name."""

    field: str
    message: str
    rule: str


def record_problem(dataset: Dataset, unit_id: str, record: Record, today: date | None = None) -> Broken | None:
    """The first rule ``record`` in ``unit_id``'s file breaks, or ``None``.

    The task exists and the unit owes it (itself, or as a successor); the period is one the task's
    schedule has; the day is not before the plan starts, nor after ``today`` (when given: a record
    cannot be made in advance), nor before the period began (its kind's ``opens``: a year's,
    quarter's or month's first day, an event's day; a waiver too, for a period not yet begun is not
    yet owed), nor after the unit ended (its successors record from then).
    """
    task = dataset.tasks.get(record.task)
    if task is None:
        return Broken("task", not_found(_("nhiệm vụ"), record.task, dataset.tasks), "reference")
    if not dataset.owes(unit_id, task):
        return Broken("task", not_assigned(unit_id, record.task), "reference")
    if due_date(task, record.period, dataset) is None:
        message = _("nhiệm vụ {ref} không có kỳ '{period}'; xem các kỳ bằng: kehoach due --year --unit {unit}")
        return Broken("period", message.format(ref=record.task, period=record.period, unit=unit_id), "period")
    field, day = ("done_on", record.done_on) if record.done_on else ("waived_on", record.waived_on)
    assert day is not None  # the model holds exactly one of the two
    if day < dataset.starts:
        message = _("ngày {day} trước khi kế hoạch có hiệu lực ({starts})")
        return Broken(field, message.format(day=day_text(day), starts=day_text(dataset.starts)), "before-start")
    if today is not None and day > today:
        return Broken(field, _future(day, today), "future")
    opens = opening_day(task, record.period, dataset)
    assert opens is not None  # the period is one the schedule has (above)
    if day < opens:
        message = _("ngày {day} trước khi kỳ {period} bắt đầu ({opens}); chưa thể ghi nhận kỳ này")
        period = period_label(record.period)
        return Broken(field, message.format(day=day_text(day), period=period, opens=day_text(opens)), "before-period")
    unit = dataset.units[unit_id]
    if unit.until is not None and day > unit.until:
        message = _("đơn vị '{unit}' đã kết thúc ngày {until}; hãy ghi nhận cho đơn vị kế thừa: {successors}")
        successors = ", ".join(unit.successors) or "—"
        return Broken(
            field, message.format(unit=unit_id, until=day_text(unit.until), successors=successors), "after-end"
        )
    return None


class RecordRules:
    """:func:`record_problem` over every record of a dataset, for ``validate``: a record keeps
    every rule when its task and unit are known to pass them and its day lies in the days they
    allow (from the later of the plan's start and the period's opening day, to the earlier of
    ``today`` and the unit's end), each worked out once per task and period, and per unit; any
    other record is asked :func:`record_problem` itself, which says which rule it breaks.
    ``tests/domain/test_rules.py`` holds the two to the same answers on any records of the reorg
    scenario (ended, merged and split units), as of any day."""

    def __init__(self, dataset: Dataset, today: date | None) -> None:
        self.dataset, self.today = dataset, today
        self._first: dict[tuple[str, str], date | None] = {}
        """The first day a record of a task's period may be dated; ``None``: no such task or period."""

    def broken(self, unit_id: str, records: Iterable[Record]) -> Iterator[tuple[int, Broken]]:
        """Each record of ``unit_id``'s file that breaks a rule, by its index, with the rule."""
        dataset, first_days = self.dataset, self._first
        ends = [day for day in (self.today, dataset.units[unit_id].until) if day is not None]
        last = min(ends, default=date.max)
        owed: dict[str, bool] = {}
        for index, record in enumerate(records):
            key = (record.task, record.period)
            first = first_days[key] if key in first_days else self._first_day(*key)
            day = record.done_on or record.waived_on
            if first is not None and day is not None and first <= day <= last:
                owes = owed.get(record.task)
                if owes is None:
                    owes = owed[record.task] = dataset.owes(unit_id, dataset.tasks[record.task])
                if owes:
                    continue
            broken = record_problem(dataset, unit_id, record, self.today)
            assert broken is not None  # a record outside the days above breaks one of its rules
            yield index, broken

    def _first_day(self, ref: str, period: str) -> date | None:
        task, dataset = self.dataset.tasks.get(ref), self.dataset
        opens = None if task is None or due_date(task, period, dataset) is None else opening_day(task, period, dataset)
        first = self._first[ref, period] = None if opens is None else max(opens, dataset.starts)
        return first


def extension_problem(dataset: Dataset, extension: Extension, today: date | None = None) -> Broken | None:
    """The first rule ``extension`` breaks, or ``None``: it names a task, a unit owing it (or none:
    every owner), a period the task has, and a new deadline later than the plan's; and its deciding
    document (``on``) is not dated after ``today`` (when given: a decision not yet made is not one)."""
    task = dataset.tasks.get(extension.task)
    if task is None:
        return Broken("task", not_found(_("nhiệm vụ"), extension.task, dataset.tasks), "extension")
    if extension.unit is not None and extension.unit not in dataset.units:
        return Broken("unit", not_found(_("đơn vị"), extension.unit, dataset.units), "extension")
    if extension.unit is not None and not dataset.owes(extension.unit, task):
        return Broken("unit", not_assigned(extension.unit, task.ref), "extension")
    due = due_date(task, extension.period, dataset)
    if due is None:
        message = _("nhiệm vụ {ref} không có kỳ '{period}'").format(ref=task.ref, period=extension.period)
        return Broken("period", message, "extension")
    if extension.to <= due:
        message = _("hạn mới {to} không sau hạn cũ {due}; gia hạn phải lùi hạn về sau")
        return Broken("to", message.format(to=day_text(extension.to), due=day_text(due)), "extension")
    if today is not None and extension.on is not None and extension.on > today:
        return Broken("on", _future(extension.on, today), "future")
    return None


def _future(day: date, today: date) -> str:
    return _("ngày {day} là ngày trong tương lai (hôm nay là {today})").format(day=day_text(day), today=day_text(today))


def latest_day(records: Iterable[Record] = (), extensions: Iterable[Extension] = ()) -> date:
    """The latest day any of these records or extensions (their ``on``) is dated; ``date.min`` for
    none. The rules that depend on the day (nothing dated after ``today``) hold on every day from
    this one on: a check made clean stays clean for those days (kehoach.files.load.CheckMarks)."""
    days = [record.done_on or record.waived_on for record in records]
    days += [extension.on for extension in extensions]
    return max((day for day in days if day is not None), default=date.min)


def not_assigned(unit_id: str, ref: str) -> str:
    return _("đơn vị '{unit}' không được giao nhiệm vụ {ref}").format(unit=unit_id, ref=ref)
