"""``kehoach report``: the yearly report for the Standing Committee, as Markdown, HTML, xlsx or JSON."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import BinaryIO

from kehoach.domain.dataset import Dataset
from kehoach.domain.report import build, year_range
from kehoach.domain.selection import resolve_units
from kehoach.errors import UsageError
from kehoach.i18n import _, day_text
from kehoach.present.output import ReportFormat
from kehoach.present.render import render


def run(
    dataset: Dataset,
    out: BinaryIO,
    *,
    units: Sequence[str],
    year: int | None,
    first: date | None,
    last: date | None,
    as_of: date,
    fmt: ReportFormat,
    made: date | None = None,
) -> int:
    """Write the report's bytes in the chosen format (UTF-8 for the text formats); ``made``: the
    day it is made, which every format says beside the as-of day (by default, that day)."""
    start, end = report_range(dataset, year, first, last, as_of)
    selected = resolve_units(dataset, units) if units else None
    out.write(render(build(dataset, start, end, as_of, selected, made), dataset, fmt))
    return 0


def report_range(
    dataset: Dataset, year: int | None, first: date | None, last: date | None, as_of: date
) -> tuple[date, date]:
    """``--year``, else ``--from``/``--to`` (each defaulting to the plan's start and the as-of year's
    end), else the as-of day's year."""
    if year is not None and (first or last):
        raise UsageError(_("chọn --year hoặc --from/--to, không cả hai"))
    if year is not None:
        return year_range(year)
    if first is None and last is None:
        return year_range(as_of.year)
    start, end = first or dataset.plan.plan.starts, last or date(as_of.year, 12, 31)
    if end < start:
        raise UsageError(_("--to ({end}) trước --from ({start})").format(end=day_text(end), start=day_text(start)))
    return start, end
