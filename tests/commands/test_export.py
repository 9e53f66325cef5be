"""``kehoach export``: the SQLite tables, their keys, and the README's queries against the report."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from conftest import REPO, SHIPPED_DATA, Cli, edit

AS_OF = "2026-12-01"


def exported(cli: Cli, data: Path, target: Path, as_of: str = AS_OF) -> sqlite3.Connection:
    result = cli("export", str(target), "--as-of", as_of, "--data", str(data), env={"KEHOACH_TODAY": "2026-12-02"})
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"Đã ghi {target}.\n"
    connection = sqlite3.connect(target)
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


def readme_queries() -> list[str]:
    section = (REPO / "README.md").read_text(encoding="utf-8").split("### kehoach export\n", 1)[1].split("\n### ", 1)[0]
    return re.findall(r"```sql\n(.*?)```", section, re.S)


@pytest.fixture
def shipped(cli: Cli, tmp_path: Path) -> sqlite3.Connection:
    return exported(cli, SHIPPED_DATA, tmp_path / "ke-hoach.sqlite")


def test_every_table_with_its_keys(shipped: sqlite3.Connection) -> None:
    tables = {name for (name,) in shipped.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {
        "plan",
        "units",
        "successors",
        "groups",
        "group_members",
        "tasks",
        "task_units",
        "occurrences",
        "records",
        "extensions",
    }
    assert shipped.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert shipped.execute("PRAGMA foreign_key_check").fetchall() == []
    keys = {row[2] for row in shipped.execute("PRAGMA foreign_key_list(occurrences)")}
    assert keys == {"tasks", "units", "records"}
    indexes = {row[1] for row in shipped.execute("PRAGMA index_list(occurrences)")}
    assert {"occurrences_by_unit", "occurrences_by_due"} <= indexes
    assert shipped.execute("SELECT as_of, exported_on FROM plan").fetchone() == (AS_OF, "2026-12-02")
    assert shipped.execute("SELECT COUNT(*) FROM tasks").fetchone() == (83,)
    assert shipped.execute("SELECT COUNT(*) FROM units").fetchone() == (33,)
    assert shipped.execute("SELECT ref FROM tasks ORDER BY position LIMIT 1").fetchone() == ("II.1",)


def test_occurrences_are_what_due_says(cli: Cli, shipped: sqlite3.Connection) -> None:
    """The year of the as-of day, occurrence by occurrence: the statuses every view gives."""
    due = cli("due", "--year", "--as-of", AS_OF, "--format", "json", "--data", str(SHIPPED_DATA)).stdout
    by_due = {(row["task"], row["unit"], row["period"]): row["status"] for row in json.loads(due)}
    query = "SELECT task, unit, period, status FROM occurrences WHERE due LIKE '2026-%'"
    by_export = {(task, unit, period): status for task, unit, period, status in shipped.execute(query)}
    assert by_export == by_due and len(by_due) > 100


def test_the_readme_queries_answer_what_the_report_says(
    cli: Cli, synthetic_province: tuple[Path, str], tmp_path: Path
) -> None:
    """On the synthetic province: five years of records, done, late, overdue and open."""
    province, as_of = synthetic_province
    overdue_per_unit, rate_per_year = readme_queries()[:2]
    connection = exported(cli, province, tmp_path / "province.sqlite", as_of=as_of)
    rates = dict(connection.execute(rate_per_year).fetchall())
    for year in range(2022, int(as_of[:4]) + 1):
        report = json.loads(
            cli("report", "--year", str(year), "--as-of", as_of, "--format", "json", "--data", str(province)).stdout
        )
        assert rates[str(year)] == report["totals"]["completion_rate"], year
        query = overdue_per_unit.replace("2025", str(year))
        by_query = dict(connection.execute(query).fetchall())
        by_report = {unit["name"]: unit["overdue"] for unit in report["units"] if unit["overdue"]}
        assert by_query == by_report, year
    assert any(rate is not None and 0 < rate < 1 for rate in rates.values())  # the comparison compared numbers
    assert any(dict(connection.execute(overdue_per_unit).fetchall()).values())


def test_provinces_combine_with_attach(cli: Cli, minimal: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(SHIPPED_DATA, other)
    edit(other / "plan.yaml", "issuer: Ban Chấp hành Đảng bộ tỉnh Nam Định", "issuer: Ban Chấp hành Đảng bộ tỉnh B")
    exported(cli, SHIPPED_DATA, tmp_path / "nam-dinh.sqlite").close()
    exported(cli, other, tmp_path / "thai-binh.sqlite").close()
    attach = readme_queries()[2]
    connection = sqlite3.connect(":memory:")
    statements = [part.strip() for part in attach.split(";") if part.strip()]
    for statement in statements[:-1]:
        connection.execute(
            statement.replace("'nam-dinh.sqlite'", f"'{tmp_path / 'nam-dinh.sqlite'}'").replace(
                "'thai-binh.sqlite'", f"'{tmp_path / 'thai-binh.sqlite'}'"
            )
        )
    rows = connection.execute(statements[-1]).fetchall()
    by_province: dict[str, int] = {}
    for province, _status, count in rows:
        by_province[province] = by_province.get(province, 0) + count
    single = sqlite3.connect(tmp_path / "nam-dinh.sqlite").execute("SELECT COUNT(*) FROM occurrences").fetchone()[0]
    assert by_province == {"nam_dinh": single, "thai_binh": single}


def test_records_and_the_occurrences_they_give(cli: Cli, tracked: Path, tmp_path: Path) -> None:
    connection = exported(cli, tracked, tmp_path / "tracked.sqlite", as_of="2023-01-10")
    joined = connection.execute(
        "SELECT o.task, o.unit, o.period, o.status, r.done_on, r.evidence FROM occurrences AS o "
        "JOIN records AS r ON r.id = o.record WHERE o.status IN ('done', 'done_late') ORDER BY o.task, o.unit"
    ).fetchall()
    assert ("II.1", "ban-a", "2022-Q1", "done", "2022-03-20", "Báo cáo số 45-BC/TU") in joined
    waived = connection.execute("SELECT reason FROM records WHERE waived_on IS NOT NULL").fetchall()
    assert waived and all(reason for (reason,) in waived)


def test_a_folder_is_refused_and_nothing_is_written(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    result = cli("export", str(folder), "--data", str(SHIPPED_DATA))
    assert result.exit_code == 4 and "thư mục" in result.stderr
    assert list(folder.iterdir()) == []
