"""``report --format docx``: the draft Báo cáo read back with python-docx, held to Hướng dẫn
36-HD/VPTW's layout and, number by number, to ``report --format json``; printed by LibreOffice."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.document import Document as DocumentObject
from docx.shared import Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from test_one_language import data_names, vietnamese_words

from conftest import REPO, SHIPPED_DATA, Cli

WORDS = {
    "done": "Hoàn thành",
    "done_late": "Hoàn thành muộn",
    "overdue": "Quá hạn",
    "open": "Chưa đến hạn",
    "waived": "Miễn thực hiện",
}
"""How the report words each status (the JSON's ``status``)."""
HEADINGS = ["Hoàn thành đúng hạn", "Hoàn thành muộn", "Quá hạn", "Chưa đến hạn", "Miễn thực hiện"]
COUNTS = ["done", "done_late", "overdue", "open", "waived"]


@dataclass
class Made:
    document: DocumentObject
    data: dict[str, Any]
    path: Path


def made(cli: Cli, data: Path, tmp_path: Path, *args: str, today: str = "2026-12-01") -> Made:
    """The docx of a report and the JSON of the same report, made the same day."""
    target = tmp_path / "bao-cao.docx"
    common = ("report", *args, "--data", str(data))
    environment = {"KEHOACH_TODAY": today}
    result = cli(*common, "--format", "docx", "-o", str(target), env=environment)
    assert result.exit_code == 0, result.stderr
    answer = cli(*common, "--format", "json", env=environment)
    assert answer.exit_code == 0, answer.stderr
    return Made(Document(str(target)), json.loads(answer.stdout), target)


def blocks(document: DocumentObject) -> Iterator[Paragraph | Table]:
    """The body's paragraphs and tables in the order they are read."""
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}p"):
            yield Paragraph(element, document)
        elif element.tag.endswith("}tbl"):
            yield Table(element, document)


def rows(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def headings(document: DocumentObject, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style is not None and p.style.name == f"Heading {level}"]


def period_shown(entry: dict[str, Any]) -> str:
    """A period as tables show it: a periodic report says so ("Báo cáo năm 2022")."""
    label = entry["period_label"]
    return f"Báo cáo {label[:1].lower()}{label[1:]}" if entry["kind"] == "report" else label


def percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.0%}"


@pytest.fixture
def shipped_2022(cli: Cli, tmp_path: Path) -> Made:
    return made(cli, SHIPPED_DATA, tmp_path, "--year", "2022", "--as-of", "2022-12-31")


@pytest.fixture
def province_2022(cli: Cli, tmp_path: Path, synthetic_province: tuple[Path, str]) -> Made:
    data, day = synthetic_province
    return made(cli, data, tmp_path, "--year", "2022", "--as-of", day, today=day)


# --- the form: 36-HD/VPTW -------------------------------------------------------------------------


def test_the_header_block_names_the_body_leaves_the_number_and_dates_the_place(shipped_2022: Made) -> None:
    block = shipped_2022.document.tables[0]
    left, right = block.rows[0].cells
    assert [p.text for p in left.paragraphs] == ["ĐẢNG BỘ TỈNH NAM ĐỊNH", "TỈNH ỦY", "*", "Số     -BC/TU"]
    assert [bool(p.runs[0].bold) for p in left.paragraphs] == [False, True, False, False]
    assert [p.text for p in right.paragraphs] == [
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "",
        "Nam Định, ngày      tháng      năm 2026",
    ]
    party, dated = right.paragraphs[0].runs[0], right.paragraphs[2].runs[0]
    assert (party.bold, party.underline, party.font.size) == (True, True, Pt(15))
    assert (dated.italic, dated.font.size) == (True, Pt(14))


def test_the_title_is_the_type_and_the_subject(shipped_2022: Made) -> None:
    kind, subject = shipped_2022.document.paragraphs[:2]
    assert kind.text == "BÁO CÁO" and kind.runs[0].bold and kind.runs[0].font.size == Pt(16)
    assert subject.runs[0].bold
    assert subject.text.startswith("kết quả thực hiện Kế hoạch thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021")
    assert subject.text.endswith('"tự chuyển hoá" năm 2022')


