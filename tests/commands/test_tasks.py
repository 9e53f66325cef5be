"""``kehoach tasks`` through the real CLI: table, JSON and CSV."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from conftest import SHIPPED_DATA, Cli


def test_table_of_one_unit(cli: Cli, minimal: Path) -> None:
    result = cli("tasks", "--data", str(minimal), "--unit", "huyen-b")
    assert result.exit_code == 0
    assert [line.rstrip() for line in result.stdout.splitlines()] == [
        "Số hiệu   Nhiệm vụ              Đơn vị    Thời hạn",
        "─────────────────────────────────────────────────────────────",
        "II.1      Quán triệt Kết luận   ca-hai    trong Quý I/2022",
        "II.2      Kiểm tra hằng năm     ca-hai    hằng năm từ 2022",
        "III.2.1   Khi có quy định       huyen-b   90 ngày sau sự kiện",
        "IV.1      Không ghi hạn         huyen-b   không ghi thời hạn",
    ]


def test_table_fits_80_columns_on_the_shipped_plan(cli: Cli) -> None:
    lines = cli("tasks", "--data", str(SHIPPED_DATA)).stdout.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= 80
    assert "\x1b[" not in "".join(lines)  # piped output has no escape codes


def test_json_has_the_documented_fields(cli: Cli, minimal: Path) -> None:
    rows = json.loads(cli("tasks", "--data", str(minimal), "--format", "json").stdout)
    assert [row["ref"] for row in rows] == ["II.1", "II.2", "III.1.1", "III.1.2", "III.1.3", "III.2.1", "IV.1"]
    assert rows[1] == {
        "ref": "II.2",
        "title": "Kiểm tra hằng năm",
        "text": "Kiểm tra, giám sát (thực hiện hằng năm).",
        "owners": ["ca-hai"],
        "role": "lead",
        "coordinators": [],
        "related": [],
        "cites": [],
        "schedule": {
            "kind": "yearly",
            "ad_hoc": False,
            "as_written": None,
            "from": 2022,
            "until": None,
            "due_day": "12-31",
        },
    }
    assert rows[-1]["schedule"] is None


def test_the_shipped_plan_shows_and_carries_the_documents_words(cli: Cli) -> None:
    rows = json.loads(cli("tasks", "--data", str(SHIPPED_DATA), "-f", "json").stdout)
    schedules = {row["ref"]: row["schedule"] for row in rows}
    assert schedules["III.10.3"] == {"kind": "ongoing", "ad_hoc": True, "as_written": "định kỳ hoặc đột xuất",
                                     "from": None, "review": None}  # fmt: skip
    assert schedules["III.13.4"]["as_written"] == "thực hiện thường xuyên hoặc định kỳ"
    table = cli("tasks", "--data", str(SHIPPED_DATA), "--unit", "van-phong-tinh-uy").stdout
    assert " ".join(table.split()).count("định kỳ hoặc đột xuất") == 1
    assert "thường xuyên hoặc đột xuất" not in " ".join(table.split())


def test_csv_has_the_json_columns(cli: Cli, minimal: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(cli("tasks", "--data", str(minimal), "-f", "csv").stdout)))
    assert rows[0]["ref"] == "II.1"
    assert rows[0]["owners"] == "ca-hai"
    assert json.loads(rows[0]["schedule"]) == {"kind": "deadline", "ad_hoc": False, "as_written": None, "by": "2022-Q1"}


def test_a_group_as_unit_means_its_members(cli: Cli, minimal: Path) -> None:
    rows = json.loads(cli("tasks", "--data", str(minimal), "--unit", "ca-hai", "-f", "json").stdout)
    assert len(rows) == 7


def test_unknown_unit_is_refused_with_suggestions(cli: Cli, minimal: Path) -> None:
    result = cli("tasks", "--data", str(minimal), "--unit", "huyen-c")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "lỗi: không có đơn vị hay nhóm 'huyen-c'. Có phải ý bạn là: huyen-b? Xem danh sách bằng: kehoach units\n"
    )
