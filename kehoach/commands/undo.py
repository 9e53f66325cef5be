"""``kehoach undo``: take back the record (done or waived) of one occurrence."""

from __future__ import annotations

from typing import TextIO

from kehoach.commands.done import describe_record
from kehoach.domain.labels import matching_period, period_name
from kehoach.errors import UsageError
from kehoach.files.load import Edit
from kehoach.files.records import existing_record, owned_task, remove_record
from kehoach.i18n import _
from kehoach.present.output import write_line
from kehoach.present.periods import refuse_outside_the_years, the_only


def run(edit: Edit, out: TextIO, *, ref: str, unit: str, period: str | None) -> int:
    dataset = edit.dataset
    task, unit = owned_task(dataset, ref, unit)
    records = [record for record in dataset.units[unit].records if record.task == ref]
    recorded = [(record.period, period_name(dataset, task, record.period)) for record in records]
    if period is None:  # left out: the unit's one record of the task, if it has exactly one
        period = the_only(ref, [(key, f"{name} ({key})") for key, name in recorded])
    period = matching_period(period, recorded) or period  # a recorded period may be named as shown
    found = existing_record(dataset, unit, ref, period)
    if found is None:
        refuse_outside_the_years(period)  # no record can have such a period: validate refuses it
        raise UsageError(
            _("{unit} chưa có bản ghi nào cho {ref} kỳ '{period}'; xem: kehoach history {ref} --unit {unit}").format(
                unit=unit, ref=ref, period=period
            )
        )
    edit.wrote(remove_record(edit.folder.unit_document(unit), dataset.units[unit], found[0]))
    write_line(
        out,
        _("Đã xóa bản ghi {ref} ({period}) của {unit}: {record}.").format(
            ref=ref, period=period_name(dataset, task, period), unit=unit, record=describe_record(found[1])
        ),
    )
    return 0
