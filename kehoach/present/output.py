"""Listings as tables (rich), JSON or CSV. Every table has a machine-readable twin.

A listing is a list of rows (plain dicts, JSON-ready) plus the columns a table shows. Tables are
laid out by :mod:`kehoach.present.tables`; rich only tells the terminal's width and colours the status.
How a column gives way on a narrow screen is its role (:class:`~kehoach.present.tables.Role`):
``Column(..., no_wrap=True)`` is a narrow column, ``fit=True`` an id, ``role=`` says it outright.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any, TextIO, assert_never

from kehoach.present.inert import bounded, json_text, spreadsheet_text, visible
from kehoach.present.tables import Cell, Layout, Role, layout, render, wrap


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class ProblemFormat(StrEnum):
    """How ``validate`` reports problems: to people, to GitHub Actions, to GitLab (a Code Quality
    report), to other tools."""

    text = "text"
    github = "github"
    gitlab = "gitlab"
    json = "json"


class ReportFormat(StrEnum):
    """The formats of ``kehoach report``: to paste, to open in a browser, to open in a spreadsheet,
    to finish and sign in a word processor, for tools."""

    md = "md"
    html = "html"
    xlsx = "xlsx"
    docx = "docx"
    json = "json"

    @property
    def binary(self) -> bool:
        """Written as bytes, never to a terminal (the others are UTF-8 text)."""
        match self:
            case ReportFormat.xlsx | ReportFormat.docx:
                return True
            case ReportFormat.md | ReportFormat.html | ReportFormat.json:
                return False
            case _:
                assert_never(self)


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
    folds_into: str | None = None
    """The key of another column: on a screen too narrow for every column at its readable minimum,
    this one is not drawn, and its text goes on a line of its own under that column's (its heading
    too: "Nhiệm vụ / Kỳ"). A period under the task's title reads as well as beside it."""

    @property
    def giving_way(self) -> Role:
        if self.role is not None:
            return self.role
        return Role.narrow if self.no_wrap else Role.id if self.fit else Role.text


def emit(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[Column],
    fmt: Format,
    out: TextIO,
    *,
    title: str = "",
    empty: str = "",
) -> None:
    """Rows as JSON, CSV or a table; a table with no rows is ``empty``, a sentence, never a bare header."""
    if fmt is Format.table and not rows and empty:
        Screen(out).line(empty)
        return
    match fmt:
        case Format.json:
            write_json_rows(rows, out)
        case Format.csv:
            write_csv(rows, out)
        case Format.table:
            write_table(rows, columns, out, title=title)
        case _:
            assert_never(fmt)


def write_json_rows(rows: Iterable[dict[str, Any]], out: TextIO) -> None:
    """Rows as one JSON list, written row by row (byte for byte what :func:`json_text` gives of the
    whole list): a listing of every record of a province at ten times the benchmark's size is
    never held as one text."""
    first = True
    for row in rows:
        out.write("[\n  " if first else ",\n  ")
        out.write(json_text(row).replace("\n", "\n  "))  # a JSON text holds no raw line break in a string
        first = False
    out.write("[]\n" if first else "\n]\n")


CSV_BOM = "\ufeff"
"""Written first, so that Excel opened by a double click reads UTF-8 (else the Windows code page, and
the Vietnamese is garbled); spreadsheets, pandas and ``encoding="utf-8-sig"`` skip it."""


