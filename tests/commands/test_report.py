"""``kehoach report``: the yearly report as JSON, Markdown and xlsx (the HTML: tests/test_dashboard.py)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import SHIPPED_DATA, Cli, edit

YEAR_2022 = ("--year", "2022", "--as-of", "2023-01-10")


def report_json(cli: Cli, data: Path, *args: str) -> dict:
    result = cli("report", "--format", "json", *args, "--data", str(data))
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_counts_per_unit_with_the_units_needing_attention_first(cli: Cli, tracked: Path) -> None:
    report = report_json(cli, tracked, *YEAR_2022)
    assert (report["from"], report["to"], report["as_of"]) == ("2022-01-01", "2022-12-31", "2023-01-10")
    counts = [
        (u["unit"], u["done"], u["done_late"], u["overdue"], u["open"], u["waived"], u["completion_rate"])
        for u in report["units"]
    ]
    assert counts == [("ban-a", 2, 0, 1, 0, 0, 0.6667), ("huyen-b", 0, 1, 0, 0, 1, 1.0)]
    assert report["totals"] == {
        "done": 2,
        "done_late": 1,
        "overdue": 1,
        "open": 0,
        "waived": 1,
        "total": 5,
        "completion_rate": 0.75,
    }


def test_items_carry_their_evidence_and_lateness(cli: Cli, tracked: Path) -> None:
    units = {u["unit"]: u for u in report_json(cli, tracked, *YEAR_2022)["units"]}
    assert [(i["task"], i["due"], i["days_late"]) for i in units["ban-a"]["overdue_items"]] == [
        ("II.2", "2022-12-31", 10)
    ]
    late = units["huyen-b"]["completed_items"][0]
    assert (late["task"], late["done_on"], late["days_late"], late["evidence"]) == (
        "II.1",
        "2022-04-05",
        5,
        "Báo cáo số 7-BC/HU",
    )
    assert [o["task"] for o in units["ban-a"]["ongoing"]] == ["III.1.1"]


def test_events_waited_for_and_the_timeline(cli: Cli, tracked: Path) -> None:
    report = report_json(cli, tracked, *YEAR_2022)
    assert report["waiting_events"] == [{"id": "su-kien", "name": "Trung ương ban hành quy định", "tasks": ["III.2.1"]}]
    quarters = {q["quarter"]: q for q in report["timeline"]}
    assert [*quarters][:: len(quarters) - 1] == ["2021-Q4", "2023-Q4"]  # plan start to the as-of year's end
    assert (quarters["2022-Q1"]["done"], quarters["2022-Q1"]["done_late"]) == (1, 1)
    assert quarters["2023-Q4"]["open"] == 4  # II.2 for both units, III.1.2 (2023), III.1.3 (year 3 of 2020-2025)


def test_a_range_and_a_unit(cli: Cli, tracked: Path) -> None:
    report = report_json(
        cli, tracked, "--from", "01/01/2022", "--to", "2022-06-30", "--unit", "huyen-b", "--as-of", "2023-01-10"
    )
    assert [u["unit"] for u in report["units"]] == ["huyen-b"]
    assert report["totals"]["total"] == 1


def test_nothing_due_yet_is_no_rate_not_a_hundred_percent(cli: Cli, tracked: Path) -> None:
    report = report_json(cli, tracked, "--year", "2023", "--as-of", "2023-01-10")
    assert report["totals"]["overdue"] == 0 and report["totals"]["completion_rate"] is None


def test_markdown_for_pasting_into_a_document(cli: Cli, tracked: Path) -> None:
    result = cli("report", *YEAR_2022, "--data", str(tracked))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:10] == [
        "# Kế hoạch thử nghiệm",
        "",
        "*Kết quả thực hiện từ 01/01/2022 đến 31/12/2022, tính đến ngày 10/01/2023*",
        "",
        "## Tổng hợp theo đơn vị",
        "",
        "| Đơn vị | Hoàn thành đúng hạn | Hoàn thành muộn | Quá hạn | Chưa đến hạn | Miễn thực hiện "
        "| Tỷ lệ hoàn thành |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        "| Ban A Tỉnh ủy (ban-a) | 2 | 0 | 1 | 0 | 0 | 67% |",
        "| Huyện ủy B (huyen-b) | 0 | 1 | 0 | 0 | 1 | 100% |",
    ]
    assert (
        "| II.1 | Quán triệt Kết luận | Quý I/2022 | 31/03/2022 | 05/04/2022 | 5 | Báo cáo số 7-BC/HU |"
        in result.stdout
    )
    assert result.stdout.endswith(
        "## Sự kiện chưa xảy ra\n\n- Trung ương ban hành quy định: III.2.1\n\n*Lập bằng kehoach ngày 01/12/2026.*\n"
    )


def test_xlsx_has_a_sheet_per_view_with_frozen_headings_and_date_cells(cli: Cli, tracked: Path, tmp_path: Path) -> None:
    target = tmp_path / "bao-cao.xlsx"
    result = cli("report", *YEAR_2022, "--format", "xlsx", "-o", str(target), "--data", str(tracked))
    assert result.exit_code == 0, result.stderr
    book = load_workbook(target)
    assert book.sheetnames == [
        "Tổng hợp theo đơn vị",
        "Việc quá hạn",
        "Tồn đọng từ các kỳ trước",
        "Việc đã hoàn thành",
        "Nhiệm vụ thường xuyên",
        "Nhiệm vụ có hạn theo quý",
        "Gia hạn",
        "Sự kiện chưa xảy ra",
    ]
    assert all(sheet.freeze_panes == "A3" for sheet in book.worksheets)  # below what it covers and its headings
    summary = [row for row in book["Tổng hợp theo đơn vị"].iter_rows(min_row=3, values_only=True)]
    assert summary[0] == ("ban-a", "Ban A Tỉnh ủy", 2, 0, 1, 0, 0, pytest.approx(2 / 3))
    assert book["Tổng hợp theo đơn vị"].cell(row=3, column=8).number_format == "0%"
    completed = book["Việc đã hoàn thành"]
    due = completed.cell(row=3, column=6)
    assert (
        isinstance(due.value, datetime) and due.number_format == "DD/MM/YYYY"
    )  # openpyxl reads dates back as datetimes
    assert due.value.date() == date(2022, 3, 31)


COVERS = (
    "Kế hoạch thử nghiệm — Kết quả thực hiện từ 01/01/2022 đến 31/12/2022, tính đến ngày 10/01/2023. "
    "Lập bằng kehoach ngày 01/12/2026."
)


def test_every_sheet_prints_on_a4_landscape_with_what_it_covers(cli: Cli, tracked: Path, tmp_path: Path) -> None:
    long_title = "Quán triệt Kết luận, " + "tổ chức sinh hoạt chính trị ở mọi chi bộ và cơ quan " * 2
    edit(tracked / "plan.yaml", "title: Quán triệt Kết luận", f"title: {long_title.strip()}")
    target = tmp_path / "bao-cao.xlsx"
    cli("report", *YEAR_2022, "--format", "xlsx", "-o", str(target), "--data", str(tracked))
    book = load_workbook(target)
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert (str(setup.paperSize), setup.orientation) == (sheet.PAPERSIZE_A4, sheet.ORIENTATION_LANDSCAPE)
        assert (setup.fitToWidth, setup.fitToHeight, sheet.sheet_properties.pageSetUpPr.fitToPage) == (1, 0, True)
        assert sheet.print_title_rows == "$2:$2"  # the headings on every page
        assert sheet["A1"].value == COVERS
        fonts = {cell.font.name for row in sheet.iter_rows() for cell in row if cell.value is not None}
        assert fonts == {"Times New Roman"}, sheet.title
    summary = book["Tổng hợp theo đơn vị"]
    assert summary.auto_filter.ref == "A2:H4"  # the two units; the totals below it stay put when sorted
    assert [summary.cell(row=row, column=2).value for row in (5, 6)] == [
        "Tổng cộng",
        "trong đó: báo cáo định kỳ (nhiệm vụ không có hạn riêng)",
    ]
    texts = book["Việc đã hoàn thành"]
    titles = [cell for cell in texts["D"][2:] if cell.value]
    assert texts.column_dimensions["D"].width == 60 and all(cell.alignment.wrap_text for cell in titles)
    assert any(len(cell.value) > 60 for cell in titles)


def test_the_printed_workbook_has_a_page_per_short_sheet(cli: Cli, tracked: Path, tmp_path: Path) -> None:
    """LibreOffice prints it: each sheet of the small plan on one landscape page (before, one column
    per page: 182 pages for a province)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("KEHOACH_LIBREOFFICE_TESTS") == "required":
            pytest.fail("LibreOffice is required (KEHOACH_LIBREOFFICE_TESTS=required) but not installed")
        pytest.skip("LibreOffice (soffice) is not installed")
    target = tmp_path / "bao-cao.xlsx"
    cli("report", *YEAR_2022, "--format", "xlsx", "-o", str(target), "--data", str(tracked))
    converted = subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(target)],
        capture_output=True, check=False, timeout=180,
    )  # fmt: skip
    assert converted.returncode == 0, converted.stderr
    pdf = (tmp_path / "bao-cao.pdf").read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pages == len(load_workbook(target).worksheets)
    sizes = {
        tuple(round(float(value)) for value in box.split()) for box in re.findall(rb"/MediaBox\s*\[([^\]]*)\]", pdf)
    }
    assert sizes == {(0, 0, 842, 595)}  # A4 landscape, in points


