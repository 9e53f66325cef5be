"""``kehoach summary``: the overview, one row per unit, most behind first, with the same counts
every listing gives."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from conftest import SHIPPED_DATA, Cli, csv_rows


def overview(cli: Cli, *args: str) -> dict[str, object]:
    result = cli("summary", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    found: dict[str, object] = json.loads(result.stdout)
    return found


def test_the_overview_counts_the_period_and_what_is_still_overdue_from_before(cli: Cli, tracked: Path) -> None:
    # In Q1/2023, ban-a still owes its 2022 II.2 (overdue since 31/12/2022); nothing falls due yet.
    data = overview(cli, "--as-of", "2023-02-01", "--data", str(tracked))
    assert data["period"] == {"key": "2023-Q1", "start": "2023-01-01", "end": "2023-03-31"}
    units = data["units"]
    assert isinstance(units, list)
    assert [(row["unit"], row["due"], row["overdue_total"], row["overdue_earlier"]) for row in units] == [
        ("ban-a", 0, 1, 1),  # most behind first
        ("huyen-b", 0, 0, 0),
    ]
    assert data["total"] == {
        "due": 0,
        "done": 0,
        "done_late": 0,
        "overdue": 0,
        "open": 0,
        "waived": 0,
        "overdue_earlier": 1,
        "overdue_total": 1,
        "reports_unsent": 0,
        "completion_rate": None,
    }


def test_the_overview_agrees_with_due_and_overdue(cli: Cli) -> None:
    """The counts are the listings' own: due in the period as `due` lists it, overdue as `overdue` does."""
    args = ("--as-of", "2026-12-01", "--data", str(SHIPPED_DATA))
    data = overview(cli, *args)
    listed_due = json.loads(cli("due", *args, "-f", "json").stdout)
    listed_overdue = json.loads(cli("overdue", *args, "-f", "json").stdout)
    units = data["units"]
    assert isinstance(units, list) and len(units) == 33
    for row in units:
        assert row["due"] == sum(1 for entry in listed_due if entry["unit"] == row["unit"])
        assert row["overdue_total"] == sum(1 for entry in listed_overdue if entry["unit"] == row["unit"])
        reports = [e for e in listed_due if e["unit"] == row["unit"] and e["kind"] == "report"]
        assert row["reports_unsent"] == sum(1 for entry in reports if entry["status"] in ("open", "overdue"))
    assert [row["overdue_total"] for row in units] == sorted((row["overdue_total"] for row in units), reverse=True)
    total = data["total"]
    assert isinstance(total, dict)
    assert (total["due"], total["overdue_total"]) == (len(listed_due), len(listed_overdue))


def test_the_overview_takes_units_periods_and_formats(cli: Cli, tracked: Path) -> None:
    data = overview(cli, "--year", "--as-of", "2022-12-31", "-u", "huyen-b", "--data", str(tracked))
    assert data["units"] == [
        {
            "unit": "huyen-b",
            "unit_name": "Huyện ủy B",
            "due": 2,
            "done": 0,
            "done_late": 1,
            "overdue": 0,
            "open": 0,
            "waived": 1,
            "overdue_earlier": 0,
            "overdue_total": 0,
            "reports_unsent": 0,
            "completion_rate": 1.0,
        }
    ]
    table = cli("summary", "--month", "--as-of", "2022-03-15", "-f", "csv", "--data", str(tracked)).stdout
    rows = csv_rows(table)
    assert [(row["period"], row["unit"], row["unit_name"], row["due"]) for row in rows] == [
        ("2022-03", "ban-a", "Ban A Tỉnh ủy", "1"),
        ("2022-03", "huyen-b", "Huyện ủy B", "1"),
        ("2022-03", "", "Tổng cộng", "2"),
    ]
    refused = cli("summary", "--month", "--year", "--data", str(tracked))
    assert refused.exit_code == 2 and "chỉ chọn một trong --week, --month, --quarter, --year" in refused.stderr


def test_the_overview_of_the_shipped_plan_fits_80_columns_and_names_units_by_name(cli: Cli) -> None:
    result = cli("summary", "--as-of", "2026-12-01", "--data", str(SHIPPED_DATA))
    lines = result.stdout.splitlines()
    assert lines[0] == "Tổng quan Quý IV/2026 (01/10/2026 – 31/12/2026), tính đến ngày 01/12/2026"
    assert lines[1].split()[:3] == ["Đơn", "vị", "Đến"]
    assert lines[4].startswith("Ban Tuyên giáo Tỉnh ủy")  # the unit most behind: 71 overdue
    assert "71" in lines[4].split()
    assert any(line.startswith("Tổng cộng") for line in lines)
    assert "ban-tuyen-giao-tinh-uy" not in result.stdout  # ids give way to names
    assert max(len(line) for line in lines) <= 80


def test_the_overview_leaves_out_units_that_did_not_exist_and_owe_nothing(
    cli: Cli, scenario: Callable[[str], Path]
) -> None:
    reorg = scenario("reorg")
    before = overview(cli, "--year", "--as-of", "2023-06-01", "--data", str(reorg))["units"]
    assert isinstance(before, list)
    assert {row["unit"] for row in before} == {"ban-x", "p", "huyen-a", "huyen-b"}  # no successor yet
    after = overview(cli, "--year", "--as-of", "2026-06-01", "--data", str(reorg))["units"]
    assert isinstance(after, list)
    shown = {row["unit"]: row["overdue_total"] for row in after}
    assert "huyen-b" not in shown  # ended in 2025 with nothing left undone
    assert shown["ban-x"] == 3  # ended, but what it left undone stays with it, as `overdue` lists it
