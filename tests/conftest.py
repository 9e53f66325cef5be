"""Shared fixtures: scenario folders copied into tmp_path, and the real CLI driven in-process."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

# The language is chosen as kehoach is imported (kehoach.i18n): the tests that compare output
# expect Vietnamese whatever the machine's locale; tests/test_i18n.py runs English in processes.
os.environ["KEHOACH_LANG"] = "vi"

from kehoach.cli.app import app

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
SCENARIOS = TESTS / "scenarios"
SHIPPED_DATA = REPO / "data"


@pytest.fixture
def scenario(tmp_path: Path) -> Callable[[str], Path]:
    """Copy a scenario folder into tmp_path (tests that write never touch the originals)."""

    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(SCENARIOS / name, target)
        return target

    return copy


@pytest.fixture
def minimal(scenario: Callable[[str], Path]) -> Path:
    return scenario("minimal")


@pytest.fixture
def tracked(scenario: Callable[[str], Path]) -> Path:
    """The minimal plan with a record of every outcome (done, done late, waived)."""
    return scenario("tracked")


def edit(path: Path, old: str, new: str) -> None:
    """Replace one exact piece of a file's text; fail loudly if it is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


Cli = Callable[..., Result]
"""What the ``cli`` fixture is: ``cli("due", "--year", "--data", str(folder), env={...}) -> Result``."""


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Cli:
    """Run ``kehoach ARGS`` in-process with a clean environment, a fixed terminal width and a
    cache of the test's own (so no test sees another's entries)."""
    monkeypatch.setenv("KEHOACH_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("KEHOACH_DATA", raising=False)
    monkeypatch.delenv("KEHOACH_TODAY", raising=False)
    monkeypatch.setenv("COLUMNS", "80")
    runner = CliRunner()

    def run(*args: str, env: dict[str, str] | None = None) -> Result:
        result = runner.invoke(app, list(args), env=env, catch_exceptions=False)
        return Result(result.exit_code, result.stdout, result.stderr)

    return run
