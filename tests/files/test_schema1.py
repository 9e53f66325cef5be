"""Data written for schema 1 before issue 13 keeps working: it validates unchanged, and every record
still counts for the occurrence it was made for (issue 13, section 4).

Issue 13's changes to the format are additions (a plan-wide ``reporting`` rule, ``as_written``,
``by`` on events, half-year periods, ``within_days`` made optional), so no migration is needed and
the format stays at version 1. ``tests/scenarios/schema1`` was written by the benchmark's generator
as it was before issue 13 (records over two years, quarterly reviews), with an extension added;
``tests/scenarios/reorg`` holds a reorganisation (mergers, a split, a chain).
"""

from __future__ import annotations

from datetime import date

import pytest

from conftest import SCENARIOS, Cli
from kehoach.domain.occurrences import entry_of, occurrence_of
from kehoach.files.load import load_valid


@pytest.mark.parametrize("name", ["schema1", "reorg"])
def test_a_schema_1_folder_validates_unchanged(cli: Cli, name: str) -> None:
    result = cli("validate", "--data", str(SCENARIOS / name))
    assert result.exit_code == 0, result.stdout


@pytest.mark.parametrize("name", ["schema1", "reorg"])
def test_every_record_still_counts_for_its_occurrence(name: str) -> None:
    dataset = load_valid(SCENARIOS / name)
    records = [(unit_id, record) for unit_id, unit in dataset.units.items() for record in unit.records]
    assert records, "the scenario has records"
    for unit_id, record in records:
        occurrence = occurrence_of(dataset, dataset.tasks[record.task], unit_id, record.period)
        assert occurrence is not None, (unit_id, record)
        entry = entry_of(dataset, occurrence, date(2100, 1, 1))
        assert entry.record == record, (unit_id, record)
        assert entry.status.recorded


def test_the_extension_written_before_still_moves_its_deadline() -> None:
    dataset = load_valid(SCENARIOS / "schema1")
    occurrence = occurrence_of(dataset, dataset.tasks["II.2a"], "huyen-uy-hai-hau", "2022-02")
    assert occurrence is not None
    assert (occurrence.due, occurrence.original) == (date(2022, 4, 30), date(2022, 2, 28))
