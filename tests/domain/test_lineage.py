"""Reorganisations: units that end hand their obligations to successors; history stays where it happened."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from conftest import SHIPPED_DATA, Cli, edit, units_checked
from kehoach.domain.lineage import Ended, Lineage, Owner
from kehoach.files.load import load_valid


@pytest.fixture
def reorg(scenario: Callable[[str], Path]) -> Path:
    return scenario("reorg")


def rows(cli: Cli, data: Path, *args: str) -> list[dict]:
    result = cli(*args, "--format", "json", "--data", str(data))
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


def owned(found: list[dict]) -> set[tuple[str, str, str, str | None]]:
    return {(row["task"], row["unit"], row["period"], row["inherited_from"]) for row in found}


def test_after_its_end_a_unit_s_obligations_belong_to_its_successors(cli: Cli, reorg: Path) -> None:
    found = owned(rows(cli, reorg, "due", "--year", "--as-of", "2025-06-01"))
    assert {row for row in found if row[0] == "II.1"} == {
        ("II.1", "huyen-ab", "2025", "huyen-a"),  # a merger: owed once, not once per predecessor
        ("II.1", "ban-x1", "2025", "ban-x"),  # a split: each successor owes it
        ("II.1", "ban-x2", "2025", "ban-x"),
        ("II.1", "r", "2025", "p"),  # down a chain p → q → r
    }


def test_before_its_end_history_stays_with_the_unit(cli: Cli, reorg: Path) -> None:
    found = owned(rows(cli, reorg, "due", "--year", "--as-of", "2024-06-01"))
    assert ("II.1", "huyen-a", "2024", None) in found and ("II.1", "ban-x", "2024", None) in found
    assert ("II.1", "q", "2024", "p") in found
    assert not any(row[1] in ("huyen-ab", "ban-x1", "r") for row in found)


def test_a_unit_owes_nothing_before_it_starts(cli: Cli, reorg: Path) -> None:
    found = rows(cli, reorg, "due", "--year", "--unit", "huyen-ab", "--as-of", "2024-06-01")
    assert [row for row in found if row["task"] == "III.1"] == []
    later = rows(cli, reorg, "due", "--year", "--unit", "huyen-ab", "--as-of", "2025-06-01")
    assert [row["period"] for row in later if row["task"] == "III.1"] == ["2025"]


def test_a_successor_sees_what_its_predecessors_left_undone(cli: Cli, reorg: Path) -> None:
    found = rows(cli, reorg, "overdue", "--unit", "huyen-ab", "--as-of", "2026-01-10")
    assert {(row["task"], row["period"], row["inherited_from"]) for row in found} == {
        ("II.1", "2023", "huyen-a"),  # huyen-a's own, never done: shown under its successor
        ("II.1", "2025", "huyen-a"),
        ("II.2", "2025-Q4", "huyen-a"),
        ("III.1", "2025", None),
    }  # huyen-a's 2024 was recorded by huyen-ab after the merger, so it is done
    table = cli("overdue", "--unit", "huyen-ab", "--as-of", "2026-01-10", "--data", str(reorg)).stdout
    assert "Huyện ủy AB (huyen-ab): 4 quá hạn" in table
    assert "(kế thừa từ huyen-a)" in table


def test_the_whole_view_keeps_history_with_the_unit_that_owed_it(cli: Cli, reorg: Path) -> None:
    found = rows(cli, reorg, "overdue", "--as-of", "2026-01-10")
    assert {"task": "II.1", "unit": "huyen-a", "period": "2023"}.items() <= next(
        row for row in found if row["unit"] == "huyen-a"
    ).items()
    done_2024 = rows(cli, reorg, "history", "--unit", "huyen-ab")
    assert [(row["task"], row["period"]) for row in done_2024] == [("II.1", "2024")]


def test_a_successor_records_what_it_inherited_and_an_ended_unit_cannot(cli: Cli, reorg: Path) -> None:
    refused = cli(
        "done", "II.1", "--unit", "huyen-a", "--period", "2023", "--as-of", "2025-09-01", "--data", str(reorg)
    )
    assert refused.exit_code == 2 and "huyen-ab" in refused.stderr and "30/06/2025" in refused.stderr
    done = cli("done", "II.1", "--unit", "huyen-ab", "--as-of", "2025-09-01", "-e", "BC 9", "--data", str(reorg))
    assert done.exit_code == 0 and "II.1 (Năm 2023, " in done.stdout  # the oldest open one, inherited
    left = rows(cli, reorg, "overdue", "--unit", "huyen-ab", "--as-of", "2026-01-10")
    assert ("II.1", "2023") not in {(row["task"], row["period"]) for row in left}


def test_units_show_their_lineage(cli: Cli, reorg: Path) -> None:
    units = {row["id"]: row for row in rows(cli, reorg, "units")}
    assert units["huyen-ab"]["predecessors"] == ["huyen-a", "huyen-b"]
    assert units["r"]["predecessors"] == ["p", "q"] and units["q"]["successors"] == ["r"]
    table = cli("units", "--data", str(reorg)).stdout
    assert "đến 31/12/2024; → ban-x1, ban-x2" in table


def test_validation_refuses_a_cycle(cli: Cli, reorg: Path) -> None:
    edit(reorg / "units" / "r.yaml", "from: 2025-01-01\n", "from: 2025-01-01\nuntil: 2025-12-31\nsuccessors: [p]\n")
    result = cli("validate", "--data", str(reorg))
    assert result.exit_code == 1
    assert "vòng kế thừa: p → q → r → p" in result.stdout


def test_validation_refuses_an_obligation_left_without_an_owner(cli: Cli, reorg: Path) -> None:
    edit(reorg / "units" / "huyen-b.yaml", "successors: [huyen-ab]\n", "")
    result = cli("validate", "--data", str(reorg))
    assert result.exit_code == 1
    assert "units/huyen-b.yaml:5:8: until: nhiệm vụ II.1 kỳ 2025 (hạn 31/12/2025) không còn ai chịu" in result.stdout


def test_a_successor_that_starts_late_leaves_a_gap(cli: Cli, reorg: Path) -> None:
    edit(reorg / "units" / "r.yaml", "from: 2025-01-01", "from: 2026-01-01")
    result = cli("validate", "--data", str(reorg))
    assert (
        result.exit_code == 1 and "units/p.yaml" in result.stdout and "II.1 kỳ 2025" in result.stdout
    )  # p assigned it


def test_validation_refuses_a_record_after_the_unit_ended(cli: Cli, reorg: Path) -> None:
    edit(reorg / "units" / "huyen-a.yaml", "done_on: 2022-12-15", "done_on: 2025-07-02")
    result = cli("validate", "--data", str(reorg))
    assert result.exit_code == 1
    ended = "đơn vị 'huyen-a' đã kết thúc ngày 30/06/2025; hãy ghi nhận cho đơn vị kế thừa: huyen-ab"
    assert f"records[0].done_on: {ended}" in result.stdout


def test_a_cached_check_of_a_successor_follows_its_predecessor_s_file(cli: Cli, reorg: Path) -> None:
    """huyen-ab's record of huyen-a's task is valid only while huyen-a names it as successor."""
    assert cli("validate", "--data", str(reorg)).exit_code == 0
    edit(reorg / "units" / "huyen-a.yaml", "successors: [huyen-ab]", "successors: [huyen-b]")
    edit(reorg / "units" / "huyen-b.yaml", "until: 2025-06-30\nsuccessors: [huyen-ab]\n", "")
    result = cli("validate", "--data", str(reorg))
    assert "units/huyen-ab.yaml" in result.stdout and "không được giao nhiệm vụ II.1" in result.stdout


def test_owners_directly() -> None:
    class U:
        def __init__(self, start: date | None = None, end: date | None = None, successors: tuple[str, ...] = ()):
            self.from_, self.until, self.successors = start, end, list(successors)

    lineage = Lineage(
        {
            "a": U(end=date(2025, 6, 30), successors=("c",)),
            "b": U(end=date(2025, 6, 30), successors=("c",)),
            "c": U(start=date(2025, 7, 1)),
        }
    )
    assert lineage.owners(["a", "b"], date(2025, 6, 30)) == [Owner("a", ""), Owner("b", "")]
    assert lineage.owners(["a", "b"], date(2025, 7, 1)) == [Owner("c", "a")]
    assert lineage.owners(["a", "c"], date(2025, 12, 31)) == [Owner("c", "")]  # its own beats inherited
    assert lineage.owners(["c"], date(2025, 1, 1)) == []


class Dated:
    def __init__(self, start: date | None = None, end: date | None = None, successors: tuple[str, ...] = ()):
        self.from_, self.until, self.successors = start, end, list(successors)


CHAIN = Lineage(
    {
        "p": Dated(end=date(2023, 12, 31), successors=("q",)),
        "q": Dated(start=date(2024, 1, 1), end=date(2024, 12, 31), successors=("r",)),
        "r": Dated(start=date(2025, 1, 1)),
        "x": Dated(end=date(2024, 12, 31), successors=("x1", "x2")),
        "x1": Dated(start=date(2025, 1, 1)),
        "x2": Dated(start=date(2025, 1, 1)),
    }
)


@pytest.mark.parametrize(
    ("unit", "first", "last", "existed"),
    [
        ("q", date(2024, 1, 1), date(2024, 12, 31), True),
        ("q", date(2024, 12, 31), date(2025, 6, 30), True),  # its last day is in the range
        ("q", date(2023, 1, 1), date(2024, 1, 1), True),  # its first day is in the range
        ("q", date(2025, 1, 1), date(2025, 12, 31), False),  # ended before the range
        ("q", date(2023, 1, 1), date(2023, 12, 31), False),  # started after it
        ("p", date(2000, 1, 1), date(2000, 12, 31), True),  # no start: there since ever
        ("r", date(2099, 1, 1), date(2099, 12, 31), True),  # no end: still there
    ],
)
def test_a_unit_exists_from_its_first_day_to_its_last(unit: str, first: date, last: date, existed: bool) -> None:
    assert CHAIN.existed_between(unit, first, last) is existed


def test_ended_units_name_the_successors_in_office() -> None:
    assert CHAIN.ended_among(["p", "q", "r", "x"], date(2024, 12, 31)) == [Ended("p", date(2023, 12, 31), ["q"])]
    assert CHAIN.ended_among(["r", "q", "x", "p"], date(2025, 1, 1)) == [
        Ended("p", date(2023, 12, 31), ["r"]),  # q has ended too: r answers now
        Ended("q", date(2024, 12, 31), ["r"]),
        Ended("x", date(2024, 12, 31), ["x1", "x2"]),  # a split names both
    ]
    assert CHAIN.ended_among(["r", "x1"], date(2030, 1, 1)) == []


def test_the_shipped_data_has_no_reorganisation() -> None:
    dataset = load_valid(SHIPPED_DATA)
    assert all(unit.until is None and unit.from_ is None and not unit.successors for unit in dataset.units.values())


def test_a_change_of_records_rechecks_only_that_unit(cli: Cli, reorg: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Lineages are part of every unit's cached check; records are not, so an edit stays cheap."""
    counts = units_checked(monkeypatch)

    def validate() -> tuple[int, int]:
        """The exit code of ``kehoach validate``, and how many unit files it checked."""
        counts.clear()
        code = cli("validate", "--data", str(reorg)).exit_code
        return code, sum(counts)

    assert validate() == (0, 9)  # the first check: every unit (so the count does see checks)
    edit(reorg / "units" / "huyen-ab.yaml", "Làm thay Huyện ủy A", "Làm thay Huyện ủy A (bổ sung)")
    assert validate() == (0, 1)  # huyen-ab's, the one file whose mark the edit made stale
    edit(reorg / "units" / "huyen-b.yaml", "successors: [huyen-ab]", "successors: [huyen-ab, ban-x1]")
    assert validate() == (0, 9)  # a lineage changed: every unit is checked again


