"""``kehoach waive``: record that an occurrence does not apply to a unit, with the reason."""

from __future__ import annotations

from datetime import date
from typing import TextIO

from kehoach.commands.done import record_once
from kehoach.domain.periods import period_label
from kehoach.files.load import Edit
from kehoach.files.records import checked_record, owned_task
from kehoach.i18n import _
from kehoach.present.output import write_line


def run(
    edit: Edit,
    out: TextIO,
    *,
    ref: str,
    unit: str,
    period: str,
    reason: str,
    on: date | None,
    as_of: date,
) -> int:
    dataset = edit.dataset
    owned_task(dataset, ref, unit)
    record, occurrence = checked_record(
        dataset, unit, as_of, task=ref, period=period, waived_on=on or as_of, reason=reason
    )
    if (written := record_once(edit, unit, record, out)) is None:
        return 0
    edit.wrote(written)
    write_line(
        out,
        _("Đã ghi: {unit} được miễn {ref} kỳ {period}.").format(
            unit=unit, ref=ref, period=period_label(occurrence.period)
        ),
    )
    return 0
