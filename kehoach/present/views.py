"""Presentation of occurrences: JSON/CSV rows, status wording and tables grouped by unit."""

from __future__ import annotations

import shlex
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, TextIO, TypeVar

from kehoach.domain.dataset import Dataset
from kehoach.domain.labels import folded, period_name
from kehoach.domain.model import Record
from kehoach.domain.occurrences import Entry, Status
from kehoach.errors import UsageError
from kehoach.i18n import _, day_count, day_text
from kehoach.present.output import Column, Screen
from kehoach.present.statuses import by_urgency, look
from kehoach.present.tables import Cell, cells, wrap

Item = TypeVar("Item")

NO_EVIDENCE = _("chưa có văn bản")
"""What a completion recorded without its document shows wherever people read it (tables, reports,
calendars); JSON and CSV carry ``evidence: null``. Allowed, but never silent."""


def evidence_text(record: Record | None) -> str:
    """A completion's document, or :data:`NO_EVIDENCE`; ``""`` for a waiver or no record."""
    if record is None or record.done_on is None:
        return ""
    return record.evidence or NO_EVIDENCE


def entry_row(entry: Entry, dataset: Dataset) -> dict[str, Any]:
    """One occurrence as JSON: the same keys for every status, ``null`` where they do not apply."""
    occurrence, record = entry.occurrence, entry.record
    return {
        "task": occurrence.task,
        "title": dataset.tasks[occurrence.task].title,
        "unit": occurrence.unit,
        "unit_name": dataset.units[occurrence.unit].name,
        "period": occurrence.period,
        "period_label": period_name(dataset, dataset.tasks[occurrence.task], occurrence.period),
        "kind": "report" if occurrence.report else "deadline",
        "due": occurrence.due.isoformat(),
        "status": entry.status.value,
        "days_late": entry.days_late,
        "done_on": record.done_on.isoformat() if record and record.done_on else None,
        "evidence": record.evidence if record else None,
        "waived_on": record.waived_on.isoformat() if record and record.waived_on else None,
        "reason": record.reason if record else None,
        "inherited_from": occurrence.via or None,
        "original_due": occurrence.original.isoformat() if occurrence.original else None,
        "extended_by": _extension_document(entry, dataset),
    }


def _extension_document(entry: Entry, dataset: Dataset) -> str | None:
    if entry.occurrence.original is None:
        return None
    extension = dataset.extension_for(entry.occurrence.task, entry.occurrence.unit, entry.occurrence.period)
    return extension.by if extension else None


def period_cell(entry: Entry, dataset: Dataset) -> str:
    """The period by its name; a periodic report (not a deadline the document sets) says so."""
    name = period_name(dataset, dataset.tasks[entry.occurrence.task], entry.occurrence.period)
    return named_period(name, report=entry.occurrence.report)


def named_period(name: str, *, report: bool) -> str:
    """A period's name as a cell: "Năm 2022", or for a report the reporting rule asks for, "Báo cáo
    năm 2022", so that no view confuses it with a deadline the document sets."""
    return _("Báo cáo {period}").format(period=name[:1].lower() + name[1:]) if report else name


def status_text(entry: Entry, *, lines: bool = False) -> str:
    """The status in words; lateness in days is part of the text, never left to colour alone. In
    a table (``lines``) the days go on a line of their own, so that the column is as narrow as
    its longest status ("Hoàn thành muộn")."""
    label = look(entry.status).word
    if entry.days_late:
        if lines:
            return label + "\n" + day_count(entry.days_late)
        return _("{label} {days}").format(label=label, days=day_count(entry.days_late))
    return label


def counts_text(found: Sequence[Entry]) -> str:
    """``3 quá hạn, 2 hoàn thành``: how many of each status, most in need of action first."""
    return status_counts([entry.status for entry in found])


def status_counts(statuses: Sequence[Status]) -> str:
    counts = {status: statuses.count(status) for status in by_urgency()}
    return ", ".join(f"{count} {look(status).word.lower()}" for status, count in counts.items() if count)


