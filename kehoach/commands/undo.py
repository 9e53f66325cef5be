"""``kehoach undo``: take back the record (done or waived) of one occurrence."""

from __future__ import annotations

from typing import TextIO

from kehoach.commands.done import describe_record
from kehoach.errors import UsageError
from kehoach.files.load import Edit
from kehoach.files.records import existing_record, owned_task, remove_record
from kehoach.i18n import _
from kehoach.present.output import write_line


def run(edit: Edit, out: TextIO, *, ref: str, unit: str, period: str) -> int:
    dataset = edit.dataset
    _task, unit = owned_task(dataset, ref, unit)
    found = existing_record(dataset, unit, ref, period)
    if found is None:
        raise UsageError(
            _("{unit} chưa có bản ghi nào cho {ref} kỳ '{period}'; xem: kehoach history {ref} --unit {unit}").format(
                unit=unit, ref=ref, period=period
            )
        )
    edit.wrote(remove_record(edit.folder.unit_document(unit), dataset.units[unit], found[0]))
    write_line(
        out,
        _("Đã xóa bản ghi {ref} kỳ {period} của {unit}: {record}.").format(
            ref=ref, period=period, unit=unit, record=describe_record(found[1])
        ),
    )
    return 0