def test_ongoing_tasks_pass_to_successors_too(cli: Cli, reorg: Path) -> None:
    found = rows(cli, reorg, "ongoing")
    assert sorted(row["unit"] for row in found if row["task"] == "III.2") == ["ban-x", "ban-x1", "ban-x2"]


def test_a_predecessor_still_in_office_keeps_its_own_items(cli: Cli, reorg: Path) -> None:
    """Before the merger takes effect, huyen-a is responsible for its overdue items, not huyen-ab."""
    before = rows(cli, reorg, "overdue", "--unit", "huyen-ab", "--as-of", "2025-03-01")
    assert before == []
    assert ("II.1", "2023") in {
        (r["task"], r["period"]) for r in rows(cli, reorg, "overdue", "--unit", "huyen-a", "--as-of", "2025-03-01")
    }


def test_both_halves_of_a_split_chosen_show_what_was_left_once_under_the_first_by_id(cli: Cli, reorg: Path) -> None:
    found = rows(cli, reorg, "overdue", "-u", "ban-x2", "-u", "ban-x1", "--as-of", "2026-01-10")
    inherited = [
        (row["unit"], row["task"], row["period"])
        for row in found
        if row["inherited_from"] == "ban-x" and row["period"] <= "2024"  # ban-x's own, before the split
    ]
    assert inherited and {unit for unit, _, _ in inherited} == {"ban-x1"}
    assert len(inherited) == len(set(inherited))


def test_a_successor_that_has_not_begun_inherits_nothing_yet(cli: Cli, reorg: Path) -> None:
    """p ended on 31/12/2023 and q took over; r, q's successor, begins on 01/01/2025."""
    before = rows(cli, reorg, "overdue", "-u", "r", "--as-of", "2024-01-10")
    assert [row for row in before if row["inherited_from"]] == []
    in_office = rows(cli, reorg, "overdue", "-u", "q", "--as-of", "2024-01-10")
    assert {row["inherited_from"] for row in in_office} == {"p"}
    after = rows(cli, reorg, "overdue", "-u", "r", "--as-of", "2026-01-10")
    assert {row["inherited_from"] for row in after} >= {"p"}
