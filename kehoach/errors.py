"""Problems found in data, the typed exceptions that carry them to the CLI's one handler, and
the exit codes that handler turns them into."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

from kehoach.i18n import ngettext


class ExitCode(IntEnum):
    """Every exit code kehoach gives, with its meaning (the README's "Exit codes" table is this one;
    ``tests/test_docs.py`` holds them equal)."""

    meaning: str

    def __new__(cls, code: int, meaning: str) -> ExitCode:
        member = int.__new__(cls, code)
        member._value_ = code
        member.meaning = meaning
        return member

    SUCCESS = 0, "success"
    PROBLEMS = 1, "the data has problems, or `overdue --check` found something overdue"
    USAGE = 2, "the command cannot be done as asked (an unknown unit, a bad option)"
    NO_DATA = 3, "no data folder was found"
    REFUSED = (
        4,
        "a write was refused to keep the data safe (the file changed meanwhile, another writer held the lock too "
        "long), or `-o` named no regular file (a device, a pipe, a folder)",
    )
    SYSTEM = (
        5,
        "the operating system refused a read or write (no permission, a read-only or full disk, a missing folder)",
    )


ECHO_LIMIT = 80
"""Characters of a value from the data that a message quotes; a longer one is cut (see :func:`clipped`)."""


def clipped(value: object, limit: int = ECHO_LIMIT) -> str:
    """A value as a message quotes it: whole if short, else its start and end around an ellipsis,
    so that a 1 MB value pasted by mistake still gives a one-line message."""
    text = str(value)
    if len(text) <= limit:
        return text
    head = limit * 2 // 3
    tail = limit - head - 1
    return f"{text[:head]}…{text[-tail:]}" if tail > 0 else text[:head] + "…"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one data file, at a 1-based line and column."""

    path: Path
    line: int
    column: int
    message: str
    rule: str = "schema"
    key: str = ""

    def format(self, shown_path: str) -> str:
        where = f"{clipped(self.key)}: " if self.key else ""
        return f"{shown_path}:{self.line}:{self.column}: {where}{self.message}"


PROBLEMS_PER_FILE = 100
"""Problems of one file reported to people (and to GitHub); a file with more, such as a unit file
of 160,000 repeated records, gets one line saying how many more. Fixing the first hundred is the
way forward, and ``validate --format json`` lists them all, for tools."""


@dataclass(frozen=True)
class Omitted:
    """Stands after the last reported problem of a file that has more than :data:`PROBLEMS_PER_FILE`."""

    path: Path
    count: int

    def format(self, shown_path: str) -> str:
        return ngettext(
            "{path}: còn {count} lỗi nữa trong tệp này; xem đủ bằng: kehoach validate --format json",
            "{path}: còn {count} lỗi nữa trong tệp này; xem đủ bằng: kehoach validate --format json",
            self.count,
        ).format(path=shown_path, count=self.count)


def reported(problems: Sequence[Problem], limit: int = PROBLEMS_PER_FILE) -> list[Problem | Omitted]:
    """``problems`` as they are when no file has more than ``limit``; else each file's first
    ``limit``, in order, and after the last of them how many of that file's were left out."""
    counts = Counter(problem.path for problem in problems)
    if all(count <= limit for count in counts.values()):
        return list(problems)
    seen: Counter[Path] = Counter()
    kept: list[Problem | Omitted] = []
    for problem in problems:
        seen[problem.path] += 1
        number, count = seen[problem.path], counts[problem.path]
        if number <= limit:
            kept.append(problem)
        if number == count and count > limit:
            kept.append(Omitted(problem.path, count - limit))
    return kept


class KehoachError(Exception):
    """Base of every error the CLI reports without a traceback."""

    exit_code: ExitCode = ExitCode.USAGE


class UsageError(KehoachError):
    """The command was asked for something that does not exist or cannot be done."""

    exit_code = ExitCode.USAGE


class DataNotFound(KehoachError):
    """No data folder could be found."""

    exit_code = ExitCode.NO_DATA


class DataInvalid(KehoachError):
    """The data files have problems; each is reported with its file, line and column."""

    exit_code = ExitCode.PROBLEMS

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems
