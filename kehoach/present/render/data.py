"""The report as JSON-ready data: every number the other formats show, under stable keys.

It is also what the tests hold the HTML dashboard and the xlsx workbook to.
"""

from __future__ import annotations

from typing import Any

from kehoach.domain.dataset import Dataset
from kehoach.domain.model import describe_schedule
from kehoach.domain.occurrences import Entry
from kehoach.domain.report import Report, Tally, TaskReport, UnitReport
from kehoach.present.statuses import report_columns
from kehoach.present.views import entry_row


def report_data(report: Report, dataset: Dataset) -> dict[str, Any]:
    return {
        "title": report.title,
        "from": report.first.isoformat(),
        "to": report.last.isoformat(),
        "as_of": report.as_of.isoformat(),
        "made_on": report.made_on.isoformat(),
        "totals": tally_data(report.total),
        "reports": tally_data(report.reports),
        "backlog": report.backlog_total,
        "without_evidence": report.without_evidence_total,
        "units": [unit_data(unit, dataset) for unit in report.units],
        "tasks": [task_data(task, dataset) for task in report.tasks],
        "waiting_events": [{"id": event.id, "name": event.name, "tasks": refs} for event, refs in report.waiting],
        "extensions": [
            {
                "task": extension.task,
                "unit": extension.unit,
                "period": extension.period,
                "original_due": original.isoformat(),
                "to": extension.to.isoformat(),
                "by": extension.by,
                "on": extension.on.isoformat() if extension.on else None,
            }
            for extension, original in report.extensions
        ],
        "timeline": [
            {
                "quarter": quarter.key,
                "start": quarter.start.isoformat(),
                "end": quarter.end.isoformat(),
                **tally_data(quarter.tally),
            }
            for quarter in report.timeline
        ],
    }


def tally_data(tally: Tally) -> dict[str, Any]:
    rate = tally.completion_rate
    return {
        **{status.value: tally[status] for status in report_columns()},
        "total": tally.total,
        "completion_rate": None if rate is None else round(rate, 4),
    }


def unit_data(unit: UnitReport, dataset: Dataset) -> dict[str, Any]:
    return {
        "unit": unit.unit,
        "name": unit.name,
        **tally_data(unit.tally),
        "reports": tally_data(unit.reports),
        "overdue_items": [item_data(entry, dataset) for entry in unit.overdue],
        "backlog_items": [item_data(entry, dataset) for entry in unit.backlog],
        "without_evidence": len(unit.without_evidence),
        "completed_items": [item_data(entry, dataset) for entry in unit.completed],
        "ongoing": [
            {
                "task": ref,
                "title": dataset.tasks[ref].title,
                "when": describe_schedule(dataset.tasks[ref].schedule, dataset),
            }
            for ref in unit.ongoing
        ],
    }


def task_data(task: TaskReport, dataset: Dataset) -> dict[str, Any]:
    """A task with every unit's outcome in the range (the Báo cáo's sections), each item keyed as
    a listing's row: the unit, its period and status, and the document that proves it."""
    return {
        "task": task.ref,
        "title": dataset.tasks[task.ref].title,
        **tally_data(task.tally),
        "items": [entry_row(entry, dataset) for entry in task.entries],
    }


ITEM_KEYS = ("task", "title", "period", "period_label", "kind", "due", "status", "days_late", "done_on", "evidence")


def item_data(entry: Entry, dataset: Dataset) -> dict[str, Any]:
    """An overdue or completed item: the listing's row (kehoach.present.views) without the unit, plus the note."""
    row = entry_row(entry, dataset)
    return {**{key: row[key] for key in ITEM_KEYS}, "note": entry.record.note if entry.record else None}
