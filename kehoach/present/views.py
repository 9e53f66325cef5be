"""Presentation of occurrences: JSON/CSV rows, status wording and tables grouped by unit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, TextIO

from kehoach.domain.dataset import Dataset
from kehoach.domain.labels import period_name
from kehoach.domain.model import Record
from kehoach.domain.occurrences import Entry
from kehoach.i18n import _, day_text
from kehoach.present.output import Column, Screen
from kehoach.present.statuses import by_urgency, look
from kehoach.present.tables import Cell

NO_EVIDENCE = _("chưa có văn bản")
"""What a completion recorded without its document shows wherever people read it (tables, reports,
calendars); JSON and CSV carry ``evidence: null``. Allowed, but never silent."""


def evidence_text(record: Record | None) -> str:
    """A completion's document, or :data:`NO_EVIDENCE`; ``""`` for a waiver or no record."""
    if record is None or record.done_on is None:
        return ""
    return record.evidence or NO_EVIDENCE


def entry_row(entry: Entry, dataset: Dataset) -> dict[str, Any]:
    """One occurrence as JSON: the same keys for every status, ``null`` where they do not apply."""
    occurrence, record = entry.occurrence, entry.record
    return {
        "task": occurrence.task,
        "title": dataset.tasks[occurrence.task].title,
        "unit": occurrence.unit,
        "unit_name": dataset.units[occurrence.unit].name,
        "period": occurrence.period,
        "period_label": period_name(dataset, dataset.tasks[occurrence.task], occurrence.period),
        "kind": "report" if occurrence.report else "deadline",
        "due": occurrence.due.isoformat(),
        "status": entry.status.value,
        "days_late": entry.days_late,
        "done_on": record.done_on.isoformat() if record and record.done_on else None,
        "evidence": record.evidence if record else None,
        "waived_on": record.waived_on.isoformat() if record and record.waived_on else None,
        "reason": record.reason if record else None,
        "inherited_from": occurrence.via or None,
        "original_due": occurrence.original.isoformat() if occurrence.original else None,
        "extended_by": _extension_document(entry, dataset),
    }


def _extension_document(entry: Entry, dataset: Dataset) -> str | None:
    if entry.occurrence.original is None:
        return None
    extension = dataset.extension_for(entry.occurrence.task, entry.occurrence.unit, entry.occurrence.period)
    return extension.by if extension else None


def listing_row(entry: Entry, dataset: Dataset, as_of: date) -> dict[str, Any]:
    """An entry's JSON row plus the cells a flat table adds: the due date as dd/mm/yyyy, days left."""
    due, occurrence = entry.occurrence.due, entry.occurrence
    row = {**entry_row(entry, dataset), "due_vn": day_text(due), "days_left": (due - as_of).days}
    if occurrence.via:  # the table shows where an inherited obligation came from
        row["unit"] = f"{occurrence.unit} ← {occurrence.via}"
    # The title names the period too (Quý I/2022), and says whether the deadline was extended.
    row["title"] = f"{_title_cell(entry, dataset)} — {period_cell(entry, dataset)}"
    return row


def listing_rows(found: Sequence[Entry], dataset: Dataset, as_of: date, *, table: bool) -> list[dict[str, Any]]:
    """JSON rows, or for a table the same rows with their display cells."""
    return [listing_row(entry, dataset, as_of) if table else entry_row(entry, dataset) for entry in found]


def period_cell(entry: Entry, dataset: Dataset) -> str:
    """The period by its name; a periodic report (not a deadline the document sets) says so."""
    name = period_name(dataset, dataset.tasks[entry.occurrence.task], entry.occurrence.period)
    return named_period(name, report=entry.occurrence.report)


def named_period(name: str, *, report: bool) -> str:
    """A period's name as a cell: "Năm 2022", or for a report the reporting rule asks for, "Báo cáo
    năm 2022", so that no view confuses it with a deadline the document sets."""
    return _("Báo cáo {period}").format(period=name[:1].lower() + name[1:]) if report else name


def status_text(entry: Entry) -> str:
    """The status in words; lateness in days is part of the text, never left to colour alone."""
    label = look(entry.status).word
    if entry.days_late:
        return _("{label} {days} ngày").format(label=label, days=entry.days_late)
    return label


def counts_text(found: Sequence[Entry]) -> str:
    counts = {status: sum(1 for entry in found if entry.status is status) for status in by_urgency()}
    return ", ".join(f"{count} {look(status).word.lower()}" for status, count in counts.items() if count)


def entry_cells(entry: Entry, dataset: Dataset) -> dict[str, Any]:
    """Table cells of an occurrence: dates as dd/mm/yyyy, the status with its style; under a
    completion without its document, that it has none."""
    status = status_text(entry)
    if entry.status.completed and entry.record and not entry.record.evidence:
        status += "\n" + NO_EVIDENCE
    return {
        "task": entry.occurrence.task,
        "title": _title_cell(entry, dataset),
        "period": period_cell(entry, dataset),
        "unit": entry.occurrence.unit,
        "due": day_text(entry.occurrence.due),
        "status": Cell(status, look(entry.status).style),
        "evidence": evidence_text(entry.record),
    }


def _title_cell(entry: Entry, dataset: Dataset) -> str:
    title = dataset.tasks[entry.occurrence.task].title
    if entry.occurrence.via:
        title += _(" (kế thừa từ {unit})").format(unit=entry.occurrence.via)
    if entry.occurrence.original:
        title += _(" (gia hạn từ {day}, {document})").format(
            day=day_text(entry.occurrence.original), document=_extension_document(entry, dataset)
        )
    return title


def grouped_tables(
    out: TextIO, title: str, groups: Sequence[tuple[str, Sequence[dict[str, Any]]]], columns: Sequence[Column]
) -> None:
    """A heading line per unit with its own table below."""
    screen = Screen(out)
    screen.line(title, "bold")
    for heading, rows in groups:
        screen.line()
        screen.line(heading, "bold")
        screen.table(columns, rows)
