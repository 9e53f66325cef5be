"""``kehoach upcoming``: open occurrences due in the next N days, soonest first."""

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

DEFAULT_DAYS = 30

COLUMNS = (
    Column("due_vn", _("Hạn"), no_wrap=True),
    Column("days_left", _("Còn (ngày)"), no_wrap=True),
    Column("task", _("Số hiệu"), no_wrap=True),
    Column("unit", _("Đơn vị"), fit=True),
    Column("title", _("Nhiệm vụ")),
)


def run(dataset: Dataset, units: Sequence[str], as_of: date, days: int, fmt: Format, out: TextIO) -> int:
    """Due from ``as_of`` (a deadline today is still upcoming) to ``as_of + days``."""
    selected = resolve_units(dataset, units) if units else None
    soon = occurrences(dataset, as_of, as_of + timedelta(days=days), selected)
    found = [entry for entry in entries(dataset, soon, as_of) if entry.status is Status.open]
    rows = [entry_row(entry, dataset) for entry in found]
    title = _("Sắp đến hạn trong {days} ngày tới, tính từ {today}: {count} việc").format(
        days=days, today=vn_date(as_of), count=len(rows)
    )
    if fmt is Format.table:
        rows = [
            {**row, "due_vn": vn_date(entry.occurrence.due), "days_left": (entry.occurrence.due - as_of).days}
            for row, entry in zip(rows, found, strict=True)
        ]
    emit(rows, COLUMNS, fmt, out, title=title)
    return 0
