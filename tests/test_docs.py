"""Every command has help and a README section; the Quickstart is what CI runs."""

from __future__ import annotations

import re

import pytest

from conftest import REPO, Cli
from kehoach.cli.app import app
from kehoach.errors import ExitCode

README = (REPO / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(command.name or command.callback.__name__ for command in app.registered_commands if command.callback)


def test_there_are_commands() -> None:
    assert {"validate", "tasks", "units"} <= set(COMMANDS)


WITHOUT_DATA = {"schema"}  # prints what the code generates; reads no data folder


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


def test_the_readme_due_output_is_what_kehoach_prints(cli: Cli) -> None:
    """The sample in the README is a real run on the shipped data, and stays one."""
    sample = re.search(r"```console\n\$ kehoach (due --quarter [^\n]*)\n(.*?)```", README, re.S)
    assert sample is not None
    result = cli(*sample[1].split(), "--data", str(REPO / "data"))
    assert [line.rstrip() for line in result.stdout.splitlines()] == sample[2].splitlines()


def test_the_readme_exit_codes_are_the_table_in_errors() -> None:
    section = re.search(r"### Exit codes\n\n\| code \| meaning \|\n\| --- \| --- \|\n((?:\|.*\|\n)+)", README)
    assert section is not None
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in section[1].splitlines()]
    assert [(int(code), meaning) for code, meaning in rows] == [(code.value, code.meaning) for code in ExitCode]
