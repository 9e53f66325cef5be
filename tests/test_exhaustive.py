"""A change cannot be half made: adding a status, a schedule kind, a listing format or a report
format without handling it everywhere it matters is a ``mypy --strict`` error (README, "Design").

The test copies the package, makes the one-line change a contributor would make first (a new enum
member, a new kind in the ``Schedule`` union), runs mypy on the copy with the project's settings,
and requires an error at every place that must handle the new case, and no other error.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "kehoach"

# (file, anchor, text to add after the anchor; None: the new kind, see below): each a first step a
# contributor takes, not the whole change.
CHANGES = [
    ("domain/status.py", '    waived = "waived"  # recorded as not applying\n', '    archived = "archived"\n'),
    ("present/output.py", '    csv = "csv"\n', '    html = "html"\n'),
    ("present/output.py", '    md = "md"\n', '    pdf = "pdf"\n'),
    ("present/output.py", '    github = "github"\n', '    sarif = "sarif"\n'),
    ("domain/model.py", "\n\n\nclass _KindsListed:", None),  # a new kind's class, with its fields only
    ("domain/model.py", "Union[Deadline, Yearly, Years, Ongoing, TermYear, OnEvent]", None),  # registered
]
NEW_KIND = '\n\n\nclass Monthly(_Schedule):\n    kind: Literal["monthly"]'


# Where mypy must then object: (file, what the error says).
EXPECTED = [
    ("domain/status.py", r'assert_never" has incompatible type "Literal\[Status.archived\]"'),
    ("present/statuses.py", r'assert_never" has incompatible type "Literal\[Status.archived\]"'),
    ("present/output.py", r'assert_never" has incompatible type "Literal\[Format.html\]"'),
    ("commands/summary.py", r'assert_never" has incompatible type "Literal\[Format.html\]"'),
    ("commands/show.py", r'assert_never" has incompatible type "Literal\[Format.html\]"'),
    ("present/render/__init__.py", r'assert_never" has incompatible type "Literal\[ReportFormat.pdf\]"'),
    ("present/output.py", r'assert_never" has incompatible type "Literal\[ReportFormat.pdf\]"'),  # binary or text
    ("commands/validate.py", r'assert_never" has incompatible type "Literal\[ProblemFormat.sarif\]"'),
    ("domain/model.py", 'Item "Monthly" of .* has no attribute "describe"'),
    ("commands/show.py", 'Item "Monthly" of .* has no attribute "describe"'),
    ("domain/labels.py", 'assert_never" has incompatible type "Monthly"'),
    ("domain/reporting.py", 'assert_never" has incompatible type "Monthly"'),
    ("domain/model.py", 'Item "Monthly" of .* has no attribute "beyond_words"'),
    ("domain/occurrences.py", 'Item "Monthly" of .* has no attribute "period_keys"'),
    ("domain/occurrences.py", 'Item "Monthly" of .* has no attribute "due"'),
    ("domain/occurrences.py", 'Item "Monthly" of .* has no attribute "opens"'),
    ("domain/checks.py", 'Item "Monthly" of .* has no attribute "references"'),
    ("domain/draft.py", 'Item "Monthly" of .* has no attribute "references"'),  # what a phrase read must bear out
    ("domain/phrases.py", r'of ".*type\[Monthly\]" has no attribute "read_phrase"'),
]


def changed_copy(target: Path) -> Path:
    copy = target / "kehoach"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "locale"))
    for name, anchor, added in CHANGES:
        path = copy / name
        text = path.read_text(encoding="utf-8")
        assert anchor in text, f"{anchor!r} is no longer in {name}: update this test's CHANGES"
        if anchor.startswith("Union["):
            text = text.replace(anchor, anchor.replace("OnEvent]", "OnEvent, Monthly]"))
        elif added is None:
            text = text.replace(anchor, NEW_KIND + anchor, 1)
        else:
            text = text.replace(anchor, anchor + added, 1)
        path.write_text(text, encoding="utf-8")
    return copy


def mypy_command(folder: Path) -> list[str]:
    config, cache = str(REPO / "pyproject.toml"), str(folder / "mypy-cache")
    return [
        sys.executable,
        "-m",
        "mypy",
        "--config-file",
        config,
        "--cache-dir",
        cache,
        "--no-error-summary",
        "kehoach",
    ]


def test_mypy_fails_where_a_new_case_is_not_handled(tmp_path: Path) -> None:
    copy = changed_copy(tmp_path)
    result = subprocess.run(mypy_command(tmp_path), cwd=tmp_path, capture_output=True, text=True, timeout=600)
    errors = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert result.returncode == 1, result.stdout + result.stderr
    for name, says in EXPECTED:
        assert any(line.startswith(f"kehoach/{name}:") and re.search(says, line) for line in errors), (
            f"no mypy error in {name} saying {says!r}:\n" + "\n".join(errors)
        )
    unexpected = [
        line
        for line in errors
        if not any(line.startswith(f"kehoach/{name}:") and re.search(says, line) for name, says in EXPECTED)
    ]
    assert unexpected == [], "the change broke something else too"
    assert copy.exists()


def test_the_unchanged_copy_passes(tmp_path: Path) -> None:
    """The control: the same copy and mypy run, without the changes, finds nothing."""
    shutil.copytree(PACKAGE, tmp_path / "kehoach", ignore=shutil.ignore_patterns("__pycache__", "locale"))
    result = subprocess.run(mypy_command(tmp_path), cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
