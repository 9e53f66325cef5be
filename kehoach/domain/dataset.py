"""The loaded plan and its units, with the look-ups every command needs (no I/O)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from kehoach.domain.lineage import Dated, Lineage
from kehoach.domain.model import Event, Extension, Group, PlanFile, Record, Task, TermCalendar, Unit


@dataclass
class Memo:
    """Answers that depend on the plan alone, asked again and again: each worked out once per dataset."""

    due_dates: dict[tuple[str, str], date | None] = field(default_factory=dict)
    opening_days: dict[tuple[str, str], date | None] = field(default_factory=dict)
    records: dict[str, dict[tuple[str, str], Record]] = field(default_factory=dict)
    """Each unit's records, indexed (see :meth:`Dataset.records_of`)."""


@dataclass
class Dataset:
    """A plan file and its unit files, already validated one by one."""

    plan: PlanFile
    units: Mapping[str, Unit]
    """Units by id, which is their file's name."""
    reorganised: frozenset[str] | None = None
    """Units that start, end or name successors (kehoach.files.load remembers each file's lineage by
    its bytes, so that lineage checks need not read every unit); ``None``: any unit may."""
    heads: Mapping[str, Dated] | None = field(default=None, compare=False, repr=False)
    """What each unit says of its start, end and successors, when it can be had without reading the
    unit's records (kehoach.files.load reads a unit file's head alone); ``None``: ask :attr:`units`."""
    memo: Memo = field(default_factory=Memo, compare=False, repr=False)

    @property
    def starts(self) -> date:
        """The first day of the plan: nothing is owed, nor done, before it."""
        return self.plan.plan.starts

    @cached_property
    def tasks(self) -> dict[str, Task]:
        return {task.ref: task for task in self.plan.tasks}

    @cached_property
    def groups(self) -> dict[str, Group]:
        return {group.id: group for group in self.plan.groups}

    @cached_property
    def events(self) -> dict[str, Event]:
        return {event.id: event for event in self.plan.events}

    @cached_property
    def calendars(self) -> dict[str, TermCalendar]:
        return {calendar.id: calendar for calendar in self.plan.term_calendars}

    def own_period(self, ref: str, key: str) -> str:
        """The key of the occurrence of task ``ref`` that a record's or an extension's period names
        (a term rule's occurrence answers to any of its calendars' terms due that year)."""
        task = self.tasks.get(ref)
        return key if task is None or task.schedule is None else task.schedule.own_period(self, key)

    def records_of(self, unit_id: str) -> dict[tuple[str, str], Record]:
        """A unit's records by (task, the period of the occurrence they are of), indexed the first
        time they are asked for: a command about one unit reads that unit's records alone.

        Two records of one occurrence under different names (data written when a term rule owed one
        occurrence per calendar) both stay valid; the one under the occurrence's own key counts,
        else the first.
        """
        index = self.memo.records.get(unit_id)
        if index is None:
            index = self.memo.records[unit_id] = {}
            for record in self.units[unit_id].records if unit_id in self.units else ():
                period = self.own_period(record.task, record.period)
                key = (record.task, period)
                if key not in index or record.period == period:
                    index[key] = record
        return index

    @cached_property
    def extensions(self) -> dict[tuple[str, str | None, str], Extension]:
        """Extensions by (task, unit or ``None`` for every owner, the period of the occurrence), as
        :meth:`records_of` keys records."""
        found: dict[tuple[str, str | None, str], Extension] = {}
        for extension in self.plan.extensions:
            period = self.own_period(extension.task, extension.period)
            key = (extension.task, extension.unit, period)
            if key not in found or extension.period == period:
                found[key] = extension
        return found

    @cached_property
    def extended_tasks(self) -> frozenset[str]:
        return frozenset(extension.task for extension in self.plan.extensions)

    def extension_for(self, task: str, unit: str, period: str) -> Extension | None:
        """The extension in force for one occurrence: the unit's own, else the one for every owner."""
        if task not in self.extended_tasks:
            return None
        return self.extensions.get((task, unit, period)) or self.extensions.get((task, None, period))

    @cached_property
    def lineage(self) -> Lineage:
        return Lineage(self.heads if self.heads is not None else self.units)

    def members(self, owner: str) -> list[str]:
        """The units an owner id stands for: a group's members, or the unit itself."""
        group = self.groups.get(owner)
        return list(group.members) if group else [owner]

    def task_units(self, task: Task) -> list[str]:
        """Every unit that owes a task, groups expanded, each once, in the order written."""
        known = self._task_units.get(task.ref)
        if known is not None and known[0] is task:
            return known[1]
        return self._expand(task)

    def owes(self, unit: str, task: Task) -> bool:
        """Whether the plan gives ``task`` to ``unit``, or to a unit it succeeded."""
        return self.assigned(unit, task) or any(
            self.assigned(earlier, task) for earlier in self.lineage.ancestors(unit)
        )

    def assigned(self, unit: str, task: Task) -> bool:
        """Whether the plan gives ``task`` to ``unit`` itself (directly or through a group)."""
        known = self._owing.get(task.ref)
        return unit in known if known is not None and self.tasks[task.ref] is task else unit in self.task_units(task)

    @cached_property
    def _owing(self) -> dict[str, frozenset[str]]:
        return {ref: frozenset(units) for ref, (_task, units) in self._task_units.items()}

    def _expand(self, task: Task) -> list[str]:
        return list(dict.fromkeys(unit for owner in task.owners for unit in self.members(owner)))

    @cached_property
    def _task_units(self) -> dict[str, tuple[Task, list[str]]]:
        # Asked once per record and per occurrence: expand every task's groups once.
        return {task.ref: (task, self._expand(task)) for task in self.plan.tasks}

    def tasks_of(self, units: set[str]) -> list[Task]:
        return [task for task in self.plan.tasks if units.intersection(self.task_units(task))]
