"""The overview (:mod:`kehoach.domain.summary`) as a table, JSON and CSV rows.

``kehoach summary`` prints it alone; ``kehoach due`` prints it above the per-unit detail. The unit
is named by its name: its id is in the machine-readable twin and in the detail's headings.
"""

from __future__ import annotations

from typing import Any

from kehoach.domain import periods
from kehoach.domain.occurrences import Status
from kehoach.domain.periods import period_label
from kehoach.domain.summary import Standing, Summary
from kehoach.i18n import _, day_text, days_text, ngettext
from kehoach.present.output import Column, Screen
from kehoach.present.render.words import percent
from kehoach.present.statuses import look
from kehoach.present.tables import Cell

COLUMNS = (
    Column("unit_name", _("Đơn vị")),
    Column("due", _("Đến hạn"), no_wrap=True),
    Column("done", _("Đúng hạn"), no_wrap=True),
    Column("done_late", _("Muộn"), no_wrap=True),
    Column("overdue", _("Tổng quá hạn"), no_wrap=True),
    Column("reports_unsent", _("Chưa báo cáo"), no_wrap=True),
    Column("rate", _("Tỷ lệ"), no_wrap=True),
)


def title(window: periods.Period, summary: Summary) -> str:
    return _("Tổng quan {period} ({days}), tính đến ngày {today}").format(
        period=period_label(window.key), days=days_text(window.start, window.end), today=day_text(summary.as_of)
    )


def standing_object(standing: Standing) -> dict[str, Any]:
    """The counts as JSON: the period's occurrences by status (``overdue`` among them: those due in
    the period), then what the overview adds: overdue from earlier periods, and the two together
    (the table's overdue column)."""
    return {
        "due": standing.due,
        **{status.value: standing.period[status] for status in Status},
        "overdue_earlier": standing.earlier_overdue,
        "overdue_total": standing.overdue,
        "reports_unsent": standing.reports_unsent,
        "completion_rate": standing.completion_rate,
    }


def summary_object(window: periods.Period, summary: Summary) -> dict[str, Any]:
    return {
        "period": {"key": window.key, "start": window.start.isoformat(), "end": window.end.isoformat()},
        "as_of": summary.as_of.isoformat(),
        "units": [{"unit": row.unit, "unit_name": row.name, **standing_object(row.standing)} for row in summary.units],
        "total": standing_object(summary.total),
    }


def csv_rows(window: periods.Period, summary: Summary) -> list[dict[str, Any]]:
    """A row per unit, then the total (its ``unit`` empty), each naming the period."""
    data = summary_object(window, summary)
    total = {"unit": "", "unit_name": _("Tổng cộng"), **data["total"]}
    return [{"period": window.key, **row} for row in [*data["units"], total]]


def write(screen: Screen, window: periods.Period, summary: Summary) -> None:
    """The title, a row per unit (most behind first), the total, and what the columns count."""
    screen.line(title(window, summary), "bold")
    if not summary.units:
        screen.line(_("Không có đơn vị nào trong kỳ này."))
        return
    rows = [_cells(row.name, row.standing) for row in summary.units]
    total = ngettext("Tổng cộng ({count} đơn vị)", "Tổng cộng ({count} đơn vị)", len(summary.units))
    rows.append(_cells(total.format(count=len(summary.units)), summary.total))
    screen.table(COLUMNS, rows)
    screen.line(
        _(
            "Tổng quá hạn: kể cả từ các kỳ trước. Chưa báo cáo: báo cáo định kỳ đến hạn trong kỳ chưa ghi nhận. "
            "Tỷ lệ: số đã hoàn thành trên số đã đến hạn trong kỳ, trừ việc được miễn."
        ),
        "dim",
    )


def _cells(name: str, standing: Standing) -> dict[str, Any]:
    return {
        "unit_name": name,
        "due": standing.due,
        "done": standing.period[Status.done],
        "done_late": standing.period[Status.done_late],
        "overdue": Cell(str(standing.overdue), look(Status.overdue).style if standing.overdue else ""),
        "reports_unsent": standing.reports_unsent,
        "rate": percent(standing.completion_rate),
    }
