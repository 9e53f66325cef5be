"""Plain-text tables that fit the terminal, rendered in linear time.

rich's ``Table`` measures and wraps every cell through its full layout engine: about a millisecond
a row, which is most of a ``kehoach due`` on the shipped plan and seconds at province scale. This
renderer does the little kehoach needs: columns sized to content, wrap-able columns shrunk to fit
the width, words wrapped with :mod:`textwrap`, a rule under the header. Colour is applied only to
whole cells (the status), after layout, and only on a terminal (see :mod:`kehoach.present.output`).
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass

GAP = 3
RULE = "─"


@dataclass(frozen=True)
class Cell:
    text: str
    style: str = ""


Styler = Callable[[str, str], str]


def _plain(text: str, style: str) -> str:
    return text


def render(
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    rigid: Sequence[bool],
    width: int,
    styler: Styler = _plain,
) -> list[str]:
    """Lines of a table; ``rigid`` columns never wrap, the others share what width remains."""
    widths = column_widths(headers, rows, rigid, width)
    lines = _row_lines([Cell(header) for header in headers], widths, _plain)  # a long heading wraps too
    lines.append(RULE * (sum(widths) + GAP * (len(widths) - 1)))
    for row in rows:
        lines.extend(_row_lines(row, widths, styler))
    return lines


def column_widths(
    headers: Sequence[str], rows: Sequence[Sequence[Cell]], rigid: Sequence[bool], width: int
) -> list[int]:
    """Each column as wide as its content; if that is too wide, the widest wrap-able one gives way first."""
    widths = [len(header) for header in headers]
    floors = [max((len(word) for word in header.split()), default=1) for header in headers]
    for row in rows:
        for index, cell in enumerate(row):
            for line in cell.text.split("\n"):
                widths[index] = max(widths[index], len(line))
                floors[index] = max(floors[index], max((len(word) for word in line.split()), default=0))
    floors = [
        widths[index] if fixed else min(floor, 16)
        for index, (floor, fixed) in enumerate(zip(floors, rigid, strict=True))
    ]
    excess = sum(widths) + GAP * (len(widths) - 1) - width
    while excess > 0:
        index = max(range(len(widths)), key=lambda column: widths[column] - floors[column])
        if widths[index] <= floors[index]:
            break  # nothing can give way: the table is wider than the screen
        widths[index] -= 1
        excess -= 1
    return widths


def _row_lines(row: Sequence[Cell], widths: Sequence[int], styler: Styler) -> list[str]:
    pairs = list(zip(row, widths, strict=True))
    if all("\n" not in cell.text and len(cell.text) <= size for cell, size in pairs):
        return [_join([_fill(cell.text, cell.style, size, styler) for cell, size in pairs])]  # the usual row
    wrapped = [_wrap(cell.text, size) for cell, size in pairs]
    return [
        _join([_fill(lines[number] if number < len(lines) else "", cell.style, size, styler)
               for (cell, size), lines in zip(pairs, wrapped, strict=True)])
        for number in range(max(len(lines) for lines in wrapped))
    ]  # fmt: skip


def _fill(text: str, style: str, size: int, styler: Styler) -> str:
    """A cell's text padded to its column; styled (coloured) text is padded outside the style."""
    return styler(text, style) + " " * (size - len(text)) if style else text.ljust(size)


def _wrap(text: str, size: int) -> list[str]:
    if len(text) <= size and "\n" not in text:
        return [text]  # most cells fit: skip textwrap
    lines: list[str] = []
    for paragraph in text.split("\n") or [""]:
        lines.extend(textwrap.wrap(paragraph, size, break_long_words=True, break_on_hyphens=False) or [""])
    return lines


def _join(parts: Sequence[str]) -> str:
    return (" " * GAP).join(parts).rstrip()