def test_a4_with_the_guide_s_margins_and_pages_numbered_from_the_second(shipped_2022: Made) -> None:
    section = shipped_2022.document.sections[0]
    sizes = (section.page_width, section.page_height)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    # Word keeps lengths in twentieths of a point: to the tenth of a millimetre.
    assert [round(length.mm, 1) for length in (*sizes, *margins)] == [210, 297, 25, 25, 35, 15]
    assert section.different_first_page_header_footer
    assert 'w:instr="PAGE"' in section.header._element.xml
    assert section.first_page_header.paragraphs[0].text == ""


def test_times_new_roman_everywhere_at_the_guide_s_sizes(shipped_2022: Made) -> None:
    document = shipped_2022.document
    styles = document.styles.element.xml
    assert "Theme" not in re.sub(r"<w:latentStyles.*?</w:latentStyles>", "", styles, flags=re.S)
    named = "".join(re.findall(r"<w:rFonts [^>]*>", styles))
    fonts = set(re.findall(r'w:(?:ascii|hAnsi|cs|eastAsia)="([^"]+)"', named))
    assert fonts == {"Times New Roman"}
    assert 'w:ascii="' not in document.element.xml  # no run names another font
    normal = document.styles["Normal"]
    assert normal.font.size == Pt(14) and normal.paragraph_format.alignment == 3  # justified
    assert document.styles["Table Text"].font.size == Pt(12)
    assert {cell.paragraphs[0].style.name for row in document.tables[1].rows[1:] for cell in row.cells} == {
        "Table Text"
    }


def test_the_parts_and_the_sections_of_the_plan_in_order(shipped_2022: Made) -> None:
    document = shipped_2022.document
    assert headings(document, 1) == [
        "I. KẾT QUẢ THỰC HIỆN",
        "II. ĐÁNH GIÁ CHUNG",
        "III. NGUYÊN NHÂN",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
        "V. ĐỀ XUẤT, KIẾN NGHỊ",
    ]
    assert headings(document, 2)[:7] == [
        "1. Kết quả chung",
        "2. Nhiệm vụ trọng tâm (mục II)",
        "3. Nhiệm vụ của các tổ chức, cơ quan, đơn vị (mục III)",
        "4. Tổ chức thực hiện (mục IV)",
        "5. Việc quá hạn và tồn đọng theo đơn vị",
        "6. Gia hạn",
        "7. Sự kiện chưa xảy ra",
    ]
    owners = [h for h in headings(document, 3) if h.startswith("3.")]
    assert owners[0] == "3.1. Đảng đoàn Hội đồng nhân dân tỉnh (mục III.1)"
    assert owners[4] == "3.5. Ban Tổ chức Tỉnh ủy (mục III.5)" and len(owners) == 13
    refs = [h.split(". ", 1)[0] for h in headings(document, 4)]
    assert refs == [task["task"] for task in shipped_2022.data["tasks"]] and len(refs) == 83


def test_the_board_s_parts_are_marked_to_be_completed(shipped_2022: Made) -> None:
    document = shipped_2022.document
    marked = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "To Complete"]
    assert marked == [
        "[Cần bổ sung: ưu điểm]",
        "[Cần bổ sung: hạn chế, khuyết điểm]",
        "[Cần bổ sung: nguyên nhân của ưu điểm]",
        "[Cần bổ sung: nguyên nhân của hạn chế, khuyết điểm]",
        "[Cần bổ sung: phương hướng, nhiệm vụ thời gian tới]",
        "[Cần bổ sung: đề xuất, kiến nghị]",
    ]
    assert all(p.style.font.highlight_color is not None for p in document.paragraphs if p.style.name == "To Complete")


