"""The report as an xlsx workbook (openpyxl): one sheet per view, frozen headings, real date cells.

Offices work in spreadsheets: dates are date cells (shown dd/mm/yyyy, sortable), counts are
numbers, the completion rate is a percentage cell, and every sheet can be filtered.

And they print them. Every sheet:

* says what it covers in its first row: the plan, the range and the as-of day;
* prints on A4 landscape, fit to one page wide (as many pages down as it takes), its heading row
  repeated on every page;
* filters its headings and rows only: the summary's total rows come after the filter's range, so
  sorting never moves them in among the units;
* names its font (Times New Roman, as the Party's documents use; a spreadsheet's default font
  is another on every machine) and wraps long text in its column rather than widening it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from kehoach.domain.dataset import Dataset
from kehoach.domain.labels import period_of
from kehoach.domain.model import describe_schedule
from kehoach.domain.occurrences import Entry
from kehoach.domain.periods import period_label
from kehoach.domain.report import Report, Tally, UnitReport
from kehoach.i18n import _
from kehoach.present.inert import bounded, visible
from kehoach.present.render import words
from kehoach.present.statuses import look, report_columns
from kehoach.present.views import evidence_text

DATE_FORMAT = "DD/MM/YYYY"
HEADING_FILL = PatternFill("solid", fgColor="EEF2F4")
FONT_NAME = "Times New Roman"
TEXT_FONT = Font(name=FONT_NAME, size=11)
BOLD_FONT = Font(name=FONT_NAME, size=11, bold=True)
TITLE_FONT = Font(name=FONT_NAME, size=13, bold=True)
WRAPPED = Alignment(wrap_text=True, vertical="top")
WIDEST = 60
"""Characters a column is widened to at most; longer text wraps."""
TITLE_ROW, HEADING_ROW = 1, 2


def workbook_bytes(report: Report, dataset: Dataset) -> bytes:
    book = Workbook()
    summary = book.active
    assert summary is not None
    covers = covered(report)
    _summary(summary, report, covers)
    _sheet(book.create_sheet(), words.OVERDUE, covers, *_overdue(report, dataset))
    _sheet(book.create_sheet(), words.BACKLOG, covers, *_overdue(report, dataset, backlog=True))
    _sheet(book.create_sheet(), words.COMPLETED, covers, *_completed(report, dataset))
    _sheet(book.create_sheet(), words.ONGOING, covers, *_ongoing(report, dataset))
    _sheet(book.create_sheet(), words.TIMELINE, covers, *_timeline(report))
    _sheet(book.create_sheet(), words.EXTENSIONS, covers, *_extensions(report, dataset))
    _sheet(
        book.create_sheet(),
        words.WAITING,
        covers,
        [words.WAITING, words.TASKS],
        [[e.name, ", ".join(r)] for e, r in report.waiting],
    )
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def covered(report: Report) -> str:
    """What a sheet covers, in its first row: the plan (its title cut to a line), the range and
    as-of day, and the day it was made."""
    return f"{bounded(report.title, 150)} — {words.subtitle(report)}. {words.made_on(report)}"


def _summary(sheet: Worksheet, report: Report, covers: str) -> None:
    headings = [_("Mã đơn vị"), words.UNIT, *(look(s).heading for s in report_columns()), words.RATE]
    rows = [[unit.unit, unit.name, *_counts(unit.tally)] for unit in report.units]
    totals = [
        ["", words.TOTAL, *_counts(report.total)],
        ["", words.OF_WHICH_REPORTS, *_counts(report.reports)],  # counted apart from the deadlines
    ]
    _sheet(sheet, words.SUMMARY, covers, headings, rows, totals)
    for row in sheet.iter_rows(min_row=HEADING_ROW + 1, min_col=len(headings), max_col=len(headings)):
        row[0].number_format = "0%"
    for cell in sheet[sheet.max_row - 1]:  # the total
        cell.font = BOLD_FONT


def _counts(tally: Tally) -> list[Any]:
    return [tally[status] for status in report_columns()] + [tally.completion_rate]


ITEM_HEADINGS = (_("Mã đơn vị"), words.UNIT, words.REF, words.TITLE, words.PERIOD, words.DUE)


def _item(unit: UnitReport, entry: Entry, dataset: Dataset) -> list[Any]:
    """The cells an overdue and a completed item share: whose, what, which period, due when."""
    occurrence = entry.occurrence
    title = dataset.tasks[occurrence.task].title
    return [unit.unit, unit.name, occurrence.task, title, period_of(dataset, occurrence), occurrence.due]


def _overdue(report: Report, dataset: Dataset, backlog: bool = False) -> tuple[list[str], list[list[Any]]]:
    """What is overdue of the range, or with ``backlog`` from before it."""
    headings = [*ITEM_HEADINGS, words.DAYS_LATE]
    rows = [
        [*_item(unit, entry, dataset), entry.days_late or 0]
        for unit in report.units
        for entry in (unit.backlog if backlog else unit.overdue)
    ]
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


def _sheet(
    sheet: Worksheet,
    title: str,
    covers: str,
    headings: Sequence[str],
    rows: Sequence[Sequence[Any]],
    totals: Sequence[Sequence[Any]] = (),
) -> None:
    """Fill a sheet (see the module's docstring): what it covers, then bold frozen headings over
    filtered rows, ``totals`` after the filter's range; dates as date cells; columns wide enough
    to read, long text wrapped. Texts are string cells, never formulas, their control characters
    shown (openpyxl refuses most)."""
    sheet.title = _sheet_title(title)
    sheet.append([covers])
    sheet.append(list(headings))
    for row in [*rows, *totals]:
        sheet.append([visible(value) if isinstance(value, str) else value for value in row])
    for cells in sheet.iter_rows(min_row=HEADING_ROW + 1):
        for cell in cells:
            if cell.data_type == "f":  # a text that starts with "=": text, never a formula
                cell.data_type = "s"
            cell.font = TEXT_FONT
    sheet.cell(TITLE_ROW, 1).font = TITLE_FONT
    for cell in sheet[HEADING_ROW]:
        cell.font, cell.fill, cell.alignment = BOLD_FONT, HEADING_FILL, WRAPPED
    sheet.freeze_panes = sheet.cell(HEADING_ROW + 1, 1).coordinate
    last = get_column_letter(len(headings))
    sheet.auto_filter.ref = f"A{HEADING_ROW}:{last}{HEADING_ROW + len(rows)}"
    sheet.print_title_rows = f"{HEADING_ROW}:{HEADING_ROW}"
    _printed_on_a4(sheet)
    for index, column in enumerate(sheet.iter_cols(min_row=HEADING_ROW), start=1):
        width = max(len(str(cell.value or "")) for cell in column)
        for cell in column:
            if isinstance(cell.value, date):
                cell.number_format = DATE_FORMAT
        if width > WIDEST:  # long text wraps in its column, row by row
            for cell in column[1:]:
                cell.alignment = WRAPPED
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 10), WIDEST)


def _printed_on_a4(sheet: Worksheet) -> None:
    """A4 landscape, one page wide, as many pages down as the rows take."""
    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.orientation = sheet.ORIENTATION_LANDSCAPE
    setup.fitToWidth, setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6


def _sheet_title(title: str) -> str:
    """Excel allows 31 characters and none of []:*?/\\ in a sheet's name."""
    cleaned = "".join(" " if char in "[]:*?/\\" else char for char in title)
    return cleaned[:31]