def test_every_format_works_on_the_shipped_data_for_any_year(cli: Cli, tmp_path: Path) -> None:
    for year in ("2021", "2022", "2025", "2030"):
        for fmt in ("md", "html", "json", "xlsx"):
            result = cli(
                "report",
                "--year",
                year,
                "--format",
                fmt,
                "-o",
                str(tmp_path / f"r.{fmt}"),
                "--as-of",
                "2026-11-27",
                "--data",
                str(SHIPPED_DATA),
            )
            assert result.exit_code == 0, (year, fmt, result.stderr)
    units = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["units"]
    assert len(units) == 33


def test_refusals(cli: Cli, tracked: Path) -> None:
    both = cli("report", "--year", "2022", "--from", "2022-01-01", "--data", str(tracked))
    assert both.exit_code == 2 and "--year" in both.stderr
    backwards = cli("report", "--from", "2023-01-01", "--to", "2022-01-01", "--data", str(tracked))
    assert backwards.exit_code == 2


def test_a_completion_without_its_document_says_so_in_every_format(cli: Cli, unproven: Path, tmp_path: Path) -> None:
    markdown = cli("report", *YEAR_2022, "--data", str(unproven)).stdout
    assert "| II.1 | Quán triệt Kết luận | Quý I/2022 | 31/03/2022 | 05/04/2022 | 5 | chưa có văn bản |" in markdown

    target = tmp_path / "bao-cao.xlsx"
    cli("report", *YEAR_2022, "--format", "xlsx", "-o", str(target), "--data", str(unproven))
    sheet = load_workbook(target)["Việc đã hoàn thành"]
    rows = [row for row in sheet.iter_rows(min_row=3, values_only=True) if row[0] == "huyen-b"]
    assert [(row[2], row[8]) for row in rows] == [("II.1", "chưa có văn bản")]

    data = json.loads(cli("report", *YEAR_2022, "--format", "json", "--data", str(unproven)).stdout)
    assert data["without_evidence"] == 1
    assert {unit["unit"]: unit["without_evidence"] for unit in data["units"]} == {"ban-a": 0, "huyen-b": 1}

    page = cli("report", *YEAR_2022, "--format", "html", "--data", str(unproven)).stdout
    section = page[page.index('<section id="without-evidence">') :].split("</section>")[0]
    assert "<h2>Hoàn thành chưa có văn bản</h2>" in section
    assert (
        '<tr data-task="II.1" data-period="2022-Q1"><td>Huyện ủy B</td><td>II.1</td><td>Quán triệt Kết luận</td>'
        '<td class="period">Quý I/2022</td><td class="num">05/04/2022</td></tr>'
    ) in section
    assert section.count("<tr data-task") == 1  # the others have their documents

    units = {u["unit"]: u for u in report_json(cli, unproven, *YEAR_2022)["units"]}
    assert units["huyen-b"]["completed_items"][0]["evidence"] is None


