"""``kehoach show REF``: one task whole — its text, its owners and their roles, its schedule as the
document words it and as kehoach reads it, its extensions and related tasks, then every occurrence
owed (up to the end of next year), unit by unit, with its status and record."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, TextIO, assert_never

from kehoach.commands.tasks import task_row
from kehoach.domain.dataset import Dataset
from kehoach.domain.labels import period_name
from kehoach.domain.model import Extension, Task
from kehoach.domain.occurrences import Entry, Status, owed
from kehoach.domain.reporting import reporting_rule
from kehoach.domain.selection import resolve_task
from kehoach.i18n import _, day_text, unit_count
from kehoach.present.inert import json_text
from kehoach.present.output import Column, Format, Screen, write_csv
from kehoach.present.tables import Cell
from kehoach.present.views import by_unit, entry_cells, entry_row, statuses_text, wanted

COLUMNS = (
    Column("unit_name", _("Đơn vị")),
    Column("period", _("Kỳ")),
    Column("outcome", _("Trạng thái, hạn")),
    Column("proof", _("Văn bản / lý do"), folds_into="outcome"),
)

REPORTS = {
    "yearly": _("Báo cáo hằng năm, hạn ngày {day} tháng 12"),
    "half-yearly": _("Báo cáo 6 tháng một lần, hạn ngày {day} tháng cuối mỗi kỳ 6 tháng"),
    "quarterly": _("Báo cáo hằng quý, hạn ngày {day} tháng cuối quý"),
}


def run(dataset: Dataset, out: TextIO, *, ref: str, as_of: date, fmt: Format, statuses: Sequence[Status] = ()) -> int:
    task = resolve_task(dataset, ref)
    found = wanted(owed(dataset, task, None, as_of), statuses)
    match fmt:
        case Format.table:
            _write(dataset, task, found, as_of, statuses, Screen(out))
        case Format.json:
            out.write(json_text(task_object(dataset, task, found)) + "\n")
        case Format.csv:
            write_csv([entry_row(entry, dataset) for entry in found], out)
        case _:
            assert_never(fmt)
    return 0


def task_object(dataset: Dataset, task: Task, found: list[Entry]) -> dict[str, Any]:
    rule = reporting_rule(dataset, task)
    return {
        **task_row(task),
        "as_written": task.schedule.as_written if task.schedule else None,
        "reporting": rule.model_dump(mode="json") if rule else None,
        "extensions": [extension.model_dump(mode="json") for extension in _extensions(dataset, task)],
        "occurrences": [entry_row(entry, dataset) for entry in found],
    }


def _extensions(dataset: Dataset, task: Task) -> list[Extension]:
    return [extension for extension in dataset.plan.extensions if extension.task == task.ref]


def _write(
    dataset: Dataset, task: Task, found: list[Entry], as_of: date, statuses: Sequence[Status], screen: Screen
) -> None:
    screen.line(f"{task.ref}  {task.title}", "bold")
    screen.line()
    screen.line(task.text)
    screen.line()
    for label, value in _facts(dataset, task):
        screen.line(f"{label}: {value}")
    screen.line()
    title = _("Các kỳ phải thực hiện, tính đến ngày {today}").format(today=day_text(as_of))
    if statuses:
        title += _(", trạng thái: {statuses}").format(statuses=statuses_text(statuses))
    if not found:
        screen.line(title + _(": không có kỳ nào."))
        return
    screen.line(title, "bold")
    rows = []
    for unit, owed_by_unit in by_unit(found, dataset):
        for number, entry in enumerate(owed_by_unit):
            name = f"{dataset.units[unit].name} ({unit})" if number == 0 else ""  # the unit once, over its rows
            cells = entry_cells(entry, dataset)
            deadline = _("hạn {day}").format(day=cells["due"])
            outcome = Cell(f"{cells['status'].text}\n{deadline}", cells["status"].style)
            rows.append({**cells, "unit_name": name, "outcome": outcome})
    screen.table(COLUMNS, rows)


def _facts(dataset: Dataset, task: Task) -> list[tuple[str, str]]:
    """The task's particulars, each a label and its value, only those it has."""
    facts = [(_("Chủ trì") if task.role == "lead" else _("Tham mưu, phối hợp"), _owners(dataset, task.owners))]
    if task.coordinators:
        facts.append((_("Phối hợp"), _owners(dataset, task.coordinators)))
    schedule = task.schedule
    if schedule is None:
        facts.append((_("Thời hạn"), _("không ghi thời hạn")))
    elif schedule.as_written is None:
        facts.append((_("Thời hạn"), schedule.describe()))
    else:
        facts.append((_("Thời hạn theo văn bản"), schedule.as_written))
        facts.append((_("kehoach hiểu là"), schedule.describe()))
    rule = reporting_rule(dataset, task)
    if rule is not None:
        facts.append((_("Theo dõi bằng"), REPORTS[rule.every].format(day=rule.day)))
    for extension in _extensions(dataset, task):
        facts.append((_("Gia hạn"), _extension_text(dataset, task, extension)))
    if task.cites:
        facts.append((_("Văn bản được dẫn"), "; ".join(task.cites)))
    for ref in task.related:
        facts.append((_("Liên quan"), f"{ref} {dataset.tasks[ref].title}"))
    return facts


def _owners(dataset: Dataset, owners: Sequence[str]) -> str:
    """Owners by name and id; a group with how many units it stands for."""
    named = []
    for owner in owners:
        group = dataset.groups.get(owner)
        if group is not None:
            count = len(dataset.members(owner))
            named.append(_("{name} ({id}, {units})").format(name=group.name, id=owner, units=unit_count(count)))
        else:
            named.append(f"{dataset.units[owner].name} ({owner})")
    return "; ".join(named)


def _extension_text(dataset: Dataset, task: Task, extension: Extension) -> str:
    who = dataset.units[extension.unit].name if extension.unit else _("mọi đơn vị")
    text = _("{period}, {who}: đến {day}, theo {document}").format(
        period=period_name(dataset, task, extension.period), who=who, day=day_text(extension.to), document=extension.by
    )
    return text + (_(" ngày {day}").format(day=day_text(extension.on)) if extension.on else "")
