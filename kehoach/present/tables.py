"""Plain-text tables that fit the terminal, rendered in linear time.

rich's ``Table`` measures and wraps every cell through its full layout engine: about a millisecond
a row, which is most of a ``kehoach due`` on the shipped plan and seconds at province scale. This
renderer does the little kehoach needs: columns sized to content, given way by role when the
screen is too narrow, words wrapped between words, a rule under the header. Colour is applied only
to whole cells (the status), after layout, and only on a terminal (see :mod:`kehoach.present.output`).

Everything is measured in terminal cells, never in characters: decomposed Vietnamese (NFD, a
letter followed by combining marks) is drawn in fewer cells than it has characters, and a wide
character in more. :func:`cells` asks rich (``rich.cells.cell_len``) unless every character is
one that rich itself draws in one cell (ASCII and precomposed Vietnamese, the usual case), where
the length is the answer; wrapping breaks only between graphemes, so a combining mark stays with
its letter.

**Roles.** Each column has a :class:`Role` that says how it gives way when the table is wider
than the screen (``Column(..., role=...)`` in :mod:`kehoach.present.output`; ``no_wrap=True``
means :attr:`Role.narrow`, ``fit=True`` :attr:`Role.id`, neither :attr:`Role.text`):

- ``narrow`` (dates, refs, counts, statuses): as wide as its widest cell, never wrapped; only its
  heading may wrap, between words.
- ``text`` (titles, names, periods, documents): wraps between words, but never below
  :data:`TEXT_MIN` cells, or its widest line if that is shorter. So a short label such as a
  period ("Báo cáo năm 2022") never wraps while the table has room elsewhere.
- ``id`` (unit ids): shrinks down to :data:`ID_MIN` cells, broken after its hyphens; when even
  that does not fit, it is left out (widest first) and a line under the table says which column
  is missing. Ids give way to names, not the reverse.

While the table is too wide, a column gives one cell, then the next, by tiers: first text
columns alone, down to :data:`TEXT_ALONE` cells; then narrow columns' headings wrap, between their
words (one more line at the top of the table, where a narrower text column costs lines in every
row), each then made as narrow as its wrapped heading, the cells it frees given back to text;
then text and id columns in step (the one with the most room above its minimum gives).
Only when the minimums cannot all be met (a table with too
many columns for the screen) do narrow columns wrap between their words, then text columns go
below their minimums, still between words, and at last anything breaks anywhere: no line is ever
wider than the screen. :func:`layout` tells what was chosen (:class:`Layout`, with
:attr:`Layout.cramped` for a column shown below its minimum), so tests can check it without
reading the text.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum

from rich.cells import cell_len, get_character_cell_size, split_graphemes

from kehoach.i18n import _

GAP = 3
RULE = "─"
TEXT_ALONE = 24
"""While text columns are wider than this (in cells), they give way alone: ids (which read badly
broken) keep their width. Below it, text and ids shrink in step."""
TEXT_MIN = 16
"""The narrowest a text column is made (in cells) while the screen allows it: three or four
Vietnamese words a line, a title still reads as a phrase."""
ID_MIN = 10
"""The narrowest an id column is made before it is left out: a unit id then takes two or three
lines, broken after its hyphens (``ban-can-su-`` / ``dang-tand-`` / ``tinh``)."""


class Role(StrEnum):
    """How a column gives way when the screen is narrow (see the module's docstring)."""

    narrow = "narrow"
    text = "text"
    id = "id"


@dataclass(frozen=True)
class Cell:
    text: str
    style: str = ""


Styler = Callable[[str, str], str]


def _plain(text: str, style: str) -> str:
    return text


def _drawn_in_one_cell() -> frozenset[str]:
    """Characters rich draws in one cell each, among those kehoach's text is made of: ASCII,
    Latin (precomposed Vietnamese included), and the punctuation and arrows the tables use."""
    candidates = [*range(0x20, 0x7F), *range(0xA0, 0x300), *range(0x1E00, 0x1F00), *range(0x2010, 0x2027)]
    candidates += [0x2190, 0x2192, 0x2500, 0x2713, 0x2714]
    return frozenset(chr(code) for code in candidates if get_character_cell_size(chr(code)) == 1)


_ONE_CELL = _drawn_in_one_cell()
_all_one_cell: Callable[[str], bool] = _ONE_CELL.issuperset


def cells(text: str) -> int:
    """How many terminal cells ``text`` takes (one line of it)."""
    return len(text) if text.isascii() or _all_one_cell(text) else cell_len(text)  # isascii is a flag: free


@dataclass(frozen=True)
class Layout:
    """What :func:`layout` chose: each column's width in cells (0 when it was left out), and the
    minimum it is readable at (its widest cell for a narrow column; see the module's docstring)."""

    widths: tuple[int, ...]
    minimums: tuple[int, ...]
    roles: tuple[Role, ...]

    @property
    def shown(self) -> list[int]:
        return [index for index, size in enumerate(self.widths) if size]

    @property
    def left_out(self) -> list[int]:
        return [index for index, size in enumerate(self.widths) if not size]

    @property
    def cramped(self) -> list[int]:
        """Columns shown narrower than their minimum, or left out though not ids."""
        return [
            index
            for index, (size, least, role) in enumerate(zip(self.widths, self.minimums, self.roles, strict=True))
            if (size and size < least) or (not size and role is not Role.id)
        ]

    @property
    def total(self) -> int:
        shown = [size for size in self.widths if size]
        return sum(shown) + GAP * (len(shown) - 1)


def layout(headers: Sequence[str], rows: Sequence[Sequence[Cell]], roles: Sequence[Role], width: int) -> Layout:
    """Each column as wide as its content; if the table is then wider than ``width``, columns give
    way by their roles (see the module's docstring)."""
    return _chosen(headers, rows, roles, width, _measured(rows, len(headers))[0])


Sizes = list[list[int]]
"""Each cell's width in cells, -1 for a cell of several lines: measured once, for layout and padding."""


def _measured(rows: Sequence[Sequence[Cell]], count: int) -> tuple[list[int], Sizes]:
    """The widest line of each column, and each cell's width."""
    content = [0] * count
    sizes: Sizes = []
    known: dict[str, tuple[int, int]] = {}  # a listing repeats its titles, periods, dates: each measured once
    for row in rows:
        measured = []
        for index, cell in enumerate(row):
            text = cell.text
            found = known.get(text)
            if found is None:
                if "\n" in text:
                    found = known[text] = (max(map(cells, text.split("\n"))), -1)
                else:
                    size = cells(text)
                    found = known[text] = (size, size)
            size, mark = found
            measured.append(mark)
            if size > content[index]:
                content[index] = size
        sizes.append(measured)
    return content, sizes


def _chosen(
    headers: Sequence[str], rows: Sequence[Sequence[Cell]], roles: Sequence[Role], width: int, content: list[int]
) -> Layout:
    count = len(headers)
    heading_words = [max(map(cells, header.split()), default=1) for header in headers]
    natural = [max(size, cells(header)) for size, header in zip(content, headers, strict=True)]
    minimums = tuple(
        content[index] if role is Role.narrow else min(content[index], TEXT_MIN if role is Role.text else ID_MIN)
        for index, role in enumerate(roles)
    )
    floors = [max(least, words) for least, words in zip(minimums, heading_words, strict=True)]
    narrow = {index for index, role in enumerate(roles) if role is Role.narrow}
    text = {index for index, role in enumerate(roles) if role is Role.text}
    columns = range(count)
    alone = [max(floors[i], min(natural[i], TEXT_ALONE)) if i in text else natural[i] for i in columns]
    headings = [floors[i] if i in narrow else alone[i] for i in columns]
    # Text alone; then narrow headings wrap (one more line at the top, where a narrower text
    # column costs a line in every row); then text and ids in step, to their minimums.
    tiers = [alone, headings, floors]
    shown = list(range(count))
    widths = _shrunk(natural, tiers, shown, width, text)
    while widths is None and any(roles[index] is Role.id for index in shown):
        dropped = max((index for index in shown if roles[index] is Role.id), key=lambda index: natural[index])
        shown.remove(dropped)  # ids give way to names
        widths = _shrunk(natural, tiers, shown, width, text)
    if widths is None:  # too many columns for the screen: narrow ones wrap, between words still
        words = [max(pair) for pair in zip(_longest_words(rows, count), heading_words, strict=True)]
        tiers.append([min(floor, words[index]) if index in narrow else floor for index, floor in enumerate(floors)])
        widths = _shrunk(natural, tiers, shown, width, text)
        if widths is None:  # then text columns below their minimums too
            tiers.append([min(floor, words[index]) for index, floor in enumerate(floors)])
            widths = _shrunk(natural, tiers, shown, width, text)
    tiers.append([1] * count)
    while widths is None:  # then anything breaks anywhere, and what still cannot fit is left out
        widths = _shrunk(natural, tiers, shown, width, text)
        if widths is None:
            shown.pop()
    return Layout(tuple(_tightened(widths, headers, content, natural, roles)), minimums, tuple(roles))


def _tightened(
    widths: list[int], headers: Sequence[str], content: Sequence[int], natural: Sequence[int], roles: Sequence[Role]
) -> list[int]:
    """A narrow column whose heading wraps made as narrow as its wrapped heading (or its cells), and
    the cells it frees given to the text columns that gave way most."""
    freed = 0
    for index, size in enumerate(widths):
        if size and roles[index] is Role.narrow and content[index] <= size < cells(headers[index]):
            tight = max(content[index], *(cells(line) for line in wrap(headers[index], size)))
            freed += size - tight  # never negative: a wrapped heading's lines fit in ``size``
            widths[index] = tight
    while freed > 0:
        wanting = [
            index for index, size in enumerate(widths) if size and roles[index] is Role.text and size < natural[index]
        ]
        if not wanting:
            break
        index = max(wanting, key=lambda column: natural[column] - widths[column])
        widths[index] += 1
        freed -= 1
    return widths


def _shrunk(
    natural: Sequence[int], tiers: Sequence[Sequence[int]], shown: Sequence[int], width: int, first: Collection[int]
) -> list[int] | None:
    """The widths of the shown columns (0 for the others) within ``width``, or ``None`` if the last
    tier of floors does not fit. The column with the most room above its floor in the first tier
    gives one cell, then the next; when none has room, the next tier's floors apply. Of two with as
    much room, one in ``first`` gives."""
    widths = [natural[index] if index in shown else 0 for index in range(len(natural))]
    excess = sum(widths) + GAP * (len(shown) - 1) - width
    if sum(natural[index] - tiers[-1][index] for index in shown) < excess:
        return None
    tier = 0
    while excess > 0:
        floors = tiers[tier]
        index = max(shown, key=lambda column: (widths[column] - floors[column], column in first))
        room = widths[index] - floors[index]
        if room <= 0:
            tier += 1
            continue
        # Cell by cell, the columns with the most room give in turn, one round after another; a
        # round leaves them as it found them (tied), so whole rounds are given at once, down to
        # the next column's room: as many steps as columns, not as cells (a 15 MB evidence is a
        # column 15 million cells too wide).
        tied = [column for column in shown if widths[column] - floors[column] == room]
        below = max((widths[column] - floors[column] for column in shown if column not in tied), default=0)
        rounds = min(room - max(below, 0), excess // len(tied))
        if rounds:
            for column in tied:
                widths[column] -= rounds
            excess -= rounds * len(tied)
            continue
        widths[index] -= 1
        excess -= 1
    return widths


def _longest_words(rows: Sequence[Sequence[Cell]], count: int) -> list[int]:
    longest = [1] * count
    for row in rows:
        for index, cell in enumerate(row):
            longest[index] = max(longest[index], max(map(cells, cell.text.split()), default=0))
    return longest


def render(
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    roles: Sequence[Role],
    width: int,
    styler: Styler = _plain,
    chosen: Layout | None = None,
) -> list[str]:
    """Lines of a table within ``width`` cells, laid out by :func:`layout` (or as ``chosen``, the
    layout of several tables drawn alike: a listing's groups); below it, which columns were left
    out, if any."""
    content, sizes = _measured(rows, len(headers))
    if chosen is None:
        chosen = _chosen(headers, rows, roles, width, content)
    shown = chosen.shown
    widths = [chosen.widths[index] for index in shown]
    heading = [Cell(headers[index]) for index in shown]
    known: Wrapped = {}
    lines = _row_lines(heading, [-1] * len(shown), widths, _plain, known)  # a long heading wraps too
    lines.append(RULE * chosen.total)
    if len(shown) == len(headers):
        for row, measured in zip(rows, sizes, strict=True):
            lines.extend(_row_lines(row, measured, widths, styler, known))
        return lines
    for row, measured in zip(rows, sizes, strict=True):
        cells_shown, sizes_shown = [row[index] for index in shown], [measured[index] for index in shown]
        lines.extend(_row_lines(cells_shown, sizes_shown, widths, styler, known))
    missing = ", ".join(f"“{headers[index]}”" for index in chosen.left_out)
    note = _("Không đủ chỗ cho cột {columns} trong {width} cột màn hình; xem đủ với --format csv.")
    lines.extend(wrap(note.format(columns=missing, width=width), width))
    return lines


Wrapped = dict[tuple[str, str, int], list[str]]
"""Cells already wrapped to a width and padded (the text, its style, the width), while one table
is drawn: a listing repeats its titles and periods in every unit's rows."""


def _row_lines(
    row: Sequence[Cell], measured: Sequence[int], widths: Sequence[int], styler: Styler, known: Wrapped
) -> list[str]:
    """A row's lines: each cell padded to its column (``measured``: its width, -1 if not known)."""
    if all(0 <= size <= width for size, width in zip(measured, widths, strict=True)):  # the usual row
        return [_join([_fill(cell.text, size, cell.style, width, styler)
                       for cell, size, width in zip(row, measured, widths, strict=True)])]  # fmt: skip
    wrapped = []
    for cell, width in zip(row, widths, strict=True):
        key = (cell.text, cell.style, width)
        lines = known.get(key)
        if lines is None:
            filled = [_fill(line, used, cell.style, width, styler) for line, used in _wrapped(cell.text, width)]
            lines = known[key] = filled
        wrapped.append(lines)
    height = max(map(len, wrapped))
    blanks = [_blank(cell.style, width, styler, known) for cell, width in zip(row, widths, strict=True)]
    return [
        _join([lines[number] if number < len(lines) else blank for lines, blank in zip(wrapped, blanks, strict=True)])
        for number in range(height)
    ]


def _blank(style: str, width: int, styler: Styler, known: Wrapped) -> str:
    """The line of a cell under its last one: its column's width of padding."""
    key = ("", style, -width)  # a width no cell has: this key is the blank's, never a cell's
    lines = known.get(key)
    if lines is None:
        lines = known[key] = [_fill("", 0, style, width, styler)]
    return lines[0]


def _fill(text: str, size: int, style: str, width: int, styler: Styler) -> str:
    """A cell's text (``size`` cells) padded to its column; styled (coloured) text is padded outside the style."""
    padding = " " * (width - size)
    return styler(text, style) + padding if style else text + padding


def wrap(text: str, size: int) -> list[str]:
    """``text`` in lines of at most ``size`` cells, each ``\\n`` a line break: words whole where they
    fit, a longer word broken after a hyphen, else between two graphemes. A line that fits is kept as
    written; in one that is broken, runs of spaces between words become one, as in :mod:`textwrap`."""
    return [line for line, _used in _wrapped(text, size)]


def _wrapped(text: str, size: int) -> list[tuple[str, int]]:
    """:func:`wrap`'s lines, each with its width in cells."""
    if "\n" not in text:
        length = cells(text)
        if length <= size:
            return [(text, length)]  # most cells fit
    lines: list[tuple[str, int]] = []
    for paragraph in text.split("\n"):
        length = cells(paragraph)
        if length <= size:
            lines.append((paragraph, length))
            continue
        line, used = "", 0
        for word in paragraph.split():
            length = cells(word)
            if line and used + 1 + length <= size:
                line, used = f"{line} {word}", used + 1 + length
                continue
            if line:
                lines.append((line, used))
            if length <= size:
                line, used = word, length
                continue
            *whole, line = _broken(word, size)
            lines.extend((piece, cells(piece)) for piece in whole)
            used = cells(line)
        lines.append((line, used))
    return lines


def _broken(word: str, size: int) -> list[str]:
    """A word longer than ``size`` cells in pieces that fit: after its hyphens where they serve
    (``ban-can-su-`` / ``dang-tand-tinh``), else between graphemes."""
    pieces: list[str] = []
    current, used = "", 0
    for part in word.replace("-", "-\n").split("\n"):
        length = cells(part)
        if used + length <= size:
            current, used = current + part, used + length
            continue
        if current:
            pieces.append(current)
        if length <= size:
            current, used = part, length
            continue
        *whole, current = _chopped(part, size)
        pieces.extend(whole)
        used = cells(current)
    pieces.append(current)
    return pieces


def _chopped(part: str, size: int) -> list[str]:
    """``part`` cut into lines of at most ``size`` cells, never inside a grapheme (a letter keeps
    its combining marks); a grapheme wider than ``size`` takes a line of its own."""
    if _all_one_cell(part):
        return [part[start : start + size] for start in range(0, len(part), size)]
    spans, _total = split_graphemes(part)
    lines, start, used = [], 0, 0
    for begin, _end, width in spans:
        if used + width > size and used:
            lines.append(part[start:begin])
            start, used = begin, 0
        used += width
    lines.append(part[start:])
    return lines


def _join(parts: Sequence[str]) -> str:
    return (" " * GAP).join(parts).rstrip()
