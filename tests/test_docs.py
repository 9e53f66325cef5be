"""Every command has help and a README section; the Quickstart is what CI runs."""

from __future__ import annotations

import importlib.util
import re
import shlex
from types import ModuleType

import pytest
from rich.cells import cell_len

from conftest import REPO, Cli
from kehoach.cli.app import app
from kehoach.errors import ExitCode

README = (REPO / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(command.name or command.callback.__name__ for command in app.registered_commands if command.callback)


def test_there_are_commands() -> None:
    assert {"validate", "tasks", "units"} <= set(COMMANDS)


WITHOUT_DATA = {
    "schema",
    "init",
    "merge-file",
    "import",
}  # no data folder: what the code generates (init: --from, import: --units-from), what git gives


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help(cli: Cli, name: str) -> None:
    result = cli(name, "--help")
    assert result.exit_code == 0
    help_text = result.stdout.split("\n\n")[1].strip()
    assert help_text and not help_text.startswith("Options")
    assert ("--data" in result.stdout) == (name not in WITHOUT_DATA)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_a_readme_section(name: str) -> None:
    assert f"### kehoach {name}\n" in README


def test_quickstart_holds_exactly_two_commands() -> None:
    block = re.search(r"## Quickstart\n.*?```\w*\n(.*?)```", README, re.S)
    assert block is not None
    commands = [line for line in block[1].splitlines() if line.strip() and not line.startswith("#")]
    assert len(commands) == 2
    assert "kehoach" in commands[0] and "pytest" in commands[1]


def _samples_module() -> ModuleType:
    """docs/samples.py, which writes the samples, read for the one pattern that finds them."""
    spec = importlib.util.spec_from_file_location("samples", REPO / "docs" / "samples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SAMPLES = _samples_module().SAMPLE.findall(README)


def test_the_readme_shows_the_overview_and_the_due_view() -> None:
    commands = [command.split()[0] for command, _ in SAMPLES]
    assert "summary" in commands and "due" in commands


@pytest.mark.parametrize(("command", "printed"), SAMPLES, ids=[command for command, _ in SAMPLES])
def test_every_readme_sample_is_what_kehoach_prints_at_80_columns(
    cli: Cli, command: str, printed: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The samples in the README are real runs on the shipped data, found from the checkout as a
    user's run finds it, and stay so (``docs/samples.py`` writes them anew)."""
    monkeypatch.chdir(REPO)
    result = cli(*shlex.split(command))
    assert result.exit_code == 0, result.stderr
    assert [line.rstrip() for line in result.stdout.splitlines()] == printed.splitlines()
    assert max(cell_len(line) for line in printed.splitlines()) <= 80


def test_the_readme_exit_codes_are_the_table_in_errors() -> None:
    section = re.search(r"### Exit codes\n\n\| code \| meaning \|\n\| --- \| --- \|\n((?:\|.*\|\n)+)", README)
    assert section is not None
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in section[1].splitlines()]
    assert [(int(code), meaning) for code, meaning in rows] == [(code.value, code.meaning) for code in ExitCode]
