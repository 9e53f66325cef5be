"""The statuses of an occurrence and what each means; a module of its own so that the command
line can offer them (``--status``) without importing the models."""

from __future__ import annotations

from enum import StrEnum
from typing import assert_never


class Status(StrEnum):
    """The four outcomes of Vietnam's task-tracking rules, plus waived.

    What a status means is written here (:attr:`recorded`, :attr:`completed`); how it looks (its
    words, colour, symbol and order) in :mod:`kehoach.present.statuses`. A new status is one
    member here and one case in each of those two exhaustive ``match``es: mypy fails on a
    forgotten one.
    """

    done = "done"  # completed on or before its due date
    done_late = "done_late"  # completed after its due date
    overdue = "overdue"  # open, past due
    open = "open"  # open, not yet due
    waived = "waived"  # recorded as not applying

    @property
    def recorded(self) -> bool:
        """The unit has recorded an outcome: nothing is left to do."""
        return _meaning(self)[0]

    @property
    def completed(self) -> bool:
        """Done, on time or late: what a completion rate counts as finished."""
        return _meaning(self)[1]


def _meaning(status: Status) -> tuple[bool, bool]:
    """(recorded, completed) of each status."""
    match status:
        case Status.done | Status.done_late:
            return True, True
        case Status.waived:
            return True, False
        case Status.overdue | Status.open:
            return False, False
        case _:
            assert_never(status)
