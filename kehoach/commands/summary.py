"""``kehoach summary``: every unit's standing in the week, month, quarter or year around a day."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import TextIO, assert_never

from kehoach.domain import periods, summary
from kehoach.domain.dataset import Dataset
from kehoach.domain.selection import resolve_units
from kehoach.present import overview
from kehoach.present.lineage import write_ended
from kehoach.present.output import Format, Screen, write_csv


def run(dataset: Dataset, out: TextIO, *, units: Sequence[str], as_of: date, span: periods.Span, fmt: Format) -> int:
    window = periods.containing(as_of, span)
    if fmt is Format.table and units:  # an ended unit says so, as in due
        write_ended(out, dataset, resolve_units(dataset, units), as_of)
    write(out, window=window, found=standing(dataset, units, window, as_of), fmt=fmt)
    return 0


def standing(dataset: Dataset, units: Sequence[str], window: periods.Period, as_of: date) -> summary.Summary:
    """The overview of the units named (every unit when none is), as ``summary`` and ``due`` show it."""
    selected = resolve_units(dataset, units) if units else set(dataset.units)
    return summary.build(dataset, window.start, window.end, as_of, selected)


def write(out: TextIO, *, window: periods.Period, found: summary.Summary, fmt: Format) -> None:
    match fmt:
        case Format.table:
            overview.write(Screen(out), window, found)
        case Format.json:
            out.write(json.dumps(overview.summary_object(window, found), ensure_ascii=False, indent=2) + "\n")
        case Format.csv:
            write_csv(overview.csv_rows(window, found), out)
        case _:
            assert_never(fmt)
