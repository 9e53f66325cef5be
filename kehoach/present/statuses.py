"""How each status looks, in one table: its words, colours, symbol and order, for every view.

A new :class:`~kehoach.domain.occurrences.Status` is one more case in :func:`look`; the ``match``
is exhaustive, so mypy fails until the case is written. Tables, the calendar, the report's
renderers and charts all read this function, never a table of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import assert_never

from kehoach.domain.occurrences import Status
from kehoach.i18n import _


@dataclass(frozen=True)
class Look:
    word: str
    """The status of one occurrence, in tables and calendars ("Hoàn thành")."""
    heading: str
    """A count of occurrences in that status, as a report's column heading ("Hoàn thành đúng hạn")."""
    style: str
    """rich style in a colour terminal; the word always says the same without colour."""
    colour: str
    """Fill colour in charts (HTML dashboard)."""
    symbol: str
    """Mark before a calendar entry's summary ("" for none)."""
    urgency: int
    """Order when counts are listed for people: most in need of action first."""
    column: int
    """Order of the report's columns: the task-tracking rules' outcomes, then waived."""


@cache
def look(status: Status) -> Look:
    match status:
        case Status.done:
            return Look(_("Hoàn thành"), _("Hoàn thành đúng hạn"), "green", "#2e7d32", "✔ ", 3, 0)
        case Status.done_late:
            return Look(_("Hoàn thành muộn"), _("Hoàn thành muộn"), "yellow", "#f9a825", "✔ ", 2, 1)
        case Status.overdue:
            return Look(_("Quá hạn"), _("Quá hạn"), "bold red", "#c62828", "", 0, 2)
        case Status.open:
            return Look(_("Chưa đến hạn"), _("Chưa đến hạn"), "", "#90a4ae", "", 1, 3)
        case Status.waived:
            return Look(_("Miễn thực hiện"), _("Miễn thực hiện"), "dim", "#d7ccc8", "✔ ", 4, 4)
        case _:
            assert_never(status)


def by_urgency() -> list[Status]:
    return sorted(Status, key=lambda status: look(status).urgency)


def report_columns() -> list[Status]:
    return sorted(Status, key=lambda status: look(status).column)
