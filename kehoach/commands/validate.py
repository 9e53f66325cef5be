"""``kehoach validate``: check every data file and report each problem where it is.

Three ways to report, as yamllint does: ``text`` for people (``file:line:col: key: message``),
``github`` for GitHub Actions (workflow commands, so each problem shows on its line of a pull
request), ``json`` for other tools.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TextIO, assert_never

from kehoach.errors import Problem
from kehoach.files.cache import Cache
from kehoach.files.load import Verdict, verdict
from kehoach.files.paths import shown
from kehoach.i18n import _, ngettext
from kehoach.present.inert import json_text
from kehoach.present.output import ProblemFormat


def run(
    root: Path,
    out: TextIO,
    *,
    cache: Cache | None = None,
    fmt: ProblemFormat = ProblemFormat.text,
    as_of: date | None = None,
) -> int:
    """Report every problem of the folder; with ``as_of`` (the CLI always gives the day it runs
    for), also the records and extensions dated after that day."""
    found = verdict(root, cache, as_of)
    out.write(report_of(found, fmt))
    return 1 if found.problems else 0


def report_of(found: Verdict, fmt: ProblemFormat) -> str:
    """What validate prints: every problem in the chosen format, and for people a summary line."""
    problems, files = found.problems, found.files
    match fmt:
        case ProblemFormat.json:
            return json_text(as_json(problems, files)) + "\n"
        case ProblemFormat.github:
            return "".join(github_line(problem) + "\n" for problem in problems)
        case ProblemFormat.text:
            lines = [problem.format(shown(problem.path)) for problem in problems]
            return "".join(line + "\n" for line in [*lines, summary_of(found)])
        case _:
            assert_never(fmt)


def summary_of(found: Verdict) -> str:
    problems, files = found.problems, found.files
    if not problems:
        counts = {
            "files": ngettext("{count} tệp", "{count} tệp", files).format(count=files),
            "tasks": ngettext("{count} nhiệm vụ", "{count} nhiệm vụ", found.tasks).format(count=found.tasks),
            "units": ngettext("{count} đơn vị", "{count} đơn vị", found.units).format(count=found.units),
            "groups": ngettext("{count} nhóm", "{count} nhóm", found.groups).format(count=found.groups),
        }
        return _("Hợp lệ: {files}, {tasks}, {units}, {groups}.").format(**counts)
    count, with_problems = len(problems), len({problem.path for problem in problems})
    return _("Có {problems} trong {files}.").format(
        problems=ngettext("{count} lỗi", "{count} lỗi", count).format(count=count),
        files=ngettext("{bad}/{files} tệp", "{bad}/{files} tệp", files).format(bad=with_problems, files=files),
    )


def as_json(problems: list[Problem], files: int) -> dict[str, object]:
    return {
        "valid": not problems,
        "files": files,
        "problems": [
            {
                "file": shown(problem.path),
                "line": problem.line,
                "column": problem.column,
                "key": problem.key,
                "rule": problem.rule,
                "message": problem.message,
            }
            for problem in problems
        ],
    }


def github_line(problem: Problem) -> str:
    """A GitHub Actions ``::error`` workflow command (values escaped as the runner expects)."""
    where = ",".join(
        f"{name}={_escape(value, properties=True)}"
        for name, value in (
            ("file", shown(problem.path)),
            ("line", str(problem.line)),
            ("col", str(problem.column)),
            ("title", f"kehoach validate ({problem.rule})"),
        )
    )
    message = f"{problem.key}: {problem.message}" if problem.key else problem.message
    return f"::error {where}::{_escape(message)}"


def _escape(value: str, properties: bool = False) -> str:
    # The runner's own escaping (actions/toolkit, command.ts): % first, then line breaks; in
    # properties also the separators ':' and ','.
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if properties else value
