"""``kehoach events``: the events that trigger tasks, whether they happened, and what waits on them."""

from __future__ import annotations

from typing import Any, TextIO

from kehoach.domain.dataset import Dataset
from kehoach.domain.model import OnEvent
from kehoach.i18n import _, day_text
from kehoach.present.output import Column, Format, emit

COLUMNS = (
    Column("name", _("Sự kiện")),
    Column("date_vn", _("Ngày"), no_wrap=True),
    Column("tasks", _("Nhiệm vụ chờ"), no_wrap=True),
)


def run(dataset: Dataset, out: TextIO, *, fmt: Format) -> int:
    rows = [event_row(dataset, event_id) for event_id in dataset.events]
    if fmt is Format.table:
        rows = [{**row, "date_vn": _date_cell(row["date"])} for row in rows]
    emit(rows, COLUMNS, fmt, out, empty=_("Kế hoạch không có sự kiện nào kích hoạt nhiệm vụ."))
    return 0


def event_row(dataset: Dataset, event_id: str) -> dict[str, Any]:
    event = dataset.events[event_id]
    waiting = [
        task.ref
        for task in dataset.plan.tasks
        if isinstance(task.schedule, OnEvent) and task.schedule.event == event_id
    ]
    return {
        "id": event.id,
        "name": event.name,
        "date": event.date.isoformat() if event.date else None,
        "tasks": waiting,
    }


def _date_cell(day: str | None) -> str:
    from datetime import date

    return day_text(date.fromisoformat(day)) if day else _("chưa xảy ra")
