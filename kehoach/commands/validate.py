"""``kehoach validate``: check every data file and report each problem where it is."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from kehoach.cache import Cache
from kehoach.errors import Problem
from kehoach.i18n import _
from kehoach.load import load, unit_files
from kehoach.paths import shown


def run(
    root: Path,
    out: TextIO,
    cache: Cache | None = None,
) -> int:
    dataset, problems = load(root, cache)
    for problem in problems:
        out.write(problem.format(shown(problem.path)) + "\n")
    files = 1 + len(unit_files(root))
    if problems:
        out.write(summary_of(problems, files) + "\n")
        return 1
    assert dataset is not None
    out.write(
        _("Hợp lệ: {files} tệp, {tasks} nhiệm vụ, {units} đơn vị, {groups} nhóm.").format(
            files=files, tasks=len(dataset.plan.tasks), units=len(dataset.units), groups=len(dataset.plan.groups)
        )
        + "\n"
    )
    return 0


def summary_of(problems: list[Problem], files: int) -> str:
    with_problems = len({problem.path for problem in problems})
    return _("Có {count} lỗi trong {bad}/{files} tệp.").format(count=len(problems), bad=with_problems, files=files)
