"""``kehoach history``: what was done or waived, when, and with what evidence; unit by unit, newest first."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, TextIO

from kehoach.domain.dataset import Dataset
from kehoach.domain.labels import period_name
from kehoach.domain.model import Record
from kehoach.domain.occurrences import Status, entry_of, occurrence_of
from kehoach.domain.selection import resolve_task, resolve_units
from kehoach.i18n import _, day_text, ngettext, unit_count
from kehoach.present.output import Column, Format, Screen, emit, write_json_rows
from kehoach.present.statuses import look
from kehoach.present.views import (
    NO_EVIDENCE,
    grouped_by_unit,
    grouped_tables,
    named_period,
    refuse_statuses,
    status_counts,
    statuses_text,
    unit_heading,
)

LISTED = (Status.done, Status.done_late, Status.waived)

COLUMNS = (
    Column("day_vn", _("Ngày"), no_wrap=True),
    Column("task", _("Số hiệu"), no_wrap=True),
    Column("period_cell", _("Kỳ"), folds_into="outcome_vn"),
    Column("outcome_vn", _("Kết quả, hạn")),
    Column("proof", _("Văn bản / lý do")),
)


def run(
    dataset: Dataset,
    out: TextIO,
    *,
    ref: str | None,
    units: Sequence[str],
    fmt: Format,
    as_of: date = date.max,
    statuses: Sequence[Status] = (),
    again: Sequence[str] = (),
) -> int:
    """Every record made by ``as_of`` (a record dated later is not yet known on that day)."""
    refuse_statuses(statuses, LISTED, "history", units=units, as_of=None if as_of == date.max else as_of, again=again)
    if ref is not None:
        resolve_task(dataset, ref)  # an unknown ref is refused, with the refs it may have meant
    selected = resolve_units(dataset, units) if units else set(dataset.units)
    # Newest first, each row made as it is written: every record of a province (450,000 at ten
    # times the benchmark's size) is sorted by its key alone, never held as rows.
    chosen = sorted(
        (
            (_day(record), unit, record.task, index)
            for unit in sorted(selected)
            for index, record in enumerate(dataset.units[unit].records)
            if (ref is None or record.task == ref) and _day(record) <= as_of
        ),
        key=lambda key: (key[0], key[1], key[2]),
        reverse=True,
    )
    made = (history_row(dataset, unit, dataset.units[unit].records[index], as_of) for _, unit, _, index in chosen)
    found = (row for row in made if not statuses or Status(row["outcome"]) in statuses)
    if fmt is Format.json:
        write_json_rows(found, out)
        return 0
    rows = list(found)
    if fmt is not Format.table:
        emit(rows, COLUMNS, fmt, out)
    elif not rows:
        Screen(out).line(_empty(ref, units, statuses))
    else:
        _table(dataset, rows, out)
    return 0


def _table(dataset: Dataset, rows: list[dict[str, Any]], out: TextIO) -> None:
    """Rows under their unit's heading (units by name), each unit's newest first."""
    groups = grouped_by_unit(rows, lambda row: row["unit"], dataset)
    title = ngettext(
        "Đã ghi nhận: {count} bản ghi của {units}, mới nhất trước",
        "Đã ghi nhận: {count} bản ghi của {units}, mới nhất trước",
        len(rows),
    ).format(count=len(rows), units=unit_count(len(groups)))
    grouped_tables(
        out,
        title,
        [
            (
                unit_heading(dataset, unit, status_counts([Status(row["outcome"]) for row in found])),
                [{**row, **_cells(row)} for row in found],
            )
            for unit, found in groups
        ],
        COLUMNS,
    )


def _empty(ref: str | None, units: Sequence[str], statuses: Sequence[Status]) -> str:
    """Nothing recorded, said with what was asked: the task, the units, the statuses."""
    asked = []
    if ref is not None:
        asked.append(_("nhiệm vụ {ref}").format(ref=ref))
    if units:
        asked.append(_("đơn vị {units}").format(units=", ".join(units)))
    if statuses:
        asked.append(_("trạng thái {statuses}").format(statuses=statuses_text(statuses)))
    if not asked:
        return _("Chưa có việc nào được ghi nhận hoàn thành hay miễn.")
    return _("Chưa có việc nào được ghi nhận hoàn thành hay miễn ({asked}).").format(asked="; ".join(asked))


def _day(record: Record) -> date:
    day = record.done_on or record.waived_on
    assert day is not None  # the model requires one of them
    return day


def history_row(dataset: Dataset, unit: str, record: Record, as_of: date = date.max) -> dict[str, Any]:
    """A record with the outcome every other view gives its occurrence: against the deadline in
    force (an extension's, if any), as :func:`~kehoach.domain.occurrences.entry_of` decides it."""
    day = _day(record)
    occurrence = occurrence_of(dataset, dataset.tasks[record.task], unit, record.period)
    entry = None if occurrence is None else entry_of(dataset, occurrence, as_of)
    due = occurrence.due if occurrence else None
    outcome = entry.status.value if entry else ("waived" if record.waived_on else "done")
    return {
        "day": day.isoformat(),
        "task": record.task,
        "title": dataset.tasks[record.task].title,
        "unit": unit,
        "unit_name": dataset.units[unit].name,
        "period": record.period,
        "period_label": period_name(dataset, dataset.tasks[record.task], record.period),
        "kind": "report" if occurrence and occurrence.report else "deadline",
        "due": due.isoformat() if due else None,
        "original_due": occurrence.original.isoformat() if occurrence and occurrence.original else None,
        "outcome": outcome,
        "evidence": record.evidence,
        "note": record.note,
        "reason": record.reason,
    }


def _cells(row: dict[str, Any]) -> dict[str, str]:
    completed = Status(row["outcome"]).completed
    proof = row["evidence"] or row["reason"] or (NO_EVIDENCE if completed else "")
    return {
        "day_vn": day_text(date.fromisoformat(row["day"])),
        "period_cell": named_period(row["period_label"], report=row["kind"] == "report"),
        "outcome_vn": _outcome_cell(row),
        "proof": proof + (f" — {row['note']}" if row["note"] else ""),
    }


def _outcome_cell(row: dict[str, Any]) -> str:
    """The outcome, and below it the deadline it was judged against (the one in force)."""
    word = look(Status(row["outcome"])).word
    if not row["due"]:
        return word
    return word + "\n" + _("hạn {day}").format(day=day_text(date.fromisoformat(row["due"])))
