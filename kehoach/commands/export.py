"""``kehoach export FILE.sqlite``: the plan and its progress as SQLite tables, to query.

For analysts (``sqlite3``, Datasette, DuckDB) and for a national view: the exports of several
provinces, each one file, combine with ``ATTACH``. The tables (README, "kehoach export"):

* ``plan``: one row, the plan and the day the figures are as of;
* ``units``, ``successors``, ``groups``, ``group_members``, ``tasks``, ``task_units`` (every unit a
  task is given to, groups expanded);
* ``occurrences``: every occurrence due from the plan's start to the end of the year after the
  as-of day (what ``kehoach show`` calls coming up), with its deadline in force, its status on the
  as-of day as every view decides it (:func:`kehoach.domain.occurrences.entries_between`) and the
  record that gives it;
* ``records`` and ``extensions``, as the files hold them.

Dates are ISO text (``2022-03-31``), which SQLite compares and ``date()`` reads. Keys, foreign keys
and the indexes the example queries need are declared; the file is built in memory, its foreign
keys checked, then written whole or not at all (see :func:`kehoach.files.storage.write_output`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import date
from typing import Any

from kehoach.domain.dataset import Dataset
from kehoach.domain.model import Record, describe_schedule
from kehoach.domain.occurrences import Entry, coming_up_to, entries_between
from kehoach.domain.status import Status

SCHEMA = f"""
CREATE TABLE plan (
    title TEXT NOT NULL, issuer TEXT NOT NULL, implements TEXT NOT NULL,
    starts TEXT NOT NULL, as_of TEXT NOT NULL, exported_on TEXT NOT NULL
);
CREATE TABLE units (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, from_day TEXT, until_day TEXT
);
CREATE TABLE successors (
    unit TEXT NOT NULL REFERENCES units(id), successor TEXT NOT NULL REFERENCES units(id),
    PRIMARY KEY (unit, successor)
);
CREATE TABLE groups (id TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE group_members (
    group_id TEXT NOT NULL REFERENCES groups(id), unit TEXT NOT NULL REFERENCES units(id),
    PRIMARY KEY (group_id, unit)
);
CREATE TABLE tasks (
    ref TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE, title TEXT NOT NULL, text TEXT NOT NULL,
    schedule_kind TEXT, schedule TEXT NOT NULL
);
CREATE TABLE task_units (
    task TEXT NOT NULL REFERENCES tasks(ref), unit TEXT NOT NULL REFERENCES units(id),
    PRIMARY KEY (task, unit)
);
CREATE TABLE records (
    id INTEGER PRIMARY KEY, unit TEXT NOT NULL REFERENCES units(id), task TEXT NOT NULL REFERENCES tasks(ref),
    period TEXT NOT NULL, done_on TEXT, waived_on TEXT, evidence TEXT, note TEXT, reason TEXT
);
CREATE INDEX records_by_occurrence ON records (task, unit, period);
CREATE TABLE extensions (
    id INTEGER PRIMARY KEY, task TEXT NOT NULL REFERENCES tasks(ref), unit TEXT REFERENCES units(id),
    period TEXT NOT NULL, extended_to TEXT NOT NULL, decided_by TEXT NOT NULL, decided_on TEXT
);
CREATE TABLE occurrences (
    task TEXT NOT NULL REFERENCES tasks(ref), unit TEXT NOT NULL REFERENCES units(id), period TEXT NOT NULL,
    due TEXT NOT NULL, original_due TEXT,
    status TEXT NOT NULL CHECK (status IN ({", ".join(f"'{status.value}'" for status in Status)})),
    days_late INTEGER, report INTEGER NOT NULL CHECK (report IN (0, 1)),
    inherited_from TEXT REFERENCES units(id), record INTEGER REFERENCES records(id),
    PRIMARY KEY (task, unit, period)
);
CREATE INDEX occurrences_by_unit ON occurrences (unit, status);
CREATE INDEX occurrences_by_due ON occurrences (due, status);
"""


def database(dataset: Dataset, as_of: date, today: date) -> bytes:
    """The export's bytes: an SQLite database file (see the module's docstring)."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.executescript(SCHEMA)
        _fill(connection, dataset, as_of, today)
        connection.commit()
        broken = connection.execute("PRAGMA foreign_key_check").fetchall()
        if broken:  # pragma: no cover - validation guarantees every reference
            raise RuntimeError(f"foreign keys broken in the export: {broken[:5]}")
        return connection.serialize()
    finally:
        connection.close()


