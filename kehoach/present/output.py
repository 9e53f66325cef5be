"""Listings as tables (rich), JSON or CSV. Every table has a machine-readable twin.

A listing is a list of rows (plain dicts, JSON-ready) plus the columns a table shows. Tables are
laid out by :mod:`kehoach.present.tables`; rich only tells the terminal's width and colours the status.
How a column gives way on a narrow screen is its role (:class:`~kehoach.present.tables.Role`):
``Column(..., no_wrap=True)`` is a narrow column, ``fit=True`` an id, ``role=`` says it outright.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TextIO, assert_never

from kehoach.present.tables import Cell, Role, render, wrap


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class ProblemFormat(StrEnum):
    """How ``validate`` reports problems: to people, to GitHub Actions, to other tools."""

    text = "text"
    github = "github"
    json = "json"


class ReportFormat(StrEnum):
    """The formats of ``kehoach report``: to paste, to open in a browser, to open in a spreadsheet, for tools."""

    md = "md"
    html = "html"
    xlsx = "xlsx"
    json = "json"


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    no_wrap: bool = False
    """Never wrap the cells (dates, refs, counts, statuses): :attr:`Role.narrow`."""
    fit: bool = False
    """Size the column to its content while there is room, give way first when there is not (ids):
    :attr:`Role.id`."""
    role: Role | None = None
    """How the column gives way on a narrow screen, when the flags above do not say it."""

    @property
    def giving_way(self) -> Role:
        if self.role is not None:
            return self.role
        return Role.narrow if self.no_wrap else Role.id if self.fit else Role.text


def emit(
    rows: Sequence[dict[str, Any]], columns: Sequence[Column], fmt: Format, out: TextIO, *, title: str = ""
) -> None:
    match fmt:
        case Format.json:
            out.write(json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n")
        case Format.csv:
            write_csv(rows, out)
        case Format.table:
            write_table(rows, columns, out, title=title)
        case _:
            assert_never(fmt)


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
    screen = Screen(out)
    if title:
        screen.line(title)
    screen.table(columns, rows)


def table_cell(value: Any) -> Cell:
    if isinstance(value, Cell):
        return value
    if value is None:
        return Cell("")
    if isinstance(value, list):
        return Cell("\n".join(str(item) for item in value))
    return Cell(str(value))


def write_line(out: TextIO, text: str) -> None:
    out.write(text + "\n")


class Screen:
    """Where tables go: the terminal's width and colour when ``out`` is one, else 80 plain columns."""

    def __init__(self, out: TextIO) -> None:
        from rich.console import Console

        console = Console(file=out, highlight=False, soft_wrap=False)
        self.out = out
        self.width = console.width
        self.colour = console.is_terminal and console.color_system is not None

    def style(self, text: str, style: str) -> str:
        if not (self.colour and style and text):
            return text
        from rich.color import ColorSystem
        from rich.style import Style

        return Style.parse(style).render(text, color_system=ColorSystem.STANDARD)

    def line(self, text: str = "", style: str = "") -> None:
        """A line of prose, wrapped between words to the screen's width (in cells, as tables are)."""
        for part in wrap(text, self.width):
            self.out.write(self.style(part, style) + "\n")

    def table(self, columns: Sequence[Column], rows: Sequence[dict[str, Any]]) -> None:
        cells = [[table_cell(row.get(column.key)) for column in columns] for row in rows]
        roles = [column.giving_way for column in columns]
        headers = [column.header for column in columns]
        self.out.writelines(line + "\n" for line in render(headers, cells, roles, self.width, self.style))
