"""``kehoach done``: record that a unit met one occurrence of a task, with the proving document."""

from __future__ import annotations

from datetime import date
from typing import TextIO

from kehoach.domain.dataset import Dataset
from kehoach.domain.labels import period_of
from kehoach.domain.model import Record, Task
from kehoach.domain.occurrences import Occurrence, current_occurrence
from kehoach.files.load import Edit
from kehoach.files.records import Written, append_record, checked_record, existing_record, owned_task, period_for
from kehoach.i18n import _, day_count, day_text
from kehoach.present.output import write_line
from kehoach.present.periods import period_key
from kehoach.present.views import NO_EVIDENCE


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
    task, unit = owned_task(dataset, ref, unit)
    day = on or as_of
    if period is None and (repeat := _same_done(dataset.units[unit].records, ref, day, evidence, note)):
        return already_recorded(repeat, repeat, out)  # the same command run again names no period
    typed = None if period is None else period_key(dataset, task, unit, period, as_of)
    chosen = period_for(dataset, task, unit, typed, as_of)
    record, occurrence = checked_record(
        dataset, unit, as_of, task=ref, period=chosen, done_on=day, evidence=evidence, note=note
    )
    if (written := record_once(edit, unit, record, out)) is None:
        return 0
    edit.wrote(written)
    write_line(
        out,
        _("Đã ghi: {unit} hoàn thành {ref} ({period}, hạn {due}) ngày {day}.").format(
            unit=unit, ref=ref, period=period_of(dataset, occurrence), due=day_text(occurrence.due), day=day_text(day)
        ),
    )
    if period is None:
        write_line(out, _chosen(dataset, task, occurrence, day))
    if evidence is None:
        message = _(
            'Chưa có văn bản chứng minh: bản ghi hiện là "chưa có văn bản". Khi có, hãy chạy '
            "kehoach undo {ref} --unit {unit} --period {period} rồi ghi lại kèm --evidence."
        )
        write_line(out, message.format(ref=ref, unit=unit, period=record.period))
    return 0


def _chosen(dataset: Dataset, task: Task, occurrence: Occurrence, day: date) -> str:
    """Which period ``done`` took when none was named; when it is not the one under way on the day
    of the record, that the record closed an older one, and how late."""
    chosen = period_of(dataset, occurrence)
    late = (day - occurrence.due).days
    if late <= 0:
        return _("Không chỉ rõ --period nên đã chọn kỳ cũ nhất chưa ghi nhận: {period} (kỳ hiện tại).").format(
            period=chosen
        )
    current = current_occurrence(dataset, task, occurrence.unit, day)
    if current is None:
        message = _(
            "Không chỉ rõ --period nên đã chọn kỳ cũ nhất chưa ghi nhận: {period}, đã quá hạn; "
            "bản ghi này đóng kỳ cũ đó, muộn {days}."
        )
        return message.format(period=chosen, days=day_count(late))
    message = _(
        "Không chỉ rõ --period nên đã chọn kỳ cũ nhất chưa ghi nhận: {period}, không phải kỳ hiện tại ({current}); "
        "bản ghi này đóng kỳ cũ đó, muộn {days}."
    )
    return message.format(period=chosen, current=period_of(dataset, current), days=day_count(late))


def _same_done(records: list[Record], ref: str, day: date, evidence: str | None, note: str | None) -> Record | None:
    for record in records:
        if (record.task, record.done_on, record.evidence, record.note) == (ref, day, evidence, note):
            return record
    return None


def record_once(edit: Edit, unit: str, record: Record, out: TextIO) -> Written | None:
    """Append a new record; ``None`` when the occurrence has this very record already (it says so)."""
    found = existing_record(edit.dataset, unit, record.task, record.period)
    if found is not None:
        already_recorded(found[1], record, out)
        return None
    return append_record(edit.folder.unit_document(unit), edit.dataset.units[unit], record)


def already_recorded(found: Record, wanted: Record, out: TextIO) -> int:
    """Repeating the same command changes nothing and succeeds; a different record is refused."""
    from kehoach.errors import UsageError

    if found.model_copy(update={"period": wanted.period}) == wanted:  # of one occurrence, maybe named otherwise
        write_line(out, _("Đã có bản ghi này từ trước; không thay đổi gì."))
        return 0
    raise UsageError(
        _("{ref} kỳ {period} đã có bản ghi: {record}. Muốn sửa, hãy chạy kehoach undo trước").format(
            ref=found.task, period=found.period, record=describe_record(found)
        )
    )


def describe_record(record: Record) -> str:
    if record.waived_on:
        return _("miễn thực hiện ngày {day} ({reason})").format(day=day_text(record.waived_on), reason=record.reason)
    assert record.done_on is not None
    proof = _(", văn bản: {evidence}").format(evidence=record.evidence) if record.evidence else ", " + NO_EVIDENCE
    return _("hoàn thành ngày {day}{proof}").format(day=day_text(record.done_on), proof=proof)
