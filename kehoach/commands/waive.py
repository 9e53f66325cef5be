"""``kehoach waive``: record that an occurrence does not apply to a unit, with the reason."""

from __future__ import annotations

from datetime import date
from typing import TextIO

from kehoach.commands.done import record_once
from kehoach.domain.labels import period_of
from kehoach.files.load import Edit
from kehoach.files.records import checked_record, owned_task
from kehoach.i18n import _
from kehoach.present.output import write_line
from kehoach.present.periods import open_period, period_key


def run(
    edit: Edit,
    out: TextIO,
    *,
    ref: str,
    unit: str,
    period: str | None,
    reason: str,
    on: date | None,
    as_of: date,
) -> int:
    dataset = edit.dataset
    task, unit = owned_task(dataset, ref, unit)
    record, _occurrence = checked_record(
        dataset,
        unit,
        as_of,
        task=ref,
        period=period_key(dataset, task, unit, period, as_of) if period else open_period(dataset, task, unit, as_of),
        waived_on=on or as_of,
        reason=reason,
    )
    if (written := record_once(edit, unit, record, out)) is None:
        return 0
    edit.wrote(written)
    write_line(
        out,
        _("Đã ghi: {unit} được miễn {ref} ({period}).").format(unit=unit, ref=ref, period=period_of(dataset, record)),
    )
    return 0