Known = dict[tuple[Any, ...], Any]
"""Cells already made for a listing (see :func:`entry_cells`)."""


def entry_cells(
    entry: Entry, dataset: Dataset, as_of: date | None = None, known: Known | None = None
) -> dict[str, Any]:
    """Table cells of an occurrence: dates as dd/mm/yyyy, the status with its style; under a
    completion without its document, that it has none; days late, and (given ``as_of``) days left.
    ``known``: the cells made for the listing's other rows, by what each depends on (a listing of
    77,000 overdue rows repeats a few hundred titles, periods, days and statuses)."""
    known = {} if known is None else known
    occurrence = entry.occurrence
    unproven = bool(entry.status.completed and entry.record and not entry.record.evidence)
    status_key = ("status", entry.status, entry.days_late, unproven)
    if (status_cells := known.get(status_key)) is None:
        status = status_text(entry, lines=True)
        if unproven:
            status += "\n" + NO_EVIDENCE
        style = look(entry.status).style
        late = Cell(str(entry.days_late), style) if entry.days_late else ""
        status_cells = known[status_key] = (Cell(status, style), late)
    # A title names an extension's document only for an extended occurrence: its own, by unit and period.
    extended = (occurrence.unit, occurrence.period) if occurrence.original else None
    title_key = ("title", occurrence.task, occurrence.via, occurrence.original, extended)
    if (title := known.get(title_key)) is None:
        title = known[title_key] = _title_cell(entry, dataset)
    period_key = ("period", occurrence.task, occurrence.period, occurrence.report)
    if (period := known.get(period_key)) is None:
        period = known[period_key] = period_cell(entry, dataset)
    if (due := known.get(("due", occurrence.due))) is None:
        due = known["due", occurrence.due] = day_text(occurrence.due)
    return {
        "task": occurrence.task,
        "title": title,
        "period": period,
        "unit": occurrence.unit,
        "due": due,
        "status": status_cells[0],
        "evidence": evidence_text(entry.record),
        "proof": evidence_text(entry.record) or (entry.record.reason or "" if entry.record else ""),
        "days_late": status_cells[1],
        "days_left": "" if as_of is None else (occurrence.due - as_of).days,
    }


def _title_cell(entry: Entry, dataset: Dataset) -> str:
    title = dataset.tasks[entry.occurrence.task].title
    if entry.occurrence.via:
        title += _(" (kế thừa từ {unit})").format(unit=entry.occurrence.via)
    if entry.occurrence.original:
        title += _(" (gia hạn từ {day}, {document})").format(
            day=day_text(entry.occurrence.original), document=_extension_document(entry, dataset)
        )
    return title


def wanted(found: Sequence[Entry], statuses: Sequence[Status]) -> list[Entry]:
    """The entries in one of ``statuses`` (``--status``, repeatable); all of them when none is named."""
    return [entry for entry in found if entry.status in statuses] if statuses else list(found)


def refuse_statuses(
    statuses: Sequence[Status],
    listed: Sequence[Status],
    command: str,
    *,
    units: Sequence[str] = (),
    as_of: date | None = None,
    again: Sequence[str] = (),
) -> None:
    """A listing that holds only some statuses (``overdue``, ``upcoming``, ``history``) refuses the
    others rather than answer "nothing", and gives the command that lists them, with the user's
    other filters."""
    other = [status for status in statuses if status not in listed]
    if other:
        elsewhere = command_hint("due", units, as_of, "year", statuses=other, again=again)
        raise UsageError(
            _("kehoach {command} chỉ liệt kê việc {listed}; việc {other}: xem {elsewhere}").format(
                command=command, listed=statuses_text(listed), other=statuses_text(other), elsewhere=" ".join(elsewhere)
            )
        )


def statuses_text(statuses: Sequence[Status]) -> str:
    """Statuses in words, lower case: ``quá hạn, hoàn thành muộn``."""
    return ", ".join(look(status).word.lower() for status in statuses)


