"""``kehoach due``: every occurrence due in the calendar week, month, quarter or year around a day."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Literal, TextIO

from kehoach.domain import periods
from kehoach.domain.dataset import Dataset
from kehoach.domain.occurrences import Entry, Status, entries_between
from kehoach.domain.periods import period_label
from kehoach.domain.selection import resolve_units
from kehoach.i18n import _, day_text
from kehoach.present.lineage import write_ended
from kehoach.present.output import Column, Format, emit, write_line
from kehoach.present.views import counts_text, entry_cells, entry_row, grouped_tables

Span = Literal["week", "month", "quarter", "year"]
"""The calendar spans of ``kehoach due`` (see :func:`kehoach.domain.periods.containing`)."""

COLUMNS = (
    Column("task", _("Số hiệu"), no_wrap=True),
    Column("title", _("Nhiệm vụ")),
    Column("period", _("Kỳ")),
    Column("due", _("Hạn"), no_wrap=True),
    Column("status", _("Trạng thái"), no_wrap=True),
)


def run(dataset: Dataset, out: TextIO, *, units: Sequence[str], as_of: date, span: periods.Span, fmt: Format) -> int:
    selected = resolve_units(dataset, units) if units else None
    window = periods.containing(as_of, span)
    found = entries_between(dataset, window.start, window.end, as_of, selected)
    if fmt is not Format.table:
        emit([entry_row(entry, dataset) for entry in found], COLUMNS, fmt, out)
        return 0
    write_ended(out, dataset, selected, as_of)
    earlier = entries_between(dataset, date.min, window.start - timedelta(days=1), as_of, selected, Status.overdue)
    _table(dataset, window, as_of, found, out)
    write_line(out, _footer(len(earlier), as_of))
    return 0


def _table(dataset: Dataset, window: periods.Period, as_of: date, found: list[Entry], out: TextIO) -> None:
    title = _("Đến hạn trong {period} ({start} – {end}), tính đến ngày {today}").format(
        period=period_label(window.key), start=day_text(window.start), end=day_text(window.end), today=day_text(as_of)
    )
    if not found:
        write_line(out, title + _(": không có nhiệm vụ nào."))
        return
    by_unit: dict[str, list[Entry]] = {}
    for entry in found:
        by_unit.setdefault(entry.occurrence.unit, []).append(entry)
    groups = [
        (f"{dataset.units[unit].name} ({unit}): {counts_text(group)}", [entry_cells(entry, dataset) for entry in group])
        for unit, group in sorted(by_unit.items())
    ]
    grouped_tables(out, title, groups, COLUMNS)


def _footer(still_overdue: int, as_of: date) -> str:
    if not still_overdue:
        return _("Không còn việc quá hạn từ các kỳ trước.")
    return _("Còn {count} việc quá hạn từ các kỳ trước; xem: kehoach overdue --as-of {day}").format(
        count=still_overdue, day=as_of.isoformat()
    )
