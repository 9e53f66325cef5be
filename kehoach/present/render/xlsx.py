"""The report as an xlsx workbook (openpyxl): one sheet per view, frozen headings, real date cells.

Offices work in spreadsheets: dates are date cells (shown dd/mm/yyyy, sortable), counts are
numbers, the completion rate is a percentage cell, and every sheet can be filtered.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kehoach.domain.dataset import Dataset
from kehoach.domain.labels import period_of
from kehoach.domain.model import describe_schedule
from kehoach.domain.occurrences import Entry
from kehoach.domain.periods import period_label
from kehoach.domain.report import Report, Tally, UnitReport
from kehoach.i18n import _
from kehoach.present.inert import visible
from kehoach.present.render import words
from kehoach.present.statuses import look, report_columns
from kehoach.present.views import evidence_text

DATE_FORMAT = "DD/MM/YYYY"
HEADING_FILL = PatternFill("solid", fgColor="EEF2F4")


def workbook_bytes(report: Report, dataset: Dataset) -> bytes:
    book = Workbook()
    summary = book.active
    assert summary is not None
    _summary(summary, report)
    _sheet(book.create_sheet(), words.OVERDUE, *_overdue(report, dataset))
    _sheet(book.create_sheet(), words.COMPLETED, *_completed(report, dataset))
    _sheet(book.create_sheet(), words.ONGOING, *_ongoing(report, dataset))
    _sheet(book.create_sheet(), words.TIMELINE, *_timeline(report))
    _sheet(book.create_sheet(), words.EXTENSIONS, *_extensions(report, dataset))
    _sheet(
        book.create_sheet(),
        words.WAITING,
        [words.WAITING, words.TASKS],
        [[e.name, ", ".join(r)] for e, r in report.waiting],
    )
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def _summary(sheet: Worksheet, report: Report) -> None:
    headings = [_("Mã đơn vị"), words.UNIT, *(look(s).heading for s in report_columns()), words.RATE]
    rows = [[unit.unit, unit.name, *_counts(unit.tally)] for unit in report.units]
    rows.append(["", words.TOTAL, *_counts(report.total)])
    rows.append(["", words.OF_WHICH_REPORTS, *_counts(report.reports)])  # counted apart from the deadlines
    _sheet(sheet, words.SUMMARY, headings, rows)
    for row in sheet.iter_rows(min_row=2, min_col=len(headings), max_col=len(headings)):
        row[0].number_format = "0%"
    for cell in sheet[sheet.max_row - 1]:  # the total
        cell.font = Font(bold=True)


def _counts(tally: Tally) -> list[Any]:
    return [tally[status] for status in report_columns()] + [tally.completion_rate]


ITEM_HEADINGS = (_("Mã đơn vị"), words.UNIT, words.REF, words.TITLE, words.PERIOD, words.DUE)


def _item(unit: UnitReport, entry: Entry, dataset: Dataset) -> list[Any]:
    """The cells an overdue and a completed item share: whose, what, which period, due when."""
    occurrence = entry.occurrence
    title = dataset.tasks[occurrence.task].title
    return [unit.unit, unit.name, occurrence.task, title, period_of(dataset, occurrence), occurrence.due]


def _overdue(report: Report, dataset: Dataset) -> tuple[list[str], list[list[Any]]]:
    headings = [*ITEM_HEADINGS, words.DAYS_LATE]
    rows = [[*_item(unit, entry, dataset), entry.days_late or 0] for unit in report.units for entry in unit.overdue]
    return headings, rows


def _completed(report: Report, dataset: Dataset) -> tuple[list[str], list[list[Any]]]:
    headings = [*ITEM_HEADINGS, words.DONE_ON, words.DAYS_LATE, words.EVIDENCE, _("Ghi chú")]
    rows = []
    for unit in report.units:
        for entry in unit.completed:
            record = entry.record
            assert record is not None
            rows.append(
                [
                    *_item(unit, entry, dataset),
                    record.done_on,
                    entry.days_late or 0,
                    evidence_text(record),
                    record.note or "",
                ]
            )
    return headings, rows


def _ongoing(report: Report, dataset: Dataset) -> tuple[list[str], list[list[Any]]]:
    headings = [_("Mã đơn vị"), words.UNIT, words.REF, words.TITLE, words.WHEN]
    rows = [
        [unit.unit, unit.name, ref, dataset.tasks[ref].title, describe_schedule(dataset.tasks[ref].schedule, dataset)]
        for unit in report.units
        for ref in unit.ongoing
    ]
    return headings, rows


def _timeline(report: Report) -> tuple[list[str], list[list[Any]]]:
    headings = [_("Quý"), _("Từ ngày"), _("Đến ngày"), *(look(s).heading for s in report_columns())]
    rows = [[period_label(q.key), q.start, q.end, *(q.tally[s] for s in report_columns())] for q in report.timeline]
    return headings, rows


def _extensions(report: Report, dataset: Dataset) -> tuple[list[str], list[list[Any]]]:
    headings = [words.REF, _("Mã đơn vị"), words.PERIOD, _("Hạn cũ"), _("Hạn mới"), words.EVIDENCE, _("Ngày văn bản")]
    rows = [
        [e.task, e.unit or words.EVERY_UNIT, period_of(dataset, e), original, e.to, e.by, e.on]
        for e, original in report.extensions
    ]
    return headings, rows


def _sheet(sheet: Worksheet, title: str, headings: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Fill a sheet: bold frozen headings, filters, dates as date cells, columns wide enough to read.
    Texts are string cells, never formulas, their control characters shown (openpyxl refuses most)."""
    sheet.title = _sheet_title(title)
    sheet.append(list(headings))
    for row in rows:
        sheet.append([visible(value) if isinstance(value, str) else value for value in row])
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if cell.data_type == "f":  # a text that starts with "=": text, never a formula
                cell.data_type = "s"
    for cell in sheet[1]:
        cell.font, cell.fill = Font(bold=True), HEADING_FILL
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for index, column in enumerate(sheet.iter_cols(min_row=1), start=1):
        width = max(len(str(cell.value or "")) for cell in column)
        for cell in column:
            if isinstance(cell.value, date):
                cell.number_format = DATE_FORMAT
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 10), 60)


def _sheet_title(title: str) -> str:
    """Excel allows 31 characters and none of []:*?/\\ in a sheet's name."""
    cleaned = "".join(" " if char in "[]:*?/\\" else char for char in title)
    return cleaned[:31]