def test_the_end_lists_the_recipients_and_leaves_the_signature(shipped_2022: Made) -> None:
    left, right = shipped_2022.document.tables[-1].rows[0].cells
    assert [p.text for p in left.paragraphs] == [
        "Nơi nhận:",
        "- Ban Tổ chức Trung ương (để báo cáo),",
        "- Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy,",
        "- Lưu Văn phòng Tỉnh ủy.",
    ]
    assert left.paragraphs[0].runs[0].underline and left.paragraphs[1].runs[0].font.size == Pt(12)
    assert [p.text for p in right.paragraphs] == ["T/M BAN THƯỜNG VỤ", "[Cần bổ sung: chức vụ, họ tên người ký]"]


def test_a_plan_without_a_letterhead_leaves_its_parts_to_complete(cli: Cli, tracked: Path, tmp_path: Path) -> None:
    document = made(cli, tracked, tmp_path, "--year", "2022", "--as-of", "2023-01-10").document
    left, right = document.tables[0].rows[0].cells
    assert [p.text for p in left.paragraphs] == ["BAN CHẤP HÀNH ĐẢNG BỘ TỈNH", "*", "Số     -BC"]
    assert right.paragraphs[2].text == "[Cần bổ sung: địa danh], ngày      tháng      năm 2026"
    assert right.paragraphs[2].runs[0].font.highlight_color is not None
    end_left, end_right = document.tables[-1].rows[0].cells
    assert [p.text for p in end_left.paragraphs] == ["Nơi nhận:", "[Cần bổ sung: nơi nhận]"]
    assert [p.text for p in end_right.paragraphs] == ["[Cần bổ sung: chức vụ, họ tên người ký]"]
    # No section titles in the data: the parts by their numbers.
    assert headings(document, 2)[1:3] == ["2. Mục II", "3. Mục III"]
    assert headings(document, 3)[:2] == ["3.1. Mục III.1", "3.2. Mục III.2"]


# --- every number as the JSON has it -------------------------------------------------------------


def test_the_overall_figures_and_the_summary_are_the_json_s(province_2022: Made) -> None:
    document, data = province_2022.document, province_2022.data
    totals, reports = data["totals"], data["reports"]
    figures = dict(
        p.text[2:-1].split(": ", 1)
        for p in document.paragraphs
        if p.text.startswith("- ") and ": " in p.text and p.text.endswith(".")
    )
    reported = reports["done"] + reports["done_late"]
    assert figures["Tổng số lượt nhiệm vụ đến hạn trong kỳ"] == str(totals["total"])
    assert figures["Trong đó, báo cáo định kỳ (nhiệm vụ không có hạn riêng)"] == (
        f"{reports['total']} lượt, đã báo cáo {reported}, quá hạn {reports['overdue']}"
    )
    assert [figures[heading] for heading in HEADINGS] == [str(totals[key]) for key in COUNTS]
    assert figures["Tỷ lệ hoàn thành"] == percent(totals["completion_rate"])
    assert figures["Hoàn thành chưa có văn bản"] == str(data["without_evidence"])
    assert figures["Tồn đọng từ các kỳ trước"] == str(data["backlog"])
    assert totals["total"] > 1000 and data["backlog"] > 0  # the synthetic province has it all
    summary = rows(document.tables[1])
    assert summary[0] == ["STT", "Đơn vị", *HEADINGS, "Tỷ lệ hoàn thành"]
    expected = [
        [str(index), unit["name"], *(str(unit[key]) for key in COUNTS), percent(unit["completion_rate"])]
        for index, unit in enumerate(data["units"], start=1)
    ]
    total = ["", "Tổng cộng", *(str(totals[key]) for key in COUNTS), percent(totals["completion_rate"])]
    assert summary[1:] == [*expected, total]


