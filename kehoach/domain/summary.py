"""The overview the Organisation Board reads first: every unit's standing in a period, one row each.

No I/O and no wording: :func:`build` counts, ``kehoach summary`` and the head of ``kehoach due``
print (:mod:`kehoach.present.overview`). Every count is read from the statuses
:func:`~kehoach.domain.occurrences.entries_between` decides, so the overview and the listings
under it cannot disagree.

Choices (README, "kehoach summary"):

* *due in the period* is every occurrence whose deadline falls in the period, whatever its status;
  *done on time*, *done late* and the completion rate are of those (the rate as the yearly report
  counts it, :attr:`~kehoach.domain.report.Tally.completion_rate`);
* *overdue* is what is past due and not recorded, from this period **and earlier** ones: what a
  unit is behind on does not vanish when a quarter ends;
* *reports not sent* are the periodic reports (the reporting rule) due in the period and not
  recorded, overdue or not yet;
* a unit that did not exist during the period (a successor before its first day, a unit that had
  ended) is left out, unless something is still shown against it: what it owed before it ended
  stays with it, as in every view, so the total agrees with ``kehoach overdue``;
* units most behind come first (:func:`~kehoach.domain.report.attention`), as in the report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from kehoach.domain.dataset import Dataset
from kehoach.domain.occurrences import Entry, Status, entries_between
from kehoach.domain.report import Tally, attention


@dataclass(frozen=True)
class Standing:
    """One unit's counts in the period (or, for the total row, every unit's)."""

    period: Tally
    """The occurrences due in the period, by status as of the as-of day."""
    earlier_overdue: int
    """Overdue occurrences due before the period began."""
    reports_unsent: int

    @property
    def due(self) -> int:
        return self.period.total

    @property
    def overdue(self) -> int:
        return self.period[Status.overdue] + self.earlier_overdue

    @property
    def completion_rate(self) -> float | None:
        return self.period.completion_rate

    @classmethod
    def of(cls, in_period: list[Entry], earlier_overdue: int) -> Standing:
        unsent = sum(1 for entry in in_period if entry.occurrence.report and not entry.status.recorded)
        return cls(Tally.of(in_period), earlier_overdue, unsent)


@dataclass(frozen=True)
class UnitStanding:
    unit: str
    name: str
    standing: Standing


@dataclass(frozen=True)
class Summary:
    start: date
    end: date
    as_of: date
    units: list[UnitStanding]
    """Most behind first."""
    total: Standing


def build(dataset: Dataset, start: date, end: date, as_of: date, selected: set[str] | None) -> Summary:
    """The standing of each of ``selected`` (every unit when ``None``) in the period from ``start``
    to ``end``, as of ``as_of``."""
    in_period = entries_between(dataset, start, end, as_of, selected)
    earlier = entries_between(dataset, date.min, start - timedelta(days=1), as_of, selected, Status.overdue)
    return of_entries(dataset, start, end, as_of, selected, in_period, earlier)


def of_entries(
    dataset: Dataset,
    start: date,
    end: date,
    as_of: date,
    selected: set[str] | None,
    in_period: list[Entry],
    earlier_overdue: list[Entry],
) -> Summary:
    """:func:`build` from the entries already found (``kehoach due`` lists them too): every one due
    in the period, and the overdue ones due before it."""
    units = selected if selected is not None else set(dataset.units)
    by_unit: dict[str, list[Entry]] = {unit: [] for unit in units}
    for entry in in_period:
        by_unit[entry.occurrence.unit].append(entry)
    earlier: dict[str, int] = dict.fromkeys(units, 0)
    for entry in earlier_overdue:
        earlier[entry.occurrence.unit] += 1
    rows = [
        UnitStanding(unit, dataset.units[unit].name, Standing.of(by_unit[unit], earlier[unit]))
        for unit in units
        if dataset.lineage.existed_between(unit, start, end) or by_unit[unit] or earlier[unit]
    ]
    rows.sort(key=lambda row: attention(row.standing.overdue, row.standing.completion_rate, row.name))
    return Summary(start, end, as_of, rows, Standing.of(in_period, len(earlier_overdue)))
