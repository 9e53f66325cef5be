"""``kehoach overdue``: every open occurrence past due, unit by unit, oldest first, with days late."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TextIO

from kehoach.domain.dataset import Dataset
from kehoach.domain.occurrences import Status, entries_between
from kehoach.domain.selection import resolve_units
from kehoach.i18n import _, day_text, ngettext, unit_count
from kehoach.present.lineage import write_ended
from kehoach.present.output import Column, Format, Screen, emit
from kehoach.present.views import by_unit, entry_row, refuse_statuses, write_by_unit

LISTED = (Status.overdue,)

COLUMNS = (
    Column("task", _("Số hiệu"), no_wrap=True),
    Column("title", _("Nhiệm vụ")),
    Column("period", _("Kỳ"), folds_into="title"),
    Column("due", _("Hạn"), no_wrap=True),
    Column("days_late", _("Trễ (ngày)"), no_wrap=True),
)


def run(
    dataset: Dataset,
    out: TextIO,
    *,
    units: Sequence[str],
    as_of: date,
    check: bool,
    fmt: Format,
    statuses: Sequence[Status] = (),
    again: Sequence[str] = (),
) -> int:
    refuse_statuses(statuses, LISTED, "overdue", units=units, as_of=as_of, again=again)
    selected = resolve_units(dataset, units) if units else None
    late = entries_between(dataset, date.min, as_of - timedelta(days=1), as_of, selected, Status.overdue)
    if fmt is Format.table:
        write_ended(out, dataset, selected, as_of)  # an ended unit says so before what it still owes
    if fmt is not Format.table:
        emit([entry_row(entry, dataset) for entry in late], COLUMNS, fmt, out)
    elif not late:
        Screen(out).line(_("Không có việc quá hạn tính đến ngày {today}.").format(today=day_text(as_of)))
    else:
        units_late = len(by_unit(late, dataset))
        title = ngettext(
            "Quá hạn tính đến ngày {today}: {count} việc của {units}",
            "Quá hạn tính đến ngày {today}: {count} việc của {units}",
            len(late),
        ).format(today=day_text(as_of), count=len(late), units=unit_count(units_late))
        write_by_unit(out, title, late, dataset, COLUMNS)
    return 1 if check and late else 0
