"""``kehoach upcoming``: open occurrences due in the next N days, unit by unit, soonest first."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TextIO

from kehoach.domain.dataset import Dataset
from kehoach.domain.occurrences import Status, entries_between
from kehoach.domain.selection import resolve_units
from kehoach.i18n import _, day_count, day_text, ngettext, unit_count
from kehoach.present.lineage import write_ended
from kehoach.present.output import Column, Format, Screen, emit
from kehoach.present.views import by_unit, entry_row, refuse_statuses, write_by_unit

LISTED = (Status.open,)

COLUMNS = (
    Column("task", _("Số hiệu"), no_wrap=True),
    Column("title", _("Nhiệm vụ")),
    Column("period", _("Kỳ"), folds_into="title"),
    Column("due", _("Hạn"), no_wrap=True),
    Column("days_left", _("Còn (ngày)"), no_wrap=True),
)


def run(
    dataset: Dataset,
    out: TextIO,
    *,
    units: Sequence[str],
    as_of: date,
    days: int,
    fmt: Format,
    statuses: Sequence[Status] = (),
    again: Sequence[str] = (),
) -> int:
    """Due from ``as_of`` (a deadline today is still upcoming) to ``as_of + days``."""
    refuse_statuses(statuses, LISTED, "upcoming", units=units, as_of=as_of, again=again)
    selected = resolve_units(dataset, units) if units else None
    soon = entries_between(dataset, as_of, as_of + timedelta(days=days), as_of, selected, Status.open)
    if fmt is Format.table:
        write_ended(out, dataset, selected, as_of)  # an ended unit says so before what it still owes
    if fmt is not Format.table:
        emit([entry_row(entry, dataset) for entry in soon], COLUMNS, fmt, out)
    elif not soon:
        Screen(out).line(
            _("Không có việc nào đến hạn trong {days} tới, tính từ {today}.").format(
                days=day_count(days), today=day_text(as_of)
            ),
        )
    else:
        title = ngettext(
            "Sắp đến hạn trong {days} tới, tính từ {today}: {count} việc của {units}",
            "Sắp đến hạn trong {days} tới, tính từ {today}: {count} việc của {units}",
            len(soon),
        ).format(
            days=day_count(days), today=day_text(as_of), count=len(soon), units=unit_count(len(by_unit(soon, dataset)))
        )
        write_by_unit(out, title, soon, dataset, COLUMNS, as_of)
    return 0
