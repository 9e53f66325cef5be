"""``kehoach done``: record that a unit met one occurrence of a task, with the proving document."""

from __future__ import annotations

from datetime import date
from typing import TextIO

from kehoach.domain.dataset import Dataset
from kehoach.domain.model import Record
from kehoach.files.load import Edit
from kehoach.files.records import (
    Written,
    append_record,
    build_record,
    claimed,
    existing_record,
    occurrence_for,
)
from kehoach.i18n import _
from kehoach.present.describe import period_label, vn_date
from kehoach.present.output import write_line


def run(
    edit: Edit,
    out: TextIO,
    *,
    ref: str,
    unit: str,
    period: str | None,
    on: date | None,
    evidence: str | None,
    note: str | None,
    as_of: date,
) -> int:
    dataset = edit.dataset
    task, unit, day = claimed(dataset, ref, unit, on, as_of)
    if period is None and (repeat := _same_done(dataset.units[unit].records, ref, day, evidence, note)):
        return already_recorded(repeat, repeat, out)  # the same command run again names no period
    occurrence = occurrence_for(dataset, task, unit, period, as_of)
    record = build_record(task=ref, period=occurrence.period, done_on=day, evidence=evidence, note=note)
    if (written := record_once(dataset, unit, record, out)) is None:
        return 0
    edit.wrote(written)
    write_line(
        out,
        _("Đã ghi: {unit} hoàn thành {ref} kỳ {period} (hạn {due}) ngày {day}.").format(
            unit=unit, ref=ref, period=period_label(occurrence.period), due=vn_date(occurrence.due), day=vn_date(day)
        ),
    )
    return 0


def _same_done(records: list[Record], ref: str, day: date, evidence: str | None, note: str | None) -> Record | None:
    for record in records:
        if (record.task, record.done_on, record.evidence, record.note) == (ref, day, evidence, note):
            return record
    return None


def record_once(dataset: Dataset, unit: str, record: Record, out: TextIO) -> Written | None:
    """Append a new record; ``None`` when the occurrence has this very record already (it says so)."""
    found = existing_record(dataset, unit, record.task, record.period)
    if found is not None:
        already_recorded(found[1], record, out)
        return None
    return append_record(dataset, unit, record)


def already_recorded(found: Record, wanted: Record, out: TextIO) -> int:
    """Repeating the same command changes nothing and succeeds; a different record is refused."""
    from kehoach.errors import UsageError

    if found == wanted:
        write_line(out, _("Đã có bản ghi này từ trước; không thay đổi gì."))
        return 0
    raise UsageError(
        _("{ref} kỳ {period} đã có bản ghi: {record}. Muốn sửa, hãy chạy kehoach undo trước").format(
            ref=found.task, period=found.period, record=describe_record(found)
        )
    )


def describe_record(record: Record) -> str:
    if record.waived_on:
        return _("miễn thực hiện ngày {day} ({reason})").format(day=vn_date(record.waived_on), reason=record.reason)
    assert record.done_on is not None
    proof = _(", văn bản: {evidence}").format(evidence=record.evidence) if record.evidence else ""
    return _("hoàn thành ngày {day}{proof}").format(day=vn_date(record.done_on), proof=proof)
