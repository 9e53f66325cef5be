"""``kehoach due``: the overview of every unit for the calendar week, month, quarter or year
around a day, then every occurrence due in it, unit by unit.

``--brief`` prints the overview alone (as ``kehoach summary`` does); ``--status`` keeps only the
occurrences in those statuses in the detail (the overview counts all of them, always).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Literal, TextIO

from kehoach.commands import summary
from kehoach.domain import periods
from kehoach.domain import summary as domain_summary
from kehoach.domain.dataset import Dataset
from kehoach.domain.occurrences import Entry, Status, entries_between
from kehoach.domain.periods import period_label
from kehoach.domain.selection import resolve_units
from kehoach.i18n import _, day_text, days_text, ngettext
from kehoach.present import overview
from kehoach.present.lineage import write_ended
from kehoach.present.output import Column, Format, Screen, emit
from kehoach.present.views import command_hint, entry_row, statuses_text, wanted, write_by_unit, write_command

Span = Literal["week", "month", "quarter", "year"]
"""The calendar spans of ``kehoach due`` (see :func:`kehoach.domain.periods.containing`)."""

COLUMNS = (
    Column("task", _("Số hiệu"), no_wrap=True),
    Column("title", _("Nhiệm vụ")),
    Column("period", _("Kỳ"), folds_into="title"),
    Column("due", _("Hạn"), no_wrap=True),
    Column("status", _("Trạng thái"), no_wrap=True),
)


def run(
    dataset: Dataset,
    out: TextIO,
    *,
    units: Sequence[str],
    as_of: date,
    span: periods.Span,
    fmt: Format,
    statuses: Sequence[Status] = (),
    brief: bool = False,
    again: Sequence[str] = (),
) -> int:
    """``again``: the options to repeat in the hints (the ``--data`` the user typed)."""
    window = periods.containing(as_of, span)
    selected = resolve_units(dataset, units) if units else None
    if fmt is Format.table:
        write_ended(out, dataset, selected, as_of)  # an ended unit says so before what it still owes
    if brief:
        overview_found = domain_summary.build(dataset, window.start, window.end, as_of, selected)
        summary.write(out, window=window, found=overview_found, fmt=fmt)
        if fmt is Format.table:
            screen = Screen(out)
            screen.line(_("Chi tiết từng việc:"))
            write_command(screen, command_hint("due", units, as_of, span, statuses=statuses, again=again))
        return 0
    in_window = entries_between(dataset, window.start, window.end, as_of, selected)
    found = wanted(in_window, statuses)
    if fmt is not Format.table:
        emit([entry_row(entry, dataset) for entry in found], COLUMNS, fmt, out)
        return 0
    earlier = entries_between(dataset, date.min, window.start - timedelta(days=1), as_of, selected, Status.overdue)
    screen = Screen(out)  # the overview counts what the detail lists: found once, for both
    overview.write(
        screen,
        window,
        domain_summary.of_entries(dataset, window.start, window.end, as_of, selected, in_window, earlier),
    )
    screen.line()
    _detail(dataset, window, as_of, found, statuses, screen)
    if earlier:
        still = ngettext(
            "Còn {count} việc quá hạn từ các kỳ trước; xem:",
            "Còn {count} việc quá hạn từ các kỳ trước; xem:",
            len(earlier),
        )
        screen.line(still.format(count=len(earlier)))
        write_command(screen, command_hint("overdue", units, as_of, again=again))
    else:
        screen.line(_("Không còn việc quá hạn từ các kỳ trước."))
    return 0


def _detail(
    dataset: Dataset,
    window: periods.Period,
    as_of: date,
    found: list[Entry],
    statuses: Sequence[Status],
    screen: Screen,
) -> None:
    title = _("Đến hạn trong {period} ({days}), tính đến ngày {today}").format(
        period=period_label(window.key), days=days_text(window.start, window.end), today=day_text(as_of)
    )
    if statuses:
        title += _(", trạng thái: {statuses}").format(statuses=statuses_text(statuses))
    if not found:
        screen.line(title + _(": không có nhiệm vụ nào."))
        return
    write_by_unit(screen.out, title, found, dataset, COLUMNS)
