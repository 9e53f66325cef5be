"""``kehoach waive``: record that an occurrence does not apply to a unit, with the reason."""

from __future__ import annotations

from datetime import date
from typing import TextIO

from kehoach.commands.done import record_once
from kehoach.files.load import Edit
from kehoach.files.records import build_record, claimed, occurrence_for
from kehoach.i18n import _
from kehoach.present.describe import period_label
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
    task, unit, day = claimed(dataset, ref, unit, on, as_of)
    occurrence = occurrence_for(dataset, task, unit, period, as_of)
    record = build_record(task=ref, period=occurrence.period, waived_on=day, reason=reason)
    if (written := record_once(dataset, unit, record, out)) is None:
        return 0
    edit.wrote(written)
    write_line(
        out,
        _("Đã ghi: {unit} được miễn {ref} kỳ {period}.").format(unit=unit, ref=ref, period=period_label(period)),
    )
    return 0
