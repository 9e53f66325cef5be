"""``kehoach summary``: every unit's standing in the week, month, quarter or year around a day."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TextIO, assert_never

from kehoach.domain import periods, summary
from kehoach.domain.dataset import Dataset
from kehoach.domain.selection import resolve_units
from kehoach.present import overview
from kehoach.present.inert import json_text
from kehoach.present.lineage import write_ended
from kehoach.present.output import Format, Screen, write_csv


def run(dataset: Dataset, out: TextIO, *, units: Sequence[str], as_of: date, span: periods.Span, fmt: Format) -> int:
    window = periods.containing(as_of, span)
    selected = resolve_units(dataset, units) if units else None
    if fmt is Format.table:
        write_ended(out, dataset, selected, as_of)  # an ended unit says so, as in due
    write(out, window=window, found=summary.build(dataset, window.start, window.end, as_of, selected), fmt=fmt)
    return 0


def write(out: TextIO, *, window: periods.Period, found: summary.Summary, fmt: Format) -> None:
    match fmt:
        case Format.table:
            overview.write(Screen(out), window, found)
        case Format.json:
            out.write(json_text(overview.summary_object(window, found)) + "\n")
        case Format.csv:
            write_csv(overview.csv_rows(window, found), out)
        case _:
            assert_never(fmt)