def test_every_task_s_table_holds_every_unit_s_outcome_and_document(province_2022: Made) -> None:
    """Walked in reading order: after a task's heading, a line per period and its table, whose rows
    are the JSON's items of that task, in order, with the outcome, the day done and the document."""
    document, data = province_2022.document, province_2022.data
    found: dict[str, list[list[str]]] = {}
    lines: dict[str, list[str]] = {}
    task = None
    for block in blocks(document):
        if isinstance(block, Paragraph) and block.style is not None:
            if block.style.name == "Heading 4":
                task = block.text.split(". ", 1)[0]
                found[task], lines[task] = [], []
            elif block.style.name.startswith("Heading"):
                task = None
            elif task is not None and " lượt; " in block.text:
                lines[task].append(block.text)
        elif isinstance(block, Table) and task is not None:
            table = rows(block)
            assert table[0] == ["STT", "Đơn vị", "Kết quả", "Ngày hoàn thành", "Văn bản"]
            found[task] += [row[1:] for row in table[1:]]
    assert list(found) == [item["task"] for item in data["tasks"]]
    for item in data["tasks"]:
        expected = [
            [
                entry["unit_name"],
                WORDS[entry["status"]] + (f" ({entry['days_late']} ngày)" if entry["days_late"] else ""),
                "/".join(reversed(entry["done_on"].split("-"))) if entry["done_on"] else "",
                (entry["evidence"] or "chưa có văn bản") if entry["done_on"] else "",
            ]
            for entry in item["items"]
        ]
        assert found[item["task"]] == expected, item["task"]
        counted = sum(int(line.split(": ", 1)[1].split(" ", 1)[0]) for line in lines[item["task"]])
        assert counted == item["total"], item["task"]
    assert sum(len(task) for task in found.values()) == data["totals"]["total"]


def test_overdue_and_backlog_by_unit_are_the_json_s(province_2022: Made) -> None:
    document, data = province_2022.document, province_2022.data
    owing = [unit for unit in data["units"] if unit["overdue_items"] or unit["backlog_items"]]
    shown = [h for h in headings(document, 3) if ": quá hạn " in h]
    assert shown == [
        f"{unit['name']}: quá hạn {len(unit['overdue_items'])}, tồn đọng {len(unit['backlog_items'])}" for unit in owing
    ]
    tables = []
    heading = None
    for block in blocks(document):
        if isinstance(block, Paragraph) and block.style is not None and block.style.name.startswith("Heading"):
            heading = block.text if block.text in shown else None
        elif isinstance(block, Table) and heading is not None:
            tables.append(rows(block))
    listed = [row[1:] for table in tables for row in table[1:]]
    expected = [
        [
            entry["task"],
            entry["title"],
            period_shown(entry),
            "/".join(reversed(entry["due"].split("-"))),
            str(entry["days_late"]),
        ]
        for unit in owing
        for entry in [*unit["overdue_items"], *unit["backlog_items"]]
    ]
    assert listed == expected
    assert len(listed) == sum(len(u["overdue_items"]) + len(u["backlog_items"]) for u in data["units"]) > 0


def test_extensions_granted_are_listed(cli: Cli, tracked: Path, tmp_path: Path) -> None:
    with (tracked / "plan.yaml").open("a", encoding="utf-8") as plan:
        plan.write(
            'extensions:\n  - task: II.2\n    unit: ban-a\n    period: "2022"\n    to: 2023-03-31\n'
            "    by: Công văn số 12-CV/TU\n"
        )
    document = made(cli, tracked, tmp_path, "--year", "2022", "--as-of", "2023-01-10").document
    texts = [p.text for p in document.paragraphs]
    listed = texts[texts.index("6. Gia hạn") + 1]
    assert listed == "- II.2 kỳ Năm 2022 (ban-a): hạn 31/12/2022 → 31/03/2023, theo Công văn số 12-CV/TU"