def test_with_every_document_the_html_says_none_is_missing(cli: Cli, tracked: Path) -> None:
    page = cli("report", *YEAR_2022, "--format", "html", "--data", str(tracked)).stdout
    section = page[page.index('<section id="without-evidence">') :].split("</section>")[0]
    assert section.endswith("<p>Không có.</p>")


REORG_2025 = ("--year", "2025", "--as-of", "2026-01-10")


def test_units_that_did_not_exist_during_the_range_have_no_row(cli: Cli, scenario: Callable[[str], Path]) -> None:
    """tests/scenarios/reorg: huyen-a and huyen-b merged into huyen-ab on 01/07/2025, ban-x split
    into ban-x1 and ban-x2 on 01/01/2025, and p → q → r on 01/01/2024 and 01/01/2025."""
    reorg = scenario("reorg")
    units = [unit["unit"] for unit in report_json(cli, reorg, "--year", "2022", "--as-of", "2026-01-10")["units"]]
    assert units == ["ban-x", "p", "huyen-a", "huyen-b"]  # none of their successors was there yet
    units = [unit["unit"] for unit in report_json(cli, reorg, *REORG_2025)["units"]]
    assert units == ["huyen-ab", "ban-x2", "r", "ban-x1", "huyen-a", "huyen-b"]  # both districts until 30/06
    markdown = cli("report", *REORG_2025, "--data", str(reorg)).stdout
    assert (
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n"
        "| Huyện ủy AB (huyen-ab) | 0 | 0 | 3 | 0 | 0 | 0% |\n"
        "| Ban X2 (ban-x2) | 0 | 0 | 1 | 0 | 0 | 0% |\n"
        "| Đơn vị R (r) | 0 | 0 | 1 | 0 | 0 | 0% |\n"
        "| Ban X1 (ban-x1) | 1 | 0 | 0 | 0 | 0 | 100% |\n"
        "| Huyện ủy A (huyen-a) | 0 | 0 | 0 | 0 | 0 | — |\n"
        "| Huyện ủy B (huyen-b) | 0 | 0 | 0 | 0 | 0 | — |\n"
        "| **Tổng cộng** | 1 | 0 | 5 | 0 | 0 | 17% |\n"
    ) in markdown
    html = cli("report", "--year", "2022", "--as-of", "2026-01-10", "--format", "html", "--data", str(reorg)).stdout
    assert "Huyện ủy A" in html and "Huyện ủy AB" not in html and "Ban X1" not in html


