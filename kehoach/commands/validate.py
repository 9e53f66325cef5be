"""``kehoach validate``: check every data file and report each problem where it is.

Four ways to report, as yamllint does: ``text`` for people (``file:line:col: key: message``),
``github`` for GitHub Actions (workflow commands, so each problem shows on its line of a pull
request), ``gitlab`` for GitLab CI (a Code Quality report, shown in the merge request), ``json``
for other tools.

A forge places an annotation by the file's path from the repository's root, whatever folder the
job runs in: for ``github`` and ``gitlab``, paths are relative to the repository (see
:func:`repository_root`); for people, to the current folder.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import TextIO, assert_never

from kehoach.errors import Omitted, Problem, reported
from kehoach.files.cache import Cache
from kehoach.files.load import Verdict, verdict
from kehoach.files.paths import shown
from kehoach.i18n import _, ngettext
from kehoach.present.inert import json_text
from kehoach.present.output import ProblemFormat

FORGE_ROOTS = {ProblemFormat.github: "GITHUB_WORKSPACE", ProblemFormat.gitlab: "CI_PROJECT_DIR"}
"""The variable each forge's runner sets to the folder the repository is checked out in."""


def run(
    root: Path,
    out: TextIO,
    *,
    cache: Cache | None = None,
    fmt: ProblemFormat = ProblemFormat.text,
    as_of: date | None = None,
    environ: Mapping[str, str] | None = None,
) -> int:
    """Report every problem of the folder; with ``as_of`` (the CLI always gives the day it runs
    for), also the records and extensions dated after that day. ``environ``: where a forge's
    runner says the repository is (:data:`FORGE_ROOTS`)."""
    found = verdict(root, cache, as_of)
    out.write(report_of(found, fmt, repository_root(root, fmt, environ or {})))
    return 1 if found.problems else 0


def repository_root(root: Path, fmt: ProblemFormat, environ: Mapping[str, str]) -> Path | None:
    """The folder paths are shown from for a forge's format: the checkout its runner names
    (:data:`FORGE_ROOTS`) when it holds the data, else the nearest folder above the data holding
    ``.git``; ``None`` for people's formats, or when neither is found (then paths are shown from
    the current folder)."""
    variable = FORGE_ROOTS.get(fmt)
    if variable is None:
        return None
    data = root.absolute()
    named = environ.get(variable)
    if named and data.is_relative_to(Path(named).absolute()):
        return Path(named).absolute()
    return next((folder for folder in (data, *data.parents) if (folder / ".git").exists()), None)


class _Shown(dict[Path, str]):
    """Each file's path as shown (:func:`~kehoach.files.paths.shown` resolves its folder), found
    once for all the file's problems: a file of 160,000 repeated records has as many."""

    def __call__(self, path: Path) -> str:
        return self[path]

    def __missing__(self, path: Path) -> str:
        self[path] = text = shown(path)
        return text


def report_of(found: Verdict, fmt: ProblemFormat, repository: Path | None = None) -> str:
    """What validate prints: the problems in the chosen format (for people and GitHub, at most
    :data:`~kehoach.errors.PROBLEMS_PER_FILE` of each file, then how many more; JSON and GitLab's
    report list every one), and for people a summary line that counts them all. ``repository``:
    the folder a forge's paths start from (see :func:`repository_root`)."""
    problems, files = found.problems, found.files
    where: Callable[[Path], str] = _Shown() if repository is None else _FromRepository(repository)
    match fmt:
        case ProblemFormat.json:
            checked = as_json(problems, files, where)
            checked["unlisted_groups"] = [{"group": group, "tasks": refs} for group, refs in found.unlisted]
            return json_text(checked) + "\n"
        case ProblemFormat.github:
            return "".join(github_line(item, where) + "\n" for item in reported(problems))
        case ProblemFormat.gitlab:
            return json_text(code_quality(problems, where)) + "\n"
        case ProblemFormat.text:
            lines = [item.format(where(item.path)) for item in reported(problems)]
            return "".join(line + "\n" for line in [*lines, summary_of(found), *notices_of(found)])
        case _:
            assert_never(fmt)