def test_in_english(tracked: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.docx"
    environment = {**os.environ, "KEHOACH_LANG": "en", "KEHOACH_CACHE": "off", "KEHOACH_TODAY": "2026-12-01"}
    command = [str(REPO / "cli.py"), "report", "--year", "2022", "--as-of", "2023-01-10", "--format", "docx"]
    result = subprocess.run(
        [sys.executable, *command, "-o", str(target), "--data", str(tracked)],
        capture_output=True, text=True, env=environment, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    document = Document(str(target))
    assert document.tables[0].rows[0].cells[1].paragraphs[0].text == "COMMUNIST PARTY OF VIETNAM"
    assert document.paragraphs[0].text == "REPORT"
    assert headings(document, 1)[:2] == ["I. RESULTS", "II. OVERALL ASSESSMENT"]
    assert "[To be completed: strengths]" in [p.text for p in document.paragraphs]
    # Every word of the document is English but what the data says (names, titles, documents).
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    leaked = [(text, words) for text in texts if (words := vietnamese_words(text, data_texts(tracked)))]
    assert leaked == []


def data_texts(data: Path) -> tuple[str, ...]:
    """Every text of the data's files, and in capitals (the docx writes the issuing body so),
    longest first (a name is removed before a part of it)."""
    names = data_names(data)
    return tuple(sorted({*names, *(name.upper() for name in names)}, key=len, reverse=True))


# --- printed -------------------------------------------------------------------------------------


def printed(docx: Path, tmp_path: Path) -> list[str]:
    """The text of each page of the PDF LibreOffice prints the document to (poppler's pdftotext)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftotext = shutil.which("pdftotext")
    if soffice is None or pdftotext is None:
        if os.environ.get("KEHOACH_LIBREOFFICE_TESTS") == "required":
            pytest.fail("LibreOffice and pdftotext are required (KEHOACH_LIBREOFFICE_TESTS=required)")
        pytest.skip("LibreOffice (soffice) or poppler's pdftotext is not installed")
    converted = subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(docx)],
        capture_output=True, check=False, timeout=300,
    )  # fmt: skip
    pdf = tmp_path / (docx.stem + ".pdf")
    assert converted.returncode == 0 and pdf.exists(), converted.stderr
    sizes = {
        tuple(round(float(v)) for v in box.split())
        for box in re.findall(rb"/MediaBox\s*\[([^\]]*)\]", pdf.read_bytes())
    }
    assert sizes == {(0, 0, 595, 842)}  # A4 portrait, in points
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def test_libreoffice_prints_it_on_numbered_a4_pages(province_2022: Made, tmp_path: Path) -> None:
    pages = printed(province_2022.path, tmp_path)
    assert len(pages) > 20  # a province's year: every unit's outcome of every task
    first = pages[0]
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in first and "BÁO CÁO" in first and re.search(r"Số\s+-BC/TU", first)
    # From the second page on, the page's number stands alone on its first line.
    assert [page.strip().split("\n", 1)[0].strip() for page in pages[1:]] == [str(n) for n in range(2, len(pages) + 1)]
    assert "Nơi nhận:" in pages[-1] and "T/M BAN THƯỜNG VỤ" in pages[-1]
    assert "V. ĐỀ XUẤT, KIẾN NGHỊ" in pages[-1]


def test_a_part_s_tasks_keep_the_plan_s_order_around_a_heading(cli: Cli, minimal: Path, tmp_path: Path) -> None:
    """II.1, then II.5.1 under its heading II.5, then II.6: the document's order, not grouped apart."""
    plan = minimal / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    task = (
        "  - ref: {ref}\n    title: Việc {ref}\n    text: Làm {ref}.\n    owners: [ban-a]\n"
        "    schedule: {{kind: deadline, by: '2022'}}\n"
    )
    text = text.replace("  - ref: II.2\n", task.format(ref="II.5.1") + task.format(ref="II.6") + "  - ref: II.2\n", 1)
    plan.write_text(text + "sections:\n  - {ref: II.5, title: Nhóm năm}\n", encoding="utf-8")
    document = made(cli, minimal, tmp_path, "--year", "2022", "--as-of", "2023-01-10").document
    order = [
        p.text.split(". ", 1)[0] if p.style.name == "Heading 4" else p.text
        for p in document.paragraphs
        if p.style is not None and p.style.name in ("Heading 3", "Heading 4") and not p.text.startswith("3.")
    ]
    assert order[:5] == ["II.1", "2.1. Nhóm năm (mục II.5)", "II.5.1", "II.6", "II.2"]
