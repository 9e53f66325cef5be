"""Problems found in data, and the typed exceptions that carry them to the CLI's one handler."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


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
        where = f"{self.key}: " if self.key else ""
        return f"{shown_path}:{self.line}:{self.column}: {where}{self.message}"


class KehoachError(Exception):
    """Base of every error the CLI reports without a traceback."""

    exit_code = 2


class UsageError(KehoachError):
    """The command was asked for something that does not exist or cannot be done."""

    exit_code = 2


class DataNotFound(KehoachError):
    """No data folder could be found."""

    exit_code = 3


class DataInvalid(KehoachError):
    """The data files have problems; each is reported with its file, line and column."""

    exit_code = 1

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems
