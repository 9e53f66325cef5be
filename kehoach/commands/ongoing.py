"""``kehoach ongoing``: tasks with no deadline, per unit, so that they never vanish from view."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TextIO

from kehoach.domain.dataset import Dataset
from kehoach.domain.model import Ongoing, describe_schedule
from kehoach.domain.selection import resolve_units
from kehoach.i18n import _, ngettext
from kehoach.present.output import Column, Format, emit
from kehoach.present.views import grouped_tables

COLUMNS = (
    Column("task", _("Số hiệu"), no_wrap=True),
    Column("title", _("Nhiệm vụ")),
    Column("when", _("Thời hạn")),
)


def run(dataset: Dataset, out: TextIO, *, units: Sequence[str], fmt: Format) -> int:
    selected = resolve_units(dataset, units) if units else set(dataset.units)
    rows = [
        ongoing_row(dataset, task.ref, unit)
        for unit in sorted(selected)
        for task in dataset.plan.tasks
        if isinstance(task.schedule, Ongoing) and dataset.owes(unit, task)
    ]
    if fmt is not Format.table or not rows:
        empty = (
            _("Không có nhiệm vụ thường xuyên nào của đơn vị {units}.").format(units=", ".join(units))
            if units
            else _("Kế hoạch không có nhiệm vụ thường xuyên nào.")
        )
        emit(rows, COLUMNS, fmt, out, empty=empty)
        return 0
    by_unit: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_unit.setdefault(row["unit"], []).append(row)
    groups = [
        (
            ngettext(
                "{name} ({unit}): {count} nhiệm vụ thường xuyên",
                "{name} ({unit}): {count} nhiệm vụ thường xuyên",
                len(group),
            ).format(name=group[0]["unit_name"], unit=unit, count=len(group)),
            group,
        )
        for unit, group in by_unit.items()
    ]
    grouped_tables(out, _("Nhiệm vụ thường xuyên (không có hạn cụ thể), theo đơn vị"), groups, COLUMNS)
    return 0


def ongoing_row(dataset: Dataset, ref: str, unit: str) -> dict[str, Any]:
    task = dataset.tasks[ref]
    schedule = task.schedule
    assert isinstance(schedule, Ongoing)
    return {
        "task": ref,
        "title": task.title,
        "unit": unit,
        "unit_name": dataset.units[unit].name,
        "from": schedule.from_,
        "review": schedule.review,
        "ad_hoc": schedule.ad_hoc,
        "when": describe_schedule(schedule, dataset),
    }
