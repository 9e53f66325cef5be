"""``kehoach show REF``: one task whole, from the document's words to every occurrence owed."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SHIPPED_DATA, Cli


def test_show_gives_the_text_owners_and_roles_schedule_and_related_tasks(cli: Cli) -> None:
    result = cli("show", "III.4.3", "--as-of", "2026-12-01", "--data", str(SHIPPED_DATA))
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert text.startswith("III.4.3  Phối hợp tổng kết Quyết định 217, 218; sơ kết Quy định 124\n\n")
    assert "Phối hợp tham mưu tổng kết 10 năm thực hiện Quyết định số 217-QĐ/TW" in text  # the text itself
    flat = " ".join(text.split())  # prose wraps at the width
    assert "Tham mưu, phối hợp: Đảng đoàn Mặt trận Tổ quốc, các tổ chức chính trị - xã hội cấp tỉnh" in flat
    assert "(mttq-doan-the-tinh, 6 đơn vị)" in flat  # the group, with how many units it stands for
    assert "Thời hạn theo văn bản: năm 2023\nkehoach hiểu là: trong năm 2023\n" in text
    assert "Liên quan: III.9.4 Sơ kết 05 năm thực hiện Quy định số 124-QĐ/TW\n" in text
    assert "Văn bản được dẫn: Quyết định số 217-QĐ/TW, ngày 12/12/2013;" in text
    assert "Các kỳ phải thực hiện, tính đến ngày 01/12/2026" in text
    assert text.count("Quá hạn\n") == 6 and text.count("1066 ngày") == 6  # each of the group's six units owes 2023
    assert max(len(line) for line in text.splitlines()) <= 80


def test_show_names_the_reporting_rule_of_a_task_without_a_deadline(cli: Cli) -> None:
    text = cli("show", "IV.3", "--as-of", "2026-12-01", "--data", str(SHIPPED_DATA)).stdout
    assert "Chủ trì: Ban Tổ chức Tỉnh ủy (ban-to-chuc-tinh-uy)\n" in text
    assert (
        "Phối hợp: Các cơ quan chuyên trách tham mưu, giúp việc của Tỉnh ủy\n(co-quan-tham-muu-tinh-uy, 5 đơn vị)"
        in text
    )
    assert "Thời hạn: không ghi thời hạn\nTheo dõi bằng: Báo cáo hằng năm, hạn ngày 15 tháng 12\n" in text


def test_show_lists_records_extensions_and_filters_by_status(cli: Cli, tracked: Path) -> None:
    extended = cli("extend", "II.2", "--period", "2023", "--to", "2024-03-31", "--by", "Công văn số 12-CV/TU",
                   "--on", "2023-12-01", "--as-of", "2023-12-01", "--data", str(tracked))  # fmt: skip
    assert extended.exit_code == 0, extended.stderr
    text = cli("show", "II.2", "--as-of", "2024-01-10", "--data", str(tracked)).stdout
    flat = " ".join(text.split())
    assert "Gia hạn: Năm 2023, mọi đơn vị: đến 31/03/2024, theo Công văn số 12-CV/TU ngày 01/12/2023" in flat
    assert "Miễn thực hiện" in text and "Đã lồng ghép" in text  # huyen-b's waiver, with its reason
    data = json.loads(cli("show", "II.2", "--as-of", "2024-01-10", "-f", "json", "--data", str(tracked)).stdout)
    assert data["ref"] == "II.2" and data["owners"] == ["ca-hai"]
    assert data["extensions"] == [
        {"task": "II.2", "unit": None, "period": "2023", "to": "2024-03-31", "by": "Công văn số 12-CV/TU",
         "on": "2023-12-01"}
    ]  # fmt: skip
    assert [(row["unit"], row["period"], row["status"]) for row in data["occurrences"]] == [
        ("ban-a", "2022", "overdue"),
        ("huyen-b", "2022", "waived"),
        ("ban-a", "2023", "open"),
        ("huyen-b", "2023", "open"),
        ("ban-a", "2024", "open"),
        ("huyen-b", "2024", "open"),
        ("ban-a", "2025", "open"),
        ("huyen-b", "2025", "open"),
    ]
    only = json.loads(cli("show", "II.2", "-s", "overdue", "--as-of", "2024-01-10", "-f", "json",
                          "--data", str(tracked)).stdout)  # fmt: skip
    assert [(row["unit"], row["period"]) for row in only["occurrences"]] == [("ban-a", "2022")]
    none = cli("show", "II.2", "-s", "done", "--as-of", "2024-01-10", "--data", str(tracked)).stdout
    assert " ".join(none.split("\n\n")[-1].split()) == (
        "Các kỳ phải thực hiện, tính đến ngày 10/01/2024, trạng thái: hoàn thành: không có kỳ nào."
    )


def test_show_refuses_an_unknown_ref_with_what_it_may_have_meant(cli: Cli, tracked: Path) -> None:
    result = cli("show", "ii.2", "--data", str(tracked))
    assert result.exit_code == 2
    assert result.stderr == "lỗi: không có nhiệm vụ 'ii.2'; có phải ý bạn là II.2?\n"