class _FromRepository(dict[Path, str]):
    """Each file's path from the repository's root, with ``/`` whatever the system."""

    def __init__(self, repository: Path) -> None:
        super().__init__()
        self.repository = repository

    def __call__(self, path: Path) -> str:
        return self[path]

    def __missing__(self, path: Path) -> str:
        absolute = path.absolute()
        try:
            text = (absolute.parent.resolve() / absolute.name).relative_to(self.repository.resolve()).as_posix()
        except (ValueError, OSError, RuntimeError):
            text = shown(path)
        self[path] = text
        return text


def code_quality(problems: list[Problem], where: Callable[[Path], str] = shown) -> list[dict[str, object]]:
    """GitLab's Code Quality report: one issue per problem, each with a fingerprint that stays the
    same while the problem does, wherever lines added above move it (GitLab tells new problems
    from fixed ones by it): the file, the rule, the key and the message, and how many such came
    before in the file."""
    issues: list[dict[str, object]] = []
    seen: dict[str, int] = {}
    for problem in problems:
        path = where(problem.path)
        description = f"{problem.key}: {problem.message}" if problem.key else problem.message
        identity = "\0".join((path, problem.rule, description))
        seen[identity] = seen.get(identity, 0) + 1
        identity += f"\0{seen[identity]}"
        issues.append(
            {
                "description": description,
                "check_name": f"kehoach-{problem.rule}",
                "fingerprint": hashlib.sha256(identity.encode("utf-8")).hexdigest(),
                "severity": "major",
                "location": {"path": path, "lines": {"begin": problem.line}},
            }
        )
    return issues


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


def notices_of(found: Verdict) -> list[str]:
    """What is valid but not yet what the Board means: a group with no members owning tasks."""
    return [
        ngettext(
            "Lưu ý: nhóm '{group}' chưa có đơn vị nào: chưa đơn vị nào phải làm {count} nhiệm vụ của nhóm ({refs}); "
            "ghi mã các đơn vị vào 'members'.",
            "Lưu ý: nhóm '{group}' chưa có đơn vị nào: chưa đơn vị nào phải làm {count} nhiệm vụ của nhóm ({refs}); "
            "ghi mã các đơn vị vào 'members'.",
            len(refs),
        ).format(group=group, count=len(refs), refs=", ".join(refs[:5]) + (", …" if len(refs) > 5 else ""))
        for group, refs in found.unlisted
    ]


def as_json(problems: list[Problem], files: int, where: Callable[[Path], str] = shown) -> dict[str, object]:
    return {
        "valid": not problems,
        "files": files,
        "problems": [
            {
                "file": where(problem.path),
                "line": problem.line,
                "column": problem.column,
                "key": problem.key,
                "rule": problem.rule,
                "message": problem.message,
            }
            for problem in problems
        ],
    }


def github_line(problem: Problem | Omitted, where: Callable[[Path], str] = shown) -> str:
    """A GitHub Actions ``::error`` workflow command (values escaped as the runner expects); for
    the problems of a file left out, one on the file's first line saying how many."""
    if isinstance(problem, Omitted):
        place = (("file", where(problem.path)), ("line", "1"), ("col", "1"), ("title", "kehoach validate"))
        message = problem.format(where(problem.path))
    else:
        place = (
            ("file", where(problem.path)),
            ("line", str(problem.line)),
            ("col", str(problem.column)),
            ("title", f"kehoach validate ({problem.rule})"),
        )
        message = f"{problem.key}: {problem.message}" if problem.key else problem.message
    properties = ",".join(f"{name}={_escape(value, properties=True)}" for name, value in place)
    return f"::error {properties}::{_escape(message)}"


def _escape(value: str, properties: bool = False) -> str:
    # The runner's own escaping (actions/toolkit, command.ts): % first, then line breaks; in
    # properties also the separators ':' and ','.
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if properties else value