def command_hint(
    command: str,
    units: Sequence[str],
    as_of: date | None,
    span: str | None = None,
    *,
    statuses: Sequence[Status] = (),
    again: Sequence[str] = (),
) -> list[str]:
    """The command line that shows more, as words, with the filters the user gave: the period, the
    day, the statuses, the units, and ``again`` (the ``--data`` typed, so that it runs where the
    first did)."""
    words = ["kehoach", command, *([f"--{span}"] if span else [])]
    if as_of is not None:
        words += ["--as-of", as_of.isoformat()]
    for status in statuses:
        words += ["--status", status.value]
    for unit in units:
        words += ["-u", shlex.quote(unit)]
    return words + [shlex.quote(word) for word in again]


def write_command(screen: Screen, words: Sequence[str]) -> None:
    """A command line to copy, indented, wrapped only between an option and the next (never between
    an option and its value), each broken line ending in `` \\`` so that it pastes whole in a shell."""
    groups: list[str] = []
    for word in words:
        if groups and not word.startswith("-") and groups[-1].startswith("-") and " " not in groups[-1]:
            groups[-1] += " " + word  # an option and its value stay together
        else:
            groups.append(word)
    room = max(screen.width - len("  ") - len(" \\"), 1)
    lines = ["  " + groups[0]]
    for group in groups[1:]:
        if cells(lines[-1]) + 1 + cells(group) <= room + 2:
            lines[-1] += " " + group
        elif cells(group) + 4 <= room + 2:
            lines[-1] += " \\"
            lines.append("    " + group)
        else:  # a value longer than the screen (a long --data path): cut, and the shell joins it again
            lines[-1] += " \\"
            option, _space, value = group.partition(" ") if group.startswith("-") else ("", "", group)
            if option:
                lines.append("    " + option + " \\")
            # A backslash before a line break joins the two lines into one word in a shell: the
            # pieces after the first start at the line's start, never indented.
            pieces = wrap(value or group, max(screen.width - 1, 1))
            lines.extend([piece + "\\" for piece in pieces[:-1]] + pieces[-1:])
    screen.out.writelines(line + "\n" for line in lines)


def by_unit(found: Sequence[Entry], dataset: Dataset) -> list[tuple[str, list[Entry]]]:
    """Entries grouped by the unit that owes them (see :func:`grouped_by_unit`)."""
    return grouped_by_unit(found, lambda entry: entry.occurrence.unit, dataset)


def grouped_by_unit(
    items: Sequence[Item], unit_of: Callable[[Item], str], dataset: Dataset
) -> list[tuple[str, list[Item]]]:
    """Items grouped by their unit, in the order found; units by name, as people look them up
    (the overview above orders them by who is most behind)."""
    groups: dict[str, list[Item]] = {}
    for item in items:
        groups.setdefault(unit_of(item), []).append(item)
    return sorted(groups.items(), key=lambda pair: unit_order(dataset, pair[0]))


def unit_order(dataset: Dataset, unit: str) -> tuple[str, str]:
    """Units by name, compared without diacritics ("Đảng ủy" with the D's), then by id."""
    return folded(dataset.units[unit].name), unit


def unit_heading(dataset: Dataset, unit: str, counts: str) -> str:
    """A unit's heading over its rows: its name, its id (what ``--unit`` takes), its counts."""
    return f"{dataset.units[unit].name} ({unit}): {counts}"


def write_by_unit(
    out: TextIO,
    title: str,
    found: Sequence[Entry],
    dataset: Dataset,
    columns: Sequence[Column],
    as_of: date | None = None,
) -> None:
    """The title, then each unit's heading with its counts and its table."""
    known: Known = {}
    groups = [
        (
            unit_heading(dataset, unit, counts_text(group)),
            [entry_cells(entry, dataset, as_of, known) for entry in group],
        )
        for unit, group in by_unit(found, dataset)
    ]
    grouped_tables(out, title, groups, columns)


def grouped_tables(
    out: TextIO, title: str, groups: Sequence[tuple[str, Sequence[dict[str, Any]]]], columns: Sequence[Column]
) -> None:
    """A heading line per unit with its own table below, every table at the same widths."""
    screen = Screen(out)
    screen.line(title, "bold")
    screen.tables(columns, groups)
