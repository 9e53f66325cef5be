"""``kehoach overdue``: every open occurrence past due, oldest first, with how many days late."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TextIO

from kehoach.domain.dataset import Dataset
from kehoach.domain.occurrences import Status, entries_between
from kehoach.domain.selection import resolve_units
from kehoach.i18n import _, day_text
from kehoach.present.lineage import write_ended
from kehoach.present.output import Column, Format, emit
from kehoach.present.views import listing_rows

COLUMNS = (
    Column("due_vn", _("Hạn"), no_wrap=True),
    Column("days_late", _("Trễ (ngày)"), no_wrap=True),
    Column("task", _("Số hiệu"), no_wrap=True),
    Column("unit", _("Đơn vị"), fit=True),
    Column("title", _("Nhiệm vụ")),
)


def run(dataset: Dataset, out: TextIO, *, units: Sequence[str], as_of: date, check: bool, fmt: Format) -> int:
    selected = resolve_units(dataset, units) if units else None
    late = entries_between(dataset, date.min, as_of - timedelta(days=1), as_of, selected, Status.overdue)
    title = _("Quá hạn tính đến ngày {today}: {count} việc").format(today=day_text(as_of), count=len(late))
    if fmt is Format.table:
        write_ended(out, dataset, selected, as_of)
    emit(listing_rows(late, dataset, as_of, table=fmt is Format.table), COLUMNS, fmt, out, title=title)
    return 1 if check and late else 0
