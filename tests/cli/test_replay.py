"""A replayed answer belongs to one request: the command and every argument it was called with."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import pytest

from conftest import Cli
from kehoach.cli.replay import replay
from kehoach.domain.dataset import Dataset
from kehoach.files import load as load_module
from kehoach.files.cache import Cache

# Each family starts with a request; every other one differs from it in exactly one argument.
FAMILIES = [
    [
        ("due", "--as-of", "2022-12-31"),
        ("due", "--as-of", "2022-12-31", "--unit", "ban-a"),
        ("due", "--as-of", "2022-12-31", "--week"),
        ("due", "--as-of", "2022-12-31", "--month"),
        ("due", "--as-of", "2022-12-31", "--year"),
        ("due", "--as-of", "2022-12-31", "--format", "json"),
        ("due", "--as-of", "2023-01-01"),
    ],
    [
        ("upcoming", "--as-of", "2022-12-01"),
        ("upcoming", "--as-of", "2022-12-01", "--days", "31"),
        ("upcoming", "--as-of", "2022-12-01", "--unit", "huyen-b"),
    ],
    [
        ("overdue", "--as-of", "2024-03-01"),
        ("overdue", "--as-of", "2024-03-01", "--check"),
        ("overdue", "--as-of", "2024-03-01", "--format", "csv"),
    ],
    [("history",), ("history", "II.1"), ("history", "--unit", "ban-a")],
    [("tasks",), ("tasks", "--unit", "ban-a"), ("units",), ("events",), ("ongoing",)],
]


@pytest.fixture
def tracked(scenario: Callable[[str], Path]) -> Path:
    return scenario("tracked")


@pytest.fixture
def computed(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """One entry each time an answer is computed rather than replayed (the data is loaded)."""
    calls: list[object] = []
    real = load_module.load_valid

    def counting(*args: object, **kwargs: object) -> Dataset:
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(load_module, "load_valid", counting)
    return calls


@pytest.mark.parametrize("family", FAMILIES, ids=lambda family: family[0][0])
def test_requests_that_differ_in_one_argument_never_share_an_answer(
    cli: Cli, tracked: Path, computed: list[object], family: list[tuple[str, ...]]
) -> None:
    answers = []
    for request in family:
        before = len(computed)
        first = cli(*request, "--data", str(tracked))
        assert len(computed) == before + 1, f"{request} was given the answer of another request"
        again = cli(*request, "--data", str(tracked))
        assert len(computed) == before + 1, f"{request} was not replayed"
        assert again == first
        answers.append(first)
    cold = [cli(*request, "--data", str(tracked), env={"KEHOACH_CACHE": "off"}) for request in family]
    assert answers == cold


def echo(dataset: Dataset, out: TextIO, *, first: object, second: object = None) -> int:
    out.write(f"{len(dataset.units)} units: {first!r} {second!r}\n")
    return 0


def other(dataset: Dataset, out: TextIO, *, first: object, second: object = None) -> int:
    out.write("another command\n")
    return 3


other.__module__ = "tests.another_command"  # a command is known by its module, as each module has one run


def test_the_key_is_built_from_the_arguments_run_is_called_with(
    tracked: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = Cache(tmp_path / "cache")

    def printed(run: Callable[..., int], **arguments: object) -> tuple[int, str]:
        code = replay(tracked, cache, run, **arguments)
        return code, capsys.readouterr().out

    assert printed(echo, first=1) == (0, "2 units: 1 None\n")
    assert printed(echo, first=1) == (0, "2 units: 1 None\n")
    assert printed(echo, first=1, second=2) == (0, "2 units: 1 2\n")
    assert printed(echo, first="1") == (0, "2 units: '1' None\n")
    assert printed(echo, first=[1, 2]) == (0, "2 units: [1, 2] None\n")
    assert printed(echo, first=[1]) == (0, "2 units: [1] None\n")
    assert printed(echo, second=2, first=1) == (0, "2 units: 1 2\n")  # the order they are written in is no matter
    assert printed(other, first=1) == (3, "another command\n")


def test_a_replayed_answer_imports_no_command_and_no_model(tracked: Path, tmp_path: Path) -> None:
    script = (
        "import sys; from kehoach.cli import main; sys.argv = ['kehoach'] + sys.argv[1:]\n"
        "try:\n    main()\nfinally:\n"
        "    print(sorted(m for m in sys.modules if m.startswith(('kehoach.commands.', 'pydantic'))), file=sys.stderr)"
    )
    env = {**os.environ, "KEHOACH_CACHE": str(tmp_path / "cache"), "KEHOACH_LANG": "vi"}
    args = ["due", "--as-of", "2022-12-31", "--data", str(tracked)]
    first = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=env)
    assert "kehoach.commands.due" in first.stderr  # computed
    again = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=env)
    assert (again.returncode, again.stdout, again.stderr) == (0, first.stdout, "[]\n")


def test_an_answer_too_long_to_keep_is_written_whole_and_computed_again(
    cli: Cli, tracked: Path, computed: list[object], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the limit an answer is written as it comes, not held to be replayed: every record of a
    province as JSON would otherwise be held, copied and pickled (hundreds of megabytes)."""
    from kehoach.cli import replay as replay_module

    request = ("history", "--format", "json", "--data", str(tracked))
    cold = cli(*request, env={"KEHOACH_CACHE": "off"})
    assert len(cold.stdout) > 100
    monkeypatch.setattr(replay_module, "KEPT_ANSWER", 100)
    computed.clear()
    assert cli(*request) == cold and cli(*request) == cold
    assert len(computed) == 2, "a long answer was kept and replayed"