def test_a_group_reports_its_members_successors_and_not_the_members_gone(
    cli: Cli, scenario: Callable[[str], Path]
) -> None:
    """The group ``huyen`` lists huyen-a and huyen-b, as the plan was issued; huyen-ab took over."""
    reorg = scenario("reorg")
    later = report_json(cli, reorg, "--year", "2026", "--as-of", "2026-01-10", "--unit", "huyen")
    assert [unit["unit"] for unit in later["units"]] == ["huyen-ab"]
    earlier = report_json(cli, reorg, "--year", "2023", "--as-of", "2026-01-10", "--unit", "huyen")
    assert [(unit["unit"], unit["overdue"]) for unit in earlier["units"]] == [("huyen-a", 1), ("huyen-b", 0)]


def test_a_successor_alone_keeps_its_row_for_what_it_took_over(cli: Cli, scenario: Callable[[str], Path]) -> None:
    """huyen-ab did not exist in 2023, but it now answers for huyen-a's report of 2023, never made."""
    reorg = scenario("reorg")
    report = report_json(cli, reorg, "--year", "2023", "--as-of", "2026-01-10", "--unit", "huyen-ab")
    assert [(unit["unit"], unit["overdue"]) for unit in report["units"]] == [("huyen-ab", 1)]


def test_every_format_says_the_day_it_was_made_beside_the_as_of_day(cli: Cli, tracked: Path, tmp_path: Path) -> None:
    """A report for 2022 as of 10/01/2023, made on 01/12/2026 (the cli fixture's today)."""
    made, as_of = "01/12/2026", "10/01/2023"
    markdown = cli("report", *YEAR_2022, "--data", str(tracked)).stdout
    assert f"tính đến ngày {as_of}" in markdown and markdown.endswith(f"*Lập bằng kehoach ngày {made}.*\n")
    page = cli("report", *YEAR_2022, "--format", "html", "--data", str(tracked)).stdout
    assert f"<footer>Lập bằng kehoach ngày {made}.</footer>" in page
    assert f"Tính đến {as_of}" in page and "Hôm nay" not in page  # the timeline marks the as-of day as that
    data = json.loads(cli("report", *YEAR_2022, "--format", "json", "--data", str(tracked)).stdout)
    assert (data["as_of"], data["made_on"]) == ("2023-01-10", "2026-12-01")
    target = tmp_path / "bao-cao.xlsx"
    cli("report", *YEAR_2022, "--format", "xlsx", "-o", str(target), "--data", str(tracked))
    assert load_workbook(target).active["A1"].value.endswith(f"tính đến ngày {as_of}. Lập bằng kehoach ngày {made}.")


