"""Units that ended, as the views show them: a notice naming who took over, and groups that
follow their members' successors (tests/scenarios/reorg; kehoach.present.lineage)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import REPO, Cli


@pytest.fixture
def reorg(scenario: Callable[[str], Path]) -> Path:
    return scenario("reorg")


HUYEN_A_ENDED = "Huyện ủy A đã kết thúc ngày 30/06/2025; kế thừa: Huyện ủy AB.\n"


@pytest.mark.parametrize(
    ("args", "title"),
    [
        (("due", "--year", "--unit", "huyen-a", "--as-of", "2025-09-01"), "Tổng quan năm 2025"),
        (("due", "--brief", "--unit", "huyen-a", "--as-of", "2025-09-01"), "Tổng quan Quý III/2025"),
        (("overdue", "--unit", "huyen-a", "--as-of", "2025-09-01"), "Quá hạn tính đến ngày 01/09/2025: 1 việc"),
        (("upcoming", "--unit", "huyen-a", "--as-of", "2025-09-01"), "Không có việc nào đến hạn trong 30 ngày tới"),
    ],
)
def test_a_unit_that_has_ended_says_so_and_names_its_successor_first(
    cli: Cli, reorg: Path, args: tuple[str, ...], title: str
) -> None:
    result = cli(*args, "--data", str(reorg))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(HUYEN_A_ENDED + "\n" + title)


def test_what_an_ended_unit_still_owes_follows_the_notice(cli: Cli, reorg: Path) -> None:
    result = cli("overdue", "--unit", "huyen-a", "--as-of", "2026-01-10", "--data", str(reorg))
    assert result.stdout == (
        HUYEN_A_ENDED
        + "\n"
        + "Quá hạn tính đến ngày 10/01/2026: 1 việc của 1 đơn vị\n"
        + "\n"
        + "Huyện ủy A (huyen-a): 1 quá hạn\n"
        + "Số hiệu   Nhiệm vụ           Kỳ         Hạn          Trễ (ngày)\n"
        + "─" * 63
        + "\n"
        + "II.1      Báo cáo hằng năm   Năm 2023   31/12/2023   741\n"
    )


def test_a_split_names_every_successor_and_a_chain_the_one_in_office(cli: Cli, reorg: Path) -> None:
    split = cli("overdue", "--unit", "ban-x", "--as-of", "2026-01-10", "--data", str(reorg)).stdout
    assert split.startswith("Ban X đã kết thúc ngày 31/12/2024; kế thừa: Ban X1, Ban X2.\n\n")
    chain = cli("overdue", "--unit", "khoi-vp", "--as-of", "2026-01-10", "--data", str(reorg)).stdout
    assert chain.startswith(
        "Đơn vị P đã kết thúc ngày 31/12/2023; kế thừa: Đơn vị R.\n"
        "Đơn vị Q đã kết thúc ngày 31/12/2024; kế thừa: Đơn vị R.\n\n"
        "Quá hạn tính đến ngày 10/01/2026: 4 việc của 3 đơn vị\n"
    )


def test_no_notice_before_the_end_nor_for_the_whole_view_nor_in_json(cli: Cli, reorg: Path) -> None:
    before = cli("overdue", "--unit", "huyen-a", "--as-of", "2025-06-30", "--data", str(reorg)).stdout
    assert before.startswith("Quá hạn tính đến ngày 30/06/2025: 2 việc của 1 đơn vị\n")
    whole = cli("overdue", "--as-of", "2026-01-10", "--data", str(reorg)).stdout
    assert whole.startswith("Quá hạn tính đến ngày 10/01/2026: ")
    for command in ("due", "overdue", "upcoming"):
        found = cli(command, "--unit", "huyen-a", "--as-of", "2026-01-10", "-f", "json", "--data", str(reorg))
        assert isinstance(json.loads(found.stdout), list)


def test_the_notice_in_english(reorg: Path) -> None:
    """In a process of its own: the language is chosen as kehoach is imported (tests/test_i18n.py)."""
    question = ["--lang", "en", "overdue", "--unit", "huyen-a", "--as-of", "2026-01-10", "--data", str(reorg)]
    english = subprocess.run(
        [sys.executable, "-m", "kehoach", *question],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "KEHOACH_CACHE": str(reorg.parent / "cache"), "COLUMNS": "80"},
        check=False,
        timeout=120,
    )
    assert english.stdout.startswith("Huyện ủy A ended on 30 Jun 2025; succeeded by Huyện ủy AB.\n\n"), english.stderr


@pytest.mark.parametrize(
    ("args", "shows"),
    [
        (("due", "--year", "--as-of", "2025-09-01", "-f", "json"), '"unit": "huyen-ab"'),
        (("overdue", "--as-of", "2026-01-10", "-f", "json"), '"unit": "huyen-ab"'),
        (("upcoming", "--as-of", "2025-12-10", "-f", "json"), '"unit": "huyen-ab"'),
        (("history", "-f", "json"), '"unit": "huyen-ab"'),
        (("tasks", "-f", "json"), '"ref": "III.1"'),  # the successor's own task
        (("ics", "--as-of", "2026-01-10"), "/huyen-ab/"),
        (("report", "--year", "2025", "--as-of", "2026-01-10", "-f", "json"), '"unit": "huyen-ab"'),
    ],
)
def test_every_command_takes_a_group_for_its_members_successors_too(
    cli: Cli, reorg: Path, args: tuple[str, ...], shows: str
) -> None:
    result = cli(*args, "--unit", "huyen", "--data", str(reorg))
    assert result.exit_code == 0, result.stderr
    assert shows in result.stdout
