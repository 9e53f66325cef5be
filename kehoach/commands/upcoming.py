"""``kehoach upcoming``: open occurrences due in the next N days, soonest first."""

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
    Column("days_left", _("Còn (ngày)"), no_wrap=True),
    Column("task", _("Số hiệu"), no_wrap=True),
    Column("unit", _("Đơn vị"), fit=True),
    Column("title", _("Nhiệm vụ")),
)


def run(dataset: Dataset, out: TextIO, *, units: Sequence[str], as_of: date, days: int, fmt: Format) -> int:
    """Due from ``as_of`` (a deadline today is still upcoming) to ``as_of + days``."""
    selected = resolve_units(dataset, units) if units else None
    soon = entries_between(dataset, as_of, as_of + timedelta(days=days), as_of, selected, Status.open)
    title = _("Sắp đến hạn trong {days} ngày tới, tính từ {today}: {count} việc").format(
        days=days, today=day_text(as_of), count=len(soon)
    )
    if fmt is Format.table:
        write_ended(out, dataset, selected, as_of)
    emit(listing_rows(soon, dataset, as_of, table=fmt is Format.table), COLUMNS, fmt, out, title=title)
    return 0