def test_the_backlog_from_before_the_range_is_in_every_format(cli: Cli, tracked: Path, tmp_path: Path) -> None:
    """A report of 2023 as of 01/06/2023: ban-a's II.2 of 2022, still open, 152 days late, is not hidden."""
    args = ("report", "--year", "2023", "--as-of", "2023-06-01", "--data", str(tracked))
    data = json.loads(cli(*args, "--format", "json").stdout)
    backlog = {unit["unit"]: [(item["task"], item["period"], item["days_late"]) for item in unit["backlog_items"]]
               for unit in data["units"]}  # fmt: skip
    assert backlog == {"ban-a": [("II.2", "2022", 152)], "huyen-b": []} and data["backlog"] == 1
    markdown = cli(*args).stdout
    section = markdown.split("## Ban A Tỉnh ủy (ban-a)")[1].split("\n## ")[0]
    assert "### Tồn đọng từ các kỳ trước\n" in section
    assert "| II.2 | Kiểm tra hằng năm | Năm 2022 | 31/12/2022 | 152 |" in section
    page = cli(*args, "--format", "html").stdout
    part = page[page.index('<section id="backlog">') :].split("</section>")[0]
    assert '<tr data-task="II.2" data-period="2022">' in part and '<td class="num">152</td>' in part
    target = tmp_path / "bao-cao.xlsx"
    cli(*args, "--format", "xlsx", "-o", str(target))
    rows = list(load_workbook(target)["Tồn đọng từ các kỳ trước"].iter_rows(min_row=3, values_only=True))
    assert [(row[0], row[2], row[6]) for row in rows] == [("ban-a", "II.2", 152)]
    nothing_before = json.loads(cli("report", *YEAR_2022, "--format", "json", "--data", str(tracked)).stdout)
    assert nothing_before["backlog"] == 0  # the plan starts in 2021: nothing was due before 2022


def test_what_an_ended_unit_left_open_is_its_successor_s_backlog(cli: Cli, scenario: Callable[[str], Path]) -> None:
    """huyen-a ended on 30/06/2025 with its report of 2023 never made: in 2026 it has no row, and
    huyen-ab, which took over, carries it."""
    reorg = scenario("reorg")
    later = report_json(cli, reorg, "--year", "2026", "--as-of", "2026-01-10", "--unit", "huyen")
    [unit] = later["units"]
    assert unit["unit"] == "huyen-ab" and ("II.1", "2023") in {
        (item["task"], item["period"]) for item in unit["backlog_items"]
    }


def test_the_dashboard_prints_whole_names_a_value_axis_and_its_totals_once(cli: Cli, tracked: Path) -> None:
    long_name = "Ban Cán sự đảng Ủy ban nhân dân tỉnh và các cơ quan tham mưu, giúp việc"
    edit(tracked / "units/ban-a.yaml", "name: Ban A Tỉnh ủy", f"name: {long_name}")
    page = cli("report", *YEAR_2022, "--format", "html", "--data", str(tracked)).stdout
    chart = page[page.index('<section id="chart">') :].split("</section>")[0]
    spans = re.findall(r"<tspan[^>]*>([^<]*)</tspan>", chart)
    assert " ".join(spans[:2]) == long_name and "…" not in chart  # wrapped onto two lines, not cut
    timeline = page[page.index('<section id="timeline">') :].split("</section>")[0]
    assert re.findall(r'<text x="24" y="[0-9.]+" text-anchor="end" class="count">(\d+)</text>', timeline)[:2] == [
        "0",
        "1",
    ]  # the value axis, from 0
    assert "td.period { white-space: nowrap; }" in page  # "Quý III/2025" on one line
    assert "tfoot { display: table-row-group; }" in page  # printed, the totals come once, at the end


def test_a_chosen_successor_s_tasks_include_what_its_predecessors_were_given(
    cli: Cli, scenario: Callable[[str], Path]
) -> None:
    """The Báo cáo's tasks (JSON ``tasks``) for huyen-ab alone: II.1 and II.2, given to huyen-a and
    huyen-b before the merger, and its own III.1; not ban-x's III.2."""
    result = cli("report", "--year", "2022", "--unit", "huyen-ab", "--format", "json", "--as-of", "2026-01-10",
                 "--data", str(scenario("reorg")))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert [task["task"] for task in json.loads(result.stdout)["tasks"]] == ["II.1", "II.2", "III.1"]
