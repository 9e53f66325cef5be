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
    else:
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


def schedule_object(schedule: Schedule | None) -> dict[str, Any] | None:
    """The schedule as JSON, ``kind`` first so that it reads like the YAML."""
    if schedule is None:
        return None
    return {"kind": schedule.kind, **schedule.model_dump(mode="json", by_alias=True)}
