"""Wording the report formats share: headings, outcome names, dates, rates."""

from __future__ import annotations

from datetime import date

from kehoach.domain.dataset import Dataset
from kehoach.domain.labels import period_of
from kehoach.domain.model import Extension
from kehoach.domain.report import Report, Tally
from kehoach.i18n import _, day_text
from kehoach.present.statuses import report_columns

UNIT = _("Đơn vị")
RATE = _("Tỷ lệ hoàn thành")
TOTAL = _("Tổng cộng")
OF_WHICH_REPORTS = _("trong đó: báo cáo định kỳ (nhiệm vụ không có hạn riêng)")
SUMMARY = _("Tổng hợp theo đơn vị")
CHART = _("Kết quả theo đơn vị")
AS_OF = _("Tính đến {day}")
"""The timeline's mark: the as-of day the statuses are counted on (not always the day it is made)."""
MADE_ON = _("Lập bằng kehoach ngày {day}.")
OVERDUE = _("Việc quá hạn")
WITHOUT_EVIDENCE = _("Hoàn thành chưa có văn bản")
COMPLETED = _("Việc đã hoàn thành")
BACKLOG = _("Tồn đọng từ các kỳ trước")
"""Occurrences due before the report's range, still open on its as-of day."""
ONGOING = _("Nhiệm vụ thường xuyên")
WAITING = _("Sự kiện chưa xảy ra")
TIMELINE = _("Nhiệm vụ có hạn theo quý")
REF, TITLE, PERIOD, DUE = _("Số hiệu"), _("Nhiệm vụ"), _("Kỳ"), _("Hạn")
DAYS_LATE, DONE_ON, EVIDENCE, WHEN, TASKS = (
    _("Trễ (ngày)"),
    _("Ngày hoàn thành"),
    _("Văn bản"),
    _("Thời hạn"),
    _("Nhiệm vụ chờ"),
)
NONE = _("Không có.")
EXTENSIONS = _("Gia hạn")
EVERY_UNIT = _("mọi đơn vị")


def extension_line(extension: Extension, original: date, dataset: Dataset) -> str:
    return _("{ref} kỳ {period} ({unit}): hạn {due} → {to}, theo {by}").format(
        ref=extension.task,
        period=period_of(dataset, extension),
        unit=extension.unit or EVERY_UNIT,
        due=day_text(original),
        to=day_text(extension.to),
        by=extension.by,
    )


def subtitle(report: Report) -> str:
    return _("Kết quả thực hiện từ {first} đến {last}, tính đến ngày {today}").format(
        first=day_text(report.first), last=day_text(report.last), today=day_text(report.as_of)
    )


def made_on(report: Report) -> str:
    """The day the report was made, as its footer says it."""
    return MADE_ON.format(day=day_text(report.made_on))


def percent(rate: float | None) -> str:
    """A completion rate as people write it; with nothing due yet, a dash, not 100 %."""
    return "—" if rate is None else f"{rate:.0%}"


def counts(tally: Tally) -> list[str]:
    """A tally as a table's cells: a count per report column, then the completion rate."""
    return [str(tally[status]) for status in report_columns()] + [percent(tally.completion_rate)]
