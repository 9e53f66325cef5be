"""``kehoach tasks`` through the real CLI: table, JSON and CSV."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SHIPPED_DATA, Cli, csv_rows
from kehoach.domain.model import describe_schedule
from kehoach.files.load import load_valid


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


def test_csv_is_flat_for_a_spreadsheet_the_schedule_in_words_and_owners_by_name(cli: Cli, minimal: Path) -> None:
    rows = csv_rows(cli("tasks", "--data", str(minimal), "-f", "csv").stdout)
    assert list(rows[0]) == [
        "ref", "title", "text", "owners", "owner_names", "role", "coordinators", "coordinator_names", "related",
        "cites", "schedule_kind", "when",
    ]  # fmt: skip
    assert rows[0] == {
        "ref": "II.1",
        "title": "Quán triệt Kết luận",
        "text": "Mở đợt sinh hoạt chính trị (hoàn thành trong Quý I/2022).",
        "owners": "ca-hai",
        "owner_names": "Cả hai đơn vị",
        "role": "lead",
        "coordinators": "",
        "coordinator_names": "",
        "related": "",
        "cites": "",
        "schedule_kind": "deadline",
        "when": "trong Quý I/2022",
    }
    assert [row["when"] for row in rows[1:2]] == ["hằng năm từ 2022"]


def test_csv_says_the_schedule_as_the_table_does(cli: Cli) -> None:
    rows = csv_rows(cli("tasks", "--data", str(SHIPPED_DATA), "-f", "csv").stdout)
    dataset = load_valid(SHIPPED_DATA)
    assert [row["when"] for row in rows] == [describe_schedule(task.schedule, dataset) for task in dataset.plan.tasks]
    assert rows[0]["when"] == "hoàn thành trong Quý I/2022"
    assert (
        rows[0]["owner_names"]
        == "Các cấp ủy, tổ chức đảng, cơ quan nhà nước, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội"
    )


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