def write_csv(rows: Sequence[dict[str, Any]], out: TextIO) -> None:
    """CSV as a spreadsheet opens it (RFC 4180 CRLF line ends, a UTF-8 BOM), with the rows' keys (all
    of them, in order) as header; lists joined by ';', objects as compact JSON."""
    if not rows:
        return
    fieldnames = list(dict.fromkeys(key for row in rows for key in row))  # units and groups differ
    out.write(CSV_BOM)
    writer = csv.DictWriter(out, fieldnames=fieldnames, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({key: csv_cell(value) for key, value in row.items()} for row in rows)


def csv_cell(value: Any) -> str:
    """A value as a CSV cell: text that starts like a formula prefixed with ``'``
    (:func:`~kehoach.present.inert.spreadsheet_text`); numbers as they are. A CR or LF inside a text
    is quoted by :mod:`csv`, so it stays in its cell."""
    if value is None:
        return ""
    if isinstance(value, list):
        return spreadsheet_text(";".join(str(item) for item in value))
    if isinstance(value, dict):
        return json_text(value, compact=True)
    if isinstance(value, str):
        return spreadsheet_text(value)
    return str(value)


def _is_terminal(out: TextIO) -> bool:
    try:
        return out.isatty()
    except ValueError:  # closed
        return False


def write_table(rows: Sequence[dict[str, Any]], columns: Sequence[Column], out: TextIO, *, title: str = "") -> None:
    screen = Screen(out)
    if title:
        screen.line(title)
    screen.table(columns, rows)


def table_cell(value: Any) -> Cell:
    """A value as a table's cell, cut to a bound (:func:`~kehoach.present.inert.bounded`), its
    control characters shown (:func:`~kehoach.present.inert.visible`)."""
    if isinstance(value, Cell):
        return Cell(visible(bounded(value.text)), value.style)
    if value is None:
        return Cell("")
    if isinstance(value, list):
        return Cell(visible(bounded("\n".join(str(item) for item in value))))
    return Cell(visible(bounded(str(value))))


def write_line(out: TextIO, text: str = "") -> None:
    """A line of prose as it is written, its control characters shown."""
    out.write(visible(text) + "\n")


class Colour(StrEnum):
    """Whether tables are coloured: as the terminal allows (``auto``), or as the user insists."""

    auto = "auto"
    always = "always"
    never = "never"


ENV_NO_COLOR = "NO_COLOR"
ENV_FORCE_COLOR = "FORCE_COLOR"


def choose_colour(environ: Mapping[str, str]) -> Colour:
    """``$NO_COLOR`` set and not empty (https://no-color.org): never; else ``$FORCE_COLOR`` set and
    not empty (https://force-color.org): always, into a file or a pipe too; else as the terminal
    allows. An empty value counts as unset, as both conventions say. When both are set, NO_COLOR
    wins, as in Python's own colours (3.13) and in rich: it is the reader's standing wish, often
    in a shell profile, where FORCE_COLOR is more often a tool's or a CI runner's default; and colour
    here only repeats what the words say."""
    if environ.get(ENV_NO_COLOR):
        return Colour.never
    if environ.get(ENV_FORCE_COLOR):
        return Colour.always
    return Colour.auto


COLOUR = Colour.auto
"""The colour asked for; set once, at the edge, by :func:`use_colour` (the CLI reads the environment)."""


def use_colour(choice: Colour) -> None:
    global COLOUR
    COLOUR = choice


class Screen:
    """Where tables go: the terminal's width and colour when ``out`` is one, else 80 plain columns;
    coloured or not as :data:`COLOUR` says."""

    def __init__(self, out: TextIO) -> None:
        from rich.console import Console

        # Whether ``out`` is a terminal is said to rich, which would otherwise read FORCE_COLOR
        # itself (and take an empty one to mean "not a terminal").
        console = Console(file=out, highlight=False, soft_wrap=False, force_terminal=_is_terminal(out))
        self.out = out
        self.width = console.width if console.width > 0 else 80  # COLUMNS=0 says nothing: as if unset
        match COLOUR:
            case Colour.auto:
                self.colour = console.is_terminal and console.color_system is not None
            case Colour.always:
                self.colour = True
            case Colour.never:
                self.colour = False
            case _:
                assert_never(COLOUR)

    def style(self, text: str, style: str) -> str:
        if not (self.colour and style and text):
            return text
        from rich.color import ColorSystem
        from rich.style import Style

        return Style.parse(style).render(text, color_system=ColorSystem.STANDARD)

    def line(self, text: str = "", style: str = "") -> None:
        """A line of prose, wrapped between words to the screen's width (in cells, as tables are), cut to a
        bound (:func:`~kehoach.present.inert.bounded`)."""
        for part in wrap(visible(bounded(text)), self.width):
            self.out.write(self.style(part, style) + "\n")

    def table(self, columns: Sequence[Column], rows: Sequence[dict[str, Any]]) -> None:
        self.tables(columns, [("", rows)])

    def tables(self, columns: Sequence[Column], groups: Sequence[tuple[str, Sequence[dict[str, Any]]]]) -> None:
        """Tables of the same columns, each under its heading (none for ``""``), laid out once for
        all of them: every group has the same columns at the same widths, so they read as one."""
        shown, table, chosen = _fitting(columns, [row for _heading, rows in groups for row in rows], self.width)
        headers, roles = [column.header for column in shown], [column.giving_way for column in shown]
        start = 0
        for heading, rows in groups:
            if heading:
                self.line()
                self.line(heading, "bold")
            part = table[start : start + len(rows)]
            start += len(rows)
            self.out.writelines(line + "\n" for line in render(headers, part, roles, self.width, self.style, chosen))


def _fitting(
    columns: Sequence[Column], rows: Sequence[dict[str, Any]], width: int
) -> tuple[list[Column], list[list[Cell]], Layout]:
    """The columns to draw, the rows' cells and their layout: every column while all fit at their
    readable minimums, else with the folding ones (:attr:`Column.folds_into`) folded, one by one in
    order, until they fit or none is left to fold."""
    shown = list(columns)
    known: dict[str | Cell, Cell] = {}  # a listing repeats its titles and periods: each made a cell once

    def made(value: Any) -> Cell:
        if type(value) is not str and type(value) is not Cell:  # lists, numbers: as they come (1 == True)
            return table_cell(value)
        cell = known.get(value)
        if cell is None:
            cell = known[value] = table_cell(value)
        return cell

    table = [[made(row.get(column.key)) for column in shown] for row in rows]
    folding = [column for column in columns if column.folds_into]
    while True:
        chosen = layout([one.header for one in shown], table, [one.giving_way for one in shown], width)
        if not chosen.cramped or not folding:
            return shown, table, chosen
        column = folding.pop(0)
        source = shown.index(column)
        target = next(index for index, one in enumerate(shown) if one.key == column.folds_into)
        folded = replace(shown[target], header=f"{shown[target].header} / {column.header}")
        for cells in table:
            under, added = cells[target], cells[source]
            text = f"{under.text}\n{added.text}" if under.text and added.text else under.text or added.text
            cells[target] = Cell(text, under.style)
            del cells[source]
        shown[target] = folded
        del shown[source]