def _fill(connection: sqlite3.Connection, dataset: Dataset, as_of: date, today: date) -> None:
    plan = dataset.plan
    meta = plan.plan
    connection.execute(
        "INSERT INTO plan VALUES (?, ?, ?, ?, ?, ?)",
        (meta.title, meta.issuer, meta.implements, meta.starts.isoformat(), as_of.isoformat(), today.isoformat()),
    )
    units = [(unit_id, dataset.units[unit_id]) for unit_id in dataset.units]
    connection.executemany(
        "INSERT INTO units VALUES (?, ?, ?, ?, ?)",
        [(unit_id, unit.name, unit.kind, _day(unit.from_), _day(unit.until)) for unit_id, unit in units],
    )
    connection.executemany(
        "INSERT INTO successors VALUES (?, ?)",
        [(unit_id, successor) for unit_id, unit in units for successor in dict.fromkeys(unit.successors)],
    )
    connection.executemany("INSERT INTO groups VALUES (?, ?)", [(group.id, group.name) for group in plan.groups])
    connection.executemany(
        "INSERT INTO group_members VALUES (?, ?)",
        [(group.id, member) for group in plan.groups for member in dict.fromkeys(group.members)],
    )
    connection.executemany(
        "INSERT INTO tasks VALUES (?, ?, ?, ?, ?, ?)",
        [
            (
                task.ref,
                position,
                task.title,
                task.text,
                None if task.schedule is None else task.schedule.kind,
                describe_schedule(task.schedule, dataset),
            )
            for position, task in enumerate(plan.tasks, start=1)
        ],
    )
    connection.executemany(
        "INSERT INTO task_units VALUES (?, ?)",
        [(task.ref, unit) for task in plan.tasks for unit in dataset.task_units(task)],
    )
    record_ids = _records(connection, units)
    connection.executemany(
        "INSERT INTO extensions (task, unit, period, extended_to, decided_by, decided_on) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (
                extension.task,
                extension.unit,
                extension.period,
                extension.to.isoformat(),
                extension.by,
                _day(extension.on),
            )
            for extension in plan.extensions
        ],
    )
    found = entries_between(dataset, dataset.starts, coming_up_to(as_of), as_of, None)
    connection.executemany(
        "INSERT INTO occurrences VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [_occurrence_row(entry, record_ids) for entry in found],
    )


def _occurrence_row(entry: Entry, record_ids: dict[int, int]) -> tuple[Any, ...]:
    occurrence = entry.occurrence
    return (
        occurrence.task,
        occurrence.unit,
        occurrence.period,
        occurrence.due.isoformat(),
        _day(occurrence.original),
        entry.status.value,
        entry.days_late,
        int(occurrence.report),
        occurrence.via or None,
        None if entry.record is None else record_ids[id(entry.record)],
    )


def _records(connection: sqlite3.Connection, units: Iterable[tuple[str, Any]]) -> dict[int, int]:
    """Every record, numbered in file order; each record object's row id, by identity (the entries
    hold the very records the units do)."""
    ids: dict[int, int] = {}
    rows: list[tuple[Any, ...]] = []
    for unit_id, unit in units:
        record: Record
        for record in unit.records:
            ids[id(record)] = len(rows) + 1
            rows.append(
                (
                    len(rows) + 1,
                    unit_id,
                    record.task,
                    record.period,
                    _day(record.done_on),
                    _day(record.waived_on),
                    record.evidence,
                    record.note,
                    record.reason,
                )
            )
    connection.executemany("INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return ids


def _day(day: date | None) -> str | None:
    return None if day is None else day.isoformat()
