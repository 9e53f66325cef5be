"""Units that start, end and hand over to successors: who owes an occurrence on its due day (no I/O).

Rules (README, "Reorganisations"):

* a unit owes nothing due before its ``from`` day;
* an occurrence due after a unit's ``until`` day belongs to its successors, each of them (a board
  split in two hands its obligations to both; either can waive what does not apply), and on down
  a chain A → B → C; occurrences due by the end day stay with the unit, done or not, so history is
  not rewritten;
* when two units merge into one, the successor owes an occurrence once, not once per predecessor;
  an obligation it already had in its own right stays its own (not "inherited");
* a unit exists from its ``from`` day to its ``until`` day, both included (either may be open).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import NamedTuple, Protocol


class Dated(Protocol):
    """What lineage needs of a unit (kehoach.domain.model.Unit has it)."""

    @property
    def from_(self) -> date | None: ...

    @property
    def until(self) -> date | None: ...

    @property
    def successors(self) -> list[str]: ...


class Owner(NamedTuple):
    unit: str
    via: str
    """The unit the plan assigned the occurrence to, when it came down a lineage; else ``""``."""


class Ended(NamedTuple):
    """A unit that has ended by some day, and who answers for it on that day."""

    unit: str
    until: date
    successors: list[str]
    """Its successors still in office on that day, nearest first: a successor that has ended too
    stands aside for its own (p → q → r with q ended names r)."""


class Lineage:
    """Lineage over a mapping of units, read lazily: a command about one unit reads only its line."""

    def __init__(self, units: Mapping[str, Dated]) -> None:
        self.units = units
        self._successors_of: dict[str, list[str]] | None = None

    def plain(self, units: Iterable[str]) -> bool:
        """None of these units starts or ends: each owes just what it was given."""
        return all(
            self.units[unit].from_ is None and self.units[unit].until is None for unit in units if unit in self.units
        )

    def owners(self, assigned: Iterable[str], due: date) -> list[Owner]:
        """Who owes an occurrence due on ``due`` that the plan gave to ``assigned``, each once."""
        found: dict[str, str] = {}
        for unit in assigned:
            for owner in self._heirs_on(unit, due, set()):
                via = "" if owner == unit else unit
                if owner not in found or not via:  # owing it in its own right beats inheriting it
                    found[owner] = via
        return [Owner(unit, via) for unit, via in found.items()]

    def _heirs_on(self, unit: str, due: date, seen: set[str]) -> Iterator[str]:
        if unit in seen or unit not in self.units:  # a cycle or a missing unit: validation reports it
            return
        seen.add(unit)
        record = self.units[unit]
        if record.from_ is not None and due < record.from_:
            return
        if record.until is not None and due > record.until:
            for successor in record.successors:
                yield from self._heirs_on(successor, due, seen)
            return
        yield unit

    def ended(self, unit: str, day: date) -> bool:
        """Whether ``unit`` no longer exists on ``day``."""
        until = self.units[unit].until
        return until is not None and until < day

    def begun(self, unit: str, day: date) -> bool:
        """Whether ``unit`` exists by ``day``: it has no first day, or that day has come."""
        start = self.units[unit].from_
        return start is None or start <= day

    def existed_between(self, unit: str, first: date, last: date) -> bool:
        """Whether ``unit`` existed on some day from ``first`` to ``last`` (both included): it did
        not end before ``first`` and did not start after ``last``."""
        record = self.units[unit]
        return (record.until is None or first <= record.until) and (record.from_ is None or record.from_ <= last)

    def ended_among(self, units: Iterable[str], day: date) -> list[Ended]:
        """Which of ``units`` have ended by ``day``, by id, each with its successors in office then."""
        return [
            Ended(unit, until, self._in_office(unit, day, {unit}))
            for unit in sorted(units)
            if unit in self.units and (until := self.units[unit].until) is not None and until < day
        ]

    def _in_office(self, unit: str, day: date, seen: set[str]) -> list[str]:
        found: list[str] = []
        for successor in self.units[unit].successors:
            if successor in seen or successor not in self.units:  # a cycle or a missing unit: validation reports it
                continue
            seen.add(successor)
            heirs = self._in_office(successor, day, seen) if self.ended(successor, day) else [successor]
            found.extend(heir for heir in heirs if heir not in found)
        return found

    def descendants(self, unit: str) -> list[str]:
        """Every unit down the lineage from ``unit`` (its successors, theirs…), nearest first."""
        found: list[str] = []
        queue = list(self.units[unit].successors) if unit in self.units else []
        while queue:
            current = queue.pop(0)
            if current not in found and current != unit and current in self.units:
                found.append(current)
                queue.extend(self.units[current].successors)
        return found

    def ancestors(self, unit: str) -> list[str]:
        """Every unit whose lineage leads to ``unit``, nearest first (reads every unit once)."""
        found: list[str] = []
        queue = list(self._predecessors().get(unit, []))
        while queue:
            current = queue.pop(0)
            if current not in found and current != unit:
                found.append(current)
                queue.extend(self._predecessors().get(current, []))
        return found

    def _predecessors(self) -> dict[str, list[str]]:
        if self._successors_of is None:
            self._successors_of = {}
            for unit_id, unit in self.units.items():
                for successor in unit.successors:
                    self._successors_of.setdefault(successor, []).append(unit_id)
        return self._successors_of

    def cycle_from(self, unit: str) -> list[str] | None:
        """A cycle of successors that starts and ends at ``unit``, if there is one."""
        path = [unit]
        return self._cycle(unit, unit, path, set())

    def _cycle(self, start: str, current: str, path: list[str], seen: set[str]) -> list[str] | None:
        for successor in self.units[current].successors if current in self.units else []:
            if successor == start:
                return [*path, start]
            if successor not in seen:
                seen.add(successor)
                found = self._cycle(start, successor, [*path, successor], seen)
                if found:
                    return found
        return None
