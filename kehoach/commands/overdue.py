"""``kehoach overdue``: every open occurrence past due, oldest first, with how many days late."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TextIO

from kehoach.dataset import Dataset
from kehoach.describe import vn_date
from kehoach.i18n import _
from kehoach.occurrences import Status, entries, occurrences
from kehoach.output import Column, Format, emit
from kehoach.selection import resolve_units
from kehoach.views import entry_row

COLUMNS = (
    Column("due_vn", _("Hạn"), no_wrap=True),
    Column("days_late", _("Trễ (ngày)"), no_wrap=True),
    Column("task", _("Số hiệu"), no_wrap=True),
    Column("unit", _("Đơn vị"), fit=True),
    Column("title", _("Nhiệm vụ")),
)


def run(dataset: Dataset, units: Sequence[str], as_of: date, check: bool, fmt: Format, out: TextIO) -> int:
    selected = resolve_units(dataset, units) if units else None
    past = occurrences(dataset, date.min, as_of - timedelta(days=1), selected)
    late = [entry for entry in entries(dataset, past, as_of) if entry.status is Status.overdue]
    rows = [entry_row(entry, dataset) for entry in late]
    title = _("Quá hạn tính đến ngày {today}: {count} việc").format(today=vn_date(as_of), count=len(rows))
    if fmt is Format.table:
        rows = [{**row, "due_vn": vn_date(entry.occurrence.due)} for row, entry in zip(rows, late, strict=True)]
    emit(rows, COLUMNS, fmt, out, title=title)
    return 1 if check and late else 0
