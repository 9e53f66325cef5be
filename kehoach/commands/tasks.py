"""``kehoach tasks``: the plan's tasks, optionally only those a unit owes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TextIO

from kehoach.domain.dataset import Dataset
from kehoach.domain.model import Schedule, Task, describe_schedule
from kehoach.domain.selection import resolve_units
from kehoach.i18n import _
from kehoach.present.output import Column, Format, emit

COLUMNS = (
    Column("ref", _("Số hiệu"), no_wrap=True),
    Column("title", _("Nhiệm vụ")),
    Column("owners", _("Đơn vị"), fit=True),
    Column("when", _("Thời hạn")),
)


def run(dataset: Dataset, out: TextIO, *, units: Sequence[str], fmt: Format) -> int:
    tasks = dataset.tasks_of(resolve_units(dataset, units)) if units else dataset.plan.tasks
    if fmt is Format.table:
        rows = [{**task_row(task), "when": describe_schedule(task.schedule, dataset)} for task in tasks]
    elif fmt is Format.csv:
        rows = [flat_row(dataset, task) for task in tasks]
    else:  # the rows as they are: every other format is emit's to lay out
        rows = [task_row(task) for task in tasks]
    empty = (
        _("Đơn vị {units} không phải thực hiện nhiệm vụ nào.").format(units=", ".join(units))
        if units
        else _("Kế hoạch chưa có nhiệm vụ nào.")
    )
    emit(rows, COLUMNS, fmt, out, empty=empty)
    return 0


def task_row(task: Task) -> dict[str, Any]:
    return {
        "ref": task.ref,
        "title": task.title,
        "text": task.text,
        "owners": list(task.owners),
        "role": task.role,
        "coordinators": list(task.coordinators),
        "related": list(task.related),
        "cites": list(task.cites),
        "schedule": schedule_object(task.schedule),
    }


def flat_row(dataset: Dataset, task: Task) -> dict[str, Any]:
    """A task for a spreadsheet: one value a cell, the schedule in the table's words (the JSON's
    object would be JSON in a cell), owners and coordinators by name beside their ids."""
    return {
        "ref": task.ref,
        "title": task.title,
        "text": task.text,
        "owners": list(task.owners),
        "owner_names": [name_of(dataset, owner) for owner in task.owners],
        "role": task.role,
        "coordinators": list(task.coordinators),
        "coordinator_names": [name_of(dataset, unit) for unit in task.coordinators],
        "related": list(task.related),
        "cites": list(task.cites),
        "schedule_kind": task.schedule.kind if task.schedule else None,
        "when": describe_schedule(task.schedule, dataset),
    }


def name_of(dataset: Dataset, owner: str) -> str:
    """A unit's or a group's name (the plan names owners by either)."""
    if owner in dataset.units:
        return dataset.units[owner].name
    return dataset.groups[owner].name


def schedule_object(schedule: Schedule | None) -> dict[str, Any] | None:
    """The schedule as JSON, ``kind`` first so that it reads like the YAML."""
    if schedule is None:
        return None
    return {"kind": schedule.kind, **schedule.model_dump(mode="json", by_alias=True)}
