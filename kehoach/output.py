"""Listings as tables (rich), JSON or CSV. Every table has a machine-readable twin.

A listing is a list of rows (plain dicts, JSON-ready) plus the columns a table shows; the
table is built only when asked for, so JSON and CSV never pay for importing rich.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TextIO


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    no_wrap: bool = False
    fit: bool = False
    """Size the column to its content and never break it (ids, short labels)."""


def emit(
    rows: Sequence[dict[str, Any]], columns: Sequence[Column], fmt: Format, out: TextIO, *, title: str = ""
) -> None:
    if fmt is Format.json:
        out.write(json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n")
    elif fmt is Format.csv:
        write_csv(rows, out)
    else:
        write_table(rows, columns, out, title=title)


def write_csv(rows: Sequence[dict[str, Any]], out: TextIO) -> None:
    """CSV with the JSON rows' keys (all of them, in order) as header; lists joined by ';', objects as compact JSON."""
    if not rows:
        return
    fieldnames = list(dict.fromkeys(key for row in rows for key in row))  # units and groups differ
    writer = csv.DictWriter(out, fieldnames=fieldnames, lineterminator="\n")
    writer.writeheader()
    writer.writerows({key: csv_cell(value) for key, value in row.items()} for row in rows)


def csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(str(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def write_table(rows: Sequence[dict[str, Any]], columns: Sequence[Column], out: TextIO, *, title: str = "") -> None:
    from rich import box
    from rich.table import Table

    table = Table(title=title or None, box=box.SIMPLE_HEAD, title_justify="left", show_edge=False, pad_edge=False)
    for column in columns:
        table.add_column(column.header, no_wrap=column.no_wrap or column.fit, overflow="fold")
    for row in rows:
        table.add_row(*(table_cell(row.get(column.key)) for column in columns))
    console(out).print(table)


def table_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(str(item) for item in value)
    return str(value)


def write_line(out: TextIO, text: str) -> None:
    out.write(text + "\n")


def console(out: TextIO) -> Any:
    """A rich console on ``out``: colour only on a terminal, 80 columns when not one."""
    from rich.console import Console

    return Console(file=out, highlight=False, soft_wrap=False)
